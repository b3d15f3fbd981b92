// Package detecttest is a conformance kit for detectors: any detector,
// ours or a user's, can prove that it keeps the [detect.Detector] contract.
//
// [Run] checks that results are identical whatever the chunk size and
// however the reader splits its reads, that every finding lies within
// MaxLen of a declared trigger, that the detector keeps no reference to its
// window, that it is safe for concurrent use, and that random bytes cause
// no panic. [Cases] checks expected matches written inline as
// "Call ⟦020 7946 0018⟧ after 6". [Fuzz] runs the same invariants under
// the Go fuzzer.
package detecttest

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/tidemark/tidemark/detect"
)

// ChunkSizes are the chunk sizes Run compares with a whole-buffer scan.
var chunkSizes = []int{1, 2, 3, 7, 64, 257, 4096, 65536}

// smallChunkLimit caps the input length scanned with chunks below 64
// bytes, which re-examine the overlap on every step.
const smallChunkLimit = 4 << 10

// Run checks d against the Detector contract on each input and on seeded
// random inputs built from d's triggers. It fails t with a description of
// the first difference found in each check.
func Run(t testing.TB, d detect.Detector, inputs ...string) {
	t.Helper()
	sp := d.Spec()
	if _, err := detect.Compile([]detect.Detector{d}, nil); err != nil {
		t.Fatalf("Compile: %v", err)
	}
	all := slices.Concat(inputs, RandomInputs(sp, 1, 24))
	var wants [][]detect.Finding
	for _, in := range all {
		wants = append(wants, check(t, d, []byte(in), chunkSizes, true))
	}
	checkRetention(t, d, all, wants)
	checkConcurrent(t, d, all, wants)
}

// Cases checks annotated cases. Each case is a text with its expected
// matches marked ⟦…⟧; findings scoring below minScore are ignored, so a
// case without markers asserts that nothing scores minScore or more.
func Cases(t testing.TB, d detect.Detector, minScore int, cases ...string) {
	t.Helper()
	eng, err := detect.Compile([]detect.Detector{d}, &detect.Options{MinScore: minScore, Binary: detect.BinaryScan})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	for _, c := range cases {
		text, want := Parse(c)
		fs, _ := eng.AppendFind(nil, []byte(text))
		var got [][2]int
		for _, f := range fs {
			got = append(got, [2]int{int(f.Start), int(f.End)})
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Detect(%q) = %s, want %s", d.Spec().ID, text, spans(text, got), spans(text, want))
		}
		check(t, d, []byte(text), []int{1, 7, 64}, false)
	}
}

// Fuzz registers seeds (and d's trigger keywords) with f and fuzzes d:
// streaming equals whole-buffer for a fuzzed chunk size, and every finding
// keeps the contract. Call it from a FuzzXxx function.
func Fuzz(f *testing.F, d detect.Detector, seeds ...string) {
	sp := d.Spec()
	for i, s := range seeds {
		f.Add([]byte(s), uint16(i*37+1))
	}
	for _, k := range sp.Triggers.Keywords {
		f.Add([]byte(" "+k+" "), uint16(3))
	}
	f.Add([]byte(sp.Triggers.Bytes), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		check(t, d, data, []int{int(chunk%8192) + 1}, false)
	})
}

// Ungated returns d without its [detect.RunFilter] method, so that the
// engine hands it every hit: for comparing results with and without the
// filter. Detail, when d has it, is kept.
func Ungated(d detect.Detector) detect.Detector {
	if dd, ok := d.(detect.Detailer); ok {
		return ungatedDetailer{d, dd}
	}
	return ungated{d}
}

type ungated struct{ d detect.Detector }

func (u ungated) Spec() detect.Spec { return u.d.Spec() }
func (u ungated) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return u.d.Detect(dst, w)
}

type ungatedDetailer struct {
	d  detect.Detector
	dd detect.Detailer
}

func (u ungatedDetailer) Spec() detect.Spec { return u.d.Spec() }
func (u ungatedDetailer) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return u.d.Detect(dst, w)
}
func (u ungatedDetailer) Detail(f detect.Finding, match []byte) (any, error) {
	return u.dd.Detail(f, match)
}

// Parse strips the ⟦ ⟧ markers from an annotated case and returns the text
// and the byte spans they marked.
func Parse(annotated string) (text string, spans [][2]int) {
	var b strings.Builder
	open := -1
	for _, r := range annotated {
		switch r {
		case '⟦':
			open = b.Len()
		case '⟧':
			if open >= 0 {
				spans = append(spans, [2]int{open, b.Len()})
				open = -1
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), spans
}

func spans(text string, ss [][2]int) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, fmt.Sprintf("%d:%d %q", s[0], s[1], text[s[0]:s[1]]))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// check compares streaming scans at the given chunk sizes with a
// whole-buffer scan of text and checks every finding against the spec. It
// returns the whole-buffer findings.
func check(t testing.TB, d detect.Detector, text []byte, sizes []int, readers bool) []detect.Finding {
	t.Helper()
	sp := d.Spec()
	eng, err := detect.Compile([]detect.Detector{d}, &detect.Options{Binary: detect.BinaryScan})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	var st detect.Stats
	want, err := eng.AppendFindStats(nil, text, &st)
	if err != nil {
		t.Fatalf("AppendFind: %v", err)
	}
	if st.Incomplete > 0 {
		t.Fatalf("%s: Detect returned an error on %d window(s) of %q (a timeout?): conformance needs complete windows", sp.ID, st.Incomplete, clip(text))
	}
	if st.Invalid > 0 {
		t.Fatalf("%s: %d finding(s) broke the contract (outside the window, empty, or longer than MaxLen) on %q", sp.ID, st.Invalid, clip(text))
	}
	checkFindings(t, sp, text, want)
	if _, ok := d.(detect.RunFilter); ok {
		// The run filter must not change results: compare with the same
		// detector seen without it (it then gets every hit).
		ue := detect.MustCompile([]detect.Detector{Ungated(d)}, &detect.Options{Binary: detect.BinaryScan})
		all, err := ue.AppendFind(nil, text)
		if err != nil {
			t.Fatalf("AppendFind: %v", err)
		}
		if diff := diffFindings(want, all); diff != "" {
			t.Fatalf("%s: AcceptRun rejects a run that a match needs, on %q: %s", sp.ID, clip(text), diff)
		}
	}
	for _, cs := range sizes {
		if cs < 64 && len(text) > smallChunkLimit {
			continue
		}
		ce := detect.MustCompile([]detect.Detector{d}, &detect.Options{ChunkSize: cs, Binary: detect.BinaryScan})
		rs := map[string]io.Reader{"bytes.Reader": bytes.NewReader(text)}
		if readers {
			rs["OneByteReader"] = iotest.OneByteReader(bytes.NewReader(text))
			rs["HalfReader"] = iotest.HalfReader(bytes.NewReader(text))
			rs["DataErrReader"] = iotest.DataErrReader(bytes.NewReader(text))
		}
		for name, r := range rs {
			got, err := scanAll(ce, r, text)
			if err != nil {
				t.Fatalf("%s: chunk %d, %s: %v", sp.ID, cs, name, err)
			}
			if diff := diffFindings(got, want); diff != "" {
				t.Fatalf("%s: chunk %d, %s: streaming differs from whole buffer on %q: %s", sp.ID, cs, name, clip(text), diff)
			}
		}
		if readers {
			var got []detect.Finding
			_, err := ce.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: 3, SegmentSize: int64(cs*3 + 1)},
				func(f detect.Finding, m []byte) error {
					if !bytes.Equal(m, text[f.Start:f.End]) {
						return fmt.Errorf("ScanAt match bytes %q differ from input %q", m, text[f.Start:f.End])
					}
					got = append(got, f)
					return nil
				})
			if err != nil {
				t.Fatalf("%s: chunk %d, ScanAt: %v", sp.ID, cs, err)
			}
			if diff := diffFindings(got, want); diff != "" {
				t.Fatalf("%s: chunk %d, ScanAt differs from whole buffer on %q: %s", sp.ID, cs, clip(text), diff)
			}
		}
	}
	return want
}

func scanAll(e *detect.Engine, r io.Reader, text []byte) ([]detect.Finding, error) {
	s := e.NewScanner(r)
	var out []detect.Finding
	for s.Scan() {
		f := s.Finding()
		if !bytes.Equal(s.Bytes(), text[f.Start:f.End]) {
			return nil, fmt.Errorf("Bytes() = %q, input has %q at %d:%d", s.Bytes(), text[f.Start:f.End], f.Start, f.End)
		}
		out = append(out, f)
	}
	return out, s.Err()
}

// checkFindings checks the per-finding contract: bounds, length, score,
// order, line numbers and trigger soundness.
func checkFindings(t testing.TB, sp detect.Spec, text []byte, fs []detect.Finding) {
	t.Helper()
	for i, f := range fs {
		switch {
		case f.Start < 0 || f.End > int64(len(text)) || f.Start >= f.End:
			t.Fatalf("%s: finding %+v out of bounds (input %d bytes)", sp.ID, f, len(text))
		case f.End-f.Start > int64(sp.MaxLen):
			t.Fatalf("%s: finding %+v longer than MaxLen %d", sp.ID, f, sp.MaxLen)
		case f.Score < 0 || f.Score > 100:
			t.Fatalf("%s: finding %+v score out of range", sp.ID, f)
		case f.Rule != sp.ID || f.Kind == "":
			t.Fatalf("%s: finding %+v has wrong Rule or empty Kind", sp.ID, f)
		case i > 0 && fs[i-1].Start > f.Start:
			t.Fatalf("%s: findings out of order at %d", sp.ID, i)
		case f.Line != int64(bytes.Count(text[:f.Start], []byte{'\n'}))+1:
			t.Fatalf("%s: finding %+v has wrong line", sp.ID, f)
		case !nearTrigger(sp, text, f):
			t.Fatalf("%s: finding %d:%d %q is not within MaxLen of a declared trigger", sp.ID, f.Start, f.End, text[f.Start:f.End])
		}
	}
}

func nearTrigger(sp detect.Spec, text []byte, f detect.Finding) bool {
	lo, hi := max(0, f.End-int64(sp.MaxLen)), min(int64(len(text)), f.Start+int64(sp.MaxLen)+1)
	for h := lo; h < hi; h++ {
		if strings.IndexByte(sp.Triggers.Bytes, text[h]) >= 0 {
			return true
		}
		for _, k := range sp.Triggers.Keywords {
			if h+int64(len(k)) <= int64(len(text)) && bytes.EqualFold(text[h:h+int64(len(k))], []byte(k)) {
				return true
			}
		}
	}
	return false
}

func diffFindings(got, want []detect.Finding) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("finding %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("got %d findings, want %d", len(got), len(want))
	}
	return ""
}

func clip(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}

// checkRetention wraps d so that every window it sees is a copy that is
// scribbled over as soon as Detect returns; a detector that keeps and later
// reads a window then gives different results.
func checkRetention(t testing.TB, d detect.Detector, inputs []string, wants [][]detect.Finding) {
	t.Helper()
	wrapped := detect.Func(d.Spec(), func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		buf := slices.Clone(w.Text) // fresh each time: old copies stay scribbled
		w2 := *w
		w2.Text = buf
		w2.Hits = slices.Clone(w.Hits)
		dst, err := d.Detect(dst, &w2)
		for i := range buf {
			buf[i] = 0xFF
		}
		return dst, err
	})
	eng := detect.MustCompile([]detect.Detector{wrapped}, &detect.Options{Binary: detect.BinaryScan})
	for i, in := range inputs {
		got, _ := eng.AppendFind(nil, []byte(in))
		if diff := diffFindings(got, wants[i]); diff != "" {
			t.Fatalf("%s: results change when windows are overwritten after Detect (retained window?): %s", d.Spec().ID, diff)
		}
	}
}

// checkConcurrent runs one engine from several goroutines at once; under
// -race it finds shared mutable state in the detector.
func checkConcurrent(t testing.TB, d detect.Detector, inputs []string, wants [][]detect.Finding) {
	t.Helper()
	eng := detect.MustCompile([]detect.Detector{d}, &detect.Options{Binary: detect.BinaryScan})
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range inputs {
				i := (k + g) % len(inputs)
				got, _ := eng.AppendFind(nil, []byte(inputs[i]))
				if diff := diffFindings(got, wants[i]); diff != "" {
					errs <- diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatalf("%s: concurrent use changes results: %s", d.Spec().ID, e)
	}
}

// RandomInputs returns n seeded pseudo-random inputs for sp: runs of its
// trigger bytes and keywords (in mixed case), digits, letters, separators,
// multi-byte and invalid UTF-8 and NUL bytes, and the stamps and senders'
// numbers of chat exports (which the engine classifies: detect.TokenKind).
func RandomInputs(sp detect.Spec, seed uint64, n int) []string {
	rng := rand.New(rand.NewPCG(seed, 0x7469646d61726b))
	atoms := []string{" ", " ", " ", "\n", "\t", ".", ",", "-", "/", ":", "@", "(", ")", "+", "'", "\x00", "\xff", "é", "–", "\u200b", "Ａ", "0", "1", "7", "9", "a", "Z", "x", "Mr ", "the ", "\r\n",
		"[12/03/2021, 09:14:55] ", "12/03/2021, 21:14 - ", " +44 7700 900123: ", " +1 2025 550123: ", "7700 900123"}
	for i := 0; i < len(sp.Triggers.Bytes); i++ {
		atoms = append(atoms, sp.Triggers.Bytes[i:i+1])
	}
	for _, k := range sp.Triggers.Keywords {
		atoms = append(atoms, k, strings.ToLower(k), strings.ToUpper(k))
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		size := 16 + rng.IntN(3000)
		for b.Len() < size {
			a := atoms[rng.IntN(len(atoms))]
			for range 1 + rng.IntN(4) {
				b.WriteString(a)
			}
		}
		out[i] = b.String()
	}
	return out
}
