package names_test

import (
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/names"
)

func TestCorpusDbg(t *testing.T) {
	text, spans := corpus.Bytes(corpus.Config{Seed: 3, Size: 2 << 20, Density: corpus.Typical})
	var gold []devSpan
	for _, s := range spans {
		if s.Label == corpus.LabelName {
			gold = append(gold, devSpan{int(s.Start), int(s.End), s.Label})
		}
	}
	eng := detect.MustCompile(names.All(), nil)
	fs, _ := eng.AppendFind(nil, text)
	var res result
	n := 0
	evaluate(gold, fs, &res, func(f string, a ...any) {
		if n < 60 {
			t.Logf(f, a...)
		}
		n++
	}, string(text))
	t.Logf("gold %d pred %d P %.3f R %.3f exact P %.3f R %.3f", res.gold, res.pred, res.overlap.precision(), res.overlap.recall(), res.exact.precision(), res.exact.recall())
}
