package mail

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

type unit struct{ part, ctype, field, text string }

func walk(t *testing.T, msg string, opts *Options) ([]unit, error) {
	t.Helper()
	var got []unit
	err := Walk(strings.NewReader(msg), opts, func(u *Unit) error {
		text := u.Text
		if u.Body != nil {
			b, err := io.ReadAll(u.Body)
			if err != nil {
				return err
			}
			text = b
		}
		got = append(got, unit{u.Part, u.ContentType, u.Field, string(text)})
		for _, n := range u.Names {
			if n[0] < 0 || n[1] > len(u.Text) || n[0] >= n[1] {
				t.Errorf("bad name range %v in %q", n, u.Text)
			}
		}
		return nil
	})
	return got, err
}

const sampleMsg = "From: =?UTF-8?Q?Bob_S=C3=A1mple?= <bob@example.com>\r\n" +
	"To: \"Test, Carol\" <carol@example.org>, dan@example.net\r\n" +
	"Subject: =?ISO-8859-1?Q?Caf=E9?= notes\r\n" +
	"X-Protective-Marking: VER=2012.3, NS=gov.au,\r\n SEC=UNOFFICIAL\r\n" +
	"X-Security-Classification: OFFICIAL\r\n" +
	"Message-ID: <m1@example.com>\r\n" +
	"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
	"--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
	"fee =C2=A340, soft=\r\nbreak\r\n" +
	"--b\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
	"PHA+Q2Fm6SZuYnNwOzxiPng8L2I+PC9wPjxzY3JpcHQ+eTwvc2NyaXB0Pg==\r\n" +
	"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
	"--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: Erin <erin@example.net>\r\nSubject: inner\r\n\r\ninner body\r\n" +
	"--b--\r\n"

func TestWalk(t *testing.T) {
	got, err := walk(t, sampleMsg, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []unit{
		{"", "", "From", "From: Bob Sámple <bob@example.com>"},
		{"", "", "To", "To: Test, Carol <carol@example.org>, <dan@example.net>"},
		{"", "", "Subject", "Subject: Café notes"},
		{"", "", "X-Protective-Marking", "X-Protective-Marking: VER=2012.3, NS=gov.au, SEC=UNOFFICIAL"},
		{"", "", "X-Security-Classification", "X-Security-Classification: OFFICIAL"},
		{"1", "text/plain", "", "fee £40, softbreak"},
		{"2", "text/html", "", "Café x"},
		{"3", "image/png", "", ""},
		{"4", "", "From", "From: Erin <erin@example.net>"},
		{"4", "", "Subject", "Subject: inner"},
		{"4.1", "text/plain", "", "inner body"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d units:\n%q\nwant %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unit %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestWalkNames(t *testing.T) {
	var names []string
	Walk(strings.NewReader(sampleMsg), nil, func(u *Unit) error {
		for _, n := range u.Names {
			names = append(names, string(u.Text[n[0]:n[1]]))
		}
		return nil
	})
	if fmt.Sprint(names) != "[Bob Sámple Test, Carol Erin]" {
		t.Errorf("names = %q", names)
	}
}

func TestWalkErrors(t *testing.T) {
	for _, tc := range []struct {
		name, msg string
		opts      *Options
		want      string
		limit     error
	}{
		{"no headers", "not a message", nil, "reading headers", nil},
		{"bad header quoted", "From: a@example.com\r\nsecret alice@example.com\r\n\r\nx", nil, "malformed MIME header line", nil},
		{"no boundary", "Content-Type: multipart/mixed\r\n\r\n--x\r\n", nil, "multipart without boundary", nil},
		{"unterminated", "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nabc", nil, "part 1", nil},
		{"too many parts", sampleMsg, &Options{MaxParts: 3}, "max-parts=3", ErrTooManyParts},
		{"too deep", sampleMsg, &Options{MaxDepth: 1}, "max-depth=1", ErrTooDeep},
		{"too big", sampleMsg, &Options{MaxBytes: 10}, "max-bytes=10", ErrTooBig},
		{"html part too big", sampleMsg, &Options{MaxPart: 5}, "max-message=5", ErrTooBig},
	} {
		_, err := walk(t, tc.msg, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "example.com") {
			t.Errorf("%s: error quotes the input: %v", tc.name, err)
		}
		if tc.limit != nil && !errors.Is(err, tc.limit) {
			t.Errorf("%s: err = %v, not %v", tc.name, err, tc.limit)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>Hello&nbsp;<b>Alice</b></p><p>Bye</p>", "Hello Alice\nBye"},
		{"<html><head><title>t</title><style>p{}</style></head><body>x<br>y</body></html>", "x\ny"},
		{"a<!-- secret -->b<script>alert(1)</script>c", "abc"},
		{"<a href=\"mailto:x@example.com\">x@example.com</a>", "x@example.com"},
		{"unclosed <b", "unclosed <b"},
		{"&lt;tag&gt; &amp; &#163;", "<tag> & £"},
	} {
		if got := string(HTMLText([]byte(tc.in))); got != tc.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzMail(f *testing.F) {
	f.Add([]byte(sampleMsg))
	f.Add([]byte("Subject: x\r\n\r\nbody"))
	f.Add([]byte("Content-Type: multipart/alternative; boundary=\"a\"\n\n--a\nContent-Transfer-Encoding: base64\n\n!!!\n--a--\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		Walk(strings.NewReader(string(data)), &Options{MaxParts: 50, MaxDepth: 5, MaxBytes: 1 << 20}, func(u *Unit) error {
			n++
			if n > 1000 {
				t.Fatal("too many units")
			}
			for _, r := range u.Names {
				if r[0] < 0 || r[1] > len(u.Text) || r[0] > r[1] {
					t.Fatalf("bad name range %v", r)
				}
			}
			return nil
		})
		HTMLText(data)
	})
}

func ExampleWalk() {
	msg := "From: Alice Example <alice@example.com>\r\n" +
		"Subject: OFFICIAL-SENSITIVE: notes\r\n" +
		"Content-Type: text/html; charset=iso-8859-1\r\n\r\n" +
		"<p>Fee: \xa340</p>"
	Walk(strings.NewReader(msg), nil, func(u *Unit) error {
		fmt.Printf("part=%q field=%q %q\n", u.Part, u.Field, u.Text) // u.Body streams plain-text parts
		return nil
	})
	// Output:
	// part="" field="From" "From: Alice Example <alice@example.com>"
	// part="" field="Subject" "Subject: OFFICIAL-SENSITIVE: notes"
	// part="1" field="" "Fee: £40"
}
