// Package whatsapp parses WhatsApp chat exports ("Export chat" as .txt,
// alone or in the .zip WhatsApp makes), in both layouts:
//
//	[12/03/2021, 09:14:55] Alice Example: text      (iOS)
//	12/03/2021, 21:14 - Alice Example: text          (Android)
//
// with day/month/year, month/day/year, year-month-day and dotted locale
// dates, 24-hour or 12-hour times (with "AM", "pm", "a.m." and the narrow
// no-break space newer phones write), the invisible U+200E marks iOS puts
// before attachments and system lines, multi-line messages, system lines
// ("Messages and calls are end-to-end encrypted") and attachment
// placeholders ("<attached: …>", "<Media omitted>", "image omitted",
// "… (file attached)").
//
// The parser is a line reader: memory is bounded by the longest message
// (Options.MaxMessage) and the longest line (Options.MaxLine).
//
// # Limitations
//
// The export format is ambiguous: a line of a multi-line message that
// itself starts with a date, time and separator is taken as a new message,
// and a system line whose text contains ": " after a short first part may
// be taken as a message with that part as sender. Dates are kept as
// written, not parsed: whether 03/12 is March or December depends on the
// exporting phone's locale, which the file does not record.
package whatsapp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Layout is the export layout of a message header.
type Layout uint8

// The layouts.
const (
	IOS     Layout = iota + 1 // [date, time] Sender: text
	Android                   // date, time - Sender: text
)

func (l Layout) String() string {
	switch l {
	case IOS:
		return "ios"
	case Android:
		return "android"
	}
	return "unknown"
}

// A Header is the parsed start of a message line.
type Header struct {
	Layout Layout
	// Time is the date and time as written ("12/03/2021, 09:14:55").
	Time string
	// Sender is the sender's name (or phone number) as written; empty for
	// system lines.
	Sender string
	// SenderStart is the offset of Sender in the line.
	SenderStart int
	// TextStart is the offset in the line of the message text.
	TextStart int
	// System reports a system line (encryption notice, group changes).
	System bool
}

const maxSender = 128 // longest sender name accepted, in bytes

// ParseHeader parses line (without its line break) as the first line of a
// message. It reports false if the line does not start a message (it is a
// continuation line).
func ParseHeader(line []byte) (Header, bool) {
	var h Header
	i := skipMarks(line, 0)
	start := i
	if i < len(line) && line[i] == '[' {
		h.Layout = IOS
		i++
		start = i
	} else {
		h.Layout = Android
	}
	i, ok := parseDateTime(line, i)
	if !ok {
		return Header{}, false
	}
	h.Time = string(line[start:i])
	switch h.Layout {
	case IOS:
		if i >= len(line) || line[i] != ']' {
			return Header{}, false
		}
		i++
		if i < len(line) && line[i] == ' ' {
			i++
		}
	case Android:
		switch {
		case bytes.HasPrefix(line[i:], []byte(" - ")):
			i += 3
		case bytes.HasPrefix(line[i:], []byte(" \u2013 ")): // en dash
			i += 5
		default:
			return Header{}, false
		}
	}
	rest := line[i:]
	j := bytes.Index(rest, []byte(": "))
	if j < 0 && bytes.HasSuffix(rest, []byte(":")) {
		j = len(rest) - 1 // "Name:" with an empty message
	}
	if j <= 0 || j > maxSender || bytes.IndexByte(rest[:j], '"') >= 0 {
		h.System = true
		h.TextStart = i
		return h, true
	}
	h.SenderStart = skipMarks(line, i)
	h.Sender = string(line[h.SenderStart : i+j])
	h.TextStart = min(len(line), i+j+2)
	if h.Layout == IOS {
		// iOS writes system lines with the chat's name as sender and the
		// text after an invisible U+200E mark.
		t := line[h.TextStart:]
		if bytes.HasPrefix(t, lrm) && !IsAttachment(t) {
			h.System = true
			h.Sender = ""
			h.SenderStart = 0
			h.TextStart = i
		}
	}
	return h, true
}

var lrm = []byte("\u200e")

// skipMarks skips U+200E/U+200F direction marks and a U+FEFF BOM.
func skipMarks(b []byte, i int) int {
	for i+3 <= len(b) && b[i] == 0xe2 && b[i+1] == 0x80 && (b[i+2] == 0x8e || b[i+2] == 0x8f) ||
		i+3 <= len(b) && b[i] == 0xef && b[i+1] == 0xbb && b[i+2] == 0xbf {
		i += 3
	}
	return i
}

func digits(b []byte, i, lo, hi int) (int, bool) {
	n := 0
	for i+n < len(b) && n < hi && '0' <= b[i+n] && b[i+n] <= '9' {
		n++
	}
	return i + n, n >= lo && (i+n >= len(b) || b[i+n] < '0' || b[i+n] > '9')
}

// parseDateTime parses "date, time" or "date time" at b[i:] and returns the
// offset after it.
func parseDateTime(b []byte, i int) (int, bool) {
	// Date: 1-4 digits, sep, 1-2 digits, sep, 2-4 digits; sep is / . or -.
	i, ok := digits(b, i, 1, 4)
	if !ok || i >= len(b) {
		return 0, false
	}
	sep := b[i]
	if sep != '/' && sep != '.' && sep != '-' {
		return 0, false
	}
	if i, ok = digits(b, i+1, 1, 2); !ok || i >= len(b) || b[i] != sep {
		return 0, false
	}
	if i, ok = digits(b, i+1, 2, 4); !ok {
		return 0, false
	}
	if i < len(b) && b[i] == '.' { // "12.03.2021." in some locales
		i++
	}
	switch {
	case bytes.HasPrefix(b[i:], []byte(", ")):
		i += 2
	case i < len(b) && (b[i] == ' ' || b[i] == ','):
		i++
	default:
		return 0, false
	}
	// Time: h:mm or h:mm:ss, then an optional AM/PM marker.
	if i, ok = digits(b, i, 1, 2); !ok || i >= len(b) || b[i] != ':' {
		return 0, false
	}
	if i, ok = digits(b, i+1, 2, 2); !ok {
		return 0, false
	}
	if i < len(b) && b[i] == ':' {
		if i, ok = digits(b, i+1, 2, 2); !ok {
			return 0, false
		}
	}
	return ampm(b, i), true
}

// ampm skips a 12-hour marker after a time: a space (or a no-break space
// U+00A0 or narrow no-break space U+202F) then AM, PM, a.m., p.m. in any case.
func ampm(b []byte, i int) int {
	j := i
	switch {
	case j < len(b) && b[j] == ' ':
		j++
	case bytes.HasPrefix(b[j:], []byte("\u00a0")):
		j += 2
	case bytes.HasPrefix(b[j:], []byte("\u202f")):
		j += 3
	default:
		return i
	}
	for _, m := range [...]string{"a.m.", "p.m.", "a. m.", "p. m.", "am", "pm"} {
		if len(b)-j >= len(m) && bytes.EqualFold(b[j:j+len(m)], []byte(m)) {
			k := j + len(m)
			if k == len(b) || b[k] == ']' || b[k] == ' ' {
				return k
			}
		}
	}
	return i
}

// IsAttachment reports whether a message text is an attachment
// placeholder: "<attached: 00000012-PHOTO-….jpg>", "<Media omitted>",
// "image omitted", "IMG-20210312-WA0001.jpg (file attached)".
func IsAttachment(text []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(text), lrm))
	switch {
	case bytes.HasPrefix(t, []byte("<attached: ")) && bytes.HasSuffix(t, []byte(">")):
		return true
	case bytes.Equal(t, []byte("<Media omitted>")):
		return true
	case bytes.HasSuffix(t, []byte(" omitted")) && bytes.IndexByte(t, ' ') == len(t)-len(" omitted"):
		return true // "image omitted", "video omitted", "sticker omitted"
	case bytes.HasSuffix(t, []byte(" (file attached)")):
		return true
	}
	return false
}

// Sniff reports whether head, the first bytes of a file, looks like a chat
// export: its first non-empty line starts a message.
func Sniff(head []byte) bool {
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line[skipMarks(line, 0):])) == 0 {
			continue
		}
		_, ok := ParseHeader(line)
		return ok
	}
	return false
}

// A Message is one chat message.
type Message struct {
	// Index is the message's 1-based position in the chat. Lines before
	// the first header (rare; an edited export) form message 0.
	Index  int
	Header // the parsed header line
	// Attachment reports an attachment placeholder.
	Attachment bool
	// Offset is the input offset of the header line, Line its 1-based line.
	Offset int64
	Line   int64
	// SenderOffset is the input offset of Sender (when Sender is not empty).
	SenderOffset int64
	// Body is the message text: the rest of the header line and any
	// continuation lines, without the final line break. It aliases the
	// Reader's buffer and is valid until the next call to Next.
	Body []byte
	// BodyOffset is the input offset of Body[0].
	BodyOffset int64
	// Head is the header line up to Body ("[12/03/2021, 09:14:55] Alice: "),
	// and EOL the line break that ended the message ("\r\n", "\n" or ""
	// at the end of the input), so that Head+Body+EOL are the message's
	// bytes. Both alias the Reader's buffers like Body.
	Head []byte
	EOL  []byte
}

// Options bound a Reader. Zero fields take the defaults.
type Options struct {
	MaxLine    int   // longest line in bytes; default 1 MiB
	MaxMessage int64 // longest message in bytes; default 64 MiB
}

// Errors returned by Next, wrapped in a *ParseError.
var (
	ErrLineTooLong    = errors.New("line too long")
	ErrMessageTooLong = errors.New("message too long")
)

// A ParseError is an error at a line of the input.
type ParseError struct {
	Line  int64
	Limit int64 // the limit exceeded, for ErrLineTooLong and ErrMessageTooLong
	Err   error
}

func (e *ParseError) Error() string {
	if e.Limit > 0 {
		return fmt.Sprintf("whatsapp: line %d: %v (limit %d bytes)", e.Line, e.Err, e.Limit)
	}
	return fmt.Sprintf("whatsapp: line %d: %v", e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// A Reader reads messages from a chat export.
type Reader struct {
	br   *bufio.Reader
	opts Options

	off  int64 // input offset of the next line
	line int64 // line number of the next line
	idx  int
	err  error

	// The pending header line, read but not yet returned.
	pend     []byte
	pendOff  int64
	pendLine int64
	pendHdr  Header
	pendOK   bool // pend holds a header line
	havePend bool

	head []byte
	body []byte
	msg  Message
}

// NewReader returns a Reader reading the export from r. opts may be nil.
func NewReader(r io.Reader, opts *Options) *Reader {
	rd := &Reader{br: bufio.NewReaderSize(r, 64<<10), line: 1}
	if opts != nil {
		rd.opts = *opts
	}
	if rd.opts.MaxLine <= 0 {
		rd.opts.MaxLine = 1 << 20
	}
	if rd.opts.MaxMessage <= 0 {
		rd.opts.MaxMessage = 64 << 20
	}
	return rd
}

// readLine returns the next line with its line break, or io.EOF.
func (r *Reader) readLine() ([]byte, error) {
	r.pend = r.pend[:0]
	for {
		frag, err := r.br.ReadSlice('\n')
		r.pend = append(r.pend, frag...)
		if len(r.pend) > r.opts.MaxLine {
			return nil, &ParseError{Line: r.line, Limit: int64(r.opts.MaxLine), Err: ErrLineTooLong}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(r.pend) > 0:
			return r.pend, nil
		case err != nil:
			return nil, err
		}
		return r.pend, nil
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// Next returns the next message, or io.EOF at the end of the chat. The
// Message and its Body are valid until the next call.
func (r *Reader) Next() (*Message, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !r.havePend {
		if err := r.fill(); err != nil {
			r.err = err
			return nil, err
		}
	}
	// Start a message from the pending line.
	m := &r.msg
	*m = Message{Offset: r.pendOff, Line: r.pendLine}
	var textStart int
	if r.pendOK {
		r.idx++
		m.Index = r.idx
		m.Header = r.pendHdr
		textStart = m.TextStart
		m.SenderOffset = r.pendOff + int64(m.SenderStart)
	}
	m.BodyOffset = r.pendOff + int64(textStart)
	r.head = append(r.head[:0], r.pend[:textStart]...)
	r.body = append(r.body[:0], r.pend[textStart:]...)
	r.havePend = false
	// Continuation lines.
	for {
		err := r.fill()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = err
			return nil, err
		}
		if r.pendOK {
			break
		}
		r.body = append(r.body, r.pend...)
		r.havePend = false
		if int64(len(r.body)) > r.opts.MaxMessage {
			r.err = &ParseError{Line: m.Line, Limit: r.opts.MaxMessage, Err: ErrMessageTooLong}
			return nil, r.err
		}
	}
	m.Body = trimEOL(r.body)
	m.Head = r.head
	m.EOL = r.body[len(m.Body):]
	m.Attachment = !m.System && IsAttachment(m.Body)
	return m, nil
}

// fill reads the next line into pend and classifies it.
func (r *Reader) fill() error {
	b, err := r.readLine()
	if err != nil {
		return err
	}
	r.pendOff, r.pendLine = r.off, r.line
	r.off += int64(len(b))
	r.line++
	r.pendHdr, r.pendOK = ParseHeader(trimEOL(b))
	r.havePend = true
	return nil
}
