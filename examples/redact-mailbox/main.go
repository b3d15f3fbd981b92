// Command redact-mailbox writes a copy of an mbox mailbox with personal
// data replaced: tagged with its kind ("[UK_NHS]"), masked, or replaced by
// keyed pseudonyms that stay the same for the same value across messages.
// Protective markings are kept. A summary per message goes to standard
// error, without the redacted values.
//
//	go run ./examples/redact-mailbox -mode pseudonym -key-file key.bin < in.mbox > out.mbox
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
)

// NewRedactor builds a redactor over the personal-data detectors.
// mode is "tag", "mask" or "pseudonym"; key keys the pseudonyms (nil: a
// random key, consistent for this run only).
func NewRedactor(mode string, key []byte, minScore int) (*redact.Redactor, error) {
	reg, err := tidemark.NewRegistry()
	if err != nil {
		return nil, err
	}
	ds, err := reg.Select("pii/*")
	if err != nil {
		return nil, err
	}
	eng, err := detect.Compile(ds, &detect.Options{MinScore: minScore})
	if err != nil {
		return nil, err
	}
	var op redact.Operator
	switch mode {
	case "tag":
		op = redact.Tag("")
	case "mask":
		op = redact.Mask('x', 0)
	case "pseudonym":
		op = redact.Pseudonym("")
	default:
		return nil, fmt.Errorf("mode %q: want tag, mask or pseudonym", mode)
	}
	return redact.New(eng, redact.Options{Default: op, Key: key}), nil
}

// A Summary describes one redacted message.
type Summary struct {
	Message  int   // 1-based index in the mailbox
	Redacted int64 // findings redacted
	Encoded  bool  // the message has base64 parts, which are copied unredacted
}

// Redact copies the mbox in r to w, redacting each message, and returns a
// summary per message. Messages start at lines beginning "From " (the
// mbox separator, which is redacted like any other line but keeps its
// "From " prefix). Bodies are scanned as written: base64-encoded parts are
// not decoded, and are reported in Summary.Encoded.
func Redact(red *redact.Redactor, r io.Reader, w io.Writer) ([]Summary, error) {
	br := bufio.NewReader(r)
	var out []Summary
	var msg bytes.Buffer
	flush := func() error {
		if msg.Len() == 0 {
			return nil
		}
		st, err := red.Copy(w, bytes.NewReader(msg.Bytes()))
		if errors.Is(err, detect.ErrBinary) {
			_, err = w.Write(msg.Bytes()) // not text: copy unchanged
		}
		if err != nil {
			return err
		}
		encoded := bytes.Contains(bytes.ToLower(msg.Bytes()), []byte("content-transfer-encoding: base64"))
		out = append(out, Summary{Message: len(out) + 1, Redacted: st.Redacted, Encoded: encoded})
		msg.Reset()
		return nil
	}
	prevBlank := true
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 {
			if prevBlank && bytes.HasPrefix(line, []byte("From ")) {
				if ferr := flush(); ferr != nil {
					return out, ferr
				}
			}
			msg.Write(line)
			prevBlank = len(bytes.TrimRight(line, "\r\n")) == 0
		}
		if err == bufio.ErrBufferFull {
			prevBlank = false
			continue
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
	}
	return out, flush()
}

func main() {
	mode := flag.String("mode", "tag", "tag, mask or pseudonym")
	keyFile := flag.String("key-file", "", "file holding the pseudonym key (16+ random bytes); default: random per run")
	minScore := flag.Int("min-score", 50, "redact findings scoring at least this")
	flag.Parse()
	var key []byte
	if *keyFile != "" {
		var err error
		if key, err = os.ReadFile(*keyFile); err != nil {
			log.Fatal(err)
		}
	}
	red, err := NewRedactor(*mode, key, *minScore)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(os.Stdout)
	sums, err := Redact(red, os.Stdin, w)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	for _, s := range sums {
		note := ""
		if s.Encoded {
			note = " (has base64 parts, not redacted)"
		}
		fmt.Fprintf(os.Stderr, "message %d: %d redaction(s)%s\n", s.Message, s.Redacted, note)
	}
	if err != nil {
		log.Fatal(err)
	}
}
