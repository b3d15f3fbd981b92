package detecttest_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	failed []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = append(r.failed, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

// run calls fn with a recorder in its own goroutine (Fatalf exits it).
func run(fn func(tb testing.TB)) []string {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(r)
	}()
	<-done
	return r.failed
}

// words reports runs of ASCII letters of length 3..8 that contain a 'q'.
// wideBug makes its decision depend on the window's size, which is beyond
// the bytes the contract lets it read.
func words(wideBug bool) detect.Detector {
	return detect.Func(detect.Spec{ID: "test/q-words", Kind: "word", MaxLen: 8, Triggers: detect.Triggers{Bytes: "qQ"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			next := 0
			for _, h := range w.Hits {
				if int(h) < next {
					continue
				}
				s, e := int(h), int(h)
				for s > 0 && isLetter(t[s-1]) {
					s--
				}
				for e < len(t) && isLetter(t[e]) {
					e++
				}
				next = e
				if (s == 0 && !w.AtStart) || (e == len(t) && !w.AtEnd) || (wideBug && len(t) < 48) {
					continue
				}
				if e-s >= 3 && e-s <= 8 {
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 50})
				}
			}
			return dst, nil
		})
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func TestRunPassesGoodDetector(t *testing.T) {
	detecttest.Run(t, words(false), "the quick quiet aqua squid", strings.Repeat("qqq ", 500))
}

func TestRunCatchesWideBug(t *testing.T) {
	// Dense triggers merge windows up to the view, whose size depends on
	// the chunk size.
	in := strings.Repeat("aqua ", 200)
	failed := run(func(tb testing.TB) { detecttest.Run(tb, words(true), in) })
	if len(failed) == 0 || !strings.Contains(failed[0], "differs") {
		t.Fatalf("Run did not catch a chunk-dependent detector: %q", failed)
	}
}

func TestRunCatchesFarFromTrigger(t *testing.T) {
	far := detect.Func(detect.Spec{ID: "test/far", Kind: "x", MaxLen: 4, Triggers: detect.Triggers{Bytes: "#"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				// Reports 4 bytes starting 5 bytes after the trigger: outside MaxLen.
				if s := int(h) + 5; s+4 <= len(w.Text) {
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(s+4), Score: 50})
				}
			}
			return dst, nil
		})
	failed := run(func(tb testing.TB) { detecttest.Run(tb, far, "a # bcdefghij") })
	if len(failed) == 0 || !strings.Contains(failed[0], "trigger") {
		t.Fatalf("Run did not catch a finding far from its trigger: %q", failed)
	}
}

func TestCases(t *testing.T) {
	detecttest.Cases(t, words(false), 0, "the ⟦quick⟧ fox", "no match here", "⟦aqua⟧ and ⟦squid⟧")
	failed := run(func(tb testing.TB) { detecttest.Cases(tb, words(false), 0, "the quick fox") })
	if len(failed) != 1 || !strings.Contains(failed[0], `"quick"`) {
		t.Fatalf("Cases did not report the unexpected finding: %q", failed)
	}
}

func TestParse(t *testing.T) {
	text, spans := detecttest.Parse("Call ⟦020 7946 0018⟧ or ⟦é⟧.")
	if text != "Call 020 7946 0018 or é." || len(spans) != 2 || spans[0] != [2]int{5, 18} || text[spans[1][0]:spans[1][1]] != "é" {
		t.Fatalf("Parse = %q %v", text, spans)
	}
}

func FuzzQWords(f *testing.F) {
	detecttest.Fuzz(f, words(false), "quick quiet", "aqua\nsquid")
}

func TestRunCatchesIncompleteWindows(t *testing.T) {
	failing := detect.Func(detect.Spec{ID: "test/timeout", Kind: "x", MaxLen: 4, Triggers: detect.Triggers{Bytes: "#"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			return dst, errors.New("timed out")
		})
	failed := run(func(tb testing.TB) { detecttest.Run(tb, failing, "a # b") })
	if len(failed) == 0 || !strings.Contains(failed[0], "complete windows") {
		t.Fatalf("Run did not report incomplete windows: %q", failed)
	}
}

// gatedWords is words(false) with a run filter: q-runs of 1..8 letters
// with non-letters beside them. unsound also rejects runs of length 3,
// which a match can contain.
type gatedWords struct {
	detect.Detector
	unsound bool
}

func (g gatedWords) AcceptRun(s detect.RunShape) bool {
	if g.unsound && s.Len == 3 {
		return false
	}
	return s.Len <= 8
}

func TestRunPassesSoundRunFilter(t *testing.T) {
	detecttest.Run(t, gatedWords{Detector: words(false)}, "the quick quiet aqua squid qqq", strings.Repeat("qqqqqqqqqq ", 50))
}

func TestRunCatchesUnsoundRunFilter(t *testing.T) {
	d := gatedWords{Detector: words(false), unsound: true}
	failed := run(func(tb testing.TB) { detecttest.Run(tb, d, "say qqq now") })
	if len(failed) == 0 || !strings.Contains(failed[0], "AcceptRun") {
		t.Fatalf("Run did not catch a run filter that drops a match: %q", failed)
	}
}
