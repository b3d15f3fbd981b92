package rules_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/detect/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadTestSet(t *testing.T, name string) *rules.Set {
	t.Helper()
	s, err := rules.LoadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type goldenFinding struct {
	Rule  string `json:"rule"`
	Kind  string `json:"kind"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	Line  int64  `json:"line"`
	Score int    `json:"score"`
	Text  string `json:"text"`
}

// TestGolden scans testdata/sample.txt with testdata/rules.yaml, the allow
// list applied, and compares with sample.golden.jsonl.
func TestGolden(t *testing.T) {
	set := loadTestSet(t, "rules.yaml")
	text, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := detect.Compile(set.Apply(set.Detectors()), nil)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.AppendFind(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, f := range fs {
		enc.Encode(goldenFinding{f.Rule, string(f.Kind), f.Start, f.End, f.Line, f.Score, string(text[f.Start:f.End])})
	}
	golden := filepath.Join("testdata", "sample.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("findings differ from %s (run with -update and review the diff):\ngot:\n%s\nwant:\n%s", golden, b.Bytes(), want)
	}
	// Filtering after the fact gives the same result as Apply.
	e2 := detect.MustCompile(set.Detectors(), nil)
	raw, _ := e2.AppendFind(nil, text)
	if got := set.Filter(raw, text); !slices.Equal(got, fs) {
		t.Errorf("Filter after the scan gave %d findings, Apply gave %d", len(got), len(fs))
	}
	if len(raw) <= len(fs) {
		t.Errorf("the allow list removed nothing (%d findings before, %d after)", len(raw), len(fs))
	}
}

func TestLoadJSON(t *testing.T) {
	set := loadTestSet(t, "rules.json")
	var ids []string
	for _, d := range set.Detectors() {
		ids = append(ids, d.Spec().ID)
	}
	if want := []string{"acme/project-code", "custom/deny"}; !slices.Equal(ids, want) {
		t.Errorf("JSON rule file gave detectors %q, want %q", ids, want)
	}
	f := detect.Finding{Rule: "acme/project-code"}
	if !set.Allowed(f, []byte("prj-000000")) || set.Allowed(f, []byte("PRJ-000001")) {
		t.Error("allow list from JSON not applied as an ASCII-case-insensitive exact match")
	}
}

func TestAllowed(t *testing.T) {
	set := loadTestSet(t, "rules.yaml")
	tests := []struct {
		rule, match string
		want        bool
	}{
		{"pii/card", "4111 1111 1111 1111", true},
		{"acme/project-code", "PRJ-000000", true},
		{"acme/customer-ref", "ZZZ0001", true},
		{"acme/card", "ZZZ0001", false}, // pattern entry scoped to acme/customer-*
		{"acme/customer-ref", "ABC1234", false},
	}
	for _, tt := range tests {
		if got := set.Allowed(detect.Finding{Rule: tt.rule}, []byte(tt.match)); got != tt.want {
			t.Errorf("Allowed(%s, %q) = %v, want %v", tt.rule, tt.match, got, tt.want)
		}
	}
	match := []byte("ABC1234")
	allocs := testing.AllocsPerRun(100, func() { set.Allowed(detect.Finding{Rule: "acme/customer-ref"}, match) })
	if allocs != 0 {
		t.Errorf("Allowed allocates %v times, want 0", allocs)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // substring of the error, starting with the position
	}{
		{"yaml syntax", "rules:\n  - id: a/b\n    pattern: 'x\n\n  - [\n", "bad.yaml:3: "},
		{"yaml tab", "rules:\n\t- id: a/b\n", "bad.yaml:2: "},
		{"empty", "", "bad.yaml: empty file"},
		{"unknown top", "rulez: []\n", `bad.yaml:1:1: top level: unknown field "rulez"`},
		{"unknown field", "rules:\n  - id: a/b\n    pattern: 'x\\d'\n    colour: red\n", `bad.yaml:4:5: rule: unknown field "colour"`},
		{"missing pattern", "rules:\n  - id: a/b\n    kind: x\n", `bad.yaml:2:5: rule "a/b": pattern: missing`},
		{"missing id", "rules:\n  - pattern: 'x\\d'\n", `bad.yaml:2:5: id: missing`},
		{"bad regex", "rules:\n  - id: a/b\n    pattern: '(\\d'\n", `bad.yaml:3:14: rule "a/b": pattern: `},
		{"unknown validator", "rules:\n  - id: a/b\n    pattern: '\\d{4}'\n    validator: crc\n", `bad.yaml:4:16: rule "a/b": validator: unknown validator "crc"`},
		{"unbounded", "rules:\n  - id: a/b\n    pattern: '\\d+'\n", `bad.yaml:2:5: rule "a/b": max_len: missing`},
		{"bad int", "rules:\n  - id: a/b\n    pattern: '\\d'\n    score: high\n", `bad.yaml:4:12: rule "a/b": score must be an integer`},
		{"bad side", "rules:\n  - id: a/b\n    pattern: '\\d'\n    cues: [{word: x, delta: 5, side: up}]\n", `bad.yaml:4:38: rule "a/b": cue side must be`},
		{"cue without delta", "rules:\n  - id: a/b\n    pattern: '\\d'\n    cues: [{word: x}]\n", `bad.yaml:4:12: rule "a/b": cue "x": missing delta`},
		{"duplicate id", "rules:\n  - {id: a/b, pattern: '\\d'}\n  - {id: a/b, pattern: 'x\\d'}\n", `bad.yaml:3:5: rule "a/b": duplicate id (first at line 2)`},
		{"bad version", "version: 2\n", `bad.yaml:1:10: unsupported version 2`},
		{"bad timeout", "rules:\n  - {id: a/b, pattern: '\\d', timeout: soon}\n", `bad.yaml:2:39: rule "a/b": timeout must be`},
		{"deny empty value", "deny: [ok, '']\n", `bad.yaml:1:12: deny values[1]: value must be`},
		{"deny no values", "deny: {id: a/deny}\n", `bad.yaml:1:7: deny: values: missing`},
		{"allow both", "allow:\n  - {value: x, pattern: y}\n", `bad.yaml:2:5: allow entry needs exactly one`},
		{"allow bad regex", "allow:\n  - {pattern: '('}\n", `bad.yaml:2:15: allow pattern:`},
		{"keyword too long", "rules:\n  - id: a/b\n    pattern: 'x\\d'\n    triggers: {keywords: [xyzzy]}\n", `bad.yaml:4:15: rule "a/b": triggers: detect: invalid spec: keyword "xyzzy"`},
		{"not a list", "rules: {id: a/b}\n", `bad.yaml:1:8: rules must be a list`},
		{"json syntax", "{\n \"rules\": [\n  {\"id\": \"a/b\"}}\n]}", "bad.yaml:3:16: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Load(strings.NewReader(tt.file), "bad.yaml")
			if err == nil {
				t.Fatalf("Load succeeded, want error %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Load error = %q, want prefix %q", err, tt.want)
			}
			var e *rules.Error
			if !errors.As(err, &e) || !errors.Is(err, rules.ErrRules) || e.File != "bad.yaml" {
				t.Errorf("Load error %v is not a *rules.Error for bad.yaml wrapping ErrRules", err)
			}
		})
	}
}

// TestLoadCueSameLine checks that a rule file's same_line cue counts on
// the match's line only, and that a bad value is an error.
func TestLoadCueSameLine(t *testing.T) {
	const file = "rules:\n  - id: t/acct\n    pattern: '\\b\\d{8}\\b'\n    score: 60\n    cues:\n" +
		"      - {word: invoice, delta: -30, same_line: true}\n      - {word: account, delta: 20}\n"
	set, err := rules.Load(strings.NewReader(file), "acct.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := detect.MustCompile(set.Detectors(), nil)
	for _, tc := range []struct {
		in    string
		score int
	}{
		{"invoice 12345678", 30},
		{"invoice\n12345678", 60}, // the line before
		{"account\n12345678", 80}, // a cue without same_line crosses it
	} {
		fs, err := e.AppendFind(nil, []byte(tc.in))
		if err != nil || len(fs) != 1 || fs[0].Score != tc.score {
			t.Errorf("%q: %+v, %v; want one finding scoring %d", tc.in, fs, err, tc.score)
		}
	}
	bad := strings.Replace(file, "same_line: true", "same_line: maybe", 1)
	if _, err := rules.Load(strings.NewReader(bad), "acct.yaml"); err == nil || !strings.Contains(err.Error(), "same_line") {
		t.Errorf("same_line: maybe: err = %v, want an error naming same_line", err)
	}
}

func TestLoadTooBig(t *testing.T) {
	big := strings.NewReader("# " + strings.Repeat("x", rules.MaxFileSize))
	if _, err := rules.Load(big, "big.yaml"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load of an oversized file: %v", err)
	}
}

func TestDenyList(t *testing.T) {
	d, err := rules.NewDenyList(rules.DenyList{Values: []string{
		"Operation Nightjar", "BLUE HERON", "Zoë", "Ann", "#tag", "ann", "日本",
	}})
	if err != nil {
		t.Fatal(err)
	}
	detecttest.Cases(t, d, 1,
		"Briefing on ⟦operation NIGHTJAR⟧ and ⟦Blue Heron⟧.",
		"⟦Ann⟧ wrote to ⟦Zoë⟧ about ⟦#tag⟧ in ⟦日本⟧",
		"Annual report; Operation Nightjars; BLUE HERONS; xZoë; #tagx is fine",
	)
	detecttest.Run(t, d, "operation nightjar Ann Annual ann. #tag#tag Zoë日本 BLUE HERON")
	exact, err := rules.NewDenyList(rules.DenyList{ID: "t/exact", CaseSensitive: true, Values: []string{"BLUE HERON"}})
	if err != nil {
		t.Fatal(err)
	}
	detecttest.Cases(t, exact, 1, "⟦BLUE HERON⟧ not Blue Heron")
	if _, err := rules.NewDenyList(rules.DenyList{}); err == nil {
		t.Error("empty deny list accepted")
	}
}

func TestApplyKeepsSpecAndContract(t *testing.T) {
	// Generous timeouts: detecttest runs detectors concurrently, under
	// -race on a shared machine, and a timeout would rightly change results.
	const file = `
rules:
  - {id: acme/project-code, pattern: '\bPRJ-\d{6}\b', timeout: 10s, cues: [{word: project, delta: 20}]}
  - {id: acme/customer-ref, pattern: '(?<=\bref:\s?)[A-Z]{3}\d{4}(?!\d)', timeout: 10s}
  - {id: acme/card, pattern: '\b(?:\d[ -]?){12,18}\d\b', validator: luhn, timeout: 10s}
  - {id: staff-number, pattern: 'EMP\d+', max_len: 12, ignore_case: true, timeout: 10s}
deny: [Operation Nightjar, BLUE HERON]
allow: [4111 1111 1111 1111, PRJ-000000, {pattern: '^ZZZ', rules: [acme/customer-*]}]
`
	set, err := rules.Load(strings.NewReader(file), "conformance.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Apply(set.Detectors()) {
		t.Run(d.Spec().ID, func(t *testing.T) {
			detecttest.Run(t, d, "PRJ-000000 PRJ-123456 ref: ZZZ0001 ref: ABC1234 4111 1111 1111 1111 Operation Nightjar")
		})
	}
}
