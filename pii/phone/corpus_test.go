package phone_test

import (
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii"
	"github.com/tidemark/tidemark/pii/phone"
)

// TestCorpusRecall runs the phone detector and package pii's payment,
// network and date-of-birth detectors over the bench package's labelled
// synthetic corpora (typical and dense, 2 MiB each; generated
// independently of these detectors) and checks recall of the planted
// items, and that few findings land where nothing of their kind was
// planted. Dates of birth in the dense corpus's CSV tables have their only
// cue in a column header lines away, which the detector does not see: they
// are not counted there.
func TestCorpusRecall(t *testing.T) {
	for _, d := range []corpus.Density{corpus.Typical, corpus.Dense} {
		t.Run(d.String(), func(t *testing.T) { corpusRecall(t, d) })
	}
}

func corpusRecall(t *testing.T, density corpus.Density) {
	text, spans := corpus.Bytes(corpus.Config{Seed: 7, Size: 2 << 20, Density: density})
	ds := []detect.Detector{phone.New(phone.Options{}), pii.NewPaymentCard(), pii.NewIBAN(), pii.NewIPAddress(), pii.NewDateOfBirth()}
	eng := detect.MustCompile(ds, &detect.Options{MinScore: 50})
	fs, err := eng.AppendFind(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		s, e int64
		k    detect.Kind
	}
	found := map[key]bool{}
	for _, f := range fs {
		found[key{f.Start, f.End, f.Kind}] = true
	}
	planted := map[key]bool{}
	total, hit := map[detect.Kind]int{}, map[detect.Kind]int{}
	for _, sp := range spans {
		k := detect.Kind(sp.Label)
		switch k {
		case phone.Kind, pii.KindPaymentCard, pii.KindIBAN, pii.KindIPAddress, pii.KindDateOfBirth:
		default:
			continue
		}
		kk := key{sp.Start, sp.End, k}
		planted[kk] = true
		total[k]++
		if found[kk] {
			hit[k]++
		} else if total[k]-hit[k] <= 3 {
			t.Logf("%s missed: %q", k, text[max(0, sp.Start-60):min(int64(len(text)), sp.End+30)])
		}
	}
	extra := map[detect.Kind]int{}
	for _, f := range fs {
		if !planted[key{f.Start, f.End, f.Kind}] {
			extra[f.Kind]++
			if extra[f.Kind] <= 3 {
				t.Logf("%s unplanted: %q", f.Kind, text[max(0, f.Start-50):min(int64(len(text)), f.End+50)])
			}
		}
	}
	for k, n := range total {
		r := float64(hit[k]) / float64(n)
		t.Logf("%-13s planted %5d found %5d recall %.4f unplanted findings %d", k, n, hit[k], r, extra[k])
		if extra[k] > n/100 {
			t.Errorf("%s: %d findings where nothing was planted (%d planted)", k, extra[k], n)
		}
		if r < 0.99 && !(density == corpus.Dense && k == pii.KindDateOfBirth) {
			t.Errorf("%s: recall %.4f on the bench corpus, want >= 0.99", k, r)
		}
	}
}

// TestRunCorpus runs the conformance kit on 48 KiB of the bench package's
// typical and dense synthetic corpora.
func TestRunCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var in []string
	for _, d := range []corpus.Density{corpus.Typical, corpus.Dense} {
		b, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 48 << 10, Density: d})
		in = append(in, string(b))
	}
	detecttest.Run(t, phone.New(phone.Options{}), in...)
}
