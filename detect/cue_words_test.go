package detect

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// randCueWords returns n random cue words (starting with a letter or
// digit, some with spaces, '-' or '.', some sharing heads) and the pieces
// of text to build contexts from: the words in mixed case, cut short,
// extended, and separators.
func randCueWords(r *rand.Rand, n int) ([]Cue, []string) {
	const alpha = "abcdefghijklmnopqrstuvwxyz0123456789"
	word := func(max int) string {
		b := make([]byte, 1+r.IntN(max))
		for i := range b {
			b[i] = alpha[r.IntN(6+r.IntN(len(alpha)-5))] // mostly a-f: heads collide
		}
		return string(b)
	}
	var cues []Cue
	pieces := []string{" ", "  ", "-", ".", ":", "\n", "_", ",", "é", "x"}
	for len(cues) < n {
		w := word(11)
		switch r.IntN(4) {
		case 0:
			w += " " + word(4)
		case 1:
			w += "-" + word(3)
		case 2:
			if len(cues) > 0 {
				w = strings.Fields(cues[r.IntN(len(cues))].Word)[0] + " " + word(5)
			}
		}
		if len(w) > MaxKeywordLen {
			continue
		}
		cues = append(cues, Cue{Word: w, Delta: r.IntN(41) - 20, Side: Side(r.IntN(3))})
		pieces = append(pieces, w, strings.ToUpper(w), w[:1+r.IntN(len(w))], w+word(2))
	}
	return cues, pieces
}

// Every cue is in the word table under its head, once.
func TestCueWordsTable(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 300 {
		cues, _ := randCueWords(r, 1+r.IntN(255))
		c := newCueSet(Cues{Radius: 64, Words: cues})
		w := c.words
		if w == nil {
			t.Fatal("no word table")
		}
		listed := make([]int, len(cues))
		for slot, h := range w.heads {
			if h.key == ^uint64(0) {
				continue
			}
			if got := w.find(h.key); got != &w.heads[slot] {
				t.Fatalf("round %d: key %x in slot %d, not found", round, h.key, slot)
			}
			for _, k := range w.headCues[h.first : h.first+h.n] {
				listed[k]++
				if hk := headKey(c.cues[k].word); hk != h.key {
					t.Fatalf("round %d: cue %q (head %x) listed under %x", round, c.cues[k].word, hk, h.key)
				}
			}
		}
		for i, n := range listed {
			if n != 1 {
				t.Fatalf("round %d: cue %q listed %d times", round, cues[i].Word, n)
			}
		}
		// Keys that are no head are not found.
		for k := range 200 {
			word := []byte(strings.Repeat("abc", 3)[:1+k%8])
			for i := range word {
				word[i] = "abcdef9"[r.IntN(7)]
			}
			if k == 0 {
				word = word[:0]
			}
			key := headKey(word)
			isHead := false
			for _, cu := range c.cues {
				isHead = isHead || headKey(cu.word) == key
			}
			if h := w.find(key); (h != nil) != isHead || h != nil && h.key != key {
				t.Fatalf("round %d: find(%q) = %v, head %v", round, word, h, isHead)
			}
		}
		if len(w.heads) > 8*max(1, len(cues)) {
			t.Errorf("round %d: %d slots for %d cues", round, len(w.heads), len(cues))
		}
	}
}

// With random cue sets, the word table (with and without the vector
// pre-pass) finds what the byte loop finds.
func TestScanCuesRandomSets(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		cues, pieces := randCueWords(r, 1+r.IntN(40))
		c := newCueSet(Cues{Radius: 1 + r.IntN(MaxRadius), Words: cues})
		for range 50 {
			var b []byte
			for len(b) < 100+c.radius {
				b = append(b, pieces[r.IntN(len(pieces))]...)
			}
			s := r.IntN(len(b))
			e := min(len(b), s+1+r.IntN(10))
			cueCompare(t, &c, b, s, e)
		}
	}
}

// The copied pii cue lists on their own corpus: the fast scans find what
// the byte loop finds around every planted value, and some cues are found.
func TestScanCuesBenchCorpus(t *testing.T) {
	text, cases := cueBenchData()
	if testing.Short() {
		cases = cases[:len(cases)/8]
	}
	nonzero := 0
	for _, k := range cases {
		cueCompare(t, k.set, text, k.s, k.e)
		if k.set.cueDelta(text, k.s, k.e) != 0 {
			nonzero++
		}
	}
	if nonzero < len(cases)/10 {
		t.Errorf("cues found around %d of %d values", nonzero, len(cases))
	}
	// Lower and upper case text (ASCII) give the same deltas.
	up := bytes.Clone(text[:1<<20])
	for i, b := range up {
		if 'a' <= b && b <= 'z' {
			up[i] = b - 'a' + 'A'
		}
	}
	for _, k := range cases {
		if k.e > len(up) {
			break
		}
		if a, b := k.set.cueDelta(text, k.s, k.e), k.set.cueDelta(up, k.s, k.e); a != b {
			t.Fatalf("%q: delta %d, upper case %d", text[max(0, k.s-k.set.radius):k.e], a, b)
		}
	}
}
