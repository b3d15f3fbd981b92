package markings

import (
	"fmt"
	"os"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

func TestScanFileDebug(t *testing.T) {
	path := os.Getenv("MKFILE")
	if path == "" {
		t.Skip()
	}
	text, _ := os.ReadFile(path)
	eng := detect.MustCompile(All(), &detect.Options{MinScore: 1, Binary: detect.BinaryScan})
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		ls := f.Start
		for ls > 0 && text[ls-1] != '\n' && f.Start-ls < 60 {
			ls--
		}
		le := f.End
		for le < int64(len(text)) && text[le] != '\n' && le-f.End < 40 {
			le++
		}
		fmt.Printf("%d %s %d %q  ctx=%q\n", f.Line, f.Rule, f.Score, text[f.Start:f.End], text[ls:le])
	}
}
