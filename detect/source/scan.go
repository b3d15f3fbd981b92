package source

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
)

// A Func receives each finding with its matched bytes. Both are valid
// only during the call (copy the Finding to keep it; its Loc may be kept);
// for decoded inputs the bytes are the decoded ones. Returning an error
// stops the scan, which returns that error.
type Func func(f *Finding, match []byte) error

// Scan reads one input named name from r and calls fn for each finding,
// in order of input within each unit. The name is used for format
// detection and error messages.
//
// An error about one unit (an archive member, an e-mail, a part) does not
// stop the others: Scan goes on and returns them all at the end, joined
// (errors.Join), each a *LimitError or an *Error naming the file. An error
// returned by fn stops the scan at once and is returned as it is.
func Scan(eng *detect.Engine, name string, r io.Reader, opts *Options, fn Func) error {
	s := newRun(eng, opts, fn)
	loc := Location{Path: name}
	if s.opts.Progress != nil {
		r = &counter{r: r, fn: s.opts.Progress}
	}
	err := s.input(&loc, name, r, nil, -1, s.opts.Format, 0)
	return s.finish(err)
}

// ScanFile scans the named file like Scan. A large plain-text UTF-8 file
// is scanned by Options.Workers goroutines (detect.Engine.ScanAt); a .zip
// file is read in place.
func ScanFile(eng *detect.Engine, name string, opts *Options, fn Func) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.IsDir() {
		return &Error{Path: name, Err: errors.New("is a directory")}
	}
	s := newRun(eng, opts, fn)
	loc := Location{Path: name}
	size := st.Size()
	format := s.opts.Format
	if format == Auto || format == Text {
		head := make([]byte, min(size, 8<<10))
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		if format == Auto {
			format = Sniff(name, head)
		}
		if format == Text && s.opts.Workers > 1 && size >= parallelMin && st.Mode().IsRegular() &&
			validPrefix(head) && !bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}) {
			return s.finish(s.textAt(&loc, f, size))
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
	}
	var r io.Reader = f
	if s.opts.Progress != nil {
		r = &counter{r: f, fn: s.opts.Progress}
	}
	var ra io.ReaderAt
	if st.Mode().IsRegular() {
		ra = f
	}
	return s.finish(s.input(&loc, name, r, ra, size, format, 0))
}

// parallelMin is the smallest file ScanFile splits across workers.
var parallelMin int64 = 32 << 20

type run struct {
	eng   *detect.Engine
	opts  Options
	fn    Func
	lim   Limits
	bytes int64 // decompressed/decoded bytes so far
	parts int
	errs  []error
	sc    *detect.Scanner
	found []detect.Finding
	cur   Finding // the finding handed to fn, reused
}

func newRun(eng *detect.Engine, opts *Options, fn Func) *run {
	s := &run{eng: eng, fn: fn}
	if opts != nil {
		s.opts = *opts
	}
	s.lim = s.opts.Limits.withDefaults()
	return s
}

// stop wraps an error from the caller's Func, which ends the scan.
type stop struct{ err error }

func (e stop) Error() string { return e.err.Error() }

func (s *run) finish(err error) error {
	var st stop
	if errors.As(err, &st) {
		return st.err
	}
	if err != nil {
		s.errs = append(s.errs, err)
	}
	return errors.Join(s.errs...)
}

// unitErr records an error about one unit and lets the scan go on, unless
// it is the caller's stop.
func (s *run) unitErr(loc *Location, err error) error {
	if err == nil {
		return nil
	}
	var st stop
	if errors.As(err, &st) {
		return err
	}
	var le *LimitError
	if errors.As(err, &le) {
		err = le
	} else {
		var e *Error
		if !errors.As(err, &e) {
			err = &Error{Path: displayPath(loc), Err: err}
		}
	}
	s.errs = append(s.errs, err)
	return nil
}

func displayPath(loc *Location) string {
	if loc.Entry == "" {
		return loc.Path
	}
	return loc.Path + "!" + loc.Entry
}

// unitPath names a unit for notes: the path, then the message and part.
func unitPath(loc *Location) string {
	p := displayPath(loc)
	if loc.Message > 0 {
		p += fmt.Sprintf(" (message %d", loc.Message)
		if loc.Part != "" {
			p += " part " + loc.Part
		}
		p += ")"
	}
	return p
}

func (s *run) emit(f detect.Finding, loc *Location, match []byte) error {
	s.cur = Finding{Finding: f, Loc: loc}
	if err := s.fn(&s.cur, match); err != nil {
		return stop{err}
	}
	return nil
}

func (s *run) skip(loc *Location, reason error) {
	if s.opts.Skip != nil {
		s.opts.Skip(unitPath(loc), reason)
	}
}

// input dispatches one input (a file or an archive member) by format.
func (s *run) input(loc *Location, name string, r io.Reader, ra io.ReaderAt, size int64, format Format, depth int) error {
	br := bufio.NewReaderSize(r, 16<<10)
	if format == Auto {
		head, _ := br.Peek(8 << 10)
		format = Sniff(name, head)
	}
	loc.Format = format
	switch format {
	case Zip:
		return s.zip(loc, br, ra, size, depth)
	case WhatsApp:
		return s.chat(loc, br)
	case Mbox:
		return s.mbox(loc, br, depth)
	case EML:
		return s.eml(loc, br, depth)
	case CSV:
		return s.csv(loc, br)
	}
	return s.text(loc, br)
}

// text streams plain text through a Scanner.
func (s *run) text(loc *Location, r io.Reader) error {
	return s.stream(loc, decodeText(r))
}

// stream scans UTF-8 text from r with the run's Scanner.
func (s *run) stream(loc *Location, dr io.Reader) error {
	if s.sc == nil {
		s.sc = s.eng.NewScanner(dr)
	} else {
		s.sc.Reset(dr)
	}
	sc := s.sc
	for sc.Scan() {
		if err := s.emit(sc.Finding(), loc, sc.Bytes()); err != nil {
			return err
		}
	}
	err := sc.Err()
	sc.Reset(nil)
	if errors.Is(err, detect.ErrBinary) {
		s.skip(loc, err)
		return nil
	}
	return err
}

// textAt scans a large plain UTF-8 file with several workers.
func (s *run) textAt(loc *Location, f *os.File, size int64) error {
	loc.Format = Text
	var done int64
	_, err := s.eng.ScanAt(f, size, &detect.ParallelOptions{Workers: s.opts.Workers}, func(df detect.Finding, match []byte) error {
		if s.opts.Progress != nil && df.Start-done > 1<<20 {
			done = df.Start
			s.opts.Progress(done)
		}
		return s.emit(df, loc, match)
	})
	if s.opts.Progress != nil {
		s.opts.Progress(size)
	}
	if errors.Is(err, detect.ErrBinary) {
		s.skip(loc, err)
		return nil
	}
	return err
}

// findIn scans an in-memory unit and emits its findings, with offsets
// moved by base and lines by line-1. names are display-name ranges in
// text, reported as person.name findings of MailNameID among the others
// in order of Start; a detector's person.name finding within one of those
// ranges is dropped as a duplicate.
//
// If om is not nil, offsets (after adding base) are mapped through it.
func (s *run) findIn(loc *Location, text []byte, base, line int64, names [][2]int, om detect.OffsetMapper) error {
	var err error
	s.found, err = s.eng.AppendFind(s.found[:0], text)
	if errors.Is(err, detect.ErrBinary) {
		s.skip(loc, err)
		return nil
	}
	if len(names) > 0 {
		s.found = slices.DeleteFunc(s.found, func(f detect.Finding) bool {
			if f.Kind != KindPersonName {
				return false
			}
			for _, n := range names {
				if int(f.Start) >= n[0] && int(f.End) <= n[1] {
					return true // within a display name: reported whole
				}
			}
			return false
		})
		for _, n := range names {
			s.found = append(s.found, detect.Finding{Start: int64(n[0]), End: int64(n[1]), Line: 1 + int64(bytes.Count(text[:n[0]], []byte("\n"))),
				Rule: MailNameID, Kind: KindPersonName, Score: 100})
		}
		slices.SortStableFunc(s.found, func(a, b detect.Finding) int { return cmp.Compare(a.Start, b.Start) })
	}
	for _, f := range s.found {
		match := text[f.Start:f.End]
		f.Start += base
		f.End += base
		if om != nil {
			f.Start, f.End = om.MapOffset(f.Start), om.MapOffset(f.End)
		}
		f.Line += line - 1
		if err := s.emit(f, loc, match); err != nil {
			return err
		}
	}
	return nil
}

// Sniff guesses the format of a file from its name and its first bytes
// (8 KiB are enough).
func Sniff(name string, head []byte) Format {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/")))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return Zip
	case ext == ".zip" && len(head) == 0:
		return Zip
	case bytes.HasPrefix(head, []byte("From ")):
		return Mbox
	case ext == ".mbox" || ext == ".mbx":
		return Mbox
	}
	text := head
	if bytes.HasPrefix(text, []byte{0xef, 0xbb, 0xbf}) {
		text = text[3:]
	}
	if whatsappSniff(text) {
		return WhatsApp
	}
	if ext == ".eml" || looksLikeMail(text) {
		return EML
	}
	if ext == ".csv" || ext == ".tsv" {
		return CSV
	}
	return Text
}

// mailHeaders are header names that, leading a file, mark an e-mail.
var mailHeaders = []string{
	"return-path:", "received:", "from:", "to:", "subject:", "date:", "message-id:",
	"mime-version:", "delivered-to:", "x-", "content-type:", "reply-to:", "cc:", "dkim-signature:",
	"arc-", "authentication-results:", "sender:", "x-protective-marking:", "thread-topic:",
}

// looksLikeMail reports whether head starts with at least three header
// lines including From, Subject, Date or Message-ID.
func looksLikeMail(head []byte) bool {
	n, key := 0, false
	for len(head) > 0 && n < 40 {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			break
		}
		line := bytes.TrimRight(head[:i], "\r")
		head = head[i+1:]
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // folded
		}
		c := bytes.IndexByte(line, ':')
		if c <= 0 || bytes.ContainsAny(line[:c], " \t") || !utf8.Valid(line[:c]) {
			return false
		}
		low := strings.ToLower(string(line[:c+1]))
		known := false
		for _, h := range mailHeaders {
			if strings.HasPrefix(low, h) {
				known = true
			}
		}
		if !known && n == 0 {
			return false
		}
		switch low {
		case "from:", "subject:", "date:", "message-id:":
			key = true
		}
		n++
	}
	return n >= 3 && key
}

// counter reports progress on the bytes read through it.
type counter struct {
	r    io.Reader
	n    int64
	last int64
	fn   func(int64)
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n-c.last >= 1<<20 || err != nil {
		c.last = c.n
		c.fn(c.n)
	}
	return n, err
}

// budget wraps r so that reading more than the run's remaining
// decompressed-byte budget fails with a *LimitError for loc.
func (s *run) budget(loc *Location, r io.Reader) io.Reader {
	return &budgetReader{s: s, r: r, loc: loc}
}

type budgetReader struct {
	s   *run
	r   io.Reader
	loc *Location
}

func (b *budgetReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.s.bytes += int64(n)
	if b.s.bytes > b.s.lim.MaxBytes {
		return n, &LimitError{Path: displayPath(b.loc), Limit: "max-bytes", Value: b.s.lim.MaxBytes}
	}
	return n, err
}

func (s *run) countPart(loc *Location) error {
	s.parts++
	if s.parts > s.lim.MaxParts {
		return &LimitError{Path: displayPath(loc), Limit: "max-parts", Value: int64(s.lim.MaxParts)}
	}
	return nil
}
