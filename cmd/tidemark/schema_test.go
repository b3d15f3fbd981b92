package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tidemark/tidemark"
)

// A minimal JSON Schema validator for the keywords our schemas use: $ref
// (local "#/$defs/…"), type, const, enum, required, properties,
// additionalProperties, items, maxItems, minimum, maximum, pattern, oneOf
// and anyOf. Unknown keywords are an error, so the schemas cannot grow
// past what is checked.

type validator struct{ root map[string]any }

var knownKeywords = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "$defs": true, "title": true, "description": true,
	"$ref": true, "type": true, "const": true, "enum": true, "required": true, "properties": true,
	"additionalProperties": true, "items": true, "maxItems": true, "minimum": true, "maximum": true,
	"pattern": true, "oneOf": true, "anyOf": true,
}

func loadSchema(t *testing.T, name string) *validator {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("schema", name))
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &validator{root: root}
}

func (v *validator) validate(doc any) error { return v.check(v.root, doc, "$") }

func (v *validator) check(s map[string]any, x any, at string) error {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !knownKeywords[k] {
			return fmt.Errorf("schema keyword %q at %s not supported by the test validator", k, at)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			return fmt.Errorf("%s: unsupported $ref %q", at, ref)
		}
		def, ok := v.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: unknown $ref %q", at, ref)
		}
		if err := v.check(def, x, at); err != nil {
			return err
		}
	}
	if typ, ok := s["type"].(string); ok && !hasType(x, typ) {
		return fmt.Errorf("%s: %v is not of type %s", at, x, typ)
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, x) {
		return fmt.Errorf("%s: %v != const %v", at, x, c)
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, c := range e {
			found = found || reflect.DeepEqual(c, x)
		}
		if !found {
			return fmt.Errorf("%s: %v not in enum %v", at, x, e)
		}
	}
	if n, ok := x.(float64); ok {
		if m, ok := s["minimum"].(float64); ok && n < m {
			return fmt.Errorf("%s: %v < minimum %v", at, n, m)
		}
		if m, ok := s["maximum"].(float64); ok && n > m {
			return fmt.Errorf("%s: %v > maximum %v", at, n, m)
		}
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := x.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", at, str, p)
		}
	}
	if obj, ok := x.(map[string]any); ok {
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					return fmt.Errorf("%s: missing required property %q", at, r)
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, val := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				if err := v.check(ps, val, at+"."+k); err != nil {
					return err
				}
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					return fmt.Errorf("%s: unexpected property %q", at, k)
				}
			case map[string]any:
				if err := v.check(ap, val, at+"."+k); err != nil {
					return err
				}
			}
		}
	}
	if arr, ok := x.([]any); ok {
		if m, ok := s["maxItems"].(float64); ok && float64(len(arr)) > m {
			return fmt.Errorf("%s: %d items > maxItems %v", at, len(arr), m)
		}
		if is, ok := s["items"].(map[string]any); ok {
			for i, el := range arr {
				if err := v.check(is, el, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	if of, ok := s["oneOf"].([]any); ok {
		n := 0
		var errs []string
		for _, sub := range of {
			if err := v.check(sub.(map[string]any), x, at); err == nil {
				n++
			} else {
				errs = append(errs, err.Error())
			}
		}
		if n != 1 {
			return fmt.Errorf("%s: matches %d of oneOf (%s)", at, n, strings.Join(errs, "; "))
		}
	}
	if of, ok := s["anyOf"].([]any); ok {
		var errs []string
		for _, sub := range of {
			if err := v.check(sub.(map[string]any), x, at); err == nil {
				errs = nil
				break
			} else {
				errs = append(errs, err.Error())
			}
		}
		if errs != nil {
			return fmt.Errorf("%s: matches none of anyOf (%s)", at, strings.Join(errs, "; "))
		}
	}
	return nil
}

func hasType(x any, typ string) bool {
	switch typ {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		n, ok := x.(float64)
		return ok && n == math.Trunc(n)
	}
	return false
}

func TestValidatorRejects(t *testing.T) {
	v := loadSchema(t, "finding.schema.json")
	good := `{"type":"finding","path":"a.txt","format":"text","start":1,"end":4,"line":1,"kind":"email","detector":"pii/email","score":90,"value":"a***@e***.com","masked":true}`
	for _, tc := range []struct{ name, doc string }{
		{"missing path", strings.Replace(good, `"path":"a.txt",`, "", 1)},
		{"unknown field", strings.Replace(good, `"masked":true`, `"masked":true,"extra":1`, 1)},
		{"score too high", strings.Replace(good, `"score":90`, `"score":101`, 1)},
		{"bad format", strings.Replace(good, `"format":"text"`, `"format":"pdf"`, 1)},
		{"fractional line", strings.Replace(good, `"line":1`, `"line":1.5`, 1)},
		{"bad detector", strings.Replace(good, `"detector":"pii/email"`, `"detector":"Email"`, 1)},
		{"bad type", strings.Replace(good, `"type":"finding"`, `"type":"other"`, 1)},
	} {
		var doc any
		if err := json.Unmarshal([]byte(tc.doc), &doc); err != nil {
			t.Fatal(err)
		}
		if v.validate(doc) == nil {
			t.Errorf("%s: accepted %s", tc.name, tc.doc)
		}
	}
	var doc any
	json.Unmarshal([]byte(good), &doc)
	if err := v.validate(doc); err != nil {
		t.Errorf("good record rejected: %v", err)
	}
}

// Every line of the jsonl output, findings and summaries, on every
// bundled sample validates against the documented schema.
func TestJSONLMatchesSchema(t *testing.T) {
	v := loadSchema(t, "finding.schema.json")
	chdirRoot(t)
	for _, args := range [][]string{
		{"scan", "--format", "jsonl", "--summary", "testdata/whatsapp", "testdata/mail", "testdata/mixed"},
		{"scan", "--format", "jsonl", "--show-values", "testdata/whatsapp", "testdata/mail", "testdata/mixed"},
	} {
		_, out, _ := runCLI(t, "", args...)
		n := 0
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var doc any
			if err := json.Unmarshal([]byte(line), &doc); err != nil {
				t.Fatalf("bad JSON %q: %v", line, err)
			}
			if err := v.validate(doc); err != nil {
				t.Errorf("%v\nin %s", err, line)
			}
			n++
		}
		if n < 20 {
			t.Errorf("only %d records", n)
		}
	}
}

// With the real detector bundle, output (including parsed markings)
// still validates, and summaries name the highest marking.
func TestDefaultBundleMatchesSchema(t *testing.T) {
	v := loadSchema(t, "finding.schema.json")
	chdirRoot(t)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, detectors: tidemark.Detectors}
	if code := run(e, []string{"scan", "--format", "jsonl", "--summary", "testdata/whatsapp", "testdata/mail", "testdata/mixed"}); code != exitFindings {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	kinds := map[string]bool{}
	highest := ""
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var doc map[string]any
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatal(err)
		}
		if err := v.validate(doc); err != nil {
			t.Errorf("%v\nin %s", err, line)
		}
		if k, ok := doc["kind"].(string); ok {
			kinds[k] = true
		}
		if doc["type"] == "summary" && doc["path"] == "testdata/mail/memo.eml" {
			highest, _ = doc["highest_marking"].(string)
		}
	}
	for _, k := range []string{"email", "phone", "marking", "person.name"} {
		if !kinds[k] {
			t.Errorf("no %s finding with the default detectors", k)
		}
	}
	if highest != "OFFICIAL-SENSITIVE" {
		t.Errorf("memo.eml highest marking = %q", highest)
	}
}

func TestSARIF(t *testing.T) {
	v := loadSchema(t, "sarif-2.1.0-subset.schema.json")
	chdirRoot(t)
	for _, paths := range [][]string{
		{"testdata/whatsapp", "testdata/mail", "testdata/mixed"},
		{"testdata/mixed/photo.bin"}, // no results
	} {
		_, out, stderr := runCLI(t, "", append([]string{"scan", "--format", "sarif"}, paths...)...)
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("SARIF is not JSON: %v\n%s\n%s", err, out, stderr)
		}
		if err := v.validate(doc); err != nil {
			t.Errorf("%v", err)
		}
		// Every result's ruleId names a rule of the driver.
		run := doc["runs"].([]any)[0].(map[string]any)
		rules := map[string]bool{}
		for _, r := range run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any) {
			rules[r.(map[string]any)["id"].(string)] = true
		}
		for _, r := range run["results"].([]any) {
			if id := r.(map[string]any)["ruleId"].(string); !rules[id] {
				t.Errorf("result rule %q not among the driver's rules", id)
			}
		}
		if strings.Contains(out, "bob.sample@example.com") {
			t.Error("SARIF leaks an unmasked value")
		}
	}
}

func TestSARIFSchemaRejects(t *testing.T) {
	v := loadSchema(t, "sarif-2.1.0-subset.schema.json")
	for _, doc := range []string{
		`{"runs":[]}`, // no version
		`{"version":"2.0.0","runs":[]}`,
		`{"version":"2.1.0","runs":[{}]}`,                     // no tool
		`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`, // driver without name
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{}]}]}`, // result without message
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"x"},"bogus":1}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"x"},"level":"fatal"}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"x"},"locations":[{"physicalLocation":{"region":{"startLine":0}}}]}]}]}`,
	} {
		var x any
		if err := json.Unmarshal([]byte(doc), &x); err != nil {
			t.Fatal(err)
		}
		if v.validate(x) == nil {
			t.Errorf("accepted %s", doc)
		}
	}
}

func TestCSV(t *testing.T) {
	chdirRoot(t)
	code, out, _ := runCLI(t, "", "scan", "--format", "csv", "testdata/whatsapp/falcon-chat.zip")
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != strings.Join(csvHeader, ",") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.Contains(out, `"'+44 **** ***987"`) && !strings.Contains(out, `'+44 **** ***987`) {
		t.Errorf("formula-like value not defused:\n%s", out)
	}
	if len(lines) < 10 {
		t.Errorf("%d lines", len(lines))
	}
}
