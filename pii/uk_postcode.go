package pii

import (
	"encoding/binary"

	"github.com/tidemark/tidemark/detect"
)

// Info values of [NewUKPostcode] findings.
const (
	UKPostcodeSpaced   uint32 = 1  // outward and inward code separated by a space: SW1A 1AA
	UKPostcodeUnspaced uint32 = 2  // written without the space: SW1A1AA
	UKPostcodeGIR      uint32 = 3  // the special postcode GIR 0AA
	UKPostcodeBFPO     uint32 = 4  // British Forces Post Office number: BFPO 1234
	UKPostcodeLower    uint32 = 16 // flag: written in lower case
)

// NewUKPostcode returns a detector for UK postcodes.
//
// Matches: every Royal Mail format, A9 9AA, A99 9AA, AA9 9AA, AA99 9AA,
// A9A 9AA and AA9A 9AA, with one space or none between the outward and
// inward codes, all upper case or all lower case; GIR 0AA; BFPO numbers
// of 1-4 digits (BFPO 1234, BFPO1234, or bfpo in lower case, never mixed
// case). Whole tokens only; a BFPO number must end the number, so "BFPO
// 09:14", "BFPO 10,5" and "bfpo 10%" are not matches.
//
// Validation: the area (the leading letters) must be one of the 121
// Royal Mail postcode areas or the Crown dependencies GY, JE, IM (plus the
// non-geographic BX); the letter after the district in A9A is one of
// ABCDEFGHJKPSTUW and in AA9A one of ABEHMNPRVWXY; the inward letters are
// never C, I, K, M, O or V.
//
// Triggers: ASCII digits.
//
// Run filter: runs of 1-4 digits after a letter or a space (BFPO; outward, inward and unspaced codes); see uk_gate.go.
//
// Scores: 45 with the space (and GIR, BFPO), 30 without; −15 in lower
// case; +10 after a comma (an address line); +35 near "postcode" or "post
// code", +30 near "postal code", +15 near "address", +10 near "road",
// "street", "lane", "avenue", "flat" or "London"; −15 near "ref", "order"
// or "invoice"; −20 near "part", "model", "SKU" or "flight". Info holds
// UKPostcode* values.
//
// Known false positives: codes that happen to share the shape and a real
// area (for example model numbers like "LS1 2AB"). Known false negatives:
// postcodes with two or more spaces or other separators, mixed case, and
// the non-geographic XX and overseas-territory codes (e.g. ASCN 1ZZ).
func NewUKPostcode() detect.Detector { return ukPostcode{} }

type ukPostcode struct{}

var _ detect.Detector = ukPostcode{}

func (ukPostcode) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-postcode", Kind: KindUKPostcode, MaxLen: 9,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("postcode", 35), ukCue("post code", 35), ukCue("postal code", 30), ukCue("address", 15),
			ukCue("road", 10), ukCue("street", 10), ukCue("lane", 10), ukCue("avenue", 10), ukCue("flat", 10),
			ukCue("london", 10), ukCue("ref", -15), ukCue("order", -15), ukCue("invoice", -15),
			ukCue("part", -20), ukCue("model", -20), ukCue("sku", -20), ukCue("flight", -20),
		}},
		Description: "UK postcode (all Royal Mail formats, GIR 0AA, BFPO)",
	}
}

// ukPostcodeAreas lists the postcode areas, each followed by a space.
const ukPostcodeAreas = "AB AL B BA BB BD BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW " +
	"DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX " +
	"IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW " +
	"OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY " +
	"TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE "

// ukIsArea reports whether the upper-case letters a (and b, unless 0)
// form a postcode area.
func ukIsArea(a, b byte) bool {
	if a < 'A' || a > 'Z' {
		return false
	}
	m := ukAreaSet[a-'A']
	if b == 0 {
		return m&(1<<26) != 0
	}
	return 'A' <= b && b <= 'Z' && m&(1<<(b-'A')) != 0
}

// ukAreaSet holds ukPostcodeAreas by first letter: bit k set for the area
// of that letter and 'A'+k, bit 26 for the area of that letter alone.
var ukAreaSet = func() (m [26]uint32) {
	const s = ukPostcodeAreas
	for i := 0; i < len(s); {
		j := i
		for s[j] != ' ' {
			j++
		}
		if j-i == 1 {
			m[s[i]-'A'] |= 1 << 26
		} else {
			m[s[i]-'A'] |= 1 << (s[i+1] - 'A')
		}
		i = j + 1
	}
	return m
}()

// ukPcAlnum[c] reports ukIsAlnum(c).
var ukPcAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = ukIsAlnum(byte(c))
	}
	return t
}()

// ukPcCase maps a postcode letter to upper case if its case agrees with
// lower, else returns 0.
func ukPcCase(c byte, lower bool) byte {
	if lower {
		if ukIsLower(c) {
			return c - 'a' + 'A'
		}
		return 0
	}
	if ukIsUpper(c) {
		return c
	}
	return 0
}

// ukOutward validates an outward code.
func ukOutward(o []byte, lower bool) bool {
	n := len(o)
	if n < 2 || n > 4 {
		return false
	}
	a := ukPcCase(o[0], lower)
	if a == 0 {
		return false
	}
	i := 1
	var b byte
	if !ukIsDigit(o[1]) {
		if b = ukPcCase(o[1], lower); b == 0 {
			return false
		}
		i = 2
	}
	if !ukIsArea(a, b) || i >= n || !ukIsDigit(o[i]) {
		return false
	}
	i++
	if i == n {
		return true
	}
	if i != n-1 {
		return false
	}
	c := o[i]
	if ukIsDigit(c) {
		return true
	}
	if c = ukPcCase(c, lower); c == 0 {
		return false
	}
	if b == 0 {
		return ukLetterIn(c, ukPcThirdA9A)
	}
	return ukLetterIn(c, ukPcFourthAA9A)
}

// ukInward validates an inward code of three bytes.
func ukInward(in []byte, lower bool) bool {
	if len(in) != 3 || !ukIsDigit(in[0]) {
		return false
	}
	for _, c := range in[1:] {
		if c = ukPcCase(c, lower); c == 0 || ukLetterIn(c, ukPcInwardNot) {
			return false
		}
	}
	return true
}

func (ukPostcode) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		if i >= 5 && i+1 < len(t) && !ukPcAlnum[t[i-1]] && ukIsDigit(t[i]) {
			// ukPcDigitStartMay(t, i) without a call, for the commonest
			// hits: a number after a space or punctuation.
			if t[i-1] != ' ' {
				continue
			}
			// After the digit, an upper-case letter (an inward code or
			// GIR 0AA) or the 'a' of "gir 0aa"; else only BFPO can match.
			if c := t[i+1]; !ukIsUpper(c) && !(c == 'a' && t[i] == '0') {
				if b := binary.LittleEndian.Uint32(t[i-5:]); b != ukBFPOUpper && b != ukBFPOLower {
					continue
				}
			}
		} else if (i == 0 || !ukPcAlnum[t[i-1]]) && ukIsDigit(t[i]) && !ukPcDigitStartMay(t, i) {
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
	return dst, nil
}

// ukPcDigitStartMay reports whether a token that starts with the digit
// at t[i] (t[i-1], if any, is neither a letter nor a digit: ukAlnumRun in
// Detect gives ts == i) may be matched by Detect. It is the cheap test
// for the commonest hit by far, a number in a sentence ("at 7 instead",
// "+44 7700 900123"). With t[ts] a digit, lower is false, and of the
// cases of Detect's switch only three can match, each needing
// t[ts-1] == ' ':
//   - GIR 0AA: ts >= 4 and t[ts:ts+3] is "0AA" or "0aa", so t[ts+1] is
//     'A' or 'a';
//   - BFPO and a space before the number: ts >= 5 and ukIsBFPO(t, ts-5),
//     so t[ts-5:ts-1] is "BFPO" or "bfpo";
//   - the inward code reached first: ts >= 3, n == 3 and
//     ukInward(t[ts:te], false), so t[ts+1] is an upper-case letter
//     (ukPcCase(c, false) is 0 for anything else).
//
// The other cases cannot: BFPO without the space needs ukIsBFPO(t, ts)
// (a letter at t[ts]), and the spaced and unspaced codes need
// ukOutward(t[ts:...]) (an upper-case letter at t[ts], lower being
// false). So a false result implies Detect reports nothing here.
func ukPcDigitStartMay(t []byte, i int) bool {
	if i < 3 || t[i-1] != ' ' {
		return false
	}
	if i+1 < len(t) {
		if c := t[i+1]; ukIsUpper(c) || c == 'a' {
			return true
		}
	}
	return i >= 5 && (t[i-5] == 'B' && t[i-4] == 'F' && t[i-3] == 'P' && t[i-2] == 'O' ||
		t[i-5] == 'b' && t[i-4] == 'f' && t[i-3] == 'p' && t[i-2] == 'o')
}

// Letter sets of postcodes (see ukLetterIn): the letters never in the
// inward code, nor first or second in the outward code; the third
// letter of A9A and the fourth of AA9A.
var (
	ukPcInwardNot  = ukLetterSet("CIKMOV")
	ukPcFirstNot   = ukLetterSet("QVX")
	ukPcSecondNot  = ukLetterSet("IJZ")
	ukPcThirdA9A   = ukLetterSet("ABCDEFGHJKPSTUW")
	ukPcFourthAA9A = ukLetterSet("ABEHMNPRVWXY")
)

// "BFPO" and "bfpo" as little-endian words.
const (
	ukBFPOUpper = 'B' | 'F'<<8 | 'P'<<16 | 'O'<<24
	ukBFPOLower = 'b' | 'f'<<8 | 'p'<<16 | 'o'<<24
)

func ukAllDigits(b []byte) bool {
	for _, c := range b {
		if !ukIsDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

// ukIsBFPO reports whether "BFPO" or "bfpo" starts a token at t[s].
func ukIsBFPO(t []byte, s int) bool {
	if s+4 > len(t) {
		return false
	}
	b := string(t[s : s+4])
	return (b == "BFPO" || b == "bfpo") && ukTokenStart(t, s)
}

// ukBFPOEnd reports whether a BFPO number may end before t[e]: it ends
// the number (no letter, no digit group joined by '-', '.', ',', '/' or
// ':', as in "BFPO 09:14" or "BFPO 10,5") and is not a percentage.
func ukBFPOEnd(t []byte, e int) bool {
	return ukNumAfter(t, e, false) && (e >= len(t) || t[e] != '%')
}
