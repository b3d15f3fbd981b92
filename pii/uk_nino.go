package pii

import "github.com/tidemark/tidemark/detect"

// Info values of [NewNINO] findings (flags).
const (
	UKNINOSuffix uint32 = 1 // the suffix letter A-D is present
	UKNINOSpaced uint32 = 2 // written with separators (AB 12 34 56 C)
	UKNINOLower  uint32 = 4 // written in lower case
	UKNINOAdmin  uint32 = 8 // an HMRC/DWP administrative prefix (CR, FY, MW, NC, PP, PY, PZ)
)

// NewNINO returns a detector for UK National Insurance numbers.
//
// Matches: two prefix letters, six digits and a suffix letter A-D, as
// AB123456C, AB 12 34 56 C, AB-12-34-56-C, AB 123456 C or AB123456 C;
// the suffix may be missing (AB 12 34 56), and then the digits must end
// the number (not "AB 12 34 56:78" nor "AB123456,7"). Letters are all
// upper case or all lower case. Never inside a larger token.
//
// Validation: HMRC National Insurance Manual NIM39110: neither prefix
// letter is D, F, I, Q, U or V; the second is not O; the prefixes BG, GB,
// KN, NK, NT, TN and ZZ are not used. So the textbook example QQ 12 34 56
// C is rejected. Administrative prefixes (CR, FY, MW, NC, PP, PY, PZ) are
// kept at a lower score. A letter other than A-D in the suffix place
// (attached, or after a separator in a spaced number) rejects the
// candidate.
//
// Triggers: ASCII digits.
//
// Run filter: six digits, or two-digit groups, after a letter, space or dash; see uk_gate.go.
//
// Scores: 55 with the suffix, 30 without; −10 in lower case, −25 for an
// administrative prefix; +35 near "national insurance", "NI number", "NI
// no", "NINO" or "insurance number", +25 near "NIN", +15 near "NI" or
// "payroll"; −20 near "order", "invoice", "part", "SKU"; −10 near "ref".
// Info holds UKNINO* flags.
//
// Known false positives: product or part codes of the same shape
// (two letters, six digits). Known false negatives: temporary reference
// numbers (TRN) and the old F/M/P suffixes.
func NewNINO() detect.Detector { return ukNINO{} }

type ukNINO struct{}

var _ detect.Detector = ukNINO{}

func (ukNINO) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-nino", Kind: KindNINO, MaxLen: 13,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("national insurance", 35), ukCue("ni number", 35), ukCue("ni no", 35), ukCue("nino", 35),
			ukCue("insurance number", 35), ukCue("nin", 25), ukCue("ni", 15), ukCue("payroll", 15),
			ukCue("order", -20), ukCue("invoice", -20), ukCue("part", -20), ukCue("sku", -20), ukCue("ref", -10),
		}},
		Description: "UK National Insurance number (HMRC prefix rules, suffix A-D)",
	}
}

// ukNINOPrefix reports whether upper-case a, b form an allowed NINO
// prefix, and whether it is administrative.
func ukNINOPrefix(a, b byte) (ok, admin bool) {
	if ukIn(a, "DFIQUV") || ukIn(b, "DFIOQUV") {
		return false, false
	}
	switch uint16(a)<<8 | uint16(b) {
	case 'B'<<8 | 'G', 'G'<<8 | 'B', 'K'<<8 | 'N', 'N'<<8 | 'K', 'N'<<8 | 'T', 'T'<<8 | 'N', 'Z'<<8 | 'Z':
		return false, false
	case 'C'<<8 | 'R', 'F'<<8 | 'Y', 'M'<<8 | 'W', 'N'<<8 | 'C', 'P'<<8 | 'P', 'P'<<8 | 'Y', 'P'<<8 | 'Z':
		return true, true
	}
	return true, false
}

func (ukNINO) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		ds := ukDigitRunStart(t, i)
		next = ukDigitRunEnd(t, i)
		// The prefix letters directly before the digits or before one separator.
		s := -1
		if ds >= 2 && ukIsLetter(t[ds-2]) && ukIsLetter(t[ds-1]) {
			s = ds - 2
		} else if ds >= 3 && (t[ds-1] == ' ' || t[ds-1] == '-') && ukIsLetter(t[ds-3]) && ukIsLetter(t[ds-2]) {
			s = ds - 3
		}
		if s < 0 || !ukTokenStart(t, s) {
			continue
		}
		e, info, ok := ukParseNINO(t, s)
		if !ok || !ukEdgeOK(w, s, e, 2) {
			continue
		}
		next = e
		score := 30
		if info&UKNINOSuffix != 0 {
			score = 55
		}
		if info&UKNINOLower != 0 {
			score -= 10
		}
		if info&UKNINOAdmin != 0 {
			score -= 25
		}
		dst = append(dst, ukFinding(w, s, e, score, info))
	}
	return dst, nil
}

// ukParseNINO parses a NINO starting at t[s] (the first prefix letter,
// already known to be at a token start) and returns its end.
func ukParseNINO(t []byte, s int) (e int, info uint32, ok bool) {
	a, b := t[s], t[s+1]
	lower := ukIsLower(a)
	if lower != ukIsLower(b) {
		return 0, 0, false
	}
	if lower {
		info |= UKNINOLower
	}
	ok, admin := ukNINOPrefix(ukUpper(a), ukUpper(b))
	if !ok {
		return 0, 0, false
	}
	if admin {
		info |= UKNINOAdmin
	}
	i := s + 2
	var sep byte
	if i < len(t) && (t[i] == ' ' || t[i] == '-') {
		sep = t[i]
		i++
	}
	var dg ukDigits
	if j, _, ok6 := ukGroups(t, i, "\x06", "", &dg); ok6 {
		i = j
	} else if j, sep2, ok2 := ukGroups(t, i, "\x02\x02\x02", " -", &dg); ok2 && (sep == 0 || sep2 == sep) {
		i, sep = j, sep2
	} else {
		return 0, 0, false
	}
	if sep != 0 {
		info |= UKNINOSpaced
	}
	// Optional suffix, directly or after one separator.
	j := i
	if j < len(t) && (t[j] == ' ' || t[j] == '-') && (sep == 0 || t[j] == sep || t[j] == ' ') {
		j++
	}
	if j < len(t) && ukIsLetter(t[j]) && ukTokenEnd(t, j+1) {
		c := t[j]
		switch {
		case ukIsLower(c) == lower && ukIn(ukUpper(c), "ABCD"):
			return j + 1, info | UKNINOSuffix, true
		case j == i || ukIsLower(c) == lower && sep != 0:
			// AB123456E, or AB 12 34 56 E: a suffix that is not A-D.
			return 0, 0, false
		}
		// A word such as "I" or "a" after AB123456: no suffix.
	}
	// The last group ends the number: "AB 12 34 56:78", "AB123456,7" and
	// "AB123456-" are not NINOs.
	if !ukTokenEnd(t, i) || !ukNumAfter(t, i, false) || i < len(t) && t[i] == '-' {
		return 0, 0, false
	}
	return i, info, true
}
