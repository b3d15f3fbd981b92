package markings

import "testing"

func TestEnglishWord(t *testing.T) {
	for _, w := range []string{"AARDVARK", "ZUCCHINIS", "PROJECT", "PLANS", "RECIPE", "SERVICE", "STRAPLINE", "STASH"} {
		if !englishWord([]byte(w)) {
			t.Errorf("englishWord(%q) = false", w)
		}
	}
	for _, w := range []string{"UMBRA", "NIGHTJAR", "PEGASUS", "AAAA", "ZZZZZ", "A", "", "PROJECTQ"} {
		if englishWord([]byte(w)) {
			t.Errorf("englishWord(%q) = true", w)
		}
	}
}
