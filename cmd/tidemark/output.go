package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source"
	"github.com/tidemark/tidemark/markings"
)

// A record is one finding as written in the jsonl and csv formats. Its
// JSON form is documented by schema/finding.schema.json: add fields, never
// rename or remove them.
type record struct {
	Type        string       `json:"type"` // "finding"
	Path        string       `json:"path"`
	Entry       string       `json:"entry,omitempty"`
	Format      string       `json:"format"`
	Message     int          `json:"message,omitempty"`
	Sender      string       `json:"sender,omitempty"`
	Time        string       `json:"time,omitempty"`
	MessageID   string       `json:"message_id,omitempty"`
	Part        string       `json:"part,omitempty"`
	ContentType string       `json:"content_type,omitempty"`
	Field       string       `json:"field,omitempty"`
	Start       int64        `json:"start"`
	End         int64        `json:"end"`
	Line        int64        `json:"line"`
	Kind        string       `json:"kind"`
	Detector    string       `json:"detector"`
	Score       int          `json:"score"`
	Value       string       `json:"value"`
	Masked      bool         `json:"masked"`
	Marking     *markingJSON `json:"marking,omitempty"`
}

func newRecord(f *scanFlags, eng *detect.Engine, sf *source.Finding, match []byte) *record {
	l := sf.Loc
	r := &record{
		Type: "finding", Path: l.Path, Entry: l.Entry, Format: string(l.Format),
		Message: l.Message, Sender: l.Sender, Time: l.Time, MessageID: l.MessageID,
		Part: l.Part, ContentType: l.ContentType, Field: l.Field,
		Start: sf.Start, End: sf.End, Line: sf.Line,
		Kind: string(sf.Kind), Detector: sf.Rule, Score: sf.Score,
		Value: string(match), Masked: !f.showValues,
	}
	if isMarking(sf.Kind) {
		r.Marking = markingDetail(eng, sf.Finding, match)
	}
	if !f.showValues {
		r.Value = mask(sf.Kind, r.Value)
		if r.Sender != "" {
			k := detect.Kind("person.name")
			if senderLooksLikePhone(r.Sender) {
				k = "phone"
			}
			r.Sender = mask(k, r.Sender)
		}
		r.Masked = true
	}
	return r
}

func isMarking(k detect.Kind) bool { return k == "marking" || strings.HasPrefix(string(k), "marking.") }

func senderLooksLikePhone(s string) bool {
	d := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			d++
		} else if s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return d >= 7
}

// A writer writes the results of a scan in one format.
type writer interface {
	begin(path string) // an input starts
	finding(r *record) // a finding, in order
	end(path string)   // the input is done
	close() error      // the scan is done
}

func newWriter(e *env, f *scanFlags, eng *detect.Engine) writer {
	bw := bufio.NewWriterSize(e.stdout, 64<<10)
	sum := &summarizer{enabled: f.summary}
	switch f.format {
	case "jsonl":
		return &jsonlWriter{w: bw, sum: sum}
	case "csv":
		cw := csv.NewWriter(bw)
		return &csvWriter{bw: bw, w: cw, sum: sum}
	case "sarif":
		return newSARIFWriter(bw, eng)
	}
	color := f.color == "always" || f.color == "auto" && e.stdoutTTY
	tw := &textWriter{w: bw, color: color, sum: sum}
	if !e.stdoutTTY {
		fmt.Fprintln(bw, "# tidemark text output is for people and may change: use --format jsonl in programs")
	}
	return tw
}

// ---- summaries

// A unitSummary summarises one file, conversation or mailbox.
type unitSummary struct {
	Type     string         `json:"type"` // "summary"
	Path     string         `json:"path"`
	Entry    string         `json:"entry,omitempty"`
	Format   string         `json:"format"`
	Scope    string         `json:"scope"` // file, conversation or mailbox
	Findings int            `json:"findings"`
	Kinds    map[string]int `json:"kinds"`
	// HighestMarking is the highest protective marking found, as written.
	HighestMarking string `json:"highest_marking,omitempty"`
	// TopMessages are the messages with most findings, most first.
	TopMessages []messageCount `json:"top_messages,omitempty"`

	markScore int
	parsed    []markings.Marking
	msgs      map[int]*messageCount
}

type messageCount struct {
	Message  int    `json:"message"`
	Sender   string `json:"sender,omitempty"`
	Findings int    `json:"findings"`
}

type summarizer struct {
	enabled bool
	cur     *unitSummary
}

func scopeOf(format string) string {
	switch format {
	case "whatsapp":
		return "conversation"
	case "mbox":
		return "mailbox"
	}
	return "file"
}

// add counts r, returning the summary of the previous unit when r starts
// a new one.
func (s *summarizer) add(r *record) *unitSummary {
	if !s.enabled {
		return nil
	}
	var done *unitSummary
	if s.cur != nil && (s.cur.Path != r.Path || s.cur.Entry != r.Entry) {
		done = s.flush()
	}
	if s.cur == nil {
		s.cur = &unitSummary{Type: "summary", Path: r.Path, Entry: r.Entry, Format: r.Format,
			Scope: scopeOf(r.Format), Kinds: map[string]int{}, msgs: map[int]*messageCount{}}
	}
	u := s.cur
	u.Findings++
	u.Kinds[r.Kind]++
	if isMarking(detect.Kind(r.Kind)) {
		if r.Marking != nil {
			u.parsed = append(u.parsed, r.Marking.m)
		} else if u.HighestMarking == "" || r.Score > u.markScore {
			// No parsed detail (a custom marking detector): the
			// highest-scoring match stands in.
			u.HighestMarking, u.markScore = r.Value, r.Score
		}
	}
	if r.Message > 0 {
		m := u.msgs[r.Message]
		if m == nil {
			m = &messageCount{Message: r.Message, Sender: r.Sender}
			u.msgs[r.Message] = m
		}
		m.Findings++
	}
	return done
}

func (s *summarizer) flush() *unitSummary {
	u := s.cur
	s.cur = nil
	if u == nil {
		return nil
	}
	if len(u.parsed) > 0 {
		// markings.Highest ranks by severity, applied over mentioned.
		u.HighestMarking = markings.Highest(u.parsed).Canonical()
	}
	for _, m := range u.msgs {
		u.TopMessages = append(u.TopMessages, *m)
	}
	slices.SortFunc(u.TopMessages, func(a, b messageCount) int {
		return cmp.Or(cmp.Compare(b.Findings, a.Findings), cmp.Compare(a.Message, b.Message))
	})
	if len(u.TopMessages) > 5 {
		u.TopMessages = u.TopMessages[:5]
	}
	return u
}

func sortedKinds(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	return ks
}

// ---- jsonl

type jsonlWriter struct {
	w   *bufio.Writer
	sum *summarizer
	err error
}

func (j *jsonlWriter) begin(string) {}

func (j *jsonlWriter) write(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		j.err = err
		return
	}
	j.w.Write(b)
	j.w.WriteByte('\n')
}

func (j *jsonlWriter) finding(r *record) {
	if u := j.sum.add(r); u != nil {
		j.write(u)
	}
	j.write(r)
}

func (j *jsonlWriter) end(string) {
	if u := j.sum.flush(); u != nil {
		j.write(u)
	}
}

func (j *jsonlWriter) close() error {
	if err := j.w.Flush(); err != nil {
		return err
	}
	return j.err
}

// ---- csv

var csvHeader = []string{"path", "entry", "format", "message", "sender", "time", "message_id", "part",
	"field", "line", "start", "end", "kind", "detector", "score", "value"}

type csvWriter struct {
	bw     *bufio.Writer
	w      *csv.Writer
	sum    *summarizer
	header bool
}

func (c *csvWriter) begin(string) {}

func (c *csvWriter) finding(r *record) {
	if !c.header {
		c.w.Write(csvHeader)
		c.header = true
	}
	msg := ""
	if r.Message > 0 {
		msg = strconv.Itoa(r.Message)
	}
	c.w.Write([]string{r.Path, r.Entry, r.Format, msg, csvSafe(r.Sender), csvSafe(r.Time), csvSafe(r.MessageID),
		r.Part, r.Field, strconv.FormatInt(r.Line, 10), strconv.FormatInt(r.Start, 10),
		strconv.FormatInt(r.End, 10), r.Kind, r.Detector, strconv.Itoa(r.Score), csvSafe(r.Value)})
}

// csvSafe defuses values a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c *csvWriter) end(string) {}

func (c *csvWriter) close() error {
	if !c.header {
		c.w.Write(csvHeader)
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// ---- text

type textWriter struct {
	w     *bufio.Writer
	color bool
	sum   *summarizer

	unit    string // path!entry of the current group
	message int    // current message, 0 for none
	any     bool
}

const (
	cReset = "\x1b[0m"
	cBold  = "\x1b[1m"
	cDim   = "\x1b[2m"
	cRed   = "\x1b[31m"
	cCyan  = "\x1b[36m"
)

func (t *textWriter) paint(c, s string) string {
	if !t.color {
		return s
	}
	return c + s + cReset
}

func (t *textWriter) begin(string) { t.unit, t.message = "", -1 }

func (t *textWriter) finding(r *record) {
	if u := t.sum.add(r); u != nil {
		t.summary(u)
	}
	unit := r.Path
	if r.Entry != "" {
		unit += "!" + r.Entry
	}
	if unit != t.unit {
		if t.any {
			t.w.WriteByte('\n')
		}
		fmt.Fprintf(t.w, "%s %s\n", t.paint(cBold, unit), t.paint(cDim, "("+r.Format+")"))
		t.unit, t.message, t.any = unit, -1, true
	}
	if r.Message != t.message {
		t.message = r.Message
		if r.Message > 0 {
			var b strings.Builder
			fmt.Fprintf(&b, "  message %d", r.Message)
			if r.Time != "" {
				fmt.Fprintf(&b, "  %s", sanitize(r.Time))
			}
			if r.Sender != "" {
				fmt.Fprintf(&b, "  %s", sanitize(r.Sender))
			}
			if r.MessageID != "" {
				fmt.Fprintf(&b, "  <%s>", sanitize(r.MessageID))
			}
			fmt.Fprintln(t.w, t.paint(cCyan, b.String()))
		}
	}
	where := fmt.Sprintf("line %d", r.Line)
	if r.Field != "" {
		where = r.Field + ":"
		if r.Part != "" {
			where = "part " + r.Part + " " + where
		}
	} else if r.Part != "" {
		where = fmt.Sprintf("part %s line %d", r.Part, r.Line)
	}
	fmt.Fprintf(t.w, "    %-18s %-12s %s  %s\n", where, r.Kind, t.paint(cRed, sanitize(r.Value)),
		t.paint(cDim, fmt.Sprintf("%s %d", r.Detector, r.Score)))
}

func (t *textWriter) summary(u *unitSummary) {
	var b strings.Builder
	fmt.Fprintf(&b, "  summary (%s): %d finding", u.Scope, u.Findings)
	if u.Findings != 1 {
		b.WriteByte('s')
	}
	for i, k := range sortedKinds(u.Kinds) {
		sep := ", "
		if i == 0 {
			sep = ": "
		}
		fmt.Fprintf(&b, "%s%s %d", sep, k, u.Kinds[k])
	}
	b.WriteByte('\n')
	if u.HighestMarking != "" {
		fmt.Fprintf(&b, "    highest marking: %s\n", sanitize(u.HighestMarking))
	}
	if len(u.TopMessages) > 0 {
		b.WriteString("    most findings:")
		for i, m := range u.TopMessages {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, " message %d (%d)", m.Message, m.Findings)
		}
		b.WriteByte('\n')
	}
	t.w.WriteString(t.paint(cDim, b.String()))
}

func (t *textWriter) end(string) {
	if u := t.sum.flush(); u != nil {
		t.summary(u)
	}
}

func (t *textWriter) close() error { return t.w.Flush() }

// sanitize replaces control characters so that values cannot drive the
// terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 {
			return ' '
		}
		return r
	}, s)
}
