package corpus

import (
	"math/rand/v2"
	"strconv"
)

// Value generators. Every value is synthetic: reserved ranges where they
// exist (Ofcom drama numbers, RFC 2606 domains, RFC 5737/3849
// documentation addresses) and otherwise values of valid form made from
// the seeded generator. Each valid* function has an invalid* twin that
// produces a near-miss of the same shape failing validation.

func digit(r *rand.Rand) byte { return byte('0' + r.IntN(10)) }

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// nhsCheck returns the NHS mod-11 check digit of the nine digits d, or 10
// when the number cannot be issued.
func nhsCheck(d []byte) int {
	s := 0
	for i := 0; i < 9; i++ {
		s += int(d[i]-'0') * (10 - i)
	}
	c := 11 - s%11
	if c == 11 {
		c = 0
	}
	return c
}

// nhsDigits returns ten digits with a valid (valid=true) or wrong check
// digit. Numbers whose digits are all equal are avoided.
func nhsDigits(r *rand.Rand, valid bool) []byte {
	for {
		d := make([]byte, 10)
		d[0] = byte('4' + r.IntN(6)) // 4xx..9xx, as issued in England and Wales
		for i := 1; i < 9; i++ {
			d[i] = digit(r)
		}
		c := nhsCheck(d)
		if c == 10 {
			continue
		}
		if valid {
			d[9] = byte('0' + c)
		} else {
			d[9] = byte('0' + (c+1+r.IntN(8))%10)
		}
		return d
	}
}

func fmtNHS(r *rand.Rand, d []byte) string {
	switch r.IntN(4) {
	case 0:
		return string(d)
	case 1:
		return string(d[:3]) + "-" + string(d[3:6]) + "-" + string(d[6:])
	default:
		return string(d[:3]) + " " + string(d[3:6]) + " " + string(d[6:])
	}
}

func validNHS(r *rand.Rand) string   { return fmtNHS(r, nhsDigits(r, true)) }
func invalidNHS(r *rand.Rand) string { return fmtNHS(r, nhsDigits(r, false)) }

// NINO prefix rules (HMRC): first letter not D F I Q U V; second not
// D F I O Q U V; prefixes BG GB KN NK NT TN ZZ not allocated.
const (
	ninoFirst  = "ABCEGHJKLMNOPRSTWXYZ"
	ninoSecond = "ABCEGHJKLMNPRSTWXYZ"
)

var ninoBad = []string{"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}

func validNINOPrefix(p string) bool {
	for _, b := range ninoBad {
		if p == b {
			return false
		}
	}
	return true
}

func fmtNINO(r *rand.Rand, p string) string {
	d := make([]byte, 6)
	for i := range d {
		d[i] = digit(r)
	}
	s := string("ABCD"[r.IntN(4)])
	if r.IntN(3) == 0 {
		return p + string(d) + s
	}
	return p + " " + string(d[:2]) + " " + string(d[2:4]) + " " + string(d[4:]) + " " + s
}

func validNINO(r *rand.Rand) string {
	for {
		p := string([]byte{ninoFirst[r.IntN(len(ninoFirst))], ninoSecond[r.IntN(len(ninoSecond))]})
		if validNINOPrefix(p) {
			return fmtNINO(r, p)
		}
	}
}

func invalidNINO(r *rand.Rand) string {
	return fmtNINO(r, pick(r, []string{"QQ", "BG", "GB", "NK", "TN", "ZZ", "DA", "FI", "UV"}))
}

// Postcodes: real postcode areas with valid inward codes (the inward unit
// letters exclude C I K M O V).
var postcodeOutward = []string{
	"SW1A", "EC1A", "W1A", "M1", "B33", "CR2", "DN55", "EH1", "LS1", "CF10",
	"BT1", "G2", "L1", "NE1", "BS1", "OX1", "CB2", "NW1", "SE1", "E14",
	"N1", "WC2N", "BN1", "S1", "NG1", "LE1", "PL1", "EX4", "AB10", "IV1",
	"SA1", "LL57", "YO1", "HU1", "CV1", "M60", "RG1", "GU1", "TN1", "KT1",
}

const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

func postcode(r *rand.Rand) string {
	in := []byte{digit(r), inwardLetters[r.IntN(len(inwardLetters))], inwardLetters[r.IntN(len(inwardLetters))]}
	sep := " "
	if r.IntN(8) == 0 {
		sep = ""
	}
	return pick(r, postcodeOutward) + sep + string(in)
}

// Phones: Ofcom numbers reserved for TV and radio drama.
func phone(r *rand.Rand) string {
	x := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = digit(r)
		}
		return string(b)
	}
	switch r.IntN(10) {
	case 0, 1, 2:
		return "07700 900" + x(3)
	case 3:
		return "07700900" + x(3)
	case 4:
		return "+44 7700 900" + x(3)
	case 5, 6:
		return "020 7946 0" + x(3)
	case 7:
		return "+44 (0)20 7946 0" + x(3)
	case 8:
		return pick(r, []string{"0113", "0114", "0115", "0116", "0117", "0118", "0121", "0131", "0141", "0151", "0161"}) + " 496 0" + x(3)
	default:
		return "029 2018 0" + x(3)
	}
}

// Sort codes and account numbers.
func sortCode(r *rand.Rand) string {
	b := []byte{digit(r), digit(r), '-', digit(r), digit(r), '-', digit(r), digit(r)}
	b[0] = byte('1' + r.IntN(9))
	if r.IntN(4) == 0 {
		b[2], b[5] = ' ', ' '
	}
	return string(b)
}

func accountNumber(r *rand.Rand) string {
	b := make([]byte, 8)
	for i := range b {
		b[i] = digit(r)
	}
	return string(b)
}

// IBANs: GB, mod-97 per ISO 13616.
var ibanBanks = []string{"NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"}

func ibanCheck(country, bban string) int {
	s := bban + country + "00"
	m := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			v := int(c-'A') + 10
			m = (m*100 + v) % 97
		} else {
			m = (m*10 + int(c-'0')) % 97
		}
	}
	return 98 - m
}

func fmtIBAN(r *rand.Rand, valid bool) string {
	bban := pick(r, ibanBanks)
	for range 14 {
		bban += string(digit(r))
	}
	c := ibanCheck("GB", bban)
	if !valid {
		c = (c+1+r.IntN(90))%97 + 2
		if c == ibanCheck("GB", bban) {
			c = c%97 + 2
		}
	}
	cc := strconv.Itoa(c)
	if len(cc) == 1 {
		cc = "0" + cc
	}
	s := "GB" + cc + bban
	if r.IntN(3) == 0 {
		return s
	}
	out := make([]byte, 0, 27)
	for i := 0; i < len(s); i++ {
		if i > 0 && i%4 == 0 {
			out = append(out, ' ')
		}
		out = append(out, s[i])
	}
	return string(out)
}

func validIBAN(r *rand.Rand) string   { return fmtIBAN(r, true) }
func invalidIBAN(r *rand.Rand) string { return fmtIBAN(r, false) }

// Cards: Luhn over issuer test-style prefixes.
func luhnOK(d []byte) bool {
	s, alt := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if alt {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		s += v
		alt = !alt
	}
	return s%10 == 0
}

func cardDigits(r *rand.Rand, valid bool) []byte {
	var d []byte
	switch r.IntN(4) {
	case 0, 1:
		d = []byte("4000")
	case 2:
		d = []byte("5555")
	default:
		d = []byte("37") // Amex, 15 digits
	}
	n := 16
	if d[0] == '3' {
		n = 15
	}
	for len(d) < n-1 {
		d = append(d, digit(r))
	}
	d = append(d, '0')
	for c := byte('0'); c <= '9'; c++ {
		d[n-1] = c
		if luhnOK(d) {
			break
		}
	}
	if !valid {
		d[n-1] = byte('0' + (int(d[n-1]-'0')+1+r.IntN(9))%10)
	}
	return d
}

func fmtCard(r *rand.Rand, d []byte) string {
	sep := pick(r, []string{" ", " ", "-", ""})
	if len(d) == 15 {
		return string(d[:4]) + sep + string(d[4:10]) + sep + string(d[10:])
	}
	return string(d[:4]) + sep + string(d[4:8]) + sep + string(d[8:12]) + sep + string(d[12:])
}

func validCard(r *rand.Rand) string   { return fmtCard(r, cardDigits(r, true)) }
func invalidCard(r *rand.Rand) string { return fmtCard(r, cardDigits(r, false)) }

// IPs: documentation ranges only.
func ipAddr(r *rand.Rand) string {
	switch r.IntN(5) {
	case 0:
		return "198.51.100." + strconv.Itoa(1+r.IntN(254))
	case 1:
		return "203.0.113." + strconv.Itoa(1+r.IntN(254))
	case 2:
		return "2001:db8::" + strconv.FormatInt(int64(1+r.IntN(0xfffe)), 16)
	default:
		return "192.0.2." + strconv.Itoa(1+r.IntN(254))
	}
}

func versionString(r *rand.Rand) string {
	return strconv.Itoa(1+r.IntN(12)) + "." + strconv.Itoa(r.IntN(30)) + "." + strconv.Itoa(r.IntN(9)) + "." + strconv.Itoa(r.IntN(5000))
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func ordinal(d int) string {
	switch {
	case d == 1 || d == 21 || d == 31:
		return strconv.Itoa(d) + "st"
	case d == 2 || d == 22:
		return strconv.Itoa(d) + "nd"
	case d == 3 || d == 23:
		return strconv.Itoa(d) + "rd"
	}
	return strconv.Itoa(d) + "th"
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// date returns a date in one of the formats people type, in the given
// year range.
func date(r *rand.Rand, y0, y1 int) string {
	y := y0 + r.IntN(y1-y0+1)
	m := 1 + r.IntN(12)
	d := 1 + r.IntN(28)
	switch r.IntN(5) {
	case 0:
		return two(d) + "/" + two(m) + "/" + strconv.Itoa(y)
	case 1:
		return ordinal(d) + " " + months[m-1] + " " + strconv.Itoa(y)
	case 2:
		return strconv.Itoa(d) + " " + months[m-1][:3] + " " + strconv.Itoa(y)
	case 3:
		return strconv.Itoa(y) + "-" + two(m) + "-" + two(d)
	default:
		return strconv.Itoa(d) + " " + months[m-1] + " " + strconv.Itoa(y)
	}
}

// passport returns nine digits, the form of UK passport numbers.
func passport(r *rand.Rand) string {
	b := make([]byte, 9)
	for i := range b {
		b[i] = digit(r)
	}
	b[0] = byte('1' + r.IntN(6))
	return string(b)
}

// vehicleReg returns a current-style (2001) registration: memory tag
// (a DVLA region letter, then a letter other than I Q Z), age identifier
// (March "21" or September "71" style), and three random letters (not I
// or Q).
func vehicleReg(r *rand.Rand) string {
	const first, second, rand3 = "ABCDEFGHKLMNOPRSVWY", "ABCDEFGHJKLMNOPRSTUVWXY", "ABCDEFGHJKLMNOPRSTUVWXYZ"
	age := 2 + r.IntN(23)
	if r.IntN(2) == 0 {
		age += 50
	}
	b := []byte{first[r.IntN(len(first))], second[r.IntN(len(second))], byte('0' + age/10), byte('0' + age%10), ' ',
		rand3[r.IntN(len(rand3))], rand3[r.IntN(len(rand3))], rand3[r.IntN(len(rand3))]}
	return string(b)
}
