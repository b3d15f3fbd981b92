package accuracy

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"
)

func load(t *testing.T, path string) []Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

var presidio = Mapping{"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "PERSON": "person.name", "DATE_TIME": "-"}

type want struct {
	label                  string
	gold, pred             int
	ep, er, ef, op, or, of float64
}

func score(t *testing.T, m Mapping, minScore int, allLabels bool) ([]Row, Row, map[string]int) {
	gold := load(t, "testdata/tiny.gold.jsonl")
	pred := load(t, "testdata/tiny.pred.jsonl")
	pairs, err := Pair(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	s := &Scorer{Map: m, MinScore: minScore}
	for _, p := range pairs {
		s.Add(p[0].Spans, p[1].Spans)
	}
	return s.Result(allLabels)
}

func check(t *testing.T, rows []Row, total Row, ws []want) {
	t.Helper()
	all := append(rows, total)
	if len(all) != len(ws) {
		t.Fatalf("got %d rows, want %d: %+v", len(all), len(ws), all)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }
	for i, w := range ws {
		r := all[i]
		ep, er, ef := r.ExactPRF()
		op, or, of := r.OverlapPRF()
		if r.Label != w.label || r.Gold != w.gold || r.Pred != w.pred ||
			!near(ep, w.ep) || !near(er, w.er) || !near(ef, w.ef) || !near(op, w.op) || !near(or, w.or) || !near(of, w.of) {
			t.Errorf("row %d = %s gold %d pred %d exact %.4f/%.4f/%.4f overlap %.4f/%.4f/%.4f, want %+v",
				i, r.Label, r.Gold, r.Pred, ep, er, ef, op, or, of, w)
		}
	}
}

// The expected figures are worked out by hand from testdata/tiny.*.jsonl:
//
//	phone: gold 2; pred 2 (one exact, one elsewhere) → exact and overlap 1/2, 1/2.
//	email: gold 1; pred 1 cut short by 4 bytes → exact 0, overlap 1/1.
//	person.name: gold 1; pred "Sarah Jones" (twice: de-duplicated) and "Ring"
//	  → exact P 1/2, R 1/1, F1 2/3; overlap the same.
//	DATE_TIME is mapped to "-" and dropped.
//	all: gold 4, pred 5, exact 2 → P .4, R .5, F1 4/9;
//	  overlap: 3 correct predictions, 3 found → P .6, R .75, F1 2/3.
func TestScoreMapped(t *testing.T) {
	rows, total, unscored := score(t, presidio, 0, false)
	check(t, rows, total, []want{
		{"email", 1, 1, 0, 0, 0, 1, 1, 1},
		{"person.name", 1, 2, .5, 1, 2.0 / 3, .5, 1, 2.0 / 3},
		{"phone", 2, 2, .5, .5, .5, .5, .5, .5},
		{"all", 4, 5, .4, .5, 4.0 / 9, .6, .75, 2.0 / 3},
	})
	if len(unscored) != 0 {
		t.Errorf("unscored = %v, want none", unscored)
	}
}

// With -min-score 50 the "reception" phone (40) and "Ring" (10) go:
//
//	phone: pred 1 → exact P 1, R .5, F1 2/3.
//	person.name: pred 1 → 1, 1, 1.
//	all: pred 3, exact 2 → P 2/3, R .5, F1 4/7; overlap P 1, R .75, F1 6/7.
func TestScoreMinScore(t *testing.T) {
	rows, total, _ := score(t, presidio, 50, false)
	check(t, rows, total, []want{
		{"email", 1, 1, 0, 0, 0, 1, 1, 1},
		{"person.name", 1, 1, 1, 1, 1, 1, 1, 1},
		{"phone", 2, 1, 1, .5, 2.0 / 3, 1, .5, 2.0 / 3},
		{"all", 4, 3, 2.0 / 3, .5, 4.0 / 7, 1, .75, 6.0 / 7},
	})
}

// Without a mapping nothing matches: the gold labels score 0 and the
// prediction labels are reported as unscored (or scored at 0 precision
// with allLabels).
func TestScoreUnmapped(t *testing.T) {
	rows, total, unscored := score(t, nil, 0, false)
	check(t, rows, total, []want{
		{"email", 1, 0, 0, 0, 0, 0, 0, 0},
		{"person.name", 1, 0, 0, 0, 0, 0, 0, 0},
		{"phone", 2, 0, 0, 0, 0, 0, 0, 0},
		{"all", 4, 0, 0, 0, 0, 0, 0, 0},
	})
	wantUnscored := map[string]int{"PHONE_NUMBER": 2, "EMAIL_ADDRESS": 1, "PERSON": 2, "DATE_TIME": 1}
	if len(unscored) != len(wantUnscored) {
		t.Fatalf("unscored = %v, want %v", unscored, wantUnscored)
	}
	for k, v := range wantUnscored {
		if unscored[k] != v {
			t.Errorf("unscored[%s] = %d, want %d", k, unscored[k], v)
		}
	}
	rows, total, _ = score(t, nil, 0, true)
	if len(rows) != 7 || total.Pred != 6 || total.Gold != 4 {
		t.Errorf("allLabels: %d rows, total %+v; want 7 rows, pred 6, gold 4", len(rows), total.Counts)
	}
}

func TestParseMapping(t *testing.T) {
	m, err := ParseMapping("UK_NHS=uk.nhs, PERSON=person.name,NRP=-")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"UK_NHS": "uk.nhs", "PERSON": "person.name", "email": "email"} {
		if got, ok := m.Apply(in); !ok || got != want {
			t.Errorf("Apply(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := m.Apply("NRP"); ok {
		t.Error("NRP should be dropped")
	}
	for _, bad := range []string{"UK_NHS", "=x"} {
		if _, err := ParseMapping(bad); err == nil {
			t.Errorf("ParseMapping(%q) succeeded", bad)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		`{"text":"abc","spans":[{"start":1,"end":9,"label":"x"}]}`,
		`{"text":"abc","spans":[{"start":2,"end":1,"label":"x"}]}`,
		`{"text":"abc","spans":[{"start":0,"end":1}]}`,
		`{"text":`,
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%s) succeeded", in)
		}
	}
	recs, err := Read(strings.NewReader("\n{\"text\":\"ab\",\"spans\":[{\"start\":0,\"end\":2,\"kind\":\"k\",\"score\":7}]}\n\n"))
	if err != nil || len(recs) != 1 || recs[0].Spans[0].Label != "k" || *recs[0].Spans[0].Score != 7 {
		t.Fatalf("Read with kind and blank lines: %+v, %v", recs, err)
	}
}

func TestPair(t *testing.T) {
	g := []Record{{Text: "a"}, {Text: "b"}}
	if _, err := Pair(g, []Record{{}}); err == nil {
		t.Error("Pair with different counts and no ids succeeded")
	}
	if _, err := Pair(g, []Record{{Text: "a"}, {Text: "c"}}); err == nil {
		t.Error("Pair with different texts succeeded")
	}
	gi := []Record{{ID: "1"}, {ID: "2"}}
	ps, err := Pair(gi, []Record{{ID: "2", Spans: []Span{{Label: "x"}}}})
	if err != nil || len(ps) != 2 || len(ps[0][1].Spans) != 0 || len(ps[1][1].Spans) != 1 {
		t.Fatalf("Pair by id: %v, %v", ps, err)
	}
}

func TestWriteTable(t *testing.T) {
	rows, total, _ := score(t, presidio, 0, false)
	var text, md bytes.Buffer
	if err := WriteTable(&text, rows, total, map[string]int{"uk.vat": 3}, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&md, rows, total, nil, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "0.444") || !strings.Contains(text.String(), "uk.vat (3)") {
		t.Errorf("text table lacks the total F1 or the unscored note:\n%s", text.String())
	}
	if !strings.Contains(md.String(), "| **all** | 4 | 5 | 0.400 | 0.500 | 0.444 | 0.600 | 0.750 | 0.667 |") {
		t.Errorf("markdown table:\n%s", md.String())
	}
}

// With Only, just the listed labels are scored: phone alone gives the
// phone row of TestScoreMapped as the total.
func TestScoreOnly(t *testing.T) {
	gold := load(t, "testdata/tiny.gold.jsonl")
	pred := load(t, "testdata/tiny.pred.jsonl")
	pairs, err := Pair(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	s := &Scorer{Map: presidio, Only: map[string]bool{"phone": true}}
	for _, p := range pairs {
		s.Add(p[0].Spans, p[1].Spans)
	}
	rows, total, unscored := s.Result(true)
	check(t, rows, total, []want{
		{"phone", 2, 2, .5, .5, .5, .5, .5, .5},
		{"all", 2, 2, .5, .5, .5, .5, .5, .5},
	})
	if len(unscored) != 0 {
		t.Errorf("unscored = %v", unscored)
	}
}

func TestReadFindings(t *testing.T) {
	in := `{"type":"finding","path":"docs/000001.txt","format":"text","start":5,"end":18,"line":1,"kind":"phone","detector":"pii/phone","score":80,"value":"02*** ***018","masked":true}
{"type":"summary","path":"docs/000001.txt"}

{"type":"finding","path":"C:\\docs\\000002.txt","format":"eml","field":"To","start":4,"end":15,"kind":"person.name","score":40}
{"type":"finding","path":"docs/000001.txt","start":27,"end":41,"kind":"email","score":90}
`
	got, err := ReadFindings(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || BaseName(got[1].Path) != "000002.txt" || got[1].Field != "To" || got[1].Format != "eml" {
		t.Fatalf("ReadFindings = %+v", got)
	}
	if s := got[2].Span; s.Start != 27 || s.End != 41 || s.Label != "email" || s.Score == nil || *s.Score != 90 {
		t.Errorf("third finding = %+v", s)
	}
	for _, bad := range []string{`{"type":"finding","start":1,"end":2,"kind":"x"}`, `{"path":"a","start":3,"end":2,"kind":"x"}`, `{`} {
		if _, err := ReadFindings(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadFindings(%s) succeeded", bad)
		}
	}
}

func TestFileOffsets(t *testing.T) {
	msg := "From: Jo Bloggs <jo@example.com>\nTo: Sam Smith <sam@example.com>\nSubject: hi\n\nCall 020 7946 0018.\n"
	for _, c := range []struct {
		f    Finding
		want string
	}{
		{Finding{Format: "eml", Field: "To", Span: Span{Start: 4, End: 13}}, "Sam Smith"},
		{Finding{Format: "eml", Field: "From", Span: Span{Start: 17, End: 31}}, "jo@example.com"},
		{Finding{Format: "eml", Part: "1", Span: Span{Start: 5, End: 18}}, "020 7946 0018"},
		{Finding{Format: "text", Span: Span{Start: 0, End: 4}}, "From"},
	} {
		sp, ok := FileOffsets(c.f, msg)
		if !ok || msg[sp.Start:sp.End] != c.want {
			t.Errorf("FileOffsets(%+v) = %+v, %v; want %q", c.f, sp, ok, c.want)
		}
	}
	if _, ok := FileOffsets(Finding{Format: "eml", Field: "Cc", Span: Span{Start: 0, End: 1}}, msg); ok {
		t.Error("FileOffsets found a missing Cc header")
	}
}
