package names

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPinHot checks that moving the frequent words to their first slots
// changes no lookup: every key of the embedded lists (and the hyphen
// parts and pairs Detect looks up are keys of these lists) gets the same
// role from the table built with and without pinHot, and so do a million
// seeded hashes of words that are not in it.
func TestPinHot(t *testing.T) {
	plain, pinned := buildTable(false), buildTable(true)
	moved, keys := 0, 0
	for i := range plain.slots {
		if plain.slots[i] != pinned.slots[i] {
			moved++
		}
	}
	check := func(k string) {
		keys++
		h := hashString(k)
		if a, b := plain.lookup(h), pinned.lookup(h); a != b {
			t.Fatalf("%q: role %#x without pinHot, %#x with it", k, a, b)
		}
	}
	gzLines(gazetteerGz, func(line []byte) {
		k, _, _ := bytes.Cut(line, []byte{'\t'})
		check(string(k))
	})
	gzLines(wordsGz, func(line []byte) { check(string(bytes.TrimSpace(line))) })
	for w := range strings.FieldsSeq(commonTxt) {
		check(w)
	}
	for line := range strings.SplitSeq(listsTxt, "\n") {
		line, _, _ = strings.Cut(line, "#")
		for w := range strings.FieldsSeq(line) {
			check(w)
		}
		if line = strings.TrimSpace(line); line != "" {
			check(line) // [brand] pairs
		}
	}
	r := rand.New(rand.NewPCG(11, 11))
	for range 1_000_000 {
		h := r.Uint64()
		if a, b := plain.lookup(h), pinned.lookup(h); a != b {
			t.Fatalf("hash %#x: role %#x without pinHot, %#x with it", h, a, b)
		}
	}
	if moved == 0 {
		t.Error("pinHot moved no key")
	}
	t.Logf("%d keys checked, %d slots changed", keys, moved)
}
