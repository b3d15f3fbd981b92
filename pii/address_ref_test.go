package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// addrRefCheck compares ukAddress.Detect with refAddressDetect (the
// reference in speed_pc_test.go) on s, with a hit at every digit and at
// the first digit of every run, in a whole text and in windows that start
// or end inside it.
func addrRefCheck(t *testing.T, s string) {
	refWindows(s, 3, [][2]bool{{true, true}, {false, false}}, func(w *detect.Window) {
		got, _ := ukAddress{}.Detect(nil, w)
		if want := must(refAddressDetect(nil, w)); !slices.Equal(got, want) {
			t.Fatalf("ukAddress.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
}

func TestAddrRef(t *testing.T) {
	for _, s := range append(intlStripAll(addrCases), speedHardText,
		"1 2 3 A 4 a 5, 6- 7-8 9a 1a 2A, 3/4 5/6, 7 12345 A 1234 5 Flat 1 2 12a, High St 12, Mill Lane 12b Oak Rd",
		"Flat 12345 6 Unit 1234 5 Room 1/2 3 Suite 4B 5 apt 9 1 Flat 2b, 14 High St, Leeds LS1 1AA 12-14 Mill Lane",
		"it's flat 2b, buzz twice; we need 3 more chairs; Tue, 12 Mar 2024 12 Acacia Avenue, Reading RG1 1AA") {
		addrRefCheck(t, s)
	}
}

func FuzzAddrRef(f *testing.F) {
	for _, s := range intlStripAll(addrCases) {
		f.Add(s)
	}
	f.Add("Flat 2/3, 14 High St; Unit 4 7 Oak Road; 12-14 Mill Lane; 221B Baker Street, 12a, High St")
	f.Fuzz(addrRefCheck)
}
