package pii

import (
	"encoding/binary"
	"math/bits"
	"strings"

	"github.com/tidemark/tidemark/detect"
)

// intlDetectors returns the payment, network, date-of-birth and address
// detectors.
func intlDetectors() []detect.Detector {
	return []detect.Detector{NewPaymentCard(), NewIBAN(), NewIPAddress(), NewDateOfBirth(), NewUKAddress()}
}

// Byte classes shared by the payment, network, date and address detectors.

func intlDigit(c byte) bool { return '0' <= c && c <= '9' }

// intlHigh has the high bit of every byte of a word set.
const intlHigh = 0x8080808080808080

// intlDigitMask returns the bytes of x that are ASCII digits as 0x80, the
// others as 0 (exact: no carry crosses a byte).
func intlDigitMask(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	a := x & low7
	ge0 := a + 0x5050505050505050  // high bit: a >= '0'
	ge10 := a + 0x4646464646464646 // high bit: a > '9'
	return ge0 &^ ge10 &^ x & intlHigh
}

// intlDigitEnd returns the end of the run of ASCII digits starting at
// t[i] (i itself when t[i] is not a digit), reading eight bytes at a time.
func intlDigitEnd(t []byte, i int) int {
	for ; i+8 <= len(t); i += 8 {
		if m := ^intlDigitMask(binary.LittleEndian.Uint64(t[i:])) & intlHigh; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(t) && intlDigit(t[i]) {
		i++
	}
	return i
}

// intlDigitStart returns the start of the run of ASCII digits ending at
// t[i-1] (i itself when t[i-1] is not a digit), reading eight bytes at a
// time.
func intlDigitStart(t []byte, i int) int {
	for ; i >= 8; i -= 8 {
		if m := ^intlDigitMask(binary.LittleEndian.Uint64(t[i-8:])) & intlHigh; m != 0 {
			return i - bits.LeadingZeros64(m)>>3
		}
	}
	for i > 0 && intlDigit(t[i-1]) {
		i--
	}
	return i
}

func intlUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func intlLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
func intlAlnum(c byte) bool { return ukAlnumTab[c] } // the same bytes as ukIsAlnum

func intlLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// intlGluedBefore reports whether a token starting at t[s] continues the
// token before it: a letter or digit; '.', '-', '_' or '/' after a letter
// or digit ("v1.2", "ID-4111...", "12/03"); ':' after a digit ("12:30");
// a thousands comma ("1,234"); or '£', '$', '#', '@', '%', '&', '\'.
// '=' does not glue: key=value logs ("card=4111...") are common.
func intlGluedBefore(t []byte, s int) bool {
	if s == 0 {
		return false
	}
	b := t[s-1]
	switch intlGlueTab[b] {
	case intlGlueNo:
		return false
	case intlGlueAlways:
		return true
	}
	if s >= 2 {
		switch b {
		case '.', '-', '/':
			return intlAlnum(t[s-2])
		case ':':
			return intlDigit(t[s-2])
		case ',':
			return intlThousands(t, s-1)
		case 0xA3: // £
			return t[s-2] == 0xC2
		}
	}
	return false
}

// intlGluedAfter is intlGluedBefore for a token ending at t[e-1].
func intlGluedAfter(t []byte, e int) bool {
	if e >= len(t) {
		return false
	}
	a := t[e]
	switch intlGlueTab[a] {
	case intlGlueNo:
		return false
	case intlGlueAlways:
		return true
	}
	if e+1 < len(t) {
		switch a {
		case '.', '-', '/':
			return intlAlnum(t[e+1])
		case ':':
			return intlDigit(t[e+1])
		case ',':
			return intlThousands(t, e)
		}
	}
	return false
}

// intlGlueTab sorts the bytes next to a token for intlGluedBefore and
// intlGluedAfter with one lookup (the commonest, a space, glues never):
// intlGlueAlways for letters, digits, '_', '@', '#', '$', '%', '&' and
// '\'; intlGlueMaybe for the bytes that glue depending on the byte
// beyond ('.', '-', '/', ':', ',', and the second byte of '£').
var intlGlueTab = func() (g [256]uint8) {
	for c := range 256 {
		switch {
		case intlAlnum(byte(c)) || strings.IndexByte("_@#$%&\\", byte(c)) >= 0:
			g[c] = intlGlueAlways
		case strings.IndexByte(".-/:,\xa3", byte(c)) >= 0:
			g[c] = intlGlueMaybe
		}
	}
	return g
}()

const (
	intlGlueNo = iota
	intlGlueAlways
	intlGlueMaybe
)

// intlThousands reports whether the comma at t[c] separates thousands:
// one to three digits before it and exactly three after ("1,234",
// "£12,500"). A comma between longer runs separates fields (CSV).
func intlThousands(t []byte, c int) bool {
	i := c
	for i > 0 && intlDigit(t[i-1]) && c-i < 4 {
		i--
	}
	if n := c - i; n < 1 || n > 3 || i > 0 && intlDigit(t[i-1]) {
		return false
	}
	j := c + 1
	for j < len(t) && intlDigit(t[j]) && j-c <= 4 {
		j++
	}
	return j-c-1 == 3
}

// intlEdge reports whether [s, e) plus pad bytes of context on each side
// fails to fit in the window (so the candidate must be left to another
// window).
func intlEdge(w *detect.Window, s, e, pad int) bool {
	return (s-pad < 0 && !w.AtStart) || (e+pad >= len(w.Text) && !w.AtEnd)
}
