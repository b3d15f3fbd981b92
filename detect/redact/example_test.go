package redact_test

import (
	"bytes"
	"fmt"
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
