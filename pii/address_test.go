package pii

import (
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

func TestAddrPostcode(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"SW1A 2AA", true}, {"EC1A 1BB", true}, {"W1A 0AX", true}, {"M1 1AE", true}, {"B33 8TH", true},
		{"CR2 6XH", true}, {"DN55 1PT", true}, {"GIR 0AA", true}, {"RG11AA", true}, {"SW1A2AA", true},
		{"BN3 1AA", true},
		{"QA1 1AA", false}, {"AI1 1AA", false}, {"W1I 1AA", false}, {"EC1C 1AA", false}, {"M1 1CA", false},
		{"M1 1AC", false}, {"M1 AAA", false}, {"123 4AA", false}, {"SW1A 2AAA", false}, {"GIR 1AA", false},
	}
	for _, tc := range tests {
		e, ok := addrPostcode([]byte(tc.in), 0)
		if ok && e != len(tc.in) {
			ok = false
		}
		if ok != tc.want {
			t.Errorf("addrPostcode(%q) = %v, want %v", tc.in, ok, tc.want)
		}
	}
}

var addrCases = []string{
	"lives at ⟦12 Acacia Avenue, Reading, Berkshire RG1 1AA⟧ since 2001",
	"⟦10 Downing Street, London SW1A 2AA⟧",
	"deliver to ⟦221b Baker Street, London NW1 6XE⟧.",
	"Address: ⟦4 Privet Drive, Little Whinging, Surrey⟧.",
	"⟦1 High St, Hove BN3 1AA⟧",
	"⟦7 St Albans Road\nWatford\nWD17 1AA⟧",
	"lives at ⟦33 Park Lane⟧ now",
	"33 Park Lane is a famous street", // street alone scores 45
	"send it to ⟦12-14 Mill Lane, Newcastle upon Tyne NE1 4AA⟧ please",
	"⟦5 Old Church Close SW1A 2AA⟧",
	"post to ⟦Flat 3, 12 Acacia Avenue, Reading RG1 1AA⟧",
	"⟦Apartment 12B 4 Mill Lane⟧, said the address",
	"lives at ⟦Rose Cottage, Mill Lane, Hove BN3 1AA⟧ now",
	"Dear Sir, ⟦Oak House\nChurch Road\nLeeds\nLS1 4AB⟧",
	"⟦Station Road, Bath BA1 1AA⟧",
	// Hard negatives.
	"postcode BN3 1AA only",
	"Reading RG1 1AA is a town and postcode",
	"3 main roads lead there",
	"a 5 minute walk away",
	"page 12 of the Road Traffic Act",
	"in 1961 Acacia Avenue was built",
	"call 020 7946 0958",
	"12 Acacia",
	"x12 Acacia Avenue",
}

func TestAddrCases(t *testing.T) {
	detecttest.Cases(t, NewUKAddress(), 50, addrCases...)
}

func TestAddrRun(t *testing.T) {
	detecttest.Run(t, NewUKAddress(), intlStripAll(addrCases)...)
}

// addrNumMayCheck compares addrNumMay with the two checks it fuses at
// every digit of s.
func addrNumMayCheck(t *testing.T, s string) {
	b := []byte(s)
	for h := range b {
		if !intlDigit(b[h]) {
			continue
		}
		if got, want := addrNumMay(b, h), addrStreetMay(b, h) || addrFlatMay(b, h); got != want {
			t.Fatalf("addrNumMay(%q, %d) = %v, want %v", s, h, got, want)
		}
	}
}

func TestAddrNumMay(t *testing.T) {
	for _, s := range append(intlStripAll(addrCases), speedHardText, "1 2 3 A 4 a 5, 6- 7-8 9a 1a 2A, 3/4 5/6, 7 12345 A 1234 5 Flat 1 2",
		"Flat 12345 6 Unit 1234 5 Room 1/2 3 Suite 4B 5 apt 9 1", "1 A", "1 1", "Unit 1 ", "Unit 12") {
		addrNumMayCheck(t, s)
	}
}

func FuzzAddrNumMay(f *testing.F) {
	for _, s := range intlStripAll(addrCases) {
		f.Add(s)
	}
	f.Add("Flat 2/3, 14 High St; Unit 4 7 Oak Road; 12-14 Mill Lane; 221B Baker Street")
	f.Fuzz(addrNumMayCheck)
}
