package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// The card detector as it was before cardRun rejected chains while
// reading them: the reference its findings are compared with.

func cardDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	var gl [8]int
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		s, e, n, sep, ok := cardRunRef(t, h, &gl)
		next = e
		if !ok || e-s > cardMaxLen || (n > 1 && sep == 0) || cardLens[t[s]-'0']>>(e-s-n+1)&1 == 0 || intlEdge(w, s, e, 3) {
			continue
		}
		if intlGluedBefore(t, s) || intlGluedAfter(t, e) {
			continue
		}
		var d [19]byte
		nd := 0
		for i := s; i < e; i++ {
			if intlDigit(t[i]) {
				if nd == len(d) {
					nd = 0
					break
				}
				d[nd] = t[i]
				nd++
			}
		}
		if nd < 12 {
			continue
		}
		iss := cardIssuer(d[:nd])
		if iss == CardUnknown || !cardLuhn(d[:nd]) || cardSame(d[:nd]) {
			continue
		}
		score := 60
		if n > 1 {
			if !cardGrouping(gl[:n], nd) {
				continue
			}
			score = 70
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: iss})
	}
	return dst
}

// cardRun finds the run of digit groups joined by single spaces or
// hyphens around the digit at h. It returns the run and its group
// lengths; ok is false for runs that are too long or have too many groups.
func cardRunRef(t []byte, h int, gl *[8]int) (s, e, n int, sep byte, ok bool) {
	s = h
	for s > 0 && intlDigit(t[s-1]) {
		s--
	}
	for s >= 2 && (t[s-1] == ' ' || t[s-1] == '-') && intlDigit(t[s-2]) && h-s <= cardMaxRunRef {
		s -= 2
		for s > 0 && intlDigit(t[s-1]) {
			s--
		}
	}
	ok = true
	e = s
	for {
		g := e
		for e < len(t) && intlDigit(t[e]) {
			e++
		}
		if n < len(gl) {
			gl[n] = e - g
		} else {
			ok = false
		}
		n++
		if e+1 < len(t) && (t[e] == ' ' || t[e] == '-') && intlDigit(t[e+1]) && e-s <= cardMaxRunRef {
			if n == 1 {
				sep = t[e]
			} else if t[e] != sep {
				sep = 0 // mixed
			}
			e++
			continue
		}
		break
	}
	if e-s > cardMaxRunRef {
		// Part of a longer chain: every hit up to e is in it too, and
		// rejected with it. The chain's later hits are looked at again
		// (and rejected the same way): skipping further, past spaces or
		// hyphens that do not join groups, could hide a card after the
		// chain (" - 4111 1111 1111 1111").
		ok = false
	}
	return s, e, n, sep, ok
}

const cardMaxRunRef = 40

// refWindows calls check with windows over all of s, with a hit at every
// digit and then at the first digit of every run, for each pair of edge
// flags: the windows the reference comparisons of this package use.
func refWindows(s string, base int64, edges [][2]bool, check func(w *detect.Window)) {
	b := []byte(s)
	var all, starts []int32
	for i := range b {
		if intlDigit(b[i]) {
			all = append(all, int32(i))
			if i == 0 || !intlDigit(b[i-1]) {
				starts = append(starts, int32(i))
			}
		}
	}
	for _, hits := range [][]int32{all, starts} {
		for _, edge := range edges {
			check(&detect.Window{Text: b, Base: base, Hits: hits, AtStart: edge[0], AtEnd: edge[1]})
		}
	}
}

// cardRefCheck compares card.Detect with cardDetectRef on s, with a hit
// at every digit and at the first digit of every run, in a whole text
// and in windows that start or end inside it.
func cardRefCheck(t *testing.T, s string) {
	refWindows(s, 7, [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}}, func(w *detect.Window) {
		got, _ := card{}.Detect(nil, w)
		if want := cardDetectRef(nil, w); !slices.Equal(got, want) {
			t.Fatalf("card.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
}

func TestCardRef(t *testing.T) {
	for _, s := range append(intlStripAll(cardCases), speedHardText,
		"4111 1111 1111 1111 1 4111-1111-1111-1111 4111 1111-1111 1111 378282246310005 3782 822463 10005",
		"+44 7700 900123: 4111 1111 1111 1111 2222 4111 1111 1111 111 4111 1111 1111 1111 1",
		"12 4111 1111 1111 1111, 4111 1111 1111 1111 12, 41111 111 1111 1111, 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6",
		"4111111111111111111111 4111111111111111 5555555555554444 6011111111111117 36227206271667 3622 720627 1667",
		"0123456 4111 1111 1111 1111 12345678-4111 12-4111 1111 1111 1111 1-2 4111-1111-1111-1111 x 7 4111 1111 1111 1111") {
		cardRefCheck(t, s)
	}
}

func FuzzCardRef(f *testing.F) {
	for _, s := range intlStripAll(cardCases) {
		f.Add(s)
	}
	f.Add("4111 1111 1111 1111 1 4111-1111-1111-1111 3782 822463 10005 +44 7700 900123")
	f.Fuzz(cardRefCheck)
}
