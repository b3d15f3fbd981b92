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
	detecttest.Run(t, gatedDigitRun{digitRun()}, chatLines, sample, "1234567890123 12 123 a123 123a")
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
