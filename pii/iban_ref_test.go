package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// ibanDetectRef, ibanReadRef, ibanValidRef and ibanMod97Ref are the IBAN
// detector's code as it was before it read, checked and summed four or
// eight characters at a time (kept to compare with).
func ibanDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next || h < 2 || h+1 >= len(t) {
			continue
		}
		s := h - 2
		if !intlUpper(t[s]) || !intlUpper(t[s+1]) || !intlDigit(t[h+1]) || intlGluedBefore(t, s) {
			continue
		}
		var buf [34]byte
		e, n, ok := ibanReadRef(t, s, &buf)
		if !ok || intlEdge(w, s, e, 2) {
			continue
		}
		next = e
		if !ibanValidRef(buf[:n]) {
			continue
		}
		dst = append(dst, detect.Finding{
			Start: w.Base + int64(s), End: w.Base + int64(e), Score: 80,
			Info: uint32(t[s])<<8 | uint32(t[s+1]),
		})
	}
	return dst
}

func ibanReadRef(t []byte, s int, buf *[34]byte) (e, n int, ok bool) {
	c := ibanLookupRef(t[s], t[s+1])
	if c == nil {
		return 0, 0, false
	}
	spaced := s+4 < len(t) && t[s+4] == ' '
	i := s
	for n < c.n {
		if spaced && n > 0 && n%4 == 0 {
			if i >= len(t) || t[i] != ' ' {
				return 0, 0, false
			}
			i++
		}
		if i >= len(t) || !(intlUpper(t[i]) || intlDigit(t[i])) {
			return 0, 0, false
		}
		buf[n] = t[i]
		n++
		i++
	}
	if intlGluedAfter(t, i) || spaced && i+1 < len(t) && t[i] == ' ' && intlDigit(t[i+1]) {
		return 0, 0, false
	}
	return i, n, true
}

func ibanValidRef(b []byte) bool {
	c := ibanLookupRef(b[0], b[1])
	if c == nil || len(b) != c.n || !intlDigit(b[2]) || !intlDigit(b[3]) {
		return false
	}
	if ck := int(b[2]-'0')*10 + int(b[3]-'0'); ck < 2 || ck > 98 {
		return false
	}
	for i := 0; i < len(c.bban); i++ {
		x := b[4+i]
		switch c.bban[i] {
		case 'n':
			if !intlDigit(x) {
				return false
			}
		case 'a':
			if !intlUpper(x) {
				return false
			}
		}
	}
	return ibanMod97Ref(b) == 1
}

// ibanLookupRef is ibanLookup as it was before ibanLen: the entry itself
// tested (kept to compare with).
func ibanLookupRef(a, b byte) *ibanCountry {
	c := &ibanTab[int(a-'A')*26+int(b-'A')]
	if c.n == 0 {
		return nil
	}
	return c
}

// TestIBANLookupRef: ibanLookup (ibanLen first) and ibanLookupRef agree on
// every pair of capitals.
func TestIBANLookupRef(t *testing.T) {
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			if got, want := ibanLookup(a, b), ibanLookupRef(a, b); got != want {
				t.Errorf("ibanLookup(%c%c) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func ibanMod97Ref(b []byte) int {
	if len(b) < 4 {
		r := 0
		for i := range b {
			r = ibanMod97Step(r, b[(i+4)%len(b)]) % 97
		}
		return r
	}
	// The remainder is taken only when r grows large: the same value
	// mod 97, with far fewer divisions.
	r := 0
	for _, x := range b[4:] {
		if r = ibanMod97Step(r, x); r >= 1<<56 {
			r %= 97
		}
	}
	for _, x := range b[:4] {
		if r = ibanMod97Step(r, x); r >= 1<<56 {
			r %= 97
		}
	}
	return r % 97
}

// ibanRefCheck compares iban.Detect with ibanDetectRef on s, with a hit at
// every digit and at the first digit of every run, in a whole text and in
// windows that start or end inside it; and ibanValid and ibanMod97 with
// their references on s itself.
func ibanRefCheck(t *testing.T, s string) {
	refWindows(s, 9, [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}}, func(w *detect.Window) {
		got, _ := iban{}.Detect(nil, w)
		if want := ibanDetectRef(nil, w); !slices.Equal(got, want) {
			t.Fatalf("iban.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
	b := []byte(s)
	if got, want := ibanMod97(b), ibanMod97Ref(b); got != want {
		t.Fatalf("ibanMod97(%q) = %d, want %d", s, got, want)
	}
	if len(b) >= 4 && intlUpper(b[0]) && intlUpper(b[1]) {
		if got, want := ibanValid(b), ibanValidRef(b); got != want {
			t.Fatalf("ibanValid(%q) = %v, want %v", s, got, want)
		}
	}
}

func ibanRefTexts() []string {
	var ts []string
	for _, e := range ibanExamples {
		ts = append(ts, e, ibanSpaced(e), "IBAN "+e+" x", "IBAN: "+ibanSpaced(e)+", ok", e[:len(e)-1], e+"1", e[:10]+"a"+e[11:])
	}
	return ts
}

func TestIBANRef(t *testing.T) {
	for _, s := range append(intlStripAll(ibanCases), ibanRefTexts()...) {
		ibanRefCheck(t, s)
	}
}

func FuzzIBANRef(f *testing.F) {
	for _, s := range append(intlStripAll(ibanCases), ibanRefTexts()...) {
		f.Add(s)
	}
	f.Fuzz(ibanRefCheck)
}

// TestIBANMod97Digits: the eight-digit steps of ibanMod97 against the
// reference on long runs of digits and letters.
func TestIBANMod97Digits(t *testing.T) {
	for _, s := range []string{
		"GB0012345678901234567890123456789", "GB00999999999999999999999999999999", "GB00WEST99999999999999999999999999",
		"GB00A9999999999B99999999C9999999999", "DE0000000000000000000000", "RU0304452522540817810538091310419",
	} {
		if got, want := ibanMod97([]byte(s)), ibanMod97Ref([]byte(s)); got != want {
			t.Errorf("ibanMod97(%s) = %d, want %d", s, got, want)
		}
	}
}
