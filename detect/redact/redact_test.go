package redact_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/detect/redact"
)

var testKey = []byte("tidemark test key, not a secret")

func engine(t testing.TB, chunk int) *detect.Engine {
	t.Helper()
	eng, err := detect.Compile(testDetectors(), &detect.Options{ChunkSize: chunk, Binary: detect.BinaryScan})
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

func TestTestDetectorsConform(t *testing.T) {
	if testing.Short() {
		t.Skip("conformance of the test fixtures is slow under -race; run without -short")
	}
	inputs := []string{"Call 123 4567 or jo@example.com.", "123 456 789 0123", "a@b.co x@y", "1234567890123456789012345"}
	for _, d := range testDetectors() {
		detecttest.Run(t, d, inputs...)
	}
}

func TestOperators(t *testing.T) {
	const in = "Call 123 4567 or mail Jo.B@Example.com, ref 98765."
	tests := []struct {
		name string
		opts redact.Options
		want string
	}{
		{"default tag", redact.Options{}, "Call [PAIR] or mail [EMAIL], ref [DIGITS]."},
		{"custom tag", redact.Options{Default: redact.Tag("<x>")}, "Call <x> or mail <x>, ref <x>."},
		{"mask", redact.Options{Default: redact.Mask(0, 0)}, "Call *** **** or mail **.*@*******.***, ref *****."},
		{"mask keep", redact.Options{Default: redact.Mask('#', 2)}, "Call ### ##67 or mail ##.#@#######.#om, ref ###65."},
		{"remove", redact.Options{Default: redact.Remove()}, "Call  or mail , ref ."},
		{"by kind", redact.Options{Kinds: map[detect.Kind]redact.Operator{"email": redact.Mask(0, 0), "digits": redact.Remove()}},
			"Call [PAIR] or mail **.*@*******.***, ref ."},
		{"rule beats kind", redact.Options{
			Kinds: map[detect.Kind]redact.Operator{"email": redact.Mask(0, 0)},
			Rules: map[string]redact.Operator{"test/email": redact.Tag("[MAIL]")}},
			"Call [PAIR] or mail [MAIL], ref [DIGITS]."},
	}
	eng := engine(t, 0)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := redact.New(eng, tt.opts).Bytes([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func token(kind, norm string) string {
	m := hmac.New(sha256.New, testKey)
	m.Write([]byte(kind + "\x00" + norm))
	return hex.EncodeToString(m.Sum(nil))[:8]
}

func TestPseudonym(t *testing.T) {
	eng := engine(t, 0)
	red := redact.New(eng, redact.Options{Default: redact.Pseudonym(""), Key: testKey,
		Kinds: map[detect.Kind]redact.Operator{"digits": redact.Pseudonym("ID")}})
	got, err := red.Bytes([]byte("Jo.B@Example.com wrote to jo.b@example.com about 98765 and 98765."))
	if err != nil {
		t.Fatal(err)
	}
	e, d := token("email", "job@examplecom"), token("digits", "98765")
	want := fmt.Sprintf("[EMAIL_%s] wrote to [EMAIL_%s] about [ID_%s] and [ID_%s].", e, e, d, d)
	if string(got) != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Another Redactor with the same key gives the same tokens; a
	// different key gives different ones.
	again, _ := redact.New(eng, redact.Options{Default: redact.Pseudonym(""), Key: testKey,
		Kinds: map[detect.Kind]redact.Operator{"digits": redact.Pseudonym("ID")}}).Bytes([]byte("98765"))
	if string(again) != "[ID_"+d+"]" {
		t.Errorf("same key: %q", again)
	}
	other, _ := redact.New(eng, redact.Options{Default: redact.Pseudonym(""), Key: []byte("another key")}).Bytes([]byte("98765"))
	if bytes.Contains(other, []byte(d)) {
		t.Errorf("different key gave the same token: %q", other)
	}
	// Without a key the tokens are random per Redactor but consistent
	// within it.
	r1 := redact.New(eng, redact.Options{Default: redact.Pseudonym(""), TokenLen: 16})
	a, _ := r1.Bytes([]byte("111 and 111"))
	if !regexp.MustCompile(`^\[DIGITS_([0-9a-f]{16})\] and \[DIGITS_([0-9a-f]{16})\]$`).Match(a) || !bytes.Equal(a[:25], a[30:]) {
		t.Errorf("random key: %q", a)
	}
}

func TestDefaultNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"020 7946 0018", "02079460018"},
		{"020-7946-0018", "02079460018"},
		{"(020) 7946/0018", "02079460018"},
		{"Jo  BLOGGS", "jobloggs"},
		{"ÉLODIE", "élodie"},
		{"bad\xffbyte", "bad\xffbyte"},
	} {
		if got := redact.DefaultNormalize(nil, detect.Finding{Kind: "x"}, []byte(tt.in)); string(got) != tt.want {
			t.Errorf("DefaultNormalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCustomNormalize(t *testing.T) {
	// Digits only, so "123 4567" and "1234567" are one value.
	digitsOnly := func(dst []byte, f detect.Finding, v []byte) []byte {
		for _, c := range v {
			if isDigit(c) {
				dst = append(dst, c)
			}
		}
		return dst
	}
	red := redact.New(engine(t, 0), redact.Options{Default: redact.Pseudonym("N"), Key: testKey, Normalize: digitsOnly,
		Kinds: map[detect.Kind]redact.Operator{"email": redact.Remove()}})
	got, err := red.Bytes([]byte("123 4567 / 1234567"))
	if err != nil {
		t.Fatal(err)
	}
	// Different kinds (pair, digits) hash apart even with equal values.
	want := fmt.Sprintf("[N_%s] / [N_%s]", token("pair", "1234567"), token("digits", "1234567"))
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOverlaps(t *testing.T) {
	eng := engine(t, 0)
	tests := []struct{ in, want string }{
		// Pairs [0,7) and [4,11) and digit runs merge into one span; the
		// first of the two equally long pairs chooses.
		{"123 456 789 x", "[PAIR] x"},
		// A run too long for a pair is redacted alone.
		{"1234567890123 456", "[DIGITS] [DIGITS]"},
		// The longer e-mail wins over the digits inside it.
		{"a@b.co123", "[EMAIL]"},
		{"x 99123@b.co", "x [EMAIL]"},
		{"123 456 a@b.co", "[PAIR] [EMAIL]"},
	}
	for _, tt := range tests {
		got, err := redact.New(eng, redact.Options{}).Bytes([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// reference redacts text from a whole-buffer scan, merging overlaps the
// simple way (no span cap).
func reference(eng *detect.Engine, text []byte, render func(f detect.Finding, v []byte) string) string {
	fs, err := eng.AppendFind(nil, text)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	pos := int64(0)
	eachMerged(fs, func(s, e int64, win detect.Finding) {
		b.Write(text[pos:s])
		b.WriteString(render(win, text[s:e]))
		pos = e
	})
	b.Write(text[pos:])
	return b.String()
}

// eachMerged calls fn for each span [s, e) of overlapping findings of fs
// (in Start order), with the finding that wins it: the longest, then the
// highest scored.
func eachMerged(fs []detect.Finding, fn func(s, e int64, win detect.Finding)) {
	for i := 0; i < len(fs); {
		s, e, win := fs[i].Start, fs[i].End, fs[i]
		j := i + 1
		for ; j < len(fs) && fs[j].Start < e; j++ {
			e = max(e, fs[j].End)
			if fs[j].Len() > win.Len() || fs[j].Len() == win.Len() && fs[j].Score > win.Score {
				win = fs[j]
			}
		}
		fn(s, e, win)
		i = j
	}
}

func tagRender(f detect.Finding, _ []byte) string {
	return "[" + strings.ToUpper(string(f.Kind)) + "]"
}

// randomText builds text rich in digit runs, pairs, chains and e-mails.
func randomText(rng *rand.Rand, n int) []byte {
	words := []string{"call", "ref", "the", "\n", " ", ", ", "NHS", "é", "\xff", "@", "."}
	var b []byte
	for len(b) < n {
		switch rng.IntN(6) {
		case 0:
			for range 1 + rng.IntN(12) {
				b = append(b, byte('0'+rng.IntN(10)))
			}
		case 1:
			b = fmt.Appendf(b, "%d %d", rng.IntN(100000), rng.IntN(100000))
		case 2:
			b = fmt.Appendf(b, "%c%d@ex%d.com", 'a'+rng.IntN(26), rng.IntN(100), rng.IntN(10))
		default:
			b = append(b, words[rng.IntN(len(words))]...)
		}
		b = append(b, ' ')
	}
	return b
}

var readers = map[string]func(io.Reader) io.Reader{
	"plain": func(r io.Reader) io.Reader { return r },
	"one":   iotest.OneByteReader,
	"half":  iotest.HalfReader,
	"eof":   iotest.DataErrReader,
}

func copyAll(t testing.TB, red *redact.Redactor, r io.Reader) string {
	t.Helper()
	return copied(t, "Copy", func(w io.Writer) (redact.Stats, error) { return red.Copy(w, r) })
}

// copied runs copy into a buffer and returns what it wrote, failing t on
// an error or on Stats.Out other than the bytes written.
func copied(t testing.TB, name string, copy func(io.Writer) (redact.Stats, error)) string {
	t.Helper()
	var out bytes.Buffer
	st, err := copy(&out)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if st.Out != int64(out.Len()) {
		t.Fatalf("Stats.Out = %d, wrote %d", st.Out, out.Len())
	}
	return out.String()
}

func TestChunkInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	ops := []redact.Options{
		{},
		{Default: redact.Mask(0, 2)},
		{Default: redact.Remove()},
		{Default: redact.Pseudonym(""), Key: testKey},
	}
	for i := range 8 {
		text := randomText(rng, 200+rng.IntN(4000))
		ref := reference(engine(t, 0), text, tagRender)
		for oi, o := range ops {
			want, err := redact.New(engine(t, 0), o).Bytes(text)
			if err != nil {
				t.Fatal(err)
			}
			if oi == 0 && string(want) != ref {
				t.Fatalf("input %d: Bytes differs from the reference:\n got %q\nwant %q", i, want, ref)
			}
			for _, cs := range []int{1, 2, 7, 64, 1000, 64 << 10} {
				red := redact.New(engine(t, cs), o)
				for name, rd := range readers {
					if cs < 7 && name != "one" && name != "plain" {
						continue
					}
					if got := copyAll(t, red, rd(bytes.NewReader(text))); got != string(want) {
						t.Fatalf("input %d op %v chunk %d reader %s: output differs\n got %q\nwant %q", i, o.Default, cs, name, got, want)
					}
				}
			}
		}
	}
}

// TestNoRedactedValueSurvives is the property test: scanning the output
// with the same engine finds none of the values that were redacted.
func TestNoRedactedValueSurvives(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	eng := engine(t, 0)
	tokenRE := regexp.MustCompile(`\[[A-Z_]+_[0-9a-f]{8}\]`)
	for i := range 40 {
		text := randomText(rng, 3000)
		fs, err := eng.AppendFind(nil, text)
		if err != nil {
			t.Fatal(err)
		}
		values := map[string]bool{}
		for _, f := range fs {
			values[string(text[f.Start:f.End])] = true
		}
		for _, o := range []redact.Options{{}, {Default: redact.Mask(0, 0)}, {Default: redact.Pseudonym(""), Key: testKey}, {Default: redact.Remove()}} {
			out, err := redact.New(eng, o).Bytes(text)
			if err != nil {
				t.Fatal(err)
			}
			tokens := tokenRE.FindAllIndex(out, -1)
			after, err := eng.AppendFind(nil, out)
			if err != nil {
				t.Fatal(err)
			}
		next:
			for _, f := range after {
				v := string(out[f.Start:f.End])
				if !values[v] {
					continue
				}
				for _, tk := range tokens {
					if int64(tk[0]) <= f.Start && f.End <= int64(tk[1]) {
						continue next // hex inside a pseudonym token
					}
				}
				if o.Default.String() == "remove" && !bytes.Contains(text, []byte(v)) {
					continue
				}
				t.Errorf("input %d, %v: redacted value %q found in the output at %d", i, o.Default, v, f.Start)
			}
		}
	}
}

// TestMaxSpan redacts an unbroken chain of overlapping pairs, far longer
// than MaxSpan, and checks the output is complete and chunk-invariant.
func TestMaxSpan(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "%03d ", i%1000)
	}
	b.WriteString("end")
	text := []byte(b.String())
	var want []byte
	for _, cs := range []int{0, 1000, 7} {
		red := redact.New(engine(t, cs), redact.Options{Default: redact.Mask('x', 0), MaxSpan: 5000})
		got := copyAll(t, red, iotest.HalfReader(bytes.NewReader(text)))
		if want == nil {
			want = []byte(got)
			exp := regexp.MustCompile(`[0-9]`).ReplaceAll(text, []byte("x"))
			if !bytes.Equal(want, exp) {
				t.Fatalf("output %.80q…, want all digits masked", got)
			}
			continue
		}
		if got != string(want) {
			t.Fatalf("chunk %d: output differs", cs)
		}
	}
	red := redact.New(engine(t, 0), redact.Options{MaxSpan: 5000})
	var out bytes.Buffer
	st, err := red.Copy(&out, bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if st.Spans < 2 || strings.Count(out.String(), "[PAIR]") != int(st.Spans) {
		t.Errorf("spans %d, output %q", st.Spans, out.String())
	}
}

type failReader struct {
	data []byte
	err  error
}

func (f *failReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestErrors(t *testing.T) {
	boom := errors.New("boom")
	text := bytes.Repeat([]byte("call 123 4567 now. "), 10000)
	red := redact.New(engine(t, 1000), redact.Options{})
	var out bytes.Buffer
	_, err := red.Copy(&out, &failReader{data: text, err: boom})
	var re *detect.ReadError
	if !errors.As(err, &re) || !errors.Is(err, boom) {
		t.Fatalf("err = %v, want a ReadError wrapping boom", err)
	}
	full, _ := red.Bytes(text)
	if out.Len() == 0 || !bytes.HasPrefix(full, out.Bytes()) {
		t.Errorf("partial output of %d bytes is not a prefix of the full output", out.Len())
	}

	_, err = red.Copy(&failWriter{n: 100000}, bytes.NewReader(text))
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("write error: %v", err)
	}

	bin := redact.New(detect.MustCompile(testDetectors(), nil), redact.Options{})
	out.Reset()
	if _, err := bin.Copy(&out, bytes.NewReader([]byte("123\x00456"))); !errors.Is(err, detect.ErrBinary) || out.Len() != 0 {
		t.Errorf("binary: err %v, %d bytes out", err, out.Len())
	}

	// Empty input.
	if got, err := red.Bytes(nil); err != nil || len(got) != 0 {
		t.Errorf("empty: %q %v", got, err)
	}
}

func TestConcurrent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	red := redact.New(engine(t, 512), redact.Options{Default: redact.Pseudonym("")})
	var texts [][]byte
	var wants []string
	for range 8 {
		text := randomText(rng, 5000)
		w, err := red.Bytes(text)
		if err != nil {
			t.Fatal(err)
		}
		texts, wants = append(texts, text), append(wants, string(w))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(texts)
				got, err := red.Bytes(texts[i])
				if err != nil || string(got) != wants[i] {
					t.Errorf("goroutine %d: output %d differs (%v)", g, i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzRedact(f *testing.F) {
	f.Add([]byte("Call 123 4567 or mail jo@example.com."), uint16(1), uint8(0))
	f.Add([]byte("123 456 789 012 345 a@b.co\xff"), uint16(3), uint8(1))
	f.Add([]byte("1234567890123456789012345 x@y.z"), uint16(64), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, chunk uint16, op uint8) {
		if len(in) > 4<<10 {
			return
		}
		o := []redact.Options{{}, {Default: redact.Mask(0, 3)}, {Default: redact.Remove()}, {Default: redact.Pseudonym(""), Key: testKey}}[op%4]
		want, err := redact.New(engine(t, 0), o).Bytes(in)
		if err != nil {
			t.Fatal(err)
		}
		red := redact.New(engine(t, 1+int(chunk)%4096), o)
		if got := copyAll(t, red, iotest.OneByteReader(bytes.NewReader(in))); got != string(want) {
			t.Fatalf("chunk %d: output differs\n got %q\nwant %q", 1+int(chunk)%4096, got, want)
		}
		if op%4 == 0 {
			if ref := reference(engine(t, 0), in, tagRender); ref != string(want) {
				t.Fatalf("differs from the reference\n got %q\nwant %q", want, ref)
			}
		}
	})
}

func BenchmarkCopy(b *testing.B) {
	rng := rand.New(rand.NewPCG(4, 4))
	text := randomText(rng, 4<<20)
	eng := engine(b, 0)
	b.Run("dense/scan-only", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		sc := eng.NewScanner(nil)
		for b.Loop() {
			sc.Reset(bytes.NewReader(text))
			for sc.Scan() {
			}
			if sc.Err() != nil {
				b.Fatal(sc.Err())
			}
		}
	})
	for _, o := range []redact.Options{{}, {Default: redact.Mask(0, 2)}, {Default: redact.Pseudonym(""), Key: testKey}} {
		b.Run("dense/"+o.Default.String(), func(b *testing.B) {
			red := redact.New(eng, o)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := red.Copy(io.Discard, bytes.NewReader(text)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// Prose with rare findings, through an engine with selective
	// triggers, beside the same engine's scanner alone: the difference
	// is the redactor's own cost (tee copy and buffered write).
	sparse := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog; call 020 7946 0018 or jo@example.com.\n"+strings.Repeat("Nothing to see in this line of plain prose at all.\n", 40), 2000))
	selective := detect.MustCompile([]detect.Detector{digitRuns(), emails()}, nil)
	b.Run("sparse/scan-only", func(b *testing.B) {
		b.SetBytes(int64(len(sparse)))
		b.ReportAllocs()
		sc := selective.NewScanner(nil)
		for b.Loop() {
			sc.Reset(bytes.NewReader(sparse))
			for sc.Scan() {
			}
			if sc.Err() != nil {
				b.Fatal(sc.Err())
			}
		}
	})
	for _, o := range []redact.Options{{}, {Default: redact.Mask(0, 2)}} {
		b.Run("sparse/"+o.Default.String(), func(b *testing.B) {
			red := redact.New(selective, o)
			b.SetBytes(int64(len(sparse)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := red.Copy(io.Discard, bytes.NewReader(sparse)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type repeatReader struct {
	unit []byte
	n, i int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.i >= r.n {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n-r.i)]
	for k := range p {
		p[k] = r.unit[(r.i+k)%len(r.unit)]
	}
	r.i += len(p)
	return len(p), nil
}

// TestBoundedMemory redacts 4 MiB without a line break, once with sparse
// findings and once as one unbroken chain of overlapping findings, and
// checks how much input the redactor held.
func TestBoundedMemory(t *testing.T) {
	eng := engine(t, 0)
	limit := int64(detect.DefaultChunkSize + 2*eng.Margin() + redact.DefaultMaxSpan + detect.DefaultChunkSize)
	for _, unit := range []string{"lorem ipsum dolor 123 4567 sit amet jo@example.com ", "123 "} {
		red := redact.New(eng, redact.Options{Default: redact.Mask(0, 0)})
		var out countingWriter
		st, err := red.Copy(&out, &repeatReader{unit: []byte(unit), n: 4 << 20})
		if err != nil {
			t.Fatal(err)
		}
		if st.In != 4<<20 || out.n < 4<<20-int64(len(unit)) || out.n > 4<<20 {
			t.Errorf("%q: read %d, wrote %d", unit, st.In, out.n)
		}
		if st.Buffered > limit {
			t.Errorf("%q: held %d bytes, limit %d", unit, st.Buffered, limit)
		}
		t.Logf("%q: held at most %d bytes; %d spans", unit, st.Buffered, st.Spans)
	}
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// TestMinScore checks that only the findings the engine delivers are
// redacted: digit runs score 40, e-mails 90.
func TestMinScore(t *testing.T) {
	eng := detect.MustCompile(testDetectors(), &detect.Options{MinScore: 80})
	st := redact.Stats{}
	var out bytes.Buffer
	st, err := redact.New(eng, redact.Options{}).Copy(&out, strings.NewReader("ref 12345 from jo@example.com"))
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "ref 12345 from [EMAIL]" {
		t.Errorf("got %q", got)
	}
	if st.Redacted != 1 || st.Scan.Dropped != 1 {
		t.Errorf("stats %+v", st)
	}
}
