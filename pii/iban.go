package pii

import (
	"encoding/binary"
	"strings"

	"github.com/tidemark/tidemark/detect"
)

// KindIBAN is the Kind of IBAN findings.
const KindIBAN detect.Kind = "iban"

// NewIBAN returns a detector for International Bank Account Numbers.
//
// Matches: an ISO 3166 country code in capitals, two check digits and the
// country's BBAN in capitals and digits, written compact
// ("GB82WEST12345698765432") or in groups of four separated by single
// spaces ("GB82 WEST 1234 5698 7654 32"), as a whole token.
//
// Validation: the country must be in the SWIFT IBAN registry and the
// length must be the registered one; the BBAN must fit the registered
// structure (for example GB: 4 letters of bank code, 6 digits of sort code
// and 8 of account number); check digits 02-98 and the ISO 7064 mod-97
// check.
//
// Triggers: ASCII digits (the check digits).
//
// Run filter: the check-digit run only (two or more digits after a
// capital), the one Detect starts an IBAN from.
//
// Score: 80. Cues: +15 near "iban", "bank", "account", "acct", "transfer",
// "bic", "swift"; −20 near "ref", "reference".
//
// Known false positives: very few; a random string with a valid country
// prefix and length passes mod-97 about one time in 97, and the BBAN
// structure check removes most of those. Known false negatives: IBANs in
// lower case, split over lines or grouped other than in fours, and
// countries registered after this table (2025 registry).
//
// Info: the country code's two letters, first in bits 8-15 and second
// in bits 0-7.
func NewIBAN() detect.Detector { return iban{} }

type iban struct{}

var _ detect.Detector = iban{}

const (
	ibanMaxLen = 42 // 34 characters and 8 spaces
	ibanRadius = 32
)

func (iban) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/iban", Kind: KindIBAN, MaxLen: ibanMaxLen,
		Description: "IBANs (registry length and BBAN structure, mod-97 check)",
		Triggers:    detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: ibanRadius, Words: []detect.Cue{
			{Word: "iban", Delta: 15}, {Word: "bank", Delta: 15}, {Word: "account", Delta: 15},
			{Word: "acct", Delta: 15}, {Word: "transfer", Delta: 15}, {Word: "bic", Delta: 15},
			{Word: "swift", Delta: 15},
			{Word: "ref", Delta: -20}, {Word: "reference", Delta: -20},
		}},
	}
}

// ibanRegistry is the SWIFT IBAN registry: country, IBAN length and BBAN
// structure in the registry's notation without '!' (n digits, a capital
// letters, c capitals or digits). Source: SWIFT "IBAN Registry"
// (release 99, 2025), https://www.swift.com/standards/data-standards/iban.
const ibanRegistry = `AD 24 4n4n12c
AE 23 3n16n
AL 28 8n16c
AT 20 5n11n
AZ 28 4a20c
BA 20 3n3n8n2n
BE 16 3n7n2n
BG 22 4a4n2n8c
BH 22 4a14c
BI 27 5n5n11n2n
BR 29 8n5n10n1a1c
BY 28 4c4n16c
CH 21 5n12c
CR 22 4n14n
CY 28 3n5n16c
CZ 24 4n6n10n
DE 22 8n10n
DJ 27 5n5n11n2n
DK 18 4n9n1n
DO 28 4c20n
EE 20 2n2n11n1n
EG 29 4n4n17n
ES 24 4n4n1n1n10n
FI 18 3n11n
FK 18 2a12n
FO 18 4n9n1n
FR 27 5n5n11c2n
GB 22 4a6n8n
GE 22 2a16n
GI 23 4a15c
GL 18 4n9n1n
GR 27 3n4n16c
GT 28 4c20c
HR 21 7n10n
HU 28 3n4n1n15n1n
IE 22 4a6n8n
IL 23 3n3n13n
IQ 23 4a3n12n
IS 26 4n2n6n10n
IT 27 1a5n5n12c
JO 30 4a4n18c
KW 30 4a22c
KZ 20 3n13c
LB 28 4n20c
LC 32 4a24c
LI 21 5n12c
LT 20 5n11n
LU 20 3n13c
LV 21 4a13c
LY 25 3n3n15n
MC 27 5n5n11c2n
MD 24 2c18c
ME 22 3n13n2n
MK 19 3n10c2n
MN 20 4n12n
MR 27 5n5n11n2n
MT 31 4a5n18c
MU 30 4a2n2n12n3n3a
NI 28 4a20n
NL 18 4a10n
NO 15 4n6n1n
OM 23 3n16c
PK 24 4a16c
PL 28 8n16n
PS 29 4a21c
PT 25 4n4n11n2n
QA 29 4a21c
RO 24 4a16c
RS 22 3n13n2n
RU 33 9n5n15c
SA 24 2n18c
SC 31 4a2n2n16n3a
SD 18 2n12n
SE 24 3n16n1n
SI 19 5n8n2n
SK 24 4n6n10n
SM 27 1a5n5n12c
SO 23 4n3n12n
ST 25 4n4n11n2n
SV 28 4a20n
TL 23 3n14n2n
TN 24 2n3n13n2n
TR 26 5n1n16c
UA 29 6n19c
VA 22 3n15n
VG 24 4a16n
XK 20 4n10n2n
YE 30 4a4n18c
`

// ibanCountry is one registry entry: IBAN length and the BBAN's character
// class per position ('n', 'a' or 'c'), and as bit sets of IBAN positions
// (bit i for character i) the ones that must be digits (the check digits
// and the BBAN's 'n') and capitals (its 'a').
type ibanCountry struct {
	n               int
	bban            string
	digits, capital uint64
}

// ibanTab maps the country code (26*(c0-'A')+(c1-'A')) to its entry.
var ibanTab = func() (t [26 * 26]ibanCountry) {
	for _, line := range strings.Split(strings.TrimSpace(ibanRegistry), "\n") {
		f := strings.Fields(line)
		n := 0
		for _, c := range f[1] {
			n = n*10 + int(c-'0')
		}
		var b strings.Builder
		k := 0
		for _, c := range f[2] {
			if c >= '0' && c <= '9' {
				k = k*10 + int(c-'0')
				continue
			}
			b.WriteString(strings.Repeat(string(c), k))
			k = 0
		}
		c := ibanCountry{n: n, bban: b.String(), digits: 1<<2 | 1<<3}
		for i := range len(c.bban) {
			switch c.bban[i] {
			case 'n':
				c.digits |= 1 << (4 + i)
			case 'a':
				c.capital |= 1 << (4 + i)
			}
		}
		t[int(f[0][0]-'A')*26+int(f[0][1]-'A')] = c
	}
	return t
}()

// ibanTable returns the registry table.
func ibanTable() *[26 * 26]ibanCountry { return &ibanTab }

// ibanLen maps the country code (as ibanTab) to its IBAN length, 0 for
// none: 676 bytes that stay in the cache. Half the lookups are of letter
// pairs that are no country (a postcode's "SW19", a registration's
// "AB12"); spread over ibanTab's 27 KiB, each was a cache miss.
var ibanLen = func() (l [26 * 26]uint8) {
	for i := range ibanTab {
		l[i] = uint8(ibanTab[i].n)
	}
	return l
}()

// ibanLookup returns the registry entry of country code ab (capitals),
// or nil.
func ibanLookup(a, b byte) *ibanCountry {
	k := int(a-'A')*26 + int(b-'A')
	if k >= len(ibanLen) || ibanLen[k] == 0 {
		return nil
	}
	return &ibanTab[k]
}

func (iban) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next || h < 2 || h+1 >= len(t) {
			continue
		}
		s := h - 2
		if !intlUpper(t[s]) || !intlUpper(t[s+1]) || !intlDigit(t[h+1]) || intlGluedBefore(t, s) {
			continue
		}
		var buf [34]byte
		e, n, ok := ibanRead(t, s, &buf)
		if !ok || intlEdge(w, s, e, 2) {
			continue
		}
		next = e
		if !ibanValid(buf[:n]) {
			continue
		}
		dst = append(dst, detect.Finding{
			Start: w.Base + int64(s), End: w.Base + int64(e), Score: 80,
			Info: uint32(t[s])<<8 | uint32(t[s+1]),
		})
	}
	return dst, nil
}

// ibanRead reads the IBAN starting at t[s] into buf, compact or in
// space-separated groups of four, with the registry length of its country.
// Each group of four is checked and copied at once.
func ibanRead(t []byte, s int, buf *[34]byte) (e, n int, ok bool) {
	// The registry length only (ibanLen): ibanValid looks up the rest.
	k := int(t[s]-'A')*26 + int(t[s+1]-'A')
	if k >= len(ibanLen) || ibanLen[k] == 0 {
		return 0, 0, false
	}
	cn := int(ibanLen[k])
	spaced := s+4 < len(t) && t[s+4] == ' '
	i := s
	for n < cn {
		if spaced && n > 0 {
			if i >= len(t) || t[i] != ' ' {
				return 0, 0, false
			}
			i++
		}
		if cn-n >= 4 && i+4 <= len(t) {
			x := binary.LittleEndian.Uint32(t[i:])
			if ibanCapDigit(uint64(x))&0x80808080 != 0x80808080 {
				return 0, 0, false
			}
			binary.LittleEndian.PutUint32(buf[n:], x)
			n += 4
			i += 4
			continue
		}
		for end := min(n+4, cn); n < end; n++ {
			if i >= len(t) || !(intlUpper(t[i]) || intlDigit(t[i])) {
				return 0, 0, false
			}
			buf[n] = t[i]
			i++
		}
	}
	if intlGluedAfter(t, i) || spaced && i+1 < len(t) && t[i] == ' ' && intlDigit(t[i+1]) {
		return 0, 0, false
	}
	return i, n, true
}

// ibanCapDigit returns the bytes of x that are capitals or digits as
// 0x80, the others as 0 (exact: no carry crosses a byte).
func ibanCapDigit(x uint64) uint64 {
	const (
		low7 = 0x7f7f7f7f7f7f7f7f
		ones = 0x0101010101010101
	)
	a := x & low7
	upper := (a + (0x80-'A')*ones) &^ (a + (0x80-'Z'-1)*ones)
	return (upper | intlDigitMask(x)) &^ x & intlHigh
}

// ibanBits packs the high bits of the eight bytes of m (0x80 or 0 each)
// into bits 0..7, byte i to bit i.
func ibanBits(m uint64) uint64 { return (m >> 7) * 0x0102040810204080 >> 56 }

// ibanValid checks the BBAN structure, the check digits' range and the
// mod-97 checksum of a compact IBAN of registry length.
func ibanValid(b []byte) bool {
	c := ibanLookup(b[0], b[1])
	if c == nil || len(b) != c.n || !intlDigit(b[2]) || !intlDigit(b[3]) {
		return false
	}
	if ck := int(b[2]-'0')*10 + int(b[3]-'0'); ck < 2 || ck > 98 {
		return false
	}
	// The BBAN structure: the digits and capitals of b as bit sets, eight
	// characters at a time (the last eight overlap the ones before: a
	// registry length is 15 or more).
	var digits, capital uint64
	for i := 0; i < len(b); i += 8 {
		i = min(i, len(b)-8)
		x := binary.LittleEndian.Uint64(b[i:])
		d := intlDigitMask(x)
		digits |= ibanBits(d) << i
		capital |= ibanBits(ibanCapDigit(x)&^d) << i
	}
	if c.digits&^digits != 0 || c.capital&^capital != 0 {
		return false
	}
	return ibanMod97(b) == 1
}

// ibanMod97 computes the ISO 7064 MOD 97-10 remainder of an IBAN: the
// first four characters moved to the end, letters as 10..35.
func ibanMod97(b []byte) int {
	if len(b) < 4 {
		r := 0
		for i := range b {
			r = ibanMod97Step(r, b[(i+4)%len(b)]) % 97
		}
		return r
	}
	// The remainder is taken only when r grows large: the same value
	// mod 97, with far fewer divisions.
	r := 0
	for _, x := range b[4:] {
		if r = r*int(ibanMul[x]) + int(ibanVal[x]); r >= 1<<56 {
			r %= 97
		}
	}
	for _, x := range b[:4] {
		if r = r*int(ibanMul[x]) + int(ibanVal[x]); r >= 1<<56 {
			r %= 97
		}
	}
	return r % 97
}

// ibanMul and ibanVal are ibanMod97Step as a table lookup without a
// branch: ibanMod97Step(r, x) is r*ibanMul[x] + ibanVal[x].
var ibanMul, ibanVal = func() (m [256]uint8, v [256]uint16) {
	for x := range 256 {
		if intlDigit(byte(x)) {
			m[x], v[x] = 10, uint16(x-'0')
		} else {
			m[x], v[x] = 100, uint16(byte(x)-'A')+10
		}
	}
	return m, v
}()

// ibanMod97Step appends the IBAN character x (a digit, or a letter as
// 10..35) to the decimal number r.
func ibanMod97Step(r int, x byte) int {
	if intlDigit(x) {
		return r*10 + int(x-'0')
	}
	return r*100 + int(x-'A') + 10
}
