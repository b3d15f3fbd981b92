package main

import (
	"fmt"
	"sync"
	"time"
)

// progress draws a progress line on stderr, only when stderr is a
// terminal (or --progress=always). It never prints file contents.
type progress struct {
	e       *env
	on      bool
	mu      sync.Mutex
	total   int64
	doneB   int64
	files   int
	nfiles  int
	current map[string]int64
	last    time.Time
	drawn   bool
}

func newProgress(e *env, f *scanFlags, inputs []input) *progress {
	p := &progress{e: e, on: f.progress == "always" || f.progress == "auto" && e.stderrTTY,
		nfiles: len(inputs), current: map[string]int64{}}
	for _, in := range inputs {
		if in.size > 0 {
			p.total += in.size
		}
	}
	return p
}

// fn returns the progress callback for one input.
func (p *progress) fn(in input) func(int64) {
	if !p.on {
		return nil
	}
	return func(n int64) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.current[in.path] = n
		p.draw(false)
	}
}

func (p *progress) done(in input) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.current, in.path)
	if in.size > 0 {
		p.doneB += in.size
	}
	p.files++
	p.draw(p.files == p.nfiles)
}

func (p *progress) draw(force bool) {
	if !force && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	n := p.doneB
	for _, c := range p.current {
		n += c
	}
	pct := 0.0
	if p.total > 0 {
		pct = min(100, 100*float64(n)/float64(p.total))
	}
	const width = 30
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = ' '
		if float64(i) < pct*width/100 {
			bar[i] = '='
		}
	}
	fmt.Fprintf(p.e.stderr, "\r[%s] %5.1f%%  %d/%d files  %d MiB ", bar, pct, p.files, p.nfiles, n>>20)
	p.drawn = true
}

// clear erases the progress line before other output on stderr.
func (p *progress) clear() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.e.stderr, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }
