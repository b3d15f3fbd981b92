package names

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// TestLoneBound checks that loneBound bounds the score of every lone
// name (one token, no honorific) in every context tried: words of all the
// embedded lists, capitalised and in capitals, after and before the
// contexts that score reads.
func TestLoneBound(t *testing.T) {
	var words []string
	n := 0
	gzLines(gazetteerGz, func(line []byte) {
		if n++; n%40 == 0 {
			k, _, _ := strings.Cut(string(line), "\t")
			words = append(words, k)
		}
	})
	n = 0
	gzLines(wordsGz, func(line []byte) {
		if n++; n%25 == 0 {
			words = append(words, string(line))
		}
	})
	words = append(words, strings.Fields(commonTxt)...)
	for line := range strings.SplitSeq(listsTxt, "\n") {
		if line, _, _ = strings.Cut(line, "#"); !strings.HasPrefix(line, "[") {
			words = append(words, strings.Fields(line)...)
		}
	}
	pre := []string{"\n", "] ", "x] ", "1 - ", "Dear ", "Thanks, ", "said ", "ask ", "my name is ", "this is ", "From: ",
		"@", "Kind regards\n", "Regards,\n\n", "in ", ". ", "& ", "New ", "cc ", "\"", "  ", "Hi "}
	post := []string{":", ",", ", ", " said", " can", "\n", "'s", "’s ", " - ", " 12", " MP", " <a@example.com>", ".", " font",
		"!", " (", ",\n", " wrote", " pt", ""}
	r := rand.New(rand.NewPCG(3, 3))
	var b strings.Builder
	for _, w := range words {
		if w == "" || !isLetter(w[0]) {
			continue
		}
		c := strings.ToUpper(w[:1]) + w[1:]
		if r.IntN(8) == 0 {
			c = strings.ToUpper(w)
		}
		for range 3 {
			b.WriteString(pre[r.IntN(len(pre))])
			b.WriteString(c)
			b.WriteString(post[r.IntN(len(post))])
			b.WriteString(" x\n")
		}
	}
	text := []byte(b.String())
	lx := lexiconOnce()
	d := &Detector{min: -1000} // every score, and no early exit
	w := detect.Window{Text: text, Hits: capitalHits(text), AtStart: true, AtEnd: true}
	checked := 0
	for _, f := range d.detect(nil, &w, false) {
		if f.Info&infoCountMask != 1 || f.Info>>infoTitleSh&infoTitleBits != 0 {
			continue
		}
		var tk token
		lx.scanToken(text, int(f.Start), &tk)
		if b := loneBound(&tk); f.Score > b {
			t.Errorf("%q in %q: score %d above loneBound %d", text[f.Start:f.End], text[max(0, f.Start-20):min(len(text), int(f.End)+20)], f.Score, b)
		}
		checked++
	}
	if checked < 10000 {
		t.Errorf("only %d lone names checked", checked)
	}
}

// TestLoneDead checks Detect's loneDead shortcut (and the memo) against
// Detect without them, at minimum scores around the loneBound values, on
// words of all the lists with the bytes run looks at after a token
// (particles, initials, dots, possessives, capitals, the window's end)
// and on the bench corpora in windows.
func TestLoneDead(t *testing.T) {
	var words []string
	n := 0
	gzLines(wordsGz, func(line []byte) {
		if n++; n%40 == 0 {
			words = append(words, string(line))
		}
	})
	words = append(words, strings.Fields(commonTxt)...)
	for line := range strings.SplitSeq(listsTxt, "\n") {
		if line, _, _ = strings.Cut(line, "#"); !strings.HasPrefix(line, "[") {
			words = append(words, strings.Fields(line)...)
		}
	}
	words = append(words, "Sarah", "Jones", "J.", "Mr.", "St", "Dr", "A", "I", "O'Brien", "Jean-Luc", "José")
	pre := []string{"\n", " ", ". ", "] ", "x] ", "1 - ", "Dear ", "in ", "New ", "J. ", "Sarah ", "van ", "Mr "}
	post := []string{" ", ". ", ".", "'s ", "’s ", "'S ", " van ", " de la ", " d", " s", " Jones", " JONES", "J", ".R.",
		" 12", "\n", ",", " (", ": ", ""}
	r := rand.New(rand.NewPCG(4, 4))
	var b strings.Builder
	for _, w := range words {
		if w == "" || !isLetter(w[0]) {
			continue
		}
		c := strings.ToUpper(w[:1]) + w[1:]
		if r.IntN(6) == 0 {
			c = strings.ToUpper(w)
		}
		for range 3 {
			b.WriteString(pre[r.IntN(len(pre))])
			b.WriteString(c)
			b.WriteString(post[r.IntN(len(post))])
			if r.IntN(3) == 0 {
				b.WriteString(words[r.IntN(len(words))])
			}
		}
	}
	text := []byte(b.String())
	typical, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 1 << 20, Density: corpus.Typical})
	office, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 1 << 20, Density: corpus.Office})
	for _, ms := range []int{1, 6, 20, 21, 30, 35, 44, 50, 51, 60, 75, 100} {
		d := New(Options{MinScore: ms})
		compareMemo(t, d, text, true, true)
		for s := 0; s < len(text); s += 997 {
			compareMemo(t, d, text[s:min(len(text), s+1500)], s == 0, false)
		}
		compareMemo(t, d, typical, true, true)
		compareMemo(t, d, office, true, true)
	}
}
