package pii

import "github.com/tidemark/tidemark/detect"

// Info values of the ten-digit detectors (NHS, CHI, H&C, UTR): the way
// the number was written.
const (
	UKFormatPlain  uint32 = 1 // digits only: 9434765919
	UKFormatSpaced uint32 = 2 // groups separated by spaces: 943 476 5919
	UKFormatDashed uint32 = 3 // groups separated by dashes: 943-476-5919
	UKFormatK      uint32 = 8 // flag: UTR written with a K before or after (1234567890K)
)

// ukTenIter walks the ten-digit candidates of a window: 10 contiguous
// digits, 3-3-4 groups, or (six4) 6-4 groups, separated consistently by
// single spaces or dashes, not part of a longer number.
type ukTenIter struct {
	w     *detect.Window
	six4  bool
	five  bool // also 5-5 groups (UTR)
	withK bool // plain numbers may carry a K directly before or after (UTR)
	k     int  // next hit index
	next  int  // text offset before which hits are done
}

func (it *ukTenIter) nextCand(dg *ukDigits) (s, e int, format uint32, ok bool) {
	t := it.w.Text
	for it.k < len(it.w.Hits) {
		i := int(it.w.Hits[it.k])
		it.k++
		if i < it.next {
			continue
		}
		s = ukDigitRunStart(t, i)
		re := ukDigitRunEnd(t, i)
		it.next = re
		n := re - s
		switch {
		case n == 10:
			e, _, ok = ukGroups(t, s, "\x0a", "", dg)
			if !ok {
				continue
			}
			format = UKFormatPlain
			if it.withK && s > 0 && (t[s-1] == 'K' || t[s-1] == 'k') && ukTokenStart(t, s-1) && ukNumAfter(t, e, false) {
				s--
				format |= UKFormatK
			} else if it.withK && e < len(t) && (t[e] == 'K' || t[e] == 'k') && ukNumBefore(t, s, false) && ukTokenEnd(t, e+1) {
				e++
				format |= UKFormatK
			} else if !ukNumBefore(t, s, false) || !ukNumAfter(t, e, false) {
				continue
			}
		case n == 3:
			// Both separators of 3-3-4 are the same byte: most runs of
			// three digits (phone numbers, 020 7946 0958) fail here
			// without a call.
			if s+7 >= len(t) || t[s+7] != t[s+3] {
				continue
			}
			e, format, ok = ukTenGroups(t, s, "\x03\x03\x04", dg)
		case n == 6 && it.six4:
			e, format, ok = ukTenGroups(t, s, "\x06\x04", dg)
		case n == 5 && it.five:
			e, format, ok = ukTenGroups(t, s, "\x05\x05", dg)
		default:
			continue
		}
		if !ok || !ukEdgeOK(it.w, s, e, 2) {
			continue
		}
		it.next = e
		return s, e, format, true
	}
	return 0, 0, 0, false
}

func ukTenGroups(t []byte, s int, groups string, dg *ukDigits) (int, uint32, bool) {
	e, sep, ok := ukGroups(t, s, groups, " -", dg)
	if !ok {
		return 0, 0, false
	}
	if !ukNumBefore(t, s, sep == ' ') || !ukNumAfter(t, e, sep == ' ') {
		return 0, 0, false
	}
	if sep == ' ' {
		return e, UKFormatSpaced, true
	}
	return e, UKFormatDashed, true
}

// ukMod11OK reports whether ten digits carry a valid NHS-style modulus 11
// check digit (a computed check of 10 is never issued).
func ukMod11OK(d []byte) bool {
	c := ukMod11(d[:9])
	return c != 10 && c == int(d[9])
}

func ukPrefix3(d []byte) int { return int(d[0])*100 + int(d[1])*10 + int(d[2]) }

// NewNHS returns a detector for NHS numbers (England, Wales and the Isle
// of Man).
//
// Matches: ten digits written plain (9434765919), in 3-3-4 groups
// separated by spaces or dashes (943 476 5919, 943-476-5919), never
// inside a longer number or alphanumeric token.
//
// Validation: the modulus 11 check digit of the NHS Data Dictionary
// (weights 10..2; a computed check of 10 is never issued); numbers of one
// repeated digit are rejected; the 320-399 prefix block belongs to
// Northern Ireland ([NewHC]), and numbers below 300 are left to Scottish
// CHI numbers ([NewCHI]), which start with a day of birth (England has
// issued 400-499 and 600-799, and some 3xx numbers).
//
// Triggers: ASCII digits.
//
// Run filter: ten digits, or 3-3-4 groups joined by a space or dash, with no letter beside them; see uk_gate.go.
//
// Scores: 25 for plain digits, 35 for grouped digits (a checksum passes
// for one random number in eleven, so a bare number is not an NHS number
// by itself); +45 near "NHS" or "national health service", +15 near
// "patient", +10 near "hospital" or "GP"; −30 near "invoice", "order",
// "phone", "tel" or "ISBN"; −20 near "account" or "CHI". Info is the
// format (UKFormatPlain, UKFormatSpaced, UKFormatDashed).
//
// Known false positives: any ten-digit reference that happens to pass
// the checksum (1 in 11) scores 25-35 without context. Known false
// negatives: numbers written with other separators or split across lines.
func NewNHS() detect.Detector { return ukNHS{} }

type ukNHS struct{}

var _ detect.Detector = ukNHS{}

// ukHealthNeg are cues that lower the health-number scores.
func ukHealthNeg(ws []detect.Cue) []detect.Cue {
	return append(ws,
		ukCue("invoice", -30), ukCue("order", -30), ukCue("phone", -30), ukCue("tel", -30),
		ukCue("isbn", -30), ukCue("account", -20), ukCue("ref", -10))
}

func (ukNHS) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-nhs", Kind: KindNHS, MaxLen: 12,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: ukHealthNeg([]detect.Cue{
			ukCue("nhs", 45), ukCue("national health service", 45), ukCue("patient", 15),
			ukCue("hospital", 10), ukCue("gp", 10), ukCue("chi", -20),
		})},
		Description: "NHS number (England, Wales, Isle of Man), modulus 11 checked",
	}
}

func (ukNHS) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return ukTenDetect(dst, ukTenIter{w: w}, ukTenNHS, 25, 35), nil
}

// The ten-digit health numbers, for ukTenDetect.
const (
	ukTenNHS = iota
	ukTenCHI
	ukTenHC
)

// ukTenValid reports whether the ten digits d are a valid number of kind.
// (A switch, not a function value: passing d to an indirect call would
// make the caller's digit buffer escape to the heap.)
func ukTenValid(kind int, d []byte) bool {
	switch kind {
	case ukTenNHS:
		p := ukPrefix3(d)
		return p >= 300 && !(p >= 320 && p <= 399) && !ukAllSame(d) && ukMod11OK(d)
	case ukTenCHI:
		day, month, yy := int(d[0])*10+int(d[1]), int(d[2])*10+int(d[3]), int(d[4])*10+int(d[5])
		return ukValidDMY(day, month, yy) && !ukAllSame(d) && ukMod11OK(d)
	case ukTenHC:
		p := ukPrefix3(d)
		return p >= 320 && p <= 399 && !(p == 320 && ukAllZero(d[3:9])) && ukMod11OK(d)
	}
	return false
}

// ukTenDetect appends the ten-digit candidates of it that are valid
// numbers of kind, scored plain or grouped by their format.
func ukTenDetect(dst []detect.Finding, it ukTenIter, kind, plain, grouped int) []detect.Finding {
	var dg ukDigits
	for {
		s, e, format, ok := it.nextCand(&dg)
		if !ok {
			return dst
		}
		if !ukTenValid(kind, dg.d[:10]) {
			continue
		}
		score := plain
		if format != UKFormatPlain {
			score = grouped
		}
		dst = append(dst, ukFinding(it.w, s, e, score, format))
	}
}

// NewCHI returns a detector for Scottish Community Health Index (CHI)
// numbers.
//
// Matches: ten digits plain (0101011237), in 6-4 groups (010101 1237,
// 010101-1237) or in 3-3-4 groups, never inside a longer number.
//
// Validation: the first six digits are a valid date of birth DDMMYY
// (29 February only in years divisible by four); the tenth digit is the
// modulus 11 check digit over the first nine (weights 10..2, a computed
// check of 10 is invalid); one repeated digit is rejected.
//
// Triggers: ASCII digits.
//
// Run filter: ten digits, or 6-4 or 3-3-4 groups joined by a space or dash, with no letter beside them; see uk_gate.go.
//
// Scores: 20 plain, 30 grouped (every date-like ten-digit number passes
// one time in eleven); +50 near "CHI" or "community health index", +10
// near "Scotland", "Scottish", "NHS" or "patient"; −30 near "invoice",
// "order", "phone", "tel", "ISBN"; −20 near "account". Info is the format.
//
// Known false positives: ten-digit references starting with a date (for
// example date-stamped order numbers) that pass the checksum. Known false
// negatives: CHI numbers written with other separators.
func NewCHI() detect.Detector { return ukCHI{} }

type ukCHI struct{}

var _ detect.Detector = ukCHI{}

func (ukCHI) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-chi", Kind: KindCHI, MaxLen: 12,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: ukHealthNeg([]detect.Cue{
			ukCue("chi", 50), ukCue("community health index", 50), ukCue("scotland", 10),
			ukCue("scottish", 10), ukCue("nhs", 10), ukCue("patient", 10),
		})},
		Description: "Scottish CHI number: date of birth plus modulus 11 check",
	}
}

// ukValidDMY reports whether day, month and two-digit year form a date
// (29 February is accepted when the year is divisible by four).
func ukValidDMY(day, month, yy int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= ukMonthDays(month, yy)
}

func ukMonthDays(month, yy int) int {
	switch month {
	case 2:
		if yy%4 == 0 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (ukCHI) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return ukTenDetect(dst, ukTenIter{w: w, six4: true}, ukTenCHI, 20, 30), nil
}

// NewHC returns a detector for Northern Ireland Health and Care (H&C)
// numbers.
//
// Matches: ten digits plain or in 3-3-4 groups separated by spaces or
// dashes, never inside a longer number.
//
// Validation: the NHS Data Dictionary defines the H&C number as the NHS
// number format (modulus 11 check digit) taken from the range reserved
// for Northern Ireland, 320 000 001 to 399 999 999 plus check digit; both
// are checked.
//
// Triggers: ASCII digits.
//
// Run filter: ten digits, or 3-3-4 groups joined by a space or dash, with no letter beside them; see uk_gate.go.
//
// Scores: 20 plain, 30 grouped; +50 near "H&C", "health and care" or
// "HCN", +25 near "NHS", +15 near "Northern Ireland" or "patient"; −30
// near "invoice", "order", "phone", "tel", "ISBN"; −20 near "account".
// Info is the format.
//
// Known false positives: ten-digit references in the 320-399 block that
// pass the checksum. Known false negatives: other separators.
func NewHC() detect.Detector { return ukHC{} }

type ukHC struct{}

var _ detect.Detector = ukHC{}

func (ukHC) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-hc", Kind: KindHC, MaxLen: 12,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: ukHealthNeg([]detect.Cue{
			ukCue("h&c", 50), ukCue("health and care", 50), ukCue("hcn", 50), ukCue("nhs", 25),
			ukCue("northern ireland", 15), ukCue("patient", 15),
		})},
		Description: "Northern Ireland Health and Care number (320-399 range, modulus 11)",
	}
}

func (ukHC) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return ukTenDetect(dst, ukTenIter{w: w}, ukTenHC, 20, 30), nil
}

func ukAllZero(d []byte) bool {
	for _, x := range d {
		if x != 0 {
			return false
		}
	}
	return true
}
