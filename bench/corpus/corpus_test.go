package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeterministic(t *testing.T) {
	for _, d := range []Density{Clean, Typical, Dense, Office} {
		cfg := Config{Seed: 7, Size: 256 << 10, Density: d}
		a, sa := Bytes(cfg)
		b, sb := Bytes(cfg)
		if !bytes.Equal(a, b) || len(sa) != len(sb) {
			t.Fatalf("%v: two runs with the same seed differ", d)
		}
		c, _ := Bytes(Config{Seed: 8, Size: 256 << 10, Density: d})
		if bytes.Equal(a, c) {
			t.Fatalf("%v: different seeds gave the same corpus", d)
		}
	}
}

func TestSizeAndLineEnd(t *testing.T) {
	for _, size := range []int64{1, 100, 4096, 1 << 20} {
		b, spans := Bytes(Config{Seed: 1, Size: size, Density: Typical})
		if int64(len(b)) > size {
			t.Errorf("size %d: got %d bytes", size, len(b))
		}
		if size >= 4096 && int64(len(b)) < size-4096 {
			t.Errorf("size %d: got only %d bytes", size, len(b))
		}
		if len(b) > 0 && b[len(b)-1] != '\n' {
			t.Errorf("size %d: does not end at a line break", size)
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > int64(len(b)) || s.Start >= s.End {
				t.Fatalf("size %d: bad span %+v", size, s)
			}
		}
	}
}

// TestWriteMatchesBytes checks that the streamed text and spans equal the
// in-memory ones, and that Reader streams the same text.
func TestWriteMatchesBytes(t *testing.T) {
	cfg := Config{Seed: 3, Size: 300 << 10, Density: Dense}
	want, wantSpans := Bytes(cfg)
	var text, spans bytes.Buffer
	n, err := Write(&text, &spans, cfg)
	if err != nil || n != int64(len(want)) || !bytes.Equal(text.Bytes(), want) {
		t.Fatalf("Write: n=%d err=%v, equal=%v", n, err, bytes.Equal(text.Bytes(), want))
	}
	var got []Span
	sc := bufio.NewScanner(&spans)
	for sc.Scan() {
		var s Span
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	if len(got) != len(wantSpans) {
		t.Fatalf("Write wrote %d spans, Bytes gave %d", len(got), len(wantSpans))
	}
	for i := range got {
		if got[i] != wantSpans[i] {
			t.Fatalf("span %d: %+v, want %+v", i, got[i], wantSpans[i])
		}
	}
	r, err := io.ReadAll(NewReader(cfg))
	if err != nil || !bytes.Equal(r, want) {
		t.Fatalf("Reader differs from Bytes (err %v)", err)
	}
}

func TestCleanHasNoTriggers(t *testing.T) {
	b, spans := Bytes(Config{Seed: 1, Size: 1 << 20, Density: Clean})
	if len(spans) != 0 {
		t.Fatalf("clean corpus has %d spans", len(spans))
	}
	if i := bytes.IndexAny(b, "0123456789@"); i >= 0 {
		t.Fatalf("clean corpus has a digit or '@' at %d: %q", i, b[max(0, i-20):i+20])
	}
	low := bytes.ToLower(b)
	for _, w := range []string{"official", "secret", "sensitive", "restricted"} {
		if bytes.Contains(low, []byte(w)) {
			t.Errorf("clean corpus contains %q", w)
		}
	}
	for _, n := range firstNames {
		if bytes.Contains(b, []byte(n+" ")) {
			t.Errorf("clean corpus contains name %q", n)
		}
	}
}

func nhsValid(s string) bool {
	d := []byte(strings.NewReplacer(" ", "", "-", "").Replace(s))
	if len(d) != 10 {
		return false
	}
	c := nhsCheck(d)
	return c != 10 && int(d[9]-'0') == c
}

func ibanValid(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 22 || s[:2] != "GB" {
		return false
	}
	return ibanCheck("GB", s[4:]) == int(s[2]-'0')*10+int(s[3]-'0')
}

func cardValid(s string) bool {
	d := []byte(strings.NewReplacer(" ", "", "-", "").Replace(s))
	return (len(d) == 15 || len(d) == 16) && luhnOK(d)
}

var (
	ninoRE     = regexp.MustCompile(`^([A-Z]{2}) ?\d{2} ?\d{2} ?\d{2} ?[A-D]$`)
	postcodeRE = regexp.MustCompile(`^[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$`)
	emailRE    = regexp.MustCompile(`^[a-z.]+@[a-z.]*example\.(com|org|net)$`)
	phoneRE    = regexp.MustCompile(`^(07700 ?900\d{3}|\+44 7700 900\d{3}|020 7946 0\d{3}|\+44 \(0\)20 7946 0\d{3}|01\d\d 496 0\d{3}|029 2018 0\d{3})$`)
	ipRE       = regexp.MustCompile(`^(192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+|2001:db8::[0-9a-f]+)$`)
	sortRE     = regexp.MustCompile(`^\d{2}[- ]\d{2}[- ]\d{2}$`)
	accountRE  = regexp.MustCompile(`^\d{2}[- ]\d{2}[- ]\d{2}(,? account( number)? | acc no )\d{8}$`)
	addressRE  = regexp.MustCompile(`^\d+ [A-Z][a-z]+ [A-Z][a-z]+, [A-Z][a-z]+ [A-Z0-9 ]+$`)
)

// TestSpansHoldValidValues checks every planted value against its label's
// rules (checksums, reserved ranges), so the ground truth is right.
func TestSpansHoldValidValues(t *testing.T) {
	for _, d := range []Density{Typical, Dense} {
		b, spans := Bytes(Config{Seed: 11, Size: 2 << 20, Density: d})
		if !utf8.Valid(b) {
			t.Errorf("%v: corpus is not valid UTF-8", d)
		}
		seen := map[string]int{}
		for _, s := range spans {
			v := string(b[s.Start:s.End])
			seen[s.Label]++
			var ok bool
			switch s.Label {
			case LabelNHS:
				ok = nhsValid(v)
			case LabelNINO:
				m := ninoRE.FindStringSubmatch(v)
				ok = m != nil && strings.ContainsRune(ninoFirst, rune(m[1][0])) && strings.ContainsRune(ninoSecond, rune(m[1][1])) && validNINOPrefix(m[1])
			case LabelIBAN:
				ok = ibanValid(v)
			case LabelCard:
				ok = cardValid(v)
			case LabelPostcode:
				ok = postcodeRE.MatchString(v)
			case LabelEmail:
				ok = emailRE.MatchString(v)
			case LabelPhone:
				ok = phoneRE.MatchString(v)
			case LabelIP:
				ok = ipRE.MatchString(v)
			case LabelSortCode:
				ok = sortRE.MatchString(v)
			case LabelAccount:
				ok = accountRE.MatchString(v)
			case LabelPassport:
				ok = regexp.MustCompile(`^[1-9]\d{8}$`).MatchString(v)
			case LabelVehicle:
				ok = regexp.MustCompile(`^[A-HK-PRSVWY][A-HJ-PR-Y](0[2-9]|1\d|2[0-4]|5[2-9]|6\d|7[0-4]) [A-HJ-PR-Z]{3}$`).MatchString(v)
			case LabelAddress:
				ok = addressRE.MatchString(v)
			case LabelDOB:
				ok = strings.ContainsAny(v, "0123456789") && len(v) <= 20
			case LabelName:
				ok = v != "" && v[0] >= 'A' && v[0] <= 'Z' && !strings.ContainsAny(v, "0123456789@")
			case LabelMarking:
				up := strings.ToUpper(v)
				ok = strings.Contains(up, "OFFICIAL") || strings.Contains(up, "SECRET") || strings.Contains(up, "RESTRICTED") || strings.Contains(up, "PROTECT")
			default:
				t.Fatalf("unknown label %q", s.Label)
			}
			if !ok {
				t.Errorf("%v: span %+v holds %q, not a valid %s", d, s, v, s.Label)
			}
		}
		for _, l := range Labels {
			if seen[l] == 0 {
				t.Errorf("%v: no span labelled %s in 2 MiB", d, l)
			}
		}
	}
}

func TestNearMissesAreInvalid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		if v := invalidNHS(r); nhsValid(v) {
			t.Fatalf("invalidNHS gave valid %q", v)
		}
		if v := invalidIBAN(r); ibanValid(v) {
			t.Fatalf("invalidIBAN gave valid %q", v)
		}
		if v := invalidCard(r); cardValid(v) {
			t.Fatalf("invalidCard gave valid %q", v)
		}
		v := invalidNINO(r)
		if m := ninoRE.FindStringSubmatch(v); m != nil && strings.ContainsRune(ninoFirst, rune(m[1][0])) && strings.ContainsRune(ninoSecond, rune(m[1][1])) && validNINOPrefix(m[1]) {
			t.Fatalf("invalidNINO gave valid %q", v)
		}
	}
}

// TestKnownVectors checks the checksum helpers against published examples.
func TestKnownVectors(t *testing.T) {
	if !nhsValid("943 476 5919") { // NHS Digital's documented example
		t.Error("943 476 5919 should be a valid NHS number")
	}
	if nhsValid("943 476 5910") {
		t.Error("943 476 5910 should be invalid")
	}
	if !ibanValid("GB29 NWBK 6016 1331 9268 19") { // ISO 13616 / SWIFT registry example
		t.Error("GB29 NWBK 6016 1331 9268 19 should be a valid IBAN")
	}
	if !cardValid("4111 1111 1111 1111") || cardValid("4111 1111 1111 1112") {
		t.Error("Luhn check wrong on 4111 1111 1111 111x")
	}
}

func TestDocsFormat(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteDocs(&buf, Config{Seed: 5, Size: 64 << 10, Density: Typical})
	if err != nil || n == 0 {
		t.Fatalf("WriteDocs: %d docs, %v", n, err)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 16<<20)
	lines := 0
	for sc.Scan() {
		var rec DocRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		for _, s := range rec.Spans {
			if s.Start < 0 || s.End > int64(len(rec.Text)) || s.Start >= s.End {
				t.Fatalf("bad span %+v in a %d-byte doc", s, len(rec.Text))
			}
		}
		lines++
	}
	if lines != n {
		t.Fatalf("%d lines, want %d", lines, n)
	}
}

func TestOfficeHasNoChats(t *testing.T) {
	b, spans := Bytes(Config{Seed: 2, Size: 512 << 10, Density: Office})
	if regexp.MustCompile(`(?m)^\[?\d\d/\d\d/\d{4}, \d\d:\d\d`).Match(b) {
		t.Error("office corpus contains chat lines")
	}
	if len(spans) == 0 || !bytes.Contains(b, []byte("\nSubject: ")) {
		t.Error("office corpus lacks e-mails or planted data")
	}
	if d, err := ParseDensity("office"); err != nil || d != Office {
		t.Errorf("ParseDensity(office) = %v, %v", d, err)
	}
}

func TestChatLayouts(t *testing.T) {
	b, _ := Bytes(Config{Seed: 2, Size: 512 << 10, Density: Typical})
	ios := regexp.MustCompile(`(?m)^\[\d\d/\d\d/\d{4}, \d\d:\d\d:\d\d\] [^:]+: `)
	android := regexp.MustCompile(`(?m)^\d\d/\d\d/\d{4}, \d\d:\d\d - [^:]+: `)
	if !ios.Match(b) || !android.Match(b) {
		t.Errorf("missing chat layouts: iOS %v, Android %v", ios.Match(b), android.Match(b))
	}
	if !bytes.Contains(b, []byte("\nSubject: ")) || !bytes.Contains(b, []byte("> wrote:\n")) {
		t.Error("missing e-mail headers or quoted replies")
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, d := range []Density{Clean, Typical, Dense} {
		b.Run(d.String(), func(b *testing.B) {
			b.SetBytes(4 << 20)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Write(io.Discard, io.Discard, Config{Seed: 1, Size: 4 << 20, Density: d}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"4096": 4096, "64KiB": 64 << 10, "16MiB": 16 << 20, "1GiB": 1 << 30, "2m": 2 << 20, " 3 MB ": 3 << 20, "10B": 10} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "MiB", "-1", "1.5GiB", "12XB", "9223372036854775807GiB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) succeeded", bad)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"1", "16MiB", "1GiB", "3 KB", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := ParseSize(s); err == nil && n < 0 {
			t.Fatalf("ParseSize(%q) = %d", s, n)
		}
	})
}
