package pii

import (
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// BenchmarkDetectAlone measures the Detect code of the run-gated UK,
// card and address detectors alone on the windows (with their gated
// hits) the engine hands them on the typical corpus: the detector's own
// time, without the engine's.
func BenchmarkDetectAlone(b *testing.B) {
	text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 4 << 20, Density: corpus.Typical})
	for _, d := range []detect.RunFilter{ukPostcode{}, ukAddress{}, card{}, ukSortCode{}, ukNHS{}, ukNINO{}, ukVAT{}, ukUTR{}} {
		ws := speedWindows(b, d, text)
		b.Run(d.Spec().ID[len("pii/"):], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			dst := make([]detect.Finding, 0, 64)
			for b.Loop() {
				for i := range ws {
					dst, _ = d.Detect(dst[:0], &ws[i])
				}
			}
		})
	}
}
