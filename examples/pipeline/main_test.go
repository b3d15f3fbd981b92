package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

func TestRun(t *testing.T) {
	eng, err := NewEngine([]string{"pii/email", "pii/uk-*", "markings/*"}, 50)
	if err != nil {
		t.Fatal(err)
	}
	text := "OFFICIAL-SENSITIVE\n" +
		"Case CASE-2024-00042 raised by jane.doe@example.com (TEST-CASE-2024-00001 is a drill).\n" +
		"Postcode SW1A 2AA.\n"
	var out bytes.Buffer
	n, err := Run(eng, "note.txt", strings.NewReader(text), &out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		if r.File != "note.txt" {
			t.Errorf("record file = %q", r.File)
		}
		got = append(got, r.Rule+" "+text[r.Start:r.End])
	}
	want := []string{
		"markings/classification OFFICIAL-SENSITIVE",
		"acme/case-ref CASE-2024-00042",
		"pii/email jane.doe@example.com",
		"pii/uk-postcode SW1A 2AA",
	}
	if n != len(want) || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Run wrote %d records:\n%s\nwant:\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(out.String(), "jane") {
		t.Error("output contains a matched value")
	}
}

func TestResolver(t *testing.T) {
	f := func(s, e int64, score int, rule string) detect.Finding {
		return detect.Finding{Start: s, End: e, Score: score, Rule: rule}
	}
	in := []detect.Finding{
		f(0, 10, 50, "a"), f(2, 5, 90, "b"), f(6, 12, 60, "c"), // one run: b wins, then c
		f(20, 30, 40, "d"), f(20, 25, 40, "e"), // tie on score: the longer wins
		f(40, 41, 10, "f"),
	}
	var res Resolver
	var out []detect.Finding
	for _, x := range in {
		out = res.Add(out, x)
	}
	out = res.Flush(out)
	var rules []string
	for _, x := range out {
		rules = append(rules, x.Rule)
	}
	if got := strings.Join(rules, ","); got != "b,c,d,f" {
		t.Errorf("resolved %s, want b,c,d,f", got)
	}
}
