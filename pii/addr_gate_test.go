package pii

import (
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// TestAddrGateAnchors pins the runs the address and postcode filters
// accept by where Detect starts a match: the run a match starts from is
// accepted, and the other runs of a match that no match starts from
// (the second number of a range, a flat's floor, digits glued to digits)
// and the groups of phone numbers are not.
func TestAddrGateAnchors(t *testing.T) {
	tests := []struct {
		d    detect.Detector
		s    string
		want []bool // accepted, per digit run of s
	}{
		{NewUKAddress(), "10-12 Mill Lane", []bool{true, false}},
		{NewUKAddress(), "Flat 2/3, 14 High St", []bool{false, false, true}},
		{NewUKAddress(), "Unit 4 7 Oak Road", []bool{false, true}},
		{NewUKAddress(), "Hove BN3 1AA, M1 1AE, SW1A1AA, B33 8TH", []bool{true, true, true, true, true, false, true, true}},
		{NewUKAddress(), "+44 7700 900123, 020 7946 0958, £4.50, v1.2.3, 2021-03-12", []bool{false, false, false, false, false, true, false, false, false, false, false, true, false, false}},
		{NewUKAddress(), "ref AB 12 now, Q3 ok, 3 12 Acacia Avenue", []bool{false, false, false, true}}, // "12 now": no capital
		{NewUKPostcode(), "BFPO 123, BFPO 12 34, SW1A 1AA, M1 1AE", []bool{true, true, false, true, true, true, true}},
		{NewUKPostcode(), "+44 7700 900123, 020 7946 0958, 3 pm", []bool{false, false, false, true, false, false, true}},
	}
	for _, tc := range tests {
		f := tc.d.(detect.RunFilter)
		shapes, runs := intlRuns(tc.s)
		if len(shapes) != len(tc.want) {
			t.Fatalf("%q: %d runs, want %d", tc.s, len(shapes), len(tc.want))
		}
		for i, sh := range shapes {
			if got := f.AcceptRun(sh); got != tc.want[i] {
				t.Errorf("%s: run %d %q of %q (%+v): accept %v, want %v", tc.d.Spec().ID, i, runs[i], tc.s, sh, got, tc.want[i])
			}
		}
	}
}
