package pii_test

import (
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii"
)

// TestIntlRunCorpus runs the conformance kit on realistic text: 48 KiB of
// the bench package's typical and dense synthetic corpora (chats, e-mails, tables and
// logs full of numbers, dates and addresses).
func TestIntlRunCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var in []string
	for _, d := range []corpus.Density{corpus.Typical, corpus.Dense} {
		b, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 48 << 10, Density: d})
		in = append(in, string(b))
	}
	for _, d := range []detect.Detector{pii.NewPaymentCard(), pii.NewIBAN(), pii.NewIPAddress(), pii.NewDateOfBirth(), pii.NewUKAddress()} {
		t.Run(d.Spec().ID, func(t *testing.T) {
			detecttest.Run(t, d, in...)
		})
	}
}
