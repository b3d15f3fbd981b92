package detect_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// hitReporter reports every trigger hit as a one-byte finding, so the
// findings show exactly where the prefilter fired.
func hitReporter(kws ...string) detect.Detector {
	return detect.Func(detect.Spec{ID: "t/hits", Kind: "hit", MaxLen: 64, Triggers: detect.Triggers{Keywords: kws}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				dst = append(dst, detect.Finding{Start: w.Base + int64(h), End: w.Base + int64(h) + 1, Score: 50})
			}
			return dst, nil
		})
}

func TestKeywordPrefilterExact(t *testing.T) {
	kws := []string{"SEC=", "x-protective-marking", "eyes only", "(s//", "@gov", "[dlm", "a", "top secret"}
	e := detect.MustCompile([]detect.Detector{hitReporter(kws...)}, nil)
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"sec= Sec= SEC= sec-", []int{0, 5, 10}},
		{"X-Protective-Marking: x-PROTECTIVE-marking", []int{0, 14, 22, 36}}, // 14, 36: the keyword "a"
		{"EYES ONLY eyes-only eyes  only", []int{0}},
		{"(S// (s// (s/ [s//", []int{0, 5}},
		{"@GOV `gov @gov", []int{0, 10}},
		{"[DLM {dlm [dlm", []int{0, 10}},
		{"A b a", []int{0, 4}},
		{"xTOP SECRETx top secre", []int{1}},
		{strings.Repeat("z", 100) + "SEC=", []int{100}},
		{"sec", nil},
	} {
		fs, _ := e.AppendFind(nil, []byte(tc.in))
		var got []int
		for _, f := range fs {
			got = append(got, int(f.Start))
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("hits in %q = %v, want %v", tc.in, got, tc.want)
		}
	}
}
