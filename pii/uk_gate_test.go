package pii

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// ukGateSeeds are hard formats for the UK run filters: every format
// glued to letters and punctuation, the spaced and dashed groups, K on
// either side, branch VAT numbers, account numbers on either side of a
// sort code, and chat text the filters should reject.
var ukGateSeeds = []string{
	"Senders: [12/03/2021, 09:14:55] +44 9434 765919: NHS 943 476 5919\n12/03/2021, 21:14 - +12 3456 789012: sort code +44 1234 567890: 12-34-56 QQ +44 1234 567890: C",
	"Clock and date beside numbers: QQ 12 34 56 C 12:30, 943 476 5919 12/03/21, sort code 12-34-56 09:14 acc 12345678 12:30; BFPO 12/03/2021 AB 12/34/56 UA12/34/56 electoral 12:30 [12/03/2021, 09:14:55] 12:30! 1/2/34",
	"QQ 12 34 56 C AB 12 34 56 C, AB123456C, ab123456c, AB-12-34-56-C, AB 123456 C, AB123456 C, AB 12 34 56:78, NI AB12 34 56",
	"NHS 943 476 5919, 943-476-5919, 9434765919; CHI 0101011237, 010101 1237, 010101-1237, H&C 3234567891 (3456789017) 398-765-4325, 345 678 9017",
	"UTR 1097172564K, K1097172564, k1097172564, 10971 72564, 10971-72564, 109 717 2564, #1097172564, +1097172564",
	"VAT GB 980 7806 84, GB980780684, XI 980780684, GB 980 7806 84 001, GB980780684001, GBGD001, GBHA599, VAT 980 7806 84.",
	"passport 925665416, (925665416); passport no:925665416.",
	"driving licence MORGA753116SM9IJ, MORGA753116SM9IJ35, MORGA753116SM9IJ 35, MORGA 753116 SM9IJ, MA999753116SM9IJ, MA999 753116 SM999, M9999753116S99JK 12.",
	"reg AB12 CDE, AB12CDE, A123 BCD, A1BCD, ABC 123D, ABC123D, BD51 SMR",
	"electoral roll AB123, UA0001, AB-123, AB/123, AB 123, UA1-234, UA12/23456, polling district A1",
	"sort code 12-34-56 acc 12345678; 12 34 56 / 12345678; 1234 5678 then 12-34-56; 12-34-56x: 12345678; sort code: 123456",
	"Address: London, SW1A 1AA; SW1A1AA; sw1a 1aa; M1 1AE, B33 8TH, CR2 6XH, DN55 1PT, EC1A1BB, W1A 0AX, GIR 0AA, gir 0aa, BFPO 1234, BFPO1234, bfpo 12, BFPO 09:14",
	"BFPO 09:14, bfpo 10% off, BFPO 10,5; AB 12 34 56:78, AB123456,7; 12-34-56x: 12345678; NI number XA 44 39 30 A, GB 63 32 54 C; UTR 109 717 2564",
	"[12/03/2021, 09:14:55] Sam: ok 12:30? 12/03/2021, 21:14 - Jo: 3pm £250 2021 1st 2nd 10% #42 x2 3x A4 MP3 4G COVID-19 B2B v1.2.3 1,234.56",
	"we'll be 9a, 4Gb 5sK SW1A 1Aa sw1a 1aA sw1a1aa M11AE m11ae BFPO 3.5 BFPO 10-12 BFPO12.x BFPO 12_a BFPO 10,5 BFPO 1234,5 BFPO12\\3 BFPO 12;3 GIR 0AA, gir 0aa. x 1A.",
}

// ukGateDetectors returns the run-filtered UK detectors (the passport and
// electoral roll detectors are triggered by keywords instead).
func ukGateDetectors() []detect.Detector {
	var ds []detect.Detector
	for _, d := range ukDetectors() {
		if _, ok := d.(detect.RunFilter); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// ukGateCheck compares each UK detector gated and ungated on text
// (MinScore 0), and checks that every maximal digit run touching a
// finding has a shape the detector accepts.
// ukGateAnchors lists the anchor filters (see detect.RunFilter): they
// accept only the run Detect starts a match from, so a finding needs one
// accepted run, not all.
var ukGateAnchors = map[string]bool{
	"pii/uk-nino": true, "pii/uk-nhs": true, "pii/uk-chi": true, "pii/uk-hc": true, "pii/uk-utr": true, "pii/uk-sort-code": true,
	"pii/uk-vat": true, "pii/uk-driving-licence": true,
}

func ukGateCheck(t *testing.T, engines [][2]*detect.Engine, text []byte, found []int) {
	t.Helper()
	for k, d := range ukGateDetectors() {
		got, _ := engines[k][0].AppendFind(nil, text)
		want, _ := engines[k][1].AppendFind(nil, text)
		if !slices.Equal(got, want) {
			t.Fatalf("%s on %q: gated %v, ungated %v", d.Spec().ID, text, got, want)
		}
		f := d.(detect.RunFilter)
		if found != nil {
			found[k] += len(want)
		}
		for _, fd := range want {
			runs := ukGateRuns(text, int(fd.Start), int(fd.End))
			if ukGateAnchors[d.Spec().ID] {
				if !slices.ContainsFunc(runs, f.AcceptRun) {
					t.Fatalf("%s: finding %q of %q has no run the (anchor) filter accepts", d.Spec().ID, text[fd.Start:fd.End], text)
				}
				continue
			}
			for _, r := range runs {
				if !f.AcceptRun(r) {
					t.Fatalf("%s: finding %q of %q has a run of shape %+v the filter rejects", d.Spec().ID, text[fd.Start:fd.End], text, r)
				}
			}
		}
	}
}

// ukGateRuns returns the shapes of the maximal digit runs of text that
// overlap text[s:e].
func ukGateRuns(text []byte, s, e int) []detect.RunShape {
	var out []detect.RunShape
	for i := 0; i < len(text); {
		if !ukIsDigit(text[i]) {
			i++
			continue
		}
		j := ukDigitRunEnd(text, i)
		if i < e && j > s {
			r := detect.RunShape{Len: min(j-i, detect.MaxRunLen), Before: detect.ClassLineEdge, After: detect.ClassLineEdge}
			if i > 0 {
				r.Before = detect.ClassOf(text[i-1])
			}
			if j < len(text) {
				r.After = detect.ClassOf(text[j])
			}
			r.JoinBefore = i >= 2 && ukIsDigit(text[i-2])
			r.JoinAfter = j+1 < len(text) && ukIsDigit(text[j+1])
			r.UpperBeyond = j+1 < len(text) && ukIsUpper(text[j+1])
			r.LowerBeyond = j+1 < len(text) && ukIsLower(text[j+1])
			out = append(out, r)
		}
		i = j
	}
	return out
}

func ukGateEngines() [][2]*detect.Engine {
	var es [][2]*detect.Engine
	for _, d := range ukGateDetectors() {
		es = append(es, [2]*detect.Engine{
			detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 0}),
			detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0}),
		})
	}
	return es
}

// ukGatePieces are the fragments the random texts are built from.
var ukGatePieces = []string{
	" ", " ", " ", "-", "/", ":", ",", ".", "\n", "_", "+", "#", "(", ")", "[", "]", "£", "K", "k", "GB", "XI", "GBGD", "GBHA",
	"BFPO", "bfpo", "GIR", "AB", "ab", "QQ", "SW", "sw", "A", "C", "D", "M", "MORGA", "MA999", "SM9IJ", "S99JK", "UA", "NHS ",
	"passport ", "VAT ", "electoral ", "sort code ", "UTR ", "CHI ", "reg ", "postcode ", "account ",
}

// ukGateCues are context words the detectors need or score.
var ukGateCues = []string{
	"", "passport ", "Passport no. ", "VAT ", "electoral roll ", "polling ", "sort code ", "UTR ", "NHS ", "CHI ",
	"H&C ", "reg ", "postcode ", "account ", "licence ", "NI number ",
}

// ukGateRandText builds a random text of format fragments, digit groups
// and letters.
func ukGateRandText(r *rand.Rand) []byte {
	var b strings.Builder
	n := 1 + r.IntN(16)
	for range n {
		switch r.IntN(4) {
		case 0, 1:
			for range 1 + r.IntN(12) {
				b.WriteByte(byte('0' + r.IntN(10)))
			}
		case 2:
			b.WriteString(ukGatePieces[r.IntN(len(ukGatePieces))])
		case 3:
			for range 1 + r.IntN(4) {
				if r.IntN(2) == 0 {
					b.WriteByte(byte('A' + r.IntN(26)))
				} else {
					b.WriteByte(byte('a' + r.IntN(26)))
				}
			}
		}
	}
	return []byte(b.String())
}

// ukGateValid are valid numbers (checksums pass) to splice into the
// random texts, so that random texts reach every format.
var ukGateValid = []string{
	"9434765919", "943 476 5919", "943-476-5919", "0101011237", "010101 1237", "3234567890", "1097172564",
	"10971 72564", "980780684", "980 7806 84", "980 7806 84 001", "980780684001", "925665416", "753116",
	"12-34-56", "12 34 56", "12345678", "1234 5678", "123456", "12 34 56", "1AA", "1A 1AA", "12 34 56 C",
}

func TestUKRunGatingRandom(t *testing.T) {
	engines := ukGateEngines()
	found := make([]int, len(engines))
	for _, s := range ukGateSeeds {
		ukGateCheck(t, engines, []byte(s), found)
	}
	// Every match found in the seeds, to be put in random company.
	var matches []string
	for _, s := range append(ukFuzzSeeds(), ukGateSeeds...) {
		for k := range engines {
			fs, _ := engines[k][1].AppendFind(nil, []byte(s))
			for _, f := range fs {
				matches = append(matches, s[f.Start:f.End])
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	n, least := 100000, 50
	if testing.Short() {
		n, least = 5000, 0
	}
	for range n {
		var text []byte
		switch r.IntN(3) {
		case 0:
			text = ukGateRandText(r)
		case 1:
			text = ukGateRandText(r)
			v := ukGateValid[r.IntN(len(ukGateValid))]
			at := r.IntN(len(text) + 1)
			text = append(text[:at:at], append([]byte(v), text[at:]...)...)
		case 2:
			// A cue, then a match with random neighbours, then maybe another.
			text = append(text, ukGateCues[r.IntN(len(ukGateCues))]...)
			for range 1 + r.IntN(2) {
				for range r.IntN(3) {
					text = append(text, ukGatePieces[r.IntN(len(ukGatePieces))]...)
				}
				m := []byte(matches[r.IntN(len(matches))])
				if r.IntN(4) == 0 { // change one byte
					m[r.IntN(len(m))] = " -/:.,A9a"[r.IntN(9)]
				}
				text = append(text, m...)
			}
			for range r.IntN(3) {
				text = append(text, ukGatePieces[r.IntN(len(ukGatePieces))]...)
			}
		}
		ukGateCheck(t, engines, text, found)
	}
	// Every detector must have been exercised beyond the seeds.
	for k, d := range ukGateDetectors() {
		t.Logf("%s: %d findings", d.Spec().ID, found[k])
		if found[k] < least {
			t.Errorf("%s: only %d findings: the random texts miss its formats", d.Spec().ID, found[k])
		}
	}
}

// TestUKRunGatingShapes pins what the filters accept and reject.
func TestUKRunGatingShapes(t *testing.T) {
	sh := func(n int, b, a byte) detect.RunShape {
		cls := func(c byte) detect.ByteClass {
			if c == '^' { // stands for a line edge
				return detect.ClassLineEdge
			}
			return detect.ClassOf(c)
		}
		// Joined on both sides: the join rules then accept what the
		// class rules accept.
		return detect.RunShape{Len: n, Before: cls(b), After: cls(a), JoinBefore: true, JoinAfter: true}
	}
	lone := func(n int, b, a byte) detect.RunShape {
		r := sh(n, b, a)
		r.JoinBefore, r.JoinAfter = false, false
		return r
	}
	// A first group: joined to the next group only.
	first := func(n int, b, a byte) detect.RunShape {
		r := sh(n, b, a)
		r.JoinBefore = false
		return r
	}
	// A letter after the After byte: "1AA" (upper) or "3pm" (lower).
	upper := func(r detect.RunShape) detect.RunShape {
		r.JoinAfter, r.UpperBeyond = false, true
		return r
	}
	lower := func(r detect.RunShape) detect.RunShape {
		r.JoinAfter, r.LowerBeyond = false, true
		return r
	}
	accept := map[string][]detect.RunShape{
		"pii/uk-postcode": {sh(1, 'W', ' '), upper(sh(1, ' ', 'A')), lower(sh(1, ' ', 'a')), lower(first(1, ' ', 'a')), sh(2, 'S', 'A'),
			upper(sh(2, 'S', 'A')), lower(sh(1, 'w', 'a')), sh(3, 'B', 'A'), sh(4, 'O', '^'), lone(4, ' ', ','), first(4, ' ', ','),
			lone(3, ' ', '.'), lone(4, 'O', '-'), first(3, ' ', ';'), first(2, 'o', '/')},
		"pii/uk-nino":                 {first(6, 'B', 'C'), first(6, ' ', ' '), first(2, 'B', ' '), first(2, ' ', ' '), first(2, '-', '-')},
		"pii/uk-nhs":                  {sh(10, ' ', '.'), sh(3, ' ', ' '), sh(3, '^', '-')},
		"pii/uk-chi":                  {sh(10, ' ', '.'), sh(6, ' ', ' ')},
		"pii/uk-hc":                   {sh(10, '(', ')'), sh(3, ' ', ' ')},
		"pii/uk-driving-licence":      {sh(6, 'A', 'S'), sh(9, 'A', 'S'), sh(1, 'M', 'I'), sh(3, 'J', '^'), sh(6, ' ', ' '), sh(3, 'A', ' ')},
		"pii/uk-vehicle-registration": {sh(2, 'B', ' '), sh(2, 'B', 'C'), sh(3, 'A', ' '), sh(3, ' ', 'D'), sh(1, 'C', 'D')},
		"pii/uk-utr":                  {sh(10, 'K', ' '), sh(10, ' ', 'K'), sh(10, ' ', '^'), sh(5, ' ', ' '), sh(5, '^', '-')},
		"pii/uk-vat":                  {sh(9, 'B', ' '), sh(9, ' ', '.'), sh(12, 'I', '^'), sh(3, 'B', ' '), sh(3, 'D', '^'), sh(3, ' ', ' ')},
		"pii/uk-sort-code":            {sh(2, ' ', '-'), sh(2, '-', '-'), first(2, '^', ' '), first(6, ' ', '^')},
	}
	// Shapes no match can have since the detectors check the end of the
	// number ("12-34-56x: 12345678") and UTRs dropped 3-3-4 groups.
	// Lone numbers in a sentence ("in 10 mins", "room 123 at") are not
	// groups of a grouped number. The anchor filters also reject the
	// later groups of a number, which no match starts from: the last
	// group of a sort code, NINO or 3-3-4 number, a NINO group after
	// another, an account number.
	reject := map[string][]detect.RunShape{
		"pii/uk-postcode": {sh(4, ' ', ' '), sh(2, ' ', ','), sh(3, ' ', '^'),
			// "9a,", "x 1A.", "4Gb", "5sK": a one-digit run after a space
			// before a letter and no letter of its case, a code of mixed case.
			lone(1, ' ', 'a'), lone(1, ' ', 'A'), lower(sh(1, ' ', 'A')), upper(sh(1, ' ', 'a')), lower(sh(1, 'x', 'G')), upper(sh(1, 'x', 's')),
			// A BFPO number glued to what follows: "BFPO 3.5", "BFPO 10-12",
			// "BFPO12.x", "BFPO 12_a", "BFPO 10,5".
			first(1, ' ', '.'), first(2, ' ', '-'), upper(lone(2, 'O', '.')), lower(lone(2, ' ', '_')), first(2, ' ', ','), first(3, 'O', ',')},
		"pii/uk-sort-code": {sh(2, '-', 'x'), sh(2, ' ', 's'), sh(2, ' ', 'A'), lone(2, ' ', ' '), lone(2, '-', '-'), lone(4, ' ', ' '),
			sh(2, '-', ':'), sh(2, ' ', ';'), sh(8, ' ', '.'), sh(4, ' ', ' '), sh(4, ' ', ','),
			// The last group of "+44 7700 900123: hi" or "1\t900123".
			sh(6, ' ', ':'), sh(6, '\t', '^')},
		"pii/uk-utr":             {sh(3, ' ', ' '), sh(3, '^', '-'), sh(4, ' ', '^'), sh(4, '-', ')'), lone(5, ' ', ' '), sh(5, '-', '.'), sh(5, ' ', ',')},
		"pii/uk-nino":            {lone(2, ' ', ' '), lone(2, 'B', ' '), lone(2, '-', '-'), sh(2, ' ', ' '), sh(2, ' ', '^'), sh(6, ' ', ' ')},
		"pii/uk-nhs":             {lone(3, ' ', ' '), lone(4, ' ', ','), lone(3, '^', '-'), sh(4, '-', ')'), sh(4, ' ', '^')},
		"pii/uk-chi":             {lone(6, ' ', ' '), lone(4, ' ', '^'), sh(4, ' ', '^')},
		"pii/uk-hc":              {lone(3, ' ', ' '), lone(4, ' ', ','), sh(4, ' ', ',')},
		"pii/uk-driving-licence": {sh(2, ' ', '^'), lone(2, ' ', ' ')},
		"pii/uk-vat":             {lone(4, ' ', ' '), lone(2, ' ', ' '), lone(3, ' ', ' '), sh(4, ' ', ' '), sh(2, ' ', ' '), sh(3, ' ', ',')},
	}
	// Chat timestamps, times, money, years, ordinals, versions.
	chat := []detect.RunShape{
		sh(2, '[', '/'), sh(2, '/', '/'), sh(4, '/', ','), sh(2, ':', ':'), sh(2, ':', ']'), sh(2, ' ', ':'),
		sh(3, 0xC2, ' '), sh(2, ' ', '%'), lower(sh(1, ' ', 'p')), lower(sh(1, ' ', 's')), sh(1, '.', '.'), sh(11, ' ', ' '),
	}
	// Chat shapes a filter must still accept, because a match can have
	// them. ("BFPO 57;" and "\"BFPO 57\"" would keep shapes 5 and 7
	// for postcodes, since a shape cannot tell ':' from ';' nor '%' from
	// '"', but a BFPO number is never joined to digits before it. The NINO, sort
	// code and VAT filters need only the first group, so they drop the
	// last groups of "AB 12 34 56;", "12-34-56;" and "GB 980 7806 84;".) "sw3 3pa" is a lower-case postcode, "£943 476
	// 5919" an NHS number (not a UTR: 3-3-4 is never HMRC's).
	keep := map[string][]int{
		"pii/uk-postcode":        {8, 9},
		"pii/uk-nino":            {},
		"pii/uk-nhs":             {6},
		"pii/uk-chi":             {6},
		"pii/uk-hc":              {6},
		"pii/uk-driving-licence": {},
		"pii/uk-vat":             {6},
		"pii/uk-sort-code":       {},
	}
	for _, d := range ukGateDetectors() {
		id := d.Spec().ID
		f := d.(detect.RunFilter)
		acc, ok := accept[id]
		if !ok {
			t.Errorf("%s: no shapes listed", id)
		}
		for _, s := range acc {
			if !f.AcceptRun(s) {
				t.Errorf("%s rejects %+v", id, s)
			}
		}
		for _, s := range reject[id] {
			if f.AcceptRun(s) {
				t.Errorf("%s accepts %+v", id, s)
			}
		}
		for i, s := range chat {
			if f.AcceptRun(s) != slices.Contains(keep[id], i) {
				t.Errorf("%s: chat shape %d %+v: accept %v", id, i, s, f.AcceptRun(s))
			}
		}
	}
}

// FuzzUKRunGating compares every UK detector with and without its run
// filter on fuzzed text, and checks each finding's runs are accepted.
func FuzzUKRunGating(f *testing.F) {
	for _, s := range ukGateSeeds {
		f.Add(s)
	}
	for _, s := range ukFuzzSeeds() {
		f.Add(s)
	}
	engines := ukGateEngines()
	f.Fuzz(func(t *testing.T, s string) {
		ukGateCheck(t, engines, []byte(s), nil)
	})
}

// ExampleNewUKSortCode_runFilter shows a timestamp the sort-code filter
// skips and the middle group of a code ("12-34-56") it keeps.
func ExampleNewUKSortCode_runFilter() {
	f := NewUKSortCode().(detect.RunFilter)
	fmt.Println(f.AcceptRun(detect.RunShape{Len: 2, Before: detect.ClassColon, After: detect.ClassColon}))
	fmt.Println(f.AcceptRun(detect.RunShape{Len: 2, Before: detect.ClassDash, After: detect.ClassDash, JoinBefore: true, JoinAfter: true}))
	// Output:
	// false
	// true
}
