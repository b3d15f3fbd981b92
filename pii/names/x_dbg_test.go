package names_test

import (
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/names"
)

func TestXDbg(t *testing.T) {
	eng := detect.MustCompile(names.All(), &detect.Options{MinScore: 1})
	for _, s := range []string{
		"Hancock said the plan would work, and Johnson agreed.",
		"\"We will win,\" said Johnson on Tuesday.",
		"My name is Oluwaseun Okafor and I live in Leeds.",
		"Hi, my name is Priya.",
		"EU rejects German call to boycott British lamb.",
		"Peter Blackburn",
		"BRUSSELS 1996-08-22",
		"The European Commission said on Thursday it disagreed with German advice to consumers to shun British lamb until scientists determine whether mad cow disease can be transmitted to sheep.",
		"Germany's representative to the European Union's veterinary committee Werner Zwingmann said on Wednesday consumers should buy sheepmeat from countries other than Britain until the scientific advice was clearer.",
		"Fischler proposed EU-wide measures after reports from Britain and France that under laboratory conditions sheep could contract Bovine Spongiform Encephalopathy ( BSE ) -- mad cow disease.",
		"Spanish Farm Minister Loyola de Palacio had earlier accused Fischler at an EU farm ministers' meeting of causing unjustified alarm through dangerous generalisation.",
		"Please contact Jane Doe at jane.doe@example.com or call 020 7946 0000.",
		"Customer Ms. Jennifer Lopez-Garcia requested a refund.",
		"Patient: Mohammed Al-Farsi, DOB 12/03/1980",
	} {
		fs, _ := eng.AppendFind(nil, []byte(s))
		var out []string
		for _, f := range fs {
			out = append(out, s[f.Start:f.End]+"="+itoa(f.Score))
		}
		t.Logf("%q -> %v", s[:min(60, len(s))], out)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
