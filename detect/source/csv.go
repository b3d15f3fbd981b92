package source

import (
	"bytes"
	"io"
	"sort"

	"github.com/tidemark/tidemark/detect"
)

// CSV files: a column's header is usually the only context its values
// have ("nhs_number", "dob"), and it is a line or a thousand lines above
// them, out of every cue radius. The labeller streams the file with each
// field of each row preceded by its column's header ("dob: 12/03/1961"),
// so that detectors see the label as they would in prose, and maps
// offsets back to the file's bytes (detect.OffsetMapper). The file is not
// otherwise parsed: a row the header does not fit still scans as text.

const (
	// csvMaxHeader bounds the header line: a longer first line is not a
	// header, and the file scans as plain text.
	csvMaxHeader = 64 << 10
	// csvMaxLabel bounds a column's label.
	csvMaxLabel = 64
	// csvHistory is how far back (in labelled bytes, from the last byte
	// Read returned) MapOffset is exact: it covers a Scanner's buffer
	// (ChunkSize + 2*Margin) for chunk sizes up to about 250 KiB.
	csvHistory = 256 << 10
	// csvPending bounds the labelled bytes held for Read: input is
	// labelled csvStep bytes at a time until this much is pending, so
	// that short fields under long labels cannot blow it up.
	csvPending = 32 << 10
	csvStep    = 512
)

// csv scans a delimited file with a header row, its fields labelled.
func (s *run) csv(loc *Location, r io.Reader) error {
	return s.stream(loc, newLabeller(decodeText(r)))
}

// A labeller reads delimited text and writes it with "header: " before
// each field of each row after the first.
type labeller struct {
	src    io.Reader
	om     detect.OffsetMapper // src's own mapping, or nil
	labels [][]byte            // per column: "name: ", or nil
	delim  byte
	sep    byte // the delimiter, also when the file is passed as text; 0 if none
	inq    bool // inside a quoted field
	field  int  // column of the current field
	start  bool // at the start of a field
	pass   bool // no usable header: copy the input as it is
	began  bool // the header has been read

	pend []byte // pend[poff:] is output not yet returned
	poff int
	rbuf []byte
	rest []byte // input read but not yet labelled
	eof  error

	out, in int64 // labelled bytes produced, input bytes consumed
	// ins lists the labels inserted within the last csvHistory bytes
	// of output, by output offset; base is the total length of those
	// dropped from its front.
	ins  []csvInsert
	base int64
	cum  int64 // length of all the labels inserted so far
}

// A csvInsert is a label of n bytes inserted at output offset at; cum is
// the length of all the labels inserted up to and including it.
type csvInsert struct{ at, n, cum int64 }

func newLabeller(src io.Reader) *labeller {
	l := &labeller{src: src, start: true}
	l.om, _ = src.(detect.OffsetMapper)
	return l
}

// Read implements io.Reader.
func (l *labeller) Read(p []byte) (int, error) {
	for l.poff == len(l.pend) {
		l.pend, l.poff = l.pend[:0], 0
		switch {
		case len(l.rest) > 0:
			for len(l.rest) > 0 && len(l.pend) < csvPending {
				n := min(len(l.rest), csvStep)
				l.label(l.rest[:n])
				l.rest = l.rest[n:]
			}
		case l.eof != nil:
			return 0, l.eof
		case !l.began:
			l.readHeader()
		default:
			if cap(l.rbuf) == 0 {
				l.rbuf = make([]byte, 32<<10)
			}
			n, err := l.src.Read(l.rbuf[:cap(l.rbuf)])
			l.rest = l.rbuf[:n]
			if err != nil {
				l.eof = err
			}
		}
	}
	n := copy(p, l.pend[l.poff:])
	l.poff += n
	l.forget()
	return n, nil
}

// forget drops the labels inserted more than csvHistory bytes before the
// last byte returned.
func (l *labeller) forget() {
	returned := l.out - int64(len(l.pend)-l.poff)
	k := 0
	for k < len(l.ins) && l.ins[k].at < returned-csvHistory {
		l.base = l.ins[k].cum
		k++
	}
	if k > 0 {
		l.ins = append(l.ins[:0], l.ins[k:]...)
	}
}

// readHeader reads the first line and chooses the delimiter (the
// commonest of ',', '\t' and ';' outside quotes) and the labels. The
// header line itself is passed on unchanged.
func (l *labeller) readHeader() {
	l.began = true
	var head []byte
	buf := make([]byte, 4<<10)
	for len(head) <= csvMaxHeader && bytes.IndexByte(head, '\n') < 0 {
		n, err := l.src.Read(buf)
		head = append(head, buf[:n]...)
		if err != nil {
			l.eof = err
			break
		}
	}
	line := head
	nl := bytes.IndexByte(head, '\n')
	if nl >= 0 {
		line = head[:nl]
	}
	if nl < 0 && l.eof == nil || len(line) > csvMaxHeader {
		l.pass = true
	}
	l.sep = csvDelimiter(line)
	if !l.pass {
		l.delim = l.sep
		if l.delim == 0 {
			l.pass = true
		} else {
			for _, f := range csvSplit(line, l.delim) {
				f = bytes.TrimSpace(bytes.Trim(bytes.TrimSpace(f), `"`))
				if len(f) == 0 || len(f) > csvMaxLabel {
					l.labels = append(l.labels, nil)
					continue
				}
				lab := make([]byte, 0, len(f)+2)
				lab = append(append(lab, f...), ':', ' ')
				l.labels = append(l.labels, lab)
			}
		}
	}
	if l.pass || nl < 0 {
		l.emit(head)
		l.in += int64(len(head))
		return
	}
	l.emit(head[:nl+1])
	l.in += int64(nl + 1)
	l.rest = head[nl+1:]
}

// label appends b (the next input bytes) to the output with the labels.
func (l *labeller) label(b []byte) {
	if l.pass {
		l.emit(b)
		l.in += int64(len(b))
		return
	}
	from := 0
	for i, c := range b {
		if l.start {
			l.start = false
			// No label on an empty line.
			if l.field < len(l.labels) && l.labels[l.field] != nil && !(l.field == 0 && (c == '\n' || c == '\r')) {
				l.emit(b[from:i])
				l.in += int64(i - from)
				from = i
				lab := l.labels[l.field]
				l.cum += int64(len(lab))
				l.ins = append(l.ins, csvInsert{at: l.out, n: int64(len(lab)), cum: l.cum})
				l.emit(lab)
			}
		}
		switch {
		case c == '"':
			l.inq = !l.inq
		case l.inq:
		case c == l.delim:
			l.field++
			l.start = true
		case c == '\n':
			l.field = 0
			l.start = true
		}
	}
	l.emit(b[from:])
	l.in += int64(len(b) - from)
}

func (l *labeller) emit(b []byte) {
	l.pend = append(l.pend, b...)
	l.out += int64(len(b))
}

// MapOffset maps an offset in the labelled text to one in the input (and
// through the input's own mapping, if it has one). An offset inside a
// label maps to the start of its field.
func (l *labeller) MapOffset(off int64) int64 {
	i := sort.Search(len(l.ins), func(i int) bool { return l.ins[i].at > off })
	shift := l.base
	if i > 0 {
		x := l.ins[i-1]
		shift = x.cum
		if off < x.at+x.n {
			off = x.at + x.n // inside the label: the field's first byte
		}
	}
	in := off - shift
	if l.om != nil {
		return l.om.MapOffset(in)
	}
	return in
}

// csvDelimiter returns the commonest of ',', '\t' and ';' outside quotes
// in the header line, or 0 if there is none.
func csvDelimiter(line []byte) byte {
	var n [3]int
	inq := false
	for _, c := range line {
		switch c {
		case '"':
			inq = !inq
		case ',':
			if !inq {
				n[0]++
			}
		case '\t':
			if !inq {
				n[1]++
			}
		case ';':
			if !inq {
				n[2]++
			}
		}
	}
	best, d := 0, byte(0)
	for k, c := range []byte{',', '\t', ';'} {
		if n[k] > best {
			best, d = n[k], c
		}
	}
	return d
}

// csvSplit splits a line at the delimiter outside quotes.
func csvSplit(line []byte, delim byte) [][]byte {
	var out [][]byte
	inq, from := false, 0
	for i, c := range line {
		switch {
		case c == '"':
			inq = !inq
		case c == delim && !inq:
			out = append(out, line[from:i])
			from = i + 1
		}
	}
	return append(out, bytes.TrimRight(line[from:], "\r"))
}

// csvSyntax is the structure of a CSV file for redaction
// (redact.Syntax): quotes, and outside quoted fields the delimiter and
// line ends. Replacements never touch them, so each record keeps its
// fields; a replacement is escaped for its field: a quote doubled inside
// a quoted field, and a quote, the delimiter or a line end turned into
// '_' in a bare one.
type csvSyntax struct {
	l   *labeller // for the delimiter, known once the header is read
	inq bool
}

// delim returns the delimiter: the labeller's, or ',' if it found none.
func (c *csvSyntax) delim() byte {
	if c.l != nil && c.l.sep != 0 {
		return c.l.sep
	}
	return ','
}

// Next implements redact.Syntax.
func (c *csvSyntax) Next(b []byte) (int, bool) {
	d := c.delim()
	for i, ch := range b {
		if ch == '"' || !c.inq && (ch == d || ch == '\n' || ch == '\r') {
			if i > 0 {
				return i, false
			}
			if ch == '"' {
				c.inq = !c.inq
			}
			return 1, true
		}
	}
	return len(b), false
}

// Escape implements redact.Syntax.
func (c *csvSyntax) Escape(dst, rep []byte) []byte {
	d := c.delim()
	for _, ch := range rep {
		switch {
		case ch == '"' && c.inq:
			dst = append(dst, '"', '"')
		case !c.inq && (ch == '"' || ch == d || ch == '\n' || ch == '\r'):
			dst = append(dst, '_')
		default:
			dst = append(dst, ch)
		}
	}
	return dst
}
