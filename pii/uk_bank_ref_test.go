package pii

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// ukSortDetectRef is ukSortCode.Detect as it was before ukSortNext: every
// hit at or after next goes to the per-hit work (ukSortAt, shared), with
// no hit rejected before it. FuzzUKSortRef compares Detect with it, so it
// checks that ukSortNext only drops hits ukSortAt would find nothing at.
func ukSortDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	next := 0
	var dg ukDigits
	for _, h := range w.Hits {
		if i := int(h); i >= next {
			dst, next = ukSortAt(dst, w, i, &dg)
		}
	}
	return dst
}

// ukSortRefCheck compares ukSortCode.Detect with ukSortDetectRef on s,
// with a hit at every digit and at the first digit of every run, in a
// whole text and in windows that start or end inside it.
func ukSortRefCheck(t *testing.T, s string) {
	refWindows(s, 7, [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}}, func(w *detect.Window) {
		ukSortRefSame(t, w)
	})
}

func ukSortRefSame(t testing.TB, w *detect.Window) {
	got, _ := ukSortCode{}.Detect(nil, w)
	if want := ukSortDetectRef(nil, w); !slices.Equal(got, want) {
		t.Fatalf("ukSortCode.Detect(%q, %v %v) = %v, want %v", w.Text, w.AtStart, w.AtEnd, got, want)
	}
}

// ukSortRefText has sort codes, bare six digits after the cue, account
// numbers and phone numbers, near and far from a window's edges.
var ukSortRefText = []string{
	"sort code 401162 and +44 7700 900123: hi, 12-34-56 12345678, Sort Code: 12 34 56, 1234 5678 sort code 20-00-00",
	"sortcode 123456: ok 12 34-56 12-34 56 12-34-56-78 0161 496 0123 s 654321 00-00-00 12345678 12-34-56",
	"XA 44 39 30 A, GB 63 32 54 C, 12-34-56x: 12345678, 1234567 12-34-56 123456789012 sort code 1234567 S 123456",
	"                                        sort code 123456, acc 12345678 then 11-22-33 and 12345678901234567890",
	"Sort code (see the letter we sent) 123456, sort code of the old joint account 654321, SORT CODE on file: 112233",
	"sortcode, in the message from Bob a while ago: 101010 sort code written on the back of it xx 202020 and 303030",
}

// The cue "sort code" 12 to 40 bytes before six digits.
func init() {
	for n := 0; n <= 28; n++ {
		ukSortRefText = append(ukSortRefText, "x sort code"+strings.Repeat(" ", n)+"123456 y")
	}
}

func TestUKSortRef(t *testing.T) {
	for _, s := range append(append(intlStripAll(ukCases["pii/uk-sort-code"]), speedHardText), ukSortRefText...) {
		ukSortRefCheck(t, s)
	}
	for _, d := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		text, _ := corpus.Bytes(corpus.Config{Seed: 5, Size: 1 << 19, Density: d})
		for _, w := range speedWindows(t, ukSortCode{}, text) {
			ukSortRefSame(t, &w)
			w.Hits = speedHits(w.Text, true)
			ukSortRefSame(t, &w)
		}
	}
}

func FuzzUKSortRef(f *testing.F) {
	for _, s := range ukSortRefText {
		f.Add(s)
	}
	f.Add(speedHardText)
	f.Fuzz(ukSortRefCheck)
}
