package markings

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// BenchmarkAnchors measures the engine's prefilter cost for trigger
// keyword sets with a detector that never reports (KW=comma,list;... to
// try other sets, separated by ';'). It guided the choice of the classification keywords.
func BenchmarkAnchors(b *testing.B) {
	text := synthCorpus(1, 1<<20)
	sets := map[string][]string{
		"default": NewClassification().Spec().Triggers.Keywords,
	}
	if s := os.Getenv("KW"); s != "" { // sets separated by ';', keywords by ','
		sets = map[string][]string{}
		for i, set := range strings.Split(s, ";") {
			sets[fmt.Sprint("env", i)] = strings.Split(set, ",")
		}
	}
	for name, kws := range sets {
		d := detect.Func(detect.Spec{ID: "x/y", Kind: "x", MaxLen: 160, Cues: detect.Cues{Radius: 128},
			Triggers: detect.Triggers{Keywords: kws}}, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			return dst, nil
		})
		e := detect.MustCompile([]detect.Detector{d}, nil)
		b.Run(name, func(b *testing.B) {
			loopCPU(b, len(text), func() { e.AppendFind(nil, text) })
		})
	}
}
