package detect

import (
	"runtime"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
)

// benchCueLists are copies of the cue lists of the pii detectors that
// find most on the typical corpus (package pii imports detect, so its
// Specs cannot be used here), keyed by the corpus label of what they find.
var benchCueLists = map[string]Cues{
	corpus.LabelPhone: {Radius: 32, Words: []Cue{
		{Word: "tel", Delta: 25}, {Word: "telephone", Delta: 25}, {Word: "phone", Delta: 25},
		{Word: "mob", Delta: 25}, {Word: "mobile", Delta: 25}, {Word: "whatsapp", Delta: 25},
		{Word: "fax", Delta: 25}, {Word: "call", Delta: 20}, {Word: "ring", Delta: 20},
		{Word: "text", Delta: 20}, {Word: "contact", Delta: 20},
		{Word: "invoice", Delta: -25}, {Word: "ref", Delta: -25}, {Word: "reference", Delta: -25},
		{Word: "order", Delta: -25}, {Word: "account", Delta: -25}, {Word: "serial", Delta: -25},
		{Word: "tracking", Delta: -25}, {Word: "isbn", Delta: -25},
	}},
	corpus.LabelEmail: {Radius: 32, Words: []Cue{
		{Word: "email", Delta: 10}, {Word: "e-mail", Delta: 10}, {Word: "mailto", Delta: 10, Side: Before},
		{Word: "contact", Delta: 10},
	}},
	corpus.LabelAddress: {Radius: 32, Words: []Cue{
		{Word: "address", Delta: 15}, {Word: "lives at", Delta: 15}, {Word: "live at", Delta: 15},
		{Word: "resides", Delta: 15}, {Word: "residing", Delta: 15},
		{Word: "home", Delta: 10}, {Word: "deliver", Delta: 10}, {Word: "delivery", Delta: 10},
		{Word: "correspondence", Delta: 10},
	}},
	corpus.LabelPostcode: {Radius: 64, Words: []Cue{
		{Word: "postcode", Delta: 35}, {Word: "post code", Delta: 35}, {Word: "postal code", Delta: 30},
		{Word: "address", Delta: 15}, {Word: "road", Delta: 10}, {Word: "street", Delta: 10},
		{Word: "lane", Delta: 10}, {Word: "avenue", Delta: 10}, {Word: "flat", Delta: 10},
		{Word: "london", Delta: 10}, {Word: "ref", Delta: -15}, {Word: "order", Delta: -15},
		{Word: "invoice", Delta: -15}, {Word: "part", Delta: -20}, {Word: "model", Delta: -20},
		{Word: "sku", Delta: -20}, {Word: "flight", Delta: -20},
	}},
	corpus.LabelNHS: {Radius: 64, Words: []Cue{
		{Word: "nhs", Delta: 45}, {Word: "national health service", Delta: 45}, {Word: "patient", Delta: 15},
		{Word: "hospital", Delta: 10}, {Word: "gp", Delta: 10}, {Word: "chi", Delta: -20},
		{Word: "invoice", Delta: -30}, {Word: "order", Delta: -30}, {Word: "phone", Delta: -30},
		{Word: "tel", Delta: -30}, {Word: "isbn", Delta: -30}, {Word: "account", Delta: -20},
		{Word: "ref", Delta: -10},
	}},
	corpus.LabelDOB: {Radius: 48, Words: []Cue{
		{Word: "dob", Delta: 45, Side: Before}, {Word: "d o b", Delta: 45, Side: Before},
		{Word: "date of birth", Delta: 45, Side: Before}, {Word: "birthdate", Delta: 45, Side: Before},
		{Word: "born", Delta: 40, Side: Before}, {Word: "birth", Delta: 35, Side: Before},
		{Word: "birthday", Delta: 35, Side: Before},
		{Word: "dob", Delta: 25, Side: After}, {Word: "d o b", Delta: 25, Side: After},
		{Word: "date of birth", Delta: 25, Side: After}, {Word: "birthday", Delta: 25, Side: After},
		{Word: "due", Delta: -20}, {Word: "expiry", Delta: -20}, {Word: "expires", Delta: -20},
		{Word: "issued", Delta: -20}, {Word: "invoice", Delta: -20}, {Word: "meeting", Delta: -20},
		{Word: "deadline", Delta: -20}, {Word: "sent", Delta: -20}, {Word: "updated", Delta: -20},
		{Word: "posted", Delta: -20},
	}},
	corpus.LabelIP: {Radius: 48, Words: []Cue{
		{Word: "ip", Delta: 20}, {Word: "address", Delta: 10}, {Word: "host", Delta: 10},
		{Word: "client", Delta: 10}, {Word: "server", Delta: 10}, {Word: "login", Delta: 10},
		{Word: "remote", Delta: 10},
		{Word: "version", Delta: -40}, {Word: "v", Delta: -40}, {Word: "build", Delta: -40},
		{Word: "release", Delta: -40}, {Word: "firmware", Delta: -40}, {Word: "oid", Delta: -40},
		{Word: "section", Delta: -40}, {Word: "chapter", Delta: -40},
	}},
	corpus.LabelIBAN: {Radius: 32, Words: []Cue{
		{Word: "iban", Delta: 15}, {Word: "bank", Delta: 15}, {Word: "account", Delta: 15},
		{Word: "acct", Delta: 15}, {Word: "transfer", Delta: 15}, {Word: "bic", Delta: 15},
		{Word: "swift", Delta: 15},
		{Word: "ref", Delta: -20}, {Word: "reference", Delta: -20},
	}},
	corpus.LabelCard: {Radius: 48, Words: []Cue{
		{Word: "card", Delta: 20}, {Word: "credit", Delta: 20}, {Word: "debit", Delta: 20},
		{Word: "visa", Delta: 20}, {Word: "mastercard", Delta: 20}, {Word: "amex", Delta: 20},
		{Word: "cvv", Delta: 20}, {Word: "cvc", Delta: 20}, {Word: "expiry", Delta: 20},
		{Word: "payment", Delta: 20},
		{Word: "order", Delta: -30}, {Word: "invoice", Delta: -30}, {Word: "ref", Delta: -30},
		{Word: "reference", Delta: -30}, {Word: "tracking", Delta: -30}, {Word: "transaction", Delta: -30},
		{Word: "imei", Delta: -30}, {Word: "isbn", Delta: -30}, {Word: "iccid", Delta: -30},
	}},
}

// A cueBenchCase is one planted value of the typical corpus and the cue
// set of the detector that finds it.
type cueBenchCase struct {
	label string
	set   *cueSet
	s, e  int
}

// cueBenchData is 4 MiB of the typical bench corpus and its planted
// values that have a cue list in benchCueLists, in text order.
var cueBenchData = sync.OnceValues(func() ([]byte, []cueBenchCase) {
	text, spans := corpus.Bytes(corpus.Config{Seed: 3, Size: 4 << 20, Density: corpus.Typical})
	sets := map[string]*cueSet{}
	for label, cs := range benchCueLists {
		c := newCueSet(cs)
		sets[label] = &c
	}
	var cases []cueBenchCase
	for _, sp := range spans {
		if c := sets[sp.Label]; c != nil {
			cases = append(cases, cueBenchCase{sp.Label, c, int(sp.Start), int(sp.End)})
		}
	}
	return text, cases
})

// BenchmarkCueDelta measures cueDelta around the planted values of the
// typical corpus (phone numbers and e-mail addresses are most of them, as
// they are most of the pii set's findings), with each detector's cue list:
// ns/finding is the cost the engine adds to each finding (cpu-ns/finding
// the same in the CPU time of the benchmark's thread, on Linux: steadier
// on a shared machine). The sub-benchmarks
// restrict the cases to one label.
func BenchmarkCueDelta(b *testing.B) {
	text, cases := cueBenchData()
	run := func(b *testing.B, cases []cueBenchCase) {
		runtime.GC() // no collection left over from making the corpus
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		sum := 0
		cpu := cueCPUNanos()
		for b.Loop() {
			for i := range cases {
				sum += cases[i].set.cueDelta(text, cases[i].s, cases[i].e)
			}
		}
		cpu = cueCPUNanos() - cpu
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/finding")
		if cpu > 0 {
			b.ReportMetric(float64(cpu)/float64(b.N*len(cases)), "cpu-ns/finding")
		}
		b.ReportMetric(0, "ns/op")
		if sum == 42 {
			b.Log(sum)
		}
	}
	b.Run("all", func(b *testing.B) { run(b, cases) })
	for _, label := range []string{corpus.LabelPhone, corpus.LabelEmail, corpus.LabelIP, corpus.LabelPostcode} {
		var sub []cueBenchCase
		for _, k := range cases {
			if k.label == label {
				sub = append(sub, k)
			}
		}
		b.Run(label, func(b *testing.B) { run(b, sub) })
	}
}
