package phone

import (
	"slices"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// Detect as it was before it took the commonest finding, a chat sender
// "+44 7700 900123: " (senderAt), without examining its piece: the
// reference its findings are compared with (scan_ref_test.go's tests and
// FuzzScanRef). Only Detect and detectGB changed; the rest of the scanner
// (examine and what it calls) is shared.

// detectRef is the old Detect.
//
// The scanner's unit is a stretch: a maximal run of digits and separator
// bytes, holding one or more pieces (runs of groups joined by valid
// separators, split where the separators are not valid). Pieces are
// examined in order from the start of their stretch; a piece too long to
// be a number (examine) makes the scanner skip the rest of its stretch,
// so that no number is taken from inside a table of digits. Examining a
// piece is the costly part, and a digit run can only matter if a candidate
// may start with it (mayStart): Detect skips the hits of other runs, and
// when a run that matters comes, it first examines, in order, the pieces
// of its stretch it skipped (those after next), so the outcome is that of
// examining every piece. (So mayStart only saves work: examining the
// pieces of a run it would reject gives the same findings.)
func (d *Detector) detectRef(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t, hits := w.Text, w.Hits
	if !d.gb {
		var st scanState
		lo := 0 // hits before lo are in pieces examined or runs skipped
		for _, h32 := range hits {
			if h := int(h32); h >= lo {
				dst = d.examine(dst, w, h, &st)
				lo = max(st.next, st.skip)
			}
		}
		return dst, nil
	}
	// Most GB windows have a hit to examine; those that have none are
	// left before the state is zeroed.
	for k, h32 := range hits {
		if gbExamine(t, int(h32)) {
			return d.detectGBRef(dst, w, hits[k:]), nil
		}
	}
	return dst, nil
}

// detectGBRef is the old detectGB: Detect in region GB from hits[0], a hit
// to examine.
func (d *Detector) detectGBRef(dst []detect.Finding, w *detect.Window, hits []int32) []detect.Finding {
	t := w.Text
	var st scanState
	dst = d.examine(dst, w, int(hits[0]), &st)
	lo := max(st.next, st.skip) // hits before lo are in pieces examined or runs skipped
	for _, h32 := range hits[1:] {
		if h := int(h32); h >= lo && gbExamine(t, h) {
			dst = d.examine(dst, w, h, &st)
			lo = max(st.next, st.skip)
		}
	}
	return dst
}

// refRegions are the regions the reference checks run in: GB (senderAt's)
// and one other.
var refRegions = []*Detector{New(Options{}), New(Options{Region: "US"})}

// scanRefCheck compares Detect with detectRef on s: with a hit at every
// digit and at the first digit of every run, in the whole text (every
// combination of AtStart and AtEnd) and in windows starting and ending
// inside it; then through the engine (gated windows).
func scanRefCheck(t *testing.T, s string) {
	b := []byte(s)
	var all, starts []int32
	for i := range b {
		if isDigit(b[i]) {
			all = append(all, int32(i))
			if i == 0 || !isDigit(b[i-1]) {
				starts = append(starts, int32(i))
			}
		}
	}
	for _, d := range refRegions {
		for _, hits := range [][]int32{all, starts} {
			for _, edge := range [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
				w := detect.Window{Text: b, Base: 7, Hits: hits, AtStart: edge[0], AtEnd: edge[1]}
				got, _ := d.Detect(nil, &w)
				want, _ := d.detectRef(nil, &w)
				if !slices.Equal(got, want) {
					t.Fatalf("%v.Detect(%q, hits %v, %v %v) = %v, want %v", d, s, hits, edge[0], edge[1], got, want)
				}
			}
		}
	}
	refT = t
	for _, eng := range refEngines() {
		if _, err := eng.AppendFind(nil, b); err != nil {
			t.Fatal(err)
		}
	}
}

// refT is the test refEngines' detectors report to (the checks of a test
// binary, fuzz worker included, run one at a time).
var refT *testing.T

// refEngines run a refPair for each of refRegions.
var refEngines = sync.OnceValue(func() (es []*detect.Engine) {
	for _, d := range refRegions {
		es = append(es, detect.MustCompile([]detect.Detector{refPair{d}}, &detect.Options{MinScore: 0, Binary: detect.BinaryScan}))
	}
	return es
})

// refPair is a detector that runs Detect and detectRef on every window the
// engine gives it and fails the test when they differ.
type refPair struct{ d *Detector }

func (r refPair) Spec() detect.Spec                { return r.d.Spec() }
func (r refPair) AcceptRun(s detect.RunShape) bool { return r.d.AcceptRun(s) }
func (r refPair) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	n := len(dst)
	dst, _ = r.d.Detect(dst, w)
	want, _ := r.d.detectRef(nil, w)
	if !slices.Equal(dst[n:], want) {
		refT.Fatalf("%v.Detect(%q, hits %v, %v %v) = %v, want %v (engine window)", r.d, w.Text, w.Hits, w.AtStart, w.AtEnd, dst[n:], want)
	}
	return dst, nil
}

// scanRefSeeds are the shapes senderAt takes or must leave to examine.
var scanRefSeeds = []string{
	"12/03/2021, 09:30 - +44 7700 900123: hi\n[12/03/2021, 09:30:00] +44 7700 900123: hi\n+44 7700 900123: hi",
	"+44 7700 900123:1 +44 7700 900123:  +44 7700 900123 hi +44 7700 900123 12 +44 7700 900123  x +44 7700 900123\n",
	"+44 7700 900123, +44 7700 900123. +44 7700 900123- +44 7700 900123) +44 7700 900123\u00a0x +44 7700 900123\u00a3",
	"(+44 7700 900123) x+44 7700 900123 1+44 7700 900123 -+44 7700 900123 .+44 7700 900123 :+44 7700 900123 ,+44 7700 900123",
	"+44 7700 912345: hi +44 0770 900123: hi +04 7700 900123: hi +99 9999 999999: hi +33 6123 456789: hi +1 202 555 0143: hi",
	"+44 2079 460958: hi +44 1632 960123: hi +44 7700 9001234: hi +44 7700 90012: hi +44 77000 900123: hi +444 7700 900123: hi",
	"+44 7700 900123 07700 900123 +44 7700 900123\t07700 900123 +44 7700 900123 +44 7700 900123",
	"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 +44 7700 900123: hi 12345 12345 12345 12345 12345 12345 +44 7700 900123",
	"+44 7700 900123",
	"x+44 7700 900123:",
	"++44 7700 900123: +(44 7700 900123: +44 (0)7700 900123: 0044 7700 900123: +44 7700 900123#",
	// senderAt's shortcuts: drama or not, 44 or another calling code, chat sender or not.
	"+44 2079 460123: hi\n+33 6123 456789: salut\n+44 0700 900123: x\n+1 2025 550175: y\n+44 7911 123456: z\n" +
		"1/2/21, 09:14 - +44 7700 900123: hi\n[1/2/21, 09:14:00] +44 7700 900123: hi\nx +44 7700 900123: hi\n" +
		"+44 7700 900123 ok\n+44 7700 900123:5\n+49 1512 345678: hallo\n+33 7700 900123: salut\n+49 2079 460123: x\n+91 9876 543210: hi\n+44 1134 960000:\n",
}

func TestScanRef(t *testing.T) {
	for _, s := range slices.Concat(scanRefSeeds, gateSeeds) {
		scanRefCheck(t, s)
	}
}

// TestScanRefCorpus compares Detect with detectRef over the windows the
// engine gives the GB detector on the typical corpus, and over the typical,
// dense and office corpora through the engine.
func TestScanRefCorpus(t *testing.T) {
	d := New(Options{})
	for _, w := range typicalWindows() {
		win := detect.Window{Text: w.text, Base: w.base, Hits: w.hits, AtStart: w.atStart, AtEnd: w.atEnd}
		got, _ := d.Detect(nil, &win)
		want, _ := d.detectRef(nil, &win)
		if !slices.Equal(got, want) {
			t.Fatalf("Detect(%q) = %v, want %v", w.text, got, want)
		}
	}
	if testing.Short() {
		return
	}
	for _, den := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 2 << 20, Density: den})
		refT = t
		for _, eng := range refEngines() {
			if _, err := eng.AppendFind(nil, text); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func FuzzScanRef(f *testing.F) {
	for _, s := range slices.Concat(scanRefSeeds, gateSeeds) {
		f.Add(s)
	}
	f.Fuzz(scanRefCheck)
}

// TestSenderAtCC44: senderAt takes a drama number after "+44" without the
// calling-code test, which 44 passes.
func TestSenderAtCC44(t *testing.T) {
	if !callingCodes()[44] || callingCodes()[4] {
		t.Fatal("44 is not a known calling code, or 4 is one")
	}
}
