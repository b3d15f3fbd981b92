package pii

import "testing"

// intlGluedBeforeRef and intlGluedAfterRef are intlGluedBefore and
// intlGluedAfter as they were before the lookup table (intlGlueTab), kept
// to compare with.
func intlGluedBeforeRef(t []byte, s int) bool {
	if s == 0 {
		return false
	}
	b := t[s-1]
	if intlAlnum(b) || b == '_' || b == '@' || b == '#' || b == '$' || b == '%' || b == '&' || b == '\\' {
		return true
	}
	if s >= 2 {
		switch b {
		case '.', '-', '/':
			return intlAlnum(t[s-2])
		case ':':
			return intlDigit(t[s-2])
		case ',':
			return intlThousands(t, s-1)
		case 0xA3: // £
			return t[s-2] == 0xC2
		}
	}
	return false
}

func intlGluedAfterRef(t []byte, e int) bool {
	if e >= len(t) {
		return false
	}
	a := t[e]
	if intlAlnum(a) || a == '_' || a == '@' || a == '#' || a == '$' || a == '%' || a == '&' || a == '\\' {
		return true
	}
	if e+1 < len(t) {
		switch a {
		case '.', '-', '/':
			return intlAlnum(t[e+1])
		case ':':
			return intlDigit(t[e+1])
		case ',':
			return intlThousands(t, e)
		}
	}
	return false
}

// TestIntlGlueRef: intlGluedBefore and intlGluedAfter agree with their
// references for every byte next to a token, with every byte beyond it
// and with thousands around a comma, at the edges of the text too.
func TestIntlGlueRef(t *testing.T) {
	for x := range 256 {
		for y := range 256 {
			for _, s := range [][]byte{{byte(y), byte(x), '7'}, {'1', byte(y), byte(x), '7'}, {'1', '2', '3', byte(x), '4', '5', '6', byte(y)}, {byte(x), '7'}} {
				for i := range len(s) + 1 {
					if got, want := intlGluedBefore(s, i), intlGluedBeforeRef(s, i); got != want {
						t.Fatalf("intlGluedBefore(%q, %d) = %v, want %v", s, i, got, want)
					}
					if got, want := intlGluedAfter(s, i), intlGluedAfterRef(s, i); got != want {
						t.Fatalf("intlGluedAfter(%q, %d) = %v, want %v", s, i, got, want)
					}
				}
			}
		}
	}
}
