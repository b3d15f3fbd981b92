package phone_test

import (
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii"
	"github.com/tidemark/tidemark/pii/phone"
)

const benchSize = 4 << 20

var benchText = sync.OnceValue(func() []byte {
	b, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: benchSize, Density: corpus.Typical})
	return b
})

var benchTexts = sync.OnceValue(func() map[string][]byte {
	m := map[string][]byte{"typical": benchText()}
	for _, d := range []corpus.Density{corpus.Clean, corpus.Dense} {
		m[d.String()], _ = corpus.Bytes(corpus.Config{Seed: 1, Size: benchSize, Density: d})
	}
	return m
})

// BenchmarkPhone measures, on the bench package's clean, typical and
// dense synthetic corpora, the phone detector alone (with a warm cache, as
// in a long scan, and with a fresh detector per iteration, the cold
// worst case), the pii identifier detectors without and with it, and a
// digit-triggered no-op detector (the engine's floor on this text). It
// reports phonenumbers calls per MiB. Run with
//
//	go test ./pii/phone -run '^$' -bench . -benchtime=200ms -count=3
func BenchmarkPhone(b *testing.B) {
	for _, density := range []string{"clean", "typical", "dense"} {
		text := benchTexts()[density]
		b.Run(density, func(b *testing.B) { benchPhone(b, text) })
	}
}

func benchPhone(b *testing.B, text []byte) {
	mib := float64(len(text)) / (1 << 20)
	run := func(b *testing.B, ds func() []detect.Detector, fresh bool) {
		eng := detect.MustCompile(ds(), nil)
		var fs []detect.Finding
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if fresh {
				b.StopTimer()
				eng = detect.MustCompile(ds(), nil)
				b.StartTimer()
			}
			fs, _ = eng.AppendFind(fs[:0], text)
		}
		b.ReportMetric(float64(len(fs))/mib, "findings/MiB")
	}
	b.Run("phone", func(b *testing.B) {
		d := phone.New(phone.Options{})
		run(b, func() []detect.Detector { return []detect.Detector{d} }, false)
		b.ReportMetric(float64(phone.Calls(d))/mib/float64(b.N), "calls/MiB")
	})
	b.Run("phone-cold", func(b *testing.B) {
		var last *phone.Detector
		var calls int64
		run(b, func() []detect.Detector {
			if last != nil {
				calls += phone.Calls(last)
			}
			last = phone.New(phone.Options{})
			return []detect.Detector{last}
		}, true)
		calls += phone.Calls(last)
		b.ReportMetric(float64(calls)/mib/float64(b.N), "calls/MiB")
	})
	b.Run("pii-all", func(b *testing.B) {
		run(b, pii.All, false)
	})
	b.Run("pii-all+phone", func(b *testing.B) {
		run(b, func() []detect.Detector { return append(pii.All(), phone.All()...) }, false)
	})
	b.Run("floor", func(b *testing.B) {
		nop := detect.Func(detect.Spec{ID: "test/nop", Kind: "nop", MaxLen: 32, Triggers: detect.Triggers{Bytes: detect.Digits}},
			func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })
		run(b, func() []detect.Detector { return []detect.Detector{nop} }, false)
	})
}

// TestPhoneCallsBounded checks that the pre-check keeps phonenumbers
// calls rare on ordinary text: fewer than one per 2 KiB even with a cold
// cache.
func TestPhoneCallsBounded(t *testing.T) {
	text := benchText()[:1<<20]
	d := phone.New(phone.Options{})
	eng := detect.MustCompile([]detect.Detector{d}, nil)
	fs, _ := eng.AppendFind(nil, text)
	calls := phone.Calls(d)
	if calls > int64(len(text)/2048) {
		t.Errorf("%d phonenumbers calls for 1 MiB (%d findings); want < %d", calls, len(fs), len(text)/2048)
	}
	if len(fs) == 0 {
		t.Error("no phone numbers found in the typical corpus")
	}
}
