package source_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source"
	"github.com/tidemark/tidemark/pii"
)

// csvRows is a synthetic register: the header, then n rows of filler so
// that the last rows are far beyond any cue radius of the header. NHS
// numbers are the published example 943 476 5919 and synthetic ones
// with a valid check digit; dates and postcodes are made up.
func csvRows(n int, delim string) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join([]string{"name", "nhs_number", "dob", "notes"}, delim) + "\n")
	for i := range n {
		fmt.Fprintf(&b, "%s%s%s%s%s%s%s\n", "Patient "+fmt.Sprint(i), delim, "", delim, "", delim, "seen in clinic")
	}
	b.WriteString(strings.Join([]string{"Jane Example", "943 476 5919", "12/03/1961", `"follow up, 3 weeks"`}, delim) + "\n")
	return b.Bytes()
}

func csvScan(t *testing.T, name string, data []byte) []source.Finding {
	t.Helper()
	eng := detect.MustCompile([]detect.Detector{pii.NewNHS(), pii.NewDateOfBirth()}, &detect.Options{MinScore: 50})
	var out []source.Finding
	err := source.Scan(eng, name, bytes.NewReader(data), nil, func(f *source.Finding, match []byte) error {
		if got := string(data[f.Start:f.End]); got != string(match) {
			t.Errorf("%s: finding at %d maps to %q, matched %q", name, f.Start, got, match)
		}
		out = append(out, *f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A CSV row far below its header is scored with the header as context:
// the NHS number without a cue of its own scores as if labelled, and the
// date of birth (found only near a birth word) is found. As plain text
// neither reaches the score floor.
func TestCSVHeaderContext(t *testing.T) {
	for _, delim := range []string{",", "\t", ";"} {
		data := csvRows(500, delim)
		got := csvScan(t, "register.csv", data)
		kinds := map[detect.Kind]int64{}
		for _, f := range got {
			kinds[f.Kind] = f.Line
			if f.Loc.Format != source.CSV {
				t.Errorf("format %q", f.Loc.Format)
			}
		}
		if kinds[pii.KindNHS] != 502 || kinds[pii.KindDateOfBirth] != 502 {
			t.Errorf("delimiter %q: findings %+v, want the NHS number and the date of birth on line 502", delim, got)
		}
		if txt := csvScan(t, "register.txt", data); len(txt) != 1 || txt[0].Kind != pii.KindNHS || txt[0].Score >= kinds2score(got, pii.KindNHS) {
			t.Errorf("as text: %+v, want only the NHS number, scored lower", txt)
		}
	}
}

func kinds2score(fs []source.Finding, k detect.Kind) int {
	for _, f := range fs {
		if f.Kind == k {
			return f.Score
		}
	}
	return -1
}

// labelCheck reads data through the labeller and checks that every byte
// outside the labels maps back to the same byte of data, in order.
func labelCheck(t *testing.T, data []byte) {
	l := source.NewLabeller(bytes.NewReader(data))
	out, err := io.ReadAll(iotestOneByte(l))
	if err != nil {
		t.Fatal(err)
	}
	// A byte of the input advances the mapping by one; a label's bytes
	// all map to its field's first byte.
	kept := 0
	for o := range len(out) {
		in, next := l.MapOffset(int64(o)), l.MapOffset(int64(o+1))
		switch {
		case in < 0 || next < in || next > int64(len(data)):
			t.Fatalf("%q: offsets %d, %d map to %d, %d", data, o, o+1, in, next)
		case next == in+1:
			if out[o] != data[in] {
				t.Fatalf("%q: output byte %d (%q) maps to input byte %d (%q)", data, o, out[o], in, data[in])
			}
			kept++
		case next != in:
			t.Fatalf("%q: offset %d maps to %d, the next to %d", data, o, in, next)
		}
	}
	if kept != len(data) {
		t.Fatalf("%q: %d of %d input bytes found again in %q", data, kept, len(data), out)
	}
	if end := l.MapOffset(int64(len(out))); end != int64(len(data)) {
		t.Fatalf("%q: end maps to %d, want %d", data, end, len(data))
	}
}

// iotestOneByte reads a few bytes at a time, so labels and fields are cut
// between reads.
func iotestOneByte(r io.Reader) io.Reader { return &smallReads{r} }

type smallReads struct{ r io.Reader }

func (s *smallReads) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), 3)]) }

func TestLabeller(t *testing.T) {
	for _, s := range []string{
		"a,b,c\n1,2,3\n4,5,6\n", "a,b\n\"x,y\",2\n\"multi\nline\",3\n", "a;b\n1;2", "a\tb\n\n1\t2\r\n", "no header delimiter\nx\n",
		"", "a,b", "a,,b\n,,\n", "\"h,1\",h2\n1,2,3,4\n",
	} {
		labelCheck(t, []byte(s))
	}
	r := rand.New(rand.NewPCG(1, 1))
	const pool = "ab,;\t\"\n\r 1"
	for range 2000 {
		b := make([]byte, r.IntN(60))
		for i := range b {
			b[i] = pool[r.IntN(len(pool))]
		}
		labelCheck(t, b)
	}
}

func FuzzLabeller(f *testing.F) {
	f.Add([]byte("name,nhs_number\nJane,943 476 5919\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 4096 {
			return
		}
		labelCheck(t, b)
	})
}

// Short fields under long labels make the labelled text many times the
// input. The labeller still holds a bounded amount of it, and MapOffset
// stays exact over the last 64 KiB returned (more than a Scanner's
// buffer) however far the labeller has read ahead.
func TestLabellerLongLabels(t *testing.T) {
	const cols = 200
	var b bytes.Buffer
	for c := range cols {
		if c > 0 {
			b.WriteByte(',')
		}
		// Letters only, so that label bytes are told from field bytes.
		fmt.Fprintf(&b, "column_with_a_long_descriptive_name_%c%c", 'a'+c/26, 'a'+c%26)
	}
	b.WriteByte('\n')
	for r := 0; b.Len() < 1<<20; r++ {
		for c := range cols {
			if c > 0 {
				b.WriteByte(',')
			}
			b.WriteByte(byte('0' + (r+c)%10))
		}
		b.WriteByte('\n')
	}
	data := b.Bytes()
	l := source.NewLabeller(bytes.NewReader(data))
	var out []byte
	p := make([]byte, 64<<10)
	maxPending := 0
	for {
		n, err := l.Read(p)
		out = append(out, p[:n]...)
		maxPending = max(maxPending, source.LabellerPending(l))
		for o := max(0, len(out)-64<<10); o < len(out); o += 97 {
			c := out[o]
			if c != ',' && c != '\n' && (c < '0' || c > '9') {
				continue // inside a label
			}
			if in := l.MapOffset(int64(o)); in < 0 || in >= int64(len(data)) || data[in] != c {
				t.Fatalf("after %d bytes: offset %d (%q) maps to %d", len(out), o, c, in)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 20*len(data) {
		t.Fatalf("labelled %d bytes from %d", len(out), len(data))
	}
	if maxPending > 128<<10 {
		t.Errorf("the labeller held %d bytes", maxPending)
	}
}
