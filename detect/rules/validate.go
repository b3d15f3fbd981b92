package rules

import (
	"slices"
)

// A validator checks a candidate match. Validators look only at ASCII
// letters and digits, skipping ASCII separators (space, '-', '.', '/'),
// and reject any other byte. They do not allocate.
type validator struct {
	fn  func([]byte) bool
	doc string
}

var validators = map[string]validator{
	"luhn":  {luhn, "Luhn mod 10 over the digits (payment cards, IMEI)"},
	"mod97": {mod97, "ISO 7064 MOD 97-10 over the characters as written, letters A=10..Z=35, remainder 1 (LEI)"},
	"iban":  {iban, "IBAN check: ISO 7064 MOD 97-10 after moving the first four characters to the end"},
	"mod11": {mod11, "ISBN-10 style mod 11: weights n..1, last character may be X, sum divisible by 11"},
	"nhs":   {nhs, "NHS number: ten digits, mod 11 check digit with weights 10..2"},
	"ean13": {ean13, "GS1 mod 10 (EAN-13, ISBN-13): thirteen digits, weights 1,3"},
}

// Validators returns the names of the validators a Rule may use, sorted.
func Validators() []string {
	names := make([]string, 0, len(validators))
	for n := range validators {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Validate runs the named validator on b. It reports false for an unknown
// name.
func Validate(name string, b []byte) bool {
	v, ok := validators[name]
	return ok && v.fn(b)
}

// ValidatorDoc returns a one-line description of the named validator.
func ValidatorDoc(name string) string { return validators[name].doc }

func isSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' }

// alnum calls fn with each ASCII letter (upper-cased) or digit of b and
// its index among them; it reports false on any other byte, or if fn does.
func alnum(b []byte, fn func(c byte, i int) bool) (n int, ok bool) {
	for _, c := range b {
		switch {
		case isSep(c):
			continue
		case '0' <= c && c <= '9', 'A' <= c && c <= 'Z':
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		default:
			return n, false
		}
		if !fn(c, n) {
			return n, false
		}
		n++
	}
	return n, true
}

func digitsOnly(b []byte, buf []byte) ([]byte, bool) {
	_, ok := alnum(b, func(c byte, _ int) bool {
		if c < '0' || c > '9' || len(buf) == cap(buf) {
			return false
		}
		buf = append(buf, c-'0')
		return true
	})
	return buf, ok
}

func luhn(b []byte) bool {
	var arr [64]byte
	d, ok := digitsOnly(b, arr[:0])
	if !ok || len(d) < 2 {
		return false
	}
	sum := 0
	for i := range d {
		v := int(d[len(d)-1-i])
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// mod97From computes the MOD 97-10 remainder of the characters of b,
// starting at the rotate-th character and wrapping around.
func mod97From(b []byte, rotate int) (int, int, bool) {
	var arr [128]byte
	var chars []byte = arr[:0]
	_, ok := alnum(b, func(c byte, _ int) bool {
		if len(chars) == cap(chars) {
			return false
		}
		chars = append(chars, c)
		return true
	})
	if !ok || len(chars) <= rotate {
		return 0, len(chars), false
	}
	r := 0
	for i := range chars {
		c := chars[(i+rotate)%len(chars)]
		if c <= '9' {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A'+10)) % 97
		}
	}
	return r, len(chars), true
}

func mod97(b []byte) bool {
	r, n, ok := mod97From(b, 0)
	return ok && n >= 2 && r == 1
}

func iban(b []byte) bool {
	var cc [4]byte
	k := 0
	_, ok := alnum(b, func(c byte, i int) bool {
		if i < 4 {
			cc[i] = c
			k++
		}
		return true
	})
	// Country code letters, then two check digits.
	if !ok || k < 4 || cc[0] < 'A' || cc[1] < 'A' || cc[2] > '9' || cc[3] > '9' {
		return false
	}
	r, n, ok := mod97From(b, 4)
	return ok && n >= 15 && n <= 34 && r == 1
}

func mod11(b []byte) bool {
	var arr [32]byte
	chars := arr[:0]
	_, ok := alnum(b, func(c byte, _ int) bool {
		if len(chars) == cap(chars) {
			return false
		}
		chars = append(chars, c)
		return true
	})
	if !ok || len(chars) < 2 {
		return false
	}
	sum, n := 0, len(chars)
	for i, c := range chars {
		v := int(c - '0')
		switch {
		case c == 'X' && i == n-1:
			v = 10
		case c < '0' || c > '9':
			return false
		}
		sum += v * (n - i)
	}
	return sum%11 == 0
}

func nhs(b []byte) bool {
	var arr [16]byte
	d, ok := digitsOnly(b, arr[:0])
	if !ok || len(d) != 10 {
		return false
	}
	sum := 0
	for i := range 9 {
		sum += int(d[i]) * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(d[9])
}

func ean13(b []byte) bool {
	var arr [16]byte
	d, ok := digitsOnly(b, arr[:0])
	if !ok || len(d) != 13 {
		return false
	}
	sum := 0
	for i, v := range d {
		if i%2 == 1 {
			sum += 3 * int(v)
		} else {
			sum += int(v)
		}
	}
	return sum%10 == 0
}
