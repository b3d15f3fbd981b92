package pii

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	_ "github.com/tidemark/tidemark/detect/detecttest"
)

// ukFind runs d alone over text and returns its findings (all scores).
func ukFind(t testing.TB, d detect.Detector, text string) []detect.Finding {
	t.Helper()
	eng, err := detect.Compile([]detect.Detector{d}, &detect.Options{Binary: detect.BinaryScan})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	fs, err := eng.AppendFind(nil, []byte(text))
	if err != nil {
		t.Fatalf("AppendFind: %v", err)
	}
	return fs
}

// ukAll returns every UK detector keyed by ID.
func ukAll() map[string]detect.Detector {
	m := map[string]detect.Detector{}
	for _, d := range ukDetectors() {
		m[d.Spec().ID] = d
	}
	return m
}

// ukVectors are published or synthetic valid and invalid values per
// detector; sources are listed in testdata/uk/README.md. Each value is
// placed in a neutral sentence that carries the context a detector needs
// to consider it at all (passport, electoral and bare VAT numbers).
var ukVectors = []struct {
	id      string
	ctx     string // sentence with %s for the value
	valid   []string
	invalid []string
}{
	{
		id:  "pii/uk-postcode",
		ctx: "Send it to %s today.",
		valid: []string{
			"SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA",
			"BFPO 1234", "BFPO 57", "SW1A1AA", "sw1a 1aa", "EH1 1YZ", "BT1 5GS", "CF10 1AA", "JE2 3AB",
			"IM1 1AA", "GY1 1AA", "N1C 4AA", "SE1P 5LX", "ZE1 0AA",
		},
		invalid: []string{
			"QA1 1AA", "VA1 1AA", "XA1 1AA", "AJ1 1AA", "SW1A 1CA", "SW1A 1AI", "SW1A 1AK", "W1I 1AA",
			"EC1Z 1AA", "SW1A 1AAA", "SW1A1", "XX1 1AA", "ZZ1 1AA", "Sw1A 1aA", "1AA", "SW123 1AA",
			"SW1A  1AA", "AB1 1A", "GIR 0AB", "SW1A 1AA-X", "x-SW1A 1AA",
		},
	},
	{
		id:  "pii/uk-nino",
		ctx: "Number %s on file.",
		valid: []string{
			"AB123456C", "AB 12 34 56 C", "AB-12-34-56-C", "AB 123456 C", "AB123456 C", "HN123456A",
			"JG103759A", "ab123456c", "AB123456", "AB 12 34 56", "PL987654D", "SH000000B",
		},
		invalid: []string{
			"QQ123456C", "QQ 12 34 56 A", "DA123456A", "AD123456A", "FA123456A", "AO123456A", "BG123456A",
			"GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A", "AB123456E",
			"AB12345C", "AB1234567C", "AB 12 34 56 E", "aB123456C", "XAB123456C", "AB123456CD",
			"AB 12-34 56 C", "AB123456C-XL", "ID-AB123456C", "AB123456C.pdf",
		},
	},
	{
		id:      "pii/uk-nhs",
		ctx:     "Record %s noted.",
		valid:   []string{"943 476 5919", "943-476-5919", "9434765919", "943 476 5870", "4582701086", "401 023 2137"},
		invalid: []string{"987 654 4321", "485 777 3456", "9434765871", "943 476 591", "1111111111", "0000000000", "943 476-5919", "94347659190", "+449434765919", "943.476.5919", "3201234567", "INV-9434765919", "#9434765919", "9434765919-A", "id_9434765919"},
	},
	{
		id:      "pii/uk-chi",
		ctx:     "Record %s noted.",
		valid:   []string{"0101011237", "010101 1237", "010101-1237", "290204 0008", "3112991230", "010 101 1237"},
		invalid: []string{"3201011234", "0113011234", "3002001234", "2902010006", "0101011238", "0000000000"},
	},
	{
		id:      "pii/uk-hc",
		ctx:     "Record %s noted.",
		valid:   []string{"320 000 0015", "3200000015", "399 999 9993", "350-123-4562"},
		invalid: []string{"319 999 9999", "400 000 0004", "320 000 0016", "3200000007"},
	},
	{
		id:      "pii/uk-utr",
		ctx:     "Reference %s noted.",
		valid:   []string{"2234567890", "1097172564", "2108834503", "2234567890K", "K2234567890", "1097172564k", "10971 72564"},
		invalid: []string{"1234567890", "5550000621", "12345678905", "1234567890K", "1234567890E", "0000000000", "1097172564KZ"},
	},
	{
		id:  "pii/uk-vat",
		ctx: "Our VAT no. is %s here.",
		valid: []string{
			"GB 980 7806 84", "GB980780684", "GB101747696", "GB101747641", "101747696", "980 7806 84",
			"GB980780684001", "GB 980 7806 84 001", "GBGD001", "GBHA599", "XI980780684", "GB000000097",
		},
		invalid: []string{"GB802311781", "802311781", "GB123456789", "123456789", "GBGD501", "GBHA499", "GB98078068", "GB9807806841", "GB 980 780 684"},
	},
	{
		id:      "pii/uk-passport",
		ctx:     "Passport number %s issued.",
		valid:   []string{"925665416", "107185703", "533401372"},
		invalid: []string{"92566541", "9256654160", "111111111", "925 665 416x", "P925665416"},
	},
	{
		id:  "pii/uk-driving-licence",
		ctx: "Licence %s held.",
		valid: []string{
			"MORGA753116SM9IJ", "MORGA657054SM9IJ", "MORGA753116SM9IJ35", "MORGA753116SM9IJ 35",
			"MORGA 753116 SM9IJ", "LEE99710104J99AB", "SMITH705175MJ9AB", "JONES860290AB1CD",
		},
		invalid: []string{
			"MORGA713116SM9IJ", "MORGA763116SM9IJ", "MORGA700016SM9IJ", "MORGA704316SM9IJ",
			"MORGA702306SM9IJ", "MORGA753116SM9I", "9ORGA753116SM9IJ", "MO9GA753116SM9IJ",
			"MORGA753116SM9IJ3", "MORGA753116SMXIJ", "morga753116sm9ij", "MORGA7531169M9IJ", "MORGA753116SM9IJ-X",
		},
	},
	{
		id:      "pii/uk-vehicle-registration",
		ctx:     "Vehicle %s parked.",
		valid:   []string{"BD51 SMR", "AB12 CDE", "LA02 XYZ", "YX68 ABC", "BD51SMR", "A123 BCD", "R1 ABC", "ABC 123D", "KLM 1A"},
		invalid: []string{"ID51 SMR", "QD51 SMR", "BI51 SMR", "BD01 SMR", "BD50 SMR", "BD80 SMR", "BD51 SIR", "BD51 SQR", "I123 BCD", "A012 BCD", "A123 BCZ", "ABC 123I", "ABC 012D", "ABQ 123D", "BD51 SMRT", "BD51 SMR.jpg", "img_BD51 SMR"},
	},
	{
		id:      "pii/uk-electoral-roll",
		ctx:     "Electoral roll number %s listed.",
		valid:   []string{"UA0001", "AB123", "AB-123", "AB/123", "ABC 1234", "UA1-234", "K12"},
		invalid: []string{"ABCD123", "AB123456", "ab123", "ID 12", "NO 5", "AB12C"},
	},
	{
		id:      "pii/uk-sort-code",
		ctx:     "Pay to %s please.",
		valid:   []string{"12-34-56", "12 34 56", "12-34-56 12345678", "12-34-56, account 1234 5678", "12345678 at 40-11-62"},
		invalid: []string{"12-34-567", "12-34", "00-00-00", "12-34-56-78", "12.34.56", "2024-12-03", "1-23-45"},
	},
}

func TestUKVectors(t *testing.T) {
	all := ukAll()
	for _, tc := range ukVectors {
		d := all[tc.id]
		if d == nil {
			t.Fatalf("no detector %s", tc.id)
		}
		for _, v := range tc.valid {
			text := fmt.Sprintf(tc.ctx, v)
			at := strings.Index(text, v)
			fs := ukFind(t, d, text)
			if len(fs) != 1 || fs[0].Start != int64(at) || fs[0].End != int64(at+len(v)) {
				t.Errorf("%s: valid %q in %q: got %v, want one finding [%d,%d)", tc.id, v, text, fs, at, at+len(v))
			}
		}
		for _, v := range tc.invalid {
			text := fmt.Sprintf(tc.ctx, v)
			if fs := ukFind(t, d, text); len(fs) != 0 {
				t.Errorf("%s: invalid %q in %q: got %v (%q)", tc.id, v, text, fs, text[fs[0].Start:fs[0].End])
			}
		}
	}
}

// ukQuirks are texts whose findings (all scores) are pinned: numbers
// that run on past their end, NINOs read as sort codes, NHS-shaped UTRs.
// Each want is the list of matched substrings, in order.
var ukQuirks = []struct {
	id   string
	text string
	want []string
}{
	// A comma next to a group of more than three digits separates CSV
	// fields; next to a group of three it may be a thousands separator.
	{"pii/uk-nhs", "Kwame Evans,5345332304,12/03/1961", []string{"5345332304"}},
	{"pii/uk-nhs", "id,5345332304", []string{"5345332304"}},
	{"pii/uk-nhs", "12,5345332304 x", []string{"5345332304"}},
	{"pii/uk-nhs", "5,345,332,304 and 534,5332304", nil},
	// A BFPO number ends the number: no ':' + digit, '%', ',' + digit after it.
	{"pii/uk-postcode", "Meet at BFPO 09:14 today", nil},
	{"pii/uk-postcode", "bfpo 10% off", nil},
	{"pii/uk-postcode", "BFPO 10,5 units", nil},
	{"pii/uk-postcode", "BFPO 10.5 units", nil},
	{"pii/uk-postcode", "BFPO1234:5", nil},
	{"pii/uk-postcode", "Forces mail: BFPO 57: Germany", []string{"BFPO 57"}},
	{"pii/uk-postcode", "BFPO 57; BFPO 58, BFPO 59.", []string{"BFPO 57", "BFPO 58", "BFPO 59"}},
	{"pii/uk-postcode", "\"BFPO 1234\" and (BFPO1234)", []string{"BFPO 1234", "BFPO1234"}},
	{"pii/uk-postcode", "bfpo 57 and bfpo1234", []string{"bfpo 57", "bfpo1234"}},
	{"pii/uk-postcode", "Bfpo 57 and bFPO 58", nil},
	// The last group of a NINO ends the number.
	{"pii/uk-nino", "AB 12 34 56:78", nil},
	{"pii/uk-nino", "AB 12 34 56,78", nil},
	{"pii/uk-nino", "AB123456:78", nil},
	{"pii/uk-nino", "AB 12 34 56: on file; AB 12 34 57;", []string{"AB 12 34 56", "AB 12 34 57"}},
	// The sort code ends before its account number.
	{"pii/uk-sort-code", "12-34-56x: 12345678", nil},
	{"pii/uk-sort-code", "12 34 56x 12345678", nil},
	{"pii/uk-sort-code", "12345678 at 40-11-62x", nil},
	{"pii/uk-sort-code", "12-34-56: 12345678", []string{"12-34-56: 12345678"}},
	{"pii/uk-sort-code", "12 34 56 12345678", []string{"12 34 56 12345678"}},
	{"pii/uk-sort-code", "12345678 at 40-11-62.", []string{"12345678 at 40-11-62"}},
	// A NINO written with spaces (prefix, six digits, suffix) is not a sort code.
	{"pii/uk-sort-code", "NI number XA 44 39 30 A.", nil},
	{"pii/uk-sort-code", "NI number GB 63 32 54 C was rejected", nil},
	{"pii/uk-sort-code", "NINO NJ 05 17 01 B\norder no. 98635905", nil},
	{"pii/uk-sort-code", "order no. 81266000\nNI number NW 14 97 98 B", nil},
	{"pii/uk-sort-code", "ab-12-34-56-c", nil},
	{"pii/uk-sort-code", "SC 12 34 56 and SC 12-34-56, account 12345678", []string{"12 34 56", "12-34-56, account 12345678"}},
	{"pii/uk-sort-code", "sort code 12 34 56 A/C 12345678", []string{"12 34 56 A/C 12345678"}},
	{"pii/uk-sort-code", "sort code: 12-34-56 a", []string{"12-34-56"}},
	{"pii/uk-sort-code", "sort code is 12 34 56 I think; AB 12 34 56 E", []string{"12 34 56", "12 34 56"}},
	// UTRs are ten digits or 5-5; 3-3-4 is the NHS layout.
	{"pii/uk-utr", "NHS 943 476 5919 and 109-717-2564, 109 717 2564", nil},
	{"pii/uk-utr", "UTR 1097172564, 10971 72564, 10971-72564", []string{"1097172564", "10971 72564", "10971-72564"}},
}

func TestUKQuirks(t *testing.T) {
	all := ukAll()
	for _, q := range ukQuirks {
		var got []string
		for _, f := range ukFind(t, all[q.id], q.text) {
			got = append(got, q.text[f.Start:f.End])
		}
		if fmt.Sprint(got) != fmt.Sprint(q.want) {
			t.Errorf("%s on %q: got %q, want %q", q.id, q.text, got, q.want)
		}
	}
}
