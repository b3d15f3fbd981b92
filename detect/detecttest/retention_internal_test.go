package detecttest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

type failRecorder struct {
	testing.TB
	msg string
}

func (r *failRecorder) Helper() {}
func (r *failRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestCheckRetentionCatchesKeptWindow(t *testing.T) {
	var kept []byte // the previous window, read during the next call: a bug
	ret := detect.Func(detect.Spec{ID: "test/retain", Kind: "x", MaxLen: 1, Triggers: detect.Triggers{Bytes: "#"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			if len(kept) > 0 && kept[0] == 0xFF {
				return dst, nil
			}
			kept = w.Text
			for _, h := range w.Hits {
				dst = append(dst, detect.Finding{Start: w.Base + int64(h), End: w.Base + int64(h) + 1, Score: 50})
			}
			return dst, nil
		})
	in := []string{"#" + strings.Repeat(" ", 100) + "#"}
	eng := detect.MustCompile([]detect.Detector{ret}, nil)
	want, _ := eng.AppendFind(nil, []byte(in[0]))
	kept = nil
	r := &failRecorder{}
	done := make(chan struct{})
	go func() { defer close(done); checkRetention(r, ret, in, [][]detect.Finding{want}) }()
	<-done
	if !strings.Contains(r.msg, "retained") {
		t.Fatalf("checkRetention did not catch a retained window: %q", r.msg)
	}
}
