package detect_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tidemark/tidemark/detect"
)

// The whole loop: describe a detector, compile an engine, scan a stream,
// read the findings.
func Example() {
	// A toy detector for ticket numbers like "TKT-1234".
	ticket := detect.Func(detect.Spec{
		ID: "example/ticket", Kind: "ticket", MaxLen: 12,
		Triggers: detect.Triggers{Keywords: []string{"TKT-"}},
		Cues:     detect.Cues{Radius: 24, Words: []detect.Cue{{Word: "ticket", Delta: 20}}},
	}, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		for _, h := range w.Hits {
			i, j := int(h), int(h)+4
			for j < len(w.Text) && j-i < 12 && '0' <= w.Text[j] && w.Text[j] <= '9' {
				j++
			}
			if j-i >= 8 && (j == len(w.Text) && w.AtEnd || j < len(w.Text) && w.Text[j] == ' ') {
				dst = append(dst, detect.Finding{Start: w.Base + int64(i), End: w.Base + int64(j), Score: 60})
			}
		}
		return dst, nil
	})

	eng, err := detect.Compile([]detect.Detector{ticket}, &detect.Options{MinScore: 70})
	if err != nil {
		panic(err)
	}
	sc := eng.NewScanner(strings.NewReader("Raised TKT-1234 today; nothing else to say here.\nSee ticket TKT-98765 too\n"))
	for sc.Scan() {
		f := sc.Finding()
		fmt.Printf("%s %q line %d bytes %d-%d score %d\n", f.Kind, sc.Bytes(), f.Line, f.Start, f.End, f.Score)
	}
	if err := sc.Err(); err != nil {
		panic(err)
	}
	fmt.Println("dropped below MinScore:", sc.Stats().Dropped)
	// Output:
	// ticket "TKT-98765" line 2 bytes 60-69 score 80
	// dropped below MinScore: 1
}

func ExampleEngine_AppendFind() {
	eng := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	text := []byte("ref no 4471 on page 12345")
	fs, err := eng.AppendFind(nil, text)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("%s %s %d\n", f.Rule, text[f.Start:f.End], f.Score)
	}
	// Output:
	// test/digits 4471 80
	// test/digits 12345 20
}

func ExampleEngine_ScanAt() {
	text := bytes.Repeat([]byte("call 0123 now\n"), 1000)
	eng := detect.MustCompile([]detect.Detector{digitRun()}, nil)
	n := 0
	st, err := eng.ScanAt(bytes.NewReader(text), int64(len(text)), &detect.ParallelOptions{Workers: 2, SegmentSize: 4096},
		func(f detect.Finding, match []byte) error {
			n++
			return nil
		})
	fmt.Println(n, st.Bytes, err)
	// Output:
	// 1000 14000 <nil>
}

func ExampleRegistry_Select() {
	reg, err := detect.NewRegistry(digitRun(), secretWord(), nothing("other/x", "x"))
	if err != nil {
		panic(err)
	}
	ds, err := reg.Select("test/*", "-test/secret")
	if err != nil {
		panic(err)
	}
	for _, d := range ds {
		fmt.Println(d.Spec().ID)
	}
	_, err = reg.Select("test/typo")
	fmt.Println(err)
	// Output:
	// test/digits
	// detect: pattern matches no detector: "test/typo"
}
