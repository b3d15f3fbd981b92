package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
)

func TestPredFile(t *testing.T) {
	var out bytes.Buffer
	o := &options{
		gold: "../../accuracy/testdata/tiny.gold.jsonl", pred: "../../accuracy/testdata/tiny.pred.jsonl",
		mapping: "PHONE_NUMBER=phone,EMAIL_ADDRESS=email,PERSON=person.name,DATE_TIME=-", format: "md",
	}
	if err := run(&out, o); err != nil {
		t.Fatal(err)
	}
	// Hand-computed in bench/accuracy/accuracy_test.go (TestScoreMapped).
	if !strings.Contains(out.String(), "| **all** | 4 | 5 | 0.400 | 0.500 | 0.444 | 0.600 | 0.750 | 0.667 |") {
		t.Fatalf("output:\n%s", out.String())
	}
	o.labels = "phone"
	out.Reset()
	if err := run(&out, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "| **all** | 2 | 2 | 0.500 | 0.500 | 0.500 |") || strings.Contains(out.String(), "email") {
		t.Fatalf("output with -labels phone:\n%s", out.String())
	}
	o.labels = ""
	o.minScore = 50
	out.Reset()
	if err := run(&out, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "| **all** | 4 | 3 | 0.667 | 0.500 | 0.571 | 1.000 | 0.750 | 0.857 |") {
		t.Fatalf("output with -min-score 50:\n%s", out.String())
	}
}

func TestFlagErrors(t *testing.T) {
	gold := "../../accuracy/testdata/tiny.gold.jsonl"
	for _, o := range []*options{
		{gold: gold, format: "html"},
		{gold: gold, format: "text", minScore: 101},
		{gold: gold, format: "text", mapping: "oops"},
		{gold: gold, format: "text", pred: gold, detectors: "pii/*"},
		{gold: "does-not-exist.jsonl", format: "text"},
		{gold: gold, format: "text", detectors: "no-such/detector"},
	} {
		if err := run(&bytes.Buffer{}, o); err == nil {
			t.Errorf("run(%+v) succeeded", *o)
		}
	}
}

// TestDetectors runs the default bundle over a small generated corpus and
// checks that the report is well formed; the figures depend on the
// detectors that have landed.
func TestDetectors(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	f, err := os.Create(gold)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.WriteDocs(f, corpus.Config{Seed: 1, Size: 64 << 10, Density: corpus.Typical}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var out bytes.Buffer
	o := &options{gold: gold, format: "text", writePred: filepath.Join(dir, "pred.jsonl")}
	if err := run(&out, o); err != nil {
		if strings.Contains(err.Error(), "no detectors") {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "all") || !strings.Contains(out.String(), "overlap P") {
		t.Fatalf("report:\n%s", out.String())
	}
	// The written predictions score the same when read back.
	var again bytes.Buffer
	if err := run(&again, &options{gold: gold, format: "text", pred: o.writePred}); err != nil {
		t.Fatal(err)
	}
	if again.String() != out.String() {
		t.Errorf("scoring -write-pred output differs:\n%s\nvs\n%s", again.String(), out.String())
	}
}
