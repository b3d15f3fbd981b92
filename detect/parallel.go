package detect

import (
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
// turn. A worker that finishes a segment early parks its findings and
// goes on (at most Workers segments are parked at once; the worker that
// finishes the segment before them delivers them), so memory is bounded
// by Workers (their Scanners and twice their buffers) whatever the
// density of findings. If fn returns an error, ScanAt stops and returns
// it.
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
	t := &turns{fn: fn, parked: map[int]*segBuffer{}, max: workers}
	t.cond = sync.NewCond(&t.mu)
	tasks := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(nseg, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &Scanner{e: e}
			buf := &segBuffer{}
			for i := range tasks {
				a := int64(i) * seg
				buf = s.scanSegment(t, i, buf, r, size, a, min(size, a+seg))
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
//
// A worker that finishes its segment before the segment is at the head
// parks the segment's findings (at most maxParked segments at a time) and
// takes its next task instead of waiting; whoever finishes the head
// segment then delivers the parked ones that follow it, in order.
type turns struct {
	mu     sync.Mutex
	cond   *sync.Cond
	head   int   // the segment being delivered
	lines  int64 // newlines before segment head
	stats  Stats
	err    error
	fn     func(Finding, []byte) error
	parked map[int]*segBuffer // finished segments waiting for the head
	spare  []*segBuffer       // buffers of delivered parked segments
	max    int                // most segments parked at once
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
// buffers are reused from segment to segment. A parked segment also
// keeps what finish needs.
type segBuffer struct {
	found    []Finding
	match    []byte
	newlines int64
	stats    Stats
	err      error
}

// park hands the finished segment i's buffer to t when i is not at the
// head and fewer than t.max segments are parked, and returns a buffer
// for the worker's next segment; ok is false when the caller must wait
// for its turn instead (or is at the head already).
func (t *turns) park(i int, buf *segBuffer) (next *segBuffer, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.head == i || t.err != nil || len(t.parked) >= t.max {
		return buf, false
	}
	t.parked[i] = buf
	if n := len(t.spare); n > 0 {
		next, t.spare = t.spare[n-1], t.spare[:n-1]
		return next, true
	}
	return &segBuffer{}, true
}

// deliverParked delivers the parked segments that are now at the head,
// in order; it is called by the worker that moved the head.
func (t *turns) deliverParked() {
	for {
		t.mu.Lock()
		buf, ok := t.parked[t.head]
		if !ok || t.err != nil {
			t.mu.Unlock()
			return
		}
		i, base := t.head, t.lines
		delete(t.parked, i)
		t.mu.Unlock()
		err := buf.err
		off := 0
		for _, f := range buf.found {
			if err != nil {
				break
			}
			n := int(f.End - f.Start)
			f.Line += base
			err = t.fn(f, buf.match[off:off+n:off+n])
			off += n
		}
		t.finish(i, buf.newlines, buf.stats, err)
		t.mu.Lock()
		buf.found, buf.match = buf.found[:0], buf.match[:0]
		t.spare = append(t.spare, buf)
		t.mu.Unlock()
	}
}

// scanSegment scans the owned range [a, b) of r (of total size), seeing
// Margin bytes on each side, and delivers its findings through t in turn
// (or parks them). It returns the buffer for the worker's next segment.
func (s *Scanner) scanSegment(t *turns, i int, buf *segBuffer, r io.ReaderAt, size, a, b int64) *segBuffer {
	if t.failed() {
		return buf
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
				return buf // the scan failed elsewhere; segment i never reaches the head
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
	// Count the rest of the owned range's newlines.
	if s.err == nil && s.started {
		s.line += int64(s.sc.countNewlines(s.buf, int(s.lineOff-s.vs), int(s.ownEnd-s.vs)))
	}
	if !atHead {
		buf.newlines, buf.stats, buf.err = s.line-1, s.stats, s.err
		if next, ok := t.park(i, buf); ok {
			return next
		}
		if !toHead() {
			return buf
		}
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = s.err
	}
	t.finish(i, s.line-1, s.stats, err)
	t.deliverParked()
	return buf
}
