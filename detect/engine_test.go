package detect_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

var sample = strings.Repeat("Ref no 12345 and page 999. SECRET stuff\nline two 4567890 x12 secretive top secret\n", 50)

func scanAll(t *testing.T, e *detect.Engine, r io.Reader) ([]detect.Finding, error) {
	t.Helper()
	s := e.NewScanner(r)
	var out []detect.Finding
	for s.Scan() {
		out = append(out, s.Finding())
	}
	return out, s.Err()
}

func TestFindingsScoresLines(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun(), secretWord()}, nil)
	fs, err := e.AppendFind(nil, []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 5*50 {
		t.Fatalf("got %d findings, want %d", len(fs), 5*50)
	}
	want := []detect.Finding{
		{Start: 7, End: 12, Line: 1, Rule: "test/digits", Kind: "digits", Score: 80},  // +30 "ref no"
		{Start: 22, End: 25, Line: 1, Rule: "test/digits", Kind: "digits", Score: 20}, // -30 "page"
		{Start: 27, End: 33, Line: 1, Rule: "test/secret", Kind: "marking", Score: 70},
		{Start: 49, End: 56, Line: 2, Rule: "test/digits", Kind: "digits", Score: 50},
		{Start: 75, End: 81, Line: 2, Rule: "test/secret", Kind: "marking", Score: 70},
	}
	for i, w := range want {
		if fs[i] != w {
			t.Errorf("finding %d = %+v, want %+v", i, fs[i], w)
		}
	}
}

func TestMinScoreDrops(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, &detect.Options{MinScore: 50})
	s := e.NewScanner(strings.NewReader(sample))
	n := 0
	for s.Scan() {
		if s.Finding().Score < 50 {
			t.Fatalf("finding below MinScore: %+v", s.Finding())
		}
		n++
	}
	if st := s.Stats(); n != 100 || st.Dropped != 50 || st.Findings != 100 || st.Bytes != int64(len(sample)) {
		t.Fatalf("n=%d stats=%+v", n, st)
	}
}

func TestChunkInvariance(t *testing.T) {
	for _, d := range []detect.Detector{digitRun(), secretWord()} {
		detecttest.Run(t, d, sample, "secret", "123", "x SECRET\n"+strings.Repeat("9", 5000))
	}
}

func TestScannerBytesAndReset(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, &detect.Options{ChunkSize: 16})
	s := e.NewScanner(strings.NewReader(sample))
	for range 2 {
		n := 0
		for s.Scan() {
			f := s.Finding()
			if string(s.Bytes()) != sample[f.Start:f.End] || s.Text() != sample[f.Start:f.End] {
				t.Fatalf("Bytes = %q, want %q", s.Bytes(), sample[f.Start:f.End])
			}
			n++
		}
		if n != 150 || s.Err() != nil {
			t.Fatalf("n=%d err=%v", n, s.Err())
		}
		s.Reset(strings.NewReader(sample))
	}
}

func TestBinaryPolicy(t *testing.T) {
	bin := "123 456\x00 789"
	e := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	if fs, err := scanAll(t, e, strings.NewReader(bin)); !errors.Is(err, detect.ErrBinary) || len(fs) != 0 {
		t.Fatalf("BinaryStop: %v, %d findings", err, len(fs))
	}
	if _, err := e.AppendFind(nil, []byte(bin)); !errors.Is(err, detect.ErrBinary) {
		t.Fatalf("AppendFind BinaryStop: %v", err)
	}
	if _, err := e.ScanAt(strings.NewReader(bin), int64(len(bin)), nil, nil); !errors.Is(err, detect.ErrBinary) {
		t.Fatalf("ScanAt BinaryStop: %v", err)
	}
	// A NUL after the sniffed head does not make input binary.
	late := strings.Repeat(" ", detect.SniffLen) + "\x00 123"
	if fs, err := scanAll(t, e, strings.NewReader(late)); err != nil || len(fs) != 1 {
		t.Fatalf("late NUL: %v, %d findings", err, len(fs))
	}
	e = detect.MustCompile([]detect.Detector{digitRun()}, &detect.Options{Binary: detect.BinaryScan})
	if fs, err := scanAll(t, e, strings.NewReader(bin)); err != nil || len(fs) != 3 {
		t.Fatalf("BinaryScan: %v, %d findings", err, len(fs))
	}
}

type failAfter struct {
	r io.Reader
	n int
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk on fire")
	}
	p = p[:min(len(p), f.n)]
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

func TestReadErrorIsStickyWithOffset(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, &detect.Options{ChunkSize: 64})
	s := e.NewScanner(&failAfter{r: strings.NewReader(sample), n: 1000})
	var got []detect.Finding
	for s.Scan() {
		got = append(got, s.Finding())
	}
	var re *detect.ReadError
	if !errors.As(s.Err(), &re) || re.Offset != 1000 || !strings.Contains(s.Err().Error(), "disk on fire") {
		t.Fatalf("Err = %v", s.Err())
	}
	if s.Scan() || !errors.As(s.Err(), &re) {
		t.Fatal("error not sticky")
	}
	// Findings owned before the failure were delivered, and they are the
	// same as a clean scan's.
	all, _ := e.AppendFind(nil, []byte(sample))
	if len(got) == 0 || got[len(got)-1].End > 1000 {
		t.Fatalf("delivered %d findings, last %+v", len(got), got[len(got)-1])
	}
	for i := range got {
		if got[i] != all[i] {
			t.Fatalf("finding %d = %+v, want %+v", i, got[i], all[i])
		}
	}
}

type zeroReader struct{}

func (zeroReader) Read([]byte) (int, error) { return 0, nil }

func TestNoProgressReader(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	if _, err := scanAll(t, e, zeroReader{}); !errors.Is(err, io.ErrNoProgress) {
		t.Fatalf("Err = %v", err)
	}
}

// shiftMapper pretends every output byte came from two input bytes after
// a 2-byte header, like UTF-16 with a BOM for ASCII text.
type shiftMapper struct{ io.Reader }

func (shiftMapper) MapOffset(off int64) int64 { return 2 + 2*off }

func TestOffsetMapper(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, &detect.Options{ChunkSize: 7})
	fs, err := scanAll(t, e, shiftMapper{iotest.HalfReader(strings.NewReader("ab 123 cd\n4567"))})
	if err != nil || len(fs) != 2 {
		t.Fatalf("%v %+v", err, fs)
	}
	if fs[0].Start != 8 || fs[0].End != 14 || fs[1].Start != 22 || fs[1].Line != 2 {
		t.Fatalf("mapped findings %+v", fs)
	}
}

func TestCompileErrors(t *testing.T) {
	ok := detect.Spec{ID: "t/ok", Kind: "k", MaxLen: 4, Triggers: detect.Triggers{Bytes: "x"}}
	mk := func(mod func(*detect.Spec)) detect.Detector {
		sp := ok
		mod(&sp)
		return detect.Func(sp, nil)
	}
	for _, tc := range []struct {
		name string
		ds   []detect.Detector
		opts *detect.Options
		dup  bool
	}{
		{name: "empty ID", ds: []detect.Detector{mk(func(s *detect.Spec) { s.ID = "" })}},
		{name: "upper ID", ds: []detect.Detector{mk(func(s *detect.Spec) { s.ID = "T/OK" })}},
		{name: "no slash", ds: []detect.Detector{mk(func(s *detect.Spec) { s.ID = "ok" })}},
		{name: "no kind", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Kind = "" })}},
		{name: "maxlen 0", ds: []detect.Detector{mk(func(s *detect.Spec) { s.MaxLen = 0 })}},
		{name: "maxlen big", ds: []detect.Detector{mk(func(s *detect.Spec) { s.MaxLen = detect.MaxMaxLen + 1 })}},
		{name: "no triggers", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Triggers = detect.Triggers{} })}},
		{name: "keyword > maxlen", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Triggers.Keywords = []string{"toolong"} })}},
		{name: "non-ascii keyword", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Triggers.Keywords = []string{"é"} })}},
		{name: "radius", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Cues.Radius = detect.MaxRadius + 1 })}},
		{name: "cue without radius", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Cues.Words = []detect.Cue{{Word: "a", Delta: 1}} })}},
		{name: "cue delta", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Cues = detect.Cues{Radius: 4, Words: []detect.Cue{{Word: "a", Delta: 101}}} })}},
		{name: "cue outer space", ds: []detect.Detector{mk(func(s *detect.Spec) { s.Cues = detect.Cues{Radius: 4, Words: []detect.Cue{{Word: "a ", Delta: 1}}} })}},
		{name: "nil", ds: []detect.Detector{nil}},
		{name: "duplicate", ds: []detect.Detector{mk(func(*detect.Spec) {}), mk(func(*detect.Spec) {})}, dup: true},
		{name: "chunk", ds: []detect.Detector{mk(func(*detect.Spec) {})}, opts: &detect.Options{ChunkSize: -1}},
		{name: "minscore", ds: []detect.Detector{mk(func(*detect.Spec) {})}, opts: &detect.Options{MinScore: 101}},
	} {
		_, err := detect.Compile(tc.ds, tc.opts)
		var se *detect.SpecError
		if !errors.As(err, &se) {
			t.Errorf("%s: Compile error %v, want *SpecError", tc.name, err)
			continue
		}
		if tc.dup != errors.Is(err, detect.ErrDuplicateID) || tc.dup == errors.Is(err, detect.ErrSpec) {
			t.Errorf("%s: error %v does not wrap the right sentinel", tc.name, err)
		}
	}
	if _, err := detect.Compile([]detect.Detector{mk(func(*detect.Spec) {})}, nil); err != nil {
		t.Fatalf("valid spec: %v", err)
	}
}

// lying reports findings that break the contract; the engine drops them.
func TestContractViolationsDropped(t *testing.T) {
	bad := detect.Func(detect.Spec{ID: "t/bad", Kind: "k", MaxLen: 3, Triggers: detect.Triggers{Bytes: "#"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				at := w.Base + int64(h)
				dst = append(dst,
					detect.Finding{Start: at, End: at + 1, Score: 250},           // kept, score clamped
					detect.Finding{Start: at, End: at + 4, Score: 50},            // longer than MaxLen
					detect.Finding{Start: at, End: at, Score: 50},                // empty
					detect.Finding{Start: w.Base - 1, End: w.Base + 1, Score: 1}, // outside the window
				)
			}
			return dst, errors.New("partial")
		})
	e := detect.MustCompile([]detect.Detector{bad}, nil)
	s := e.NewScanner(strings.NewReader("ab # cd"))
	var got []detect.Finding
	for s.Scan() {
		got = append(got, s.Finding())
	}
	st := s.Stats()
	if len(got) != 1 || got[0].Score != 100 || got[0].Start != 3 || st.Invalid != 3 || st.Incomplete != 1 {
		t.Fatalf("got %+v, stats %+v", got, st)
	}
	var wst detect.Stats
	whole, err := e.AppendFindStats(nil, []byte("ab # cd"), &wst)
	if err != nil || len(whole) != 1 || whole[0] != got[0] || wst != st {
		t.Fatalf("AppendFindStats = %+v, %+v, %v; Scanner gave %+v, %+v", whole, wst, err, got, st)
	}
}

func TestCuesWholeWordBothSides(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	for _, tc := range []struct {
		in    string
		score int
	}{
		{"ref no 123", 80},
		{"REF-NO: 123", 80},
		{"ref\n\tno 123", 80},
		{"xref no 123", 50},     // not a whole word
		{"ref nothing 123", 50}, // not a whole word
		{"123 ref no", 80},      // after
		{"page 123", 20},
		{"123 page", 50}, // "page" only counts before
		{"page ref no 123", 50},
		{strings.Repeat(" ", 17) + "123", 50},
		{"ref no" + strings.Repeat(" ", 11) + "123", 50}, // beyond the radius
	} {
		fs, _ := e.AppendFind(nil, []byte(tc.in))
		if len(fs) != 1 || fs[0].Score != tc.score {
			t.Errorf("%q: %+v, want score %d", tc.in, fs, tc.score)
		}
	}
}

// TestFinalSkipsCues checks that a finding its detector marks Final takes
// no cues, while the floor and the clamp still apply, and that the others
// of the same detector take theirs.
func TestFinalSkipsCues(t *testing.T) {
	sp := digitRun().Spec()
	sp.ID = "test/digits-final"
	// Runs of four digits are final at 95, others take cues from 50.
	d := detect.Func(sp, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		n := len(dst)
		dst, err := digitRun().Detect(dst, w)
		for i := n; i < len(dst); i++ {
			if dst[i].Len() == 4 {
				dst[i].Score, dst[i].Final = 95, true
			}
		}
		return dst, err
	})
	for _, tc := range []struct {
		in    string
		min   int
		score int // -1: dropped
		final bool
	}{
		{"ref no 123", 0, 80, false},
		{"ref no 1234", 0, 95, true},  // +30 would clamp to 100
		{"page 1234", 0, 95, true},    // −30 would give 65
		{"page 1234", 96, -1, false},  // the floor still applies
		{"page 123", 0, 20, false},    // its neighbours' cues apply
		{"page 123", 30, -1, false},   // and their floor
		{"1234 ref no", 90, 95, true}, // kept, with the floor above 50+30
	} {
		e := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: tc.min})
		var st detect.Stats
		fs, err := e.AppendFindStats(nil, []byte(tc.in), &st)
		if err != nil {
			t.Fatal(err)
		}
		if tc.score < 0 {
			if len(fs) != 0 || st.Dropped != 1 {
				t.Errorf("%q, MinScore %d: %+v, %+v; want it dropped", tc.in, tc.min, fs, st)
			}
			continue
		}
		if len(fs) != 1 || fs[0].Score != tc.score || fs[0].Final != tc.final {
			t.Errorf("%q, MinScore %d: %+v; want score %d, final %v", tc.in, tc.min, fs, tc.score, tc.final)
		}
	}
	detecttest.Run(t, d, sample, strings.Repeat("ref no 1234 page 99 and 12345\n", 200))
}

func TestCuesSameLine(t *testing.T) {
	sp := digitRun().Spec()
	sp.ID = "test/digits-line"
	sp.Cues.SameLine = true
	d := detect.Func(sp, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		return digitRun().Detect(dst, w)
	})
	e := detect.MustCompile([]detect.Detector{d}, nil)
	for _, tc := range []struct {
		in    string
		score int
	}{
		{"ref no 123", 80},
		{"ref no\n123", 50}, // the cue is on the line before
		{"123\nref no", 50}, // and here on the line after
		{"page 123\nx", 20},
	} {
		fs, _ := e.AppendFind(nil, []byte(tc.in))
		if len(fs) != 1 || fs[0].Score != tc.score {
			t.Errorf("%q: %+v, want score %d", tc.in, fs, tc.score)
		}
	}
	detecttest.Run(t, d, sample, strings.Repeat("ref no\n1234 page 99\n", 200))
}

// TestCueSameLine checks a cue marked SameLine against the others of
// its set: the SameLine one counts on the match's line only, the others
// across line breaks, each at most once, and MinScore still sees both
// sets' positive deltas.
func TestCueSameLine(t *testing.T) {
	sp := digitRun().Spec()
	sp.ID = "test/digits-cue-line"
	sp.Cues.Words = []detect.Cue{{Word: "ref no", Delta: 30}, {Word: "page", Delta: -30, SameLine: true}, {Word: "total", Delta: 10, SameLine: true}}
	d := detect.Func(sp, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		return digitRun().Detect(dst, w)
	})
	for _, tc := range []struct {
		in    string
		min   int
		score int // -1: dropped
	}{
		{"page 123", 0, 20},
		{"page\n123", 0, 50},         // the next line's word does not count
		{"123\npage", 0, 50},         // nor the line after
		{"ref no\n123", 0, 80},       // the other cues cross lines
		{"ref no page 123", 0, 50},   // both
		{"total 123 total", 0, 60},   // once
		{"total\n123", 0, 50},        // positive, same line only
		{"total 123 ref no", 0, 90},  // both sets' positive deltas
		{"total 123 ref no", 90, 90}, // the floor counts both sets' maxima
		{"total 123", 61, -1},
	} {
		e := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: tc.min})
		fs, err := e.AppendFind(nil, []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if tc.score < 0 {
			if len(fs) != 0 {
				t.Errorf("%q, MinScore %d: %+v, want it dropped", tc.in, tc.min, fs)
			}
			continue
		}
		if len(fs) != 1 || fs[0].Score != tc.score {
			t.Errorf("%q, MinScore %d: %+v, want score %d", tc.in, tc.min, fs, tc.score)
		}
	}
	detecttest.Run(t, d, sample, strings.Repeat("ref no\n1234 page 99 total\n", 200))
}

func TestRegistry(t *testing.T) {
	r, err := detect.NewRegistry(digitRun(), secretWord(), nothing("other/x", "x"))
	if err != nil {
		t.Fatal(err)
	}
	ids := func(ds []detect.Detector) (out []string) {
		for _, d := range ds {
			out = append(out, d.Spec().ID)
		}
		return out
	}
	for _, tc := range []struct {
		pats []string
		want string
		err  error
	}{
		{[]string{"test/*"}, "test/digits test/secret", nil},
		{[]string{"*/*", "-test/secret"}, "test/digits other/x", nil},
		{[]string{"other/x", "test/digits"}, "test/digits other/x", nil},
		{[]string{"test/typo"}, "", detect.ErrNoMatch},
	} {
		ds, err := r.Select(tc.pats...)
		if !errors.Is(err, tc.err) || strings.Join(ids(ds), " ") != tc.want {
			t.Errorf("Select(%q) = %q, %v; want %q, %v", tc.pats, ids(ds), err, tc.want, tc.err)
		}
	}
	if _, err := r.Select("[bad"); err == nil {
		t.Error("malformed pattern accepted")
	}
	if got := strings.Join(r.IDs(), " "); got != "other/x test/digits test/secret" {
		t.Errorf("IDs = %q", got)
	}
	if _, ok := r.Lookup("test/secret"); !ok {
		t.Error("Lookup failed")
	}
	if _, err := detect.NewRegistry(digitRun(), digitRun()); !errors.Is(err, detect.ErrDuplicateID) {
		t.Errorf("duplicate: %v", err)
	}
}

func TestScanAtMatchesScanner(t *testing.T) {
	text := []byte(strings.Repeat(sample, 40))
	e := detect.MustCompile([]detect.Detector{digitRun(), secretWord()}, &detect.Options{ChunkSize: 512})
	want, _ := e.AppendFind(nil, text)
	for _, workers := range []int{1, 2, 7} {
		var got []detect.Finding
		st, err := e.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: workers, SegmentSize: 3001}, func(f detect.Finding, m []byte) error {
			got = append(got, f)
			return nil
		})
		if err != nil || len(got) != len(want) || st.Bytes != int64(len(text)) {
			t.Fatalf("workers %d: %v, %d findings, stats %+v", workers, err, len(got), st)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("workers %d: finding %d = %+v, want %+v", workers, i, got[i], want[i])
			}
		}
	}
	// Segments with more findings than a worker buffers (8192) wait for
	// their turn and then stream; results are unchanged.
	dense := []byte(strings.Repeat(sample, 400)) // about 100 000 findings
	wantDense, _ := e.AppendFind(nil, dense)
	var gotDense []detect.Finding
	_, err := e.ScanAt(bytes.NewReader(dense), int64(len(dense)), &detect.ParallelOptions{Workers: 3, SegmentSize: 500_000}, func(f detect.Finding, m []byte) error {
		if string(m) != string(dense[f.Start:f.End]) {
			t.Fatalf("match bytes %q at %d", m, f.Start)
		}
		gotDense = append(gotDense, f)
		return nil
	})
	if err != nil || len(gotDense) != len(wantDense) || len(wantDense) < 4*8192 {
		t.Fatalf("dense ScanAt: %v, %d findings, want %d", err, len(gotDense), len(wantDense))
	}
	for i := range gotDense {
		if gotDense[i] != wantDense[i] {
			t.Fatalf("dense ScanAt finding %d = %+v, want %+v", i, gotDense[i], wantDense[i])
		}
	}

	// fn's error stops the scan.
	stop := errors.New("enough")
	n := 0
	_, err = e.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: 2, SegmentSize: 1000}, func(detect.Finding, []byte) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("ScanAt stop: %v after %d", err, n)
	}
}

// slowStart is a ReaderAt whose reads of the first segment are slow, so
// later segments finish first and are parked.
type slowStart struct {
	r   *bytes.Reader
	seg int64
}

func (s slowStart) ReadAt(p []byte, off int64) (int, error) {
	if off < s.seg {
		time.Sleep(2 * time.Millisecond)
	}
	return s.r.ReadAt(p, off)
}

// Segments that finish before their turn are parked and delivered in
// order by the worker that finishes the segment before them; results,
// lines and stats are those of a Scanner, and an error from fn still
// stops the scan.
func TestScanAtParksFinishedSegments(t *testing.T) {
	text := []byte(strings.Repeat(sample, 60))
	e := detect.MustCompile([]detect.Detector{digitRun(), secretWord()}, &detect.Options{ChunkSize: 512})
	want, _ := e.AppendFind(nil, text)
	for _, workers := range []int{2, 4} {
		var got []detect.Finding
		r := slowStart{bytes.NewReader(text), 2000}
		st, err := e.ScanAt(r, int64(len(text)), &detect.ParallelOptions{Workers: workers, SegmentSize: 2000}, func(f detect.Finding, m []byte) error {
			if string(m) != string(text[f.Start:f.End]) {
				t.Fatalf("match bytes %q at %d", m, f.Start)
			}
			got = append(got, f)
			return nil
		})
		if err != nil || !slices.Equal(got, want) || st.Bytes != int64(len(text)) || st.Findings != int64(len(want)) {
			t.Fatalf("workers %d: %v, %d findings (want %d), stats %+v", workers, err, len(got), len(want), st)
		}
		stop := errors.New("enough")
		n := 0
		_, err = e.ScanAt(r, int64(len(text)), &detect.ParallelOptions{Workers: workers, SegmentSize: 2000}, func(detect.Finding, []byte) error {
			if n++; n == len(want)/2 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != len(want)/2 {
			t.Fatalf("workers %d: stop: %v after %d", workers, err, n)
		}
	}
}

func TestSteadyStateAllocs(t *testing.T) {
	text := []byte(strings.Repeat("quiet prose with 12 digits, ref 123456 and nothing to find. ", 20000))
	// A run-filtered member too: its per-member hit lists are scratch.
	gated := gatedDigitRun{detect.Func(detect.Spec{ID: "t/g", Kind: "none", MaxLen: 12, Triggers: detect.Triggers{Bytes: detect.Digits}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })}
	e := detect.MustCompile([]detect.Detector{nothing("t/a", detect.Digits), nothing("t/b", "@"), gated}, &detect.Options{ChunkSize: 4096})
	r := bytes.NewReader(text)
	s := e.NewScanner(r)
	allocs := testing.AllocsPerRun(5, func() {
		r.Reset(text)
		s.Reset(r)
		for s.Scan() {
		}
	})
	// About 300 chunks per run: zero allocations per chunk once warm.
	if allocs != 0 {
		t.Fatalf("%v allocations per scan of %d chunks, want 0", allocs, len(text)/4096)
	}
	allocs = testing.AllocsPerRun(5, func() { _, _ = e.AppendFind(nil, text) })
	if allocs != 0 && !raceEnabled {
		t.Fatalf("AppendFind: %v allocations per run, want 0", allocs)
	}
}

func FuzzScanEquivalence(f *testing.F) {
	d := []detect.Detector{digitRun(), secretWord()}
	f.Add([]byte(sample), uint16(7))
	f.Add([]byte("top secret 123\x00\xff secret"), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		e := detect.MustCompile(d, &detect.Options{Binary: detect.BinaryScan})
		want, err := e.AppendFind(nil, data)
		if err != nil {
			t.Fatal(err)
		}
		ce := detect.MustCompile(d, &detect.Options{ChunkSize: int(chunk%4096) + 1, Binary: detect.BinaryScan})
		got, err := scanAll(t, ce, iotest.HalfReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d findings streaming, %d whole", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("finding %d: %+v vs %+v", i, got[i], want[i])
			}
			if l := 1 + int64(bytes.Count(data[:want[i].Start], []byte{'\n'})); want[i].Line != l {
				t.Fatalf("finding %d: line %d, want %d", i, want[i].Line, l)
			}
		}
	})
}

// Line numbers, whichever way AppendFind counts the newlines before a
// finding (the vector pass's masks within a chunk, from the last finding
// or from the chunk's start, bytes.Count across chunks).
func TestAppendFindLines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var b []byte
	for len(b) < 300_000 {
		switch r.IntN(6) {
		case 0:
			b = append(b, '\n')
		case 1:
			b = append(b, strings.Repeat("\n", r.IntN(80))...)
		case 2:
			b = fmt.Appendf(b, " %d ", r.IntN(1_000_000))
		default:
			b = append(b, "some words "[:r.IntN(11)]...)
		}
	}
	d := []detect.Detector{digitRun(), secretWord()}
	for _, chunk := range []int{0, 64, 1000, 4096} {
		e := detect.MustCompile(d, &detect.Options{ChunkSize: chunk})
		fs, err := e.AppendFind(nil, b)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) < 1000 {
			t.Fatalf("chunk %d: %d findings, want many", chunk, len(fs))
		}
		for i, f := range fs {
			if l := 1 + int64(bytes.Count(b[:f.Start], []byte{'\n'})); f.Line != l {
				t.Fatalf("chunk %d: finding %d at %d: line %d, want %d", chunk, i, f.Start, f.Line, l)
			}
		}
	}
}

// Whatever MinScore, the findings are those of MinScore 0 that reach it:
// skipping the cue scan for findings no cue can lift changes nothing.
func TestMinScoreEqualsFilter(t *testing.T) {
	text := []byte(strings.Repeat("ref no 123456, page 4567 and 98765 here. ", 50) + sample)
	// A detector whose base score is negative: clamped to 0, it is kept
	// at MinScore 0.
	low := detect.Func(detect.Spec{ID: "t/low", Kind: "low", MaxLen: 4, Triggers: detect.Triggers{Keywords: []string{"here"}},
		Cues: detect.Cues{Radius: 8, Words: []detect.Cue{{Word: "and", Delta: 10}}}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				if int(h)+4 <= len(w.Text) {
					dst = append(dst, detect.Finding{Start: w.Base + int64(h), End: w.Base + int64(h) + 4, Score: -20})
				}
			}
			return dst, nil
		})
	d := []detect.Detector{digitRun(), secretWord(), low}
	var st0 detect.Stats
	all, _ := detect.MustCompile(d, nil).AppendFindStats(nil, text, &st0)
	lows := 0
	for _, f := range all {
		if f.Rule == "t/low" {
			lows++
			if f.Score != 0 {
				t.Fatalf("negative base score clamped to %d, want 0", f.Score)
			}
		}
	}
	if lows == 0 || st0.Dropped != 0 {
		t.Fatalf("MinScore 0: %d low-score findings kept, %d dropped; want all kept", lows, st0.Dropped)
	}
	for _, m := range []int{0, 1, 20, 49, 50, 51, 79, 80, 81, 100} {
		var st detect.Stats
		got, _ := detect.MustCompile(d, &detect.Options{MinScore: m}).AppendFindStats(nil, text, &st)
		var want []detect.Finding
		for _, f := range all {
			if f.Score >= m {
				want = append(want, f)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("MinScore %d: %d findings, want %d", m, len(got), len(want))
		}
		if int(st.Dropped) != len(all)-len(want) {
			t.Errorf("MinScore %d: Dropped %d, want %d", m, st.Dropped, len(all)-len(want))
		}
	}
}
