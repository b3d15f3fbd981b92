package pii

import "github.com/tidemark/tidemark/detect"

// ukElectoralWords are the words one of which must be near a candidate
// elector number.
const ukElectoralWords = "electoral|elector|electors|polling|poll card|poll number|voter|voters|voting|register of electors"

// ukElectoralCue is ukElectoralWords compiled for ukHasCueIn.
var ukElectoralCue = ukCompileCue(ukElectoralWords)

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
// Triggers: the context words "elector", "poll", "voter", "voting" (any
// case); only the numbers within 75 bytes of one are parsed (MaxLen is
// 75: a number of up to 11 bytes and a context word up to 64 bytes away,
// before or after it).
//
// Run filter: none (keyword triggered).
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
		ID: "pii/uk-electoral-roll", Kind: KindUKElectoralRoll, MaxLen: ukElectoralReach,
		Triggers: detect.Triggers{Keywords: ukElectoralKeywords},
		Cues: detect.Cues{Radius: ukElectoralRadius, Words: []detect.Cue{
			ukCue("electoral", 35), ukCue("elector", 35), ukCue("poll card", 30), ukCue("polling", 25),
			ukCue("voter", 25), ukCue("order", -30), ukCue("invoice", -30), ukCue("flight", -30),
			ukCue("room", -20), ukCue("seat", -20), ukCue("page", -20), ukCue("ref", -20),
		}},
		Description: "UK electoral register elector number (district letters + number; needs context)",
	}
}

// ukElectoralMaxLen is the longest elector number: three district
// letters, two district digits, '-' and five digits (ABC12-34567).
const ukElectoralMaxLen = 11

// ukElectoralRadius is how far from an elector number its context word
// may be (ukHasCue's bounds and the cue radius).
const ukElectoralRadius = 64

// ukElectoralReach is the detector's MaxLen: how far from a keyword hit a
// reportable elector number can lie. A match t[ls:e] is at most
// ukElectoralMaxLen bytes, and is reported only when ukHasCue finds a
// word of ukElectoralWords in t[ls-64:e+64], that is a word starting at
// some p with ls-64 <= p and ending by e+64. Every such word starts with
// a keyword, whose hit is p, or is "register of electors", whose
// "electors" is itself a whole listed word in the same bounds, starting
// with "elector". So ls <= p+64 and e <= ls+11 <= p+75; and, the shortest
// word being "voter" (5 bytes), p+5 <= e+64, so ls >= e-11 >= p-70.
// Every reportable match lies within 64+11 = 75 bytes of a hit.
const ukElectoralReach = ukElectoralRadius + ukElectoralMaxLen

// ukElectoralKeywords trigger the detector: each word of ukElectoralWords
// starts with one of them ("electoral", "elector", "electors" with
// "elector"; "polling", "poll card", "poll number" with "poll"; "voter",
// "voters" with "voter"), but for "register of electors" (see
// ukElectoralReach).
var ukElectoralKeywords = []string{"elector", "poll", "voter", "voting"}

// Detect looks at the digit runs within ukElectoralReach of each context
// word: a reported elector number needs one that near, and every context
// word is a hit. The numbers found are those the digit-triggered version
// gave (ukElectoralDigits in the tests, which compare the two).
func (ukElectoral) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next, scan := 0, 0 // end of the last run or number looked at; digits before scan are done
	for _, k32 := range w.Hits {
		k := int(k32)
		lo, hi := max(scan, next, k-ukElectoralReach), min(len(t), k+ukElectoralReach)
		for h := lo; h < hi; h++ {
			if ukIsDigit(t[h]) && (h == 0 || !ukIsDigit(t[h-1])) && h >= next {
				// need: the context read, t[ls-65] to t[e+64], must be
				// in the window (or end at the input's edge). Numbers
				// within MaxLen of a hit always have it, as the window
				// reaches MaxLen+65 bytes past each hit: only numbers
				// that no hit makes reportable are dropped.
				dst, next = ukElectoralRun(dst, w, h, ukElectoralRadius+1)
			}
		}
		scan = max(scan, hi)
	}
	return dst, nil
}

// ukElectoralRun reports the elector number whose digits include the run
// containing t[i], if any, and returns the position to look on from: the
// end of the number when reported, else the end of the run. The number
// must lie need bytes from the window's edges (or at the input's).
func ukElectoralRun(dst []detect.Finding, w *detect.Window, i, need int) ([]detect.Finding, int) {
	t := w.Text
	ds := ukDigitRunStart(t, i)
	de := ukDigitRunEnd(t, i)
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
		return dst, de
	}
	e := de
	if le == ds && de-ds <= 2 && de+1 < len(t) && (t[de] == '-' || t[de] == '/') && ukIsDigit(t[de+1]) {
		// District with digits (UA1-234).
		e = ukDigitRunEnd(t, de+1)
		if e-de-1 > 5 {
			return dst, de
		}
	} else if de-ds > 5 {
		return dst, de
	}
	if !ukNumAfter(t, e, true) || !ukEdgeOK(w, ls, e, need) || !ukHasCueIn(t, ls-ukElectoralRadius, e+ukElectoralRadius, &ukElectoralCue) {
		return dst, de
	}
	return append(dst, ukFinding(w, ls, e, 20, 0)), e
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
