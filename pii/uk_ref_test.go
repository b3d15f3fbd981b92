package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// ukSortCodeRef is the sort code detector as it was before its first
// checks were made cheaper: the reference its findings are compared with
// (the postcode detector's is refPostcodeDetect, in speed_pc_test.go).
func ukSortCodeRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	var dg ukDigits
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		s := ukDigitRunStart(t, i)
		de := ukDigitRunEnd(t, i)
		next = de
		if (s < ukSortGap+12 && !w.AtStart) || (de+ukSortGap+12 > len(t) && !w.AtEnd) {
			continue
		}
		var e int
		var sep byte
		bare := false
		switch de - s {
		case 2:
			var ok bool
			if e, sep, ok = ukGroups(t, s, "\x02\x02\x02", "- ", &dg); !ok || !ukNumBefore(t, s, sep == ' ') {
				continue
			}
		case 6:
			// Not the last group of a number ("+44 7700 900123"): no
			// digit group and space or tab before it.
			if !ukNumBefore(t, s, false) || s >= 2 && (t[s-1] == ' ' || t[s-1] == '\t') && ukIsDigit(t[s-2]) ||
				!ukNumAfter(t, de, false) || !ukHasCueIn(t, s-32, s, &ukSortCodeCue) {
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

// ukRefCheck compares the postcode and sort code detectors with their
// references on s, with a hit at every digit and at the first digit of
// every run, in a whole text and in windows that start or end inside it.
func ukRefCheck(t *testing.T, s string) {
	refWindows(s, 5, [][2]bool{{true, true}, {false, false}}, func(w *detect.Window) {
		if got, want := must(ukPostcode{}.Detect(nil, w)), must(refPostcodeDetect(nil, w)); !slices.Equal(got, want) {
			t.Fatalf("ukPostcode.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
		if got, want := must(ukSortCode{}.Detect(nil, w)), ukSortCodeRef(nil, w); !slices.Equal(got, want) {
			t.Fatalf("ukSortCode.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
	b := []byte(s)
	for h := range len(b) + 1 {
		if ukHasCueIn(b, h-32, h, &ukSortCodeCue) && !ukSortCueMay(b, h) {
			t.Fatalf("ukSortCueMay(%q, %d) = false, the cue is there", s, h)
		}
	}
}

func must(fs []detect.Finding, err error) []detect.Finding {
	if err != nil {
		panic(err)
	}
	return fs
}

const ukRefText = `BFPO 123, bfpo 7, BFPO12, GIR 0AA, gir 0aa, SW1A 1AA, sw1a 1aa, EC1A1BB, London, W1A 0AX; 1 2AB, x 3 Ab 12 34
Sort code 12-34-56 acc 12345678; sort code: 123456; sortcode 654321 acc 1234 5678; SORT CODE 40 47 84, +44 7700 900123: hi
12345678 12-34-56, 12 34 56 / 12345678, XA 44 39 30 A, a sort code in 32 bytes..... 123456 and 998877 alone`

func TestUKRef(t *testing.T) {
	for _, s := range []string{ukRefText, speedHardText, "BFPO 1", "1 BFPO 12", "sort code 123456", "12 34 56", "  BFPO  9 a"} {
		ukRefCheck(t, s)
	}
}

func FuzzUKRef(f *testing.F) {
	f.Add(ukRefText)
	f.Fuzz(ukRefCheck)
}

// TestUKLetterSets checks the letter sets of the vehicle mark and
// postcode detectors against the lists they were written from, at every
// byte.
func TestUKLetterSets(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if got, want := ukRegLetter(b), ukIsUpper(b) && b != 'I' && b != 'Q'; got != want {
			t.Errorf("ukRegLetter(%q) = %v", b, got)
		}
		if got, want := ukRegYear(b), ukIsUpper(b) && !ukIn(b, "IOQUZ"); got != want {
			t.Errorf("ukRegYear(%q) = %v", b, got)
		}
		if got, want := ukRegSerial(b), ukIsUpper(b) && !ukIn(b, "IQZ"); got != want {
			t.Errorf("ukRegSerial(%q) = %v", b, got)
		}
		for _, set := range []struct {
			m    uint32
			list string
		}{
			{ukRegAreas, "ABCDEFGHKLMNOPRSVWY"}, {ukPcInwardNot, "CIKMOV"}, {ukPcFirstNot, "QVX"}, {ukPcSecondNot, "IJZ"},
			{ukPcThirdA9A, "ABCDEFGHJKPSTUW"}, {ukPcFourthAA9A, "ABEHMNPRVWXY"},
		} {
			if got, want := ukLetterIn(b, set.m), ukIn(b, set.list); got != want {
				t.Errorf("ukLetterIn(%q, %q) = %v", b, set.list, got)
			}
		}
	}
}

// TestUKByteClasses checks ukIsAlnum, intlAlnum, addrWordTab and ukGlue
// against their definitions at every byte.
func TestUKByteClasses(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if got, want := ukIsAlnum(b), '0' <= b && b <= '9' || 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z'; got != want {
			t.Errorf("ukIsAlnum(%q) = %v", b, got)
		}
		if got, want := intlAlnum(b), '0' <= b && b <= '9' || 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z'; got != want {
			t.Errorf("intlAlnum(%q) = %v", b, got)
		}
		if got, want := addrWordTab[b], 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || b == '\'' || b == '-'; got != want {
			t.Errorf("addrWordTab[%q] = %v", b, got)
		}
		if got, want := ukGlue(b), b == '-' || b == '_' || b == '/' || b == '@' || b == '.'; got != want {
			t.Errorf("ukGlue(%q) = %v", b, got)
		}
	}
}
