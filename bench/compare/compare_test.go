package compare

import (
	"testing"

	"github.com/tidemark/tidemark/bench"
	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// Size is the corpus slice both tools scan: alcatraz runs about fifty
// regular expressions over the whole text, so 1 MiB keeps a run short.
const Size = 1 << 20

var densities = []corpus.Density{corpus.Clean, corpus.Typical, corpus.Dense, corpus.Office}

// BenchmarkCompare/<corpus>/<tool> scans the same 1 MiB with tidemark's
// full set, tidemark without names, tidemark's "pii" set (the closest to
// alcatraz's scope) and alcatraz's default engine.
func BenchmarkCompare(b *testing.B) {
	for _, d := range densities {
		text, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: Size, Density: d})
		s := string(text)
		b.Run(d.String(), func(b *testing.B) {
			for _, set := range []string{"all", "all-but-names", "pii"} {
				b.Run("tidemark-"+set, func(b *testing.B) {
					ds, err := bench.Set(set)
					if err != nil || len(ds) == 0 {
						b.Skip("set not available")
					}
					eng := detect.MustCompile(ds, nil)
					// Load lazy tables (names) before timing, as the main suite does.
					if _, err := eng.AppendFind(nil, []byte("Dear Sarah Jones, call 020 7946 0018.\n")); err != nil {
						b.Fatal(err)
					}
					b.SetBytes(int64(len(text)))
					b.ReportAllocs()
					var dst []detect.Finding
					for b.Loop() {
						dst, _ = eng.AppendFind(dst[:0], text)
					}
					b.ReportMetric(float64(len(dst)), "findings/op")
				})
			}
			b.Run("alcatraz", func(b *testing.B) {
				a := NewAlcatraz()
				a.Count("Dear Sarah Jones, call 020 7946 0018.\n")
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = a.Count(s)
				}
				b.ReportMetric(float64(n), "findings/op")
			})
		})
	}
}

func TestAlcatrazSpans(t *testing.T) {
	text := "Email jo@example.com or call 020 7946 0018; NHS 943 476 5919."
	spans := NewAlcatraz().Spans(text)
	seen := map[string]bool{}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Score == nil || *s.Score < 0 || *s.Score > 100 {
			t.Fatalf("bad span %+v", s)
		}
		if l, ok := AlcatrazLabels.Apply(s.Label); ok {
			seen[l] = true
		}
	}
	if !seen["email"] {
		t.Errorf("alcatraz found no e-mail address in %q: %+v", text, spans)
	}
}
