package detect

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortFindings orders findings exactly as compareFindings does,
// including ties on Start and End broken by Rule and Kind, and its
// fallbacks, whatever the block bounds (none, or groups' blocks, some
// empty, some already in order).
func TestSortFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rules := []string{"pii/a", "pii/b", "pii/c"}
	kinds := []Kind{"x", "y"}
	sc := &scratch{}
	for round := range 3000 {
		n := r.IntN(60)
		vs := int64(r.IntN(1 << 20))
		fs := make([]Finding, n)
		for i := range fs {
			st := vs + int64(r.IntN(200))
			l := int64(1 + r.IntN(6))
			if round%50 == 0 && i == 0 {
				l = 1 << 14 // longer than the key's length field
			}
			fs[i] = Finding{Start: st, End: st + l, Rule: rules[r.IntN(3)], Kind: kinds[r.IntN(2)], Score: r.IntN(100), Info: uint32(i)}
		}
		var bounds []int
		if round%4 != 0 {
			bounds = []int{0}
			for b := 0; b < n; {
				b += r.IntN(30)
				bounds = append(bounds, min(b, n))
			}
			if round%3 != 2 {
				// Blocks in order, as a group's findings mostly are,
				// or nearly (sortNearly): a few short stretches out of
				// order, as a window's members' findings are.
				for i, b := range bounds {
					e := n
					if i+1 < len(bounds) {
						e = bounds[i+1]
					}
					slices.SortStableFunc(fs[b:e], compareFindings)
					for k := 0; round%3 == 1 && k < 3 && e-b > 1; k++ {
						x := b + r.IntN(e-b-1)
						y := min(e, x+2+r.IntN(4))
						slices.Reverse(fs[x:y])
					}
				}
			}
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, compareFindings)
		sortFindings(sc, fs, vs, bounds)
		for i := range fs {
			if compareFindings(fs[i], want[i]) != 0 {
				t.Fatalf("round %d: position %d is %+v, want %+v", round, i, fs[i], want[i])
			}
		}
	}
}
