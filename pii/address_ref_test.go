package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// addrDetectRef is the address detector without the early rejection of
// Detect's first check: the reference its findings are compared with.
func addrDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		if h > 0 && t[h-1] != ' ' { // after a space: not glued, the commonest case
			c := t[h-1]
			if intlDigit(c) {
				continue
			}
			if intlUpper(c) {
				// Perhaps the digit of a postcode ending an address with
				// a building name and no number: "Rose Cottage, Mill
				// Lane, Hove BN3 1AA" (the hit is glued, so this is the
				// only way it can be reported).
				if s, e, info, ok := addrBack(t, h); ok && s >= next && !intlEdge(w, s, e, 3) {
					next = e
					score := 80
					if info&AddrLocality != 0 {
						score = 90
					}
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
				}
				continue
			}
			if !addrNumMay(t, h) || intlGluedBefore(t, h) {
				// Not a match, decided early (see below). A glued hit
				// is reported only through addrBack(t, h), and that
				// needs a capital at t[h-1]: the postcode it parses
				// starts there, or at t[h-2] when that is a capital,
				// and then t[h-1] is inside its outward code
				// (addrPostcode stops at the first byte that is not a
				// letter or digit, and finds no outward code of one
				// byte), so a letter (a digit was skipped above), and
				// addrPostcode rejects lower case.
				continue
			}
		} else if !addrNumMay(t, h) {
			// Not a match, decided early (most hits: "in 10 mins",
			// "+44 7700 900123"): see addrNumMay. A rejected hit
			// changes no state.
			continue
		}
		s := h
		// "Flat 3, 12 Acacia Avenue": the flat prefix joins the match,
		// found from the flat's number or, when that is not a hit of its
		// own ("Flat 2/3, 14 High St" under the run filter), from the
		// building number after it.
		// (addrFlatWordMay and addrFlatBeforeMay skip most calls, those
		// that cannot succeed.)
		flat := false
		if addrFlatWordMay(t, h) {
			if fs, k, ok := addrFlat(t, h); ok {
				flat = true
				if _, _, ok := addrAt(t, k); ok {
					s, h = fs, k
				}
			}
		}
		if !flat && addrFlatBeforeMay(t, h) {
			if fs, ok := addrFlatBefore(t, h); ok {
				s = fs
			}
		}
		e, info, ok := addrAt(t, h)
		if !ok || e-s > addrMaxLen || intlEdge(w, s, e, 3) {
			continue
		}
		next = e
		score := 45
		switch info {
		case AddrStreet | AddrLocality:
			score = 60
		case AddrStreet | AddrPostcode:
			score = 80
		case AddrStreet | AddrLocality | AddrPostcode:
			score = 90
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
	}
	return dst
}

// addrRefCheck compares ukAddress.Detect with addrDetectRef on s, with a
// hit at every digit and at the first digit of every run, in a whole
// text and in windows that start or end inside it.
func addrRefCheck(t *testing.T, s string) {
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
		for _, edge := range [][2]bool{{true, true}, {false, false}} {
			w := &detect.Window{Text: b, Base: 3, Hits: hits, AtStart: edge[0], AtEnd: edge[1]}
			got, _ := ukAddress{}.Detect(nil, w)
			want := addrDetectRef(nil, w)
			if !slices.Equal(got, want) {
				t.Fatalf("ukAddress.Detect(%q, %v) = %v, want %v", s, edge, got, want)
			}
		}
	}
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
