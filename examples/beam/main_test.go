package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// TestMain runs the pipeline's tests on Prism, Beam's local runner,
// unless --runner says otherwise.
func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Sort(lines)
	return lines
}

func TestPipeline(t *testing.T) {
	rulesYAML, err := os.ReadFile(filepath.Join("testdata", "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Detectors: []string{"pii/email", "pii/uk-nhs", "pii/phone", "markings/*"},
		MinScore:  50,
		Rules:     string(rulesYAML),
		RulesName: "rules.yaml",
	}
	if _, err := newEngine(cfg); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	findingsPath, summariesPath := filepath.Join(out, "findings.jsonl"), filepath.Join(out, "summaries.jsonl")
	in, err := filepath.Abs(filepath.Join("testdata", "in"))
	if err != nil {
		t.Fatal(err)
	}

	p, s := beam.NewPipelineWithRoot()
	Build(s, filepath.Join(in, "*"), findingsPath, summariesPath, cfg)
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}

	// Findings: file, rule and the text they point at (read back from the
	// inputs: the output itself holds no matched values).
	var got []string
	for _, line := range readLines(t, findingsPath) {
		var f Finding
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("bad finding line %q: %v", line, err)
		}
		src, err := os.ReadFile(f.File)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(f.File)+" "+f.Rule+" "+string(src[f.Start:f.End]))
	}
	slices.Sort(got)
	want := []string{
		"memo.txt markings/classification OFFICIAL-SENSITIVE",
		"memo.txt pii/email jane.doe@example.com",
		"memo.txt pii/uk-nhs 943 476 5919",
		"minutes.txt acme/project-code PRJ-123456",
		"minutes.txt pii/phone 020 7946 0018",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	sums := map[string]Summary{}
	for _, line := range readLines(t, summariesPath) {
		var s Summary
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("bad summary line %q: %v", line, err)
		}
		sums[filepath.Base(s.File)] = s
	}
	if len(sums) != 4 {
		t.Errorf("got %d summaries, want 4 (one per file): %v", len(sums), sums)
	}
	if s := sums["memo.txt"]; s.Findings != 3 || s.Marking != "OFFICIAL-SENSITIVE" || s.Kinds["email"] != 1 {
		t.Errorf("memo.txt summary = %+v", s)
	}
	if s := sums["clean.txt"]; s.Findings != 0 || s.Bytes == 0 || s.Error != "" {
		t.Errorf("clean.txt summary = %+v", s)
	}
	if s := sums["blob.bin"]; s.Skipped != "binary" || s.Findings != 0 {
		t.Errorf("blob.bin summary = %+v", s)
	}
}

func TestSharedEngine(t *testing.T) {
	cfg := Config{Detectors: []string{"pii/email"}}
	a, err := sharedEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sharedEngine(cfg)
	if a != b {
		t.Error("sharedEngine built two engines for one configuration")
	}
	if c, _ := sharedEngine(Config{Detectors: []string{"pii/uk-nhs"}}); c == a {
		t.Error("sharedEngine shared an engine across configurations")
	}
	if _, err := sharedEngine(Config{Detectors: []string{"nope/*"}}); err == nil {
		t.Error("bad detector pattern accepted")
	}
	if _, err := newEngine(Config{Detectors: []string{"pii/email"}, Rules: "rules: [{id: x}]", RulesName: "bad.yaml"}); err == nil || !strings.Contains(err.Error(), "bad.yaml:1") {
		t.Errorf("bad rule file: err = %v, want it located in bad.yaml", err)
	}
}
