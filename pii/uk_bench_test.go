package pii

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// ukSynthText returns n bytes of seeded synthetic English prose with
// digits at the density of ordinary business text (dates, times, prices,
// quantities, order numbers, phone numbers: about 3% of bytes are digits)
// and a few UK identifiers (about one per 3 KiB).
func ukSynthText(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 0x756b))
	words := strings.Fields(`the a of and to in is was for on that with as at by from it this be are
		have we will our your please meeting report team thanks regards client project office
		update review draft week month today tomorrow attached see note call sent received about
		would could should which when where there their been more also other some into after before
		council service support payment order account invoice delivery customer patient record`)
	var b strings.Builder
	b.Grow(n + 64)
	for b.Len() < n {
		switch x := r.IntN(1000); {
		case x < 8:
			fmt.Fprintf(&b, "%02d/%02d/20%02d", 1+r.IntN(28), 1+r.IntN(12), r.IntN(30))
		case x < 14:
			fmt.Fprintf(&b, "%02d:%02d", r.IntN(24), r.IntN(60))
		case x < 22:
			fmt.Fprintf(&b, "£%d.%02d", r.IntN(2000), r.IntN(100))
		case x < 40:
			fmt.Fprintf(&b, "%d", r.IntN(100))
		case x < 44:
			fmt.Fprintf(&b, "#%d", 10000+r.IntN(90000))
		case x < 47:
			fmt.Fprintf(&b, "020 7946 0%03d", r.IntN(1000))
		case x < 49:
			switch r.IntN(4) {
			case 0:
				b.WriteString("NHS number 943 476 5919")
			case 1:
				b.WriteString("SW1A 1AA")
			case 2:
				b.WriteString("NI AB 12 34 56 C")
			default:
				b.WriteString("sort code 12-34-56 account 12345678")
			}
		default:
			b.WriteString(words[r.IntN(len(words))])
		}
		if r.IntN(12) == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

var ukBenchText = sync.OnceValue(func() []byte { return []byte(ukSynthText(42, 16<<20)) })

// BenchmarkUK measures each UK detector alone, all of them together, and
// two baselines on the same 16 MiB synthetic text: a plain byte loop and
// an engine whose only detector triggers on digits and reports nothing
// (the cost of the shared prefilter and windows).
func BenchmarkUK(b *testing.B) {
	text := ukBenchText()
	b.Run("baseline/plain-loop", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		var n int
		for b.Loop() {
			n = 0
			for _, c := range text {
				if c == '\n' {
					n++
				}
			}
		}
		_ = n
	})
	nop := detect.Func(detect.Spec{ID: "bench/nop", Kind: "nop", MaxLen: 12,
		Triggers: detect.Triggers{Bytes: detect.Digits}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })
	run := func(name string, ds ...detect.Detector) {
		eng := detect.MustCompile(ds, nil)
		dst := make([]detect.Finding, 0, 1<<16)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if dst, err = eng.AppendFind(dst[:0], text); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(dst)), "findings")
		})
	}
	run("baseline/digit-windows", nop)
	for _, d := range ukDetectors() {
		run(d.Spec().ID, d)
	}
	run("all-uk", ukDetectors()...)
}

func TestUKSynthText(t *testing.T) {
	s := ukSynthText(7, 64<<10)
	if s != ukSynthText(7, 64<<10) {
		t.Fatal("synthetic text is not deterministic")
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if ukIsDigit(s[i]) {
			digits++
		}
	}
	if d := float64(digits) / float64(len(s)); d < 0.02 || d > 0.05 {
		t.Errorf("digit density %.3f outside 0.02..0.05", d)
	}
}

// BenchmarkUKDetect measures each detector's own Detect over the whole
// synthetic text as one window (every digit a hit), without the engine's
// prefilter, windowing and cues.
func BenchmarkUKDetect(b *testing.B) {
	text := ukBenchText()
	var hits []int32
	for i, c := range text {
		if ukIsDigit(c) {
			hits = append(hits, int32(i))
		}
	}
	w := &detect.Window{Text: text, Hits: hits, AtStart: true, AtEnd: true}
	dst := make([]detect.Finding, 0, 1<<16)
	for _, d := range ukDetectors() {
		b.Run(d.Spec().ID, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst, _ = d.Detect(dst[:0], w)
			}
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}
