package source

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/tidemark/tidemark/detect/source/mail"
)

// eml scans one e-mail message.
func (s *run) eml(loc *Location, r io.Reader, depth int) error {
	ml := *loc
	ml.Message = 1
	return s.mailMessage(&ml, s.budget(loc, r), depth)
}

// mbox scans a mailbox: messages start at "From " lines (at the start of
// the file or after a blank line); ">From " lines are unescaped (mboxrd).
// A bad message is reported and the next one scanned.
func (s *run) mbox(loc *Location, r io.Reader, depth int) error {
	return s.mboxMessages(loc, r, func(ml *Location, from, msg []byte, tooBig bool) error {
		if tooBig {
			return s.unitErr(ml, &LimitError{Path: fmt.Sprintf("%s (message %d)", displayPath(loc), ml.Message),
				Limit: "max-message", Value: s.lim.MaxMessage, Line: ml.Line})
		}
		return s.unitErr(ml, s.mailMessage(ml, bytes.NewReader(msg), depth))
	})
}

// mboxMessages splits a mailbox into messages and calls fn for each with
// its location (Message and Line set), its "From " line (nil when the
// mailbox lacks one) and its unescaped bytes; tooBig reports a message
// beyond MaxMessage (msg is then empty). msg is valid during the call.
func (s *run) mboxMessages(loc *Location, r io.Reader, fn func(ml *Location, from, msg []byte, tooBig bool) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var msg, from []byte
	var lineNo, msgLine int64
	index := 0
	prevBlank := true
	tooBig := false
	flush := func() error {
		if index == 0 {
			return nil
		}
		ml := *loc
		ml.Message, ml.Line = index, msgLine
		// The blank line before the next "From " line separates messages;
		// it is not part of the message.
		m := msg
		if bytes.HasSuffix(m, []byte("\r\n\r\n")) {
			m = m[:len(m)-2]
		} else if bytes.HasSuffix(m, []byte("\n\n")) {
			m = m[:len(m)-1]
		}
		return fn(&ml, from, m, tooBig)
	}
	var line []byte
	for {
		line = line[:0]
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if len(line)+len(frag) > s.lim.MaxLine {
				return &LimitError{Path: displayPath(loc), Limit: "max-line", Value: int64(s.lim.MaxLine), Line: lineNo + 1}
			}
			line = append(line, frag...)
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(line) == 0 && err != nil {
			if err != io.EOF {
				return err
			}
			break
		}
		lineNo++
		s.bytes += int64(len(line))
		if s.bytes > s.lim.MaxBytes {
			return &LimitError{Path: displayPath(loc), Limit: "max-bytes", Value: s.lim.MaxBytes}
		}
		if prevBlank && bytes.HasPrefix(line, []byte("From ")) {
			if err := flush(); err != nil {
				return err
			}
			if err := s.countPart(loc); err != nil {
				return err
			}
			index++
			msg, msgLine, tooBig = msg[:0], lineNo, false
			from = append(from[:0], line...)
			prevBlank = false
			continue
		}
		prevBlank = len(bytes.TrimRight(line, "\r\n")) == 0
		if index == 0 {
			index, msgLine, from = 1, lineNo, nil // a mailbox without a first From line
		}
		if t := bytes.TrimLeft(line, ">"); len(t) < len(line) && bytes.HasPrefix(t, []byte("From ")) {
			line = line[1:]
		}
		if !tooBig {
			if int64(len(msg)+len(line)) > s.lim.MaxMessage {
				tooBig = true
				msg = msg[:0]
			} else {
				msg = append(msg, line...)
			}
		}
		if err != nil {
			break
		}
	}
	return flush()
}

// mailMessage scans one message's units.
func (s *run) mailMessage(loc *Location, r io.Reader, depth int) error {
	remaining := s.lim.MaxBytes - s.bytes
	opts := &mail.Options{MaxParts: s.lim.MaxParts - s.parts, MaxDepth: s.lim.MaxDepth - depth, MaxBytes: max(1, remaining), MaxPart: s.lim.MaxMessage}
	err := mail.Walk(r, opts, func(u *mail.Unit) error {
		ul := *loc
		ul.MessageID, ul.Time, ul.Part, ul.ContentType, ul.Field = u.MessageID, u.Date, u.Part, u.ContentType, u.Field
		ulp := &ul
		s.parts++
		if u.Skipped {
			s.skip(ulp, errors.New(u.Reason))
			return nil
		}
		if u.Body != nil {
			return s.stream(ulp, u.Body)
		}
		s.bytes += int64(len(u.Text))
		names := slices.DeleteFunc(u.Names, func(n [2]int) bool { return IsToken(string(u.Text[n[0]:n[1]])) })
		return s.findIn(ulp, u.Text, 0, 1, names, nil)
	})
	var le *mail.LimitError
	if errors.As(err, &le) {
		return &LimitError{Path: fmt.Sprintf("%s (message %d)", displayPath(loc), loc.Message), Limit: le.Limit, Value: limitValue(s.lim, le.Limit)}
	}
	if err != nil {
		var st stop
		if errors.As(err, &st) {
			return err
		}
		return &Error{Path: fmt.Sprintf("%s (message %d)", displayPath(loc), loc.Message), Err: err}
	}
	return nil
}

func limitValue(l Limits, name string) int64 {
	switch name {
	case "max-parts":
		return int64(l.MaxParts)
	case "max-depth":
		return int64(l.MaxDepth)
	case "max-bytes":
		return l.MaxBytes
	case "max-message":
		return l.MaxMessage
	}
	return 0
}

func charsetDecoder(cs string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(cs)
	if err != nil {
		return nil, err
	}
	return enc.NewDecoder().Reader(r), nil
}

func base64Decode(dst, src []byte) (int, error) {
	// Tolerate missing padding, as mail clients do.
	if m := len(src) % 4; m != 0 {
		src = append(src, bytes.Repeat([]byte("="), 4-m)...)
	}
	return base64.StdEncoding.Decode(dst, src)
}
