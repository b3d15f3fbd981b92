package piicheck

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
	"github.com/tidemark/tidemark/pii"
	"github.com/tidemark/tidemark/pii/phone"
)

// sample is synthetic: example.com addresses, Ofcom drama numbers,
// documentation IP ranges, test card and NHS numbers.
const sample = `From: Jo Bloggs <jo.bloggs@example.com>
Date of birth: 14/03/1987. NI number QQ 12 34 56 C, NHS number 943 476 5919.
Card 4111 1111 1111 1111 exp 12/30; IBAN GB82 WEST 1234 5698 7654 32.
Sort code 12-34-56 account 12345678. Server 192.0.2.17 and 2001:db8::1.
Postcode SW1A 1AA. Call 020 7946 0018 or 07700 900123.
Reply to a.n.other@example.org about ref 12345.
`

func engine(t *testing.T, chunk int) *detect.Engine {
	t.Helper()
	ds := append(pii.All(), phone.All()...)
	if len(ds) == 0 {
		t.Skip("pii.All returns no detectors yet")
	}
	eng, err := detect.Compile(ds, &detect.Options{ChunkSize: chunk})
	if err != nil {
		t.Fatalf("Compile(pii.All()): %v", err)
	}
	return eng
}

// TestRedactedValuesGone checks the property with the real detectors
// (pii.All and phone.All):
// after redaction, scanning the output finds none of the redacted values.
func TestRedactedValuesGone(t *testing.T) {
	eng := engine(t, 0)
	text := []byte(strings.Repeat(sample, 3))
	fs, err := eng.AppendFind(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 {
		t.Skip("the pii detectors find nothing in the sample yet")
	}
	values := map[string]string{}
	for _, f := range fs {
		values[string(text[f.Start:f.End])] = string(f.Kind)
	}
	t.Logf("%d findings of %d distinct values", len(fs), len(values))
	for _, o := range []redact.Options{{}, {Default: redact.Mask(0, 0)}, {Default: redact.Remove()}} {
		out, err := redact.New(eng, o).Bytes(text)
		if err != nil {
			t.Fatal(err)
		}
		after, err := eng.AppendFind(nil, out)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range after {
			if k, ok := values[string(out[f.Start:f.End])]; ok {
				t.Errorf("%v: a redacted %s value is still found in the output (as %s)", o.Default, k, f.Kind)
			}
		}
	}
}

// TestChunkInvariance checks that the output with the real detectors is
// the same for any chunk size and read split.
func TestChunkInvariance(t *testing.T) {
	text := []byte(strings.Repeat(sample, 20))
	want, err := redact.New(engine(t, 0), redact.Options{Default: redact.Mask(0, 2)}).Bytes(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, cs := range []int{1, 5, 64, 1000} {
		red := redact.New(engine(t, cs), redact.Options{Default: redact.Mask(0, 2)})
		var out bytes.Buffer
		if _, err := red.Copy(&out, iotest.HalfReader(bytes.NewReader(text))); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("chunk %d: output differs", cs)
		}
	}
}
