package detect_test

import (
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// BenchmarkCompile measures Compile with many trigger bytes and keywords.
func BenchmarkCompile(b *testing.B) {
	all := make([]byte, 0, 255)
	for c := 1; c < 256; c++ {
		all = append(all, byte(c))
	}
	ds := []detect.Detector{
		nothing("t/all-bytes", string(all)),
		nothing("t/digits", detect.Digits),
		detect.Func(detect.Spec{ID: "t/kw", Kind: "k", MaxLen: 32, Triggers: detect.Triggers{
			Keywords: []string{"official", "secret", "restricted", "confidential", "protect", "eyes only", "sec=", "x-protective-marking"}}},
			func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil }),
	}
	b.ReportAllocs()
	for b.Loop() {
		detect.MustCompile(ds, nil)
	}
}
