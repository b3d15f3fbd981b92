package source_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
	"github.com/tidemark/tidemark/detect/source"
	"github.com/tidemark/tidemark/detect/source/whatsapp"
)

// values scans data and returns the matched values.
func values(t *testing.T, name string, data []byte) map[string]bool {
	t.Helper()
	vals := map[string]bool{}
	err := source.Scan(engine(t), name, bytes.NewReader(data), nil, func(f *source.Finding, match []byte) error {
		vals[string(match)] = true
		return nil
	})
	if err != nil {
		t.Fatalf("scan %s: %v", name, err)
	}
	return vals
}

func redactBytes(t *testing.T, name string, data []byte, op redact.Operator) []byte {
	t.Helper()
	key := []byte("0123456789abcdef0123456789abcdef")
	red := redact.New(engine(t), redact.Options{Default: op, Key: key})
	var out bytes.Buffer
	err := source.Redact(red, name, bytes.NewReader(data), &out, &source.RedactOptions{
		Values: source.NewValueRedactor(redact.Options{Default: op, Key: key}),
	})
	if err != nil {
		t.Fatalf("redact %s: %v", name, err)
	}
	return out.Bytes()
}

// After redaction, scanning the output finds none of the values found in
// the input (the structure tests below check that the format is kept).
func TestRedactProperty(t *testing.T) {
	for _, name := range []string{
		"../../testdata/whatsapp/falcon-chat.zip",
		"../../testdata/whatsapp/android-12h.txt",
		"../../testdata/mail/inbox.mbox",
		"../../testdata/mail/memo.eml",
		"../../testdata/mixed/notes.txt",
		"../../testdata/mixed/legacy-1252.txt",
		"../../testdata/mixed/letter-utf16.txt",
		"../../testdata/mixed/bundle.zip",
	} {
		for _, op := range []redact.Operator{redact.Tag(""), redact.Pseudonym(""), redact.Mask('*', 0), redact.Remove()} {
			t.Run(name[strings.LastIndexByte(name, '/')+1:]+"/"+op.String(), func(t *testing.T) {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				before := values(t, name, data)
				if len(before) == 0 {
					t.Fatal("sample has no findings")
				}
				out := redactBytes(t, name, data, op)
				after := values(t, name, out)
				for v := range after {
					if before[v] {
						t.Errorf("redacted output still has %q", v)
					}
				}
				if !strings.HasSuffix(name, ".zip") {
					for v := range before {
						if bytes.Contains(out, []byte(v)) && !strings.Contains(string(out), "redacted.invalid") {
							t.Errorf("output contains %q", v)
						}
					}
				}
			})
		}
	}
}

func TestRedactChatStaysChat(t *testing.T) {
	chat := "[12/03/2021, 09:14:55] Alice Example: mail alice@example.com\r\n" +
		"[12/03/2021, 09:15:40] Bob Sample: two\r\nlines bob@example.com\r\n" +
		"[12/03/2021, 09:16:00] Alice Example: \u200eimage omitted\r\n"
	out := redactBytes(t, "_chat.txt", []byte(chat), redact.Pseudonym(""))
	r := whatsapp.NewReader(bytes.NewReader(out), nil)
	var senders, times []string
	for {
		m, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		senders = append(senders, m.Sender)
		times = append(times, m.Time)
	}
	if len(senders) != 3 || senders[0] != senders[2] || senders[0] == senders[1] || !source.IsToken(senders[0]) {
		t.Errorf("senders %q: want 3 tokens, Alice's twice", senders)
	}
	if strings.Join(times, "|") != "12/03/2021, 09:14:55|12/03/2021, 09:15:40|12/03/2021, 09:16:00" {
		t.Errorf("times %q", times)
	}
	if strings.Contains(string(out), "Alice") || strings.Contains(string(out), "@example.com") {
		t.Errorf("leak:\n%s", out)
	}
}

func TestRedactZipKeepsMembers(t *testing.T) {
	data := zipOf(t, "a.txt", "x a@example.com", "photo.jpg", "\xff\xd8", "b.eml", "From: B <b@example.com>\r\nSubject: hi\r\n\r\nbody b@example.com\r\n")
	out := redactBytes(t, "a.zip", data, redact.Tag(""))
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("@example.com")) {
			t.Errorf("%s still has an address:\n%s", f.Name, b)
		}
	}
	if strings.Join(names, ",") != "a.txt,b.eml" {
		t.Errorf("members %q (media left out)", names)
	}
}

func TestRedactMboxStaysMbox(t *testing.T) {
	data, err := os.ReadFile("../../testdata/mail/inbox.mbox")
	if err != nil {
		t.Fatal(err)
	}
	out := redactBytes(t, "inbox.mbox", data, redact.Pseudonym(""))
	if n := bytes.Count(append([]byte("\n"), out...), []byte("\nFrom ")); n != 3 {
		t.Errorf("%d messages in the redacted mailbox, want 3", n)
	}
	err = source.Scan(engine(t), "out.mbox", bytes.NewReader(out), &source.Options{Skip: func(p string, why error) {
		t.Errorf("skipped %s: %v", p, why)
	}}, func(f *source.Finding, _ []byte) error { return nil })
	if err != nil {
		t.Errorf("redacted mailbox does not parse: %v", err)
	}
	for _, keep := range []string{"Message-Id: <memo-0001@example.com>", "X-Protective-Marking: OFFICIAL-SENSITIVE",
		"Subject: OFFICIAL-SENSITIVE: case notes for review", "[application/pdf attachment removed by tidemark redact]"} {
		if !bytes.Contains(out, []byte(keep)) {
			t.Errorf("redacted mailbox lacks %q", keep)
		}
	}
}

func TestIsToken(t *testing.T) {
	for s, want := range map[string]bool{"[PERSON_NAME]": true, "[EMAIL_3f9a1c2e]": true, "[x y]": false, "Alice": false, "[]": false} {
		if source.IsToken(s) != want {
			t.Errorf("IsToken(%q) = %v", s, !want)
		}
	}
}

// Redact a chat: it stays a chat, senders replaced by the same tokens
// wherever they appear.
func ExampleRedact() {
	eng := detect.MustCompile([]detect.Detector{testEmail()}, nil)
	key := []byte("example key, use 32 random bytes")
	opts := redact.Options{Default: redact.Pseudonym(""), Key: key}
	red := redact.New(eng, opts)
	chat := "[12/03/2021, 09:14:55] Alice Example: write to alice@example.com\n" +
		"[12/03/2021, 09:15:40] Bob Sample: thanks Alice Example\n"
	err := source.Redact(red, "_chat.txt", strings.NewReader(chat), os.Stdout,
		&source.RedactOptions{Values: source.NewValueRedactor(opts)})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// [12/03/2021, 09:14:55] [PERSON_NAME_8f370309]: write to [EMAIL_77574249]
	// [12/03/2021, 09:15:40] [PERSON_NAME_62d506e4]: thanks [PERSON_NAME_8f370309]
}

// FuzzRedact feeds arbitrary inputs to Redact in every format: no panic,
// and a redacted chat or mailbox is still readable by Scan.
func FuzzRedact(f *testing.F) {
	f.Add([]byte("[12/03/2021, 09:14:55] Alice: a@example.com\nmore\n"), uint8(1))
	f.Add([]byte("From a@example.com Sat Mar 13 09:30:00 2021\nFrom: A <a@example.com>\nSubject: x\n\nbody b@example.com\n"), uint8(2))
	f.Add([]byte("From: A <a@example.com>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>a@example.com</p>\r\n--b--\r\n"), uint8(3))
	f.Add(zipOf(f, "a.txt", "a@example.com"), uint8(4))
	formats := []source.Format{source.Text, source.WhatsApp, source.Mbox, source.EML, source.Zip}
	red := redact.New(engine(f), redact.Options{Default: redact.Pseudonym(""), Key: []byte("0123456789abcdef")})
	values := source.NewValueRedactor(redact.Options{Default: redact.Pseudonym(""), Key: []byte("0123456789abcdef")})
	f.Fuzz(func(t *testing.T, data []byte, fi uint8) {
		format := formats[int(fi)%len(formats)]
		opts := &source.RedactOptions{Options: source.Options{Format: format,
			Limits: source.Limits{MaxBytes: 1 << 20, MaxParts: 100, MaxLine: 4096, MaxMessage: 1 << 20}}, Values: values}
		var out bytes.Buffer
		source.Redact(red, "f", bytes.NewReader(data), &out, opts)
		if format == source.WhatsApp || format == source.Mbox {
			source.Scan(engine(t), "g", bytes.NewReader(out.Bytes()), &source.Options{Format: format}, func(*source.Finding, []byte) error { return nil })
		}
	})
}
