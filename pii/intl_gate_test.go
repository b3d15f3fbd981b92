package pii

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// Tests of the run filters in intl_gate.go: the runs of real matches are
// accepted, the runs of timestamps, times, money and the like are
// rejected where the formats allow it, and findings with the filter equal
// those without it (also fuzzed: FuzzIntlGate).

// intlGateHard holds the formats of the five detectors (date-of-birth,
// not gated, checked as the others) glued to every
// sort of neighbour, plus the inputs where a skipped candidate hides a
// later match (Detect's skip must happen with the filter too).
var intlGateHard = []string{
	"Senders: [12/03/2021, 09:14:55] +44 4111 111111: 1111 1111 1111\n12/03/2021, 21:14 - +37 1449 635398: 431 +41 1111 111111: 1111 GB82 +44 7700 900123: 1.2",
	"Clock and date beside numbers: 4111 1111 1111 1111 12/25 12:30; 192.0.2.1 12:30 2001:db8::1 12:30 fe80::1:12:30 10:20:30:40 12:34:56:78 12/03/21 High Street, Leeds LS1 1AA. Flat 12/03/21 High St [12/03/2021, 09:14:55]",
	"Card 4111 1111 1111 1111, 4111-1111-1111-1111, 4111111111111111, 3714 496353 98431, 3056 930902 5904, 6011 0009 9013 9424 123.",
	"card:4111111111111111; (4111 1111 1111 1111) x4111111111111111 4111111111111111y 4111 1111 1111 111: ok",
	"1234567 1234567 1234567 1234567 1234567 1234567 - 4111 1111 1111 1111 card",
	"x12345678901234567890123456789012345678901  4111111111111111",
	"12-34-56 2021-03-12 4111 1111 1111 11.5 4111 1111 1111 111-a 1.4111 1111 1111 1111 1/4111 1111 1111 1111 1_4111 1111 1111 1111 4111-1111-1111-1111_x",
	"1\t4111 1111 1111 1111\t2 4111111111111111.5 1-4111111111111111 4111111111111111/x 3714 496353.98431 3714-496353-98431-2 4111 1111 1111 1111;5",
	"X12345678901234567890 12345678901234567890Y  4111111111111111",
	"IBAN GB82 WEST 1234 5698 7654 32, GB82WEST12345698765432, DE89370400440532013000, NL91 ABNA 0417 1643 00.",
	"iban:GB82WEST12345698765432. (DE89 3704 0044 0532 0130 00) BE68539007547034",
	"IP 192.0.2.1, 198.51.100.23:8080, 203.0.113.0/24, 2001:db8::1, [2001:db8:85a3::8a2e:370:7334]:443 fe80::1ff:fe23:4567:890a",
	"::ffff:192.0.2.1 ::1 1::  2001:DB8:0:0:8:800:200C:417A ab12::cd34 http://192.0.2.7/x 10.0.0.1; 12:30:45 1.2.3.4.5 v1.2.3.4",
	"12345.1:2::3 1.2.3.45:1::1 2021::1 ::2021 fe80::2021. a:b:c:d:e:f:1:2 1.2.3.4......................................................5",
	"DOB 12/03/1961, born 12.03.1961, d.o.b. 1961-03-12, DOB: 12th March 1961, born on 3rd of May 1975, (DOB 01/02/03).",
	"born March 12, 1961; dob Mar 12th 1961; birth 12-Mar-61; DOB 12 March,1961; born 12-Mar-1961\nDate of birth:\n  03/25/1961",
	"born x12 March 1961-03-12 dob; dob x12/03/12/03/1961; born 1961/03/12x 03/12/61 dob",
	"Address: 10 Downing Street, London SW1A 2AA; Flat 2/3, 14 High St, Leeds LS1 1AA; 221B Baker Street, London NW1 6XE.",
	"Flat 3, 12 Acacia Avenue, Reading, Berkshire RG1 1AA. 10-12 Mill Lane, Hove BN31AA. Rose Cottage, Mill Lane, Hove BN3 1AA. GIR 0AA",
	"Apartment 12B 4 Park Road, Bath BA1 1AA; 12a High Street; 12, Acacia Road; /12 Acacia Road; EC1A 1BB, B33 8TH, M1 1AE",
	"[12/03/2021, 09:14:55] Sam: ok 12:30? 12/03/2021, 21:14 - Jo: 3pm £250 2021 1st 2nd 10% #42 x2 3x A4 MP3 4G COVID-19 v1.2.3",
}

func intlGateDetectors() []detect.Detector {
	return []detect.Detector{NewPaymentCard(), NewIBAN(), NewIPAddress(), NewUKAddress()}
}

// intlGateCompare reports how the findings of d with and without its run
// filter differ on text, or "".
func intlGateCompare(gated, plain *detect.Engine, text []byte) string {
	got, _ := gated.AppendFind(nil, text)
	want, _ := plain.AppendFind(nil, text)
	if slices.Equal(got, want) {
		return ""
	}
	return fmt.Sprintf("gated %v, ungated %v", got, want)
}

func intlGateEngines(d detect.Detector) (gated, plain *detect.Engine) {
	opt := &detect.Options{MinScore: 0}
	return detect.MustCompile([]detect.Detector{d}, opt), detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, opt)
}

func TestIntlGateEquivalence(t *testing.T) {
	texts := slices.Clone(intlGateHard)
	for _, cs := range [][]string{cardCases, ibanCases, ipCases, dobCases, addrCases} {
		texts = append(texts, intlStripAll(cs)...)
	}
	for _, d := range intlGateDetectors() {
		gated, plain := intlGateEngines(d)
		for _, s := range texts {
			if diff := intlGateCompare(gated, plain, []byte(s)); diff != "" {
				t.Errorf("%s on %q: %s", d.Spec().ID, s, diff)
			}
		}
		detecttest.Run(t, d, intlGateHard...)
	}
}

// FuzzIntlGate compares the findings of the five detectors with and
// without their run filters (MinScore 0).
func FuzzIntlGate(f *testing.F) {
	for _, s := range intlGateHard {
		f.Add([]byte(s))
	}
	for _, cs := range [][]string{cardCases, ibanCases, ipCases, dobCases, addrCases} {
		for _, s := range intlStripAll(cs) {
			f.Add([]byte(s))
		}
	}
	type pair struct{ gated, plain *detect.Engine }
	var es []pair
	for _, d := range intlGateDetectors() {
		g, p := intlGateEngines(d)
		es = append(es, pair{g, p})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, e := range es {
			if diff := intlGateCompare(e.gated, e.plain, data); diff != "" {
				t.Fatalf("%s on %q: %s", intlGateDetectors()[i].Spec().ID, data, diff)
			}
		}
	})
}

// intlRuns returns the shapes of the digit runs of s.
func intlRuns(s string) (shapes []detect.RunShape, runs []string) {
	cls := func(i int) detect.ByteClass {
		if i < 0 || i >= len(s) {
			return detect.ClassLineEdge
		}
		return detect.ClassOf(s[i])
	}
	for i := 0; i < len(s); {
		if !intlDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && intlDigit(s[j]) {
			j++
		}
		shapes = append(shapes, detect.RunShape{Len: min(j-i, detect.MaxRunLen), Before: cls(i - 1), After: cls(j),
			JoinBefore: i >= 2 && intlDigit(s[i-2]), JoinAfter: j+1 < len(s) && intlDigit(s[j+1]),
			UpperBeyond: j+1 < len(s) && intlUpper(s[j+1]), LowerBeyond: j+1 < len(s) && s[j+1]-'a' < 26})
		runs = append(runs, s[max(0, i-1):min(len(s), j+1)])
		i = j
	}
	return shapes, runs
}

func TestIntlGateShapes(t *testing.T) {
	tests := []struct {
		d      detect.Detector
		accept []string // every run of these is accepted (with anchor, the first run)
		reject []string // every run of these is rejected
		anchor bool     // Detect starts matches only at their first run
	}{
		{NewPaymentCard(),
			[]string{"4111111111111111", "(4111 1111 1111 1111)", "4111-1111-1111-1111-123.", "3714 496353 98431",
				"3056 930902 5904", "5555555555554444:", "4111 1111 1111 111"},
			[]string{"[12/03/2021,", ":14:55]", "3pm", "£250", "x2", "1st", "v1.2.3", "12345678", "A4", "MP3", "2021/",
				"in 10 mins", "room 1234 at", "page 123456 of", "ext 123 ok"}, false},
		{NewIBAN(),
			[]string{"GB82 WEST 1234 5698 7654 32.", "GB82WEST12345698765432", "DE89370400440532013000", "NL91 ABNA 0417 1643 00",
				"MU17 BOMM 0101 1010 3030 0200 000M UR"},
			[]string{"[12/03/2021,", ":14:55]", "3pm", "£250", "x2", "1st", "v1.2.3", "12345", "(0)20",
				"WEST 1234 5698 7654 32.", "ABNA 0417 1643 00", "in 10 mins", "x1"}, true},
		{NewIPAddress(),
			[]string{"192.0.2.1", "198.51.100.23:8080", "203.0.113.0/", "2001:db8::1", "[2001:db8:85a3::8a2e:370:7334]",
				"fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.1", "2001:DB8:0:0:8:800:200C:417A", "(2021::1)", "::2021."},
			[]string{"12/03/2021,", "/24 ", "£250", "2021", "10%", "#42", "(3)", "12345", "1234567", ".50 ", ".0.1 "}, true},
		{NewUKAddress(),
			[]string{"10 Downing Street, London SW1A 2AA", "14 High St, Leeds LS1 1AA.", "221B Baker Street, London NW1 6XE.",
				"Flat 3, 12 Acacia Avenue", "Hove BN31AA.", "GIR 0AA", "EC1A 1BB", "B33 8TH", "M1 1AE",
				"12a High Street", "12, Acacia Road", "Apartment 12B 4 Park Road"},
			[]string{"[12/03", ":14:55]", "£250.", "1.2", "v1", "x2", "#42.", "12345", "12:30", "in 10 mins", "at 3 pm"}, false},
	}
	for _, tc := range tests {
		f := tc.d.(detect.RunFilter)
		id := tc.d.Spec().ID
		for _, s := range tc.accept {
			shapes, runs := intlRuns(s)
			if tc.anchor {
				shapes = shapes[:1]
			}
			for i, sh := range shapes {
				if !f.AcceptRun(sh) {
					t.Errorf("%s rejects run %q of %q (%+v)", id, runs[i], s, sh)
				}
			}
		}
		for _, s := range tc.reject {
			shapes, runs := intlRuns(s)
			for i, sh := range shapes {
				if f.AcceptRun(sh) {
					t.Errorf("%s accepts run %q of %q (%+v)", id, runs[i], s, sh)
				}
			}
		}
	}
	// The timestamps chat exports start every line with: the share of
	// runs each filter passes.
	for _, d := range intlGateDetectors() {
		f := d.(detect.RunFilter)
		n, k := 0, 0
		for _, s := range []string{"[12/03/2021, 09:14:55] ", "\n12/03/2021, 21:14 - Jo: "} {
			shapes, _ := intlRuns(s)
			for _, sh := range shapes {
				n++
				if f.AcceptRun(sh) {
					k++
				}
			}
		}
		t.Logf("%s: %d of %d timestamp runs accepted", d.Spec().ID, k, n)
	}
}

// TestCardGateGlued: the card filter rejects the runs that would start
// or end a card glued to a neighbour or inside a longer chain, and keeps
// the same groups where a space or tab (one class) may end the chain.
func TestCardGateGlued(t *testing.T) {
	f := card{}
	tests := []struct {
		s    string
		run  int // index of the run in s
		want bool
	}{
		{"12-34-56 ", 1, false},             // a 2-digit group before '-' and a digit: not a last group
		{"12-34-56 ", 2, true},              // the last group
		{"2021-03-12 ", 1, false},           // likewise the month of an ISO date
		{"4111 1111 1111 11.5", 3, false},   // a last group glued by '.'
		{"4111 1111 1111 11-a", 3, false},   // by '-' and a letter
		{"4111 1111 1111 11/5", 3, false},   // by '/' and a digit
		{"4111 1111 1111 11_x", 3, false},   // by '_' and a letter
		{"4111 1111 1111 11. ", 3, true},    // a full stop ends it
		{"4111 1111 1111 11 5", 3, true},    // a space (or tab) and a digit may end it
		{"4111 1111 1111 11;5", 3, true},    // ';' shares ':''s class
		{"1.4111 1111 1111 1111", 1, false}, // a first group glued by '.'
		{"1/4111 1111 1111 1111", 1, false}, // by '/'
		{"1_4111 1111 1111 1111", 1, true},  // '_' shares '-''s class: a middle group
		{"1\t4111 1111 1111 1111", 1, true}, // a tab may end a chain
		{"1-4111-1111-1111-1111", 1, true},  // a middle group
		{"4111 1111 1111 1111.5", 4, false}, // a last group of 4 glued by '.'
		{"4111 1111 1111 1111-5", 4, true},  // or a middle group
		{"1.4111111111111111 ", 1, false},   // a contiguous number glued on either side
		{"4111111111111111-5 ", 0, false},   //
		{"4111111111111111_a ", 0, false},   //
		{"4111111111111111/x ", 0, false},   //
		{"1-4111111111111111 ", 1, false},   // joined by '-' to a group before (cardRun)
		{"1\t4111111111111111\t2", 1, true}, // a tab either side ends the chain
		{"4111111111111111. x", 0, true},    //
		{"3714 496353.98431 ", 1, false},    // a 6-digit group is joined on both sides
	}
	for _, tc := range tests {
		shapes, runs := intlRuns(tc.s)
		if got := f.AcceptRun(shapes[tc.run]); got != tc.want {
			t.Errorf("run %q of %q (%+v): accept %v, want %v", runs[tc.run], tc.s, shapes[tc.run], got, tc.want)
		}
	}
}
