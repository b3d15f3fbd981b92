package phone_test

import (
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii/phone"
)

// cases are annotated lines: ⟦…⟧ marks each expected phone number scoring
// at least 50; lines without markers are hard negatives. All numbers are
// Ofcom drama numbers, libphonenumber example numbers or reserved
// ranges (see testdata/README.md).
var cases = []string{
	// UK national.
	"Call ⟦020 7946 0958⟧ after 6",
	"Call ⟦020 7946 0018⟧ after 6",
	"mob: ⟦07700 900123⟧",
	"Mobile ⟦07700900123⟧.",
	"ring me on ⟦07911 123456⟧ tomorrow",
	"office ⟦(01632) 960123⟧, fax ⟦01632 960124⟧",
	"Tel. ⟦0113 496 0000⟧ / ⟦0161 496 0999⟧",
	"tel: ⟦020-7946-0123⟧",
	"Freephone ⟦0800 123 4567⟧",
	"⟦020 7946 0958⟧ ⟦07700 900123⟧",
	"numbers: ⟦020 7946 0958⟧, ⟦07700 900124⟧ and ⟦029 2018 0123⟧.",
	// International.
	"⟦+44 (0)20 7946 0958⟧",
	"⟦+44 20 7946 0958⟧",
	"Call ⟦+447700900123⟧ on WhatsApp",
	"⟦0044 20 7946 0958⟧ from abroad",
	"US office ⟦+1 202 555 0143⟧",
	"Paris ⟦+33 1 23 45 67 89⟧",
	"(⟦+44 7700 900456⟧)",
	"⟦+44(0)20 7946 0958⟧",
	"⟦+44 (0) 20 7946 0958⟧",
	"tel:⟦+442079460958⟧",
	"⟦020.7946.0958⟧ or ⟦(020) 7946-0959⟧",
	"Tel ⟦+1 (202) 555-0143⟧",
	"WhatsApp ⟦+91 98765 43210⟧",
	"Tel:\u00a0⟦020\u00a07946\u00a00958⟧ (no-break spaces)",
	"⟦+44\u00a0(0)20 7946 0958⟧",
	"30/03/2021, 16:57 - ⟦+44 7700 900600⟧: ok, account 12345678 sorted",
	"[24/04/2021, 22:09:53] ⟦07700 900181⟧: sort code and account",
	"rota 12 34  ⟦07700 900123⟧ (a short piece before the number)",
	// Hard negatives: dates, times, versions, money, ids, IPs.
	"Born 12/03/1961 at 09:30",
	"meeting 2021-03-12 12:30:45",
	"version 1.2.3.4 and v10.2.0745",
	"price £1,234,567.89 or $1234567890",
	"invoice 02079460958",
	"order ref 07700900123 shipped",
	"host 192.168.100.200 and 10.0.0.1",
	"ISBN 0-306-40615-2",
	"id A07700900123 and 07700900123B",
	"the year 1961 and 0123",
	"12345678901234567890",
	"call 0207946095",
	"score 0.020 7946",
	"serial 0800-123-4567",
	// Runs of digit groups too long to be a number make the rest of their
	// stretch of digits and separators a table, even when a number
	// follows a double space.
	"rota 12 34 56 78 91 23 45 67 89 12 34  07700 900123",
	"1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2  020 7946 0958",
}

func TestCases(t *testing.T) {
	detecttest.Cases(t, phone.New(phone.Options{}), 50, cases...)
}

// TestSenderFinal checks that a chat export's sender field scores 85 (or
// 80 in national format) whatever cue words the message holds, and is
// marked final, through both of the detector's paths (senderAt takes
// "+CC GGGG GGGGGG" senders, examine the others), while the same numbers
// in a message take their cues.
func TestSenderFinal(t *testing.T) {
	e := detect.MustCompile([]detect.Detector{phone.New(phone.Options{})}, nil)
	for _, tc := range []struct {
		in    string
		score int
		final bool
	}{
		{"[12/03/2021, 09:30:00] +44 7700 900123: the invoice ref is below", 85, true},
		{"[12/03/2021, 09:30:00] +44 7700 900123: call me on my mobile", 85, true},
		{"12/03/2021, 09:30 - +44 7700 900123: order shipped", 85, true},
		{"[12/03/2021, 09:30:00] +447700900123: invoice attached", 85, true}, // examine
		{"[12/03/2021, 09:30:00] 07700 900123: invoice attached", 80, true},
		{"[12/03/2021, 09:30:00] +1 202 555 0143: invoice attached", 85, true},
		{"mobile phone died\n[12/03/2021, 09:30:00] +44 7700 900123: hi", 85, true},
		{"the invoice is from +44 7700 900123 today", 35, false},
		{"[12/03/2021, 09:30:00] Ann: invoice from +44 7700 900123 today", 35, false},
		{"[12/03/2021, 09:30:00] Ann: mobile +44 7700 900123", 85, false},
	} {
		fs, err := e.AppendFind(nil, []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 1 || fs[0].Score != tc.score || fs[0].Final != tc.final {
			t.Errorf("%q: %+v; want one finding scoring %d, final %v", tc.in, fs, tc.score, tc.final)
		}
	}
}

func TestRun(t *testing.T) {
	var in []string
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		in = append(in, s)
	}
	in = append(in, "a 020 7946 0958 b 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9")
	detecttest.Run(t, phone.New(phone.Options{}), in...)
}

func TestRegionUS(t *testing.T) {
	d := phone.New(phone.Options{Region: "US"})
	detecttest.Cases(t, d, 50,
		"call ⟦(202) 555-0143⟧ today",
		"intl ⟦+44 20 7946 0958⟧",
		"from the US dial ⟦011 44 20 7946 0958⟧",
		"uk national 020 7946 0958",
	)
}

func TestBadRegion(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal(`New(Options{Region: "UK"}) did not panic`)
		}
	}()
	phone.New(phone.Options{Region: "UK"})
}

func TestDetail(t *testing.T) {
	eng := detect.MustCompile(phone.All(), nil)
	tests := []struct {
		in, e164, region, typ string
		fictional             bool
	}{
		{"tel 020 7946 0958", "+442079460958", "GB", "", true},
		{"tel 07911 123456", "+447911123456", "GG", "mobile", false},
		{"tel +44 (0)20 7123 4567", "+442071234567", "GB", "fixed_line", false},
		{"tel 0044 121 234 5678", "+441212345678", "GB", "fixed_line", false},
		{"tel +1 202 555 0143", "+12025550143", "US", "fixed_line_or_mobile", false},
	}
	for _, tc := range tests {
		fs, err := eng.AppendFind(nil, []byte(tc.in))
		if err != nil || len(fs) != 1 {
			t.Errorf("AppendFind(%q) = %v, %v; want one finding", tc.in, fs, err)
			continue
		}
		f := fs[0]
		v, err := eng.Detail(f, []byte(tc.in[f.Start:f.End]))
		if err != nil {
			t.Errorf("Detail(%q): %v", tc.in, err)
			continue
		}
		n := v.(phone.Number)
		if n.E164 != tc.e164 || n.Region != tc.region || n.Fictional != tc.fictional || (tc.typ != "" && n.Type != tc.typ) {
			t.Errorf("Detail(%q) = %+v, want E164 %s region %s type %q fictional %v", tc.in, n, tc.e164, tc.region, tc.typ, tc.fictional)
		}
		info := phone.Info(f.Info)
		if !tc.fictional && info.CallingCode() == 0 {
			t.Errorf("Info(%q).CallingCode() = 0", tc.in)
		}
	}
	if _, err := eng.Detail(detect.Finding{Rule: phone.ID}, []byte("12:30")); err == nil {
		t.Error("Detail(12:30) succeeded")
	}
}

func FuzzPhone(f *testing.F) {
	var seeds []string
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		seeds = append(seeds, s)
	}
	detecttest.Fuzz(f, phone.New(phone.Options{}), seeds...)
}

func TestRegionDE(t *testing.T) {
	d := phone.New(phone.Options{Region: "DE"})
	detecttest.Cases(t, d, 50,
		"Tel. ⟦030 123456789⟧",
		"Handy ⟦+49 1523 4567890⟧",
		"Bestellung 123456789 bezahlt",
	)
}
