package source

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
	"github.com/tidemark/tidemark/detect/source/whatsapp"
)

// RedactOptions configure Redact.
type RedactOptions struct {
	Options
	// Values replaces a whole value that the format itself says is
	// personal data: a chat sender (kind person.name or phone), an e-mail
	// display name (person.name) or address (email). It must return a
	// non-empty replacement. Nil means NewValueRedactor with a Tag
	// operator ("[PERSON_NAME]", "[EMAIL]").
	Values func(kind detect.Kind, value string) string
}

// Redact writes to w a redacted copy of the input read from r, in the
// input's own format, with every finding of red's engine replaced:
//
//   - plain text: the text, decoded to UTF-8, with the findings replaced
//     (redact.Redactor.Copy, streaming);
//   - WhatsApp chats: still a chat; each message's header line is kept,
//     its sender replaced by Values, its text redacted;
//   - e-mail and mbox: still valid messages; address headers are rebuilt
//     with names and addresses replaced by Values, other headers and text
//     parts (decoded, then written as UTF-8 quoted-printable) redacted,
//     and parts that cannot be redacted (images, PDFs) replaced by a short
//     text/plain note; DKIM and ARC signatures are dropped;
//   - CSV (and TSV): the file as it is, with exactly the findings Scan
//     reports replaced: the fields are scanned labelled by their column
//     header, and quotes, delimiters and line ends are never replaced, so
//     every record keeps its fields (with a Remove operator a field that
//     is all finding becomes empty, and a record of one such field an
//     empty line); replacements are escaped for their field.
//     The output is UTF-8, with a byte-order mark if the input had one;
//   - .zip archives: a new archive of the redacted members, media members
//     dropped.
//
// Errors are reported like Scan's; a unit that fails is left out of the
// output (for a mailbox, the message; for an archive, the member).
func Redact(red *redact.Redactor, name string, r io.Reader, w io.Writer, opts *RedactOptions) error {
	var ro RedactOptions
	if opts != nil {
		ro = *opts
	}
	if ro.Values == nil {
		ro.Values = NewValueRedactor(redact.Options{Default: redact.Tag("")})
	}
	s := newRun(nil, &ro.Options, nil)
	x := &redactor{s: s, red: red, values: ro.Values}
	loc := Location{Path: name}
	err := x.input(&loc, name, r, w, ro.Format, 0)
	return s.finish(err)
}

type redactor struct {
	s      *run
	red    *redact.Redactor
	values func(detect.Kind, string) string
}

func (x *redactor) input(loc *Location, name string, r io.Reader, w io.Writer, format Format, depth int) error {
	br := bufio.NewReaderSize(r, 16<<10)
	if format == Auto {
		head, _ := br.Peek(8 << 10)
		format = Sniff(name, head)
	}
	loc.Format = format
	switch format {
	case Zip:
		return x.zip(loc, br, w, depth)
	case WhatsApp:
		return x.chat(loc, br, w)
	case Mbox:
		return x.mbox(loc, br, w)
	case EML:
		ml := *loc
		ml.Message = 1
		data, err := readLimited(br, x.s.lim.MaxMessage, &ml, "max-message")
		if err != nil {
			return err
		}
		out, err := x.message(data, 0)
		if err != nil {
			return &Error{Path: unitPath(&ml), Err: err}
		}
		_, err = w.Write(out)
		return err
	case CSV:
		return x.csv(loc, br, w)
	}
	_, err := x.red.Copy(w, decodeText(br))
	if errors.Is(err, detect.ErrBinary) {
		x.s.skip(loc, err)
		return nil
	}
	return err
}

// csv redacts a delimited file with the labelled view Scan scans (see
// csv.go), so that every finding Scan reports is replaced, in the
// decoded text, outside the file's structure (csvSyntax).
func (x *redactor) csv(loc *Location, br *bufio.Reader, w io.Writer) error {
	head, _ := br.Peek(3)
	bom := bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}) || bytes.HasPrefix(head, []byte{0xff, 0xfe}) ||
		bytes.HasPrefix(head, []byte{0xfe, 0xff})
	var pw *prefixWriter
	if bom {
		// The decoder drops it; a spreadsheet wants it to read UTF-8.
		pw = &prefixWriter{w: w, prefix: []byte{0xef, 0xbb, 0xbf}}
		w = pw
	}
	syn := &csvSyntax{}
	view := &redact.View{
		Scan: func(in io.Reader) io.Reader {
			syn.l = newLabeller(in)
			return syn.l
		},
		Syntax: syn,
	}
	_, err := x.red.CopyView(w, decodeText(br), view)
	if errors.Is(err, detect.ErrBinary) {
		x.s.skip(loc, err)
		return nil
	}
	if err == nil && pw != nil {
		err = pw.flush() // a file of nothing but its mark
	}
	return err
}

// prefixWriter writes prefix before the first bytes written through it,
// or at flush if there were none.
type prefixWriter struct {
	w      io.Writer
	prefix []byte
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	if len(b) > 0 {
		if err := p.flush(); err != nil {
			return 0, err
		}
	}
	return p.w.Write(b)
}

func (p *prefixWriter) flush() error {
	if len(p.prefix) == 0 {
		return nil
	}
	_, err := p.w.Write(p.prefix)
	p.prefix = nil
	return err
}

func readLimited(r io.Reader, limit int64, loc *Location, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &LimitError{Path: displayPath(loc), Limit: name, Value: limit}
	}
	return data, nil
}

// chat rewrites a chat message by message. The chat is held in memory
// (up to MaxMessage) and read twice: first to learn its senders, whose
// names are then replaced wherever they occur as whole words (system
// lines, mentions), then to rewrite it.
func (x *redactor) chat(loc *Location, r io.Reader, w io.Writer) error {
	data, err := readLimited(decodeText(r), x.s.lim.MaxMessage, loc, "max-message")
	if err != nil {
		return err
	}
	wopts := &whatsapp.Options{MaxLine: x.s.lim.MaxLine, MaxMessage: x.s.lim.MaxMessage}
	limitErr := func(err error) error {
		var pe *whatsapp.ParseError
		if errors.As(err, &pe) && pe.Limit > 0 {
			lim := "max-line"
			if errors.Is(err, whatsapp.ErrMessageTooLong) {
				lim = "max-message"
			}
			return &LimitError{Path: displayPath(loc), Limit: lim, Value: pe.Limit, Line: pe.Line}
		}
		return err
	}
	// Pass 1: senders.
	tokens := map[string]string{}
	var names []string
	wr := whatsapp.NewReader(bytes.NewReader(data), wopts)
	for {
		m, err := wr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return limitErr(err)
		}
		if m.Sender != "" && tokens[m.Sender] == "" && !IsToken(m.Sender) {
			tokens[m.Sender] = x.values(senderKind(m.Sender), m.Sender)
			names = append(names, m.Sender)
		}
	}
	// Longest first, so "Alice Example" wins over "Alice".
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	// Pass 2: rewrite.
	bw := bufio.NewWriter(w)
	wr = whatsapp.NewReader(bytes.NewReader(data), wopts)
	for {
		m, err := wr.Next()
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			bw.Flush()
			return limitErr(err)
		}
		head := m.Head
		if tok := tokens[m.Sender]; tok != "" {
			i := m.SenderStart
			bw.Write(head[:i])
			bw.WriteString(tok)
			bw.Write(head[i+len(m.Sender):])
		} else {
			bw.Write(head)
		}
		body, err := x.red.Bytes(replaceNames(m.Body, names, tokens))
		if errors.Is(err, detect.ErrBinary) {
			body, err = []byte("[binary content removed]"), nil
		}
		if err != nil {
			return err
		}
		bw.Write(body)
		bw.Write(m.EOL)
	}
}

// replaceNames replaces whole-word occurrences of names with their tokens.
func replaceNames(b []byte, names []string, tokens map[string]string) []byte {
	for _, n := range names {
		if !bytes.Contains(b, []byte(n)) {
			continue
		}
		var out []byte
		rest := b
		for {
			i := bytes.Index(rest, []byte(n))
			if i < 0 {
				break
			}
			end := i + len(n)
			if (i > 0 && isWordByte(rest[i-1])) || (end < len(rest) && isWordByte(rest[end])) {
				out = append(out, rest[:end]...)
				rest = rest[end:]
				continue
			}
			out = append(out, rest[:i]...)
			out = append(out, tokens[n]...)
			rest = rest[end:]
		}
		b = append(out, rest...)
	}
	return b
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c >= 0x80
}

// mbox rewrites a mailbox message by message (mboxrd escaping).
func (x *redactor) mbox(loc *Location, r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	first := true
	return x.s.mboxMessages(loc, r, func(ml *Location, from, msg []byte, tooBig bool) error {
		if tooBig {
			return x.s.unitErr(ml, &LimitError{Path: unitPath(ml), Limit: "max-message", Value: x.s.lim.MaxMessage, Line: ml.Line})
		}
		out, err := x.message(msg, 0)
		if err != nil {
			return x.s.unitErr(ml, &Error{Path: unitPath(ml), Err: err})
		}
		if !first {
			bw.WriteString("\n")
		}
		first = false
		bw.WriteString(x.fromLine(from))
		for len(out) > 0 {
			i := bytes.IndexByte(out, '\n')
			line := out
			if i >= 0 {
				line, out = out[:i+1], out[i+1:]
			} else {
				out = nil
			}
			if t := bytes.TrimLeft(line, ">"); bytes.HasPrefix(t, []byte("From ")) {
				bw.WriteByte('>')
			}
			bw.Write(line)
		}
		if !bytes.HasSuffix(msg, []byte("\n")) {
			bw.WriteByte('\n')
		}
		return nil
	})
}

// fromLine rewrites an mbox separator "From sender date", replacing the
// envelope sender.
func (x *redactor) fromLine(from []byte) string {
	if from == nil {
		return "From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n"
	}
	f := strings.TrimRight(string(from), "\r\n")
	rest := strings.TrimPrefix(f, "From ")
	sender, date, _ := strings.Cut(rest, " ")
	if strings.Contains(sender, "@") {
		sender = x.address(sender)
	}
	return "From " + sender + " " + date + "\n"
}

// address replaces an e-mail address with one that is still an address.
func (x *redactor) address(a string) string {
	v := x.values("email", a)
	if _, err := mail.ParseAddress(v); err == nil && strings.Contains(v, "@") {
		return v
	}
	local := strings.ToLower(nonToken.ReplaceAllString(strings.Trim(v, "[]"), "_"))
	if local == "" {
		local = "redacted"
	}
	return local + "@redacted.invalid"
}

var nonToken = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// Header handling for redacted messages.
var (
	dropHeaders = map[string]bool{"Dkim-Signature": true, "Arc-Seal": true, "Arc-Message-Signature": true,
		"Arc-Authentication-Results": true, "X-Google-Dkim-Signature": true}
	keepHeaders = map[string]bool{"Date": true, "Message-Id": true, "In-Reply-To": true, "References": true,
		"Mime-Version": true, "Content-Type": true, "Content-Transfer-Encoding": true, "Content-Disposition": true,
		"Content-Id": true}
)

type field struct{ name, value string }

// splitMessage splits a raw message into its header fields (unfolded) and
// body.
func splitMessage(raw []byte) ([]field, []byte, error) {
	var fields []field
	var body []byte
	// Read the header block line by line to keep order and duplicates.
	i := 0
	for i < len(raw) {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			j = len(raw) - i
		}
		line := strings.TrimRight(string(raw[i:i+j]), "\r")
		next := i + j + 1
		if line == "" {
			body = raw[min(next, len(raw)):]
			break
		}
		if (line[0] == ' ' || line[0] == '\t') && len(fields) > 0 {
			fields[len(fields)-1].value += " " + strings.TrimSpace(line)
		} else {
			k, v, ok := strings.Cut(line, ":")
			if !ok || strings.ContainsAny(k, " \t") {
				return nil, nil, fmt.Errorf("malformed header line %d", len(fields)+1)
			}
			fields = append(fields, field{textproto.CanonicalMIMEHeaderKey(k), strings.TrimSpace(v)})
		}
		i = next
	}
	return fields, body, nil
}

var wordDecoder = &mime.WordDecoder{CharsetReader: func(cs string, r io.Reader) (io.Reader, error) {
	return charsetDecoder(cs, r)
}}

// message redacts one raw RFC 5322 message.
func (x *redactor) message(raw []byte, depth int) ([]byte, error) {
	if depth > x.s.lim.MaxDepth {
		return nil, &LimitError{Limit: "max-depth", Value: int64(x.s.lim.MaxDepth)}
	}
	fields, body, err := splitMessage(raw)
	if err != nil {
		return nil, err
	}
	get := func(k string) string {
		for _, f := range fields {
			if f.name == k {
				return f.value
			}
		}
		return ""
	}
	ct, cte, newBody, err := x.entity(get("Content-Type"), get("Content-Transfer-Encoding"), body, depth)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	wroteCT := false
	for _, f := range fields {
		switch {
		case dropHeaders[f.name]:
			continue
		case f.name == "Content-Type":
			if !wroteCT {
				writeField(&out, "Content-Type", ct)
				wroteCT = true
			}
			continue
		case f.name == "Content-Transfer-Encoding":
			continue
		case keepHeaders[f.name]:
			writeField(&out, f.name, f.value)
		case addressHeader(f.name):
			writeField(&out, f.name, x.addresses(f.value))
		default:
			writeField(&out, f.name, x.headerText(f.value))
		}
	}
	if !wroteCT && ct != "" {
		writeField(&out, "Content-Type", ct)
	}
	if cte != "" {
		writeField(&out, "Content-Transfer-Encoding", cte)
	}
	out.WriteString("\n")
	out.Write(newBody)
	return out.Bytes(), nil
}

func addressHeader(k string) bool {
	switch k {
	case "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Return-Path", "Delivered-To", "Resent-From", "Resent-To":
		return true
	}
	return false
}

func writeField(b *bytes.Buffer, k, v string) {
	b.WriteString(k)
	b.WriteString(": ")
	b.WriteString(v)
	b.WriteString("\n")
}

// headerText redacts an unstructured header value, re-encoding it as an
// RFC 2047 word when it is not ASCII.
func (x *redactor) headerText(v string) string {
	dec, err := wordDecoder.DecodeHeader(v)
	if err != nil {
		dec = v
	}
	out, err := x.red.Bytes([]byte(dec))
	if err != nil {
		out = []byte("[redacted]")
	}
	s := string(out)
	if s == dec {
		return v // unchanged: keep the original encoding
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return mime.QEncoding.Encode("utf-8", s)
		}
	}
	return s
}

// addresses rebuilds an address list with names and addresses replaced.
func (x *redactor) addresses(v string) string {
	p := mail.AddressParser{WordDecoder: wordDecoder}
	list, err := p.ParseList(v)
	if err != nil {
		if a := strings.Trim(v, "<> "); strings.Count(a, "@") == 1 && !strings.ContainsAny(a, " ,") {
			return "<" + x.address(a) + ">" // Return-Path: <a@b>
		}
		return x.headerText(v)
	}
	parts := make([]string, len(list))
	for i, a := range list {
		na := mail.Address{Address: x.address(a.Address)}
		if a.Name != "" {
			na.Name = x.values("person.name", a.Name)
		}
		parts[i] = na.String()
	}
	return strings.Join(parts, ", ")
}

// entity redacts a MIME entity's body. It returns the Content-Type and
// Content-Transfer-Encoding to write for it (empty: omit) and the body.
func (x *redactor) entity(ct, cte string, body []byte, depth int) (string, string, []byte, error) {
	x.s.parts++
	if x.s.parts > x.s.lim.MaxParts {
		return "", "", nil, &LimitError{Limit: "max-parts", Value: int64(x.s.lim.MaxParts)}
	}
	media, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil {
		media, params = "text/plain", map[string]string{}
		if cs := charsetOf(ct); cs != "" {
			params["charset"] = cs
		}
	}
	media = strings.ToLower(media)
	switch {
	case strings.HasPrefix(media, "multipart/"):
		boundary := params["boundary"]
		if boundary == "" {
			return "", "", nil, errors.New("multipart without boundary")
		}
		if depth+1 > x.s.lim.MaxDepth {
			return "", "", nil, &LimitError{Limit: "max-depth", Value: int64(x.s.lim.MaxDepth)}
		}
		var out bytes.Buffer
		mr := multipart.NewReader(bytes.NewReader(body), boundary)
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return "", "", nil, err
			}
			data, err := io.ReadAll(io.LimitReader(p, x.s.lim.MaxMessage+1))
			if err != nil {
				return "", "", nil, err
			}
			pct, pcte, pbody, err := x.entity(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), data, depth+1)
			if err != nil {
				return "", "", nil, err
			}
			fmt.Fprintf(&out, "--%s\n", boundary)
			if pct != "" {
				writeField(&out, "Content-Type", pct)
			}
			if pcte != "" {
				writeField(&out, "Content-Transfer-Encoding", pcte)
			}
			if d := p.Header.Get("Content-Disposition"); d != "" && strings.HasPrefix(pct, "text/") {
				if disp, _, err := mime.ParseMediaType(d); err == nil {
					writeField(&out, "Content-Disposition", disp)
				}
			}
			out.WriteString("\n")
			out.Write(pbody)
			if !bytes.HasSuffix(pbody, []byte("\n")) {
				out.WriteString("\n")
			}
		}
		fmt.Fprintf(&out, "--%s--\n", boundary)
		return mime.FormatMediaType(media, map[string]string{"boundary": boundary}), "", out.Bytes(), nil
	case media == "message/rfc822" || media == "message/global":
		dec, err := decodeCTE(cte, body)
		if err != nil {
			return "", "", nil, err
		}
		inner, err := x.message(dec, depth+1)
		if err != nil {
			return "", "", nil, err
		}
		return media, "8bit", inner, nil
	case !isTextMedia(media):
		note := fmt.Sprintf("[%s attachment removed by tidemark redact]\n", media)
		return "text/plain; charset=utf-8", "7bit", []byte(note), nil
	}
	dec, err := decodeCTE(cte, body)
	if err != nil {
		return "", "", nil, err
	}
	if cs := params["charset"]; cs != "" && !isUTF8Name(cs) {
		r, err := charsetDecoder(cs, bytes.NewReader(dec))
		if err == nil {
			if d, err := io.ReadAll(r); err == nil {
				dec = d
			}
		}
	}
	if media == "text/html" {
		dec = normalizeHTMLText(dec)
	}
	red, err := x.red.Bytes(dec)
	if errors.Is(err, detect.ErrBinary) {
		red, err = []byte("[binary content removed by tidemark redact]\n"), nil
	}
	if err != nil {
		return "", "", nil, err
	}
	var qp bytes.Buffer
	qw := quotedprintable.NewWriter(&qp)
	qw.Write(red)
	qw.Close()
	out := bytes.ReplaceAll(qp.Bytes(), []byte("\r\n"), []byte("\n"))
	np := map[string]string{"charset": "utf-8"}
	if f, ok := params["format"]; ok {
		np["format"] = f
	}
	return mime.FormatMediaType(media, np), "quoted-printable", out, nil
}

func charsetOf(ct string) string {
	l := strings.ToLower(ct)
	i := strings.Index(l, "charset=")
	if i < 0 {
		return ""
	}
	v := strings.Trim(ct[i+8:], `"' `)
	if j := strings.IndexAny(v, `;" `); j >= 0 {
		v = v[:j]
	}
	return v
}

func isUTF8Name(cs string) bool {
	switch strings.ToLower(cs) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

func isTextMedia(m string) bool {
	return strings.HasPrefix(m, "text/") || m == "application/json" || m == "application/xml" || m == "application/csv"
}

func decodeCTE(cte string, body []byte) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		clean := make([]byte, 0, len(body))
		for _, b := range body {
			if 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '+' || b == '/' || b == '=' {
				clean = append(clean, b)
			}
		}
		out := make([]byte, len(clean))
		n, err := base64Decode(out, clean)
		return out[:n], err
	case "quoted-printable":
		return io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
	}
	return body, nil
}

// zip writes a new archive of the redacted members.
func (x *redactor) zip(loc *Location, r io.Reader, w io.Writer, depth int) error {
	if depth >= x.s.lim.MaxDepth {
		return &LimitError{Path: displayPath(loc), Limit: "max-depth", Value: int64(x.s.lim.MaxDepth)}
	}
	data, err := readLimited(r, x.s.lim.MaxMessage, loc, "max-message")
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return &Error{Path: displayPath(loc), Err: fmt.Errorf("reading zip: %w", err)}
	}
	zw := zip.NewWriter(w)
	media := 0
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		ml := *loc
		if ml.Entry == "" {
			ml.Entry = f.Name
		} else {
			ml.Entry += "!" + f.Name
		}
		if err := x.s.countPart(&ml); err != nil {
			zw.Close()
			return err
		}
		if skipMember(f.Name) {
			media++
			continue
		}
		remaining := x.s.lim.MaxBytes - x.s.bytes
		if remaining <= 0 || f.UncompressedSize64 > uint64(remaining) {
			zw.Close()
			return &LimitError{Path: displayPath(&ml), Limit: "max-bytes", Value: x.s.lim.MaxBytes}
		}
		var buf bytes.Buffer
		err := func() error {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return x.input(&ml, f.Name, x.s.budget(&ml, rc), &buf, Auto, depth+1)
		}()
		if err != nil {
			if err := x.s.unitErr(&ml, err); err != nil {
				return err
			}
			continue
		}
		hw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		hw.Write(buf.Bytes())
	}
	if media > 0 {
		x.s.skip(loc, fmt.Errorf("%d media file(s) left out of the redacted archive", media))
	}
	return zw.Close()
}

// NewValueRedactor returns a Values function for RedactOptions that
// replaces a whole value as a finding of the given kind would be by a
// Redactor with opts: with the same key and a Pseudonym operator, a
// sender's name gets the same token as the same name found in a message.
func NewValueRedactor(opts redact.Options) func(kind detect.Kind, value string) string {
	var mu sync.Mutex
	reds := map[detect.Kind]*redact.Redactor{}
	return func(kind detect.Kind, value string) string {
		mu.Lock()
		red := reds[kind]
		if red == nil {
			eng := detect.MustCompile([]detect.Detector{wholeValue(kind)}, &detect.Options{Binary: detect.BinaryScan})
			red = redact.New(eng, opts)
			reds[kind] = red
		}
		mu.Unlock()
		if len(value) > wholeMax-1 {
			value = value[:wholeMax-1]
		}
		// A leading mark byte is the detector's trigger; the match is the
		// value after it, so its token is the one the value gets anywhere.
		out, err := red.Bytes(append([]byte{wholeMark}, value...))
		if len(out) > 0 && out[0] == wholeMark {
			out = out[1:]
		}
		if err != nil || len(out) == 0 {
			return "[" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(string(kind))) + "]"
		}
		return string(out)
	}
}

const (
	wholeMax  = 1024 // longest value replaced whole
	wholeMark = 0x01 // byte put before the value
)

// wholeValue reports its whole input after the leading wholeMark, when
// short, as one finding of kind.
func wholeValue(kind detect.Kind) detect.Detector {
	return detect.Func(detect.Spec{ID: "source/value", Kind: kind, MaxLen: wholeMax,
		Triggers: detect.Triggers{Bytes: string(rune(wholeMark))}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			if w.AtStart && w.AtEnd && len(t) > 1 && len(t) <= wholeMax && t[0] == wholeMark {
				dst = append(dst, detect.Finding{Start: w.Base + 1, End: w.Base + int64(len(t)), Score: 100})
			}
			return dst, nil
		})
}

// normalizeHTMLText decodes character references in the text between tags
// (re-escaping only what HTML needs) and turns no-break spaces into
// spaces, so that detectors see "020 7946 0777" where the HTML said
// "020&nbsp;7946&nbsp;0777". Markup is left as it is.
func normalizeHTMLText(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for len(src) > 0 {
		lt := bytes.IndexByte(src, '<')
		if lt < 0 {
			lt = len(src)
		}
		if lt > 0 {
			t := html.UnescapeString(string(src[:lt]))
			t = strings.ReplaceAll(t, "\u00a0", " ")
			out = append(out, htmlEscaper.Replace(t)...)
			src = src[lt:]
			continue
		}
		gt := bytes.IndexByte(src, '>')
		if gt < 0 {
			gt = len(src) - 1
		}
		out = append(out, src[:gt+1]...)
		src = src[gt+1:]
	}
	return out
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// IsToken reports whether s is a redaction token written by package
// redact ("[PERSON_NAME]", "[EMAIL_3f9a1c2e]"): scanning a redacted file
// should not report its tokens as names.
func IsToken(s string) bool {
	if len(s) < 3 || s[0] != '[' || s[len(s)-1] != ']' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || c == '_') {
			return false
		}
	}
	return true
}
