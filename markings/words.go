package markings

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

// English words, for telling a codeword after a plain space ("TOP SECRET
// UMBRA") from a heading ("TOP SECRET PROJECT"). data/words.txt.gz holds
// the 39,300 entries of four letters or more of the SCOWL size-35 British
// English list (Debian wbritish-small 2020.12.07-2; lower case, letters
// only, sorted): a copy of pii/names/data/words.txt.gz filtered with
// `zcat ../pii/names/data/words.txt.gz | awk 'length>=4' | gzip -9n`.
// Licence: data/SCOWL-COPYRIGHT. Size 35 holds the common words, not rare
// ones (umbra, nightjar, pegasus are absent). It is decompressed on first
// use only (about 2.5 ms and 330 KB, once per process; the path is rare: a
// level at a line start, a space and one capitals word) and searched in
// place.
//
//go:embed data/words.txt.gz
var wordsGz []byte

// extraWords are heading words missing from the size-35 list (lower case).
var extraWords = []string{"hideout", "stash", "strapline"}

var (
	wordsOnce sync.Once
	wordBlob  []byte // the list, "\n"-terminated lines, sorted
)

func loadWords() {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic(err)
	}
	wordBlob = b
}

// englishWord reports whether the capitals word b (letters only) is an
// ordinary English word: a binary search over the lines of the blob.
func englishWord(b []byte) bool {
	var lo [32]byte
	if len(b) > len(lo) {
		return false
	}
	for i, c := range b {
		lo[i] = c | 0x20
	}
	w := lo[:len(b)]
	for _, x := range extraWords {
		if string(w) == x {
			return true
		}
	}
	wordsOnce.Do(loadWords)
	t := wordBlob
	l, h := 0, len(t)
	for l < h {
		m := l + (h-l)/2
		s := bytes.LastIndexByte(t[:m], '\n') + 1 // start of the line holding m
		e := s + bytes.IndexByte(t[s:], '\n')
		switch c := bytes.Compare(t[s:e], w); {
		case c == 0:
			return true
		case c < 0:
			l = e + 1
		default:
			h = s
		}
	}
	return false
}
