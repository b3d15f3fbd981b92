package pii

import "github.com/tidemark/tidemark/detect"

// ukElectoralWords are the words one of which must be near a candidate
// elector number.
const ukElectoralWords = "electoral|elector|electors|polling|poll card|poll number|voter|voters|voting|register of electors"

// NewUKElectoralRoll returns a detector for elector numbers from UK
// electoral registers.
//
// An elector number is the polling district letters followed by the
// elector's number in that district (Electoral Commission guidance on the
// format of the register); Microsoft Purview's definition is "two
// letters followed by 1-4 digits". Districts are sometimes written with
// a digit (UA1) and the number with leading zeros (UA0001).
//
// Matches: one to three upper-case letters followed by one to five
// digits, directly (AB123, UA0001), after a single "-", "/" or space
// (AB-123, AB/123, AB 123), or a lettered district with one or two
// digits, "-" or "/", and the number (UA1-234). Whole tokens only, and
// only when "electoral", "elector", "polling", "poll card", "poll
// number", "voter" or "voting" is within the cue radius (64 bytes).
//
// Validation: none is possible beyond the shape and the context.
//
// Triggers: ASCII digits.
//
// Run filter: 1-5 digits after a capital, '-', '/' or a space, not before a letter; see uk_gate.go.
//
// Scores: 20 (the context word is present); +35 near "electoral" or
// "elector", +30 near "poll card", +25 near "polling" or "voter"; −30
// near "order", "invoice", "flight"; −20 near "room", "seat", "page",
// "ref". Info is 0.
//
// Common two-letter words and abbreviations (ID, NO, AT, AM, PM, UK, ST,
// ND, TH...) are not taken as district letters.
//
// Known false positives: any short letter-digit code (flight numbers,
// room numbers) in a sentence about voting. Known false negatives:
// elector numbers without any nearby electoral wording.
func NewUKElectoralRoll() detect.Detector { return ukElectoral{} }

type ukElectoral struct{}

var _ detect.Detector = ukElectoral{}

func (ukElectoral) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-electoral-roll", Kind: KindUKElectoralRoll, MaxLen: 11,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("electoral", 35), ukCue("elector", 35), ukCue("poll card", 30), ukCue("polling", 25),
			ukCue("voter", 25), ukCue("order", -30), ukCue("invoice", -30), ukCue("flight", -30),
			ukCue("room", -20), ukCue("seat", -20), ukCue("page", -20), ukCue("ref", -20),
		}},
		Description: "UK electoral register elector number (district letters + number; needs context)",
	}
}

func (ukElectoral) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		ds := ukDigitRunStart(t, i)
		de := ukDigitRunEnd(t, i)
		next = de
		// Letters before the digits, directly or after one separator.
		ls := ds
		if ls >= 1 && ukIn(t[ls-1], "-/ ") {
			ls--
		}
		le := ls
		for ls > 0 && ukIsUpper(t[ls-1]) && le-ls < 4 {
			ls--
		}
		nl := le - ls
		if nl < 1 || nl > 3 || !ukTokenStart(t, ls) || nl == 2 && ukElectoralStop(t[ls], t[ls+1]) {
			continue
		}
		e := de
		if le == ds && de-ds <= 2 && de+1 < len(t) && (t[de] == '-' || t[de] == '/') && ukIsDigit(t[de+1]) {
			// District with digits (UA1-234).
			e = ukDigitRunEnd(t, de+1)
			if e-de-1 > 5 {
				continue
			}
		} else if de-ds > 5 {
			continue
		}
		if !ukNumAfter(t, e, true) || !ukEdgeOK(w, ls, e, 2) || !ukHasCue(t, ls-64, e+64, ukElectoralWords) {
			continue
		}
		next = e
		dst = append(dst, ukFinding(w, ls, e, 20, 0))
	}
	return dst, nil
}

// ukElectoralStop reports whether two capitals are a common word or
// abbreviation rather than a polling district (ID 12, NO 5, AT 7).
func ukElectoralStop(a, b byte) bool {
	switch uint16(a)<<8 | uint16(b) {
	case 'I'<<8 | 'D', 'N'<<8 | 'O', 'A'<<8 | 'T', 'O'<<8 | 'N', 'I'<<8 | 'N', 'T'<<8 | 'O', 'O'<<8 | 'F',
		'B'<<8 | 'Y', 'O'<<8 | 'R', 'I'<<8 | 'S', 'I'<<8 | 'T', 'A'<<8 | 'M', 'P'<<8 | 'M', 'U'<<8 | 'K',
		'G'<<8 | 'B', 'V'<<8 | 'S', 'S'<<8 | 'T', 'N'<<8 | 'D', 'R'<<8 | 'D', 'T'<<8 | 'H':
		return true
	}
	return false
}
