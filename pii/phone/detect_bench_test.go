package phone

import (
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// A recWindow is a window the engine gave the detector, copied.
type recWindow struct {
	text           []byte
	base           int64
	hits           []int32
	atStart, atEnd bool
}

// recorder wraps a Detector and copies every window it is given.
type recorder struct {
	d  *Detector
	ws *[]recWindow
}

func (r recorder) Spec() detect.Spec                { return r.d.Spec() }
func (r recorder) AcceptRun(s detect.RunShape) bool { return r.d.AcceptRun(s) }
func (r recorder) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	*r.ws = append(*r.ws, recWindow{append([]byte(nil), w.Text...), w.Base, append([]int32(nil), w.Hits...), w.AtStart, w.AtEnd})
	return r.d.Detect(dst, w)
}

// typicalWindows are the windows the engine gives the GB detector on 4 MiB
// of the bench package's typical corpus.
var typicalWindows = sync.OnceValue(func() []recWindow {
	text, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: 4 << 20, Density: corpus.Typical})
	var ws []recWindow
	eng := detect.MustCompile([]detect.Detector{recorder{New(Options{}), &ws}}, nil)
	eng.AppendFind(nil, text)
	return ws
})

// windowsRunner returns a func that runs d over the recorded windows ws,
// with the findings in *dst (reused).
func windowsRunner(d *Detector, ws []recWindow, dst *[]detect.Finding) func() {
	var w detect.Window
	return func() {
		*dst = (*dst)[:0]
		for i := range ws {
			rw := &ws[i]
			w = detect.Window{Text: rw.text, Base: rw.base, Hits: rw.hits, AtStart: rw.atStart, AtEnd: rw.atEnd}
			*dst, _ = d.Detect(*dst, &w)
		}
	}
}

// BenchmarkDetectWindows measures Detect alone, without the engine's
// prefilter, run gate and cue scan, over the windows the engine hands the
// detector on the typical corpus (the cache warm).
func BenchmarkDetectWindows(b *testing.B) {
	ws := typicalWindows()
	d := New(Options{})
	var dst []detect.Finding
	n := 0
	for _, w := range ws {
		n += len(w.text)
	}
	run := windowsRunner(d, ws, &dst)
	run() // warms the cache and sizes dst
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64(len(dst)), "findings/op")
}

// BenchmarkDetectWindowsHot is BenchmarkDetectWindows over the first
// windows only (256 KiB of window text), which stay in the L2 cache as a
// chunk's windows do in a scan: it measures the detector's own work
// without the cache misses of walking 2 MB of copied windows.
func BenchmarkDetectWindowsHot(b *testing.B) {
	ws := typicalWindows()
	n, k := 0, 0
	for k < len(ws) && n+len(ws[k].text) <= 256<<10 {
		n += len(ws[k].text)
		k++
	}
	ws = ws[:k]
	d := New(Options{})
	var dst []detect.Finding
	run := windowsRunner(d, ws, &dst)
	run()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu := cpuNow()
	for b.Loop() {
		run()
	}
	cpu = cpuNow() - cpu
	b.ReportMetric(float64(len(dst)), "findings/op")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(len(ws)), "cpu-ns/window")
}
