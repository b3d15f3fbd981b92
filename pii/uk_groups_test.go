package pii

import (
	"math/rand/v2"
	"testing"
)

// ukGroupsPatterns are the group patterns and separators the UK
// detectors pass to ukGroups.
var ukGroupsPatterns = []struct{ groups, seps string }{
	{"\x02\x02\x02", "- "}, {"\x02\x02\x02", " -"}, {"\x06", ""}, {"\x08", ""}, {"\x04\x04", " "},
	{"\x0a", ""}, {"\x03\x03\x04", " -"}, {"\x06\x04", " -"}, {"\x05\x05", " -"},
	{"\x09", ""}, {"\x0c", ""}, {"\x03\x04\x02", " "}, {"\x03\x04\x02\x03", " "},
	{"\x0f", ""}, {"\x10", ""}, {"\x07\x08", "-"}, {"\x00\x02", " "}, {"\x0a\x0a\x01", " "}, {"\x0a\x0b", " "},
}

// ukGroupsSlow is ukGroups as it was written before, one byte and one
// dg.n update at a time: the reference for ukGroups.
func ukGroupsSlow(t []byte, s int, groups string, seps string, dg *ukDigits) (e int, sep byte, ok bool) {
	i := s
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
		for k := 0; k < int(groups[gi]); k++ {
			if i >= len(t) || !ukIsDigit(t[i]) || dg.n == len(dg.d) {
				return 0, 0, false
			}
			dg.d[dg.n] = t[i] - '0'
			dg.n++
			i++
		}
	}
	if i < len(t) && ukIsDigit(t[i]) {
		return 0, 0, false
	}
	return i, sep, true
}

// ukGroupsSame reports whether ukGroups and the byte loop agree at t[s:]
// for every pattern (end, separator, ok and the digits).
func ukGroupsSame(t *testing.T, text []byte, s int) {
	t.Helper()
	for _, p := range ukGroupsPatterns {
		var a, b ukDigits
		e1, sep1, ok1 := ukGroups(text, s, p.groups, p.seps, &a)
		e2, sep2, ok2 := ukGroupsSlow(text, s, p.groups, p.seps, &b)
		if e1 != e2 || sep1 != sep2 || ok1 != ok2 || ok1 && (a.n != b.n || string(a.d[:a.n]) != string(b.d[:b.n])) {
			t.Fatalf("%q at %d, groups %q seps %q: fast (%d %q %v %v), slow (%d %q %v %v)",
				text, s, p.groups, p.seps, e1, sep1, ok1, a.d[:a.n], e2, sep2, ok2, b.d[:b.n])
		}
	}
}

// TestUKGroupsFast compares ukGroups with the byte loop (ukGroupsSlow) on random digit
// groups, separators and ends of text, from every offset.
func TestUKGroupsFast(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const alpha = "0123456789012345678901234567890123456789 - -_a:.,"
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		for s := range b {
			ukGroupsSame(t, b, s)
		}
	}
	for _, s := range []string{"943 476 5919", "943-476-5919 x", "12-34-56", "12 34 56 12345678 more text here",
		"123 4567 89 001 and then", "1234567890123456789012345", "12345678 1234 5678 and more bytes"} {
		for i := range len(s) {
			ukGroupsSame(t, []byte(s), i)
		}
	}
}

// FuzzUKGroups compares ukGroups with ukGroupsSlow.
func FuzzUKGroups(f *testing.F) {
	f.Add([]byte("943 476 5919 and 12-34-56 12345678"), 0)
	f.Fuzz(func(t *testing.T, b []byte, s int) {
		if s < 0 || s >= len(b) {
			return
		}
		ukGroupsSame(t, b, s)
	})
}
