package names

import "testing"

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
