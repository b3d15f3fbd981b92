package pii_test

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii"
)

// intlBenchSize is the size of the synthetic benchmark text: the bench
// package's generator at typical (ordinary) density, seed 1.
const intlBenchSize = 4 << 20

var intlBenchText = sync.OnceValue(func() []byte {
	b, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: intlBenchSize, Density: corpus.Typical})
	return b
})

// BenchmarkIntl measures each payment, network, date and address detector
// alone, then all of them together, then a plain read loop and a plain
// byte loop over the same text (the floor). Run with
//
//	go test ./pii -run '^$' -bench BenchmarkIntl -benchtime=200ms -count=3
func BenchmarkIntl(b *testing.B) {
	text := intlBenchText()
	sets := []struct {
		name string
		ds   []detect.Detector
	}{
		{"pii-payment-card", []detect.Detector{pii.NewPaymentCard()}},
		{"pii-iban", []detect.Detector{pii.NewIBAN()}},
		{"pii-ip-address", []detect.Detector{pii.NewIPAddress()}},
		{"pii-date-of-birth", []detect.Detector{pii.NewDateOfBirth()}},
		{"pii-uk-address", []detect.Detector{pii.NewUKAddress()}},
		{"intl-all", []detect.Detector{pii.NewPaymentCard(), pii.NewIBAN(), pii.NewIPAddress(), pii.NewDateOfBirth(), pii.NewUKAddress()}},
	}
	for _, s := range sets {
		b.Run(s.name, func(b *testing.B) {
			eng := detect.MustCompile(s.ds, nil)
			var fs []detect.Finding
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				fs, _ = eng.AppendFind(fs[:0], text)
			}
			b.ReportMetric(float64(len(fs))/float64(len(text))*(1<<20), "findings/MiB")
		})
	}
	b.Run("baseline-read", func(b *testing.B) {
		buf := make([]byte, 64<<10)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			r := bytes.NewReader(text)
			for {
				if _, err := r.Read(buf); err == io.EOF {
					break
				}
			}
		}
	})
	b.Run("baseline-byteloop", func(b *testing.B) {
		var digit [256]bool
		for c := '0'; c <= '9'; c++ {
			digit[c] = true
		}
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, c := range text {
				if digit[c] {
					n++
				}
			}
		}
		_ = n
	})
}

// BenchmarkIntlFloor measures the engine with a digit-triggered detector
// that does nothing: the cost of prefilter and windows alone.
func BenchmarkIntlFloor(b *testing.B) {
	text := intlBenchText()
	nop := detect.Func(detect.Spec{ID: "test/nop", Kind: "nop", MaxLen: 32, Triggers: detect.Triggers{Bytes: detect.Digits}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })
	eng := detect.MustCompile([]detect.Detector{nop}, nil)
	var fs []detect.Finding
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		fs, _ = eng.AppendFind(fs[:0], text)
	}
}
