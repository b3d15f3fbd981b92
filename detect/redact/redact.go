// Package redact writes a copy of a text with the findings of a
// [detect.Engine] replaced: masked, tagged with their kind, pseudonymised
// with a keyed hash, or removed.
//
// A [Redactor] streams: it reads an io.Reader through the engine's
// [detect.Scanner] and writes the output as it goes, holding at most the
// scanner's buffer (ChunkSize + 2*Margin), one merged span (Options.MaxSpan)
// and a write buffer, however long the input or its lines. Like the
// scanner's findings, the output does not depend on the chunk size or on
// how the reader splits its reads.
//
//	red := redact.New(eng, redact.Options{Default: redact.Tag("")})
//	stats, err := red.Copy(os.Stdout, f) // "NHS no [UK_NHS]"
//
// # Overlaps
//
// Findings that overlap (one starts before the other ends) are merged and
// their union is replaced once. The operator, kind and rule of the union
// are those of its longest finding, then the highest scoring, then the
// first. A union longer than Options.MaxSpan is cut there: findings that
// start inside what was already written are redacted from its end.
//
// Only findings the engine delivers are redacted: its Options.MinScore
// applies. Input the engine's binary policy refuses (detect.ErrBinary)
// produces no output. To redact UTF-16 or Windows-1252 text, read it
// through [github.com/tidemark/tidemark/detect/decode]: the output is UTF-8
// (wrap dst in golang.org/x/text/transform.NewWriter with the encoding's
// encoder to write the original encoding back).
//
// # Views
//
// [Redactor.CopyView] has the engine scan a view of the input rather than
// the input itself (a CSV file with each field labelled by its column
// header, say), maps the findings back to the input's offsets and writes
// the input with them replaced. A [Syntax] keeps the input's structure (a
// CSV file's quotes, separators and line ends) out of the replacements.
package redact

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
)

type opKind uint8

const (
	opTag opKind = iota
	opMask
	opPseudonym
	opRemove
)

// An Operator says how a finding is replaced. The zero Operator is
// Tag("").
type Operator struct {
	op   opKind
	char rune
	keep int
	text string
}

// Mask replaces each letter and digit with char ('*' when zero), keeping
// the last keepLast letters and digits and every other character, so
// that the layout survives: "020 7946 0018" becomes "*** **** **18" with
// Mask(0, 2). Bytes that are not valid UTF-8 are masked too.
func Mask(char rune, keepLast int) Operator {
	if char == 0 || !utf8.ValidRune(char) {
		char = '*'
	}
	return Operator{op: opMask, char: char, keep: max(0, keepLast)}
}

// Tag replaces the finding with text, or when text is empty with its kind
// in upper case between brackets, with characters other than ASCII
// letters and digits as '_': "uk.nhs" becomes "[UK_NHS]".
func Tag(text string) Operator { return Operator{op: opTag, text: text} }

// Pseudonym replaces the finding with a token derived from a keyed
// HMAC-SHA256 of its normalised value (see Options.Normalize), so that
// the same value gets the same token everywhere under the same key:
// "[PERSON_NAME_3f9a1c2e]". prefix replaces the upper-case kind when not
// empty.
func Pseudonym(prefix string) Operator { return Operator{op: opPseudonym, text: prefix} }

// Remove deletes the finding.
func Remove() Operator { return Operator{op: opRemove} }

// String describes the operator, for logs and flags.
func (o Operator) String() string {
	switch o.op {
	case opMask:
		return "mask"
	case opPseudonym:
		return "pseudonym"
	case opRemove:
		return "remove"
	}
	return "tag"
}

// Options configure a Redactor.
type Options struct {
	// Default is the operator for findings no Rules or Kinds entry names.
	// The zero value is Tag("").
	Default Operator
	// Kinds chooses the operator by the finding's kind.
	Kinds map[detect.Kind]Operator
	// Rules chooses the operator by the ID of the detector that reported
	// the finding; it takes precedence over Kinds.
	Rules map[string]Operator
	// Key is the HMAC key for Pseudonym. If empty, New draws a random key,
	// so tokens are consistent for the Redactor's lifetime only; set a key
	// (at least 16 random bytes, kept secret) for tokens consistent across
	// runs.
	Key []byte
	// TokenLen is the number of hex digits in a pseudonym token, 4..64;
	// zero means 8.
	TokenLen int
	// Normalize maps a value to the form that is hashed for Pseudonym,
	// appending to dst. value is the replaced span (the finding's match,
	// or the union of overlapping findings) and f the finding that chose
	// the operator, so a normaliser can use f.Kind, f.Rule or the engine's
	// Detail (for example a phone number's E.164 form). The finding's
	// kind is hashed beside the result. Nil means DefaultNormalize.
	Normalize func(dst []byte, f detect.Finding, value []byte) []byte
	// MaxSpan caps the length of a merged span of overlapping findings;
	// zero means DefaultMaxSpan.
	MaxSpan int
}

// DefaultMaxSpan is the default Options.MaxSpan: 64 KiB.
const DefaultMaxSpan = 64 << 10

// DefaultNormalize is the default Options.Normalize: it lower-cases the
// value and drops white space and the separators - . ( ) / so that
// "020 7946 0018" and "020-7946-0018", or "Jo Bloggs" and "jo  bloggs",
// get the same token. The kind is hashed beside the value, so equal
// values of different kinds get different tokens.
func DefaultNormalize(dst []byte, _ detect.Finding, value []byte) []byte {
	for len(value) > 0 {
		r, n := utf8.DecodeRune(value)
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, value[0])
			value = value[1:]
			continue
		}
		value = value[n:]
		switch {
		case unicode.IsSpace(r), r == '-', r == '.', r == '(', r == ')', r == '/':
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// Stats count what a Copy or Bytes call did.
type Stats struct {
	Scan     detect.Stats // the scanner's counters
	Redacted int64        // findings redacted
	Spans    int64        // replaced spans (overlapping findings merged)
	In       int64        // bytes read
	Out      int64        // bytes written
	// Buffered is the largest number of input bytes the call held at
	// once: at most the scanner's buffer (ChunkSize + 2*Margin) plus
	// MaxSpan plus one scanner read; for CopyView, plus what the view
	// has read ahead of its own output.
	Buffered int64
}

// A Redactor redacts with one engine and one set of options. It is safe
// for concurrent use by multiple goroutines; each call has its own state.
type Redactor struct {
	eng     *detect.Engine
	opts    Options
	key     []byte
	maxSpan int64
	pool    sync.Pool // *state
}

// New returns a Redactor that redacts the findings of eng as opts say.
func New(eng *detect.Engine, opts Options) *Redactor {
	r := &Redactor{eng: eng, opts: opts}
	r.opts.Kinds = cloneMap(opts.Kinds)
	r.opts.Rules = cloneMap(opts.Rules)
	r.key = bytes.Clone(opts.Key)
	if len(r.key) == 0 {
		r.key = make([]byte, 32)
		if _, err := rand.Read(r.key); err != nil {
			panic("redact: no randomness for the pseudonym key: " + err.Error())
		}
	}
	if r.opts.TokenLen == 0 {
		r.opts.TokenLen = 8
	}
	r.opts.TokenLen = min(64, max(4, r.opts.TokenLen))
	if r.opts.Normalize == nil {
		r.opts.Normalize = DefaultNormalize
	}
	r.maxSpan = int64(r.opts.MaxSpan)
	if r.maxSpan <= 0 {
		r.maxSpan = DefaultMaxSpan
	}
	r.maxSpan = max(r.maxSpan, detect.MaxMaxLen)
	r.pool.New = func() any {
		return &state{r: r, mac: hmac.New(sha256.New, r.key), bw: bufio.NewWriterSize(nil, 32<<10)}
	}
	return r
}

func cloneMap[K comparable](m map[K]Operator) map[K]Operator {
	if m == nil {
		return nil
	}
	c := make(map[K]Operator, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func (r *Redactor) operator(f *detect.Finding) Operator {
	if o, ok := r.opts.Rules[f.Rule]; ok {
		return o
	}
	if o, ok := r.opts.Kinds[f.Kind]; ok {
		return o
	}
	return r.opts.Default
}

// Copy writes src to dst with the engine's findings redacted, until EOF
// on src or an error. Errors from src come back as *detect.ReadError;
// output is written up to the point where the error was met.
func (r *Redactor) Copy(dst io.Writer, src io.Reader) (Stats, error) {
	return r.CopyView(dst, src, nil)
}

// A View tells [Redactor.CopyView] what the engine scans in place of the
// input, and which of the input's bytes no replacement may touch.
type View struct {
	// Scan returns the reader the engine scans, given a reader of the
	// input: for example the input with labels inserted. The reader
	// must implement [detect.OffsetMapper], mapping an offset in its
	// output to one in the input it read; the mapping must be monotonic
	// and exact for every offset within the last ChunkSize + 2*Margin
	// bytes it returned (the Scanner's buffer). Scan is called once per
	// CopyView call, and the reader is dropped when it returns. Nil means
	// the input itself.
	Scan func(input io.Reader) io.Reader
	// Syntax, if not nil, keeps the input's structure out of the
	// replacements.
	Syntax Syntax
}

// A Syntax keeps a format's structure out of the replacements: the
// quotes, separators and line ends of a CSV file, say. CopyView passes
// every input byte through Next, once and in order. Bytes Next reports as
// structure are written as they are even inside a finding: a span of
// findings is replaced piece by piece, each run of content between its
// structure bytes on its own (each has its own Mask count or Pseudonym
// token), and each replacement goes through Escape before it is written.
// A Syntax is used by one CopyView call at a time.
type Syntax interface {
	// Next consumes a prefix of b (which is not empty) that is all
	// structure or all content and returns its length, at least 1, and
	// whether it is structure. b may end anywhere, even inside a token
	// of the format.
	Next(b []byte) (n int, structure bool)
	// Escape appends rep to dst, changed where needed so that it is
	// valid in place of the content Next has just consumed, and returns
	// the result.
	Escape(dst, rep []byte) []byte
}

// CopyView is Copy for findings made on a view of src: the engine scans
// v.Scan's reader of src, its findings are mapped back to offsets in src
// through that reader's MapOffset, and src is written to dst with those
// spans replaced, outside v.Syntax's structure bytes. A finding that maps
// to an empty span replaces nothing. Memory stays bounded as for Copy,
// plus what the view holds, as long as the view reads src only as far as
// it needs to produce its own output. With a nil v, CopyView is Copy.
func (r *Redactor) CopyView(dst io.Writer, src io.Reader, v *View) (Stats, error) {
	s := r.pool.Get().(*state)
	defer r.put(s)
	s.reset(dst)
	t := &tee{s: s, src: src}
	var in io.Reader = t
	if v != nil {
		s.syn = v.Syntax
		if v.Scan != nil {
			in = v.Scan(t)
			om, ok := in.(detect.OffsetMapper)
			if !ok {
				return Stats{}, errors.New("redact: the View's reader does not implement detect.OffsetMapper")
			}
			s.om = om
		}
	}
	if s.sc == nil {
		s.sc = r.eng.NewScanner(in)
	} else {
		s.sc.Reset(in)
	}
	t.sc = s.sc
	for s.sc.Scan() {
		f := s.sc.Finding()
		s.add(&f)
		if s.err != nil {
			break
		}
	}
	err := s.sc.Err()
	if s.err != nil {
		err = s.err
	}
	if err == nil {
		s.advance(s.end())
		s.finish()
	} else if !errors.Is(err, detect.ErrBinary) {
		// Write what is settled; the rest is unknown.
		s.advance(s.settled())
	}
	if ferr := s.bw.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err == nil {
		err = s.err
	}
	st := s.stats
	st.Scan = s.sc.Stats()
	st.In = t.n
	return st, err
}

// Bytes returns a redacted copy of text. Its result equals what Copy
// writes for the same input.
func (r *Redactor) Bytes(text []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(text) + len(text)/8)
	_, err := r.Copy(&out, bytes.NewReader(text))
	return out.Bytes(), err
}

func (r *Redactor) put(s *state) {
	s.bw.Reset(nil)
	s.w = nil
	s.syn, s.om = nil, nil
	if cap(s.buf) > 4<<20 {
		s.buf = nil
	}
	if cap(s.rep) > 1<<20 {
		s.rep, s.esc = nil, nil
	}
	if s.sc != nil {
		s.sc.Reset(nil)
	}
	r.pool.Put(s)
}

// state is the per-call redaction state. buf holds the input bytes from
// offset base (the write position: everything before it is written) to
// the end of what the scanner has read.
type state struct {
	r    *Redactor
	sc   *detect.Scanner
	w    io.Writer
	bw   *bufio.Writer
	err  error  // sticky write error
	buf  []byte // buf[off:] is the input from offset base on
	off  int
	base int64

	// The pending span [cs, ce), merged from overlapping findings, and
	// the finding that chose its operator.
	open   bool
	cs, ce int64
	win    detect.Finding
	n      int64 // findings merged into the span

	syn Syntax              // CopyView's Syntax, or nil
	om  detect.OffsetMapper // CopyView's view, or nil
	rep []byte              // a piece's replacement (with a Syntax)
	esc []byte              // rep escaped

	mac   hash.Hash
	hex   [2 * sha256.Size]byte
	norm  []byte
	sum   []byte
	stats Stats
}

// end returns the offset of the end of the input read so far.
func (s *state) end() int64 { return s.base + int64(len(s.buf)-s.off) }

// settled returns the offset up to which every finding has been
// delivered: the scanner's Offset, mapped to the input. A view breaking
// its contract cannot take it outside what is held.
func (s *state) settled() int64 {
	off := s.sc.Offset()
	if s.om != nil {
		off = s.om.MapOffset(off)
	}
	return min(off, s.end())
}

func (s *state) reset(w io.Writer) {
	s.w = w
	s.bw.Reset(countWriter{s})
	s.err = nil
	s.buf, s.off = s.buf[:0], 0
	s.base = 0
	s.open = false
	s.stats = Stats{}
}

// countWriter counts and forwards the output.
type countWriter struct{ s *state }

func (c countWriter) Write(p []byte) (int, error) {
	n, err := c.s.w.Write(p)
	c.s.stats.Out += int64(n)
	return n, err
}

// add merges or opens a span for the finding f. Findings arrive in order
// of Start.
func (s *state) add(f *detect.Finding) {
	if s.om != nil {
		// A view's finding may map to an empty span (inside a label),
		// and one breaking its contract outside what is held.
		if f.End > s.end() {
			f.End = s.end()
		}
		if f.End <= max(f.Start, s.base) {
			return
		}
	}
	start := max(f.Start, s.base)
	if s.open && start >= s.ce {
		s.flushSpan()
		start = max(f.Start, s.base)
	}
	if !s.open && start >= f.End {
		return // already written as part of a span cut at MaxSpan
	}
	s.stats.Redacted++
	if !s.open {
		s.write(s.bytes(s.base, start))
		s.open, s.cs, s.ce, s.win, s.n = true, start, f.End, *f, 1
		return
	}
	if f.End-s.cs > s.r.maxSpan {
		// Cut the span: write it, and redact the rest of f on its own.
		s.flushSpan()
		if f.End > s.base {
			s.open, s.cs, s.ce, s.win, s.n = true, s.base, f.End, *f, 1
		}
		return
	}
	s.ce = max(s.ce, f.End)
	s.n++
	if better(f, &s.win) {
		s.win = *f
	}
}

// better reports whether f should choose the operator over w: longer,
// then higher scoring; the earlier finding wins ties.
func better(f, w *detect.Finding) bool {
	if fl, wl := f.Len(), w.Len(); fl != wl {
		return fl > wl
	}
	return f.Score > w.Score
}

// advance writes what no future finding can change: the input before
// off (the scanner's Offset) and, when off has passed it, the open span.
func (s *state) advance(off int64) {
	if s.open {
		if off < s.ce {
			return // the span may still grow; bytes before it were written when it opened
		}
		s.flushSpan()
	}
	if off > s.base {
		s.write(s.bytes(s.base, off))
	}
}

func (s *state) finish() {
	if s.open {
		s.flushSpan()
	}
	s.write(s.buf[s.off:])
}

// bytes returns the input [a, b), which must be held in buf.
func (s *state) bytes(a, b int64) []byte {
	return s.buf[s.off+int(a-s.base) : s.off+int(b-s.base)]
}

// write writes raw input p (which starts at base) and drops it from buf.
func (s *state) write(p []byte) {
	if len(p) == 0 {
		return
	}
	if s.syn != nil {
		for b := p; len(b) > 0; {
			n, _ := s.syn.Next(b)
			b = b[min(max(n, 1), len(b)):]
		}
	}
	if s.err == nil {
		_, s.err = s.bw.Write(p)
	}
	s.consume(int64(len(p)))
}

// consume advances base by n: the first n live bytes are done with.
func (s *state) consume(n int64) {
	s.base += n
	s.off += int(n)
	if s.off == len(s.buf) {
		s.buf, s.off = s.buf[:0], 0
	}
}

// room makes space in buf for n more bytes, moving the live bytes to the
// front when that frees enough and growing buf otherwise.
func (s *state) room(n int) {
	if cap(s.buf)-len(s.buf) >= n {
		return
	}
	live := len(s.buf) - s.off
	if s.off > 0 && cap(s.buf)-live >= n && live <= cap(s.buf)/2 {
		s.buf = s.buf[:copy(s.buf, s.buf[s.off:])]
		s.off = 0
		return
	}
	nb := make([]byte, live, max(2*cap(s.buf), live+n, 64<<10))
	copy(nb, s.buf[s.off:])
	s.buf, s.off = nb, 0
}

// flushSpan writes the replacement of the open span and closes it.
func (s *state) flushSpan() {
	s.open = false
	s.stats.Spans++
	v := s.bytes(s.cs, s.ce)
	op := s.r.operator(&s.win)
	if s.syn != nil {
		s.replacePieces(op, v)
	} else if s.err == nil {
		s.err = s.replace(op, v)
	}
	s.consume(s.ce - s.cs)
}

// replacePieces replaces span v under a Syntax: its structure bytes are
// written as they are, each run of content between them replaced and
// escaped.
func (s *state) replacePieces(op Operator, v []byte) {
	for len(v) > 0 {
		n, structure := s.syn.Next(v)
		n = min(max(n, 1), len(v))
		piece := v[:n]
		v = v[n:]
		if s.err != nil {
			continue // keep the Syntax in step; nothing more is written
		}
		if structure {
			_, s.err = s.bw.Write(piece)
			continue
		}
		s.rep = s.appendReplacement(s.rep[:0], op, piece)
		s.esc = s.syn.Escape(s.esc[:0], s.rep)
		_, s.err = s.bw.Write(s.esc)
	}
}

// replace writes the replacement of v under op.
func (s *state) replace(op Operator, v []byte) error {
	s.rep = s.appendReplacement(s.rep[:0], op, v)
	_, err := s.bw.Write(s.rep)
	return err
}

// appendReplacement appends the replacement of v under op to dst.
func (s *state) appendReplacement(dst []byte, op Operator, v []byte) []byte {
	switch op.op {
	case opRemove:
		return dst
	case opMask:
		return appendMask(dst, op, v)
	case opPseudonym:
		dst = append(dst, '[')
		dst = s.appendPrefix(dst, op.text)
		dst = append(dst, '_')
		s.norm = append(append(s.norm[:0], s.win.Kind...), 0)
		s.norm = s.r.opts.Normalize(s.norm, s.win, v)
		s.mac.Reset()
		s.mac.Write(s.norm)
		s.sum = s.mac.Sum(s.sum[:0])
		hex.Encode(s.hex[:], s.sum)
		dst = append(dst, s.hex[:s.r.opts.TokenLen]...)
		return append(dst, ']')
	}
	if op.text != "" {
		return append(dst, op.text...)
	}
	dst = append(dst, '[')
	dst = s.appendPrefix(dst, "")
	return append(dst, ']')
}

// appendPrefix appends text, or the winning finding's kind as a tag name.
func (s *state) appendPrefix(dst []byte, text string) []byte {
	if text != "" {
		return append(dst, text...)
	}
	k := s.win.Kind
	if k == "" {
		k = "REDACTED"
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			c = '_'
		}
		dst = append(dst, c)
	}
	return dst
}

func appendMask(dst []byte, op Operator, v []byte) []byte {
	// Count the letters and digits to find where keeping starts.
	total := 0
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRune(v[i:])
		if maskable(r, n) {
			total++
		}
		i += n
	}
	seen := 0
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRune(v[i:])
		if maskable(r, n) {
			seen++
			if seen <= total-op.keep {
				dst = utf8.AppendRune(dst, op.char)
				i += n
				continue
			}
		}
		dst = append(dst, v[i:i+n]...)
		i += n
	}
	return dst
}

// maskable reports whether the rune (n bytes of input) is masked: a
// letter, a digit, or an invalid byte.
func maskable(r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r)
}

// tee is the scanner's reader (or the view's): it keeps a copy of what it
// reads in the state's buffer and, before each read, writes out what is
// settled, so that the buffer holds no more than the scanner's own (and
// the view's read-ahead) plus the open span.
type tee struct {
	s   *state
	sc  *detect.Scanner
	src io.Reader
	n   int64
}

func (t *tee) Read(p []byte) (int, error) {
	if t.sc != nil { // nil while View.Scan reads ahead
		t.s.advance(t.s.settled())
	}
	if t.s.err != nil {
		return 0, t.s.err
	}
	t.s.room(len(p))
	n, err := t.src.Read(p)
	if n > 0 && n <= len(p) {
		t.s.buf = append(t.s.buf, p[:n]...)
		t.n += int64(n)
		t.s.stats.Buffered = max(t.s.stats.Buffered, int64(len(t.s.buf)-t.s.off))
	}
	return n, err
}
