package corpus_test

import (
	"fmt"

	"github.com/tidemark/tidemark/bench/corpus"
)

// Generate a small typical corpus in memory and count the planted items
// of a few kinds. The same seed always gives the same text and spans.
func Example() {
	text, spans := corpus.Bytes(corpus.Config{Seed: 1, Size: 64 << 10, Density: corpus.Typical})
	n := map[string]int{}
	for _, s := range spans {
		n[s.Label]++
	}
	fmt.Println(len(text) <= 64<<10, text[len(text)-1] == '\n')
	fmt.Println(n[corpus.LabelNHS] > 0, n[corpus.LabelEmail] > 0, n[corpus.LabelName] > 0)
	// Output:
	// true true
	// true true true
}

// Stream one document at a time; each carries its spans with offsets into
// its own text.
func ExampleGenerator() {
	g := corpus.NewGenerator(42, corpus.Dense)
	for range 3 {
		d := g.Next()
		ok := true
		for _, s := range d.Spans {
			ok = ok && s.Start >= 0 && s.End <= int64(len(d.Text)) && s.Start < s.End
		}
		fmt.Println(len(d.Text) > 0, ok)
	}
	// Output:
	// true true
	// true true
	// true true
}
