package detect_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// benchText is a seeded synthetic text of ordinary UK English chat and
// mail: words, numbers, times, prices, the odd address and marking word.
var benchText = sync.OnceValue(func() []byte { return synthText(16<<20, 1) })

func synthText(size int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 42))
	words := []string{"the", "and", "to", "of", "a", "in", "for", "is", "on", "that", "meeting", "minister",
		"please", "thanks", "call", "tomorrow", "report", "draft", "update", "team", "about", "we", "will",
		"can", "you", "send", "policy", "office", "department", "review", "agreed", "today", "official",
		"week", "Monday", "London", "NHS", "Matt", "Sarah", "latest", "figures", "government", "briefing"}
	rare := []string{"official", "secret", "confidential", "restricted", "OFFICIAL-SENSITIVE"}
	var b bytes.Buffer
	b.Grow(size + 256)
	line := 0
	for b.Len() < size {
		switch r := rng.IntN(100); {
		case r < 3:
			fmt.Fprintf(&b, "%d", rng.IntN(10000))
		case r < 4:
			fmt.Fprintf(&b, "%02d:%02d", rng.IntN(24), rng.IntN(60))
		case r < 5:
			if rng.IntN(4) == 0 {
				b.WriteString("jo@example.com")
			} else {
				b.WriteString(rare[rng.IntN(len(rare))])
			}
		default:
			b.WriteString(words[rng.IntN(len(words))])
		}
		line++
		if line%14 == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// nothingSet has the trigger profile of the default detector set without
// names (digits, '@', marking keywords), and finds nothing: it measures
// the engine's own cost.
func nothingSet() []detect.Detector {
	return []detect.Detector{
		nothing("none/digits", detect.Digits),
		nothing("none/at", "@"),
		detect.Func(detect.Spec{ID: "none/keywords", Kind: "none", MaxLen: 32, Triggers: detect.Triggers{
			Keywords: []string{"official", "secret", "restricted", "confidential", "protect", "classified", "eyes only"}}},
			func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil }),
	}
}

func BenchmarkBaseline(b *testing.B) {
	text := benchText()
	b.Run("read-loop", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		buf := make([]byte, 64<<10)
		r := bytes.NewReader(text)
		for b.Loop() {
			r.Reset(text)
			for {
				if _, err := r.Read(buf); err == io.EOF {
					break
				}
			}
		}
	})
	b.Run("indexbyte", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for t := text; ; {
				i := bytes.IndexByte(t, '@')
				if i < 0 {
					break
				}
				n++
				t = t[i+1:]
			}
		}
		_ = n
	})
}

func BenchmarkEngine(b *testing.B) {
	text := benchText()
	e := detect.MustCompile(nothingSet(), nil)
	b.Run("none/scanner", func(b *testing.B) { benchScanner(b, e, text) })
	b.Run("none/whole", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		var dst []detect.Finding
		for b.Loop() {
			dst, _ = e.AppendFind(dst[:0], text)
		}
	})
	b.Run("none/parallel", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			_, _ = e.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: 2}, func(detect.Finding, []byte) error { return nil })
		}
	})
	fe := detect.MustCompile([]detect.Detector{digitRun(), secretWord()}, nil)
	b.Run("findings/scanner", func(b *testing.B) { benchScanner(b, fe, text) })
}

// BenchmarkChunkSize sweeps Options.ChunkSize for tuning (DESIGN.md).
func BenchmarkChunkSize(b *testing.B) {
	text := benchText()
	for _, cs := range []int{4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20} {
		e := detect.MustCompile(nothingSet(), &detect.Options{ChunkSize: cs})
		b.Run(fmt.Sprintf("chunk=%dK", cs>>10), func(b *testing.B) { benchScanner(b, e, text) })
	}
}

// benchScanner measures a reused Scanner over text.
func benchScanner(b *testing.B, e *detect.Engine, text []byte) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	r := bytes.NewReader(text)
	s := e.NewScanner(r)
	for b.Loop() {
		r.Reset(text)
		s.Reset(r)
		for s.Scan() {
		}
	}
}
