package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.mbox"))
	if err != nil {
		t.Fatal(err)
	}
	red, err := NewRedactor("pseudonym", []byte("0123456789abcdef-test-key"), 50)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sums, err := Redact(red, bytes.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, v := range []string{"jane.doe@example.com", "943 476 5919", "020 7946 0018", "SW1A 2AA", "bob@example.net"} {
		if strings.Contains(got, v) {
			t.Errorf("output still contains %q", v)
		}
	}
	for _, keep := range []string{"OFFICIAL-SENSITIVE", "Subject: Patient transfer", "Content-Type: text/plain"} {
		if !strings.Contains(got, keep) {
			t.Errorf("output lost %q", keep)
		}
	}
	if n := strings.Count(got, "\nFrom ") + boolInt(strings.HasPrefix(got, "From ")); n != 2 {
		t.Errorf("output has %d mbox separators, want 2:\n%s", n, got)
	}
	// The same address gets the same pseudonym in both messages.
	toks := regexp.MustCompile(`\[EMAIL_[0-9a-f]+\]`).FindAllString(got, -1)
	counts := map[string]int{}
	for _, tok := range toks {
		counts[tok]++
	}
	// jane (4 times), records@ (once), bob (twice).
	if len(toks) != 7 || len(counts) != 3 || counts[toks[0]] != 4 {
		t.Errorf("email pseudonyms %q: want three addresses, the first repeated 4 times", toks)
	}
	if len(sums) != 2 || sums[0].Redacted < 4 || sums[1].Redacted < 3 {
		t.Errorf("summaries = %+v", sums)
	}
}

func TestModes(t *testing.T) {
	for _, mode := range []string{"tag", "mask"} {
		red, err := NewRedactor(mode, nil, 50)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := Redact(red, strings.NewReader("From a@example.com x\n\nmail a@example.com\n"), &out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "a@example.com") || !strings.HasPrefix(out.String(), "From ") {
			t.Errorf("mode %s: %q", mode, out.String())
		}
	}
	if _, err := NewRedactor("shred", nil, 50); err == nil {
		t.Error("unknown mode accepted")
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
