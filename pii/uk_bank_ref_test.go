package pii

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// ukSortDetectRef is ukSortCode.Detect as it was before ukSortNext
// (its hits rejected in the loop itself, with calls): the reference
// FuzzUKSortRef compares Detect with.
func ukSortDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	var dg ukDigits
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		s := i
		if s > 0 && ukIsDigit(t[s-1]) {
			s = intlDigitStart(t, s)
		}
		de := intlDigitEnd(t, i)
		next = de
		if (s < ukSortGap+12 && !w.AtStart) || (de+ukSortGap+12 > len(t) && !w.AtEnd) {
			continue
		}
		var e int
		var sep byte
		bare := false
		switch de - s {
		case 2:
			// Both separators of 2-2-2 are the same byte.
			if s+5 >= len(t) || t[s+5] != t[s+2] {
				continue
			}
			var ok bool
			if e, sep, ok = ukGroups(t, s, "\x02\x02\x02", "- ", &dg); !ok || !ukNumBefore(t, s, sep == ' ') {
				continue
			}
		case 6:
			if !ukSortCueMay(t, s) || !ukNumBefore(t, s, false) || !ukNumAfter(t, de, false) || !ukHasCueIn(t, s-32, s, &ukSortCodeCue) {
				continue
			}
			e, bare = de, true
			ukGroups(t, s, "\x06", "", &dg)
		default:
			continue
		}
		// The code ends the number, even when an account number follows
		// ("12-34-56x: 12345678" is not a pair); a space and more digits
		// may only be the account number.
		if ukAllZero(dg.d[:6]) || !ukNumAfter(t, e, false) || !bare && ukSortIsNINO(t, s, e) {
			continue
		}
		if ae, ok := ukAccountAfter(t, e); ok {
			next = ae
			dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(ae), Score: 60, Kind: KindUKBankAccount, Info: UKSortThenAcc})
			continue
		}
		if !ukNumAfter(t, e, sep == ' ') {
			continue
		}
		if as, ok := ukAccountBefore(t, s); ok {
			next = e
			dst = append(dst, detect.Finding{Start: w.Base + int64(as), End: w.Base + int64(e), Score: 60, Kind: KindUKBankAccount, Info: UKAccThenSort})
			continue
		}
		next = e
		if bare {
			dst = append(dst, ukFinding(w, s, e, 30, UKSortBare))
		} else {
			dst = append(dst, ukFinding(w, s, e, 15, UKSortAlone))
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
