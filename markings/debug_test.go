package markings

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

func TestDebugLines(t *testing.T) {
	in := os.Getenv("MK")
	if in == "" {
		t.Skip()
	}
	eng := detect.MustCompile(All(), nil)
	for _, line := range strings.Split(in, "|||") {
		line = strings.ReplaceAll(line, `\n`, "\n")
		fs, _ := eng.AppendFind(nil, []byte(line))
		fmt.Printf("%q\n", line)
		for _, f := range fs {
			d, err := eng.Detail(f, []byte(line[f.Start:f.End]))
			m, _ := d.(Marking)
			fmt.Printf("   %s %d %q -> %s lvl=%s pl=%s fl=%s alt=%v canon=%q err=%v\n", f.Rule, f.Score, line[f.Start:f.End], m.Scheme, m.Level, m.Placement, m.Flags, m.Alt, m.Canonical(), err)
		}
	}
}
