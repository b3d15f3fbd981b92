package pii_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii"
)

// Addresses use RFC 2606 / RFC 6761 reserved names (example.com, .test,
// .invalid) or are synthetic; see testdata/README.md.
var emailCases = []string{
	"Contact ⟦jane.doe@example.com⟧ today",
	"<⟦j.smith+tag@mail.example.co.uk⟧>, ⟦a@example.org⟧.",
	"mailto:⟦info@example.com⟧",
	"\"⟦o'brien@example.com⟧\"",
	"(⟦x_y-z@sub-domain.example.net⟧)",
	"⟦user@münchen.example.de⟧ and ⟦пример@пример.рф⟧",
	"⟦test@xn--bcher-kva.example⟧",
	"first: ⟦a.b.c@example.gov.uk⟧… next",
	"Send to ⟦hello@example.com⟧—thanks",
	"email:⟦first.last@example.nhs.uk⟧;",
	"level=info user=⟦jo@example.com⟧ ok; SRS: ⟦SRS0=HHH=TT=example.org=jo@example.net⟧",
	"⟦UPPER@EXAMPLE.COM⟧",
	// Rejected.
	"https://user:secret@example.com/path",
	"http://example.com/foo/bar@baz.com",
	"cid:image001.png@01D7A2B3.C4D5E6F0",
	"<img src=logo@2x.png>",
	"no..dots@example.com is ok? no: .lead@example.com is trimmed",
	"a@b",
	"trailing.@example.com",
	"user@-bad.example.com user@bad-.example.com",
	"user@example.c0m user@example.c",
	"@example.com alone",
	"x@" + strings.Repeat("a", 64) + ".com",
	strings.Repeat("l", 65) + "@example.com",
}

func TestEmailCases(t *testing.T) {
	// ".lead@example.com": the leading dot is punctuation; lead@example.com
	// is found. Annotate it here rather than in the shared table.
	detecttest.Cases(t, pii.NewEmail(), 1, emailCases[:12]...)
	detecttest.Cases(t, pii.NewEmail(), 1, emailCases[12:16]...)
	detecttest.Cases(t, pii.NewEmail(), 1,
		"no..dots@example.com is ok? no: .⟦lead@example.com⟧ is trimmed")
	detecttest.Cases(t, pii.NewEmail(), 1, emailCases[17:]...)
}

func TestEmailScores(t *testing.T) {
	eng := detect.MustCompile([]detect.Detector{pii.NewEmail()}, nil)
	for _, tc := range []struct {
		in    string
		score int
	}{
		{"a@example.com", 80},
		{"a@example.co.uk", 80},
		{"a@example.xyzzy", 60},
		{"email: a@example.com", 90},
		{"e-mail a@example.xyzzy", 70},
	} {
		fs, _ := eng.AppendFind(nil, []byte(tc.in))
		if len(fs) != 1 || fs[0].Score != tc.score {
			t.Errorf("score(%q) = %+v, want one finding scoring %d", tc.in, fs, tc.score)
		}
	}
}

func TestEmailConformance(t *testing.T) {
	detecttest.Run(t, pii.NewEmail(),
		strings.Join(emailCases, "\n"),
		strings.Repeat("reply to jo@example.com or x@y ", 300),
		strings.Repeat("@", 1000),
		strings.Repeat("a", 70)+"@"+strings.Repeat("b.", 140)+"com",
	)
}

func TestEmailDetail(t *testing.T) {
	eng := detect.MustCompile([]detect.Detector{pii.NewEmail()}, nil)
	text := []byte("Mail Jo.Bloggs@Example.COM now")
	fs, _ := eng.AppendFind(nil, text)
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	d, err := eng.Detail(fs[0], text[fs[0].Start:fs[0].End])
	if err != nil || d != (pii.EmailAddress{Local: "Jo.Bloggs", Domain: "example.com"}) {
		t.Fatalf("Detail = %#v, %v", d, err)
	}
}

func FuzzEmail(f *testing.F) {
	detecttest.Fuzz(f, pii.NewEmail(), emailCases...)
}

func ExampleNewEmail() {
	eng := detect.MustCompile([]detect.Detector{pii.NewEmail()}, nil)
	text := []byte("From: Jo <jo.bloggs@example.com>\nSee https://user:pw@example.org/x\n")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Printf("%s line %d score %d: %s\n", f.Kind, f.Line, f.Score, text[f.Start:f.End])
	}
	// Output:
	// email line 1 score 80: jo.bloggs@example.com
}
