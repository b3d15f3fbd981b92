package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// ukPassportWords are the words one of which must be near a candidate
// passport number.
const ukPassportWords = "passport|passports|travel document|hmpo"

// ukPassportCue is ukPassportWords compiled for ukHasCueIn.
var ukPassportCue = ukCompileCue(ukPassportWords)

// ukPassportRadius is how far from a passport number its context word
// may be (ukHasCue's bounds and the cue radius).
const ukPassportRadius = 64

// ukPassportReach is the detector's MaxLen: how far from a keyword hit a
// reportable passport number can lie. A match t[s:e] is nine digits, and
// is reported only when ukHasCue finds a word of ukPassportWords in
// t[s-64:e+64], that is a word starting at some p with s-64 <= p and
// ending by e+64. Every such word starts with a keyword ("passport",
// "passports" with "passport"; "travel document", whose space matches
// any run of separators, with "travel"; "hmpo"), whose hit is p. So
// s <= p+64 and e = s+9 <= p+73; and, the shortest word being "hmpo" (4
// bytes), p+4 <= e+64, so s = e-9 >= p-69. Every reportable match lies
// within 64+9 = 73 bytes of a hit.
const ukPassportReach = ukPassportRadius + 9

// ukPassportKeywords trigger the passport detector: each word of
// ukPassportWords starts with one of them.
var ukPassportKeywords = []string{"passport", "travel", "hmpo"}

// NewUKPassport returns a detector for UK passport numbers.
//
// Matches: nine digits written together (925665416), never inside a
// longer number or token, and only when "passport", "travel document" or
// "HMPO" occurs within the cue radius (64 bytes) on either side: a bare
// nine-digit number is far more often something else.
//
// Validation: UK passport numbers carry no public check digit; numbers of
// one repeated digit are rejected.
//
// Triggers: the context words "passport", "travel", "hmpo" (any case);
// only the numbers within 73 bytes of one are parsed (MaxLen is 73: a
// number of 9 bytes and a context word up to 64 bytes away, before or
// after it).
//
// Run filter: none (keyword triggered).
//
// Scores: 40 (the required context word is present); +30 near
// "passport", +20 near "HMPO" or "travel document", +10 near "British",
// "expiry", "nationality"; −30 near "invoice", "order", "phone", "tel";
// −20 near "account".
//
// Known false positives: other nine-digit numbers in a sentence about a
// passport (application reference numbers, fees). Known false
// negatives: numbers written in groups, and passports of other countries
// with letters in the number.
func NewUKPassport() detect.Detector { return ukPassport{} }

type ukPassport struct{}

var _ detect.Detector = ukPassport{}

func (ukPassport) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-passport", Kind: KindUKPassport, MaxLen: ukPassportReach,
		Triggers: detect.Triggers{Keywords: ukPassportKeywords},
		Cues: detect.Cues{Radius: ukPassportRadius, Words: []detect.Cue{
			ukCue("passport", 30), ukCue("hmpo", 20), ukCue("travel document", 20), ukCue("british", 10),
			ukCue("expiry", 10), ukCue("nationality", 10), ukCue("invoice", -30), ukCue("order", -30),
			ukCue("phone", -30), ukCue("tel", -30), ukCue("account", -20),
		}},
		Description: "UK passport number (9 digits; needs passport context)",
	}
}

// Detect looks at the digit runs within ukPassportReach of each context
// word: a reported passport number needs one that near, and every
// context word is a hit. The numbers found are those the digit-triggered
// version gave (ukPassportDigits in the tests, which compare the two).
func (ukPassport) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	scan := 0 // digits before scan are done
	for _, k32 := range w.Hits {
		k := int(k32)
		lo, hi := max(scan, k-ukPassportReach), min(len(t), k+ukPassportReach)
		// The first digits of runs, eight bytes at a time, then byte by
		// byte.
		h := lo
		prev := uint64(0) // intlHigh's low byte when t[h-1] is a digit
		if h > 0 && ukIsDigit(t[h-1]) {
			prev = 0x80
		}
		for ; h+8 <= hi; h += 8 {
			m := intlDigitMask(binary.LittleEndian.Uint64(t[h:]))
			for st := m &^ (m<<8 | prev); st != 0; st &= st - 1 {
				dst = ukPassportRun(dst, w, h+bits.TrailingZeros64(st)>>3, ukPassportRadius+1)
			}
			prev = m >> 56
		}
		for ; h < hi; h++ {
			if ukIsDigit(t[h]) && (h == 0 || !ukIsDigit(t[h-1])) {
				// need: the context read, t[s-65] to t[e+64], must be
				// in the window (or end at the input's edge). Numbers
				// within MaxLen of a hit always have it, as the window
				// reaches MaxLen+65 bytes past each hit: only numbers
				// that no hit makes reportable are dropped.
				dst = ukPassportRun(dst, w, h, ukPassportRadius+1)
			}
		}
		scan = max(scan, hi)
	}
	return dst, nil
}

// ukPassportRun reports the passport number that is the run of digits
// containing t[i], if it is one. The number must lie need bytes from the
// window's edges (or at the input's).
func ukPassportRun(dst []detect.Finding, w *detect.Window, i, need int) []detect.Finding {
	t := w.Text
	s := ukDigitRunStart(t, i)
	e := ukDigitRunEnd(t, i)
	if e-s != 9 || !ukNumBefore(t, s, false) || !ukNumAfter(t, e, false) || !ukEdgeOK(w, s, e, need) {
		return dst
	}
	same := true
	for k := s + 1; k < e; k++ {
		if t[k] != t[s] {
			same = false
			break
		}
	}
	if same || !ukHasCueIn(t, s-ukPassportRadius, e+ukPassportRadius, &ukPassportCue) {
		return dst
	}
	return append(dst, ukFinding(w, s, e, 40, 0))
}

// Info values of [NewUKDrivingLicence] findings (flags).
const (
	UKLicenceIssue  uint32 = 1 // the two-digit issue number follows (18-character form)
	UKLicenceSpaced uint32 = 2 // written in groups: MORGA 753116 SM9IJ
)

// NewUKDrivingLicence returns a detector for DVLA driver numbers (Great
// Britain driving licences).
//
// Matches: the 16-character driver number, five surname characters
// (padded with 9), a decade digit, the month of birth (plus 50 for women),
// the day, the year digit, two initials (padded with 9), an arbitrary
// digit and two check characters: MORGA753116SM9IJ. Also the groups
// MORGA 753116 SM9IJ and the 18-character form with the two-digit issue
// number, directly or after a space (MORGA753116SM9IJ35,
// MORGA753116SM9IJ 35). Upper case, whole tokens only.
//
// Validation: the surname part starts with a letter and any 9 padding is
// only at its end; the month is 01-12 or 51-62 and the day exists in that
// month (29 February when the year digit allows a leap year); the first
// initial is a letter and the second a letter or 9; the 14th character is
// a digit. DVLA does not publish the check characters' algorithm, so
// they are only checked to be letters or digits.
//
// Triggers: ASCII digits.
//
// Run filter: 1-10 digits after a capital, the spaced date group and the spaced issue number; see uk_gate.go.
//
// Scores: 60, 65 with the issue number; +35 near "driving licence",
// "driving license", "driver number" or "driver's licence", +30 near
// "DVLA", +25 near "licence" or "license"; −20 near "order", "invoice",
// "ref". Info holds UKLicence* flags.
//
// Known false positives: 16-character codes that happen to embed a valid
// date at the right place. Known false negatives: Northern Ireland
// licences (eight digits) and lower-case or hyphenated renderings.
func NewUKDrivingLicence() detect.Detector { return ukLicence{} }

type ukLicence struct{}

var _ detect.Detector = ukLicence{}

func (ukLicence) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-driving-licence", Kind: KindUKDrivingLicence, MaxLen: 21,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("driving licence", 35), ukCue("driving license", 35), ukCue("driver number", 35),
			ukCue("driver's licence", 35), ukCue("dvla", 30), ukCue("licence", 25), ukCue("license", 25),
			ukCue("order", -20), ukCue("invoice", -20), ukCue("ref", -20),
		}},
		Description: "DVLA driving licence number (16/18 characters, encoded date of birth)",
	}
}

func (ukLicence) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		ts, te := ukAlnumRun(t, i, 20)
		next = te
		s, e, info, ok := ts, 0, uint32(0), false
		if ukTokenStart(t, ts) {
			e, info, ok = ukParseLicence(t, ts)
		}
		if !ok && ts >= 7 && t[ts-1] == ' ' {
			// The hit may be in the middle group of "MORGA 753116 SM9IJ".
			s = ts - 6
			if ukTokenStart(t, s) {
				e, info, ok = ukParseLicence(t, s)
			}
		}
		if !ok || !ukEdgeOK(w, s, e, 2) {
			continue
		}
		next = e
		score := 60
		if info&UKLicenceIssue != 0 {
			score = 65
		}
		dst = append(dst, ukFinding(w, s, e, score, info))
	}
	return dst, nil
}

// ukParseLicence parses a driver number starting at t[s] (a token start).
func ukParseLicence(t []byte, s int) (e int, info uint32, ok bool) {
	i := s
	// Surname: five characters, a letter first, 9 padding only at the end.
	if i+5 > len(t) || !ukIsUpper(t[i]) {
		return 0, 0, false
	}
	pad := false
	for k := 1; k < 5; k++ {
		c := t[i+k]
		switch {
		case c == '9':
			pad = true
		case ukIsUpper(c) && !pad:
		default:
			return 0, 0, false
		}
	}
	i += 5
	spaced := i < len(t) && t[i] == ' '
	if spaced {
		i++
		info |= UKLicenceSpaced
	}
	if i+6 > len(t) {
		return 0, 0, false
	}
	for k := 0; k < 6; k++ {
		if !ukIsDigit(t[i+k]) {
			return 0, 0, false
		}
	}
	month := int(t[i+1]-'0')*10 + int(t[i+2]-'0')
	day := int(t[i+3]-'0')*10 + int(t[i+4]-'0')
	yy := int(t[i]-'0')*10 + int(t[i+5]-'0')
	if month > 50 {
		month -= 50
	}
	if !ukValidDMY(day, month, yy) {
		return 0, 0, false
	}
	i += 6
	if spaced {
		if i >= len(t) || t[i] != ' ' {
			return 0, 0, false
		}
		i++
	}
	// Initials, arbitrary digit, two check characters.
	if i+5 > len(t) || !ukIsUpper(t[i]) || !(ukIsUpper(t[i+1]) || t[i+1] == '9') || !ukIsDigit(t[i+2]) ||
		!(ukIsUpper(t[i+3]) || ukIsDigit(t[i+3])) || !(ukIsUpper(t[i+4]) || ukIsDigit(t[i+4])) {
		return 0, 0, false
	}
	i += 5
	// Optional issue number.
	switch {
	case i+2 <= len(t) && ukIsDigit(t[i]) && ukIsDigit(t[i+1]) && ukTokenEnd(t, i+2):
		return i + 2, info | UKLicenceIssue, true
	case i+3 <= len(t) && t[i] == ' ' && ukIsDigit(t[i+1]) && ukIsDigit(t[i+2]) && ukNumAfter(t, i+3, true):
		return i + 3, info | UKLicenceIssue, true
	}
	if !ukTokenEnd(t, i) {
		return 0, 0, false
	}
	return i, info, true
}
