package pii

import (
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// emailSpeedRec records the windows the engine hands a detector.
type emailSpeedRec struct {
	detect.Detector
	ws *[]detect.Window
}

func (r emailSpeedRec) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	c := *w
	c.Text = append([]byte(nil), w.Text...)
	c.Hits = append([]int32(nil), w.Hits...)
	*r.ws = append(*r.ws, c)
	return r.Detector.Detect(dst, w)
}

// emailSpeedWindows returns the windows (with their hits) that the engine hands
// d on 4 MiB of the typical corpus (seed 3).
func emailSpeedWindows(tb testing.TB, d detect.Detector) []detect.Window {
	text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 4 << 20, Density: corpus.Typical})
	var ws []detect.Window
	eng := detect.MustCompile([]detect.Detector{emailSpeedRec{d, &ws}}, &detect.Options{MinScore: 0})
	if _, err := eng.AppendFind(nil, text); err != nil {
		tb.Fatal(err)
	}
	return ws
}

// BenchmarkEmailAt times emailAt against emailAtSlow (the code before its
// fast path) at every hit of the windows the engine hands the e-mail
// detector on the typical corpus.
func BenchmarkEmailAt(b *testing.B) {
	ws := emailSpeedWindows(b, NewEmail())
	for _, c := range []struct {
		name string
		at   func(t []byte, at int, atStart, atEnd bool) (s, e, score int, ok bool)
	}{{"new", emailAt}, {"prev", emailAtSlow}, {"new", emailAt}, {"prev", emailAtSlow}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for i := range ws {
					w := &ws[i]
					for _, h := range w.Hits {
						if _, _, _, ok := c.at(w.Text, int(h), w.AtStart, w.AtEnd); ok {
							n++
						}
					}
				}
			}
			if n == 0 {
				b.Fatal("no addresses")
			}
		})
	}
}
