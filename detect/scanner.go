package detect

import (
	"errors"
	"io"
)

// A Scanner reads an input stream and delivers the engine's findings in
// order of Start, like bufio.Scanner delivers tokens:
//
//	sc := eng.NewScanner(r)
//	for sc.Scan() {
//		f := sc.Finding()
//		...
//	}
//	if err := sc.Err(); err != nil { ... }
//
// It holds at most ChunkSize + 2*Margin bytes of input (at least SniffLen),
// however long the input or its lines, and the findings of one chunk. The
// findings do not depend on the chunk size or on how the reader splits
// its reads.
//
// A Scanner is not safe for concurrent use; use one per goroutine.
type Scanner struct {
	e  *Engine
	r  io.Reader
	om OffsetMapper

	buf      []byte
	vs       int64 // input offset of buf[0]
	ownStart int64 // start of the range owned by the current step
	ownEnd   int64 // end of the range owned by the current step
	limit    int64 // ownership ends here (segment scans); -1: no limit
	endIsEOF bool  // reaching EOF of r is the end of the input
	sniff    bool  // check the head for binary content
	started  bool
	final    bool // the current step is the last
	eof      bool
	rerr     error // read error, reported after the current step
	err      error // sticky error for Err

	sc      *scratch
	pending []Finding
	next    int
	cur     Finding
	curB    []byte

	lineOff int64 // newlines counted up to here
	line    int64 // line number at lineOff
	stats   Stats
}

// NewScanner returns a Scanner reading from r. If r implements
// OffsetMapper, findings report offsets in r's own input.
func (e *Engine) NewScanner(r io.Reader) *Scanner {
	s := &Scanner{e: e}
	s.Reset(r)
	return s
}

// Reset discards the scanner's state and makes it read from r, keeping its
// buffers. It allows a Scanner to be reused without allocating.
func (s *Scanner) Reset(r io.Reader) {
	*s = Scanner{
		e: s.e, r: r, buf: s.buf[:0], sc: s.sc, pending: s.pending[:0],
		limit: -1, endIsEOF: true, sniff: true, line: 1,
	}
	s.om, _ = r.(OffsetMapper)
}

// Scan advances to the next finding, which is then available through
// Finding and Bytes. It returns false at the end of the input or on an
// error; Err tells which.
func (s *Scanner) Scan() bool {
	for {
		if s.next < len(s.pending) {
			f := s.pending[s.next]
			s.next++
			s.line += int64(s.sc.countNewlines(s.buf, int(s.lineOff-s.vs), int(f.Start-s.vs)))
			s.lineOff = f.Start
			f.Line = s.line
			s.curB = s.buf[f.Start-s.vs : f.End-s.vs : f.End-s.vs]
			if s.om != nil {
				f.Start, f.End = s.om.MapOffset(f.Start), s.om.MapOffset(f.End)
			}
			s.cur = f
			s.stats.Findings++
			return true
		}
		if s.final || s.err != nil {
			s.curB = nil
			if s.err == nil && s.rerr != nil {
				s.err = s.rerr
			}
			return false
		}
		s.step()
	}
}

// Finding returns the most recent finding found by Scan.
func (s *Scanner) Finding() Finding { return s.cur }

// Bytes returns the bytes of the most recent finding. The slice aliases
// the scanner's buffer and is valid only until the next call to Scan. It
// does no allocation. For a decoding reader (OffsetMapper) these are the
// decoded bytes.
func (s *Scanner) Bytes() []byte { return s.curB }

// Text returns a copy of Bytes as a string.
func (s *Scanner) Text() string { return string(s.curB) }

// Err returns the first error met by the Scanner: a *ReadError for a
// failing reader, or ErrBinary. It is nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// Stats returns the scan's counters so far.
func (s *Scanner) Stats() Stats { return s.stats }

// Offset returns the input offset up to which the scanner has delivered
// or ruled out findings: every finding with a smaller Start has been
// returned by Scan. It is useful for progress reporting.
func (s *Scanner) Offset() int64 {
	if s.next < len(s.pending) {
		return s.pending[s.next].Start
	}
	return s.ownEnd
}

// maxEmptyReads bounds consecutive (0, nil) reads, as bufio does.
const maxEmptyReads = 100

func (s *Scanner) step() {
	e := s.e
	m := int64(e.margin)
	if s.buf == nil {
		s.buf = make([]byte, 0, max(e.chunk+2*e.margin, SniffLen))
	}
	if s.sc == nil {
		s.sc = e.newScratch()
	}
	if s.started {
		// Finish the line count of the chunk just delivered, then keep
		// the overlap as left context for the next chunk.
		s.line += int64(s.sc.countNewlines(s.buf, int(s.lineOff-s.vs), int(s.ownEnd-s.vs)))
		s.lineOff = s.ownEnd
		keep := max(s.ownEnd-m, s.vs)
		s.buf = s.buf[:copy(s.buf, s.buf[keep-s.vs:])]
		s.vs = keep
		s.ownStart = s.ownEnd
	}
	s.started = true
	s.pending, s.next = s.pending[:0], 0

	empty := 0
	for len(s.buf) < cap(s.buf) && !s.eof && s.rerr == nil {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		if n < 0 || n > cap(s.buf)-len(s.buf) {
			n, err = 0, errors.New("detect: reader returned invalid count")
		}
		s.buf = s.buf[:len(s.buf)+n]
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.rerr = &ReadError{Offset: s.vs + int64(len(s.buf)), Err: err}
		case n == 0:
			if empty++; empty >= maxEmptyReads {
				s.rerr = &ReadError{Offset: s.vs + int64(len(s.buf)), Err: io.ErrNoProgress}
			}
		default:
			empty = 0
		}
	}
	if s.sniff {
		s.sniff = false
		if e.sniffBinary(s.buf) {
			s.err = ErrBinary
			s.final = true
			return
		}
	}
	ve := s.vs + int64(len(s.buf))
	atEnd := s.eof && s.endIsEOF
	ownEnd := ve - m
	if s.eof {
		ownEnd = ve
	}
	if s.limit >= 0 && ownEnd >= s.limit {
		ownEnd = s.limit
		s.final = true
	}
	ownEnd = max(ownEnd, s.ownStart)
	if s.eof || s.rerr != nil {
		s.final = true
	}
	s.ownEnd = ownEnd
	s.stats.Bytes += ownEnd - s.ownStart
	s.pending = e.processView(s.sc, s.pending, s.buf, s.vs, s.vs == 0, atEnd, s.ownStart, ownEnd, &s.stats)
}
