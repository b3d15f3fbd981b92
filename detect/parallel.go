package detect

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

// ParallelOptions configure Engine.ScanAt. A nil or zero value holds the
// defaults.
type ParallelOptions struct {
	// Workers is the number of goroutines; zero means 1.
	Workers int
	// SegmentSize is the number of bytes each worker owns per task; zero
	// chooses from the input size and Workers (between 64 KiB and 512 KiB,
	// so that a segment's findings usually fit in a worker's buffer).
	SegmentSize int64
}

// maxBuffered is how many findings a worker holds while an earlier segment
// is still being delivered; then it waits for its turn.
const maxBuffered = 8192

// ScanAt scans size bytes of r with several goroutines and calls fn for
// each finding in order of Start, with the matched bytes (valid only
// during the call). It delivers exactly the findings, lines and scores a
// Scanner would for the same bytes: each worker owns one segment and sees
// the overlap on both sides, by the same rule as a Scanner's chunks.
//
// fn is called from the workers' goroutines, never by two at once. The
// worker whose segment is next in order streams its findings to fn; the
// others buffer at most 8192 findings each and then wait their
// turn, so memory is bounded by Workers (their Scanners and buffers)
// whatever the density of findings. If fn returns an error, ScanAt stops
// and returns it.
func (e *Engine) ScanAt(r io.ReaderAt, size int64, po *ParallelOptions, fn func(f Finding, match []byte) error) (Stats, error) {
	var opt ParallelOptions
	if po != nil {
		opt = *po
	}
	workers := max(1, opt.Workers)
	seg := opt.SegmentSize
	if seg <= 0 {
		seg = min(max(size/int64(workers*8), 64<<10), 512<<10)
	}
	if e.opts.Binary == BinaryStop && size > 0 {
		head := make([]byte, min(size, SniffLen))
		n, err := r.ReadAt(head, 0)
		if err != nil && !(errors.Is(err, io.EOF) && n == len(head)) {
			return Stats{}, &ReadError{Offset: int64(n), Err: err}
		}
		if e.sniffBinary(head[:n]) {
			return Stats{}, ErrBinary
		}
	}
	nseg := int((size + seg - 1) / seg)
	t := &turns{fn: fn}
	t.cond = sync.NewCond(&t.mu)
	tasks := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(nseg, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &Scanner{e: e}
			var buf segBuffer
			for i := range tasks {
				a := int64(i) * seg
				s.scanSegment(t, i, &buf, r, size, a, min(size, a+seg))
			}
		}()
	}
	for i := range nseg {
		if t.failed() {
			break
		}
		tasks <- i // in order: a worker holding segment i means i-1 was taken
	}
	close(tasks)
	wg.Wait()
	return t.stats, t.err
}

// turns serialises delivery: segment i may call fn only while head == i.
type turns struct {
	mu    sync.Mutex
	cond  *sync.Cond
	head  int   // the segment being delivered
	lines int64 // newlines before segment head
	stats Stats
	err   error
	fn    func(Finding, []byte) error
}

func (t *turns) failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err != nil
}

// await blocks until segment i is at the head, and reports false if the
// scan has failed meanwhile. It returns the newlines before segment i.
func (t *turns) await(i int) (int64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.head != i && t.err == nil {
		t.cond.Wait()
	}
	return t.lines, t.err == nil
}

// finish hands the head to segment i+1 (or records err) after segment i,
// with its newline count and stats.
func (t *turns) finish(i int, newlines int64, st Stats, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stats.add(st)
	if err != nil && t.err == nil {
		t.err = err
	}
	if t.head == i {
		t.head++
		t.lines += newlines
	}
	t.cond.Broadcast()
}

// segBuffer holds a segment's findings until it is at the head; its
// buffers are reused from segment to segment.
type segBuffer struct {
	found []Finding
	match []byte
}

// scanSegment scans the owned range [a, b) of r (of total size), seeing
// Margin bytes on each side, and delivers its findings through t in turn.
func (s *Scanner) scanSegment(t *turns, i int, buf *segBuffer, r io.ReaderAt, size, a, b int64) {
	if t.failed() {
		return
	}
	m := int64(s.e.margin)
	from, to := max(0, a-m), min(size, b+m)
	s.Reset(io.NewSectionReader(r, from, to-from))
	s.vs, s.ownStart, s.ownEnd, s.lineOff = from, a, a, a
	s.limit, s.endIsEOF, s.sniff = b, to == size, false
	buf.found, buf.match = buf.found[:0], buf.match[:0]

	var base int64 // newlines before a, once at the head
	atHead := false
	var err error
	deliver := func(f Finding, match []byte) error {
		f.Line += base
		return t.fn(f, match)
	}
	flush := func() error {
		off := 0
		for _, f := range buf.found {
			n := int(f.End - f.Start)
			if err := deliver(f, buf.match[off:off+n:off+n]); err != nil {
				return err
			}
			off += n
		}
		buf.found, buf.match = buf.found[:0], buf.match[:0]
		return nil
	}
	toHead := func() bool {
		var ok bool
		base, ok = t.await(i)
		atHead = true
		return ok
	}
	for err == nil && s.Scan() {
		if !atHead && len(buf.found) == maxBuffered {
			if !toHead() {
				return // the scan failed elsewhere; segment i never reaches the head
			}
			err = flush()
		}
		if err != nil {
			break
		}
		if atHead {
			err = deliver(s.cur, s.curB)
		} else {
			buf.found = append(buf.found, s.cur)
			buf.match = append(buf.match, s.curB...)
		}
	}
	if !atHead && !toHead() {
		return
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = s.err
	}
	// Count the rest of the owned range's newlines.
	if s.err == nil && s.started {
		s.line += int64(bytes.Count(s.buf[s.lineOff-s.vs:s.ownEnd-s.vs], newline))
	}
	t.finish(i, s.line-1, s.stats, err)
}
