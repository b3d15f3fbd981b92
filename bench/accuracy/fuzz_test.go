package accuracy

import (
	"strings"
	"testing"
)

// FuzzRead checks that Read never panics and that whatever it accepts is
// consistent: spans inside their text, labelled, and scorable against
// themselves with perfect precision and recall.
func FuzzRead(f *testing.F) {
	f.Add(`{"text":"Call 020 7946 0018","spans":[{"start":5,"end":18,"label":"phone"}]}`)
	f.Add(`{"id":"a","spans":[{"start":0,"end":4,"kind":"PERSON","score":10}]}` + "\n\n")
	f.Add(`{"text":"x","spans":[]}`)
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		s := &Scorer{}
		for _, r := range recs {
			for _, sp := range r.Spans {
				if sp.Start < 0 || sp.End < sp.Start || sp.Label == "" || (r.Text != "" && sp.End > len(r.Text)) {
					t.Fatalf("Read accepted bad span %+v", sp)
				}
			}
			s.Add(r.Spans, r.Spans)
		}
		_, total, _ := s.Result(false)
		if total.Exact != total.Gold || total.Pred != total.Gold || total.OverlapFound > total.Gold {
			t.Fatalf("self-scoring not perfect: %+v", total.Counts)
		}
	})
}

func FuzzParseMapping(f *testing.F) {
	f.Add("UK_NHS=uk.nhs,PERSON=person.name,NRP=-")
	f.Add("a=b,,c=")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ParseMapping(in)
		if err != nil {
			return
		}
		for from := range m {
			if from == "" {
				t.Fatal("empty source label accepted")
			}
		}
	})
}
