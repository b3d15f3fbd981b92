package markings

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"sync"
)

// English words, for telling a codeword after a plain space ("TOP SECRET
// UMBRA") from a heading ("TOP SECRET PROJECT"). data/words.txt.gz holds
// the 39,300 entries of four letters or more of the SCOWL size-35 British
// English list (Debian wbritish-small 2020.12.07-2; lower case, letters
// only, sorted): a copy of pii/names/data/words.txt.gz filtered with
// `zcat ../pii/names/data/words.txt.gz | awk 'length>=4' | gzip -9n`.
// Licence: data/SCOWL-COPYRIGHT. Size 35 holds the common words, not rare
// ones (umbra, nightjar, pegasus are absent). It is read on first use only
// (the path is rare: a level at a line start, a space and one capitals word
// alone on the line).
//
//go:embed data/words.txt.gz
var wordsGz []byte

// extraWords are heading words missing from the size-35 list (lower case).
var extraWords = []string{"hideout", "stash", "strapline"}

var (
	wordsOnce sync.Once
	wordList  []string
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
	lines := bytes.Split(bytes.TrimSpace(b), []byte{'\n'})
	wordList = make([]string, 0, len(lines)+len(extraWords))
	s := string(b) // one allocation; the words are substrings of it
	off := 0
	for _, l := range lines {
		wordList = append(wordList, s[off:off+len(l)])
		off += len(l) + 1
	}
	wordList = append(wordList, extraWords...)
	sort.Strings(wordList)
}

// englishWord reports whether the capitals word b (letters only) is an
// ordinary English word.
func englishWord(b []byte) bool {
	wordsOnce.Do(loadWords)
	var lo [32]byte
	if len(b) > len(lo) {
		return false
	}
	for i, c := range b {
		lo[i] = c | 0x20
	}
	w := string(lo[:len(b)])
	i := sort.SearchStrings(wordList, w)
	return i < len(wordList) && wordList[i] == w
}
