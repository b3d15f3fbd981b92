package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runCLI runs the command with the test detectors and returns its exit
// status, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, detectors: testDetectors}
	code := run(e, args)
	return code, out.String(), errb.String()
}

// chdirRoot makes paths in the output relative to the repository root.
func chdirRoot(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
}

func TestGoldenJSONL(t *testing.T) {
	chdirRoot(t)
	for _, tc := range []struct{ golden, path string }{
		{"scan-whatsapp.golden", "testdata/whatsapp"},
		{"scan-mbox.golden", "testdata/mail/inbox.mbox"},
		{"scan-mixed.golden", "testdata/mixed"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", "scan", "--format", "jsonl", "--summary", "--workers", "3", tc.path)
			if code != exitFindings {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
			}
			if strings.Contains(stderr, "tidemark: testdata") && strings.Contains(stderr, "error") {
				t.Errorf("unexpected errors:\n%s", stderr)
			}
			golden := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/tidemark -update)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", golden, lineDiff(string(want), out))
			}
		})
	}
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			b.WriteString("- " + x + "\n+ " + y + "\n")
		}
	}
	return b.String()
}

// The golden outputs pin attribution; these checks say what they mean.
func TestAttribution(t *testing.T) {
	chdirRoot(t)
	_, out, _ := runCLI(t, "", "scan", "--format", "jsonl", "--show-values", "testdata/whatsapp/falcon-chat.zip", "testdata/mail/inbox.mbox")
	recs := decodeRecords(t, out)
	find := func(value, detector string) *record {
		for i := range recs {
			if recs[i].Value == value && recs[i].Detector == detector && (detector != "test/marking" || recs[i].Format == "mbox") {
				return &recs[i]
			}
		}
		t.Fatalf("no %s finding %q in\n%s", detector, value, out)
		return nil
	}
	r := find("020 7946 0456", "test/phone") // continuation line of message 4
	if r.Entry != "_chat.txt" || r.Message != 4 || r.Sender != "Alice Example" || r.Time != "12/03/2021, 09:16:02" || r.Line != 5 {
		t.Errorf("chat attribution = %+v", r)
	}
	if s := find("Alice Example", "source/whatsapp-sender"); s.Kind != "person.name" || s.Message != 2 {
		t.Errorf("sender finding = %+v", s)
	}
	if s := find("+44 7700 900987", "source/whatsapp-sender"); s.Kind != "phone" {
		t.Errorf("phone sender kind = %q", s.Kind)
	}
	if m := find("client.one@example.com", "test/email"); m.Message != 2 || m.Part != "1.1" || m.MessageID != "reply-0002@example.com" {
		t.Errorf("mail attribution = %+v", m)
	}
	if m := find("OFFICIAL-SENSITIVE", "test/marking"); m.Field != "Subject" && m.Field != "X-Protective-Marking" {
		t.Errorf("marking attribution = %+v", m)
	}
	// The HTML part is reduced to text: its e-mail address is found in
	// part 1.2 once, not inside the mailto: attribute as well.
	n := 0
	for _, r := range recs {
		if r.Part == "1.2" && r.Value == "client.one@example.com" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("HTML part: %d findings of the address, want 1", n)
	}
}

func decodeRecords(t *testing.T, out string) []record {
	t.Helper()
	var recs []record
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		if r.Type == "finding" {
			recs = append(recs, r)
		}
	}
	return recs
}

func TestMaskedByDefault(t *testing.T) {
	chdirRoot(t)
	_, out, _ := runCLI(t, "", "scan", "--format", "jsonl", "testdata/whatsapp/falcon-chat.zip")
	for _, secret := range []string{"Alice Example", "bob.sample@example.com", "900123", "7946 0456"} {
		if strings.Contains(out, secret) {
			t.Errorf("masked output contains %q", secret)
		}
	}
	if !strings.Contains(out, `"value":"b***@e***.com"`) {
		t.Errorf("masked e-mail missing:\n%s", out)
	}
	_, text, _ := runCLI(t, "", "scan", "testdata/whatsapp/falcon-chat.zip")
	if strings.Contains(text, "Alice Example") || !strings.Contains(text, "A*** E***") {
		t.Errorf("text output leaks or lacks masked sender:\n%s", text)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	dirty := filepath.Join(dir, "dirty.txt")
	bin := filepath.Join(dir, "photo.bin")
	os.WriteFile(clean, []byte("nothing to see here\n"), 0o644)
	os.WriteFile(dirty, []byte("mail me at someone@example.com\n"), 0o644)
	os.WriteFile(bin, []byte("\x00\x01\x02someone@example.com"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"clean", "", []string{"scan", clean}, exitClean},
		{"findings", "", []string{"scan", dirty}, exitFindings},
		{"stdin findings", "x@example.com", []string{"scan", "-"}, exitFindings},
		{"stdin default", "nothing", []string{"scan"}, exitClean},
		{"binary skipped", "", []string{"scan", bin}, exitClean},
		{"binary scanned", "", []string{"scan", "--binary", bin}, exitFindings},
		{"missing", "", []string{"scan", missing}, exitError},
		{"missing and findings", "", []string{"scan", dirty, missing}, exitError},
		{"flags after paths", "", []string{"scan", dirty, "--min-score", "95"}, exitClean},
		{"min score keeps", "", []string{"scan", "--min-score=90", dirty}, exitFindings},
		{"detector excluded", "", []string{"scan", "--detectors", "-test/email", dirty}, exitClean},
		{"detector selected", "", []string{"scan", "--detectors", "test/*", dirty}, exitFindings},
		{"unknown detector", "", []string{"scan", "--detectors", "nope/*", dirty}, exitError},
		{"bad format", "", []string{"scan", "--format", "xml", dirty}, exitError},
		{"bad input", "", []string{"scan", "--input", "pdf", dirty}, exitError},
		{"bad flag", "", []string{"scan", "--nope", dirty}, exitError},
		{"no command", "", nil, exitError},
		{"unknown command", "", []string{"frobnicate"}, exitError},
		{"help", "", []string{"help"}, exitClean},
		{"scan -h", "", []string{"scan", "-h"}, exitClean},
		{"redact --help", "", []string{"redact", "--help"}, exitClean},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.stdin, tc.args...)
			if code != tc.want {
				t.Errorf("tidemark %s: exit %d, want %d; stderr: %s", strings.Join(tc.args, " "), code, tc.want, stderr)
			}
			if strings.Contains(stderr, "someone@example.com") {
				t.Errorf("stderr leaks a matched value: %s", stderr)
			}
		})
	}
}

func TestHelpDocumentsExitStatus(t *testing.T) {
	_, out, _ := runCLI(t, "", "help")
	for _, want := range []string{"Exit status", "0  nothing found", "1  something found", "2  an error", "do not parse"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// Hostile inputs give clear errors naming the file and the limit, and do
// not stop the other files.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("reach me at good@example.com\n"), 0o644)

	// A truncated zip.
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("a.txt")
	w.Write(bytes.Repeat([]byte("hello someone@example.com\n"), 100))
	zw.Close()
	truncated := filepath.Join(dir, "truncated.zip")
	os.WriteFile(truncated, zb.Bytes()[:zb.Len()/2], 0o644)

	// A zip bomb: 64 MiB of zeros compresses to ~64 KiB.
	zb.Reset()
	zw = zip.NewWriter(&zb)
	w, _ = zw.Create("bomb.txt")
	chunk := bytes.Repeat([]byte("0"), 1<<20)
	for range 64 {
		w.Write(chunk)
	}
	zw.Close()
	bomb := filepath.Join(dir, "bomb.zip")
	os.WriteFile(bomb, zb.Bytes(), 0o644)

	// Broken MIME: a multipart without its boundary parameter.
	broken := filepath.Join(dir, "broken.eml")
	os.WriteFile(broken, []byte("From: a@example.com\r\nSubject: x\r\nDate: Sat, 13 Mar 2021 09:30:00 +0000\r\n"+
		"Content-Type: multipart/mixed\r\n\r\n--x\r\nbody\r\n"), 0o644)

	// A chat with a line longer than --max-line.
	long := filepath.Join(dir, "long-chat.txt")
	os.WriteFile(long, []byte("[12/03/2021, 09:14:55] Alice Example: "+strings.Repeat("a", 5000)+"\n"), 0o644)

	code, out, stderr := runCLI(t, "", "scan", "--format", "jsonl", "--max-bytes", "16777216", "--max-line", "4096",
		truncated, bomb, broken, long, good)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for _, want := range []string{
		"truncated.zip: reading zip",
		"bomb.zip!bomb.txt: exceeds limit max-bytes=16777216",
		"broken.eml (message 1): mail: part 1: multipart without boundary",
		"long-chat.txt: line 1: exceeds limit max-line=4096",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, `"path":"`+good+`"`) {
		t.Errorf("the good file was not scanned:\n%s", out)
	}
}
