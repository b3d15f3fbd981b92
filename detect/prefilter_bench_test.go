package detect_test

import (
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// BenchmarkPrefilter measures the prefilter cost per trigger class: a
// detector that never triggers (the floor), one byte, digits, keywords.
func BenchmarkPrefilter(b *testing.B) {
	text := benchText()
	for _, tc := range []struct {
		name string
		ds   []detect.Detector
	}{
		{"never", []detect.Detector{nothing("t/never", "\x01")}},
		{"at", []detect.Detector{nothing("t/at", "@")}},
		{"digits", []detect.Detector{nothing("t/digits", detect.Digits)}},
		{"keywords", nothingSet()[2:]},
	} {
		e := detect.MustCompile(tc.ds, nil)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			var dst []detect.Finding
			for b.Loop() {
				dst, _ = e.AppendFind(dst[:0], text)
			}
		})
	}
}
