package detect

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortFindings orders findings exactly as compareFindings does,
// including ties on Start and End broken by Rule and Kind, and its
// fallbacks, whatever the input: random, in order, or in order by blocks
// (a group's windows, a member's findings in a window) that interleave.
func TestSortFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rules := []string{"pii/a", "pii/b", "pii/c"}
	kinds := []Kind{"x", "y"}
	sc := &scratch{}
	for round := range 4000 {
		n := r.IntN(90)
		vs := int64(r.IntN(1 << 20))
		fs := make([]Finding, n)
		for i := range fs {
			st := vs + int64(r.IntN(300))
			l := int64(1 + r.IntN(6))
			if round%50 == 0 && i == 0 {
				l = 1 << 14 // longer than the key's length field
			}
			fs[i] = Finding{Start: st, End: st + l, Rule: rules[r.IntN(3)], Kind: kinds[r.IntN(2)], Score: r.IntN(100), Info: uint32(i)}
		}
		switch round % 4 {
		case 1: // in order
			slices.SortStableFunc(fs, compareFindings)
		case 2: // blocks in order, interleaving
			for b := 0; b < n; {
				e := min(n, b+1+r.IntN(12))
				slices.SortStableFunc(fs[b:e], compareFindings)
				b = e
			}
		case 3: // in reverse: a run per finding
			slices.SortStableFunc(fs, func(a, b Finding) int { return compareFindings(b, a) })
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, compareFindings)
		sortFindings(sc, fs, vs)
		for i := range fs {
			if compareFindings(fs[i], want[i]) != 0 {
				t.Fatalf("round %d: position %d is %+v, want %+v", round, i, fs[i], want[i])
			}
		}
	}
}

// mergeKeys merges two ascending runs, in order or interleaved.
func TestMergeKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		a, b := make([]uint64, r.IntN(20)), make([]uint64, r.IntN(20))
		if r.IntN(3) == 0 {
			a = make([]uint64, 30+r.IntN(60)) // much longer: gallopKeys
		}
		off := uint64(r.IntN(3)) * 50 // b after a, overlapping, or before
		for i := range a {
			a[i] = uint64(r.IntN(100))<<8 | uint64(i) // distinct, as sortFindings' keys
		}
		for i := range b {
			b[i] = (off+uint64(r.IntN(100)))<<8 | uint64(128+i)
		}
		slices.Sort(a)
		slices.Sort(b)
		out := make([]uint64, len(a)+len(b))
		mergeKeys(out, a, b)
		want := slices.Sorted(slices.Values(append(slices.Clone(a), b...)))
		if !slices.Equal(out, want) {
			t.Fatalf("merge of %v and %v: %v, want %v", a, b, out, want)
		}
	}
}
