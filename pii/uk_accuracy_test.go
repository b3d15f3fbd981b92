package pii

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// The -update flag rewrites testdata/uk/ACCURACY.md. Another test file of
// the package may already have registered it.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden and accuracy files")
	}
	return true
}()

func ukUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// ukAccuracySet is one detector's generated and published vectors.
type ukAccuracySet struct {
	id        string
	ctx       string // sentence with %s for the value
	valid     []string
	invalid   []string
	published int    // how many of valid are published examples
	how       string // how the invalid vectors were made
	minReject float64
	// For check-digit schemes that cannot see every error: all the
	// mutations made, and the published rule (invalid holds those it
	// rejects).
	mutations []string
	refValid  func(string) bool
}

const ukAccN = 4000 // generated valid vectors per detector

func ukDigitString(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return b
}

// ukMutateDigits returns a copy of v with one digit replaced by another
// (even calls) or two adjacent different digits swapped (odd calls),
// keeping separators. It returns "" when no mutation applies.
func ukMutateDigits(r *rand.Rand, v string, k int, lo int) string {
	b := []byte(v)
	var pos []int
	for i := lo; i < len(b); i++ {
		if ukIsDigit(b[i]) {
			pos = append(pos, i)
		}
	}
	if len(pos) < 2 {
		return ""
	}
	if k%2 == 0 {
		p := pos[r.IntN(len(pos))]
		b[p] = byte('0' + (int(b[p]-'0')+1+r.IntN(9))%10)
		return string(b)
	}
	for try := 0; try < 20; try++ {
		j := r.IntN(len(pos) - 1)
		p, q := pos[j], pos[j+1]
		if b[p] != b[q] {
			b[p], b[q] = b[q], b[p]
			return string(b)
		}
	}
	return ""
}

func ukFormat10(r *rand.Rand, d []byte, six4 bool) string {
	s := string(d)
	switch r.IntN(3) {
	case 0:
		return s
	case 1:
		if six4 && r.IntN(2) == 0 {
			return s[:6] + " " + s[6:]
		}
		return s[:3] + " " + s[3:6] + " " + s[6:]
	}
	return s[:3] + "-" + s[3:6] + "-" + s[6:]
}

func ukMod11Vectors(r *rand.Rand, prefix func() int, six4 bool) []string {
	var out []string
	for len(out) < ukAccN {
		d := ukDigitString(r, 10)
		p := prefix()
		if p >= 0 {
			d[0], d[1], d[2] = byte('0'+p/100), byte('0'+p/10%10), byte('0'+p%10)
		}
		var v [10]byte
		for i := range v {
			v[i] = d[i] - '0'
		}
		c := ukMod11(v[:9])
		if c == 10 || ukAllSame(v[:]) {
			continue
		}
		d[9] = byte('0' + c)
		out = append(out, ukFormat10(r, d, six4))
	}
	return out
}

func ukMutations(r *rand.Rand, valid []string, lo int) []string {
	var out []string
	for k, v := range valid {
		if m := ukMutateDigits(r, v, k, lo); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// ukKeep returns the vectors for which valid returns want.
func ukKeep(vs []string, valid func(string) bool, want bool) []string {
	var out []string
	for _, v := range vs {
		if valid(v) == want {
			out = append(out, v)
		}
	}
	return out
}

// ukRefDigits returns the digits of s.
func ukRefDigits(s string) []int {
	var d []int
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, int(s[i]-'0'))
		}
	}
	return d
}

// ukUTRRefValid is HMRC's published UTR check (README.md), written out
// here independently of the detector: the first of the ten digits is
// "21987654321"[sum of digits 2-10 times 6,7,8,9,10,5,4,3,2, mod 11].
func ukUTRRefValid(s string) bool {
	d := ukRefDigits(s)
	if len(d) != 10 {
		return false
	}
	w := [9]int{6, 7, 8, 9, 10, 5, 4, 3, 2}
	sum := 0
	for i, x := range w {
		sum += d[i+1] * x
	}
	return int("21987654321"[sum%11]-'0') == d[0]
}

// ukVATRefValid is the published VAT number check (README.md), written
// out independently of the detector: the first seven digits weighted
// 8..2 plus the two check digits is 0 mod 97, or (numbers from 100 on,
// the "9755" scheme) 0 mod 97 after adding 55. A branch suffix is not
// checked.
func ukVATRefValid(s string) bool {
	d := ukRefDigits(s)
	if len(d) == 12 {
		d = d[:9]
	}
	if len(d) != 9 {
		return false
	}
	sum := 10*d[7] + d[8]
	for i := 0; i < 7; i++ {
		sum += d[i] * (8 - i)
	}
	return sum%97 == 0 || d[0]*100+d[1]*10+d[2] >= 100 && (sum+55)%97 == 0
}

func ukAccuracySets() []ukAccuracySet {
	r := rand.New(rand.NewPCG(2026, 11))
	var sets []ukAccuracySet
	const mut = "one digit replaced, or two adjacent digits swapped"

	// NHS: issued ranges 400-499 and 600-799.
	nhs := ukMod11Vectors(r, func() int {
		if r.IntN(2) == 0 {
			return 400 + r.IntN(100)
		}
		return 600 + r.IntN(200)
	}, false)
	pub := []string{"943 476 5919", "943-476-5870", "4582701086"}
	sets = append(sets, ukAccuracySet{id: "pii/uk-nhs", ctx: "NHS number: %s.", valid: append(pub, nhs...),
		invalid: ukMutations(r, nhs, 0), published: len(pub), how: mut, minReject: 0.99})

	// CHI: a valid date of birth, then four digits.
	var chi []string
	for len(chi) < ukAccN {
		m := 1 + r.IntN(12)
		yy := r.IntN(100)
		day := 1 + r.IntN(ukMonthDays(m, yy))
		d := []byte(fmt.Sprintf("%02d%02d%02d%03d0", day, m, yy, r.IntN(1000)))
		var v [10]byte
		for i := range v {
			v[i] = d[i] - '0'
		}
		c := ukMod11(v[:9])
		if c == 10 || ukAllSame(v[:]) {
			continue
		}
		d[9] = byte('0' + c)
		chi = append(chi, ukFormat10(r, d, true))
	}
	sets = append(sets, ukAccuracySet{id: "pii/uk-chi", ctx: "CHI number: %s.", valid: chi,
		invalid: ukMutations(r, chi, 0), how: mut, minReject: 0.99})

	// H&C: 320 000 001 - 399 999 999.
	hc := ukMod11Vectors(r, func() int { return 320 + r.IntN(80) }, false)
	sets = append(sets, ukAccuracySet{id: "pii/uk-hc", ctx: "H&C number: %s.", valid: hc,
		invalid: ukMutations(r, hc, 0), how: mut, minReject: 0.99})

	// UTR.
	utr := []string{"2234567890", "1097172564", "2108834503", "2234567890K", "K1097172564"}
	npub := len(utr)
	var utrGen []string
	for len(utrGen) < ukAccN {
		d := ukDigitString(r, 10)
		var v [10]byte
		for i := range v {
			v[i] = d[i] - '0'
		}
		const weights = "\x06\x07\x08\x09\x0a\x05\x04\x03\x02"
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(v[i+1]) * int(weights[i])
		}
		d[0] = "21987654321"[sum%11]
		v[0] = d[0] - '0'
		if ukAllSame(v[:]) {
			continue
		}
		s := string(d)
		switch r.IntN(4) {
		case 1:
			s = s[:5] + " " + s[5:]
		case 2:
			s += "K"
		}
		utrGen = append(utrGen, s)
	}
	utrMut := ukMutations(r, utrGen, 0)
	sets = append(sets, ukAccuracySet{id: "pii/uk-utr", ctx: "UTR: %s.", valid: append(utr, utrGen...),
		invalid: ukKeep(utrMut, ukUTRRefValid, false), published: npub,
		how:       mut + ", kept when HMRC's published check rejects it (see the next table for the others)",
		minReject: 0.99, mutations: utrMut, refValid: ukUTRRefValid})

	// VAT.
	vat := []string{"GB 980 7806 84", "GB101747696", "GB101747641", "GB000000097"}
	npub = len(vat)
	var vatGen []string
	for len(vatGen) < ukAccN {
		d := ukDigitString(r, 7)
		sum := 0
		for i := 0; i < 7; i++ {
			sum += int(d[i]-'0') * (8 - i)
		}
		p := int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0')
		c := (97 - sum%97) % 97
		if p >= 100 && r.IntN(2) == 0 {
			c = (97 - (sum+55)%97) % 97
		}
		n := string(d) + fmt.Sprintf("%02d", c)
		switch r.IntN(4) {
		case 0:
			n = "GB" + n
		case 1:
			n = "GB " + n[:3] + " " + n[3:7] + " " + n[7:]
		case 2:
			n = "GB" + n + fmt.Sprintf("%03d", r.IntN(1000))
		default:
			n = "XI" + n
		}
		vatGen = append(vatGen, n)
	}
	var vatBad []string
	for k, v := range vatGen {
		// Mutate only the nine VAT digits, not a branch suffix.
		end := len(v)
		if strings.HasPrefix(v, "GB") && len(v) == 14 {
			end = 11
		}
		if m := ukMutateDigits(r, v[:end], k, 0); m != "" {
			vatBad = append(vatBad, m+v[end:])
		}
	}
	sets = append(sets, ukAccuracySet{id: "pii/uk-vat", ctx: "VAT registration %s.", valid: append(vat, vatGen...),
		invalid: ukKeep(vatBad, ukVATRefValid, false), published: npub,
		how:       mut + " (in the nine checked digits), kept when the published check rejects it",
		minReject: 0.99, mutations: vatBad, refValid: ukVATRefValid})

	// NINO.
	okFirst, okSecond := "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
	var nino, ninoBad []string
	for len(nino) < ukAccN {
		a, b := okFirst[r.IntN(len(okFirst))], okSecond[r.IntN(len(okSecond))]
		if ok, admin := ukNINOPrefix(a, b); !ok || admin {
			continue
		}
		d := string(ukDigitString(r, 6))
		suf := "ABCD"[r.IntN(4)]
		v := fmt.Sprintf("%c%c%s%c", a, b, d, suf)
		if r.IntN(2) == 0 {
			v = fmt.Sprintf("%c%c %s %s %s %c", a, b, d[:2], d[2:4], d[4:], suf)
		}
		nino = append(nino, v)
		bad := []byte(v)
		switch r.IntN(4) {
		case 0:
			bad[0] = "DFIQUV"[r.IntN(6)]
		case 1:
			bad[1] = "DFIOQUV"[r.IntN(7)]
		case 2:
			p := []string{"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}[r.IntN(7)]
			bad[0], bad[1] = p[0], p[1]
		default:
			bad[len(bad)-1] = "EFGHJKLMNPRSTWXYZ"[r.IntN(17)]
		}
		ninoBad = append(ninoBad, string(bad))
	}
	pubNINO := []string{"JG103759A", "HN 12 34 56 A"}
	sets = append(sets, ukAccuracySet{id: "pii/uk-nino", ctx: "NI number %s on file.", valid: append(pubNINO, nino...),
		invalid: ninoBad, published: len(pubNINO),
		how: "a prefix letter replaced by one HMRC never uses in that place, a banned prefix (BG GB KN NK NT TN ZZ), or a suffix outside A-D", minReject: 0.99})

	// Postcodes.
	areas := strings.Fields(ukPostcodeAreas)
	inward := "ABDEFGHJLNPQRSTUWXYZ"
	var pc, pcBad []string
	for len(pc) < ukAccN {
		a := areas[r.IntN(len(areas))]
		out := a + fmt.Sprint(1+r.IntN(9))
		switch r.IntN(4) {
		case 0:
			out += fmt.Sprint(r.IntN(10))
		case 1:
			if len(a) == 1 {
				out += string("ABCDEFGHJKPSTUW"[r.IntN(15)])
			} else {
				out += string("ABEHMNPRVWXY"[r.IntN(12)])
			}
		}
		in := fmt.Sprintf("%d%c%c", r.IntN(10), inward[r.IntN(len(inward))], inward[r.IntN(len(inward))])
		v := out + " " + in
		if r.IntN(4) == 0 {
			v = out + in
		}
		pc = append(pc, v)
		bad := []byte(v)
		n := len(bad)
		switch r.IntN(3) {
		case 0:
			bad[n-1-r.IntN(2)] = "CIKMOV"[r.IntN(6)]
		case 1:
			bad[0] = "QVX"[r.IntN(3)]
		default:
			if ukIsLetter(bad[1]) {
				bad[1] = "IJZ"[r.IntN(3)]
			} else {
				bad[n-1] = "CIKMOV"[r.IntN(6)]
			}
		}
		pcBad = append(pcBad, string(bad))
	}
	pubPC := []string{"SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"}
	sets = append(sets, ukAccuracySet{id: "pii/uk-postcode", ctx: "Postcode: %s.", valid: append(pubPC, pc...),
		invalid: pcBad, published: len(pubPC),
		how: "an inward letter replaced by C, I, K, M, O or V; the first letter by Q, V or X; or the second by I, J or Z", minReject: 0.99})

	// Driving licences.
	var dl, dlBad []string
	for len(dl) < ukAccN {
		n := 2 + r.IntN(4)
		sur := make([]byte, 5)
		for i := range sur {
			if i < n {
				sur[i] = byte('A' + r.IntN(26))
			} else {
				sur[i] = '9'
			}
		}
		m := 1 + r.IntN(12)
		yy := r.IntN(100)
		day := 1 + r.IntN(ukMonthDays(m, yy))
		mm := m
		if r.IntN(2) == 0 {
			mm += 50
		}
		ini2 := byte('A' + r.IntN(26))
		if r.IntN(3) == 0 {
			ini2 = '9'
		}
		tail := fmt.Sprintf("%c%c%d%c%c", 'A'+r.IntN(26), ini2, r.IntN(10), 'A'+r.IntN(26), 'A'+r.IntN(26))
		date := fmt.Sprintf("%d%02d%02d%d", yy/10, mm, day, yy%10)
		v := string(sur) + date + tail
		switch r.IntN(4) {
		case 1:
			v += fmt.Sprintf("%02d", r.IntN(100))
		case 2:
			v = string(sur) + " " + date + " " + tail
		}
		dl = append(dl, v)
		bad := []byte(v)
		at := 5
		if bad[5] == ' ' {
			at = 6
		}
		switch r.IntN(3) {
		case 0: // month 13-50 or 63-99 or 00
			bm := []int{0, 13 + r.IntN(38), 63 + r.IntN(37)}[r.IntN(3)]
			bad[at+1], bad[at+2] = byte('0'+bm/10), byte('0'+bm%10)
		case 1: // day 00 or 32-39
			bd := []int{0, 32 + r.IntN(8)}[r.IntN(2)]
			bad[at+3], bad[at+4] = byte('0'+bd/10), byte('0'+bd%10)
		default: // the first surname character a digit
			bad[0] = byte('0' + r.IntN(10))
		}
		dlBad = append(dlBad, string(bad))
	}
	pubDL := []string{"MORGA753116SM9IJ", "MORGA657054SM9IJ"}
	sets = append(sets, ukAccuracySet{id: "pii/uk-driving-licence", ctx: "Driving licence %s held.", valid: append(pubDL, dl...),
		invalid: dlBad, published: len(pubDL),
		how: "the encoded month set to 00, 13-50 or 63-99, the day to 00 or 32-39, or the first surname character to a digit", minReject: 0.99})

	// Vehicle registrations.
	var reg, regBad []string
	regL := "ABCDEFGHJKLMNOPRSTUVWXYZ"
	serial := "ABCDEFGHJKLMNOPRSTUVWXY"
	year := "ABCDEFGHJKLMNPRSTVWXY"
	for len(reg) < ukAccN {
		var v string
		var bad []byte
		switch r.IntN(3) {
		case 0:
			age := []int{2 + r.IntN(24), 51 + r.IntN(25)}[r.IntN(2)]
			v = fmt.Sprintf("%c%c%02d %c%c%c", "ABCDEFGHKLMNOPRSVWY"[r.IntN(19)], "ABCDEFGHJKLMNOPRSTUVWXY"[r.IntN(23)], age,
				regL[r.IntN(len(regL))], regL[r.IntN(len(regL))], regL[r.IntN(len(regL))])
			bad = []byte(v)
			if r.IntN(2) == 0 {
				bad[5+r.IntN(3)] = "IQ"[r.IntN(2)]
			} else {
				ba := []int{0, 1, 30 + r.IntN(21), 80 + r.IntN(20)}[r.IntN(4)]
				bad[2], bad[3] = byte('0'+ba/10), byte('0'+ba%10)
			}
		case 1:
			v = fmt.Sprintf("%c%d %c%c%c", year[r.IntN(len(year))], 1+r.IntN(999),
				serial[r.IntN(len(serial))], serial[r.IntN(len(serial))], serial[r.IntN(len(serial))])
			bad = []byte(v)
			bad[0] = "IOQUZ"[r.IntN(5)]
		default:
			v = fmt.Sprintf("%c%c%c %d%c", serial[r.IntN(len(serial))], serial[r.IntN(len(serial))], serial[r.IntN(len(serial))],
				1+r.IntN(999), year[r.IntN(len(year))])
			bad = []byte(v)
			bad[len(bad)-1] = "IOQUZ"[r.IntN(5)]
		}
		reg = append(reg, v)
		regBad = append(regBad, string(bad))
	}
	pubReg := []string{"BD51 SMR"}
	sets = append(sets, ukAccuracySet{id: "pii/uk-vehicle-registration", ctx: "Vehicle reg %s parked.", valid: append(pubReg, reg...),
		invalid: regBad, published: len(pubReg),
		how: "I or Q in the random letters or an age identifier of 00, 01, 30-50 or 80-99; a prefix or suffix year letter I, O, Q, U or Z", minReject: 0.99})

	// Passports, electoral roll numbers and sort codes have no check
	// digit: the invalid vectors break the shape.
	var pp, ppBad []string
	for len(pp) < ukAccN {
		d := ukDigitString(r, 9)
		pp = append(pp, string(d))
		if r.IntN(2) == 0 {
			ppBad = append(ppBad, string(d[:8]))
		} else {
			ppBad = append(ppBad, string(d)+string(rune('0'+r.IntN(10))))
		}
	}
	sets = append(sets, ukAccuracySet{id: "pii/uk-passport", ctx: "Passport number %s issued.", valid: pp, invalid: ppBad,
		how: "eight or ten digits", minReject: 0.99})

	var el, elBad []string
	for len(el) < ukAccN {
		l := 1 + r.IntN(3)
		lt := make([]byte, l)
		for i := range lt {
			lt[i] = byte('A' + r.IntN(26))
		}
		if l == 2 && ukElectoralStop(lt[0], lt[1]) {
			continue
		}
		n := fmt.Sprint(1 + r.IntN(9999))
		v := string(lt) + []string{"", "-", "/", " "}[r.IntN(4)] + n
		el = append(el, v)
		if r.IntN(2) == 0 {
			elBad = append(elBad, "ABCD"[:1]+string(lt)+"XYZ"[:3-l+1]+n) // four or more letters
		} else {
			elBad = append(elBad, string(lt)+"123456")
		}
	}
	sets = append(sets, ukAccuracySet{id: "pii/uk-electoral-roll", ctx: "Electoral register: elector %s listed.", valid: el,
		invalid: elBad, how: "four or more letters, or six or more digits", minReject: 0.99})

	var sc, scBad []string
	for len(sc) < ukAccN {
		a, b, c := r.IntN(100), r.IntN(100), r.IntN(100)
		if a+b+c == 0 {
			continue
		}
		sep := []string{"-", " "}[r.IntN(2)]
		v := fmt.Sprintf("%02d%s%02d%s%02d", a, sep, b, sep, c)
		if r.IntN(2) == 0 {
			v += fmt.Sprintf(" account %08d", 1+r.IntN(99999999))
		}
		sc = append(sc, v)
		scBad = append(scBad, []string{
			fmt.Sprintf("%02d-%02d-%03d", a, b, 100+c), fmt.Sprintf("%03d-%02d-%02d", 100+a, b, c),
			fmt.Sprintf("%02d.%02d.%02d", a, b, c), fmt.Sprintf("%02d-%02d%s%02d", a, b, "/", c),
		}[r.IntN(4)])
	}
	sets = append(sets, ukAccuracySet{id: "pii/uk-sort-code", ctx: "Sort code %s please.", valid: sc, invalid: scBad,
		how: "a three-digit group, or dots or a slash as separators", minReject: 0.99})
	return sets
}

// ukAccuracyRun scans the vectors, one per paragraph, and counts exact
// matches of valid vectors and findings overlapping invalid ones.
func ukAccuracyRun(t *testing.T, d detect.Detector, ctx string, vs []string) (exact, touched int) {
	var b strings.Builder
	type span struct{ s, e int }
	spans := make([]span, len(vs))
	for i, v := range vs {
		line := fmt.Sprintf(ctx, v)
		at := strings.Index(line, v)
		spans[i] = span{b.Len() + at, b.Len() + at + len(v)}
		b.WriteString(line)
		b.WriteString("\n.\n.\n")
	}
	text := b.String()
	eng := detect.MustCompile([]detect.Detector{d}, &detect.Options{Binary: detect.BinaryScan})
	fs, err := eng.AppendFind(nil, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for i, sp := range spans {
		hit, ex := false, false
		for k < len(fs) && fs[k].End <= int64(sp.s) {
			k++
		}
		for j := k; j < len(fs) && fs[j].Start < int64(sp.e); j++ {
			hit = true
			if fs[j].Start == int64(sp.s) && fs[j].End == int64(sp.e) {
				ex = true
			}
		}
		if ex {
			exact++
		}
		if hit {
			touched++
		}
		_ = i
	}
	return exact, touched
}

// TestUKAccuracy measures the accept rate on valid vectors (generated
// from the published rules plus published examples) and the reject rate
// on invalid vectors, and with -update writes testdata/uk/ACCURACY.md.
func TestUKAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("accuracy sets are large")
	}
	all := ukAll()
	var md strings.Builder
	md.WriteString("# UK identifier detectors: accuracy on generated and published vectors\n\n")
	md.WriteString("Generated by `go test ./pii -run TestUKAccuracy -update` (seeded, deterministic).\n")
	md.WriteString("Valid vectors are built from the published rules (see README.md) plus the published examples\n")
	md.WriteString("counted in the Published column; each is placed in a one-line sentence with its usual context word.\n")
	md.WriteString("A valid vector is accepted when the detector reports exactly its span (any score); an invalid\n")
	md.WriteString("vector is rejected when no finding overlaps it.\n\n")
	md.WriteString("| Detector | Valid | Published | Accepted | Accept rate | Invalid | Rejected | Reject rate | Invalid vectors |\n")
	md.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	for _, set := range ukAccuracySets() {
		d := all[set.id]
		acc, _ := ukAccuracyRun(t, d, set.ctx, set.valid)
		_, touched := ukAccuracyRun(t, d, set.ctx, set.invalid)
		rej := len(set.invalid) - touched
		ar := float64(acc) / float64(len(set.valid))
		rr := float64(rej) / float64(len(set.invalid))
		fmt.Fprintf(&md, "| `%s` | %d | %d | %d | %.2f%% | %d | %d | %.2f%% | %s |\n",
			set.id, len(set.valid), set.published, acc, 100*ar, len(set.invalid), rej, 100*rr, set.how)
		if ar < 0.995 {
			t.Errorf("%s: accept rate %.4f < 0.995", set.id, ar)
		}
		if rr < set.minReject {
			t.Errorf("%s: reject rate %.4f < %.2f", set.id, rr, set.minReject)
		}
	}
	md.WriteString("\n## Errors the published check digits cannot see\n\n")
	md.WriteString("Some single-digit errors and transpositions give another number that passes the published\n")
	md.WriteString("check: it is a valid number by the scheme, and the detector reports it. They are left out of\n")
	md.WriteString("the invalid vectors above; this is how often the scheme itself misses an error.\n\n")
	md.WriteString("| Detector | Mutations | Still valid by the rule | Share | Reported by the detector |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, set := range ukAccuracySets() {
		if set.refValid == nil {
			continue
		}
		for _, v := range set.valid {
			if !set.refValid(v) {
				t.Errorf("%s: valid vector %q fails the reference check", set.id, v)
			}
		}
		still := ukKeep(set.mutations, set.refValid, true)
		acc, _ := ukAccuracyRun(t, all[set.id], set.ctx, still)
		fmt.Fprintf(&md, "| `%s` | %d | %d | %.2f%% | %d |\n", set.id, len(set.mutations), len(still),
			100*float64(len(still))/float64(len(set.mutations)), acc)
		if acc != len(still) {
			t.Errorf("%s: %d of %d numbers valid by the published rule not reported", set.id, len(still)-acc, len(still))
		}
	}
	md.WriteString("\n## Random numbers of the same shape\n\n")
	md.WriteString("A check digit cannot tell a random number from a real one every time: this is the share of\n")
	md.WriteString("uniformly random digit strings of the right shape (in the same sentences) that each detector\n")
	md.WriteString("reports. It is why a bare checksummed number scores low until a context word is near.\n\n")
	md.WriteString("| Detector | Shape | Random strings | Reported | Rate |\n| --- | --- | ---: | ---: | ---: |\n")
	r := rand.New(rand.NewPCG(7, 7))
	for _, rs := range []struct{ id, ctx, shape string }{
		{"pii/uk-nhs", "NHS number: %s.", "4ddddddddd (issued range 400-499)"},
		{"pii/uk-chi", "CHI number: %s.", "dddddddddd"},
		{"pii/uk-hc", "H&C number: %s.", "3ddddddddd (320-399 block)"},
		{"pii/uk-utr", "UTR: %s.", "dddddddddd"},
		{"pii/uk-vat", "VAT registration %s.", "GBddddddddd"},
	} {
		var vs []string
		for len(vs) < ukAccN {
			d := ukDigitString(r, 10)
			switch rs.id {
			case "pii/uk-nhs":
				d[0] = '4'
			case "pii/uk-hc":
				d[0], d[1] = '3', byte('2'+r.IntN(8))
			case "pii/uk-vat":
				d = append([]byte("GB"), d[:9]...)
			}
			vs = append(vs, string(d))
		}
		acc, _ := ukAccuracyRun(t, all[rs.id], rs.ctx, vs)
		rate := float64(acc) / float64(len(vs))
		fmt.Fprintf(&md, "| `%s` | %s | %d | %d | %.2f%% |\n", rs.id, rs.shape, len(vs), acc, 100*rate)
		if rate > 0.15 {
			t.Errorf("%s: %.3f of random numbers accepted", rs.id, rate)
		}
	}
	if ukUpdating() {
		if err := os.WriteFile(filepath.Join("testdata", "uk", "ACCURACY.md"), []byte(md.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Log("\n" + md.String())
	}
}
