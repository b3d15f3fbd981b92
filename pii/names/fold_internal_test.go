package names

import (
	"strings"
	"testing"
)

func TestFoldLatin(t *testing.T) {
	lx := lexiconOnce()
	for _, tc := range []struct{ word, key string }{
		{"José ", "jose"}, {"Zoë ", "zoe"}, {"Wiśniewski ", "wisniewski"}, {"Müller ", "muller"},
		{"Françoise ", "francoise"}, {"Łódź ", ""}, {"Søren ", "soren"}, {"Ñoño ", "nono"},
	} {
		var tk token
		lx.scanToken([]byte(tc.word), 0, &tk)
		if tc.key == "" {
			continue
		}
		if want := hashString(tc.key); tk.h != want {
			t.Errorf("%q: key hash %x, want hash of %q (%x)", tc.word, tk.h, tc.key, want)
		}
		if tk.flags&fNonASCII == 0 {
			t.Errorf("%q: fNonASCII not set", tc.word)
		}
	}
	// Every entry folds to a lower-case ASCII letter or 0.
	for i, c := range append(latin1Fold[:], extAFold[:]...) {
		if c != 0 && !isLower(c) {
			t.Errorf("fold table entry %d = %q", i, c)
		}
	}
}

// TestScanTokenFast checks the fast path of scanToken (token end, case)
// against a plain byte loop on seeded random text.
func TestScanTokenFast(t *testing.T) {
	lx := lexiconOnce()
	alphabet := []byte("AZaz@[`{09 '-.\x00\x7f\x80\xc3\xa9zZmM")
	seed := uint64(1)
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
	for trial := 0; trial < 20000; trial++ {
		n := 1 + int(next()%24)
		b := make([]byte, n)
		for i := range b {
			if next()%3 == 0 {
				b[i] = alphabet[next()%uint64(len(alphabet))]
			} else {
				b[i] = byte('a' + next()%26)
				if next()%2 == 0 {
					b[i] -= 'a' - 'A'
				}
			}
		}
		b[0] = 'A' + byte(next()%26)
		var tk token
		lx.scanToken(b, 0, &tk)
		// Reference: the plain ASCII-letter run, when the slow path is not taken.
		e := 0
		lower := false
		for e < n && isLetter(b[e]) {
			lower = lower || isLower(b[e])
			e++
		}
		if e < n && (b[e] == '\'' || b[e] == '-' || b[e] >= 0x80) {
			continue // slow path
		}
		if int(tk.e) != e {
			t.Fatalf("%q: token end %d, want %d", b, tk.e, e)
		}
		if allCaps := tk.flags&fAllCaps != 0; allCaps != (!lower && e >= 2) {
			t.Fatalf("%q: all caps %v, want %v", b, allCaps, !lower && e >= 2)
		}
	}
}

// TestPairRole compares pairHash of two plain tokens read in place with
// the key copied to a buffer (pairHashSlow), on the [brand]
// pairs and on names with apostrophes, accents, hyphens, dots and
// capitals.
func TestPairRole(t *testing.T) {
	lx := lexiconOnce()
	var pairs []string
	inBrand := false
	for line := range strings.SplitSeq(listsTxt, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			inBrand = line == "[brand]"
			continue
		}
		if inBrand && line != "" {
			pairs = append(pairs, line, strings.ToUpper(line), strings.ToUpper(line[:1])+line[1:])
		}
	}
	pairs = append(pairs, "Taylor O'Wimpey", "Taylor O’Wimpey", "Taylor Wímpey", "Jean-Luc Picard", "John  Lewis",
		"John. Lewis", "J. Lewis", "John's Lewis", "Tàylor Wimpey", "Taylor Wimpey-Smith", "O'Taylor Wimpey")
	seen := 0
	for _, p := range pairs {
		text := []byte(p + " x")
		var a, b token
		lx.scanToken(text, 0, &a)
		q := int(a.next)
		for q < len(text) && text[q] == ' ' {
			q++
		}
		lx.scanToken(text, q, &b)
		if got, want := pairHash(text, &a, &b), pairHashSlow(text, &a, &b); got != want {
			t.Errorf("%q: pairHash %#x, pairHashSlow %#x", p, got, want)
		}
		if lx.pairRole(text, &a, &b)&rBrand != 0 {
			seen++
		}
	}
	if seen < 20 {
		t.Errorf("only %d brand pairs found", seen)
	}
}
