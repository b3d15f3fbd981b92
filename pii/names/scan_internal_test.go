package names

import (
	"math/rand/v2"
	"testing"
)

// TestLetterMask checks the 8-byte letter classifier against byteClass
// for every byte value in every position.
func TestLetterMask(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			w := uint64(c)<<(8*pos) | 0x2e2e2e2e2e2e2e2e&^(0xff<<(8*pos)) // '.' elsewhere
			got := letterMask(w)>>(8*pos+7)&1 != 0
			if want := byteClass[c]&cLetter != 0; got != want {
				t.Errorf("letterMask byte %#x at %d: %v, want %v", c, pos, got, want)
			}
			if rest := letterMask(w) &^ (0x80 << (8 * pos)); rest != 0 {
				t.Errorf("letterMask byte %#x at %d: other bytes flagged %#x", c, pos, rest)
			}
		}
	}
}

// TestScanTokenFastPath compares the 8-byte scanner with the byte loop
// (scanToken near the end of the text, where it cannot load 16 bytes) on
// words of every length and case followed by assorted bytes.
func TestScanTokenFastPath(t *testing.T) {
	lx := lexiconOnce()
	words := []string{"a", "I", "Jo", "SARAH", "Sarah", "sarah", "Hancock", "Williams", "Robinson", "MacDonald",
		"Abcdefghijklmno", "Abcdefghijklmnop", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", "Smith-Jones", "O'Brien"}
	tails := []string{" x", ",", ".", ". Smith", ":", "'s", "’s", "é", "1", "_", "@", "&x", "& x", "\n", "-", "-x", "'", "z.co"}
	for _, wd := range words {
		for _, tl := range tails {
			short := []byte(wd + tl)
			long := []byte(wd + tl + "                    ")
			var a, b token
			ea := lx.scanToken(short, 0, &a)
			eb := lx.scanToken(long, 0, &b)
			if ea {
				continue // ran into the end of short: not comparable
			}
			if a != b || eb {
				t.Errorf("%q: short %+v %v, long %+v %v", wd+tl, a, ea, b, eb)
			}
		}
	}
}

// TestWordEndingAt compares wordEndingAt, which reads eight bytes at a
// time, with the byte loop it replaced, for every end and lower bound
// in seeded text of letters, digits, spaces, punctuation and UTF-8.
func TestWordEndingAt(t *testing.T) {
	ref := func(t []byte, e, lo int) int {
		s := e
		for s > lo && s > e-16 && isLetter(t[s-1]) {
			s--
		}
		if s == e || s > lo && (isLetter(t[s-1]) || isDigit(t[s-1])) {
			return -1
		}
		return s
	}
	r := rand.New(rand.NewPCG(8, 8))
	alpha := []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:'-_@\n\xc3\xa9\xe2\x80\x99{`[")
	for range 200 {
		b := make([]byte, r.IntN(60))
		for i := range b {
			if r.IntN(3) > 0 {
				b[i] = alpha[r.IntN(52)] // letters mostly: long words
			} else {
				b[i] = alpha[r.IntN(len(alpha))]
			}
		}
		for e := 0; e <= len(b); e++ {
			for lo := 0; lo <= e; lo++ {
				if got, want := wordEndingAt(b, e, lo), ref(b, e, lo); got != want {
					t.Fatalf("wordEndingAt(%q, %d, %d) = %d, want %d", b, e, lo, got, want)
				}
			}
		}
	}
}
