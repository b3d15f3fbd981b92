package pii

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// addrRefCheck compares ukAddress.Detect with refAddressDetect (the
// reference in speed_pc_test.go) and with addrDetectPrev on s, with a hit at every digit and at
// the first digit of every run, in a whole text and in windows that start
// or end inside it.
func addrRefCheck(t *testing.T, s string) {
	refWindows(s, 3, [][2]bool{{true, true}, {false, false}}, func(w *detect.Window) {
		got, _ := ukAddress{}.Detect(nil, w)
		if want := must(refAddressDetect(nil, w)); !slices.Equal(got, want) {
			t.Fatalf("ukAddress.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
		if want := must(addrDetectPrev(nil, w)); !slices.Equal(got, want) {
			t.Fatalf("ukAddress.Detect(%q, %v %v) = %v, previous Detect %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
}

func TestAddrRef(t *testing.T) {
	for _, s := range append(intlStripAll(addrCases), speedHardText,
		"1 2 3 A 4 a 5, 6- 7-8 9a 1a 2A, 3/4 5/6, 7 12345 A 1234 5 Flat 1 2 12a, High St 12, Mill Lane 12b Oak Rd",
		"Flat 12345 6 Unit 1234 5 Room 1/2 3 Suite 4B 5 apt 9 1 Flat 2b, 14 High St, Leeds LS1 1AA 12-14 Mill Lane",
		"it's flat 2b, buzz twice; we need 3 more chairs; Tue, 12 Mar 2024 12 Acacia Avenue, Reading RG1 1AA",
		"2021-03-12 12-34-56 12-1234 Road 12-12345 X Way 1-2a, Long Road 3-4,High St 5- 6 Oak Rd 12-3b Oak Road 1234-5678 Mill Lane 9-x Oak Rd") {
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

// TestAddrWordMask checks addrWordMask against addrWordTab, and
// addrAlnumMask against intlAlnum, for every byte at every position of a
// word.
func TestAddrWordMask(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			var b [8]byte
			for i := range b {
				b[i] = byte(c + 37*i + pos) // varied neighbours
			}
			b[pos] = byte(c)
			m := addrWordMask(binary.LittleEndian.Uint64(b[:]))
			a := addrAlnumMask(binary.LittleEndian.Uint64(b[:]))
			for i := range b {
				if got, want := m>>(8*i)&0xff == 0x80, addrWordTab[b[i]]; got != want || m>>(8*i)&0x7f != 0 {
					t.Fatalf("addrWordMask(%q) byte %d = %#x, want word byte %v", b[:], i, m>>(8*i)&0xff, want)
				}
				if got, want := a>>(8*i)&0xff == 0x80, intlAlnum(b[i]); got != want || a>>(8*i)&0x7f != 0 {
					t.Fatalf("addrAlnumMask(%q) byte %d = %#x, want alnum %v", b[:], i, a>>(8*i)&0xff, want)
				}
			}
		}
	}
}

// TestAddrStreetMay2 checks that addrStreetMay2 is false only where
// addrAt finds no street after the capital t[k]: at every capital of
// the reference texts, with a building number written before it.
func TestAddrStreetMay2(t *testing.T) {
	for _, s := range append(intlStripAll(addrCases), speedHardText, "12 Mar 2021 09:14", "7 O'Neil-Smith Road, 7 Ab Cd",
		"1 Abcdefgh Road 1 Abcdefg Road 1 Abcdefghi Road 1 Abc\nRoad 1 Abc  Road 1 Abc,Road 1 Abc-'x Road") {
		b := []byte(s)
		for k := range b {
			if !intlUpper(b[k]) {
				continue
			}
			x := append([]byte("1 "), b[k:]...)
			if _, _, ok := addrAt(x, 0); ok && !addrStreetMay2(x, 2) {
				t.Errorf("addrStreetMay2(%q) = false, addrAt finds a street", x)
			}
		}
	}
}

// addrDetectPrev is ukAddress.Detect before its inline reject skipped
// the optional letter and ',' by table and tested the street's second
// word (addrStreetMay2).
func addrDetectPrev(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		numOK := false // addrNumMay(t, h) is known to be true
		if h > 0 && h+8 <= len(t) && !intlUpper(t[h-1]) {
			// Every hit not after a capital needs addrNumMay (see below).
			// Most fail it, as seen here from the eight bytes at h without
			// a call, as addrNumMay does: more than 4 digits, or no space
			// after the digits, an optional letter (12a) and an optional
			// ',', or after that space neither a capital nor a digit after
			// a flat word. Ranges and floors (12-14, 2/3) are left to
			// addrNumMay.
			x := binary.LittleEndian.Uint64(t[h:])
			d := bits.TrailingZeros64(^intlDigitMask(x)&intlHigh) >> 3
			if d > 4 {
				continue
			}
			x >>= 8 * d
			if c := byte(x); c != '-' && c != '/' {
				if intlLetter(c) {
					x >>= 8
				}
				if byte(x) == ',' {
					x >>= 8
				}
				if c := byte(x >> 8); byte(x) != ' ' || !intlUpper(c) && !(intlDigit(c) && addrFlatWordMay(t, h)) {
					continue
				}
				numOK = true
			}
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
			if !numOK && !addrNumMay(t, h) || intlGluedBefore(t, h) {
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
		} else if !numOK && !addrNumMay(t, h) {
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
	return dst, nil
}

// addrScanRefCheck compares addrWord and addrPostcode with their byte
// loops (addrWordPrev, addrPostcodePrev) at every offset of s and of its
// prefixes ending near each offset (the word-at-a-time reads and the
// loops near the end of the text).
func addrScanRefCheck(t *testing.T, s string) {
	b := []byte(s)
	for end := range len(b) + 1 {
		for i := max(0, end-30); i <= end; i++ {
			x := b[:end]
			if got, want := addrWord(x, i), addrWordPrev(x, i); got != want {
				t.Fatalf("addrWord(%q, %d) = %d, want %d", x, i, got, want)
			}
			if i < end {
				e1, ok1 := addrPostcode(x, i)
				e2, ok2 := addrPostcodePrev(x, i)
				if e1 != e2 || ok1 != ok2 {
					t.Fatalf("addrPostcode(%q, %d) = %d %v, want %d %v", x, i, e1, ok1, e2, ok2)
				}
			}
		}
	}
}

func TestAddrScanRef(t *testing.T) {
	for _, s := range append(intlStripAll(addrCases), speedHardText,
		"Abcdefghijklmnopqrstuvw Abcdefghijklmnopqrstuvwx Abcdefghijklmnopqrstuvwxy O'Neil-Smith Road, Mill-o'-the-Lane2 X",
		"SW1A 1AA SW1A1AA GIR 0AA EC1A 1BBC W1 0AX, M1 1AE. B33 8TH-x CR2 6XH9 DN551PT AB12CDEFG X 1A LS1  1AA") {
		addrScanRefCheck(t, s)
	}
}

func FuzzAddrScanRef(f *testing.F) {
	f.Add("12 Acacia Avenue, Reading, Berkshire RG1 1AA; O'Neil-Smith Road SW1A1AA")
	f.Fuzz(addrScanRefCheck)
}

// addrWordPrev and addrPostcodePrev are addrWord and addrPostcode before
// they read a word of text at once.
func addrWordPrev(t []byte, i int) int {
	if i >= len(t) || !intlUpper(t[i]) {
		return i
	}
	j := i + 1
	for j < len(t) && addrWordTab[t[j]] && j-i < 24 {
		j++
	}
	if j-i >= 24 || j < len(t) && intlDigit(t[j]) {
		return i
	}
	return j
}

func addrPostcodePrev(t []byte, i int) (int, bool) {
	j := i
	for j < len(t) && intlAlnum(t[j]) && j-i < 8 {
		j++
	}
	var out, in []byte
	e := j
	switch {
	case j < len(t) && t[j] == ' ':
		out = t[i:j]
		k := j + 1
		for k < len(t) && intlAlnum(t[k]) && k-j < 5 {
			k++
		}
		in, e = t[j+1:k], k
	case j-i >= 5 && j-i <= 7:
		out, in = t[i:j-3], t[j-3:j]
	default:
		return 0, false
	}
	if len(in) != 3 || intlGluedAfter(t, e) && !(e < len(t) && (t[e] == '.' || t[e] == ',')) {
		return 0, false
	}
	if !intlDigit(in[0]) || !intlUpper(in[1]) || !intlUpper(in[2]) || ukLetterIn(in[1], ukPcInwardNot) || ukLetterIn(in[2], ukPcInwardNot) {
		return 0, false
	}
	if string(out) == "GIR" {
		return e, in[0] == '0' && in[1] == 'A' && in[2] == 'A'
	}
	if len(out) < 2 || len(out) > 4 || !intlUpper(out[0]) || ukLetterIn(out[0], ukPcFirstNot) {
		return 0, false
	}
	var shape [4]byte
	for k, c := range out {
		switch {
		case intlUpper(c):
			shape[k] = 'A'
		case intlDigit(c):
			shape[k] = '9'
		}
	}
	switch string(shape[:len(out)]) {
	case "A9", "A99":
	case "AA9", "AA99":
		if ukLetterIn(out[1], ukPcSecondNot) {
			return 0, false
		}
	case "A9A":
		if !ukLetterIn(out[2], ukPcThirdA9A) {
			return 0, false
		}
	case "AA9A":
		if ukLetterIn(out[1], ukPcSecondNot) || !ukLetterIn(out[3], ukPcFourthAA9A) {
			return 0, false
		}
	default:
		return 0, false
	}
	return e, true
}
