package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// Kinds of the UK identifier detectors. They are stable: they appear in
// configuration, reports and golden files.
const (
	KindUKPostcode       detect.Kind = "uk.postcode"             // Royal Mail postcode
	KindNINO             detect.Kind = "uk.nino"                 // National Insurance number
	KindNHS              detect.Kind = "uk.nhs"                  // NHS number (England, Wales, Isle of Man)
	KindCHI              detect.Kind = "uk.chi"                  // Scottish Community Health Index number
	KindHC               detect.Kind = "uk.hc"                   // Northern Ireland Health and Care number
	KindUKPassport       detect.Kind = "uk.passport"             // UK passport number
	KindUKDrivingLicence detect.Kind = "uk.driving-licence"      // DVLA driver number
	KindUKVehicleReg     detect.Kind = "uk.vehicle-registration" // number plate
	KindUTR              detect.Kind = "uk.utr"                  // HMRC Unique Taxpayer Reference
	KindUKVAT            detect.Kind = "uk.vat"                  // UK VAT registration number
	KindUKElectoralRoll  detect.Kind = "uk.electoral-roll"       // elector number
	KindUKSortCode       detect.Kind = "uk.sort-code"            // bank sort code alone
	KindUKBankAccount    detect.Kind = "uk.bank-account"         // sort code with account number
)

// ukDetectors returns the UK identifier detectors.
func ukDetectors() []detect.Detector {
	return []detect.Detector{
		NewUKPostcode(),
		NewNINO(),
		NewNHS(),
		NewCHI(),
		NewHC(),
		NewUKPassport(),
		NewUKDrivingLicence(),
		NewUKVehicleReg(),
		NewUTR(),
		NewUKVAT(),
		NewUKElectoralRoll(),
		NewUKSortCode(),
	}
}

// Shared byte helpers for the UK detectors. They are prefixed "uk" so
// they cannot collide with the other files of package pii.

func ukIsDigit(c byte) bool { return '0' <= c && c <= '9' }
func ukIsUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func ukIsLower(c byte) bool { return 'a' <= c && c <= 'z' }
func ukIsLetter(c byte) bool {
	return ukIsUpper(c) || ukIsLower(c)
}
func ukIsAlnum(c byte) bool { return ukAlnumTab[c] }

// ukAlnumTab[c] reports whether c is an ASCII letter or digit.
var ukAlnumTab = func() (t [256]bool) {
	for c := range 256 {
		t[c] = ukIsDigit(byte(c)) || ukIsLetter(byte(c))
	}
	return t
}()

func ukUpper(c byte) byte {
	if ukIsLower(c) {
		return c - 'a' + 'A'
	}
	return c
}

func ukLower(c byte) byte {
	if ukIsUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// ukEdgeOK reports whether a candidate t[s:e] is far enough from the
// window's edges to be judged: the bytes it and its boundary checks read
// (need bytes on each side) are all inside the window, or the window edge
// is the input's edge.
func ukEdgeOK(w *detect.Window, s, e, need int) bool {
	if s < need && !w.AtStart {
		return false
	}
	if e+need > len(w.Text) && !w.AtEnd {
		return false
	}
	return true
}

// ukGlue reports whether c joins two alphanumeric runs into one token
// ("AB123456C-XL", "INV-9434765919", "file_AB12CDE", "x/SW1A").
func ukGlue(c byte) bool { return c-'-' < 64 && ukGlueSet>>(c-'-')&1 != 0 }

// ukGlueSet has bit c-'-' set for each byte c that ukGlue accepts (bit 0
// is '-' itself).
const ukGlueSet uint64 = 1 | 1<<('_'-'-') | 1<<('/'-'-') | 1<<('@'-'-') | 1<<('.'-'-')

// ukTokenStart reports whether a token may start at t[s]: the byte before
// is not a letter or digit, nor '#', nor a joining character other than
// '.' preceded by a letter or digit ("No.AB123456C" may start at A). It
// reads t[s-2:s].
func ukTokenStart(t []byte, s int) bool {
	if s == 0 {
		return true
	}
	c := t[s-1]
	return !ukIsAlnum(c) && c != '#' && !(ukGlue(c) && c != '.' && s >= 2 && ukIsAlnum(t[s-2]))
}

// ukTokenEnd reports whether a token may end before t[e]: t[e] is not a
// letter or digit, nor a joining character followed by one. It reads
// t[e:e+2].
func ukTokenEnd(t []byte, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	return !ukIsAlnum(c) && !(ukGlue(c) && e+1 < len(t) && ukIsAlnum(t[e+1]))
}

// ukNumBefore reports whether a number may start at t[s]: no letter or
// digit directly before, no sign or '#', no letter joined to it ("INV-",
// "id_") and no digit joined to it by a separator that makes it part of
// a longer number ("1,234", "12.5", "2024-" or, when space is true,
// "12 345").
func ukNumBefore(t []byte, s int, space bool) bool {
	if s == 0 {
		return true
	}
	c := t[s-1]
	if ukIsAlnum(c) || c == '+' || c == '#' {
		return false
	}
	if s >= 2 && ukGlue(c) && c != '.' && ukIsLetter(t[s-2]) {
		return false
	}
	if s >= 2 && ukIsDigit(t[s-2]) {
		switch c {
		case ',':
			// "1,234": only a group of exactly three digits continues a
			// number; "Evans,5345332304" or "12,5345332304" in a CSV row
			// does not.
			return ukDigitRunEnd(t, s)-s != 3
		case '-', '.', '/', ':':
			return false
		case ' ':
			return !space
		}
	}
	return true
}

// ukNumAfter is ukNumBefore for the end of a number at t[e].
func ukNumAfter(t []byte, e int, space bool) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	if ukIsAlnum(c) {
		return false
	}
	if e+1 < len(t) && ukGlue(c) && ukIsLetter(t[e+1]) {
		return false
	}
	if e+1 < len(t) && ukIsDigit(t[e+1]) {
		switch c {
		case ',':
			// A thousands separator follows a group of one to three
			// digits; after a longer group it separates fields
			// ("5345332304,12/03/1961" in a CSV row).
			return e-ukDigitRunStart(t, e-1) > 3
		case '-', '.', '/', ':':
			return false
		case ' ':
			return !space
		}
	}
	return true
}

// ukDigits holds the digits of a candidate without separators.
type ukDigits struct {
	d [20]byte // digit values 0..9
	n int
}

// ukGroups matches digit groups at t[s:] whose lengths are given by
// groups (each byte one group length), joined by one separator from seps
// used consistently. It returns the end of the match, the separator used
// (0 if none) and the digits. Groups of length 0 end the pattern.
func ukGroups(t []byte, s int, groups string, seps string, dg *ukDigits) (e int, sep byte, ok bool) {
	i, n := s, 0
	dg.n = 0
	for gi := 0; gi < len(groups); gi++ {
		if gi > 0 {
			if i >= len(t) {
				return 0, 0, false
			}
			c := t[i]
			if sep == 0 {
				if !ukIn(c, seps) {
					return 0, 0, false
				}
				sep = c
			} else if c != sep {
				return 0, 0, false
			}
			i++
		}
		// The group: g digits, all within t, at most len(dg.d) in all.
		g := int(groups[gi])
		if g > len(t)-i || g > len(dg.d)-n {
			return 0, 0, false
		}
		for end := i + g; i < end; i++ {
			c := t[i] - '0'
			if c > 9 {
				return 0, 0, false
			}
			dg.d[n] = c
			n++
		}
	}
	if i < len(t) && ukIsDigit(t[i]) {
		return 0, 0, false
	}
	dg.n = n
	return i, sep, true
}

func ukIn(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

// ukDigitRunStart returns the start of the run of digits containing t[i].
func ukDigitRunStart(t []byte, i int) int {
	for i > 0 && ukIsDigit(t[i-1]) {
		i--
	}
	return i
}

// ukDigitRunEnd returns the end of the run of digits starting at or
// containing t[i].
func ukDigitRunEnd(t []byte, i int) int {
	for i < len(t) && ukIsDigit(t[i]) {
		i++
	}
	return i
}

// ukAlnumRun returns the run of ASCII letters and digits around t[i],
// extended at most limit bytes to each side of i.
func ukAlnumRun(t []byte, i, limit int) (ts, te int) {
	ts, te = i, i
	for ts > 0 && ukIsAlnum(t[ts-1]) && i-ts < limit {
		ts--
	}
	for te < len(t) && ukIsAlnum(t[te]) && te-i < limit {
		te++
	}
	return ts, te
}

// ukMod11 returns the NHS-style modulus 11 check digit of the first n
// digits (weights n+1 down to 2), or 10 when no check digit is possible.
func ukMod11(d []byte) int {
	sum := 0
	w := len(d) + 1
	for _, x := range d {
		sum += int(x) * w
		w--
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c
}

// ukAllSame reports whether all digits are equal.
func ukAllSame(d []byte) bool {
	for _, x := range d[1:] {
		if x != d[0] {
			return false
		}
	}
	return true
}

// ukHasCue reports whether one of the '|'-separated lower-case words
// occurs whole, ignoring ASCII case, in t[lo:hi] (clamped to t). A space
// in a word matches a run of spaces, tabs, line breaks, '-', '_', '.' or
// ':', as in engine cues. The whole-word check reads t[lo-1] and t[hi].
// A list holds at most ukCueMaxWords words. The lists of the UK
// detectors are compiled once (see ukCueFor); any other is compiled on
// each call.
func ukHasCue(t []byte, lo, hi int, words string) bool {
	if cs := ukCueFor(words); cs != nil {
		return ukHasCueIn(t, lo, hi, cs)
	}
	cs := ukCompileCue(words)
	return ukHasCueIn(t, lo, hi, &cs)
}

// Compiled word lists of the sort code and VAT detectors (the
// electoral and passport lists are compiled beside their words).
var (
	ukSortCodeCue = ukCompileCue(ukSortCodeWords)
	ukVATCue      = ukCompileCue(ukVATWords)
)

// Word lists the sort code and VAT detectors pass to ukHasCue.
const (
	ukSortCodeWords = "sort code|sortcode"
	ukVATWords      = "vat"
)

// ukCueFor returns the compiled form of a word list the UK detectors
// use, or nil.
func ukCueFor(words string) *ukCueSet {
	switch words {
	case ukElectoralWords:
		return &ukElectoralCue
	case ukPassportWords:
		return &ukPassportCue
	case ukSortCodeWords:
		return &ukSortCodeCue
	case ukVATWords:
		return &ukVATCue
	}
	return nil
}

// ukCueMaxWords is the most words a ukCueSet holds.
const ukCueMaxWords = 15

// ukCueAlnum marks the ASCII letters and digits in ukCueSet.start.
const ukCueAlnum = 1 << 15

// ukCueSet is a '|'-separated word list compiled for ukHasCueIn.
type ukCueSet struct {
	words [ukCueMaxWords]string
	// start[c] has bit k set when words[k] can start at byte c: c is its
	// first byte, a lower-case letter (or the same in upper case), a
	// digit or '&'. Words starting with anything else never match. Bit
	// 15 (ukCueAlnum) is set for ASCII letters and digits.
	start [256]uint16
	// first repeats in every byte of a word the bytes, ASCII case bit
	// set (c|0x20), that can start a word of the list: a byte c can start
	// one only when c|0x20 is one of them. nfirst is their number; when
	// it is 0 or more than len(first), ukHasCueIn tests every byte.
	first  [4]uint64
	nfirst int
}

// ukCompileCue compiles a '|'-separated list of at most ukCueMaxWords
// lower-case words; empty words are skipped.
func ukCompileCue(words string) ukCueSet {
	var cs ukCueSet
	for c := range 256 {
		if ukIsAlnum(byte(c)) {
			cs.start[c] = ukCueAlnum
		}
	}
	n := 0
	for ws := 0; ws < len(words); {
		we := ws
		for we < len(words) && words[we] != '|' {
			we++
		}
		if we > ws {
			if n == ukCueMaxWords {
				panic("pii: more than 15 words in a UK cue list")
			}
			cs.words[n] = words[ws:we]
			switch f := words[ws]; {
			case ukIsLower(f):
				cs.start[f] |= 1 << n
				cs.start[f-'a'+'A'] |= 1 << n
			case ukIsDigit(f) || f == '&':
				cs.start[f] |= 1 << n
			}
			n++
		}
		ws = we + 1
	}
	var seen [256]bool
	for c := range 256 {
		if cs.start[c]&^ukCueAlnum == 0 || seen[c|0x20] {
			continue
		}
		seen[c|0x20] = true
		if cs.nfirst < len(cs.first) {
			cs.first[cs.nfirst] = uint64(c|0x20) * ukCueOnes
		}
		cs.nfirst++
	}
	return cs
}

// ukCueOnes has the value 1 in every byte of a word.
const ukCueOnes = 0x0101010101010101

// ukCueZero returns the bytes of v that are zero as 0x80, the others as 0.
func ukCueZero(v uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((v&low7 + low7) | v | low7)
}

// ukHasCueIn is ukHasCue for a compiled word list: it looks only at the
// bytes that start a word (not after an ASCII letter or digit) and can
// start one of the list's, and tries only the words starting there.
func ukHasCueIn(t []byte, lo, hi int, cs *ukCueSet) bool {
	lo, hi = max(lo, 0), min(hi, len(t))
	if lo >= hi {
		return false
	}
	tb := t[:hi]
	if cs.nfirst > 0 && cs.nfirst <= len(cs.first) {
		return ukHasCueFirst(t, tb, lo, cs)
	}
	prev := uint16(0) // ukCueAlnum when the byte before is a letter or digit
	if lo > 0 {
		prev = cs.start[t[lo-1]] & ukCueAlnum
	}
	for i := lo; i < len(tb); i++ {
		m := cs.start[tb[i]]
		if m&^ukCueAlnum != 0 && prev == 0 {
			for k := m &^ ukCueAlnum; k != 0; k &= k - 1 {
				end, ok := ukMatchWord(tb, i, cs.words[bits.TrailingZeros16(k)])
				if ok && (end >= len(t) || !ukIsAlnum(t[end])) {
					return true
				}
			}
		}
		prev = m & ukCueAlnum
	}
	return false
}

// ukHasCueFirst is ukHasCueIn for a list with few first bytes: it finds
// the bytes of tb[lo:] that may start a word eight at a time (c|0x20 is
// one of cs.first) and tests only those.
func ukHasCueFirst(t, tb []byte, lo int, cs *ukCueSet) bool {
	i := lo
	for ; i+8 <= len(tb); i += 8 {
		v := binary.LittleEndian.Uint64(tb[i:]) | 0x20*ukCueOnes
		m := ukCueZero(v ^ cs.first[0])
		for k := 1; k < cs.nfirst; k++ {
			m |= ukCueZero(v ^ cs.first[k])
		}
		for ; m != 0; m &= m - 1 {
			if ukCueAt(t, tb, i+bits.TrailingZeros64(m)>>3, cs) {
				return true
			}
		}
	}
	for ; i < len(tb); i++ {
		if ukCueAt(t, tb, i, cs) {
			return true
		}
	}
	return false
}

// ukCueAt reports whether a word of cs starts at tb[i] (not after an
// ASCII letter or digit) and ends before a byte of t that is neither.
func ukCueAt(t, tb []byte, i int, cs *ukCueSet) bool {
	m := cs.start[tb[i]] &^ ukCueAlnum
	if m == 0 || i > 0 && cs.start[t[i-1]]&ukCueAlnum != 0 {
		return false
	}
	for ; m != 0; m &= m - 1 {
		end, ok := ukMatchWord(tb, i, cs.words[bits.TrailingZeros16(m)])
		if ok && (end >= len(t) || !ukIsAlnum(t[end])) {
			return true
		}
	}
	return false
}

func ukMatchWord(b []byte, i int, word string) (int, bool) {
	for k := 0; k < len(word); k++ {
		if word[k] == ' ' {
			j := i
			for j < len(b) && ukIsCueSep(b[j]) {
				j++
			}
			if j == i {
				return 0, false
			}
			i = j
			continue
		}
		if i >= len(b) || ukLower(b[i]) != word[k] {
			return 0, false
		}
		i++
	}
	return i, true
}

func ukIsCueSep(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '-', '_', '.', ':':
		return true
	}
	return false
}

// ukFinding builds a finding for t[s:e] of window w.
func ukFinding(w *detect.Window, s, e, score int, info uint32) detect.Finding {
	return detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info}
}

// ukCue is a cue looked for on both sides of a finding.
func ukCue(word string, delta int) detect.Cue { return detect.Cue{Word: word, Delta: delta} }

// ukCueLine is ukCue for a word that counts on the match's own line only.
func ukCueLine(word string, delta int) detect.Cue {
	return detect.Cue{Word: word, Delta: delta, SameLine: true}
}
