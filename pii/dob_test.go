package pii

import (
	"math/rand/v2"
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

func TestDateValid(t *testing.T) {
	tests := []struct {
		d, m, y, yl int
		want        bool
	}{
		{12, 3, 1961, 4, true}, {29, 2, 2000, 4, true}, {29, 2, 1900, 4, false}, {29, 2, 1964, 4, true},
		{29, 2, 1961, 4, false}, {31, 4, 1961, 4, false}, {30, 4, 1961, 4, true}, {0, 1, 1961, 4, false},
		{1, 13, 1961, 4, false}, {1, 1, 1899, 4, false}, {1, 1, 2031, 4, false}, {29, 2, 0, 2, true},
		{31, 12, 99, 2, true}, {32, 1, 61, 2, false},
	}
	for _, tc := range tests {
		if got := dateValid(tc.d, tc.m, tc.y, tc.yl); got != tc.want {
			t.Errorf("dateValid(%d, %d, %d, %d) = %v, want %v", tc.d, tc.m, tc.y, tc.yl, got, tc.want)
		}
	}
}

var dobCases = []string{
	"DOB: ⟦12/03/1961⟧",
	"D.O.B. ⟦12-03-61⟧",
	"date of birth ⟦1961-03-12⟧",
	"born on ⟦12 March 1961⟧ in Leeds",
	"Born ⟦12th March 1961⟧",
	"born ⟦March 12, 1961⟧",
	"dob ⟦12.03.1961⟧",
	"Date of Birth: ⟦12th of September 1961⟧",
	"birthday ⟦3 Feb 1999⟧",
	"DOB ⟦12-Mar-61⟧",
	"dob ⟦Sept 5th, 1970⟧",
	"dob ⟦03/25/1961⟧ (US style)",
	"⟦29/02/1964⟧ is her date of birth",
	// Hard negatives: bare dates score low, invalid dates, non-dates.
	"meeting on 12/03/2021",
	"12 March 1961",
	"DOB: 31/02/1961",
	"DOB: 13/13/1961",
	"dob 12/03/1850",
	"DOB 29/02/1961",
	"born 1.2.3.4",
	"dob 12/03/1961/5",
	"dob x12/03/1961",
	"born 12:30 on a Tuesday",
	"version 12.03.1961.1",
	"DOB 12 Marchington 1961",
	"invoice due 12/03/1961",
	"happy birthday!!\n28/03/2021, 15:35 - Ravi: thanks",
	"born on ⟦17 Jul 1962⟧ if that helps\n01/04/2021 Chloe: got it",
	"DOB [12/03/1961, 09:30] chat timestamp",
	"Date of birth:\n⟦12/03/1961⟧",
	"date of birth: ⟦1999-03-12⟧ meeting on 23/07/2021",
}

func TestDOBCases(t *testing.T) {
	detecttest.Cases(t, NewDateOfBirth(), 50, dobCases...)
}

func TestDOBRun(t *testing.T) {
	detecttest.Run(t, NewDateOfBirth(), intlStripAll(dobCases)...)
}

// TestDOBScans compares dobFirstDigit and dobLastStop with byte loops on
// random texts of digits, line feeds, high bytes and other bytes, and
// intlDigitMask with intlDigit on every byte.
func TestDOBScans(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []byte("0123456789\n\n\r /:.-aZ\x00\x7f\x80\x8a\xb0\xb9\xff")
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(6) == 0 {
				b[i] = pieces[r.IntN(len(pieces))]
			} else {
				b[i] = "abcdefgh ,;"[r.IntN(11)]
			}
		}
		for lo := 0; lo <= len(b); lo++ {
			for hi := lo; hi <= len(b); hi++ {
				f := lo
				for f < hi && !intlDigit(b[f]) {
					f++
				}
				if got := dobFirstDigit(b, lo, hi); got != f {
					t.Fatalf("dobFirstDigit(%q, %d, %d) = %d, want %d", b, lo, hi, got, f)
				}
				l := hi - 1
				for l >= lo && !intlDigit(b[l]) && b[l] != '\n' {
					l--
				}
				if got := dobLastStop(b, lo, hi); got != l {
					t.Fatalf("dobLastStop(%q, %d, %d) = %d, want %d", b, lo, hi, got, l)
				}
			}
		}
	}
	for c := range 256 {
		m := intlDigitMask(uint64(c) * 0x0101010101010101)
		if want := intlDigit(byte(c)); m != 0 && m != intlHigh || (m != 0) != want {
			t.Fatalf("intlDigitMask of byte %#x = %#x", c, m)
		}
	}
}
