package names

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// memoSenders are runs to put in sender fields: plain names, honorifics,
// particles, initials, possessives, capitals, accents, hyphens, words,
// and runs that stop before the ':' or end with a dot.
var memoSenders = []string{
	"George Okafor", "Sophie O'Brien", "Sophie O’Brien", "Isla Chaudhry", "Mr Smith", "Dr George Okafor",
	"Rt Hon Sir Keir Starmer", "Ludwig van Beethoven", "Maria de la Cruz", "Maria de la", "J. Smith", "J.R.R. Tolkien",
	"J R R Tolkien", "George's", "George’s", "GEORGE OKAFOR", "SARAH", "José Wiśniewski", "Smith-Jones",
	"Jean-Luc Picard", "Will", "May", "Mark", "The Council", "Taylor Wimpey", "Exeunt KING LEAR", "Storm Ciara",
	"New York", "Sarah said", "Sarah Jones said", "Sarah.", "Mr.", "Mr. Smith", "A", "I", "Sarah Jones MP",
	"Is Sarah", "Priya Patel", "Priya  Patel", "Priya Patel Priya Patel Priya Patel Priya Patel Priya Patel Priya",
	"A B C D E F G H I J K L", "Sarah van", "Sarah de Jones", "Sarah_x", "Sarah2", "Sarah.co", "Sarah&Co",
	"Sarah & Co", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", "Monday", "London", "Sarah Jones-",
	"Zorblax", "Ngozi", "Siobhan", "Attendees", "Venue", "Hancock", "Sarah Zorblax",
}

// memoText builds chat-like text: sender fields of both export formats
// (and near misses) with the runs above, followed by ':' or not, in a
// seeded order so that runs repeat with varied neighbours.
func memoText(r *rand.Rand, lines int) []byte {
	pre := []string{"[12/03/2021, 09:14:55] ", "12/03/2021, 21:14 - ", "x] ", "a] ", "!] ", "] ", " - ", "9 -  ",
		"21:14 - ", "Re: ", "\n", "@", "Dear ", "9] ", "é] ", "1 - "}
	post := []string{": hi", ":", ": ", " : x", ", see", " said:", ":\n", "'s: x", ".: x", " <a@example.com>", "\n", ": Sarah: x"}
	var b strings.Builder
	for range lines {
		b.WriteString(pre[r.IntN(len(pre))])
		b.WriteString(memoSenders[r.IntN(len(memoSenders))])
		b.WriteString(post[r.IntN(len(post))])
		if r.IntN(3) == 0 {
			b.WriteString(" tell Sarah Jones about it")
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// capitalHits are the engine's hits for the name detector in t.
func capitalHits(t []byte) []int32 {
	var h []int32
	for i, c := range t {
		if isUpper(c) {
			h = append(h, int32(i))
		}
	}
	return h
}

// compareMemo runs detect with and without the memo on text and reports
// any difference.
func compareMemo(t *testing.T, d *Detector, text []byte, atStart, atEnd bool) {
	t.Helper()
	w := detect.Window{Text: text, Base: 1000, Hits: capitalHits(text), AtStart: atStart, AtEnd: atEnd}
	plain := d.detect(nil, &w, false)
	memo := d.detect(nil, &w, true)
	if !slices.Equal(plain, memo) {
		for i := range max(len(plain), len(memo)) {
			var a, b detect.Finding
			if i < len(plain) {
				a = plain[i]
			}
			if i < len(memo) {
				b = memo[i]
			}
			if a != b {
				t.Fatalf("finding %d: without memo %+v, with memo %+v (%d vs %d findings)", i, a, b, len(plain), len(memo))
			}
		}
	}
}

// TestSenderMemo checks that the memo of sender fields changes nothing,
// on seeded chat-like text at several minimum scores and on the bench
// corpora.
func TestSenderMemo(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for _, o := range []Options{{}, {MinScore: 1}, {MinScore: 90}, {SkipLoneNames: true, MinScore: 1}} {
		d := New(o)
		for k := range 20 {
			text := memoText(r, 2000)
			compareMemo(t, d, text, k%2 == 0, k%3 == 0)
			compareMemo(t, d, text[1+k:len(text)-k], false, false)
		}
	}
	for _, den := range []corpus.Density{corpus.Typical, corpus.Dense} {
		text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 1 << 20, Density: den})
		for _, o := range []Options{{}, {MinScore: 1}} {
			compareMemo(t, New(o), text, true, true)
		}
	}
}

// FuzzSenderMemo compares Detect with and without the memo of sender
// fields on any window.
func FuzzSenderMemo(f *testing.F) {
	r := rand.New(rand.NewPCG(9, 9))
	for range 8 {
		f.Add(memoText(r, 12), true, false, uint8(0))
	}
	f.Add([]byte("[12/03/2021, 09:14:55] George Okafor: hi\n[12/03/2021, 09:14:56] George Okafor: again\n"), false, false, uint8(1))
	f.Add([]byte("1 - Sarah Jones: x\n1 - Sarah Jones: y\n1 - Sarah Jones:"), false, true, uint8(30))
	f.Fuzz(func(t *testing.T, text []byte, atStart, atEnd bool, minScore uint8) {
		d := New(Options{MinScore: int(minScore % 101)})
		compareMemo(t, d, text, atStart, atEnd)
	})
}
