package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/detect/rules"
)

// FuzzLoad checks that Load never panics or hangs, and that whatever it
// accepts compiles into an engine that scans.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"rules.yaml", "rules.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("rules:\n  - {id: a/b, pattern: '(?<=x)\\d{3}(?!y)', cues: [{word: w, delta: 5}]}\n"))
	f.Add([]byte("deny: [a, bb, ccc]\nallow: [{pattern: 'x', rules: ['*']}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := rules.Load(bytes.NewReader(data), "fuzz.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		ds := set.Apply(set.Detectors())
		e, err := detect.Compile(ds, nil)
		if err != nil {
			t.Fatalf("Load accepted rules the engine rejects: %v", err)
		}
		text := []byte("PRJ-123456 ref: ABC1234 4111 1111 1111 1111 a bb ccc x 123y")
		if _, err := e.AppendFind(nil, text); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDetect runs the conformance invariants of detecttest on rule
// detectors with look-around, a validator and dense overlapping matches.
func FuzzDetect(f *testing.F) {
	d := rules.MustNew(rules.Rule{ID: "t/mix", Pattern: `(?<![\w-])(?:[A-Z]{2}\d{2}|\d{3})(?:-\d{2})?(?!\w)`,
		Cues: []detect.Cue{{Word: "ref", Delta: 10}}})
	detecttest.Fuzz(f, d, "AB12-34 ref 123 4567 AB12CD34", "日本 AB99 ٣٤ 12-3")
}

func FuzzDetectDense(f *testing.F) {
	d := rules.MustNew(rules.Rule{ID: "t/dense", Pattern: `\d{2,4}`})
	detecttest.Fuzz(f, d, "1 12 123 1234 12345 123456789", strings.Repeat("9", 100))
}
