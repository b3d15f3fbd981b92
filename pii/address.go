package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// KindUKAddress is the Kind of UK street address findings.
const KindUKAddress detect.Kind = "uk.address"

// Parts of a UK address finding, as bits of its Info.
const (
	AddrStreet   uint32 = 1 << 0 // building number and street
	AddrLocality uint32 = 1 << 1 // at least one locality, town or county
	AddrPostcode uint32 = 1 << 2 // a valid postcode
)

// NewUKAddress returns a detector for UK street addresses.
//
// Matches: a building number ("12", "12a", "12-14"), a street name of
// one to four capitalised words ending in a street suffix (Road, Street,
// Avenue, Lane, Close, Drive, Way, Crescent, Gardens, Place, Court,
// Square, Terrace, Grove, Hill, Park, Row, Walk, Mews, Green, Rise, ...;
// abbreviations such as "Rd", "St", "Ave"), then optionally up to three
// comma- or line-separated localities (town, county: capitalised words,
// "upon", "on", "the", "le" allowed inside) and a UK postcode:
// "12 Acacia Avenue, Reading, Berkshire RG1 1AA".
//
// Validation: the postcode must have a valid format with the letters
// allowed in each position (GIR 0AA included); a locality counts only when
// it ends at a comma, line break, full stop, postcode or end of text.
//
// Triggers: ASCII digits (house numbers and postcodes).
//
// Run filter: runs of 1-4 digits not after a lower-case letter and before
// a letter, ',', ' ' or '-'; after a capital, of 1-3 before a capital or
// a space (postcodes).
//
// Score: 45 for a number and street alone (below the usual threshold:
// a cue such as "address" lifts it), 60 with a locality, 80 with a
// postcode, 90 with both. Cues: +15 near "address", "lives at", "live
// at", "resides", "residing"; +10 near "home", "deliver", "delivery",
// "correspondence".
//
// A flat or unit prefix joins the match: "Flat 3, 12 Acacia Avenue",
// "Flat 2/3, 14 High St".
//
// Addresses without a building number are found from their postcode
// backwards when a segment names a street or a building ("Rose Cottage,
// Mill Lane, Hove BN3 1AA"; 80, or 90 with a locality).
//
// Known false positives: capitalised phrases that look like streets
// ("5 Minute Walk"). Known false negatives: addresses without a building
// number and without a postcode ("Rose Cottage, Mill Lane"), addresses
// written in lower case, PO boxes,
// and streets without a suffix word ("12 Broadway", "7 The Parade" is
// found but "3 Piccadilly" is not).
//
// Info: AddrStreet, AddrLocality and AddrPostcode bits.
func NewUKAddress() detect.Detector { return ukAddress{} }

type ukAddress struct{}

var _ detect.Detector = ukAddress{}

const (
	addrMaxLen = 160
	addrRadius = 32
)

func (ukAddress) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-address", Kind: KindUKAddress, MaxLen: addrMaxLen,
		Description: "UK street addresses (number, street, locality, postcode)",
		Triggers:    detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: addrRadius, Words: []detect.Cue{
			{Word: "address", Delta: 15}, {Word: "lives at", Delta: 15}, {Word: "live at", Delta: 15},
			{Word: "resides", Delta: 15}, {Word: "residing", Delta: 15},
			{Word: "home", Delta: 10}, {Word: "deliver", Delta: 10}, {Word: "delivery", Delta: 10},
			{Word: "correspondence", Delta: 10},
		}},
	}
}

func (ukAddress) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		numOK := false // addrNumMay(t, h) is known to be true
		if h > 0 && h+8 <= len(t) && !intlUpper(t[h-1]) {
			// Every hit not after a capital needs addrNumMay (see below).
			// Most fail it, as seen here from the eight bytes at h without
			// a call, as addrNumMay does: more than 4 digits, or no space
			// after the digits, an optional letter (12a) and an optional
			// ',', or after that space neither a capital nor a digit after
			// a flat word. Ranges and floors (12-14, 2/3) are left to
			// addrNumMay.
			x := binary.LittleEndian.Uint64(t[h:])
			d := bits.TrailingZeros64(^intlDigitMask(x)&intlHigh) >> 3
			if d > 4 {
				continue
			}
			x >>= 8 * d
			if c := byte(x); c != '-' && c != '/' {
				// The optional letter and ',' are skipped by table, not
				// by branches on the text; k ends at the space.
				k := h + d
				sk := addrSkipLetter[byte(x)]
				x >>= sk
				k += int(sk >> 3)
				sk = addrSkipComma[byte(x)]
				x >>= sk
				k += int(sk >> 3)
				cl := addrAfterNum[byte(x>>8)]
				if byte(x) != ' ' || cl == 0 {
					continue
				}
				if cl == addrAfterDigit {
					if !addrFlatWordMay(t, h) {
						continue
					}
				} else if !addrStreetMay2(t, k+1) {
					// A capital after the space: no flat (addrFlatTail
					// needs a digit there), so only addrAt(t, h) can
					// report, and its street needs a second word.
					continue
				}
				numOK = true
			} else if c == '-' {
				// A range (12-14) needs 1-4 digits after the '-' and then
				// an optional letter or ',' or the space (addrNumber; a
				// flat's number is never followed by '-'): a date
				// (2021-03-12) or a sort code (12-34-56) is rejected
				// here when the byte after the digits is in the word.
				y := x >> 8
				d2 := bits.TrailingZeros64(^intlDigitMask(y)&intlHigh) >> 3
				if d+1+d2 < 8 {
					if c2 := byte(y >> (8 * d2)); d2 == 0 || d2 > 4 || c2 != ' ' && c2 != ',' && !intlLetter(c2) {
						continue
					}
				}
			}
		}
		if h > 0 && t[h-1] != ' ' { // after a space: not glued, the commonest case
			c := t[h-1]
			if intlDigit(c) {
				continue
			}
			if intlUpper(c) {
				// Perhaps the digit of a postcode ending an address with
				// a building name and no number: "Rose Cottage, Mill
				// Lane, Hove BN3 1AA" (the hit is glued, so this is the
				// only way it can be reported).
				if s, e, info, ok := addrBack(t, h); ok && s >= next && !intlEdge(w, s, e, 3) {
					next = e
					score := 80
					if info&AddrLocality != 0 {
						score = 90
					}
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
				}
				continue
			}
			if !numOK && !addrNumMay(t, h) || intlGluedBefore(t, h) {
				// Not a match, decided early (see below). A glued hit
				// is reported only through addrBack(t, h), and that
				// needs a capital at t[h-1]: the postcode it parses
				// starts there, or at t[h-2] when that is a capital,
				// and then t[h-1] is inside its outward code
				// (addrPostcode stops at the first byte that is not a
				// letter or digit, and finds no outward code of one
				// byte), so a letter (a digit was skipped above), and
				// addrPostcode rejects lower case.
				continue
			}
		} else if !numOK && !addrNumMay(t, h) {
			// Not a match, decided early (most hits: "in 10 mins",
			// "+44 7700 900123"): see addrNumMay. A rejected hit
			// changes no state.
			continue
		}
		s := h
		// "Flat 3, 12 Acacia Avenue": the flat prefix joins the match,
		// found from the flat's number or, when that is not a hit of its
		// own ("Flat 2/3, 14 High St" under the run filter), from the
		// building number after it.
		// (addrFlatWordMay and addrFlatBeforeMay skip most calls, those
		// that cannot succeed.)
		flat := false
		if addrFlatWordMay(t, h) {
			if fs, k, ok := addrFlat(t, h); ok {
				flat = true
				if _, _, ok := addrAt(t, k); ok {
					s, h = fs, k
				}
			}
		}
		if !flat && addrFlatBeforeMay(t, h) {
			if fs, ok := addrFlatBefore(t, h); ok {
				s = fs
			}
		}
		e, info, ok := addrAt(t, h)
		if !ok || e-s > addrMaxLen || intlEdge(w, s, e, 3) {
			continue
		}
		next = e
		score := 45
		switch info {
		case AddrStreet | AddrLocality:
			score = 60
		case AddrStreet | AddrPostcode:
			score = 80
		case AddrStreet | AddrLocality | AddrPostcode:
			score = 90
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
	}
	return dst, nil
}

// Tables of Detect's inline reject: addrSkipLetter[c] is 8 for a letter
// (the bits to shift past it), addrSkipComma[c] 8 for ','; addrAfterNum
// classes the byte after the number's space.
var addrSkipLetter, addrSkipComma, addrAfterNum = func() (l, c, a [256]uint8) {
	for b := range 256 {
		if intlLetter(byte(b)) {
			l[b] = 8
		}
		switch {
		case intlUpper(byte(b)):
			a[b] = addrAfterUpper
		case intlDigit(byte(b)):
			a[b] = addrAfterDigit
		}
	}
	c[','] = 8
	return l, c, a
}()

// Classes of addrAfterNum.
const (
	addrAfterUpper = 1 // a capital: the street's first word
	addrAfterDigit = 2 // a digit: the building number after a flat's
)

// addrStreetMay2 reports whether addrAt may find a street starting at
// the capital t[k]: it needs a second capitalised word after the first
// and one space (the suffix is never the first word), so the first word
// (letters, ' and -: addrWord) must end at a space before a capital.
// Only the eight bytes after t[k] are looked at: a longer first word may
// always go on. The commonest failure is a date ("12 Mar 2021").
func addrStreetMay2(t []byte, k int) bool {
	if k+10 > len(t) {
		return true
	}
	m := ^addrWordMask(binary.LittleEndian.Uint64(t[k+1:])) & intlHigh
	if m == 0 {
		return true
	}
	j := k + 1 + bits.TrailingZeros64(m)>>3
	return t[j] == ' ' && intlUpper(t[j+1])
}

// addrWordMask returns the bytes of x that may continue a word
// (addrWordTab: ASCII letters, ' and -) as 0x80, the others as 0.
func addrWordMask(x uint64) uint64 {
	return addrLetterMask(x) | ukCueZero(x^('\''*ukCueOnes))&intlHigh | ukCueZero(x^('-'*ukCueOnes))&intlHigh
}

// addrLetterMask returns the bytes of x that are ASCII letters as 0x80,
// the others as 0.
func addrLetterMask(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	a := (x | 0x2020202020202020) & low7
	return (a + 0x1f1f1f1f1f1f1f1f) &^ (a + 0x0505050505050505) &^ x & intlHigh
}

// addrAlnumMask returns the bytes of x that are ASCII letters or digits
// (intlAlnum) as 0x80, the others as 0.
func addrAlnumMask(x uint64) uint64 { return addrLetterMask(x) | intlDigitMask(x) }

// addrBack parses backwards from a postcode whose outward code has its
// first digit at t[h]: comma- or line-separated segments of capitalised
// words, at least one of them a street (ending in a suffix) or a building
// name ("Rose Cottage", "Oak House"). It returns the address from the
// earliest such segment to the postcode's end. A chain that reaches a
// numbered street is left to the forward parse (addrAt).
func addrBack(t []byte, h int) (s, e int, info uint32, ok bool) {
	ps := h - 1
	if ps > 0 && intlUpper(t[ps-1]) {
		ps--
	}
	if !intlUpper(t[ps]) || ps > 0 && intlAlnum(t[ps-1]) {
		return 0, 0, 0, false
	}
	e, ok = addrPostcode(t, ps)
	if !ok || ps == 0 {
		return 0, 0, 0, false
	}
	info = AddrPostcode
	x := ps // exclusive end of the next segment to the left
	// Separator before the postcode: spaces, optionally after ',' or a
	// line break.
	x = addrSepBack(t, x, true)
	if x == ps {
		return 0, 0, 0, false
	}
	found := false
	// Nothing before lo is examined, so the decision depends only on
	// bytes within MaxLen of the trigger; a chain reaching lo is dropped.
	lo := max(0, ps-addrMaxLen)
	for seg := 0; seg < 5; seg++ {
		ss, last, ok := addrSegBack(t, x, lo)
		if ss == lo && lo > 0 {
			return 0, 0, 0, false
		}
		if !ok {
			break
		}
		if intlDigit(t[ss]) {
			return 0, 0, 0, false // a numbered street: addrAt's job
		}
		switch {
		case addrSuffix(t[last:x]) && last > ss:
			s, found = ss, true
			info |= AddrStreet
		case addrBuilding(t[last:x]) && last > ss:
			s, found = ss, true
			info |= AddrStreet
		case !found:
			info |= AddrLocality
		}
		nx := addrSepBack(t, ss, false)
		if nx == ss {
			break
		}
		x = nx
	}
	if !found || e-s > addrMaxLen {
		return 0, 0, 0, false
	}
	return s, e, info, true
}

// addrSepBack skips a segment separator ending at t[x-1] going left:
// ", ", ",", a line break (with spaces around it), or (when space is
// true) plain spaces. It returns x if there is none.
func addrSepBack(t []byte, x int, space bool) int {
	i := x
	for i > 0 && t[i-1] == ' ' && x-i < 3 {
		i--
	}
	switch {
	case i > 0 && t[i-1] == ',':
		return i - 1
	case i > 0 && t[i-1] == '\n':
		i--
		if i > 0 && t[i-1] == '\r' {
			i--
		}
		if i > 0 && t[i-1] == ',' {
			i--
		}
		return i
	case space && i < x:
		return i
	}
	return x
}

// addrSegBack reads a segment of words ending at t[x-1] going left: one to
// five words, the first capitalised or a building number. It returns the
// segment start and the start of its last word.
func addrSegBack(t []byte, x, lo int) (ss, last int, ok bool) {
	k := x
	ss = x
	for nw := 0; nw < 5; nw++ {
		j := k
		for j > lo && (intlLetter(t[j-1]) || t[j-1] == '\'' || t[j-1] == '-') && k-j < 24 {
			j--
		}
		for j > lo && intlDigit(t[j-1]) && k-j < 24 { // "12" or "12a" (numbered street)
			j--
		}
		if j == lo && lo > 0 {
			return lo, 0, false
		}
		if j == k || j > 0 && intlAlnum(t[j-1]) {
			break
		}
		if !intlUpper(t[j]) && !intlDigit(t[j]) && addrConnector(t, j) != k {
			break
		}
		if nw == 0 {
			last = j
		}
		ss = j
		if intlDigit(t[j]) || j-2 < lo || t[j-1] != ' ' || !intlAlnum(t[j-2]) {
			if j-2 < lo && lo > 0 && j-1 >= lo && t[j-1] == ' ' {
				return lo, 0, false
			}
			break
		}
		k = j - 1
	}
	if ss == x || !intlUpper(t[ss]) && !intlDigit(t[ss]) {
		return x, 0, false
	}
	return ss, last, true
}

// addrBuilding reports whether w names a kind of building ("Rose
// Cottage", "Oak House").
func addrBuilding(w []byte) bool {
	var b [12]byte
	if len(w) > len(b) {
		return false
	}
	for i, c := range w {
		b[i] = intlLower(c)
	}
	switch string(b[:len(w)]) {
	case "cottage", "cottages", "house", "farm", "lodge", "hall", "manor", "barn", "mill",
		"villa", "buildings", "mansions", "tower", "chambers", "centre", "works", "farmhouse",
		"bungalow", "rectory", "vicarage", "grange", "estate":
		return true
	}
	return false
}

// addrFlat recognises a flat or unit prefix whose number starts at t[h]:
// "Flat 3, ", "Apartment 12B ", "Unit 4 ". It returns the prefix start and
// the offset of the building number after it.
func addrFlat(t []byte, h int) (s, k int, ok bool) {
	// The word before the number.
	if h < 2 || t[h-1] != ' ' {
		return 0, 0, false
	}
	ws := h - 1
	for ws > 0 && intlLetter(t[ws-1]) && h-1-ws < 10 {
		ws--
	}
	if ws > 0 && intlAlnum(t[ws-1]) {
		return 0, 0, false
	}
	var b [10]byte
	n := copy(b[:], t[ws:h-1])
	for i := range b[:n] {
		b[i] = intlLower(b[i])
	}
	switch string(b[:n]) {
	case "flat", "apartment", "apt", "unit", "suite", "room":
	default:
		return 0, 0, false
	}
	if !intlUpper(t[ws]) {
		return 0, 0, false
	}
	k, ok = addrFlatTail(t, h)
	if !ok {
		return 0, 0, false
	}
	return ws, k, true
}

// addrFlatTail parses the flat's number at t[h] and what follows it up to
// the building number ("3, 12", "12B 4", "2/3, 14") and returns the
// offset of the building number.
func addrFlatTail(t []byte, h int) (k int, ok bool) {
	i := h
	for i < len(t) && intlDigit(t[i]) && i-h < 4 {
		i++
	}
	// "Flat 2/3": floor and flat.
	if i+1 < len(t) && t[i] == '/' && intlDigit(t[i+1]) {
		j := i + 1
		for i = j; i < len(t) && intlDigit(t[i]) && i-j < 4; i++ {
		}
	}
	if i < len(t) && intlLetter(t[i]) {
		i++
	}
	if i < len(t) && t[i] == ',' {
		i++
	}
	if i >= len(t) || t[i] != ' ' || i+1 >= len(t) || !intlDigit(t[i+1]) {
		return 0, false
	}
	return i + 1, true
}

// addrFlatBeforeMay reports whether addrFlatBefore(t, h) may succeed:
// it needs a space at t[h-1], after an optional ',' the flat's number,
// and addrFlatTail to reach h from it, so the byte before the ',' or
// the space is a digit, or a letter after a digit ("12B 4").
func addrFlatBeforeMay(t []byte, h int) bool {
	if h < 3 || t[h-1] != ' ' {
		return false
	}
	i := h - 2
	if t[i] == ',' {
		i--
	}
	if i >= 0 && intlLetter(t[i]) {
		i--
	}
	return i >= 0 && intlDigit(t[i])
}

// addrFlatBefore finds a flat or unit prefix ending just before the
// building number at t[h] ("Flat 2/3, " before "14 High St"): it returns
// the prefix start.
func addrFlatBefore(t []byte, h int) (s int, ok bool) {
	if h < 2 || t[h-1] != ' ' {
		return 0, false
	}
	i := h - 1
	if t[i-1] == ',' {
		i--
	}
	// The flat number: digits, '/', a letter (at most "1234/1234A").
	ts := i
	for ts > 0 && i-ts < 10 && (intlAlnum(t[ts-1]) || t[ts-1] == '/') {
		ts--
	}
	for ts < i && !intlDigit(t[ts]) {
		ts++
	}
	if ts == i || ts > 0 && t[ts-1] != ' ' {
		return 0, false
	}
	if fs, k, ok := addrFlat(t, ts); ok && k == h {
		return fs, true
	}
	return 0, false
}

// addrNumMay reports whether a hit at t[h] not glued to the token before
// it may be reported: addrStreetMay(t, h) || addrFlatMay(t, h), with the
// digits after h scanned once. A hit not glued before is reported only
// when addrAt(t, h) succeeds, h being the hit unless addrFlat(t, h)
// succeeds (then h is the building number after the flat's).
func addrNumMay(t []byte, h int) bool {
	if h+8 > len(t) {
		return addrStreetMay(t, h) || addrFlatMay(t, h)
	}
	// The digits, as far as a fifth: more make no building number
	// (addrNumber) and no flat's (addrFlatTail). Then, within the eight
	// bytes at h, an optional letter (12a) and ',', and a space.
	x := binary.LittleEndian.Uint64(t[h:])
	d := bits.TrailingZeros64(^intlDigitMask(x)&intlHigh) >> 3
	if d > 4 {
		return false
	}
	x >>= 8 * d
	if c := byte(x); c == '-' || c == '/' { // a range (12-14) or a floor (Flat 2/3)
		return addrStreetMay(t, h) || addrFlatMay(t, h)
	} else if intlLetter(c) {
		x >>= 8
	}
	if byte(x) == ',' {
		x >>= 8
	}
	if byte(x) != ' ' {
		return false
	}
	// The street needs a capital after the number (addrStreetMay); the
	// flat's tail (addrFlatTail) a digit, the building number. The
	// street skips a letter only before ' ' or ',', as here.
	c := byte(x >> 8)
	return intlUpper(c) || intlDigit(c) && addrFlatWordMay(t, h)
}

// addrFlatWordMay is the first half of addrFlatMay: a space at t[h-1]
// after a word that may be "flat", "apartment", "apt", "unit", "suite"
// or "room".
func addrFlatWordMay(t []byte, h int) bool {
	if h < 2 || t[h-1] != ' ' {
		return false
	}
	c := t[h-2] | 0x20
	return c == 't' || c == 'e' || c == 'm'
}

// addrFlatMay reports whether addrFlat(t, h) may succeed: it needs a
// space at t[h-1] after a word (letters, so t[h-2] is its last byte) that
// is "flat", "apartment", "apt", "unit", "suite" or "room" in any case,
// all of which end in 't', 'e' or 'm', and the building number after the
// flat's (addrFlatTail).
func addrFlatMay(t []byte, h int) bool {
	if !addrFlatWordMay(t, h) {
		return false
	}
	_, ok := addrFlatTail(t, h)
	return ok
}

// addrStreetMay reports whether addrAt(t, h) may succeed: the building
// number it parses (addrNumber) must be followed by the capital that
// starts the street's first word (addrWord returns k unless t[k] is a
// capital, and with no word the street is not found).
func addrStreetMay(t []byte, h int) bool {
	// The commonest case first: digits and a space, where addrNumber
	// returns i+1.
	i := h
	for i < len(t) && intlDigit(t[i]) && i-h < 5 {
		i++
	}
	if i-h <= 4 && i+1 < len(t) && t[i] == ' ' {
		return intlUpper(t[i+1])
	}
	k, ok := addrNumber(t, h)
	return ok && k < len(t) && intlUpper(t[k])
}

// addrNumber parses the building number at t[h] and the separator after
// it (1-4 digits, an optional letter or range, an optional comma, one
// space) and returns the offset of the street after it.
func addrNumber(t []byte, h int) (k int, ok bool) {
	i := h
	for i < len(t) && intlDigit(t[i]) && i-h < 5 {
		i++
	}
	if i-h > 4 || i >= len(t) {
		return 0, false
	}
	if t[i] == '-' && i+1 < len(t) && intlDigit(t[i+1]) {
		j := i + 1
		for j < len(t) && intlDigit(t[j]) && j-i < 5 {
			j++
		}
		i = j
	}
	if i < len(t) && intlLetter(t[i]) && i+1 < len(t) && (t[i+1] == ' ' || t[i+1] == ',') {
		i++
	}
	if i < len(t) && t[i] == ',' {
		i++
	}
	if i >= len(t) || t[i] != ' ' {
		return 0, false
	}
	return i + 1, true
}

// addrAt parses an address starting with the building number at t[h].
func addrAt(t []byte, h int) (e int, info uint32, ok bool) {
	// Building number: 1-4 digits, optional letter or range.
	i, ok := addrNumber(t, h)
	if !ok {
		return 0, 0, false
	}
	// Street: capitalised words, the last a suffix.
	k, found := i, false
	for nw := 0; nw < 5; nw++ {
		j := addrWord(t, k)
		if j == k {
			break
		}
		if nw > 0 && addrSuffix(t[k:j]) {
			e, found = j, true
			break
		}
		if j >= len(t) || t[j] != ' ' {
			break
		}
		k = j + 1
	}
	if !found {
		return 0, 0, false
	}
	if e < len(t) && t[e] == '.' && e-k <= 4 { // "Rd."
		e++
	}
	info = AddrStreet
	// Localities and postcode.
	for parts := 0; parts < 4; parts++ {
		p := addrSep(t, e)
		if p == e {
			break
		}
		if pe, ok := addrPostcode(t, p); ok {
			e = pe
			info |= AddrPostcode
			break
		}
		if parts == 3 || t[e] == ' ' { // a bare space only leads to a postcode
			break
		}
		le := addrLocality(t, p)
		if le == p {
			break
		}
		e = le
		info |= AddrLocality
	}
	return e, info, true
}

// addrSep skips the separator after an address part: an optional comma
// and then spaces or one line break; it returns i if there is none.
func addrSep(t []byte, i int) int {
	j := i
	if j < len(t) && t[j] == ',' {
		j++
	}
	if j < len(t) && t[j] == '\r' {
		j++
	}
	if j < len(t) && t[j] == '\n' {
		j++
	}
	for j < len(t) && t[j] == ' ' && j-i < 4 {
		j++
	}
	if j == i || j >= len(t) {
		return i
	}
	return j
}

// addrWord returns the end of the capitalised word at t[i] (letters, '
// and -, at most 24 bytes), or i.
func addrWord(t []byte, i int) int {
	if i >= len(t) || !intlUpper(t[i]) {
		return i
	}
	j := i + 1
	if i+25 <= len(t) {
		// The word's end from up to three words of text (no loop exit
		// to mispredict at every word): j stops at the first byte that
		// is not a word byte, or at i+24.
		if m := ^addrWordMask(binary.LittleEndian.Uint64(t[i+1:])) & intlHigh; m != 0 {
			j = i + 1 + bits.TrailingZeros64(m)>>3
		} else if m := ^addrWordMask(binary.LittleEndian.Uint64(t[i+9:])) & intlHigh; m != 0 {
			j = i + 9 + bits.TrailingZeros64(m)>>3
		} else {
			j = i + 17 + bits.TrailingZeros64(^addrWordMask(binary.LittleEndian.Uint64(t[i+17:]))&intlHigh)>>3
		}
	} else {
		for j < len(t) && addrWordTab[t[j]] && j-i < 24 {
			j++
		}
	}
	if j-i >= 24 || j < len(t) && intlDigit(t[j]) {
		return i
	}
	return j
}

// addrWordTab[c] reports whether c may continue a word: an ASCII letter,
// an apostrophe or a hyphen.
var addrWordTab = func() (t [256]bool) {
	for c := range 256 {
		t[c] = intlLetter(byte(c)) || c == '\'' || c == '-'
	}
	return t
}()

// addrLocality returns the end of a locality (one to four words, the
// first capitalised) at t[p] when it ends at a comma, line break, full
// stop, postcode or end of text; otherwise p.
func addrLocality(t []byte, p int) int {
	k := p
	end := p
	for nw := 0; nw < 4; nw++ {
		j := addrWord(t, k)
		if j == k && nw > 0 {
			j = addrConnector(t, k)
		}
		if j == k {
			break
		}
		end = j
		if j >= len(t) || t[j] != ' ' {
			break
		}
		k = j + 1
	}
	if end == p {
		return p
	}
	switch {
	case end == len(t), t[end] == ',', t[end] == '\n', t[end] == '\r', t[end] == '.':
		return end
	case t[end] == ' ':
		if _, ok := addrPostcode(t, end+1); ok {
			return end
		}
	}
	return p
}

// addrConnector accepts the lower-case words inside place names.
func addrConnector(t []byte, i int) int {
	j := i
	for j < len(t) && 'a' <= t[j] && t[j] <= 'z' && j-i < 6 {
		j++
	}
	switch string(t[i:j]) {
	case "upon", "on", "the", "le", "in", "under", "by", "next", "sea", "super", "mare":
		return j
	}
	return i
}

// addrSuffix reports whether w is a street suffix word or abbreviation.
func addrSuffix(w []byte) bool {
	var b [12]byte
	if len(w) > len(b) {
		return false
	}
	for i, c := range w {
		b[i] = intlLower(c)
	}
	switch string(b[:len(w)]) {
	case "road", "rd", "street", "st", "avenue", "ave", "av", "lane", "ln", "close", "cl",
		"drive", "dr", "way", "crescent", "cres", "gardens", "gdns", "place", "pl",
		"court", "ct", "square", "sq", "terrace", "terr", "tce", "grove", "hill",
		"park", "row", "walk", "mews", "green", "rise", "view", "parade", "vale",
		"wharf", "yard", "boulevard", "circus", "embankment", "quay", "approach",
		"chase", "croft", "gate", "grange", "heights", "meadow", "meadows", "mount",
		"orchard", "passage", "path", "ridge", "villas", "wynd", "alley", "hollow",
		"end", "field", "fields", "brow", "bank", "side", "broadway":
		return true
	}
	return false
}

// addrPostcode parses a UK postcode at t[i] (upper case, optional single
// space before the inward code) as a whole token and returns its end.
func addrPostcode(t []byte, i int) (int, bool) {
	// The outward (or unspaced) code: at most 8 letters and digits, from
	// one word of text where there is one (no loop exit to mispredict).
	j := i
	if i+8 <= len(t) {
		j = i + bits.TrailingZeros64(^addrAlnumMask(binary.LittleEndian.Uint64(t[i:]))&intlHigh)>>3
	} else {
		for j < len(t) && intlAlnum(t[j]) && j-i < 8 {
			j++
		}
	}
	var out, in []byte
	e := j
	switch {
	case j < len(t) && t[j] == ' ':
		out = t[i:j]
		// The inward code: at most 4 letters and digits counted.
		k := j + 1
		if j+9 <= len(t) {
			k = j + 1 + min(4, bits.TrailingZeros64(^addrAlnumMask(binary.LittleEndian.Uint64(t[j+1:]))&intlHigh)>>3)
		} else {
			for k < len(t) && intlAlnum(t[k]) && k-j < 5 {
				k++
			}
		}
		in, e = t[j+1:k], k
	case j-i >= 5 && j-i <= 7:
		out, in = t[i:j-3], t[j-3:j]
	default:
		return 0, false
	}
	if len(in) != 3 || intlGluedAfter(t, e) && !(e < len(t) && (t[e] == '.' || t[e] == ',')) {
		return 0, false
	}
	if !intlDigit(in[0]) || !intlUpper(in[1]) || !intlUpper(in[2]) || ukLetterIn(in[1], ukPcInwardNot) || ukLetterIn(in[2], ukPcInwardNot) {
		return 0, false
	}
	if string(out) == "GIR" {
		return e, in[0] == '0' && in[1] == 'A' && in[2] == 'A'
	}
	if len(out) < 2 || len(out) > 4 || !intlUpper(out[0]) || ukLetterIn(out[0], ukPcFirstNot) {
		return 0, false
	}
	var shape [4]byte
	for k, c := range out {
		switch {
		case intlUpper(c):
			shape[k] = 'A'
		case intlDigit(c):
			shape[k] = '9'
		}
	}
	switch string(shape[:len(out)]) {
	case "A9", "A99":
	case "AA9", "AA99":
		if ukLetterIn(out[1], ukPcSecondNot) {
			return 0, false
		}
	case "A9A":
		if !ukLetterIn(out[2], ukPcThirdA9A) {
			return 0, false
		}
	case "AA9A":
		if ukLetterIn(out[1], ukPcSecondNot) || !ukLetterIn(out[3], ukPcFourthAA9A) {
			return 0, false
		}
	default:
		return 0, false
	}
	return e, true
}
