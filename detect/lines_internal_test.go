package detect

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// countNewlines counts what bytes.Count counts, for any stretch of the
// view the last prefilter call saw (inside, across and outside the range
// its vector pre-pass covered), and falls back to bytes.Count for any
// other view.
func TestCountNewlines(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	e := engineFor(t, []Triggers{{Bytes: "0123456789@"}})
	sc := e.newScratch()
	for round := range 300 {
		view := make([]byte, r.IntN(2000))
		for i := range view {
			view[i] = "ab 1\n\n@"[r.IntN(7)]
		}
		lo := r.IntN(len(view) + 1)
		hi := lo + r.IntN(len(view)-lo+1)
		e.prefilter(sc, view, lo, hi, true, true)
		if haveAVX2 && hi-lo > 100 && sc.nlHi <= sc.nlLo {
			t.Fatalf("round %d: the vector pre-pass covered nothing of [%d, %d)", round, lo, hi)
		}
		other := bytes.Clone(view)
		for range 50 {
			a := r.IntN(len(view) + 1)
			b := a + r.IntN(len(view)-a+1)
			want := bytes.Count(view[a:b], newline)
			if got := sc.countNewlines(view, a, b); got != want {
				t.Fatalf("round %d: [%d, %d) with masks for [%d, %d): %d newlines, want %d", round, a, b, sc.nlLo, sc.nlHi, got, want)
			}
			if got := sc.countNewlines(other, a, b); got != want {
				t.Fatalf("round %d: another view: %d newlines, want %d", round, got, want)
			}
		}
	}
}
