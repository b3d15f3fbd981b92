package names_test

import (
	"os"
	"sort"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/names"
)

func TestX2Dbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("NAMES_FILE"))
	eng := detect.MustCompile(names.All(), nil)
	fs, _ := eng.AppendFind(nil, b)
	cnt := map[string]int{}
	for _, f := range fs {
		cnt[string(b[f.Start:f.End])]++
	}
	var ks []string
	for k := range cnt {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return cnt[ks[i]] > cnt[ks[j]] })
	t.Logf("%d bytes, %d findings, %d distinct", len(b), len(fs), len(ks))
	for _, k := range ks[:min(80, len(ks))] {
		t.Logf("%5d %s", cnt[k], k)
	}
}
