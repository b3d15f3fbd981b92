package redact_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, o := range map[string]redact.Options{
		"tag":       {},
		"mask":      {Default: redact.Mask(0, 2)},
		"pseudonym": {Default: redact.Pseudonym(""), Key: testKey},
		"remove":    {Default: redact.Remove()},
		"mixed": {Default: redact.Tag("[REDACTED]"), Key: testKey, Kinds: map[detect.Kind]redact.Operator{
			"email": redact.Pseudonym("PERSON"), "digits": redact.Mask('#', 0)}},
	} {
		t.Run(name, func(t *testing.T) {
			red := redact.New(engine(t, 0), o)
			got, err := red.Bytes(in)
			if err != nil {
				t.Fatal(err)
			}
			// The streaming path with tiny chunks agrees.
			var stream bytes.Buffer
			if _, err := redact.New(engine(t, 3), o).Copy(&stream, iotest.OneByteReader(bytes.NewReader(in))); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(stream.Bytes(), got) {
				t.Fatalf("streaming output differs from Bytes")
			}
			path := filepath.Join("testdata", "sample."+name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s:\n got:\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
}
