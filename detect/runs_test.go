package detect_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// gatedDigitRun is digitRun with a sound run filter: it reports only runs
// of 3..12 digits with no letter beside them.
type gatedDigitRun struct{ detect.Detector }

func (gatedDigitRun) AcceptRun(s detect.RunShape) bool {
	word := func(c detect.ByteClass) bool { return c == detect.ClassUpper || c == detect.ClassLower }
	return s.Len >= 3 && s.Len <= 12 && !word(s.Before) && !word(s.After)
}

const chatLines = "[12/03/2021, 09:14:55] Sam: ref no 123456 ok\n" +
	"12/03/2021, 21:14 - Jo: A1234 and 98765432 and x 12 y\n" +
	"page 4567890, call 0207 946 0958\n"

func TestRunFilterKeepsFindings(t *testing.T) {
	text := []byte(strings.Repeat(chatLines, 40) + sample)
	gated := detect.MustCompile([]detect.Detector{gatedDigitRun{digitRun()}}, nil)
	plain := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	var gs, ps detect.Stats
	got, _ := gated.AppendFindStats(nil, text, &gs)
	want, _ := plain.AppendFindStats(nil, text, &ps)
	if !slices.Equal(got, want) {
		t.Fatalf("gated findings differ:\n got %v\nwant %v", got, want)
	}
	if len(want) == 0 {
		t.Fatal("no findings: the test text is wrong")
	}
	t.Logf("windows: gated %d, plain %d", gs.Windows, ps.Windows)
}

// A detector is not called on a window where it accepts no run.
func TestRunFilterSkipsWindows(t *testing.T) {
	text := []byte(strings.Repeat("[12/03/21, 09:14] x 12 y A1234 ", 100))
	var st detect.Stats
	e := detect.MustCompile([]detect.Detector{gatedDigitRun{digitRun()}}, nil)
	fs, _ := e.AppendFindStats(nil, text, &st)
	if len(fs) != 0 || st.Windows != 0 {
		t.Fatalf("%d findings, %d windows; want none", len(fs), st.Windows)
	}
	// The same text with one acceptable run: called once.
	text = append(text, " 123456 "...)
	st = detect.Stats{}
	fs, _ = e.AppendFindStats(nil, text, &st)
	if len(fs) != 1 || st.Windows != 1 {
		t.Fatalf("%d findings, %d windows; want 1 and 1", len(fs), st.Windows)
	}
}

// Gated and ungated members of one trigger group each get what they
// should.
func TestRunFilterMixedGroup(t *testing.T) {
	text := []byte(strings.Repeat(chatLines, 10))
	both := detect.MustCompile([]detect.Detector{gatedDigitRun{digitRun()}, nothing("t/all", detect.Digits)}, nil)
	var st detect.Stats
	got, _ := both.AppendFindStats(nil, text, &st)
	want, _ := detect.MustCompile([]detect.Detector{digitRun()}, nil).AppendFind(nil, text)
	if !slices.Equal(got, want) {
		t.Fatalf("findings differ:\n got %v\nwant %v", got, want)
	}
}

func TestRunFilterConformance(t *testing.T) {
	// Long runs (longer than a window's pad) and runs of every length
	// next to each other: with every member gated the engine keeps one
	// hit per run and forms windows around accepted runs only.
	long := strings.Repeat("7", 300) + " 123456 " + strings.Repeat("1234 ", 40) + strings.Repeat("8", 5000) + " 4567"
	detecttest.Run(t, gatedDigitRun{digitRun()}, chatLines, sample, "1234567890123 12 123 a123 123a", long,
		strings.Repeat(chatLines, 30))
}

func TestClassOf(t *testing.T) {
	for _, tc := range []struct {
		c    byte
		want detect.ByteClass
	}{
		{' ', detect.ClassSpace}, {'\t', detect.ClassSpace}, {'\n', detect.ClassLineEdge}, {'\r', detect.ClassLineEdge},
		{'A', detect.ClassUpper}, {'z', detect.ClassLower}, {'7', detect.ClassDigit}, {'.', detect.ClassDot},
		{',', detect.ClassComma}, {'-', detect.ClassDash}, {'_', detect.ClassDash}, {'/', detect.ClassSlash},
		{':', detect.ClassColon}, {'(', detect.ClassOpen}, {']', detect.ClassClose}, {'+', detect.ClassPlus},
		{'#', detect.ClassPunct}, {'@', detect.ClassPunct}, {0xE2, detect.ClassNonASCII}, {0x80, detect.ClassNonASCII},
		{0, detect.ClassControl}, {0x7F, detect.ClassControl},
	} {
		if got := detect.ClassOf(tc.c); got != tc.want {
			t.Errorf("ClassOf(%q) = %d, want %d", tc.c, got, tc.want)
		}
	}
}

// tokenRuns reports every digit run whose first byte is a hit: with a
// filter that accepts one TokenKind only, the runs the engine gave that
// kind.
type tokenRuns struct {
	detect.Detector
	kind detect.TokenKind
}

func (f tokenRuns) AcceptRun(s detect.RunShape) bool { return s.Token == f.kind }

func newTokenRuns(kind detect.TokenKind) tokenRuns {
	return tokenRuns{detect.Func(detect.Spec{ID: "test/runs", Kind: "runs", MaxLen: 16, Triggers: detect.Triggers{Bytes: detect.Digits}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				e := int(h)
				for e < len(w.Text) && isDigit(w.Text[e]) {
					e++
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(h), End: w.Base + int64(e), Score: 50})
			}
			return dst, nil
		}), kind}
}

// The engine classifies whole clock and date tokens, bounded on both
// sides, and nothing else.
func TestRunShapeToken(t *testing.T) {
	cases := []struct {
		text        string
		clock, date string // the runs given each kind, space-separated
	}{
		{"[12/03/2021, 09:14:55] Sam: hi", "09 14 55", "12 03 2021"},
		{"12/03/2021, 21:14 - Jo: hi", "21 14", "12 03 2021"},
		{"at 9:30. Then 1/2/34!", "9 30", "1 2 34"},
		{"(12:30) \"09:14\" '1/2/34' <23:59>", "12 30 09 14 23 59", "1 2 34"},
		{"12:30-45 12:30.5 12:30:45:10 123:45 12:3 12:345", "", ""},
		{"12/3/4567 1/1/111 12/03/20211 1/2 12/34/56/78 12:30/45", "", "12 3 4567"},
		{"AB12:30 12:30x x12/03/21 1.12:30 fe80::1:12:30 a/12/03/21", "", ""},
		{"v12:30 +12:30 #1/2/34 12:30,1 12/03/21-5 12:30 - ok", "12 30 12 30", ""},
		{"12:30", "12 30", ""},
	}
	for _, c := range cases {
		for _, k := range []struct {
			kind detect.TokenKind
			want string
		}{{detect.TokenClock, c.clock}, {detect.TokenDate, c.date}} {
			if g := acceptedRuns(t, newTokenRuns(k.kind), c.text); g != k.want {
				t.Errorf("%q kind %d: runs %q, want %q", c.text, k.kind, g, k.want)
			}
		}
	}
}

// The engine classifies the three runs of a chat sender's number
// written exactly "+CC GGGG GGGGGG: " after a space or line break, and
// nothing else.
func TestRunShapeSender(t *testing.T) {
	cases := []struct {
		text, sender string // the runs given TokenSender, space-separated
	}{
		{"[12/03/2021, 09:14:55] +44 7700 900123: hi", "44 7700 900123"},
		{"12/03/2021, 21:14 - +44 7700 900123: hi", "44 7700 900123"},
		{"+44 7700 900123: hi", "44 7700 900123"},
		{"\n+44 7700 900123: a\t+33 6123 456789: b", "44 7700 900123 33 6123 456789"},
		// Near misses: the byte before the '+', the separators, the
		// groups' lengths, the bytes after the ':'.
		{"x+44 7700 900123: hi", ""},
		{"(+44 7700 900123: hi", ""},
		{"+44 7700 900123:hi", ""},
		{"+44 7700 900123:", ""},
		{"+44 7700 900123 : hi", ""},
		{"+44  7700 900123: hi", ""},
		{"+44 7700-900123: hi", ""},
		{"+447 700 900123: hi", ""},
		{"+44 7700 9001234: hi", ""},
		{"+44 77001 900123: hi", ""},
		{"+4 7700 900123: hi", ""},
		{"++44 7700 900123: hi", ""},
		{"+44 7700 900123; hi", ""},
	}
	for _, c := range cases {
		if g := acceptedRuns(t, newTokenRuns(detect.TokenSender), c.text); g != c.sender {
			t.Errorf("%q: runs %q, want %q", c.text, g, c.sender)
		}
	}
}

// A token cut by a chunk edge is classified only once both sides are in
// view: streaming results equal the whole-buffer ones at small chunk
// sizes.
func TestRunShapeTokenStreaming(t *testing.T) {
	text := strings.Repeat("[12/03/2021, 09:14:55] Sam: 12:30 ok 1/2/34 x 123 4\n12/03/2021, 09:14 - +44 7700 900123: 5\n", 50)
	for _, kind := range []detect.TokenKind{detect.TokenPlain, detect.TokenClock, detect.TokenDate, detect.TokenSender} {
		want, _ := detect.MustCompile([]detect.Detector{newTokenRuns(kind)}, nil).AppendFind(nil, []byte(text))
		if len(want) != 150 && kind == detect.TokenPlain || len(want) < 100 {
			t.Fatalf("kind %d: %d runs", kind, len(want))
		}
		for _, cs := range []int{16, 23, 64} {
			e := detect.MustCompile([]detect.Detector{newTokenRuns(kind)}, &detect.Options{ChunkSize: cs})
			got, err := scanAll(t, e, strings.NewReader(text))
			if err != nil || !slices.Equal(got, want) {
				t.Fatalf("kind %d chunk %d: %d findings (err %v), want %d", kind, cs, len(got), err, len(want))
			}
		}
	}
}

// joinRuns accepts the runs with the given joins only.
type joinRuns struct {
	tokenRuns
	before, after bool
}

func (f joinRuns) AcceptRun(s detect.RunShape) bool {
	return s.JoinBefore == f.before && s.JoinAfter == f.after
}

// The engine sets JoinBefore and JoinAfter when a single byte separates
// a run from its neighbour run.
func TestRunShapeJoin(t *testing.T) {
	text := "12 34-56 7 ab 89x0 1..2 3 and 45 here"
	want := map[[2]bool]string{
		{false, true}:  "12 89 2",
		{true, true}:   "34 56 0",
		{true, false}:  "7 1 3",
		{false, false}: "45",
	}
	for k, w := range want {
		if g := acceptedRuns(t, joinRuns{newTokenRuns(detect.TokenPlain), k[0], k[1]}, text); g != w {
			t.Errorf("JoinBefore %v JoinAfter %v: runs %q, want %q", k[0], k[1], g, w)
		}
	}
}

// acceptedRuns returns the runs of text that the run-probe detector d
// accepts, separated by spaces.
func acceptedRuns(t *testing.T, d detect.Detector, text string) string {
	t.Helper()
	fs, err := detect.MustCompile([]detect.Detector{d}, nil).AppendFind(nil, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range fs {
		got = append(got, text[x.Start:x.End])
	}
	return strings.Join(got, " ")
}

// beyondRuns accepts the runs with the given UpperBeyond and LowerBeyond.
type beyondRuns struct {
	tokenRuns
	upper, lower bool
}

func (f beyondRuns) AcceptRun(s detect.RunShape) bool {
	return s.UpperBeyond == f.upper && s.LowerBeyond == f.lower
}

// The engine sets UpperBeyond or LowerBeyond when the byte after the
// run's After byte is an ASCII letter, whatever After is.
func TestRunShapeBeyond(t *testing.T) {
	text := "in 10 mins, 7-Zed 8x 45 67.a 3 \xc3\xa9 99 5 Oak 6\n"
	want := map[[2]bool]string{
		{false, true}:  "10 67",
		{true, false}:  "7 5",
		{false, false}: "8 45 3 99 6",
	}
	for k, w := range want {
		if g := acceptedRuns(t, beyondRuns{newTokenRuns(detect.TokenPlain), k[0], k[1]}, text); g != w {
			t.Errorf("UpperBeyond %v LowerBeyond %v: runs %q, want %q", k[0], k[1], g, w)
		}
	}
}
