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

// sortKeys sorts distinct keys whatever their spread: about one per
// bucket, many in a few buckets (insertion hands over to slices.Sort),
// one start for all, in order, in reverse, or blocks that interleave.
func TestSortKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const relShift = 33
	sc := &scratch{}
	for round := range 3000 {
		n := 1 + r.IntN(400)
		spread := []int{1, 8, 300, 70000}[round%4]
		keys := make([]uint64, n)
		var maxRel uint64
		for i := range keys {
			rel := uint64(r.IntN(spread))
			keys[i] = rel<<relShift | uint64(r.IntN(8))<<20 | uint64(i)
			maxRel = max(maxRel, rel)
		}
		switch round % 3 {
		case 1:
			slices.Sort(keys)
			slices.Reverse(keys)
		case 2:
			for b := 0; b < n; {
				e := min(n, b+1+r.IntN(40))
				slices.Sort(keys[b:e])
				b = e
			}
		}
		want := slices.Sorted(slices.Values(keys))
		got := sortKeys(sc, slices.Clone(keys), maxRel, relShift)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d (%d keys, spread %d): %v, want %v", round, n, spread, got, want)
		}
	}
}
