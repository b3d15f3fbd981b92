package markings

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// goldenRecord is one line of a *.golden.jsonl file.
type goldenRecord struct {
	Rule      string   `json:"rule"`
	Start     int64    `json:"start"`
	End       int64    `json:"end"`
	Line      int64    `json:"line"`
	Score     int      `json:"score"`
	Text      string   `json:"text"`
	Scheme    string   `json:"scheme"`
	Alt       []string `json:"alt,omitempty"`
	Level     string   `json:"level"`
	Severity  int      `json:"severity"`
	Placement string   `json:"placement"`
	Flags     []string `json:"flags,omitempty"`
	Canonical string   `json:"canonical"`
}

// TestGolden scans testdata/golden/*.txt with All() and compares the
// findings, with their parsed detail, to *.golden.jsonl (-update rewrites).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	eng := detect.MustCompile(All(), nil)
	for _, in := range files {
		text, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := eng.AppendFind(nil, text)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, f := range fs {
			d, err := eng.Detail(f, text[f.Start:f.End])
			if err != nil {
				t.Errorf("%s: Detail(%q): %v", in, text[f.Start:f.End], err)
				continue
			}
			m := d.(Marking)
			rec := goldenRecord{Rule: f.Rule, Start: f.Start, End: f.End, Line: f.Line, Score: f.Score,
				Text: string(text[f.Start:f.End]), Scheme: m.Scheme.String(), Level: m.Level.String(),
				Severity: m.Severity(), Placement: m.Placement.String(), Flags: m.Flags.Names(), Canonical: m.Canonical()}
			for _, a := range m.Alt {
				rec.Alt = append(rec.Alt, a.String())
			}
			b, _ := json.Marshal(rec)
			buf.Write(b)
			buf.WriteByte('\n')
		}
		out := strings.TrimSuffix(in, ".txt") + ".golden.jsonl"
		if *update {
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if !bytes.Equal(want, buf.Bytes()) {
			t.Errorf("%s: findings differ from %s (run with -update and review the diff):\n%s", in, out, buf.String())
		}
	}
}
