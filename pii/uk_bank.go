package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// Info values of [NewUKSortCode] findings.
const (
	UKSortAlone   uint32 = 1 // a sort code on its own (Kind uk.sort-code)
	UKSortBare    uint32 = 2 // six undivided digits after "sort code" (Kind uk.sort-code)
	UKSortThenAcc uint32 = 3 // sort code, then account number (Kind uk.bank-account)
	UKAccThenSort uint32 = 4 // account number, then sort code (Kind uk.bank-account)
)

// ukSortGap is the most bytes allowed between a sort code and its account
// number.
const ukSortGap = 40

// NewUKSortCode returns a detector for UK bank sort codes and for sort
// code + account number pairs.
//
// Matches: a sort code as three pairs of digits joined by dashes or
// spaces (12-34-56, 12 34 56); six undivided digits only right after
// "sort code" (within 32 bytes before), and not after another group of
// digits and a space or tab ("+44 7700 900123"). When an eight-digit account
// number (12345678 or 1234 5678) lies within 40 bytes after or before the
// sort code, with no other digits and at most one line break between
// them, one finding of Kind uk.bank-account spans both; otherwise the
// finding is the sort code alone (Kind uk.sort-code). Never inside a
// longer number (so dates such as 12-03-2024 are not candidates), and the
// code always ends the number, with or without an account number after
// it ("12-34-56x: 12345678" is not a pair).
//
// Validation: sort codes and account numbers have no public check digit
// (modulus checking needs Pay.UK's licensed tables); codes of all zeros
// are rejected.
//
// Triggers: ASCII digits.
//
// Run filter: two-digit groups, six or eight digits, 4-4 account groups; see uk_gate.go.
//
// Scores: pair 60; sort code alone 15, six bare digits 30; +45 near
// "sort code" or "sortcode", +15 near "account" or "acc no", +10 near
// "bank", "BACS" or "payee"; on the code's own line only, −40 near "DOB"
// or "born", −30 near "date", "tel" or "phone", −20 near "invoice" or
// "order". Info holds UKSort* values.
//
// Not matched: the six digits of a National Insurance number written
// with separators (two capitals, the code, a suffix A-D: XA 44 39 30 A),
// whatever its prefix.
//
// Known false positives: dates written dd-mm-yy (they score low unless
// "sort code" is near) and other dd-dd-dd codes next to eight-digit
// numbers. Known false negatives: sort codes written with dots or
// slashes, and account numbers of other lengths.
func NewUKSortCode() detect.Detector { return ukSortCode{} }

type ukSortCode struct{}

var _ detect.Detector = ukSortCode{}

func (ukSortCode) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-sort-code", Kind: KindUKSortCode, MaxLen: 60,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("sort code", 45), ukCue("sortcode", 45), ukCue("account", 15), ukCue("acc no", 15),
			ukCue("bank", 10), ukCue("bacs", 10), ukCue("payee", 10),
			// The negative words name what a dd-dd-dd number on their
			// own line is instead (a date, a phone number); in the next
			// message of a chat ("Mark the date in your diary") or a
			// form's next field they say nothing about it.
			ukCueLine("dob", -40), ukCueLine("born", -40), ukCueLine("date", -30), ukCueLine("tel", -30),
			ukCueLine("phone", -30), ukCueLine("invoice", -20), ukCueLine("order", -20),
		}},
		Description: "UK bank sort code, alone or with an 8-digit account number",
	}
}

func (ukSortCode) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	var dg ukDigits
	hits := w.Hits
	for k := 0; ; k++ {
		k = ukSortNext(t, hits, k, next, w.AtStart, w.AtEnd)
		if k >= len(hits) {
			break
		}
		dst, next = ukSortAt(dst, w, int(hits[k]), &dg)
	}
	return dst, nil
}

// ukSortAt is Detect's work on the hit at t[i] (one ukSortNext lets
// through): it appends the sort code there, alone or with an account
// number, and returns where the next hit may start.
func ukSortAt(dst []detect.Finding, w *detect.Window, i int, dg *ukDigits) ([]detect.Finding, int) {
	t := w.Text
	s := i
	if s > 0 && ukIsDigit(t[s-1]) {
		s = intlDigitStart(t, s)
	}
	de := intlDigitEnd(t, i)
	next := de
	if (s < ukSortGap+12 && !w.AtStart) || (de+ukSortGap+12 > len(t) && !w.AtEnd) {
		return dst, next
	}
	var e int
	var sep byte
	bare := false
	switch de - s {
	case 2:
		// Both separators of 2-2-2 are the same byte.
		if s+5 >= len(t) || t[s+5] != t[s+2] {
			return dst, next
		}
		var ok bool
		if e, sep, ok = ukGroups(t, s, "\x02\x02\x02", "- ", dg); !ok || !ukNumBefore(t, s, sep == ' ') {
			return dst, next
		}
	case 6:
		// Six digits after a group and a space or tab are that group's
		// number ("+44 7700 900123"), not a sort code.
		if !ukSortCueMay(t, s) || !ukNumBefore(t, s, true) || s >= 2 && t[s-1] == '\t' && ukIsDigit(t[s-2]) ||
			!ukNumAfter(t, de, false) || !ukHasCueIn(t, s-32, s, &ukSortCodeCue) {
			return dst, next
		}
		e, bare = de, true
		ukGroups(t, s, "\x06", "", dg)
	default:
		return dst, next
	}
	// The code ends the number, even when an account number follows
	// ("12-34-56x: 12345678" is not a pair); a space and more digits
	// may only be the account number.
	if ukAllZero(dg.d[:6]) || !ukNumAfter(t, e, false) || !bare && ukSortIsNINO(t, s, e) {
		return dst, next
	}
	if ae, ok := ukAccountAfter(t, e); ok {
		next = ae
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(ae), Score: 60, Kind: KindUKBankAccount, Info: UKSortThenAcc})
		return dst, next
	}
	if !ukNumAfter(t, e, sep == ' ') {
		return dst, next
	}
	if as, ok := ukAccountBefore(t, s); ok {
		next = e
		dst = append(dst, detect.Finding{Start: w.Base + int64(as), End: w.Base + int64(e), Score: 60, Kind: KindUKBankAccount, Info: UKAccThenSort})
		return dst, next
	}
	next = e
	if bare {
		dst = append(dst, ukFinding(w, s, e, 30, UKSortBare))
	} else {
		dst = append(dst, ukFinding(w, s, e, 15, UKSortAlone))
	}
	return dst, next
}

// ukSortNext returns the index of the first of hits[k:] at or after
// next that Detect's loop must look at, or len(hits). It rejects as
// Detect does, with no call, the commonest hits, those that start a run
// of at most seven digits: near the window's edges; not two or six
// digits; two digits whose separators differ; six digits with no 's'
// before them for the cue (ukSortCueMay: a phone number's last group,
// "+44 7700 900123:"). After each, the later hits inside its run are
// skipped, as Detect's next does; Detect sets next itself from the hit
// returned. (A loop without calls keeps its values in registers;
// Detect's loop spills them around each of its calls: 7-10% less time
// in Detect, measured alone on the typical corpus's windows.)
func ukSortNext(t []byte, hits []int32, k, next int, atStart, atEnd bool) int {
	for ; k < len(hits); k++ {
		s := int(hits[k])
		if s < next {
			continue
		}
		if s == 0 || s+8 > len(t) || intlDigit(t[s-1]) {
			return k
		}
		m := ^intlDigitMask(binary.LittleEndian.Uint64(t[s:])) & intlHigh
		if m == 0 {
			return k
		}
		de := s + bits.TrailingZeros64(m)>>3
		if (s < ukSortGap+12 && !atStart) || (de+ukSortGap+12 > len(t) && !atEnd) {
			next = de
			continue
		}
		switch de - s {
		case 2:
			if s+5 < len(t) && t[s+5] == t[s+2] {
				return k
			}
		case 6:
			if s < 32 {
				return k
			}
			// ukSortCueMay: a byte 's' or 'S' among the 32 before s,
			// where x|low^ss has a zero byte, so (v-ones)&^v a high bit.
			const low, ss = 0x20 * ukCueOnes, 's' * ukCueOnes
			b := (*[32]byte)(t[s-32 : s])
			v0 := binary.LittleEndian.Uint64(b[0:]) | low ^ ss
			v1 := binary.LittleEndian.Uint64(b[8:]) | low ^ ss
			v2 := binary.LittleEndian.Uint64(b[16:]) | low ^ ss
			v3 := binary.LittleEndian.Uint64(b[24:]) | low ^ ss
			if ((v0-ukCueOnes)&^v0|(v1-ukCueOnes)&^v1|(v2-ukCueOnes)&^v2|(v3-ukCueOnes)&^v3)&intlHigh != 0 {
				return k
			}
		}
		next = de
	}
	return k
}

// ukSortCueMay reports whether ukHasCueIn(t, s-32, s, &ukSortCodeCue)
// may be true: both words start with 's', so one of the 32 bytes before
// s must be 's' or 'S' (c|0x20 == 's'). It reads them four words at a
// time, the cue scan's cost for the commonest six-digit run by far, a
// phone number's last group ("+44 7700 900123").
func ukSortCueMay(t []byte, s int) bool {
	if s < 32 || s > len(t) {
		return true
	}
	b := t[s-32 : s]
	const low, ss = 0x20 * ukCueOnes, 's' * ukCueOnes
	m := ukCueZero(binary.LittleEndian.Uint64(b[0:])|low^ss) | ukCueZero(binary.LittleEndian.Uint64(b[8:])|low^ss) |
		ukCueZero(binary.LittleEndian.Uint64(b[16:])|low^ss) | ukCueZero(binary.LittleEndian.Uint64(b[24:])|low^ss)
	return m != 0
}

// ukAccountAt matches an account number (8 digits, or 4-4 with a space)
// at t[j] and returns its end.
func ukAccountAt(t []byte, j int) (int, bool) {
	var dg ukDigits
	if e, _, ok := ukGroups(t, j, "\x08", "", &dg); ok && ukNumBefore(t, j, false) && ukNumAfter(t, e, false) && !ukAllZero(dg.d[:8]) {
		return e, true
	}
	if e, _, ok := ukGroups(t, j, "\x04\x04", " ", &dg); ok && ukNumBefore(t, j, true) && ukNumAfter(t, e, true) && !ukAllZero(dg.d[:8]) {
		return e, true
	}
	return 0, false
}

// ukAccountAfter looks for an account number after a sort code ending at
// t[e]: the first digit within ukSortGap bytes must start one.
func ukAccountAfter(t []byte, e int) (int, bool) {
	nl := 0
	for j := e; j < len(t) && j <= e+ukSortGap; j++ {
		c := t[j]
		if ukIsDigit(c) {
			return ukAccountAt(t, j)
		}
		if c == '\n' {
			if nl++; nl > 1 {
				return 0, false
			}
		}
	}
	return 0, false
}

// ukAccountBefore looks for an account number ending within ukSortGap
// bytes before a sort code starting at t[s].
func ukAccountBefore(t []byte, s int) (int, bool) {
	nl := 0
	for j := s - 1; j >= 0 && j >= s-1-ukSortGap; j-- {
		c := t[j]
		if ukIsDigit(c) {
			// t[j] is the last digit of the number before.
			st := ukDigitRunStart(t, j)
			if j+1-st == 4 && st >= 5 && t[st-1] == ' ' && ukIsDigit(t[st-2]) {
				st = ukDigitRunStart(t, st-2)
			}
			if end, ok := ukAccountAt(t, st); ok && end == j+1 {
				return st, true
			}
			return 0, false
		}
		if c == '\n' {
			if nl++; nl > 1 {
				return 0, false
			}
		}
	}
	return 0, false
}

// ukSortIsNINO reports whether the grouped sort code t[s:e] is the digits
// of a National Insurance number written with separators: a token of two
// capitals, one space or dash, the code, one space or dash and a suffix
// token A, B, C or D (XA 44 39 30 A, GB 63 32 54 C even with a prefix
// HMRC does not issue). A code after two letters alone ("SC 12 34 56")
// or before another word ("is 12 34 56 a", "AB 12 34 56 I") is kept.
func ukSortIsNINO(t []byte, s, e int) bool {
	if s < 3 || e+2 > len(t) || !ukIsSortSep(t[s-1]) || !ukIsSortSep(t[e]) {
		return false
	}
	return ukIsUpper(t[s-3]) && ukIsUpper(t[s-2]) && ukTokenStart(t, s-3) && ukIn(t[e+1], "ABCD") && ukTokenEnd(t, e+2)
}

func ukIsSortSep(c byte) bool { return c == ' ' || c == '-' }
