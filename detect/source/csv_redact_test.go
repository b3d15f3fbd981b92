package source_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
	"github.com/tidemark/tidemark/detect/source"
	"github.com/tidemark/tidemark/pii"
)

var csvEngine = sync.OnceValue(func() *detect.Engine {
	return detect.MustCompile(tidemark.Detectors(), &detect.Options{MinScore: 50})
})

// csvFindings returns the findings Scan reports for a CSV file (named
// name, so that its format is sniffed), with their matched values.
func csvFindings(t testing.TB, eng *detect.Engine, name string, data []byte) ([]detect.Finding, []string) {
	t.Helper()
	var fs []detect.Finding
	var vals []string
	err := source.Scan(eng, name, bytes.NewReader(data), nil, func(f *source.Finding, match []byte) error {
		if f.Loc.Format != source.CSV {
			t.Fatalf("%s: read as %q", name, f.Loc.Format)
		}
		fs = append(fs, f.Finding)
		vals = append(vals, string(match))
		return nil
	})
	if err != nil {
		t.Fatalf("scan %s: %v", name, err)
	}
	return fs, vals
}

func csvRedact(t testing.TB, eng *detect.Engine, name string, data []byte, op redact.Operator) []byte {
	t.Helper()
	red := redact.New(eng, redact.Options{Default: op, Key: []byte("0123456789abcdef0123456789abcdef")})
	var out bytes.Buffer
	if err := source.Redact(red, name, bytes.NewReader(data), &out, nil); err != nil {
		t.Fatalf("redact %s: %v", name, err)
	}
	return out.Bytes()
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// checkMasked checks a Mask('*', 0) redaction of ASCII data against the
// findings scan reported: every letter and digit inside a finding is
// masked, and no other byte changed.
func checkMasked(t testing.TB, data, out []byte, fs []detect.Finding) {
	t.Helper()
	if len(out) != len(data) {
		t.Fatalf("masked output is %d bytes, input %d", len(out), len(data))
	}
	covered := make([]bool, len(data))
	for _, f := range fs {
		for i := f.Start; i < f.End; i++ {
			covered[i] = true
			if isAlnum(data[i]) && out[i] != '*' {
				t.Fatalf("finding [%d,%d) line %d (%s): byte %d not redacted", f.Start, f.End, f.Line, f.Kind, i)
			}
		}
	}
	for i := range data {
		if out[i] != data[i] && !(covered[i] && isAlnum(data[i]) && out[i] == '*') {
			t.Fatalf("byte %d changed outside any finding (%q -> %q)", i, data[i], out[i])
		}
	}
}

// csvShape parses data as CSV with delimiter d and returns the number of
// fields of each record.
func csvShape(data []byte, d rune) ([]int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = d
	r.FieldsPerRecord = -1
	var shape []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return shape, nil
		}
		if err != nil {
			return shape, err
		}
		shape = append(shape, len(rec))
	}
}

func sameShape(t testing.TB, in, out []byte, d rune) {
	t.Helper()
	want, err := csvShape(in, d)
	if err != nil {
		t.Fatalf("input is not valid CSV: %v", err)
	}
	got, err := csvShape(out, d)
	if err != nil {
		t.Fatalf("output is not valid CSV: %v\n%s", err, out)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("output has %d records (%v...), input %d (%v...)", len(got), got[:min(len(got), 5)], len(want), want[:min(len(want), 5)])
	}
}

// inlineCSV is a semicolon-separated register with CRLF line ends,
// quoted fields holding the delimiter and a line break, and no final
// line end. Its values are synthetic (NHS numbers in the 999 range with
// valid check digits, Ofcom drama numbers, example.com).
func inlineCSV() []byte {
	var b strings.Builder
	b.WriteString("id;name;nhs no;date of birth;phone;email;notes\r\n")
	for i := range 120 {
		fmt.Fprintf(&b, "%d;Patient %d;;;;;\"seen; fine\"\r\n", i, i)
	}
	b.WriteString("121;\"Ray; Example\";999 789 1236;\"03/04/1957\";\"07700 900106\";ray@example.com;\"moved\r\nfrom 07700 900107\"\r\n")
	b.WriteString("122;Sam Example;\"999 891 2342\";28/02/1949;020 7946 0108;\"sam@example.com\";")
	return []byte(b.String())
}

// Redacting a CSV file removes exactly what Scan reports on it: the
// values far below the header that are found only thanks to it too. The
// output is the input but for the findings, and parses as CSV with the
// same records and fields.
func TestRedactCSVMatchesScan(t *testing.T) {
	eng := csvEngine()
	type tc struct {
		name string
		data []byte
	}
	var cases []tc
	for _, p := range []string{"register.csv", "clinic.csv", "register.tsv"} {
		data, err := os.ReadFile("../../testdata/csv/" + p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{p, data})
	}
	cases = append(cases, tc{"inline.csv", inlineCSV()})
	ops := []redact.Operator{redact.Tag(""), redact.Pseudonym(""), redact.Remove(), redact.Mask('*', 2),
		redact.Tag("a\"b,c\td;e\r\nf"), redact.Pseudonym("X\"Y")}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs, vals := csvFindings(t, eng, c.name, c.data)
			if len(fs) < 6 {
				t.Fatalf("only %d findings", len(fs))
			}
			// Findings far below the header are among them.
			if last := fs[len(fs)-1]; last.Line < 80 {
				t.Fatalf("last finding on line %d", last.Line)
			}
			checkMasked(t, c.data, csvRedact(t, eng, c.name, c.data, redact.Mask('*', 0)), fs)
			d := source.CSVDelimiter(c.data)
			for _, op := range ops {
				out := csvRedact(t, eng, c.name, c.data, op)
				sameShape(t, c.data, out, d)
				if bytes.Count(out, []byte("\r\n")) < bytes.Count(c.data, []byte("\r\n")) {
					t.Errorf("%s: CRLF line ends lost", op)
				}
				head := c.data[:bytes.IndexByte(c.data, '\n')+1]
				if !bytes.HasPrefix(out, head) {
					t.Errorf("%s: header row changed", op)
				}
				if op.String() == "mask" {
					continue // keeps two characters of each value
				}
				for _, v := range vals {
					if bytes.Contains(out, []byte(v)) {
						t.Errorf("%s: output still contains a value found at scan (%d bytes)", op, len(v))
					}
				}
				// Scanning the redacted copy finds none of the values.
				_, after := csvFindings(t, eng, c.name, out)
				for _, v := range after {
					for _, w := range vals {
						if v == w {
							t.Errorf("%s: rescan finds a value found before", op)
						}
					}
				}
			}
		})
	}
}

// The old way, redacting a CSV file as plain text, leaves values that
// Scan reports: the check above can fail.
func TestRedactCSVAsTextLeaks(t *testing.T) {
	eng := csvEngine()
	data, err := os.ReadFile("../../testdata/csv/register.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, vals := csvFindings(t, eng, "register.csv", data)
	red := redact.New(eng, redact.Options{})
	var out bytes.Buffer
	if err := source.Redact(red, "register.txt", bytes.NewReader(data), &out, nil); err != nil {
		t.Fatal(err)
	}
	leaks := 0
	for _, v := range vals {
		if bytes.Contains(out.Bytes(), []byte(v)) {
			leaks++
		}
	}
	if leaks == 0 {
		t.Error("as plain text every value is redacted: the CSV test would not catch a regression")
	}
}

// Replacements are escaped for their field: a quote is doubled inside a
// quoted field; a quote, the delimiter or a line break becomes '_' in a
// bare one.
func TestRedactCSVEscape(t *testing.T) {
	eng := detect.MustCompile([]detect.Detector{testEmail()}, nil)
	in := "a,b\r\nx@example.com,\"y@example.com, z\"\r\n"
	got := string(csvRedact(t, eng, "t.csv", []byte(in), redact.Tag("<\"a,b\r\n>")))
	want := "a,b\r\n<_a_b__>,\"<\"\"a,b\r\n>, z\"\r\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	sameShape(t, []byte(in), []byte(got), ',')
}

// A finding that crosses fields (here one that spans a quote, a
// delimiter and a line end) is replaced around them: every record keeps
// its fields.
func TestRedactCSVCrossingFinding(t *testing.T) {
	eng := detect.MustCompile([]detect.Detector{hashRun()}, &detect.Options{Binary: detect.BinaryScan})
	in := "h1,h2\n#ab,\"cd\"\n\"#e\"\"f\",g\n"
	fs, _ := csvFindings(t, eng, "t.csv", []byte(in))
	if len(fs) != 2 {
		t.Fatalf("findings %+v", fs)
	}
	got := string(csvRedact(t, eng, "t.csv", []byte(in), redact.Tag("")))
	// The view is "h1: #ab,h2: \"cd\"": the first finding ends after the
	// opening quote of "cd"; the second ends inside the label of g, which
	// maps to g's first byte.
	want := "h1,h2\n[HASH],\"cd\"\n\"[HASH]\"\"[HASH]\",g\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	sameShape(t, []byte(in), []byte(got), ',')
}

// hashRun reports '#' and the 8 bytes after it, whatever they are
// (delimiters, quotes, line ends): a stand-in for a detector whose match
// crosses fields. Kind "hash".
func hashRun() detect.Detector {
	const n = 9
	return detect.Func(detect.Spec{ID: "test/hash", Kind: "hash", MaxLen: n, Triggers: detect.Triggers{Bytes: "#"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				e := int(h) + n
				if e > len(w.Text) {
					if !w.AtEnd {
						continue
					}
					e = len(w.Text)
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(h), End: w.Base + int64(e), Score: 90})
			}
			return dst, nil
		})
}

// A byte-order mark is written back (as UTF-8), and UTF-16 input comes
// out as UTF-8 with its findings redacted.
func TestRedactCSVEncodings(t *testing.T) {
	eng := csvEngine()
	plain := inlineCSV()
	want := csvRedact(t, eng, "r.csv", plain, redact.Tag(""))
	bom := []byte{0xef, 0xbb, 0xbf}
	if got := csvRedact(t, eng, "r.csv", append(bom, plain...), redact.Tag("")); !bytes.Equal(got, append(bom, want...)) {
		t.Errorf("UTF-8 with BOM: output differs\n%q", got)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	if got := csvRedact(t, eng, "r.csv", u16, redact.Tag("")); !bytes.Equal(got, append(bom, want...)) {
		t.Errorf("UTF-16: output differs\n%q", got)
	}
}

// A large CSV is redacted with the labels, far beyond the labeller's and
// the scanner's windows, and its memory stays bounded (the redactor's own
// check is TestBoundedMemory in package redact; here the view's offsets
// must stay exact all along).
func TestRedactCSVLarge(t *testing.T) {
	eng := detect.MustCompile([]detect.Detector{pii.NewNHS(), pii.NewDateOfBirth()}, &detect.Options{MinScore: 50})
	var b bytes.Buffer
	b.WriteString("name,nhs_number,dob,notes\n")
	for i := 0; b.Len() < 3<<20; i++ {
		if i%997 == 500 {
			fmt.Fprintf(&b, "Row %d,999 789 1236,12/03/1961,\"x, y\"\n", i)
			continue
		}
		fmt.Fprintf(&b, "Row %d,,,\"seen, fine\"\n", i)
	}
	data := b.Bytes()
	fs, _ := csvFindings(t, eng, "big.csv", data)
	if len(fs) < 100 {
		t.Fatalf("%d findings", len(fs))
	}
	checkMasked(t, data, csvRedact(t, eng, "big.csv", data, redact.Mask('*', 0)), fs)
}

func FuzzRedactCSV(f *testing.F) {
	f.Add([]byte("name,nhs_number,dob\nJo,999 789 1236,12/03/1961\n"), uint8(0))
	f.Add([]byte("a;b\r\n\"x;#y\"\"\";\"a@example.com\"\r\n#,\n"), uint8(1))
	f.Add([]byte("h1\th2\n#a\t\"b\nc\"\n\t\n"), uint8(2))
	f.Add(inlineCSV()[:400], uint8(3))
	f.Add([]byte("\xef\xbb\xbfa,b\n1,2\n"), uint8(4))
	f.Add([]byte("\xef\xbb\xbf"), uint8(3))
	f.Add([]byte("\xff\xfe0,"), uint8(0))
	eng := detect.MustCompile([]detect.Detector{testEmail(), hashRun(), pii.NewNHS(), pii.NewDateOfBirth()},
		&detect.Options{MinScore: 50, Binary: detect.BinaryScan})
	ops := []redact.Operator{redact.Tag(""), redact.Mask('*', 0), redact.Pseudonym(""), redact.Tag("\"x,\t;\r\ny\""), redact.Remove()}
	f.Fuzz(func(t *testing.T, in []byte, op uint8) {
		if len(in) > 4<<10 {
			return
		}
		o := ops[int(op)%len(ops)]
		fs, _ := csvFindings(t, eng, "f.csv", in)
		out := csvRedact(t, eng, "f.csv", in, o)
		nonEmpty := false
		for _, f := range fs {
			nonEmpty = nonEmpty || f.Start < f.End
		}
		plain := utf8.Valid(in) && !bytes.HasPrefix(in, []byte{0xef, 0xbb, 0xbf}) &&
			!bytes.HasPrefix(in, []byte{0xff, 0xfe}) && !bytes.HasPrefix(in, []byte{0xfe, 0xff})
		if plain && !nonEmpty && !bytes.Equal(out, in) {
			t.Fatalf("no findings, yet the output differs:\n got %q\nwant %q", out, in)
		}
		ascii := true
		for _, c := range in {
			ascii = ascii && c < 0x80
		}
		if ascii && o.String() == "mask" {
			checkMasked(t, in, out, fs)
		}
		if bytes.HasPrefix(in, []byte{0xff, 0xfe}) || bytes.HasPrefix(in, []byte{0xfe, 0xff}) {
			return // read as UTF-16: its bytes are not the text's
		}
		d := source.CSVDelimiter(in)
		want, err := csvShape(in, d)
		if err != nil {
			return // not valid CSV: only no panic
		}
		got, err := csvShape(out, d)
		if err != nil {
			t.Fatalf("input is valid CSV, output is not: %v\n in %q\nout %q", err, in, out)
		}
		// Removing a whole one-field record leaves an empty line, which
		// readers skip.
		if o.String() != "remove" && fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("records %v, want %v\n in %q\nout %q", got, want, in, out)
		}
	})
}
