package pii

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// ukElectoralByDigit and ukPassportByDigit are the electoral roll and
// passport detectors triggered on digits, as they were before they were
// triggered on their context words: the references their findings must
// equal.
type (
	ukElectoralByDigit struct{}
	ukPassportByDigit  struct{}
)

func (ukElectoralByDigit) Spec() detect.Spec {
	sp := ukElectoral{}.Spec()
	sp.ID, sp.MaxLen, sp.Triggers = "test/uk-electoral-by-digit", ukElectoralMaxLen, detect.Triggers{Bytes: detect.Digits}
	return sp
}

func (ukElectoralByDigit) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return ukElectoralDigits(dst, w)
}

func (ukPassportByDigit) Spec() detect.Spec {
	sp := ukPassport{}.Spec()
	sp.ID, sp.MaxLen, sp.Triggers = "test/uk-passport-by-digit", 9, detect.Triggers{Bytes: detect.Digits}
	return sp
}

func (ukPassportByDigit) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return ukPassportDigits(dst, w)
}

// ukElectoralDigits is Detect for a window whose hits are digits (the
// digit-triggered version before keyword triggers, kept to compare with).
func ukElectoralDigits(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		dst, next = ukElectoralRun(dst, w, i, 2)
	}
	return dst, nil
}

// ukPassportDigits is ukElectoralDigits for the passport detector.
func ukPassportDigits(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		dst = ukPassportRun(dst, w, i, 2)
		next = ukDigitRunEnd(w.Text, i)
	}
	return dst, nil
}

// ukKeywordHard: context words before and after numbers, at the reach's
// limits, in every form ukHasCue accepts, and near-misses.
var ukKeywordHard = []string{
	"Electoral roll AB1234; ref A12-345. elector UA0001, AB-123, AB/123, AB 123, UA1-234, UA12/23456, ABC12-34567, polling district A1",
	"POLL CARD: AB 123; poll-card UA1/234; poll\nnumber EF 42; Register  of\tElectors: GH-7; voters' list JK9; voting at LM12 (voter)",
	"electorate AB123 pollster CD12 devoters EF9 voted GH1 polls IJ2 unelectoral KL3 ID 12 NO 5 AT 7 electoral ID12 UK 4 ST 99",
	"[12/03/2021, 09:14:55] Sam: my poll card says AB123 12:30 AB 12/03/2021 UA12/34/56 electoral 12:30 AB12:30",
	"passport 925665416, (925665416); passport no:925665416. Passports: 123456789 HMPO ref 987654321; travel document 112233445",
	"Travel-Document 223344556; travel\n\ndocument: 334455667; hmpo-issued 445566778 travelling 556677889 passporting 667788990",
	"passport 111111111 222222222 9256654160 92566541 +925665416 #925665416 AB925665416 925665416x 925,665,416 12,925665416",
	"Passport " + strings.Repeat(" ", 55) + "925665416 x",
	"Passport " + strings.Repeat(" ", 56) + "925665416 x",
	"925665416" + strings.Repeat(".", 63) + "hmpo",
	"925665416" + strings.Repeat(".", 64) + "hmpo",
	"electoral" + strings.Repeat(" ", 55) + "ABC12-34567 x",
	"electoral" + strings.Repeat(" ", 56) + "ABC12-34567 x",
	"ABC12-34567" + strings.Repeat("_", 59) + "voter",
	"ABC12-34567" + strings.Repeat("_", 60) + "voter",
	"voter ABC12-34567 AB 12345 AB 123456 AB1-2345678 A-1 A/1 a1 Ab1 AB1x AB1-x AB1_2 x-AB1 AB12 34",
}

// ukKeywordCued puts the context words into a corpus text so that the
// comparison sees many candidates near them.
func ukKeywordCued(b []byte) []byte {
	s := strings.NewReplacer(
		" the ", " the electoral ", "ticket", "poll card", "bus ", "voter UA", "flat ", "passport ",
		"reception", "travel-document", " no ", " HMPO ", " card ", " voters card EA", " at ", " at polling ",
		" TN", " register of electors TN", "ref", "Passport ref",
	).Replace(string(b))
	return []byte(s)
}

// A keywordPair is a keyword-triggered detector and the digit-triggered
// version it replaced, each compiled alone, to compare their findings.
type keywordPair struct {
	id      string
	kw, dig *detect.Engine
}

func ukKeywordPairs() []keywordPair {
	opt := &detect.Options{MinScore: 0}
	return []keywordPair{
		{"pii/uk-electoral-roll", detect.MustCompile([]detect.Detector{NewUKElectoralRoll()}, opt), detect.MustCompile([]detect.Detector{ukElectoralByDigit{}}, opt)},
		{"pii/uk-passport", detect.MustCompile([]detect.Detector{NewUKPassport()}, opt), detect.MustCompile([]detect.Detector{ukPassportByDigit{}}, opt)},
	}
}

// keywordCompare checks that each pair's engines find the same on text
// and returns how many findings there were.
// keywordCorpora runs keywordCompare on the typical, dense and office
// synthetic corpora (2 MiB each, 256 KiB with -short), and on each of
// them as changed by every variant, and returns the findings compared.
func keywordCorpora(t *testing.T, pairs []keywordPair, variants ...func([]byte) []byte) int {
	t.Helper()
	size := int64(2 << 20)
	if testing.Short() {
		size = 256 << 10
	}
	n := 0
	for i, d := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		b, _ := corpus.Bytes(corpus.Config{Seed: uint64(7 + i), Size: size, Density: d})
		n += keywordCompare(t, pairs, b)
		for _, v := range variants {
			n += keywordCompare(t, pairs, v(b))
		}
	}
	return n
}

func keywordCompare(t *testing.T, pairs []keywordPair, text []byte) int {
	t.Helper()
	n := 0
	for _, p := range pairs {
		got, _ := p.kw.AppendFind(nil, text)
		want, _ := p.dig.AppendFind(nil, text)
		for i := range want {
			want[i].Rule = p.id
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s on %q: keyword triggered %v, digit triggered %v", p.id, text[:min(len(text), 300)], got, want)
		}
		n += len(got)
	}
	return n
}

// TestUKKeywordEquivalence: triggered on their context words, the
// electoral roll and passport detectors find what they find triggered on
// every digit (MinScore 0), on the synthetic corpora (as generated and
// with context words put in), hard text and the UK cases.
func TestUKKeywordEquivalence(t *testing.T) {
	pairs := ukKeywordPairs()
	n := keywordCorpora(t, pairs, ukKeywordCued)
	if n < 100 {
		t.Fatalf("only %d findings in the corpora", n)
	}
	for _, s := range slices.Concat(ukKeywordHard, ukFuzzSeeds(), ukGateSeeds) {
		keywordCompare(t, pairs, []byte(s))
	}
	detecttest.Run(t, NewUKElectoralRoll(), ukKeywordHard...)
	detecttest.Run(t, NewUKPassport(), ukKeywordHard...)
}

// TestUKKeywordReach puts every context word at every distance from
// numbers of every length, before and after them, in every case: the
// keyword and digit triggered detectors must agree, and every finding
// must lie within MaxLen of a keyword (so MaxLen is wide enough).
func TestUKKeywordReach(t *testing.T) {
	pairs := ukKeywordPairs()
	words := slices.Concat(strings.Split(ukElectoralWords, "|"), strings.Split(ukPassportWords, "|"))
	nums := []string{"A1", "AB123", "AB 12345", "ABC12-34567", "ABC-12345", "UA1/234", "925665416"}
	specs := []detect.Spec{NewUKElectoralRoll().Spec(), NewUKPassport().Spec()}
	n := 0
	for _, w := range words {
		for _, word := range []string{w, strings.ToUpper(w), strings.ReplaceAll(w, " ", " -\n")} {
			for _, num := range nums {
				for gap := 50; gap <= 70; gap++ {
					sp := strings.Repeat(" ", gap)
					for _, s := range []string{word + sp + num + ".", "x " + num + sp + word, word + sp + num + " " + num + sp + word + sp + num} {
						n += keywordCompare(t, pairs, []byte(s))
						for k, p := range pairs {
							fs, _ := p.kw.AppendFind(nil, []byte(s))
							for _, f := range fs {
								if !ukKeywordNear(specs[k], s, f) {
									t.Fatalf("%s: finding %q of %q is not within MaxLen of a keyword", p.id, s[f.Start:f.End], s)
								}
							}
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("nothing found")
	}
}

// ukKeywordNear reports whether finding f of text lies within sp.MaxLen
// bytes of one of sp's keywords: some keyword starts at h with
// h-MaxLen <= Start and End <= h+MaxLen.
func ukKeywordNear(sp detect.Spec, text string, f detect.Finding) bool {
	low := strings.ToLower(text)
	for _, kw := range sp.Triggers.Keywords {
		for h := 0; ; h++ {
			i := strings.Index(low[h:], kw)
			if i < 0 {
				break
			}
			h += i
			if int64(h-sp.MaxLen) <= f.Start && f.End <= int64(h+sp.MaxLen) {
				return true
			}
		}
	}
	return false
}

// FuzzUKKeyword compares the keyword and digit triggered electoral roll
// and passport detectors on fuzzed input.
func FuzzUKKeyword(f *testing.F) {
	for _, s := range slices.Concat(ukKeywordHard, ukFuzzSeeds(), ukGateSeeds) {
		f.Add([]byte(s))
	}
	pairs := ukKeywordPairs()
	f.Fuzz(func(t *testing.T, data []byte) {
		keywordCompare(t, pairs, data)
	})
}
