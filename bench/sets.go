// Package bench holds tidemark's benchmark suite and the detector sets it
// measures. The benchmarks live in bench_test.go and run with
//
//	go test -run '^$' -bench . -cpu 1,2 ./bench/
//
// The corpora come from package [github.com/tidemark/tidemark/bench/corpus];
// bench/run.sh runs the suite into bench/out and compares commits with
// benchstat, and bench/results.sh regenerates bench/RESULTS.md.
package bench

import (
	"fmt"
	"strings"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
)

// SetNames lists the detector sets, in report order.
var SetNames = []string{"none", "email", "pii", "names", "markings", "all-but-names", "all"}

// KindName is the Kind of the person-name detector; the "names" set is
// every detector of this Kind and "pii" and "all-but-names" leave them out.
const KindName detect.Kind = "person.name"

// Set returns fresh detectors for a named set:
//
//   - none: three detectors that trigger like real ones (on digits, on
//     '@', and on the marking keywords official/secret/restricted/protect)
//     and report nothing: the cost of the engine's prefilter and windows;
//   - email: detectors of Kind "email";
//   - pii: every pii/... detector except person names (phone included);
//   - names: every detector of Kind person.name;
//   - markings: every markings/... detector;
//   - all-but-names: the default bundle without person names;
//   - all: the default bundle, tidemark.Detectors().
//
// A set may be empty while its package is still being written.
func Set(name string) ([]detect.Detector, error) {
	if name == "none" {
		return None(), nil
	}
	var keep func(sp detect.Spec) bool
	switch name {
	case "email":
		keep = func(sp detect.Spec) bool { return sp.Kind == "email" }
	case "pii":
		keep = func(sp detect.Spec) bool { return strings.HasPrefix(sp.ID, "pii/") && sp.Kind != KindName }
	case "names":
		keep = func(sp detect.Spec) bool { return sp.Kind == KindName }
	case "markings":
		keep = func(sp detect.Spec) bool { return strings.HasPrefix(sp.ID, "markings/") }
	case "all-but-names":
		keep = func(sp detect.Spec) bool { return sp.Kind != KindName }
	case "all":
		keep = func(detect.Spec) bool { return true }
	default:
		return nil, fmt.Errorf("bench: unknown detector set %q (want one of %s)", name, strings.Join(SetNames, ", "))
	}
	var out []detect.Detector
	for _, d := range tidemark.Detectors() {
		if keep(d.Spec()) {
			out = append(out, d)
		}
	}
	return out, nil
}

// None returns detectors that trigger on digits, '@' and marking keywords
// but never report anything: the engine's own cost.
func None() []detect.Detector {
	nothing := func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil }
	return []detect.Detector{
		detect.Func(detect.Spec{ID: "bench/none-digits", Kind: "none", MaxLen: 32, Triggers: detect.Triggers{Bytes: detect.Digits}}, nothing),
		detect.Func(detect.Spec{ID: "bench/none-at", Kind: "none", MaxLen: 254, Triggers: detect.Triggers{Bytes: "@"}}, nothing),
		detect.Func(detect.Spec{ID: "bench/none-words", Kind: "none", MaxLen: 64,
			Triggers: detect.Triggers{Keywords: []string{"official", "secret", "restricted", "protect"}}}, nothing),
	}
}
