package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	text, spans := filepath.Join(dir, "c.txt"), filepath.Join(dir, "c.spans")
	if err := run(3, "100KiB", "dense", text, spans, false); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(text)
	if err != nil {
		t.Fatal(err)
	}
	want, wantSpans := corpus.Bytes(corpus.Config{Seed: 3, Size: 100 << 10, Density: corpus.Dense})
	if string(b) != string(want) {
		t.Fatal("text differs from corpus.Bytes with the same config")
	}
	f, err := os.Open(spans)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var s corpus.Span
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil || s != wantSpans[n] {
			t.Fatalf("span line %d: %+v (%v), want %+v", n+1, s, err, wantSpans[n])
		}
	}
	if n != len(wantSpans) {
		t.Fatalf("%d span lines, want %d", n, len(wantSpans))
	}

	docs := filepath.Join(dir, "d.jsonl")
	if err := run(3, "32KiB", "typical", docs, "", true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(docs); err != nil || fi.Size() == 0 {
		t.Fatalf("docs file: %v", err)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ size, density string }{{"lots", "typical"}, {"1MiB", "medium"}} {
		if err := run(1, c.size, c.density, filepath.Join(dir, "x"), "", false); err == nil {
			t.Errorf("run(size %q, density %q) succeeded", c.size, c.density)
		}
	}
}
