// Package accuracy scores labelled spans: precision, recall and F1 per
// label, under exact and overlap matching. It reads the labelled JSON
// Lines format shared by the corpus generator, the accuracy command and
// converted outputs of other tools:
//
//	{"text": "Call 020 7946 0018", "spans": [{"start": 5, "end": 18, "label": "phone"}]}
//
// Offsets are byte offsets into text (UTF-8), end exclusive. A span may
// carry "score" (0..100), and may spell "label" as "kind" (the CLI's
// field name). A record may carry "id"; records are paired by id when
// both sides have one, otherwise by position.
//
// # Matching
//
// Spans are first mapped through a [Mapping] and de-duplicated (the same
// start, end and label count once). Then, per label:
//
//   - exact: a prediction is a true positive when a gold span has the same
//     start, end and label; precision = exact matches / predictions,
//     recall = exact matches / gold spans;
//   - overlap: a prediction is correct when it overlaps (shares at least
//     one byte with) a gold span of the same label, and a gold span is
//     found when some prediction of its label overlaps it; precision =
//     correct predictions / predictions, recall = found gold spans / gold
//     spans.
//
// F1 is the harmonic mean of precision and recall (0 when both are 0).
// The "all" row sums the counts of the scored labels (micro average).
package accuracy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// A Span is one labelled range of a record's text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Score *int   `json:"score,omitempty"`
}

// UnmarshalJSON accepts "kind" as a synonym of "label".
func (s *Span) UnmarshalJSON(b []byte) error {
	var v struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
		Kind  string `json:"kind"`
		Score *int   `json:"score"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Span{Start: v.Start, End: v.End, Label: v.Label, Score: v.Score}
	if s.Label == "" {
		s.Label = v.Kind
	}
	return nil
}

// A Record is one labelled text.
type Record struct {
	ID    string `json:"id,omitempty"`
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
}

// MaxRecord is the longest JSON line Read accepts.
const MaxRecord = 64 << 20

// Read reads JSON Lines records, skipping blank lines. It checks that
// every span lies within its text when the text is present.
func Read(r io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxRecord)
	var out []Record
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		for _, s := range rec.Spans {
			if s.Start < 0 || s.End < s.Start || (rec.Text != "" && s.End > len(rec.Text)) {
				return nil, fmt.Errorf("line %d: span [%d,%d) outside the %d-byte text", line, s.Start, s.End, len(rec.Text))
			}
			if s.Label == "" {
				return nil, fmt.Errorf("line %d: span [%d,%d) has no label", line, s.Start, s.End)
			}
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// A Mapping renames labels ("UK_NHS" → "uk.nhs"). A label mapped to ""
// or "-" is dropped. Labels not in the mapping are kept as they are.
type Mapping map[string]string

// ParseMapping parses "from=to,from=to".
func ParseMapping(s string) (Mapping, error) {
	m := Mapping{}
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		from, to, ok := strings.Cut(kv, "=")
		if !ok || from == "" {
			return nil, fmt.Errorf("accuracy: bad mapping %q (want from=to)", kv)
		}
		m[strings.TrimSpace(from)] = strings.TrimSpace(to)
	}
	return m, nil
}

// Apply returns the label after mapping, and false when it is dropped.
func (m Mapping) Apply(label string) (string, bool) {
	if to, ok := m[label]; ok {
		label = to
	}
	return label, label != "" && label != "-"
}

// Counts are the tallies behind one row.
type Counts struct {
	Gold, Pred   int // spans after mapping and de-duplication
	Exact        int // predictions equal to a gold span
	OverlapPred  int // predictions overlapping a gold span of their label
	OverlapFound int // gold spans overlapped by a prediction of their label
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Exact += o.Exact
	c.OverlapPred += o.OverlapPred
	c.OverlapFound += o.OverlapFound
}

// ExactPRF returns precision, recall and F1 under exact matching.
func (c Counts) ExactPRF() (p, r, f float64) { return prf(c.Exact, c.Pred, c.Exact, c.Gold) }

// OverlapPRF returns precision, recall and F1 under overlap matching.
func (c Counts) OverlapPRF() (p, r, f float64) {
	return prf(c.OverlapPred, c.Pred, c.OverlapFound, c.Gold)
}

func prf(tpP, nP, tpR, nR int) (p, r, f float64) {
	if nP > 0 {
		p = float64(tpP) / float64(nP)
	}
	if nR > 0 {
		r = float64(tpR) / float64(nR)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// A Scorer accumulates counts over records.
type Scorer struct {
	Map      Mapping
	MinScore int             // predictions with a Score below it are ignored
	Only     map[string]bool // if not nil, only these labels (after mapping) are scored
	by       map[string]*Counts
}

// Add scores one record's predictions against its gold spans.
func (s *Scorer) Add(gold, pred []Span) {
	if s.by == nil {
		s.by = map[string]*Counts{}
	}
	g := s.prepare(gold, false)
	p := s.prepare(pred, true)
	for _, x := range g {
		s.counts(x.Label).Gold++
	}
	for _, x := range p {
		s.counts(x.Label).Pred++
	}
	// Both are sorted by (label, start, end): the lists are small per
	// record, so plain loops over same-label spans are fine.
	for _, x := range p {
		c := s.counts(x.Label)
		exact, over := false, false
		for _, y := range g {
			if y.Label != x.Label {
				continue
			}
			if y.Start == x.Start && y.End == x.End {
				exact = true
			}
			if overlaps(x, y) {
				over = true
			}
		}
		if exact {
			c.Exact++
		}
		if over {
			c.OverlapPred++
		}
	}
	for _, y := range g {
		for _, x := range p {
			if x.Label == y.Label && overlaps(x, y) {
				s.counts(y.Label).OverlapFound++
				break
			}
		}
	}
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

func (s *Scorer) counts(label string) *Counts {
	c := s.by[label]
	if c == nil {
		c = &Counts{}
		s.by[label] = c
	}
	return c
}

func (s *Scorer) prepare(in []Span, pred bool) []Span {
	out := make([]Span, 0, len(in))
	for _, x := range in {
		if pred && x.Score != nil && *x.Score < s.MinScore {
			continue
		}
		l, ok := s.Map.Apply(x.Label)
		if !ok || (s.Only != nil && !s.Only[l]) {
			continue
		}
		out = append(out, Span{Start: x.Start, End: x.End, Label: l})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return slices.CompactFunc(out, func(a, b Span) bool { return a.Label == b.Label && a.Start == b.Start && a.End == b.End })
}

// A Row is one label's result.
type Row struct {
	Label string
	Counts
}

// Result returns one row per label, sorted, and the "all" row summing
// them. Unless allLabels is set, labels that have no gold spans at all
// are left out of the rows and the total (the gold set does not annotate
// them, so their predictions cannot be judged) and returned in unscored
// with their prediction counts.
func (s *Scorer) Result(allLabels bool) (rows []Row, total Row, unscored map[string]int) {
	total.Label = "all"
	unscored = map[string]int{}
	labels := make([]string, 0, len(s.by))
	for l := range s.by {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		c := *s.by[l]
		if c.Gold == 0 && !allLabels {
			unscored[l] = c.Pred
			continue
		}
		rows = append(rows, Row{Label: l, Counts: c})
		total.add(c)
	}
	return rows, total, unscored
}

// Pair pairs gold and prediction records: by ID when every record on both
// sides has one, otherwise by position (the counts must then agree).
func Pair(gold, pred []Record) ([][2]*Record, error) {
	ids := len(gold) > 0 && len(pred) > 0
	for i := range gold {
		ids = ids && gold[i].ID != ""
	}
	for i := range pred {
		ids = ids && pred[i].ID != ""
	}
	out := make([][2]*Record, len(gold))
	if ids {
		byID := map[string]*Record{}
		for i := range pred {
			byID[pred[i].ID] = &pred[i]
		}
		empty := &Record{}
		for i := range gold {
			p := byID[gold[i].ID]
			if p == nil {
				p = empty
			}
			out[i] = [2]*Record{&gold[i], p}
		}
		return out, nil
	}
	if len(gold) != len(pred) {
		return nil, fmt.Errorf("accuracy: %d gold records but %d prediction records (and no ids to pair them)", len(gold), len(pred))
	}
	for i := range gold {
		if gold[i].Text != "" && pred[i].Text != "" && gold[i].Text != pred[i].Text {
			return nil, fmt.Errorf("accuracy: record %d: prediction text differs from gold text", i+1)
		}
		out[i] = [2]*Record{&gold[i], &pred[i]}
	}
	return out, nil
}

// A Finding is one line of the tidemark CLI's JSON Lines output, reduced
// to what scoring needs.
type Finding struct {
	Path   string // as written by the CLI
	Format string // "text", "whatsapp", "eml", "mbox", …
	Part   string // MIME part number, for e-mail bodies
	Field  string // e-mail header name, for header findings
	Span   Span   // offsets as the CLI reports them (see its schema)
}

// ReadFindings reads findings as the tidemark CLI writes them with
// --format jsonl, one per line ({"type":"finding","path":…,"start":…,
// "end":…,"kind":…,"score":…}). Lines whose "type" is present and not
// "finding" (summaries) are skipped.
func ReadFindings(r io.Reader) ([]Finding, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxRecord)
	var out []Finding
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		// Two passes: Span's UnmarshalJSON would swallow the whole object
		// if it were embedded.
		var f struct {
			Type   string `json:"type"`
			Path   string `json:"path"`
			Format string `json:"format"`
			Part   string `json:"part"`
			Field  string `json:"field"`
		}
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		var sp Span
		if err := json.Unmarshal(b, &sp); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if f.Type != "" && f.Type != "finding" {
			continue
		}
		if f.Path == "" || sp.Label == "" || sp.Start < 0 || sp.End < sp.Start {
			return nil, fmt.Errorf("line %d: finding needs path, kind and 0 <= start <= end", line)
		}
		out = append(out, Finding{Path: f.Path, Format: f.Format, Part: f.Part, Field: f.Field, Span: sp})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// BaseName returns the last element of a slash- or backslash-separated
// path: the id `gencorpus -docs -dir` gives each file's record.
func BaseName(path string) string { return path[strings.LastIndexAny(path, `/\`)+1:] }

// FileOffsets converts the offsets of an e-mail finding, which the CLI
// reports within the unfolded header line ("Field: value") or within the
// decoded body part, to offsets in the raw message text, for simple
// messages: unfolded headers, and a single unencoded body after the first
// blank line (as the corpus generator writes them). Other findings are
// returned unchanged; ok is false when the header cannot be found.
func FileOffsets(f Finding, text string) (Span, bool) {
	sp := f.Span
	if f.Format != "eml" && f.Format != "mbox" {
		return sp, true
	}
	hdrEnd := strings.Index(text, "\n\n")
	if hdrEnd < 0 {
		return sp, false
	}
	var base int
	if f.Field != "" {
		base = -1
		for off := 0; off < hdrEnd; {
			nl := strings.IndexByte(text[off:], '\n')
			if nl < 0 {
				nl = len(text) - off
			}
			if l := text[off : off+nl]; len(l) > len(f.Field) && strings.EqualFold(l[:len(f.Field)], f.Field) && l[len(f.Field)] == ':' {
				base = off
				break
			}
			off += nl + 1
		}
		if base < 0 {
			return sp, false
		}
	} else {
		base = hdrEnd + 2
	}
	sp.Start += base
	sp.End += base
	return sp, sp.End <= len(text)
}
