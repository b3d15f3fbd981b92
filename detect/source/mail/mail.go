// Package mail reduces an RFC 5322 e-mail message to the units of text a
// scanner should read: its headers (Subject, the address headers with their
// display names, X-Protective-Marking and other marking headers) and its
// body parts, decoded from base64 and quoted-printable, converted from
// their charset to UTF-8, with HTML reduced to text. Attached messages
// (message/rfc822) are walked like the message itself.
//
// It uses the standard library's net/mail, mime, mime/multipart and
// mime/quotedprintable, with charsets from golang.org/x/text's htmlindex.
// It holds one decoded part in memory at a time, bounded by
// Options.MaxBytes.
package mail

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// A Unit is one header or body part of a message, as text.
type Unit struct {
	// MessageID and Date are the message's headers (the outer message's,
	// for attached messages), as written; MessageID without <>.
	MessageID string
	Date      string
	// Part is the MIME part number ("1", "2.1"); for headers of the
	// top-level message it is empty, for headers of an attached message it
	// is that message's part number.
	Part string
	// ContentType is the part's media type ("text/html"); empty for headers.
	ContentType string
	// Field is the header name ("Subject") for header units.
	Field string
	// Text is the unit's text in UTF-8: "Field: value" for headers
	// (unfolded, encoded words decoded, addresses normalised to
	// `Name <addr>, …`), and for HTML parts the text they reduce to. It is
	// valid only during the call.
	Text []byte
	// Body, for the other text parts, streams the decoded content in UTF-8
	// (so that a large part is never held in memory); Text is then nil.
	// It is valid only during the call; what is left unread is skipped.
	// Reading past Options.MaxBytes fails with a *LimitError.
	Body io.Reader
	// Names are the byte ranges in Text of display names, for address
	// headers.
	Names [][2]int
	// Skipped is set, with Text nil, for a part that is not text (an
	// image, a PDF): Reason says why it was not scanned.
	Skipped bool
	Reason  string
}

// Options bound the work for one message. Zero fields take the defaults.
type Options struct {
	MaxParts int   // MIME parts; default 10000
	MaxDepth int   // nesting of multiparts and attached messages; default 8
	MaxBytes int64 // decoded bytes in total; default 1 GiB
	MaxPart  int64 // decoded bytes of one part, held in memory; default 64 MiB
}

// Errors, wrapped in a *LimitError.
var (
	ErrTooManyParts = errors.New("too many MIME parts")
	ErrTooDeep      = errors.New("MIME parts nested too deep")
	ErrTooBig       = errors.New("decoded size too large")
)

// A LimitError reports a message beyond one of the Options.
type LimitError struct {
	Limit string // "max-parts", "max-depth" or "max-bytes"
	Value int64
	Err   error
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("mail: %v (limit %s=%d)", e.Err, e.Limit, e.Value)
}

// Unwrap returns the underlying error.
func (e *LimitError) Unwrap() error { return e.Err }

// scanned are the headers reduced to units; address headers carry display
// names.
var scanned = []string{"From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Thread-Topic",
	"X-Protective-Marking", "Comments", "Keywords", "Sensitivity"}

var addressHeaders = map[string]bool{"From": true, "Sender": true, "Reply-To": true, "To": true, "Cc": true, "Bcc": true}

// isMarkingHeader reports extra X- headers that carry classifications.
func isMarkingHeader(k string) bool {
	l := strings.ToLower(k)
	return strings.HasPrefix(l, "x-") && (strings.Contains(l, "marking") || strings.Contains(l, "classification") ||
		strings.Contains(l, "security-label") || strings.Contains(l, "sensitivity")) && l != "x-protective-marking"
}

type walker struct {
	opts  Options
	fn    func(*Unit) error
	parts int
	bytes int64
	id    string
	date  string
	dec   *mime.WordDecoder
}

// Walk reads one message from r and calls fn for each unit, headers first
// then body parts in order. An error from fn stops the walk and is
// returned. A malformed part gives an error naming the part; units before
// it have been delivered.
func Walk(r io.Reader, opts *Options, fn func(*Unit) error) error {
	w := &walker{fn: fn, dec: &mime.WordDecoder{CharsetReader: charsetReader}}
	if opts != nil {
		w.opts = *opts
	}
	if w.opts.MaxParts <= 0 {
		w.opts.MaxParts = 10000
	}
	if w.opts.MaxDepth <= 0 {
		w.opts.MaxDepth = 8
	}
	if w.opts.MaxBytes <= 0 {
		w.opts.MaxBytes = 1 << 30
	}
	if w.opts.MaxPart <= 0 {
		w.opts.MaxPart = 64 << 20
	}
	msg, err := mail.ReadMessage(bufio.NewReader(r))
	if err != nil {
		return fmt.Errorf("mail: reading headers: %w", quiet(err))
	}
	w.id = strings.Trim(strings.TrimSpace(msg.Header.Get("Message-Id")), "<>")
	w.date = strings.TrimSpace(msg.Header.Get("Date"))
	return w.message(msg.Header, msg.Body, "", 0)
}

// message walks a message's headers and body; part is its part number
// ("" for the top level).
func (w *walker) message(h mail.Header, body io.Reader, part string, depth int) error {
	if err := w.headers(h, part); err != nil {
		return err
	}
	return w.entity(h.Get, body, part, true, depth)
}

// join appends a part number component.
func join(prefix string, i int) string {
	if prefix == "" {
		return strconv.Itoa(i)
	}
	return prefix + "." + strconv.Itoa(i)
}

func (w *walker) headers(h mail.Header, part string) error {
	var keys []string
	keys = append(keys, scanned...)
	var extra []string
	for k := range h {
		if isMarkingHeader(k) {
			extra = append(extra, k)
		}
	}
	sortStrings(extra)
	keys = append(keys, extra...)
	for _, k := range keys {
		for _, v := range h[mailKey(k)] {
			u := &Unit{MessageID: w.id, Date: w.date, Part: part, Field: k}
			var b []byte
			b = append(b, k...)
			b = append(b, ": "...)
			if addressHeaders[k] {
				b, u.Names = w.addresses(b, v)
			} else {
				b = append(b, w.decodeHeader(v)...)
			}
			u.Text = b
			if err := w.fn(u); err != nil {
				return err
			}
		}
	}
	return nil
}

// mailKey canonicalises a header key as net/textproto does.
func mailKey(k string) string {
	return canonicalKey(k)
}

func (w *walker) decodeHeader(v string) string {
	v = unfold(v)
	if d, err := w.dec.DecodeHeader(v); err == nil {
		return d
	}
	return v
}

func unfold(v string) string {
	v = strings.ReplaceAll(v, "\r\n", "")
	return strings.ReplaceAll(v, "\n", "")
}

// addresses appends an address header's value as `Name <addr>, …` and
// returns the ranges of the display names.
func (w *walker) addresses(b []byte, v string) ([]byte, [][2]int) {
	p := mail.AddressParser{WordDecoder: w.dec}
	list, err := p.ParseList(unfold(v))
	if err != nil {
		return append(b, w.decodeHeader(v)...), nil
	}
	var names [][2]int
	for i, a := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		if a.Name != "" {
			names = append(names, [2]int{len(b), len(b) + len(a.Name)})
			b = append(b, a.Name...)
			b = append(b, ' ')
		}
		b = append(b, '<')
		b = append(b, a.Address...)
		b = append(b, '>')
	}
	return b, names
}

// entity walks one MIME entity with headers h (a lookup) and raw body.
// Parts are numbered as in IMAP (RFC 3501): the body of a message (root)
// numbers its multipart children 1, 2, … after the message's own number,
// or is part 1 itself when it is not multipart; a nested multipart at
// part P numbers its children P.1, P.2, ….
func (w *walker) entity(h func(string) string, body io.Reader, num string, root bool, depth int) error {
	part := num
	if part == "" {
		part = "1"
	}
	if depth > w.opts.MaxDepth {
		return &LimitError{Limit: "max-depth", Value: int64(w.opts.MaxDepth), Err: ErrTooDeep}
	}
	w.parts++
	if w.parts > w.opts.MaxParts {
		return &LimitError{Limit: "max-parts", Value: int64(w.opts.MaxParts), Err: ErrTooManyParts}
	}
	ct := h("Content-Type")
	media, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil {
		media, params = "text/plain", map[string]string{"charset": "us-ascii"}
		if err != nil && ct != "" {
			// A broken Content-Type: read it as text, as mail clients do.
			if cs := charsetParam(ct); cs != "" {
				params["charset"] = cs
			}
		}
	}
	media = strings.ToLower(media)
	switch {
	case strings.HasPrefix(media, "multipart/"):
		boundary := params["boundary"]
		if boundary == "" {
			return fmt.Errorf("mail: part %s: multipart without boundary", part)
		}
		mr := multipart.NewReader(body, boundary)
		for i := 1; ; i++ {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("mail: part %s: %w", part, quiet(err))
			}
			sub := num + "." + strconv.Itoa(i)
			if root {
				sub = join(num, i)
			}
			if err := w.entity(p.Header.Get, p, sub, false, depth+1); err != nil {
				return err
			}
		}
	case media == "message/rfc822" || media == "message/global":
		r, err := w.decoded(h, body)
		if err != nil {
			return fmt.Errorf("mail: part %s: %w", part, err)
		}
		msg, err := mail.ReadMessage(bufio.NewReader(r))
		if err != nil {
			return fmt.Errorf("mail: part %s: attached message: %w", part, quiet(err))
		}
		if root {
			num = join(num, 1)
		}
		return w.message(msg.Header, msg.Body, num, depth+1)
	}
	if root {
		num = join(num, 1)
	}
	u := &Unit{MessageID: w.id, Date: w.date, Part: num, ContentType: media}
	if !isText(media) {
		u.Skipped = true
		u.Reason = fmt.Sprintf("%s part not scanned", media)
		io.Copy(io.Discard, body)
		return w.fn(u)
	}
	r, err := w.decoded(h, body)
	if err != nil {
		return fmt.Errorf("mail: part %s: %w", u.Part, err)
	}
	if cs := params["charset"]; cs != "" && !isUTF8(cs) {
		if enc, err := htmlindex.Get(cs); err == nil {
			r = enc.NewDecoder().Reader(r)
		}
	}
	if media != "text/html" {
		br := &budget{r: r, w: w, part: u.Part}
		u.Body = br
		err := w.fn(u)
		if err == nil {
			_, err = io.Copy(io.Discard, br)
		}
		return err
	}
	remaining := w.opts.MaxBytes - w.bytes
	lim := min(remaining, w.opts.MaxPart)
	data, err := io.ReadAll(io.LimitReader(r, lim+1))
	w.bytes += int64(len(data))
	if int64(len(data)) > lim {
		if lim == w.opts.MaxPart {
			return &LimitError{Limit: "max-message", Value: w.opts.MaxPart, Err: ErrTooBig}
		}
		return &LimitError{Limit: "max-bytes", Value: w.opts.MaxBytes, Err: ErrTooBig}
	}
	if err != nil {
		return fmt.Errorf("mail: part %s: %w", u.Part, err)
	}
	if media == "text/html" {
		data = HTMLText(data)
	}
	u.Text = data
	return w.fn(u)
}

func charsetParam(ct string) string {
	l := strings.ToLower(ct)
	i := strings.Index(l, "charset=")
	if i < 0 {
		return ""
	}
	v := strings.Trim(ct[i+len("charset="):], `"' `)
	if j := strings.IndexAny(v, `;" `); j >= 0 {
		v = v[:j]
	}
	return v
}

func isUTF8(cs string) bool {
	switch strings.ToLower(cs) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

// isText reports the media types scanned as text.
func isText(media string) bool {
	switch {
	case strings.HasPrefix(media, "text/"):
		return true
	case media == "application/json", media == "application/xml", media == "application/csv",
		media == "message/delivery-status", media == "message/disposition-notification":
		return true
	}
	return false
}

// decoded undoes the Content-Transfer-Encoding.
func (w *walker) decoded(h func(string) string, body io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(h("Content-Transfer-Encoding"))) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &b64clean{r: body}), nil
	case "quoted-printable":
		return quotedprintable.NewReader(body), nil
	}
	return body, nil
}

// b64clean drops bytes that are not in the base64 alphabet (spaces, stray
// line breaks), as mail clients do.
type b64clean struct{ r io.Reader }

func (c *b64clean) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		j := 0
		for _, b := range p[:n] {
			if 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '+' || b == '/' || b == '=' {
				p[j] = b
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, err
	}
	return enc.NewDecoder().Reader(input), nil
}

// canonicalKey is textproto.CanonicalMIMEHeaderKey for ASCII keys.
func canonicalKey(k string) string {
	b := []byte(k)
	upper := true
	for i, c := range b {
		if upper && 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
		upper = c == '-'
	}
	return string(b)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// errMalformedHeader replaces errors that quote the input: net/textproto
// puts the offending header line in its message, and header lines carry
// names and addresses, which must not reach logs.
var errMalformedHeader = errors.New("malformed MIME header line")

// quiet returns err, or a generic error when err's text would quote input.
func quiet(err error) error {
	var pe textproto.ProtocolError
	if errors.As(err, &pe) || strings.Contains(err.Error(), "malformed ") {
		return errMalformedHeader
	}
	return err
}

// budget counts the decoded bytes of a streamed part against MaxBytes.
// Read errors other than io.EOF name the part.
type budget struct {
	r    io.Reader
	w    *walker
	part string
}

func (b *budget) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.w.bytes += int64(n)
	if b.w.bytes > b.w.opts.MaxBytes {
		return n, &LimitError{Limit: "max-bytes", Value: b.w.opts.MaxBytes, Err: ErrTooBig}
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("mail: part %s: %w", b.part, quiet(err))
	}
	return n, err
}
