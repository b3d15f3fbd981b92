package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	// A generous timeout: a timeout under the fuzzer's load would rightly
	// make streaming and whole-buffer results differ.
	d := rules.MustNew(rules.Rule{ID: "t/mix", Timeout: 5 * time.Second, Pattern: `(?<![\w-])(?:[A-Z]{2}\d{2}|\d{3})(?:-\d{2})?(?!\w)`,
		Cues: []detect.Cue{{Word: "ref", Delta: 10}}})
	detecttest.Fuzz(f, d, "AB12-34 ref 123 4567 AB12CD34", "日本 AB99 ٣٤ 12-3")
}

func FuzzDetectDense(f *testing.F) {
	d := rules.MustNew(rules.Rule{ID: "t/dense", Pattern: `\d{2,4}`, Timeout: 5 * time.Second})
	detecttest.Fuzz(f, d, "1 12 123 1234 12345 123456789", strings.Repeat("9", 100))
}

// FuzzDerive checks the pattern analysis: New must not panic on any
// pattern, and when it derives triggers and MaxLen itself, they must be
// sound: the engine (which only looks near triggers) finds exactly what
// the detector finds when every byte is treated as a trigger.
func FuzzDerive(f *testing.F) {
	for _, p := range []string{`\bPRJ-\d{6}\b`, `(?<=ref: )[A-Z]{3}\d{4}`, `(?i)secret|kelvin`, `[^a-z]{2}é`,
		`(?>ab|a)c@`, `(\d)\1x`, `\p{Lu}\p{Nd}`, `[\d\s]{3}#`, `(?'n'a)b\k'n'`, `\u00e9\x41{2}`, `a(?#c)b`, `(?n:x)y`} {
		f.Add(p, "ref: ABC1234 PRJ-123456 SECRET ſecret \u212aelvin AB12é 12é abc@ 11x AB 0 #")
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if len(pattern) > 64 || len(text) > 512 {
			return
		}
		for _, syn := range []rules.Syntax{rules.RE2, rules.DotNet} {
			d, err := rules.New(rules.Rule{ID: "t/f", Pattern: pattern, Syntax: syn, Timeout: 50 * time.Millisecond})
			if err != nil {
				continue
			}
			w := &detect.Window{Text: []byte(text), AtStart: true, AtEnd: true}
			for i := range text {
				w.Hits = append(w.Hits, int32(i))
			}
			all, err := d.Detect(nil, w)
			if err != nil {
				continue // timed out
			}
			e := detect.MustCompile([]detect.Detector{d}, &detect.Options{Binary: detect.BinaryScan})
			sc := e.NewScanner(strings.NewReader(text))
			var got []detect.Finding
			for sc.Scan() {
				got = append(got, sc.Finding())
			}
			if sc.Stats().Incomplete > 0 {
				continue // a timeout under load; not a soundness question
			}
			if len(got) != len(all) {
				t.Fatalf("syntax %v pattern %q triggers %+v maxLen %d: engine found %d, exhaustive %d", syn, pattern, d.Spec().Triggers, d.Spec().MaxLen, len(got), len(all))
			}
			for i := range got {
				if got[i].Start != all[i].Start || got[i].End != all[i].End {
					t.Fatalf("syntax %v pattern %q triggers %+v: engine found [%d,%d), exhaustive [%d,%d)", syn, pattern, d.Spec().Triggers, got[i].Start, got[i].End, all[i].Start, all[i].End)
				}
			}
		}
	})
}
