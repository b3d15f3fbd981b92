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
	// chooses from the input size and Workers (between 256 KiB and 1 MiB).
	// Findings of the segments in flight are held until delivered, so
	// smaller segments bound memory more tightly on dense input.
	SegmentSize int64
}

// ScanAt scans size bytes of r with several goroutines and calls fn for
// each finding in order of Start, with the matched bytes (valid only
// during the call). It delivers exactly the findings, lines and scores a
// Scanner would for the same bytes: each worker owns one segment and sees
// the overlap on both sides, by the same rule as a Scanner's chunks.
//
// Memory is bounded by the number of segments in flight (2*Workers) times
// the segment's findings, plus each worker's Scanner buffer. If fn
// returns an error, ScanAt stops and returns it.
func (e *Engine) ScanAt(r io.ReaderAt, size int64, po *ParallelOptions, fn func(f Finding, match []byte) error) (Stats, error) {
	var opt ParallelOptions
	if po != nil {
		opt = *po
	}
	workers := max(1, opt.Workers)
	seg := opt.SegmentSize
	if seg <= 0 {
		seg = min(max(size/int64(workers*8), 256<<10), 1<<20)
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
	results := make([]chan *segResult, nseg)
	for i := range results {
		results[i] = make(chan *segResult, 1)
	}
	// ahead bounds the segments scanned but not yet delivered; their
	// result buffers are recycled through free.
	ahead := make(chan struct{}, 2*workers)
	free := make(chan *segResult, 2*workers+1)
	tasks := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // producer
		defer wg.Done()
		defer close(tasks)
		for i := range nseg {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case tasks <- i:
			case <-stop:
				return
			}
		}
	}()
	for range min(workers, max(nseg, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &Scanner{e: e}
			for i := range tasks {
				var res *segResult
				select {
				case res = <-free:
				default:
					res = &segResult{}
				}
				a := int64(i) * seg
				s.scanSegment(res, r, size, a, min(size, a+seg))
				results[i] <- res
			}
		}()
	}
	defer func() {
		close(stop) // unblocks the producer; workers finish their tasks
		wg.Wait()
	}()

	var st Stats
	var lines int64 // newlines before the current segment
	for i := range nseg {
		res := <-results[i]
		<-ahead
		st.add(res.stats)
		off := 0
		for _, f := range res.found {
			n := int(f.End - f.Start)
			f.Line += lines
			if err := fn(f, res.match[off:off+n:off+n]); err != nil {
				return st, err
			}
			off += n
		}
		if res.err != nil {
			return st, res.err
		}
		lines += res.newline
		select {
		case free <- res:
		default:
		}
	}
	return st, nil
}

type segResult struct {
	found   []Finding
	match   []byte // matched bytes, concatenated in order of found
	newline int64  // newlines in the owned segment
	stats   Stats
	err     error
}

// scanSegment scans the owned range [a, b) of r (of total size), seeing
// Margin bytes on each side, with lines numbered from 1 at a, into res
// (whose buffers are reused).
func (s *Scanner) scanSegment(res *segResult, r io.ReaderAt, size, a, b int64) {
	m := int64(s.e.margin)
	from, to := max(0, a-m), min(size, b+m)
	s.Reset(io.NewSectionReader(r, from, to-from))
	s.vs, s.ownStart, s.ownEnd, s.lineOff = from, a, a, a
	s.limit, s.endIsEOF, s.sniff = b, to == size, false
	*res = segResult{found: res.found[:0], match: res.match[:0]}
	for s.Scan() {
		res.found = append(res.found, s.cur)
		res.match = append(res.match, s.curB...)
	}
	res.err = s.err
	// Count the rest of the owned range's newlines.
	if s.err == nil && s.started {
		s.line += int64(bytes.Count(s.buf[s.lineOff-s.vs:s.ownEnd-s.vs], newline))
	}
	res.newline = s.line - 1
	res.stats = s.stats
}
