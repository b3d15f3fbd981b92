package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark"
)

func TestRedactCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "red.mbox")
	code, _, stderr := runCLI(t, "", "redact", "--operator", "pseudonym", "../../testdata/mail/inbox.mbox", out)
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	red := string(data)
	for _, leak := range []string{"alice@example.com", "Alice Example", "020 7946 0777", "07700 900321"} {
		if strings.Contains(red, leak) {
			t.Errorf("redacted mailbox contains %q", leak)
		}
	}
	// Markings are kept by default.
	if !strings.Contains(red, "X-Protective-Marking: OFFICIAL-SENSITIVE") {
		t.Error("marking header lost")
	}
	// Scanning the redacted copy finds none of the original values.
	_, scan, _ := runCLI(t, "", "scan", "--format", "jsonl", "--show-values", out)
	for _, leak := range []string{"alice@example.com", "07700 900321", "020 7946 0777"} {
		if strings.Contains(scan, leak) {
			t.Errorf("scan of redacted copy finds %q", leak)
		}
	}

	// Markings too, when asked.
	code, _, _ = runCLI(t, "", "redact", "--redact-markings", "../../testdata/mail/memo.eml", out)
	data, _ = os.ReadFile(out)
	if code != exitClean || strings.Contains(string(data), "OFFICIAL-SENSITIVE") {
		t.Errorf("--redact-markings: exit %d, marking kept", code)
	}

	// Standard input to standard output.
	code, stdout, _ := runCLI(t, "call 07700 900123 or mail x@example.com\n", "redact", "-", "-")
	if code != exitClean || stdout != "call [PHONE] or mail [EMAIL]\n" {
		t.Errorf("stdin: exit %d, output %q", code, stdout)
	}

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"one path", []string{"redact", "x"}},
		{"same file", []string{"redact", out, out}},
		{"bad operator", []string{"redact", "--operator", "shred", "-", "-"}},
		{"missing input", []string{"redact", filepath.Join(dir, "missing"), filepath.Join(dir, "o")}},
		{"short key", []string{"redact", "--operator", "pseudonym", "--key-file", "/dev/null", "-", "-"}},
	} {
		if code, _, _ := runCLI(t, "", tc.args...); code != exitError {
			t.Errorf("%s: exit %d, want %d", tc.name, code, exitError)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); err == nil {
		t.Error("a failed redact left an output file")
	}
}

func TestPseudonymKeyFile(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	os.WriteFile(key, []byte("0123456789abcdef0123"), 0o600)
	in := "write to x@example.com\n"
	_, a, _ := runCLI(t, in, "redact", "--operator", "pseudonym", "--key-file", key, "-", "-")
	_, b, _ := runCLI(t, in, "redact", "--operator", "pseudonym", "--key-file", key, "-", "-")
	_, c, _ := runCLI(t, in, "redact", "--operator", "pseudonym", "-", "-")
	if a != b || a == c || !strings.HasPrefix(a, "write to [EMAIL_") {
		t.Errorf("tokens: %q %q %q (want equal with one key, different with a random one)", a, b, c)
	}
}

func TestColourAndProgress(t *testing.T) {
	chdirRoot(t)
	_, plain, _ := runCLI(t, "", "scan", "testdata/mixed/notes.txt")
	_, col, _ := runCLI(t, "", "scan", "--color", "always", "testdata/mixed/notes.txt")
	if strings.Contains(plain, "\x1b[") || !strings.Contains(col, "\x1b[") {
		t.Errorf("colour: plain has escapes %v, --color always has none %v", strings.Contains(plain, "\x1b["), !strings.Contains(col, "\x1b["))
	}
	_, _, quiet := runCLI(t, "", "scan", "testdata/mixed/notes.txt")
	_, _, prog := runCLI(t, "", "scan", "--progress", "always", "testdata/mixed/notes.txt")
	if strings.Contains(quiet, "files") || !strings.Contains(prog, "1/1 files") {
		t.Errorf("progress: without a terminal %q, with --progress always %q", quiet, prog)
	}
	if strings.Contains(prog, "example.com") {
		t.Error("progress output leaks a value")
	}
}

// Golden redacted copies of the samples (fixed key, test detectors): they
// show that a redacted chat stays a chat and a redacted mailbox a mailbox.
func TestRedactGolden(t *testing.T) {
	chdirRoot(t)
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	os.WriteFile(key, []byte("tidemark golden test key 0123456"), 0o600)
	for _, tc := range []struct{ golden, in, op string }{
		{"redact-android-chat.golden", "testdata/whatsapp/android-12h.txt", "pseudonym"},
		{"redact-inbox-mbox.golden", "testdata/mail/inbox.mbox", "tag"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", "redact", "--operator", tc.op, "--key-file", key, tc.in, "-")
			if code != exitClean {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden := filepath.Join("testdata", tc.golden)
			if *update {
				os.WriteFile(golden, []byte(out), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("differs from %s (run with -update and review):\n%s", golden, lineDiff(string(want), out))
			}
		})
	}
}

func TestDetectorsCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "detectors")
	if code != exitClean {
		t.Fatalf("exit %d", code)
	}
	for _, id := range []string{"test/email", "test/phone", "test/marking", "source/whatsapp-sender", "source/mail-name"} {
		if !strings.Contains(out, id) {
			t.Errorf("detectors output lacks %s:\n%s", id, out)
		}
	}
	if code, _, _ := runCLI(t, "", "detectors", "extra"); code != exitError {
		t.Errorf("detectors with an argument: exit %d", code)
	}
}

// runCLIReal runs the CLI with the module's real detectors, for the tests
// that depend on how a detector scores its context.
func runCLIReal(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, detectors: tidemark.Detectors}
	code := run(e, args)
	return code, out.String(), errb.String()
}

// scanValues returns the values `tidemark scan --format jsonl
// --show-values` reports for path.
func scanValues(t *testing.T, extra []string, path string) []string {
	t.Helper()
	args := append([]string{"scan", "--format", "jsonl", "--show-values"}, extra...)
	code, out, stderr := runCLIReal(t, "", append(args, path)...)
	if code == exitError {
		t.Fatalf("scan %s: exit %d: %s", path, code, stderr)
	}
	var vals []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r struct{ Type, Value string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line: %v", err)
		}
		if r.Type == "finding" {
			vals = append(vals, r.Value)
		}
	}
	return vals
}

// `tidemark redact` on a CSV file removes every value `tidemark scan`
// reports, the ones found only thanks to their column header far above
// included, and keeps the file a CSV file of the same shape.
func TestRedactCSVCommand(t *testing.T) {
	chdirRoot(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		in    string
		comma rune
		flags []string
	}{
		{"testdata/csv/register.csv", ',', nil},
		{"testdata/csv/clinic.csv", ',', nil},
		{"testdata/csv/register.tsv", '\t', nil},
		{"testdata/csv/clinic.csv", ',', []string{"--min-score", "80"}},
		{"testdata/csv/register.tsv", '\t', []string{"--detectors", "pii/uk-nhs,pii/date-of-birth"}},
	} {
		t.Run(filepath.Base(tc.in)+strings.Join(tc.flags, ""), func(t *testing.T) {
			vals := scanValues(t, tc.flags, tc.in)
			if len(vals) == 0 {
				t.Fatal("scan finds nothing")
			}
			out := filepath.Join(dir, "red"+filepath.Ext(tc.in))
			args := append(append([]string{"redact"}, tc.flags...), tc.in, out)
			if code, _, stderr := runCLIReal(t, "", args...); code != exitClean {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			red, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if bytes.Contains(red, []byte(v)) {
					t.Errorf("redacted copy still holds a value scan reports (%d bytes)", len(v))
				}
			}
			orig, _ := os.ReadFile(tc.in)
			if a, b := csvRecords(t, orig, tc.comma), csvRecords(t, red, tc.comma); a != b {
				t.Errorf("records: input %s, output %s", a, b)
			}
			if !bytes.HasPrefix(red, orig[:bytes.IndexByte(orig, '\n')+1]) {
				t.Error("header row changed")
			}
			if bytes.Count(red, []byte("\r\n")) != bytes.Count(orig, []byte("\r\n")) {
				t.Error("line ends changed")
			}
			// Nothing scan reports is left for a second scan to report.
			for _, v := range scanValues(t, tc.flags, out) {
				if slices.Contains(vals, v) {
					t.Errorf("rescan of the redacted copy reports a value found before (%d bytes)", len(v))
				}
			}
		})
	}
	// From standard input, told it is CSV.
	in := "name,nhs_number\n" + strings.Repeat("x,\n", 100) + "Jo,999 789 1236\n"
	code, stdout, _ := runCLIReal(t, in, "redact", "--input", "csv", "-", "-")
	if code != exitClean || !strings.HasSuffix(stdout, ",[UK_NHS]\n") {
		t.Errorf("stdin: exit %d, output ends %q", code, stdout[max(0, len(stdout)-30):])
	}
}

// csvRecords describes data parsed as CSV: the number of fields of each
// record.
func csvRecords(t *testing.T, data []byte, comma rune) string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	var b strings.Builder
	for _, rec := range recs {
		fmt.Fprintf(&b, "%d ", len(rec))
	}
	return b.String()
}
