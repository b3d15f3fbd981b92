package bench

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

func TestSets(t *testing.T) {
	if _, err := Set("nope"); err == nil {
		t.Error(`Set("nope") succeeded`)
	}
	all, _ := Set("all")
	for _, name := range SetNames {
		ds, err := Set(name)
		if err != nil {
			t.Fatalf("Set(%q): %v", name, err)
		}
		if len(ds) > len(all) && name != "none" {
			t.Errorf("set %q has %d detectors, more than all (%d)", name, len(ds), len(all))
		}
		if len(ds) == 0 {
			t.Logf("set %q is empty for now", name)
			continue
		}
		if _, err := detect.Compile(ds, nil); err != nil {
			t.Errorf("set %q does not compile: %v", name, err)
		}
		for _, d := range ds {
			sp := d.Spec()
			if (name == "pii" || name == "all-but-names") && sp.Kind == KindName {
				t.Errorf("set %q includes name detector %s", name, sp.ID)
			}
			if name == "names" && sp.Kind != KindName {
				t.Errorf("set names includes %s of kind %s", sp.ID, sp.Kind)
			}
		}
	}
}

// TestNoneFindsNothing checks that the "none" set triggers (it has windows
// to look at) but reports nothing.
func TestNoneFindsNothing(t *testing.T) {
	text, _ := corpus.Bytes(corpus.Config{Seed: 1, Size: 256 << 10, Density: corpus.Typical})
	eng := detect.MustCompile(None(), nil)
	sc := eng.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		t.Fatalf("none reported %+v", sc.Finding())
	}
	if st := sc.Stats(); st.Windows == 0 || st.Bytes != int64(len(text)) {
		t.Fatalf("none: stats %+v, want windows > 0 and %d bytes", st, len(text))
	}
}

// TestModesAgree checks, on each corpus with every set, that the three
// benchmarked modes (whole-buffer, streaming, parallel) give the same
// findings, so the benchmarks compare like with like.
func TestModesAgree(t *testing.T) {
	for _, d := range []corpus.Density{corpus.Clean, corpus.Typical, corpus.Dense} {
		text, _ := corpus.Bytes(corpus.Config{Seed: 2, Size: 3 << 20, Density: d})
		for _, set := range []string{"none", "all"} {
			ds, _ := Set(set)
			if len(ds) == 0 {
				continue
			}
			eng := detect.MustCompile(ds, &detect.Options{ChunkSize: 128 << 10})
			whole, err := eng.AppendFind(nil, text)
			if err != nil {
				t.Fatal(err)
			}
			var stream []detect.Finding
			sc := eng.NewScanner(bytes.NewReader(text))
			for sc.Scan() {
				stream = append(stream, sc.Finding())
			}
			var par []detect.Finding
			if _, err := eng.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: 2, SegmentSize: 1 << 20},
				func(f detect.Finding, _ []byte) error { par = append(par, f); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(whole, stream) || !slices.Equal(whole, par) {
				t.Errorf("%v/%s: whole %d, stream %d, parallel %d findings differ", d, set, len(whole), len(stream), len(par))
			}
		}
	}
}

// TestNaiveMatchesPlanted checks that the regexp baseline does the same
// job: it matches the planted e-mail addresses, NHS numbers and NINOs.
func TestNaiveMatchesPlanted(t *testing.T) {
	text, spans := corpus.Bytes(corpus.Config{Seed: 3, Size: 1 << 20, Density: corpus.Dense})
	re := Naive()
	want := map[string]bool{corpus.LabelEmail: true, corpus.LabelNHS: true, corpus.LabelNINO: true, corpus.LabelPostcode: true}
	var n, hit int
	for _, s := range spans {
		if !want[s.Label] {
			continue
		}
		n++
		lo := max(0, s.Start-2)
		if loc := re.FindIndex(text[lo:min(int64(len(text)), s.End+2)]); loc != nil {
			hit++
		}
	}
	if n == 0 || hit < n*9/10 {
		t.Fatalf("naive regexp found %d of %d planted items", hit, n)
	}
}

func TestSetErrorIsDescriptive(t *testing.T) {
	_, err := Set("everything")
	if err == nil || !strings.Contains(err.Error(), "all-but-names") {
		t.Fatalf("Set error %v should list the set names", err)
	}
}

// TestLabelsAreKinds checks the corpus labels against the Kinds of the
// default bundle (those of the specs, and those its findings carry on a
// dense corpus), so the ground truth and the detectors speak the same
// language. Kinds of packages still being written are only logged.
func TestLabelsAreKinds(t *testing.T) {
	kinds := map[detect.Kind]bool{}
	ds := tidemark.Detectors()
	for _, d := range ds {
		kinds[d.Spec().Kind] = true
	}
	text, _ := corpus.Bytes(corpus.Config{Seed: 4, Size: 1 << 20, Density: corpus.Dense})
	fs, err := detect.MustCompile(ds, nil).AppendFind(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		kinds[f.Kind] = true
	}
	pending := map[string]bool{corpus.LabelName: true, corpus.LabelMarking: true}
	for _, l := range corpus.Labels {
		if kinds[detect.Kind(l)] {
			continue
		}
		if pending[l] {
			t.Logf("label %q: no detector of that Kind yet", l)
			continue
		}
		t.Errorf("corpus label %q is not the Kind of any detector in tidemark.Detectors()", l)
	}
}

// The full naive baseline does the whole job (naively): it matches an
// example of every kind the default set reports.
func TestNaiveFullCoversEveryKind(t *testing.T) {
	re := NaiveFull()
	for _, s := range []string{
		"jo@example.com", "020 7946 0958", "+33 1 23 45 67 89", "943 476 5919", "AB 12 34 56 C", "SW1A 1AA", "BFPO 123",
		"4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "192.0.2.1", "2001:db8:0:0:1::1", "DOB: 12/03/1961",
		"12-34-56", "passport 925665416", "MORGA753116SM9IJ", "AB12 CDE", "10971 72564", "GB 980 7806 84",
		"electoral AB123", "10 Downing Street", "Jane Smith", "OFFICIAL-SENSITIVE", "UK EYES ONLY", "LIMITE",
	} {
		if re.FindString(" "+s+" ") == "" {
			t.Errorf("NaiveFullPattern misses %q", s)
		}
	}
}
