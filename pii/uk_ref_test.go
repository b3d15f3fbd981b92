package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// The postcode and sort code detectors as they were before their first
// checks were made cheaper: the references their findings are compared
// with.

func ukPostcodeRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		if (i == 0 || !ukPcAlnum[t[i-1]]) && ukIsDigit(t[i]) && !ukPcDigitStartMay(t, i) {
			// Not a match, decided early: see ukPcDigitStartMay. The
			// generic path would also set next = te, the end of the
			// token ukAlnumRun gives, but only to skip the later hits
			// of the same token, which cannot match either: from any
			// hit of a token of at most 8 bytes ukAlnumRun returns the
			// same ts and te (so the same decision), and from a hit
			// of a longer token the run is either the whole token
			// (n > 8) or cut at a letter or digit (ukTokenStart or
			// ukTokenEnd fails). So next need not move.
			continue
		}
		ts, te := ukAlnumRun(t, i, 8)
		next = te
		n := te - ts
		if n > 8 || !ukTokenStart(t, ts) || !ukTokenEnd(t, te) {
			continue
		}
		s, e, info := -1, 0, uint32(0)
		lower := ukIsLower(t[ts])
		switch {
		case n == 3 && ukIsDigit(t[ts]) && ts >= 4 && t[ts-1] == ' ' && ukTokenStart(t, ts-4) &&
			(string(t[ts-4:te]) == "GIR 0AA" || string(t[ts-4:te]) == "gir 0aa"):
			s, e, info = ts-4, te, UKPostcodeGIR
		case n <= 4 && ukAllDigits(t[ts:te]) && ts >= 5 && t[ts-1] == ' ' && ukIsBFPO(t, ts-5):
			if ukBFPOEnd(t, te) {
				s, e, info, lower = ts-5, te, UKPostcodeBFPO, ukIsLower(t[ts-5])
			}
		case n >= 5 && ukIsBFPO(t, ts) && ukAllDigits(t[ts+4:te]):
			if ukBFPOEnd(t, te) {
				s, e, info = ts, te, UKPostcodeBFPO
			}
		case n == 8:
		case n >= 2 && n <= 4 && te+4 <= len(t) && t[te] == ' ' && ukTokenEnd(t, te+4) &&
			ukOutward(t[ts:te], lower) && ukInward(t[te+1:te+4], lower):
			s, e, info = ts, te+4, UKPostcodeSpaced
		case n == 3 && ts >= 3 && t[ts-1] == ' ' && ukInward(t[ts:te], lower):
			// The inward code reached first: look back for the outward code.
			os := ts - 1
			for os > 0 && ukIsAlnum(t[os-1]) && ts-1-os < 5 {
				os--
			}
			if ukTokenStart(t, os) && ukOutward(t[os:ts-1], lower) {
				s, e, info = os, te, UKPostcodeSpaced
			}
		case n >= 5 && ukOutward(t[ts:te-3], lower) && ukInward(t[te-3:te], lower):
			s, e, info = ts, te, UKPostcodeUnspaced
		}
		if s < 0 || !ukEdgeOK(w, s, e, 2) {
			continue
		}
		next = e
		score := 45
		if info == UKPostcodeUnspaced {
			score = 30
		}
		if lower {
			score -= 15
			info |= UKPostcodeLower
		}
		// An address line: "London, SW1A 1AA".
		if p := s - 1; p >= 0 && t[p] == ' ' && p > 0 && t[p-1] == ',' || p >= 0 && t[p] == ',' {
			score += 10
		}
		dst = append(dst, ukFinding(w, s, e, score, info))
	}
	return dst
}

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
			if !ukNumBefore(t, s, false) || !ukNumAfter(t, de, false) || !ukHasCueIn(t, s-32, s, &ukSortCodeCue) {
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
	b := []byte(s)
	var all, starts []int32
	for i := range b {
		if ukIsDigit(b[i]) {
			all = append(all, int32(i))
			if i == 0 || !ukIsDigit(b[i-1]) {
				starts = append(starts, int32(i))
			}
		}
	}
	for _, hits := range [][]int32{all, starts} {
		for _, edge := range [][2]bool{{true, true}, {false, false}} {
			w := &detect.Window{Text: b, Base: 5, Hits: hits, AtStart: edge[0], AtEnd: edge[1]}
			if got, want := must(ukPostcode{}.Detect(nil, w)), ukPostcodeRef(nil, w); !slices.Equal(got, want) {
				t.Fatalf("ukPostcode.Detect(%q, %v) = %v, want %v", s, edge, got, want)
			}
			if got, want := must(ukSortCode{}.Detect(nil, w)), ukSortCodeRef(nil, w); !slices.Equal(got, want) {
				t.Fatalf("ukSortCode.Detect(%q, %v) = %v, want %v", s, edge, got, want)
			}
		}
	}
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
