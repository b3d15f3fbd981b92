package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScanRules(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "rules.yaml")
	// Synthetic values only.
	if err := os.WriteFile(file, []byte(`version: 1
rules:
  - id: acme/project-code
    kind: acme.project
    pattern: '\bPRJ-\d{6}\b'
    score: 60
allow:
  - PRJ-000000
`), 0o600); err != nil {
		t.Fatal(err)
	}
	in := "see PRJ-123456 and PRJ-000000 today\n"
	code, out, errOut := runCLI(t, in, "scan", "--format", "jsonl", "--show-values", "--rules", file, "-")
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	recs := decodeRecords(t, out)
	var got []string
	for _, r := range recs {
		if r.Detector == "acme/project-code" {
			got = append(got, r.Value)
		}
	}
	if strings.Join(got, ",") != "PRJ-123456" {
		t.Fatalf("custom rule findings = %q (allow-listed PRJ-000000 must be dropped); output:\n%s", got, out)
	}

	// Rule IDs are selectable like built-in ones.
	code, out, _ = runCLI(t, in, "scan", "--format", "jsonl", "--rules", file, "--detectors", "acme/*", "-")
	if code != exitFindings || len(decodeRecords(t, out)) != 1 {
		t.Fatalf("--detectors acme/*: exit %d, output %q", code, out)
	}

	// A bad rule file is an error naming the file and line.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\nrules:\n  - id: x/y\n    pattern: '(unclosed'\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, in, "scan", "--rules", bad, "-")
	if code != exitError || !strings.Contains(errOut, "bad.yaml:") {
		t.Fatalf("bad rules: exit %d, stderr %q", code, errOut)
	}
}
