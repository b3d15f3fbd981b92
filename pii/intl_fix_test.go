package pii

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// Regression cases for the payment card, date-of-birth and UK address
// detectors, checked at MinScore 0 (every finding, whatever its score).

var cardFixCases = []string{
	// An over-long chain of digit groups must not hide a card after it
	// that is not joined to it by a single separator.
	strings.Repeat("1234567 ", 5) + "1234567 - ⟦4111 1111 1111 1111⟧",
	"x" + strings.Repeat("1", 41) + "  ⟦4111111111111111⟧",
	strings.Repeat("1234 ", 12) + "1234  ⟦4111-1111-1111-1111⟧ and more",
	// Still rejected: the card is part of the long chain itself.
	strings.Repeat("1234 ", 12) + "4111 1111 1111 1111",
	"4111 1111 1111 1111 " + strings.Repeat("1234 ", 12),
}

var dobFixCases = []string{
	// A date that is parsed and dropped must not hide a date starting
	// inside it.
	"born x12 March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 31) + " March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 32) + " March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 40) + " March ⟦1961-03-12⟧ dob",
	// Birth words are whole words.
	"Borneo 12/03/1961",
	"borne 12/03/1961",
	"the births 12/03/1961",
	"birthplace 12/03/1961",
	"d.o.bx 12/03/1961",
	"born ⟦12/03/1961⟧",
	"Born: ⟦12/03/1961⟧",
	"birth ⟦12/03/1961⟧",
	"birthday ⟦12/03/1961⟧",
	"Birthdate: ⟦12/03/1961⟧",
	"DOB ⟦12/03/1961⟧",
	"d.o.b. ⟦12/03/1961⟧",
	"D O B ⟦12/03/1961⟧",
	"date of birth ⟦12/03/1961⟧",
	"⟦12/03/1961⟧ (DOB)",
	"Date of birth:\n⟦12/03/1961⟧",
}

var addrFixCases = []string{
	"⟦Flat 2/3, 14 High St, Leeds LS1 1AA⟧",
	"lives at ⟦Flat 12/1 14 High Street⟧.",
	"⟦Flat 3, 12 Acacia Avenue⟧",
	"Flat 2/3",
}

func TestCardFixCases(t *testing.T) {
	detecttest.Cases(t, NewPaymentCard(), 0, cardFixCases...)
	detecttest.Run(t, NewPaymentCard(), intlStripAll(cardFixCases)...)
}

func TestDOBFixCases(t *testing.T) {
	detecttest.Cases(t, NewDateOfBirth(), 0, dobFixCases...)
	detecttest.Run(t, NewDateOfBirth(), intlStripAll(dobFixCases)...)
}

func TestAddrFixCases(t *testing.T) {
	detecttest.Cases(t, NewUKAddress(), 0, addrFixCases...)
	detecttest.Run(t, NewUKAddress(), intlStripAll(addrFixCases)...)
}

// dobByDigit is the date-of-birth detector triggered on digits, as it
// was before it was triggered on birth words: the reference its findings
// must equal.
type dobByDigit struct{}

func (dobByDigit) Spec() detect.Spec {
	sp := dob{}.Spec()
	sp.ID, sp.MaxLen, sp.Triggers = "test/dob-by-digit", dobMaxLen, detect.Triggers{Bytes: detect.Digits}
	return sp
}

func (dobByDigit) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return dobDigits(dst, w)
}

// dobKeywordHard: birth words before, after and above dates, at the
// reach's limits, and near-misses.
var dobKeywordHard = []string{
	"DOB 12/03/1961, born 12.03.1961, d.o.b. 1961-03-12, DOB: 12th March 1961, born on 3rd of May 1975, (DOB 01/02/03).",
	"born March 12, 1961; dob Mar 12th 1961; birth 12-Mar-61; DOB 12 March,1961; born 12-Mar-1961\nDate of birth:\n  03/25/1961",
	"born x12 March 1961-03-12 dob; dob x12/03/12/03/1961; born 1961/03/12x 03/12/61 dob",
	"[12/03/2021, 09:14:55] Sam: born 12/03/1961 12:30? 12/03/2021, 21:14 - Jo: my birthday is 3rd May 1975 Borneo 1/2/1999",
	"Date of birth:\n12/03/1961\nd o b 1.2.1961 D.O.B.: 29/02/2000 birthdate 31-12-99",
	"12th of September 1961" + strings.Repeat(" ", 25) + "(dob)",
	"12th of September 1961" + strings.Repeat(" ", 26) + "(dob)",
	"September 12, 1961" + strings.Repeat(".", 47) + "dob",
	"DOB" + strings.Repeat(" ", 45) + "12th of September 1961 x",
	"DOB" + strings.Repeat(" ", 46) + "12th of September 1961 x",
	"dob" + strings.Repeat(" ", 44) + "Sept 30, 1961 born" + strings.Repeat(" ", 40) + "1/2/1999 dob",
	"born\n\n12/03/1961 dob\r\n12.03.1961\n adobe 12/03/1961 stubborn 1.2.1961 rebirth 12/03/61 dob12/03/1961",
}

// dobKeywordPair compares the birth-word and the digit triggered
// date-of-birth detectors (keywordCompare).
func dobKeywordPair() []keywordPair {
	opt := &detect.Options{MinScore: 0}
	return []keywordPair{{"pii/date-of-birth", detect.MustCompile([]detect.Detector{NewDateOfBirth()}, opt),
		detect.MustCompile([]detect.Detector{dobByDigit{}}, opt)}}
}

// TestDOBKeywordEquivalence: triggered on birth words, the detector finds
// what it finds triggered on every digit (MinScore 0), on the synthetic
// corpora and hard text.
func TestDOBKeywordEquivalence(t *testing.T) {
	pair := dobKeywordPair()
	n := keywordCorpora(t, pair)
	if n == 0 {
		t.Fatal("no dates of birth in the corpora")
	}
	for _, s := range slices.Concat(dobKeywordHard, intlStripAll(dobCases), intlStripAll(dobFixCases)) {
		keywordCompare(t, pair, []byte(s))
	}
	detecttest.Run(t, NewDateOfBirth(), dobKeywordHard...)
}

// FuzzDOBKeyword compares the birth-word and digit triggered detectors on
// fuzzed input.
func FuzzDOBKeyword(f *testing.F) {
	for _, s := range slices.Concat(dobKeywordHard, intlStripAll(dobCases), intlStripAll(dobFixCases)) {
		f.Add([]byte(s))
	}
	pair := dobKeywordPair()
	f.Fuzz(func(t *testing.T, data []byte) {
		keywordCompare(t, pair, data)
	})
}

// dobDigits is Detect for a window whose hits are digits (the digit
// triggered version before birth-word triggers, kept to compare with).
func dobDigits(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next || h > 0 && intlDigit(t[h-1]) {
			continue
		}
		dst, next = dobTry(dst, w, h, next)
	}
	return dst, nil
}
