package pii

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// TestIntlAllocs checks that the detectors do not allocate in steady
// state: a warm engine scanning text full of matches and near misses
// allocates nothing when dst has room.
func TestIntlAllocs(t *testing.T) {
	if intlRace {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	var b strings.Builder
	for _, cs := range [][]string{cardCases, ibanCases, ipCases, dobCases, addrCases} {
		for _, c := range intlStripAll(cs) {
			b.WriteString(c)
			b.WriteString("\n")
		}
	}
	text := []byte(strings.Repeat(b.String(), 4))
	for _, d := range intlDetectors() {
		eng := detect.MustCompile([]detect.Detector{d}, nil)
		dst, _ := eng.AppendFind(nil, text)
		if len(dst) == 0 {
			t.Errorf("%s: no findings in the test text", d.Spec().ID)
		}
		dst = make([]detect.Finding, 0, 2*len(dst))
		n := testing.AllocsPerRun(20, func() {
			dst, _ = eng.AppendFind(dst[:0], text)
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per scan, want 0", d.Spec().ID, n)
		}
	}
}
