// Package decode turns an input in UTF-8, UTF-16 or a legacy single-byte
// encoding into UTF-8 for the detection engine, and maps offsets in the
// decoded text back to offsets in the original bytes.
//
// A [Reader] sniffs a byte order mark. A UTF-8 BOM is stripped and the rest
// passes through untouched; a UTF-16 BOM (little or big endian) selects a
// UTF-16 decoder from golang.org/x/text/encoding/unicode. Without a BOM the
// input is UTF-8, unless [Options] name an encoding to use instead
// (Options.Encoding) or an encoding to fall back to when the head of the
// input is not valid UTF-8 (Options.Fallback, typically
// charmap.Windows1252).
//
// Reader implements [detect.OffsetMapper], so a [detect.Scanner] reading
// from it reports findings at offsets of the original bytes:
//
//	sc := eng.NewScanner(decode.NewReader(f, nil))
//	for sc.Scan() {
//		f := sc.Finding() // f.Start, f.End index the file's own bytes
//	}
//
// # Offset mapping
//
// The mapping is exact for every offset in the history window: the last
// Options.History bytes (default [DefaultHistory], 256 KiB) of decoded
// output returned by Read. A Scanner only maps offsets within its buffer
// of ChunkSize + 2*Margin bytes (at most 81 KiB with the default 64 KiB
// chunk, as Margin is at most 2*MaxMaxLen+MaxRadius+2), so the default
// window suits chunk sizes up to 230 KiB; raise History for larger
// chunks. [Reader.Inexact] counts mappings that fell outside the window.
// The window costs about History bytes of original text for single-byte
// encodings and twice that for UTF-16, plus up to as much again as
// slack for compaction. An offset d maps to the offset
// of the first original byte of the code unit(s) that produced decoded
// byte d (so an offset inside a multi-byte rune maps to that rune's start),
// and the total decoded length maps to the total original length.
//
// Memory stays bounded whatever the input size and line length: the
// Reader keeps a checkpoint (decoded offset, original offset) every
// [BlockSize] decoded bytes and the original bytes of the blocks in the
// window, and recomputes positions inside a block from those bytes. For
// UTF-16 and single-byte charmaps the recomputation follows x/text's
// decoders exactly, including U+FFFD for unpaired surrogates and for an
// odd trailing byte. For other encodings it re-decodes the block with a
// fresh decoder, which is exact for stateless encodings (Shift JIS, GBK,
// EUC-KR, Big5…) and approximate inside a block for stateful ones
// (ISO-2022-JP).
//
// Invalid input never causes a panic: x/text replaces what it cannot
// decode with U+FFFD, and invalid UTF-8 passes through as bytes (the
// engine scans bytes).
package decode

import (
	"errors"
	"io"
	"sort"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/tidemark/tidemark/detect"
)

// Options configure a Reader. A nil or zero Options means: detect a BOM,
// otherwise pass the input through as UTF-8.
type Options struct {
	// Encoding, if not nil, decodes input that has no BOM, instead of
	// treating it as UTF-8 (for example charmap.Windows1252).
	Encoding encoding.Encoding
	// Fallback, if not nil and Encoding is nil, decodes input that has no
	// BOM and whose first SniffLen bytes are not valid UTF-8.
	Fallback encoding.Encoding
	// History is the number of decoded bytes, counted back from the end
	// of the output returned so far, for which MapOffset is exact. Zero
	// means DefaultHistory. It must exceed the buffer of the Scanner that
	// reads the Reader (ChunkSize + 2*Margin).
	History int
}

const (
	// DefaultHistory is the default Options.History: 256 KiB, three
	// times the largest Scanner buffer with the default chunk size.
	DefaultHistory = 256 << 10
	// SniffLen is how many leading bytes are checked for valid UTF-8
	// when Options.Fallback is set.
	SniffLen = 8 << 10
	// BlockSize is the decoded length between two offset checkpoints;
	// mapping an offset costs at most one pass over one block.
	BlockSize = 2 << 10
)

// Encoding names reported by [Reader.Encoding].
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
)

const (
	readSize = 32 << 10 // bytes read from the source at a time
	outSize  = 32 << 10 // decoded output buffer
)

type mode uint8

const (
	modeNew mode = iota
	modePass
	modeDecode
)

// A Reader decodes its source to UTF-8. It implements io.Reader and
// [detect.OffsetMapper]. It is not safe for concurrent use.
type Reader struct {
	src  io.Reader
	opts Options
	hist int64

	mode mode
	name string
	bom  int   // length of the stripped BOM
	rerr error // sticky error from src (io.EOF included)

	// modePass: sniffed bytes not yet returned.
	head []byte

	// modeDecode.
	t       transform.Transformer
	m       model
	raw     []byte // raw[i] is the original byte at offset rawBase+i
	rawBase int64
	pos     int  // raw[:pos] has been consumed by t
	eof     bool // src is exhausted: raw ends at the end of the input
	done    bool // t has consumed everything at EOF
	terr    error
	out     []byte
	o0, o1  int   // out[o0:o1] is decoded and not yet returned
	dTot    int64 // decoded bytes produced by t
	blocks  []block
	bh      int   // blocks[bh:] are live
	cur     block // the unit start found by the last MapOffset
	inexact int64
}

// A block is an offset checkpoint: decoded offset d comes from original
// offset o, both at a code unit boundary.
type block struct{ d, o int64 }

var _ detect.OffsetMapper = (*Reader)(nil)

// NewReader returns a Reader decoding r as described by opts (nil means
// the defaults). The Reader reads nothing until its first Read, Encoding
// or MapOffset call.
func NewReader(r io.Reader, opts *Options) *Reader {
	d := &Reader{src: r}
	if opts != nil {
		d.opts = *opts
	}
	d.hist = int64(d.opts.History)
	if d.hist <= 0 {
		d.hist = DefaultHistory
	}
	return d
}

// Reset discards the Reader's state and makes it read from r with the
// same options, keeping its buffers, so that one Reader can decode many
// inputs without allocating again.
func (d *Reader) Reset(r io.Reader) {
	*d = Reader{src: r, opts: d.opts, hist: d.hist, raw: d.raw[:0], out: d.out, blocks: d.blocks[:0]}
}

// Encoding reports the encoding in use: "utf-8", "utf-16le", "utf-16be"
// or the name of Options.Encoding or Options.Fallback ("windows-1252").
// It sniffs the input first if no Read has done so yet.
func (d *Reader) Encoding() string {
	d.sniff()
	return d.name
}

// BOM reports the length of the byte order mark stripped from the input
// (0, 2 or 3). It sniffs the input first if no Read has done so yet.
func (d *Reader) BOM() int {
	d.sniff()
	return d.bom
}

// Inexact reports how many MapOffset calls asked for an offset older than
// the history window and so got an approximate answer. It is zero when
// the window is large enough for the reader's caller.
func (d *Reader) Inexact() int64 { return d.inexact }

// Read reads decoded UTF-8 into p. Errors from the source are returned
// after the bytes decoded before them.
func (d *Reader) Read(p []byte) (int, error) {
	d.sniff()
	if d.mode == modePass {
		if len(d.head) > 0 {
			n := copy(p, d.head)
			d.head = d.head[n:]
			return n, nil
		}
		if d.rerr != nil {
			return 0, d.rerr
		}
		if len(p) == 0 {
			return 0, nil
		}
		return d.src.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	for d.o0 == d.o1 {
		if d.done || d.terr != nil {
			switch {
			case d.terr != nil:
				return 0, d.terr
			case d.rerr != nil:
				return 0, d.rerr
			}
			return 0, io.EOF
		}
		d.fill()
	}
	n := copy(p, d.out[d.o0:d.o1])
	d.o0 += n
	return n, nil
}

// sniff reads the head of the input and chooses the mode.
func (d *Reader) sniff() {
	if d.mode != modeNew {
		return
	}
	want := 3
	if d.opts.Encoding == nil && d.opts.Fallback != nil {
		want = SniffLen
	}
	head := d.raw[:0]
	if cap(head) < max(want, readSize) {
		head = make([]byte, 0, max(want, readSize))
	}
	head, d.rerr = readAtLeast(d.src, head, want)

	var enc encoding.Encoding
	switch {
	case len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF:
		d.bom, d.name = 3, UTF8
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xFE:
		d.bom, d.name = 2, UTF16LE
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		d.m = utf16Model{big: false}
	case len(head) >= 2 && head[0] == 0xFE && head[1] == 0xFF:
		d.bom, d.name = 2, UTF16BE
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
		d.m = utf16Model{big: true}
	case d.opts.Encoding != nil:
		enc = d.opts.Encoding
	case d.opts.Fallback != nil && !validHead(head, d.rerr == nil):
		enc = d.opts.Fallback
	default:
		d.name = UTF8
	}
	if enc == nil {
		d.mode = modePass
		d.head = head[d.bom:]
		d.raw = head[:0] // kept for Reset
		return
	}
	if d.name == "" {
		d.name = encodingName(enc)
	}
	if d.m == nil {
		d.m = newModel(enc)
	}
	d.mode = modeDecode
	d.t = enc.NewDecoder()
	d.raw = head[:copy(head, head[d.bom:])]
	d.rawBase = int64(d.bom)
	d.eof = d.rerr != nil
	if d.out == nil {
		d.out = make([]byte, outSize)
	}
}

// readAtLeast appends to buf from r until buf holds at least n bytes or r
// fails. It returns the error that stopped it, io.EOF at the end.
func readAtLeast(r io.Reader, buf []byte, n int) ([]byte, error) {
	empty := 0
	for len(buf) < n {
		m, err := r.Read(buf[len(buf):cap(buf)])
		if m < 0 || m > cap(buf)-len(buf) {
			return buf, errors.New("decode: reader returned invalid count")
		}
		buf = buf[:len(buf)+m]
		if err != nil {
			return buf, err
		}
		if m == 0 {
			if empty++; empty >= 100 {
				return buf, io.ErrNoProgress
			}
		}
	}
	return buf, nil
}

// validHead reports whether head is valid UTF-8, allowing a rune cut
// short at its end when more input follows.
func validHead(head []byte, more bool) bool {
	if more {
		for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
			if utf8.RuneStart(head[i]) {
				if !utf8.FullRune(head[i:]) {
					head = head[:i]
				}
				break
			}
		}
	}
	return utf8.Valid(head)
}

func encodingName(enc encoding.Encoding) string {
	if n, err := htmlindex.Name(enc); err == nil {
		return n
	}
	if s, ok := enc.(interface{ String() string }); ok {
		return s.String()
	}
	return "unknown"
}

// fill decodes more input into d.out, which is empty. Each Transform
// call gets at most BlockSize bytes of room, so that checkpoints are at
// most 2*BlockSize decoded bytes apart.
func (d *Reader) fill() {
	d.o0, d.o1 = 0, 0
	for !d.done && d.terr == nil && len(d.out)-d.o1 >= BlockSize {
		atEOF := d.eof
		dst := d.out[d.o1 : d.o1+BlockSize]
		nDst, nSrc, err := d.t.Transform(dst, d.raw[d.pos:], atEOF)
		if nDst < 0 || nDst > len(dst) || nSrc < 0 || nSrc > len(d.raw)-d.pos {
			d.terr = errors.New("decode: transformer returned invalid counts")
			return
		}
		if nDst > 0 {
			d.checkpoint()
		}
		d.pos += nSrc
		d.o1 += nDst
		d.dTot += int64(nDst)
		switch {
		case err == nil || errors.Is(err, transform.ErrShortSrc) && !atEOF:
			if atEOF {
				d.done = d.pos == len(d.raw) || nDst == 0 && nSrc == 0
				continue
			}
			if err != nil || d.pos == len(d.raw) || nDst == 0 && nSrc == 0 {
				// The decoder needs more input.
				if d.o1 > 0 {
					return
				}
				d.readMore()
			}
		case errors.Is(err, transform.ErrShortDst):
			if nDst == 0 && nSrc == 0 {
				d.terr = errors.New("decode: decoder made no progress")
			}
		case errors.Is(err, transform.ErrShortSrc):
			// Incomplete sequence at EOF: x/text's decoders replace
			// these; any other transformer ends here.
			d.done = true
		default:
			d.terr = err
		}
	}
}

// checkpoint records a block boundary at the current position when the
// open block is full, and drops blocks that left the history window.
func (d *Reader) checkpoint() {
	if n := len(d.blocks); n == d.bh || d.dTot-d.blocks[n-1].d >= BlockSize {
		d.blocks = append(d.blocks, block{d: d.dTot, o: d.rawBase + int64(d.pos)})
	}
	// Keep the blocks covering the last hist bytes returned by Read.
	delivered := d.dTot - int64(d.o1-d.o0)
	for len(d.blocks)-d.bh >= 2 {
		nx := d.blocks[d.bh+1]
		if nx.d > delivered-d.hist && d.rawBase+int64(d.pos)-nx.o < 4*(d.hist+outSize+2*BlockSize) {
			break
		}
		d.bh++
	}
	if d.bh > 64 && d.bh > len(d.blocks)/2 {
		d.blocks = d.blocks[:copy(d.blocks, d.blocks[d.bh:])]
		d.bh = 0
	}
}

// readMore reads from the source into raw, first making room by dropping
// original bytes no live block needs.
func (d *Reader) readMore() {
	if d.rerr != nil {
		d.eof = true
		return
	}
	if cap(d.raw)-len(d.raw) < readSize {
		keep := d.pos
		if d.bh < len(d.blocks) {
			keep = int(d.blocks[d.bh].o - d.rawBase)
		}
		live := len(d.raw) - keep
		if keep > 0 && keep >= live/2 && cap(d.raw)-live >= readSize {
			copy(d.raw, d.raw[keep:])
			d.raw = d.raw[:live]
			d.rawBase += int64(keep)
			d.pos -= keep
		} else {
			nb := make([]byte, live, max(2*cap(d.raw), live+readSize))
			copy(nb, d.raw[keep:])
			d.raw = nb
			d.rawBase += int64(keep)
			d.pos -= keep
		}
	}
	n0 := len(d.raw)
	d.raw, d.rerr = readAtLeast(d.src, d.raw, n0+1)
	if d.rerr != nil {
		d.eof = true
	}
}

// MapOffset returns the original offset of the decoded offset off: the
// offset of the first original byte of the code unit(s) that produced
// decoded byte off. The total decoded length maps to the total original
// length. Offsets older than the history window map to the oldest
// retained checkpoint (counted by Inexact).
func (d *Reader) MapOffset(off int64) int64 {
	d.sniff()
	if d.mode == modePass {
		return off + int64(d.bom)
	}
	if off <= 0 {
		return int64(d.bom)
	}
	if off >= d.dTot {
		return d.rawBase + int64(d.pos)
	}
	live := d.blocks[d.bh:]
	i := sort.Search(len(live), func(i int) bool { return live[i].d > off }) - 1
	if i < 0 {
		d.inexact++
		return live[0].o
	}
	b := live[i]
	start := int(b.o - d.rawBase)
	if i == 0 && start < 0 {
		d.inexact++
		return b.o
	}
	// Resume from the previous answer when it lies in this block before
	// off: the scanner maps offsets in ascending order.
	if c := d.cur; c.d > b.d && c.d <= off && c.o >= d.rawBase {
		b, start = c, int(c.o-d.rawBase)
	}
	end := len(d.raw)
	if i+1 < len(live) {
		// The next checkpoint bounds the block, but a code unit at the
		// block's end may look ahead past it (surrogate pairs).
		end = min(len(d.raw), int(live[i+1].o-d.rawBase)+4)
	}
	rel, dec := d.m.find(d.raw[start:end], int(off-b.d), d.eof && end == len(d.raw))
	d.cur = block{d: b.d + int64(dec), o: b.o + int64(rel)}
	return d.cur.o
}
