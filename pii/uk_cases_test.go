package pii

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// ukCaseMin is the score at which annotated cases are judged: marked
// matches must reach it and unmarked lines must stay below it.
const ukCaseMin = 50

// ukHardNegatives are lines no UK detector may report at ukCaseMin.
var ukHardNegatives = []string{
	"Invoice INV-2024-000123 total £1,234.56 due 12/03/2024.",
	"Call 020 7946 0018 or 07700 900123 after 6pm.",
	"Order #123456789 shipped on 2024-03-12 at 10:30.",
	"Version 1.2.3.4 released; build 2024.11.22.1830.",
	"Order ref 9434765919 dispatched.",
	"Tracking 1Z999AA10123456784 and SKU AB123456C-XL.",
	"Temperature 12-34-56 readings at 10:00, 11:00 and 12:00.",
	"Coordinates 51.5014, -0.1419; page 1234567890.",
	"Serial 0000000000 and 1111111111 are placeholders.",
	"IP 192.0.2.10 and 2001:db8::1 in the log.",
	"Mail anyone@example.com with reference ABC123.",
}

var ukCases = map[string][]string{
	"pii/uk-postcode": {
		"Address: 10 Downing Street, London ⟦SW1A 2AA⟧",
		"Postcode: ⟦M1 1AE⟧",
		"postcode ⟦sw1a1aa⟧ please",
		"Deliver to 1 High Street, Leeds, ⟦LS1 4AP⟧.",
		"Forces mail: postcode ⟦BFPO 1234⟧.",
		"Santa's postcode is ⟦GIR 0AA⟧",
		"Part number LS1 2AB for the pump",
		"Order ref B12 3DE cancelled",
		"The M1 1AE sounds odd",
		"Model SW1A 1AA-X is discontinued",
	},
	"pii/uk-nino": {
		"NI number: ⟦AB 12 34 56 C⟧",
		"Her National Insurance number is ⟦JG103759A⟧.",
		"⟦HN 123456 A⟧ is on the payslip",
		"NINO ⟦ab123456c⟧",
		"NI No.⟦AB123456C⟧",
		"National insurance no. ⟦AB123456⟧ (suffix missing)",
		"Part AB123456C in stock",
		"QQ 12 34 56 C is the textbook example",
		"Order AB123456 shipped",
	},
	"pii/uk-nhs": {
		"NHS number ⟦943 476 5919⟧",
		"Patient ⟦4582701086⟧ (NHS)",
		"NHS No: ⟦943-476-5870⟧",
		"NHS No.⟦9434765919⟧",
		"Invoice 9434765919 paid",
		"ISBN 943-476-5919",
		"Reference 943 476 5919",
		"NHS number 987 654 4321 fails its check",
	},
	"pii/uk-chi": {
		"CHI number ⟦0101011237⟧",
		"Community Health Index: ⟦010101 1237⟧",
		"Order 0101011237 shipped",
		"CHI 3201011234 has no such date",
	},
	"pii/uk-hc": {
		"H&C number ⟦320 000 0015⟧",
		"Health and Care Number ⟦3200000015⟧",
		"Invoice 3200000015",
	},
	"pii/uk-utr": {
		"UTR ⟦1097172564⟧",
		"Your Self Assessment UTR is ⟦10971 72564⟧",
		"unique taxpayer reference: ⟦2234567890K⟧",
		"Tel 1097172564",
		"Order 2234567890 shipped",
		"UTR 1234567890 fails its check",
	},
	"pii/uk-vat": {
		"VAT reg no. ⟦GB 980 7806 84⟧",
		"Supplier ⟦GB980780684⟧",
		"VAT: ⟦980 7806 84⟧",
		"Government department VAT ⟦GBGD001⟧",
		"Order 980780684 shipped",
		"VAT GB802311781 fails its check",
	},
	"pii/uk-passport": {
		"Passport no. ⟦925665416⟧",
		"HMPO passport number: ⟦107185703⟧ expires 2031",
		"Invoice 925665416",
		"passport fee for order 925665416",
	},
	"pii/uk-driving-licence": {
		"Driving licence ⟦MORGA753116SM9IJ⟧",
		"DVLA driver number ⟦MORGA753116SM9IJ 35⟧",
		"licence ⟦MORGA 753116 SM9IJ⟧",
		"Order ref MORGA753116SM9IJ",
		"Driving licence MORGA713116SM9IJ has month 13",
	},
	"pii/uk-vehicle-registration": {
		"Reg ⟦BD51 SMR⟧",
		"The car, ⟦AB12 CDE⟧, was parked outside",
		"Vehicle registration ⟦A123 BCD⟧",
		"Part A123 BCD",
		"Reg BD50 SMR has no such age identifier",
	},
	"pii/uk-electoral-roll": {
		"Electoral roll number ⟦UA0001⟧",
		"Elector number: ⟦AB-123⟧",
		"Voter flight BA123 delayed",
		"Flight BA123 delayed",
	},
	"pii/uk-sort-code": {
		"Sort code ⟦12-34-56⟧",
		"Sort code: ⟦12-34-56 Account: 12345678⟧",
		"Account ⟦12345678, sort code 40-11-62⟧",
		"sort code ⟦401162⟧",
		"sort code:\t⟦401162⟧",
		// Six digits after a group and a space or tab end that number.
		"sort code from +44 7700 900123: 12345678 is the account",
		"sort code 1\t401162",
		// A negative word in the next chat message says nothing about it.
		"[28/12/2021, 14:40:01] Siobhan: bank sort code ⟦29-99-70⟧ x\nMark the date in your diary",
		"DOB 12-03-61",
		"Born 12-03-61 ref 12345678",
		"Date 12-03-61",
	},
}

func TestUKCases(t *testing.T) {
	for id, d := range ukAll() {
		cases := ukCases[id]
		if len(cases) == 0 {
			t.Errorf("%s: no cases", id)
		}
		t.Run(id, func(t *testing.T) {
			detecttest.Cases(t, d, ukCaseMin, append(cases, ukHardNegatives...)...)
		})
	}
}

func TestUKConformance(t *testing.T) {
	var inputs []string
	for _, cs := range ukCases {
		for _, c := range cs {
			text, _ := detecttest.Parse(c)
			inputs = append(inputs, text)
		}
	}
	corpus := strings.Join(inputs, "\n")
	for id, d := range ukAll() {
		t.Run(id, func(t *testing.T) {
			detecttest.Run(t, d, corpus, strings.Join(ukHardNegatives, " "), ukSynthText(1, 4<<10))
		})
	}
}

// TestUKScores checks the score bands the doc comments promise.
func TestUKScores(t *testing.T) {
	all := ukAll()
	tests := []struct {
		id       string
		text     string
		min, max int
	}{
		{"pii/uk-nhs", "x 9434765919 x", 1, 30},           // bare: checksum alone is not certainty
		{"pii/uk-nhs", "x 943 476 5919 x", 30, 40},        // grouped
		{"pii/uk-nhs", "NHS number 9434765919", 65, 100},  // with cue
		{"pii/uk-nhs", "Invoice 943 476 5919", 0, 10},     // negative cue
		{"pii/uk-nino", "x AB123456C x", 50, 60},          // full shape
		{"pii/uk-nino", "x AB123456 x", 25, 35},           // no suffix
		{"pii/uk-nino", "x PP123456A x", 25, 35},          // administrative prefix
		{"pii/uk-postcode", "x SW1A 1AA x", 40, 50},       // bare
		{"pii/uk-postcode", "x SW1A1AA x", 25, 35},        // unspaced
		{"pii/uk-postcode", "Postcode SW1A 1AA", 75, 100}, // cue
		{"pii/uk-utr", "x 1097172564 x", 10, 20},
		{"pii/uk-utr", "UTR 1097172564", 65, 100},
		{"pii/uk-vat", "x GB980780684 x", 55, 65},
		{"pii/uk-sort-code", "x 12-34-56 x", 10, 20},
		{"pii/uk-sort-code", "DOB 12-03-61", 0, 0},
		{"pii/uk-vehicle-registration", "x AB12 CDE x", 30, 40},
		{"pii/uk-vehicle-registration", "x A123 BCD x", 15, 25},
		{"pii/uk-driving-licence", "x MORGA753116SM9IJ x", 55, 65},
	}
	for _, tc := range tests {
		fs := ukFind(t, all[tc.id], tc.text)
		if len(fs) != 1 {
			t.Errorf("%s %q: got %d findings, want 1", tc.id, tc.text, len(fs))
			continue
		}
		if s := fs[0].Score; s < tc.min || s > tc.max {
			t.Errorf("%s %q: score %d, want %d..%d", tc.id, tc.text, s, tc.min, tc.max)
		}
	}
}

// TestUKInfoAndKind checks Info values and the pair Kind.
func TestUKInfoAndKind(t *testing.T) {
	all := ukAll()
	tests := []struct {
		id   string
		text string
		kind detect.Kind
		info uint32
	}{
		{"pii/uk-sort-code", "sort code 12-34-56 account 12345678", KindUKBankAccount, UKSortThenAcc},
		{"pii/uk-sort-code", "account 12345678 sort code 12-34-56", KindUKBankAccount, UKAccThenSort},
		{"pii/uk-sort-code", "sort code 12-34-56.", KindUKSortCode, UKSortAlone},
		{"pii/uk-nhs", "NHS 943-476-5919", KindNHS, UKFormatDashed},
		{"pii/uk-utr", "UTR K1097172564", KindUTR, UKFormatPlain | UKFormatK},
		{"pii/uk-nino", "NI AB 12 34 56 C", KindNINO, UKNINOSuffix | UKNINOSpaced},
		{"pii/uk-postcode", "at GIR 0AA", KindUKPostcode, UKPostcodeGIR},
		{"pii/uk-vat", "GB 980 7806 84 001", KindUKVAT, UKVATBranch | UKVATPrefixed},
		{"pii/uk-vehicle-registration", "reg ABC 123D", KindUKVehicleReg, UKRegSuffix},
		{"pii/uk-driving-licence", "MORGA753116SM9IJ 35", KindUKDrivingLicence, UKLicenceIssue},
	}
	for _, tc := range tests {
		fs := ukFind(t, all[tc.id], tc.text)
		if len(fs) != 1 || fs[0].Kind != tc.kind || fs[0].Info != tc.info {
			t.Errorf("%s %q: got %+v, want Kind %s Info %d", tc.id, tc.text, fs, tc.kind, tc.info)
		}
	}
}

// TestUKNoAlloc checks that Detect does not allocate when dst has room.
func TestUKNoAlloc(t *testing.T) {
	var b strings.Builder
	for _, cs := range ukCases {
		for _, c := range cs {
			text, _ := detecttest.Parse(c)
			b.WriteString(text)
			b.WriteByte('\n')
		}
	}
	text := []byte(b.String())
	var hits []int32
	for i, c := range text {
		if ukIsDigit(c) {
			hits = append(hits, int32(i))
		}
	}
	w := &detect.Window{Text: text, Hits: hits, AtStart: true, AtEnd: true}
	dst := make([]detect.Finding, 0, 1024)
	for id, d := range ukAll() {
		var n int
		allocs := testing.AllocsPerRun(20, func() {
			fs, _ := d.Detect(dst[:0], w)
			n = len(fs)
		})
		if allocs != 0 {
			t.Errorf("%s: %.1f allocations per Detect", id, allocs)
		}
		if n == 0 {
			t.Errorf("%s: no findings in the case corpus", id)
		}
	}
}

// TestUKBadInput feeds invalid UTF-8, NUL bytes and a huge line.
func TestUKBadInput(t *testing.T) {
	inputs := []string{
		"\xff\xfe12-34-56\x00AB123456C\x00\xc3",
		strings.Repeat("9", 1<<16),
		strings.Repeat("AB12 ", 1<<12),
		strings.Repeat("1-", 1<<14),
	}
	for id, d := range ukAll() {
		for _, in := range inputs {
			fs := ukFind(t, d, in)
			for _, f := range fs {
				if f.End-f.Start > int64(d.Spec().MaxLen) {
					t.Errorf("%s: finding longer than MaxLen: %+v", id, f)
				}
			}
		}
	}
}
