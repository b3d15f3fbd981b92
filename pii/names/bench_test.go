package names_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/names"
)

// typicalCorpus is the project's seeded synthetic benchmark text
// (bench/corpus, typical density: chat exports, e-mails and prose).
var typicalCorpus = sync.OnceValue(func() []byte {
	b, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: 8 << 20, Density: corpus.Typical})
	return b
})

// chatCorpus is about 8 MiB of the seeded synthetic chat and e-mail
// messages of testdata/dev.jsonl (both splits), shuffled with a fixed
// seed: name-dense text, one capital letter in every 12 bytes or so.
var chatCorpus = sync.OnceValue(func() []byte {
	recs := loadDev(&testing.T{})
	r := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	for b.Len() < 8<<20 {
		b.WriteString(recs[r.IntN(len(recs))].Text)
		b.WriteByte('\n')
	}
	return []byte(b.String())
})

// proseCorpus is about 8 MiB of seeded business prose: sentences of
// common words with capitals at sentence starts, a few names, places,
// organisations and acronyms.
var proseCorpus = sync.OnceValue(func() []byte {
	r := rand.New(rand.NewPCG(42, 42))
	words := strings.Fields(`the a of and to in is was for on that with as at by from it this be are
		have we will our your please meeting report team thanks regards client project office
		update review draft week month today tomorrow attached see note call sent received about
		would could should which when where there their been more also other some into after before
		council service support payment order account invoice delivery customer patient record`)
	caps := strings.Fields(`NHS London Monday Sarah Jones Council Treasury Mr Smith UK COVID Excel
		Manchester Brown Priya Patel January Ltd Minister Will Grace`)
	var b strings.Builder
	start := true
	for b.Len() < 8<<20 {
		w := words[r.IntN(len(words))]
		if r.IntN(25) == 0 {
			w = caps[r.IntN(len(caps))]
		}
		if start {
			w = strings.ToUpper(w[:1]) + w[1:]
			start = false
		}
		b.WriteString(w)
		switch r.IntN(14) {
		case 0:
			b.WriteString(".\n")
			start = true
		case 1:
			b.WriteString(". ")
			start = true
		default:
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
})

// nothingUpper triggers like the name detector and reports nothing: the
// engine's own cost for a detector triggered by capitals.
func nothingUpper() detect.Detector {
	return detect.Func(detect.Spec{ID: "none/upper", Kind: "none", MaxLen: 64, Cues: detect.Cues{Radius: 64},
		Triggers: detect.Triggers{Bytes: detect.Upper}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })
}

// BenchmarkNames measures the name detector alone in the engine on the
// two corpora, with baselines in the same run: a plain byte loop over the
// text, and the engine with a detector that triggers on capitals too but
// does nothing. "detect" calls Detect directly on 64 KiB windows with
// their capital-letter hits, without the engine.
func BenchmarkNames(b *testing.B) {
	names.Load()
	for _, corpus := range []struct {
		name string
		text []byte
	}{{"typical", typicalCorpus()}, {"chat-email", chatCorpus()}, {"prose", proseCorpus()}} {
		text := corpus.text
		b.Run(corpus.name+"/baseline/plain-loop", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, c := range text {
					if c >= 'A' && c <= 'Z' {
						n++
					}
				}
			}
			_ = n
		})
		b.Run(corpus.name+"/baseline/engine-upper-nothing", func(b *testing.B) {
			eng := detect.MustCompile([]detect.Detector{nothingUpper()}, nil)
			benchEngine(b, eng, text)
		})
		b.Run(corpus.name+"/names", func(b *testing.B) {
			eng := detect.MustCompile(names.All(), nil)
			benchEngine(b, eng, text)
		})
		b.Run(corpus.name+"/detect", func(b *testing.B) {
			d := names.New(names.Options{})
			const win = 64 << 10
			var hits [][]int32
			for s := 0; s < len(text); s += win {
				var h []int32
				for i, c := range text[s:min(len(text), s+win)] {
					if c >= 'A' && c <= 'Z' {
						h = append(h, int32(i))
					}
				}
				hits = append(hits, h)
			}
			dst := make([]detect.Finding, 0, 1<<14)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var w detect.Window
			for b.Loop() {
				for k, s := 0, 0; s < len(text); k, s = k+1, s+win {
					e := min(len(text), s+win)
					w = detect.Window{Text: text[s:e:e], Base: int64(s), Hits: hits[k], AtStart: s == 0, AtEnd: e == len(text)}
					dst, _ = d.Detect(dst[:0], &w)
				}
			}
		})
	}
}

func benchEngine(b *testing.B, eng *detect.Engine, text []byte) {
	dst := make([]detect.Finding, 0, 1<<18)
	var n int
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		dst, err = eng.AppendFind(dst[:0], text)
		if err != nil {
			b.Fatal(err)
		}
		n = len(dst)
	}
	b.ReportMetric(float64(n)/float64(len(text))*1e6, "findings/MB")
}

// BenchmarkLoad measures building the embedded tables (what the first
// Detect call pays once per process).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		names.BuildTablesForBenchmark()
	}
}

func ExampleLoad() {
	names.Load() // optional: pay the table cost now, not in the first scan
	fmt.Println("loaded")
	// Output: loaded
}
