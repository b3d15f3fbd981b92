package redact_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/decode"
	"github.com/tidemark/tidemark/detect/redact"
)

func Example() {
	eng := detect.MustCompile([]detect.Detector{digitRuns(), emails()}, nil)
	red := redact.New(eng, redact.Options{}) // the default operator tags

	in := strings.NewReader("Ticket 48213 raised by jo@example.com.\n")
	stats, err := red.Copy(os.Stdout, in)
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(stats.Redacted, "redacted")
	// Output:
	// Ticket [DIGITS] raised by [EMAIL].
	// 2 redacted
}

func Example_operators() {
	eng := detect.MustCompile([]detect.Detector{digitRuns(), emails()}, nil)
	red := redact.New(eng, redact.Options{
		Default: redact.Remove(),
		Kinds: map[detect.Kind]redact.Operator{
			"digits": redact.Mask('*', 2),
			"email":  redact.Pseudonym("PERSON"),
		},
		Key: []byte("a secret key shared by the run"),
	})
	out, err := red.Bytes([]byte("jo@example.com paid 48213; JO@example.com again."))
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(string(out))
	// Output:
	// [PERSON_221781a7] paid ***13; [PERSON_221781a7] again.
}

// A UTF-16 file is redacted by reading it through decode.NewReader; the
// output is UTF-8.
func Example_utf16() {
	file := []byte{0xFF, 0xFE} // UTF-16LE BOM
	for _, c := range "Ref 48213 – done" {
		file = append(file, byte(c), byte(c>>8))
	}
	eng := detect.MustCompile([]detect.Detector{digitRuns()}, nil)
	var buf bytes.Buffer
	_, err := redact.New(eng, redact.Options{Default: redact.Mask(0, 0)}).Copy(&buf, decode.NewReader(bytes.NewReader(file), nil))
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(buf.String())
	// Output:
	// Ref ***** – done
}

// joined is a view that removes line continuations (a backslash before a
// line break), so that a number cut by one is found whole. For brevity
// it reads its whole input at once; a real view streams.
type joined struct {
	r  *bytes.Reader
	at []int64 // at[i]: the input offset of view byte i; then the input's end
}

func newJoined(in io.Reader) *joined {
	src, _ := io.ReadAll(in)
	var view []byte
	j := &joined{}
	for i := 0; i < len(src); i++ {
		if src[i] == '\\' && i+1 < len(src) && src[i+1] == '\n' {
			i++
			continue
		}
		view = append(view, src[i])
		j.at = append(j.at, int64(i))
	}
	j.at = append(j.at, int64(len(src)))
	j.r = bytes.NewReader(view)
	return j
}

func (j *joined) Read(p []byte) (int, error) { return j.r.Read(p) }

// MapOffset implements detect.OffsetMapper.
func (j *joined) MapOffset(off int64) int64 { return j.at[off] }

// CopyView scans a view of the input, here with its line continuations
// removed, and replaces the findings in the input itself: the number
// split across two lines is redacted with the continuation inside it.
func ExampleRedactor_CopyView() {
	eng := detect.MustCompile([]detect.Detector{digitRuns()}, nil)
	red := redact.New(eng, redact.Options{})
	in := strings.NewReader("Ref 48\\\n213 (see 12).\n")
	_, err := red.CopyView(os.Stdout, in, &redact.View{
		Scan: func(in io.Reader) io.Reader { return newJoined(in) },
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Ref [DIGITS] (see 12).
}
