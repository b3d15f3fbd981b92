package rules_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/detect/rules"
)

// find runs d alone over text and returns the matched strings.
func find(t *testing.T, d detect.Detector, text string) []string {
	t.Helper()
	e := detect.MustCompile([]detect.Detector{d}, nil)
	fs, err := e.AppendFind(nil, []byte(text))
	if err != nil {
		t.Fatalf("AppendFind: %v", err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, text[f.Start:f.End])
	}
	return out
}

func TestDerive(t *testing.T) {
	tests := []struct {
		pattern  string
		syntax   rules.Syntax
		fold     bool
		maxLen   int
		bytes    string
		keywords []string
	}{
		{pattern: `\bPRJ-\d{6}\b`, maxLen: 10, keywords: []string{"PRJ-"}},
		{pattern: `(?<=ref: )[A-Z]{3}\d{4}`, maxLen: 7, bytes: detect.Digits},
		{pattern: `\d{3}`, maxLen: 3, bytes: detect.Digits},
		{pattern: `(?:TOP SECRET|CONFIDENTIAL)`, maxLen: 12, keywords: []string{"TOP SECRET", "CONFIDENTIAL"}},
		// Under folding 's' and 'k' also match LONG S and KELVIN SIGN, which
		// an ASCII keyword would miss: they are cut out of keywords.
		{pattern: `secret`, fold: true, maxLen: 7, keywords: []string{"ECRET"}},
		{pattern: `(?i)kelvin`, maxLen: 8, keywords: []string{"ELVIN"}},
		{pattern: `[A-Z]{2}\d{6}[A-D]`, maxLen: 9, bytes: detect.Digits},
		{pattern: `\b(?:\d[ -]?){12,15}\d\b`, maxLen: 31, bytes: detect.Digits},
		{pattern: `(?>ab|a)c@`, maxLen: 4, bytes: "@"},
		{pattern: `(?<n>[A-Z])\k<n>#1`, bytes: "#"},
		// .NET \d is any Unicode digit: the trigger includes lead bytes.
		{pattern: `\d{2}X`, syntax: rules.DotNet, maxLen: 9, bytes: "X"},
	}
	for _, tt := range tests {
		declared := 0 // derive
		if tt.maxLen == 0 {
			declared = 40 // unbounded pattern
		}
		d, err := rules.New(rules.Rule{ID: "t/x", Pattern: tt.pattern, Syntax: tt.syntax, IgnoreCase: tt.fold, MaxLen: declared})
		if err != nil {
			t.Errorf("New(%q): %v", tt.pattern, err)
			continue
		}
		sp := d.Spec()
		if tt.maxLen != 0 && sp.MaxLen != tt.maxLen {
			t.Errorf("New(%q).MaxLen = %d, want %d", tt.pattern, sp.MaxLen, tt.maxLen)
		}
		if sp.Triggers.Bytes != tt.bytes || !slices.Equal(sp.Triggers.Keywords, tt.keywords) {
			t.Errorf("New(%q).Triggers = %q %q, want %q %q", tt.pattern, sp.Triggers.Bytes, sp.Triggers.Keywords, tt.bytes, tt.keywords)
		}
	}
}

func TestDotNetDigitTriggers(t *testing.T) {
	d := rules.MustNew(rules.Rule{ID: "t/d", Pattern: `\d{4}`, Syntax: rules.DotNet, MaxLen: 16})
	b := d.Spec().Triggers.Bytes
	if !strings.Contains(b, "7") || !strings.Contains(b, "\xd9") {
		t.Errorf("dotnet \\d triggers %q lack ASCII digits or the lead byte of ARABIC-INDIC digits", b)
	}
	// ٢٠٢٤ (Arabic-Indic digits) is four \d under .NET semantics.
	if got := find(t, d, "year ٢٠٢٤ or 2024"); !slices.Equal(got, []string{"٢٠٢٤", "2024"}) {
		t.Errorf("dotnet \\d{4} found %q", got)
	}
	re2 := rules.MustNew(rules.Rule{ID: "t/d", Pattern: `\d{4}`})
	if got := find(t, re2, "year ٢٠٢٤ or 2024"); !slices.Equal(got, []string{"2024"}) {
		t.Errorf("re2 \\d{4} found %q", got)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		r    rules.Rule
		want string
	}{
		{rules.Rule{Pattern: `x`}, "id: missing"},
		{rules.Rule{ID: "t/x"}, "pattern: missing"},
		{rules.Rule{ID: "t/x", Pattern: `(`}, "pattern:"},
		{rules.Rule{ID: "t/x", Pattern: `\d+`}, "max_len: missing"},
		{rules.Rule{ID: "t/x", Pattern: `.{3}`}, "triggers: missing"},
		{rules.Rule{ID: "t/x", Pattern: `[a-z]{3}\d`, MaxLen: 250}, "max_len: 250 out of range"},
		{rules.Rule{ID: "t/x", Pattern: `\d{3}`, Validator: "crc32"}, `validator: unknown validator "crc32"`},
		{rules.Rule{ID: "T/X", Pattern: `\d{3}`}, "id:"},
		{rules.Rule{ID: "t/x", Pattern: `\d{3}`, Score: 101}, "score:"},
		{rules.Rule{ID: "t/x", Pattern: `(?(a)b|c)d`, MaxLen: 5}, "triggers: missing, and cannot be derived"},
	}
	for _, tt := range tests {
		_, err := rules.New(tt.r)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want error containing %q", tt.r, err, tt.want)
		}
	}
	// A pattern the analysis cannot read works with declared triggers.
	if _, err := rules.New(rules.Rule{ID: "t/x", Pattern: `(?(a)b|c)d`, MaxLen: 5, Triggers: detect.Triggers{Bytes: "d"}}); err != nil {
		t.Errorf("declared triggers: %v", err)
	}
	if got := rules.MustNew(rules.Rule{ID: "plain", Pattern: `\d{3}`}).Spec().ID; got != "custom/plain" {
		t.Errorf("ID without '/' became %q, want custom/plain", got)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		r    rules.Rule
		in   string
		want []string
	}{
		{"keyword", rules.Rule{Pattern: `\bPRJ-\d{6}\b`},
			"see PRJ-123456, prj-654321, PRJ-1234567 and (PRJ-000001)", []string{"PRJ-123456", "PRJ-000001"}},
		{"ignore case", rules.Rule{Pattern: `\bPRJ-\d{6}\b`, IgnoreCase: true},
			"prj-654321", []string{"prj-654321"}},
		{"lookbehind", rules.Rule{Pattern: `(?<=ref: )[A-Z]{3}\d{4}`},
			"ref: ABC1234, ref ABD1234, ref: XYZ9876", []string{"ABC1234", "XYZ9876"}},
		{"negative lookahead", rules.Rule{Pattern: `\b[A-Z]{3}\d{4}\b(?! test)`},
			"ABC1234 test, ABC1235 live", []string{"ABC1235"}},
		{"backreference", rules.Rule{Pattern: `\b(\d)\1\1-\d{3}\b`, MaxLen: 7},
			"111-234 and 123-456 and 999-000", []string{"111-234", "999-000"}},
		// Overlapping candidates: only the first of a run is reported.
		{"overlap", rules.Rule{Pattern: `\d{3}`}, "12345678 9 12 345", []string{"123", "345"}},
		{"adjacent", rules.Rule{Pattern: `[A-Z]{2}\d{2}`}, "AB12CD34", []string{"AB12", "CD34"}},
		{"too long", rules.Rule{Pattern: `\b\d+\b`, MaxLen: 6}, "123 4567890 12", []string{"123", "12"}},
		{"luhn", rules.Rule{Pattern: `\b(?:\d[ -]?){12,18}\d\b`, Validator: "luhn"},
			"card 4111 1111 1111 1111 or 4111 1111 1111 1112", []string{"4111 1111 1111 1111"}},
		{"nhs", rules.Rule{Pattern: `\b\d{3} ?\d{3} ?\d{4}\b`, Validator: "nhs"},
			"NHS 943 476 5919, not 943 476 5918", []string{"943 476 5919"}},
		{"iban", rules.Rule{Pattern: `\bGB\d{2} ?[A-Z]{4}(?: ?\d{4}){3} ?\d{2}\b`, Validator: "iban"},
			"GB82 WEST 1234 5698 7654 32 vs GB82 WEST 1234 5698 7654 33", []string{"GB82 WEST 1234 5698 7654 32"}},
		{"multibyte", rules.Rule{Pattern: `(?<=réf\. )\d{4}`},
			"日本 réf. 2024 ünd réf. 1999", []string{"2024", "1999"}},
		{"invalid utf8", rules.Rule{Pattern: `\bID\d{4}\b`}, "\xff\xfeID1234\xff xID5678 ID9", []string{"ID1234"}},
		{"empty matches skipped", rules.Rule{Pattern: `x?(?=#)`, MaxLen: 2, Triggers: detect.Triggers{Bytes: "#"}}, "a# x#", []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.ID = "t/" + strings.ReplaceAll(tt.name, " ", "-")
			d, err := rules.New(tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if got := find(t, d, tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestByteOffsets(t *testing.T) {
	d := rules.MustNew(rules.Rule{ID: "t/ref", Pattern: `(?<=ref: )[A-Z]{3}\d{4}`})
	text := "é ref: ABC1234 日本 ref: XYZ9876"
	e := detect.MustCompile([]detect.Detector{d}, nil)
	fs, err := e.AppendFind(nil, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int64{{8, 15}, {28, 35}}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings, want %d", len(fs), len(want))
	}
	for i, f := range fs {
		if f.Start != want[i][0] || f.End != want[i][1] {
			t.Errorf("finding %d at [%d,%d), want %v (byte offsets)", i, f.Start, f.End, want[i])
		}
	}
}

func TestCues(t *testing.T) {
	d := rules.MustNew(rules.Rule{ID: "t/acct", Pattern: `\b\d{8}\b`, Score: 40, Cues: []detect.Cue{
		{Word: "account", Delta: 40}, {Word: "example", Delta: -30},
	}})
	detecttest.Cases(t, d, 60,
		"account number ⟦12345678⟧ please",
		"just 12345678 here",
		"example account 12345678",
	)
}

// TestCatastrophic checks that a pattern with exponential backtracking
// costs a bounded time per window, is counted as incomplete, and that the
// scan finishes.
func TestCatastrophic(t *testing.T) {
	d := rules.MustNew(rules.Rule{ID: "t/evil", Pattern: `(a+)+$`, MaxLen: 200, Timeout: 20 * time.Millisecond})
	e := detect.MustCompile([]detect.Detector{d}, nil)
	for _, in := range []string{
		strings.Repeat(strings.Repeat("a", 40)+"!", 200), // exponential backtracking per run
		strings.Repeat("a", 100_000) + "!",               // one long run
	} {
		sc := e.NewScanner(strings.NewReader(in))
		for sc.Scan() {
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		st := sc.Stats()
		if st.Incomplete == 0 || st.Bytes != int64(len(in)) {
			t.Errorf("Stats = %+v, want Incomplete > 0 and all %d bytes scanned", st, len(in))
		}
	}
	in := strings.Repeat(strings.Repeat("a", 40)+"!", 200)
	// Detect itself returns ErrTimeout.
	w := &detect.Window{Text: []byte(in[:2000]), Hits: []int32{0, 1, 2}, AtStart: true}
	if _, err := d.Detect(nil, w); !errors.Is(err, rules.ErrTimeout) {
		t.Errorf("Detect on catastrophic input: err = %v, want ErrTimeout", err)
	}
}

// conformanceRules are checked with a generous timeout: the checks run
// them concurrently, under -race, on a shared machine, and a timeout would
// (rightly) make results differ.
func conformanceRules() []detect.Detector {
	const slow = 10 * time.Second
	return []detect.Detector{
		rules.MustNew(rules.Rule{Timeout: slow, ID: "t/prj", Pattern: `\bPRJ-\d{6}\b`, IgnoreCase: true,
			Cues: []detect.Cue{{Word: "project", Delta: 20}}}),
		rules.MustNew(rules.Rule{Timeout: slow, ID: "t/ref", Pattern: `(?<=ref: )[A-Z]{3}\d{4}(?!\d)`}),
		rules.MustNew(rules.Rule{Timeout: slow, ID: "t/d3", Pattern: `\d{3}`}),
		rules.MustNew(rules.Rule{Timeout: slow, ID: "t/card", Pattern: `\b(?:\d[ -]?){12,18}\d\b`, Validator: "luhn"}),
		rules.MustNew(rules.Rule{Timeout: slow, ID: "t/greedy", Pattern: `[A-Z]\w+@\w+`, MaxLen: 24, Syntax: rules.DotNet}),
	}
}

func TestConformance(t *testing.T) {
	inputs := []string{
		"see PRJ-123456 (project), prj-000001 and PRJ-1234567",
		"ref: ABC1234, ref: ABC12345 ref ABD1234 日本 ref: XYZ9876",
		"12345678901234567890 1 22 333 4444 55555",
		"card 4111 1111 1111 1111, 4111-1111-1111-1112, 378282246310005",
		"Ann@example Bob@ex Zoë@exämple Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b",
		strings.Repeat("9", 300),
	}
	for _, d := range conformanceRules() {
		t.Run(d.Spec().ID, func(t *testing.T) {
			detecttest.Run(t, d, inputs...)
		})
	}
}

func TestValidators(t *testing.T) {
	tests := []struct {
		name string
		ok   []string
		bad  []string
	}{
		// Test card numbers published by payment processors for testing.
		{"luhn", []string{"4111 1111 1111 1111", "378282246310005", "79927398713"},
			[]string{"4111 1111 1111 1112", "79927398710", "1", "12a4", ""}},
		// GB82 WEST ... is the example IBAN of ISO 13616 / the ECBS.
		{"iban", []string{"GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"},
			[]string{"GB82 WEST 1234 5698 7654 33", "GB82", "82GB WEST 1234 5698 7654 32"}},
		// LEI examples from the GLEIF public website.
		{"mod97", []string{"5493001KJTIIGC8Y1R12", "7LTWFZYICNSX8D621K86"},
			[]string{"5493001KJTIIGC8Y1R13", "1"}},
		// ISBN-10: 0-306-40615-2 (Wikipedia's worked example), 0-8044-2957-X.
		{"mod11", []string{"0-306-40615-2", "0-8044-2957-X"},
			[]string{"0-306-40615-3", "X-306-40615-2"}},
		// NHS numbers: 943 476 5919 is the NHS Digital test-data example.
		{"nhs", []string{"943 476 5919", "9434765919"},
			[]string{"943 476 5918", "943476591", "0000000010"}},
		// ISBN-13 978-0-306-40615-7 (Wikipedia's worked example).
		{"ean13", []string{"978-0-306-40615-7", "4006381333931"},
			[]string{"978-0-306-40615-8", "400638133393"}},
	}
	for _, tt := range tests {
		for _, s := range tt.ok {
			if !rules.Validate(tt.name, []byte(s)) {
				t.Errorf("Validate(%q, %q) = false, want true", tt.name, s)
			}
		}
		for _, s := range tt.bad {
			if rules.Validate(tt.name, []byte(s)) {
				t.Errorf("Validate(%q, %q) = true, want false", tt.name, s)
			}
		}
		if rules.ValidatorDoc(tt.name) == "" {
			t.Errorf("ValidatorDoc(%q) is empty", tt.name)
		}
	}
	if got := rules.Validators(); len(got) != len(tests) {
		t.Errorf("Validators() = %q, want %d names", got, len(tests))
	}
	if rules.Validate("nope", []byte("1")) {
		t.Error("unknown validator accepted input")
	}
}

func TestDetectAllocs(t *testing.T) {
	d := rules.MustNew(rules.Rule{ID: "t/prj", Pattern: `\bPRJ-\d{6}\b`, Validator: "luhn"})
	e := detect.MustCompile([]detect.Detector{d}, nil)
	text := []byte(strings.Repeat("filler text PRJ-123455 and more words here. ", 50))
	dst := make([]detect.Finding, 0, 200)
	e.AppendFind(dst[:0], text) // warm up pools
	allocs := testing.AllocsPerRun(20, func() { e.AppendFind(dst[:0], text) })
	// regexp2 allocates a little per search; bound it per window, not per byte.
	if allocs > 200 {
		t.Errorf("AppendFind allocs = %v, want at most 200 for 50 windows", allocs)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := []byte(strings.Repeat("The quick brown fox, ref: ABC1234, jumps over PRJ-123456 and 20 lazy dogs.\n", 800))
	for _, d := range conformanceRules()[:3] {
		e := detect.MustCompile([]detect.Detector{d}, nil)
		b.Run(d.Spec().ID, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			dst := make([]detect.Finding, 0, 4096)
			for b.Loop() {
				dst, _ = e.AppendFind(dst[:0], text)
			}
		})
	}
}
