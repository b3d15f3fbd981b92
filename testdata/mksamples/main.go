// Command mksamples writes the bundled samples in testdata/ (all content
// synthetic; see testdata/README.md). Run from the repository root:
//
//	go run ./testdata/mksamples
//
// The output is deterministic: the .zip files carry fixed timestamps.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"log"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

var stamp = time.Date(2021, 3, 13, 9, 0, 0, 0, time.UTC)

func main() {
	write("testdata/whatsapp/falcon-chat.zip", zipOf(
		member{"_chat.txt", []byte(iosChat)},
		member{"00000005-PHOTO-2021-03-12-09-17-31.jpg", jpegStub()},
	))
	write("testdata/whatsapp/android-12h.txt", []byte(androidChat))
	write("testdata/mail/inbox.mbox", []byte(mbox()))
	write("testdata/mail/memo.eml", []byte(memo))
	write("testdata/csv/register.csv", []byte(register()))
	write("testdata/mixed/notes.txt", []byte(notes))
	write("testdata/mixed/letter-utf16.txt", utf16le(letter))
	write("testdata/mixed/legacy-1252.txt", cp1252(legacy))
	write("testdata/mixed/photo.bin", jpegStub())
	write("testdata/mixed/bundle.zip", zipOf(
		member{"memo.eml", []byte(memo)},
		member{"minutes.txt", []byte(minutes)},
		member{"nested/inner.zip", zipOf(member{"todo.txt", []byte(todo)})},
	))
}

func write(name string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

type member struct {
	name string
	data []byte
}

func zipOf(ms ...member) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range ms {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			log.Fatal(err)
		}
		w.Write(m.data)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

// jpegStub is a few bytes shaped like a JPEG header, with NULs: binary.
func jpegStub() []byte {
	return []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
}

func utf16le(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func cp1252(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		log.Fatal(err)
	}
	return b
}

const lrm = "\u200e"

var iosChat = strings.ReplaceAll(`[12/03/2021, 09:14:55] Falcon Project: `+lrm+`Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.
[12/03/2021, 09:14:55] Alice Example: Morning all. The draft is OFFICIAL-SENSITIVE so keep it in this group
[12/03/2021, 09:15:40] Bob Sample: Can you send it to bob.sample@example.com please?
[12/03/2021, 09:16:02] Alice Example: Sent. If anything is unclear call me on 07700 900123
or the office on 020 7946 0456
Thanks
[12/03/2021, 09:17:31] +44 7700 900987: `+lrm+`<attached: 00000005-PHOTO-2021-03-12-09-17-31.jpg>
[12/03/2021, 09:18:10] Bob Sample: The patient's NHS number is 999 765 4323, date of birth 04/07/1961
[12/03/2021, 21:02:11] Carol Test: `+lrm+`image omitted
[13/03/2021, 08:00:00] Alice Example: Carol, your NI number JM 39 82 71 B is on the form. Email carol.test@example.org if wrong.
[13/03/2021, 08:01:12] Falcon Project: `+lrm+`Alice Example changed the group description
`, "\n", "\r\n")

const androidChat = `3/12/21, 9:14 PM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
3/12/21, 9:14 PM - Dan Placeholder created group "Allotment"
3/12/21, 9:15 PM - Dan Placeholder: Hi Erin, my number changed to 07700 900555
3/12/21, 9:16 PM - Erin Fictional: Great. Mine is still 020 7946 0999.
Post the keys to 10 Example Street please
3/12/21, 9:20 PM - Erin Fictional: <Media omitted>
3/13/21, 10:02 AM - Dan Placeholder: erin.fictional@example.net is bouncing
3/13/21, 10:05 AM - Erin Fictional: IMG-20210313-WA0001.jpg (file attached)
`

const memo = "From: Alice Example <alice@example.com>\r\n" +
	"To: Bob Sample <bob.sample@example.com>, \"Test, Carol\" <carol.test@example.org>\r\n" +
	"Subject: OFFICIAL-SENSITIVE: case notes for review\r\n" +
	"Date: Sat, 13 Mar 2021 09:30:00 +0000\r\n" +
	"Message-ID: <memo-0001@example.com>\r\n" +
	"X-Protective-Marking: OFFICIAL-SENSITIVE\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"Bob,\r\n\r\nThe case notes are attached to the file. The client can be reached on\r\n" +
	"07700 900321; NHS number 999 111 2227.\r\n\r\nAlice\r\n"

func mbox() string {
	var b strings.Builder
	// Message 1: plain, with a marking header and an mboxrd-escaped line.
	b.WriteString("From alice@example.com Sat Mar 13 09:30:00 2021\n")
	b.WriteString(strings.ReplaceAll(memo, "\r\n", "\n"))
	b.WriteString(">From the notes: call 020 7946 0123 after 6.\n\n")

	// Message 2: multipart/alternative, quoted-printable text and base64
	// HTML in ISO-8859-1, encoded-word subject, a PDF attachment.
	b.WriteString("From bob.sample@example.com Sat Mar 13 10:00:00 2021\n")
	b.WriteString("From: =?UTF-8?Q?Bob_S=C3=A1mple?= <bob.sample@example.com>\n")
	b.WriteString("To: Alice Example <alice@example.com>\n")
	b.WriteString("Cc: Dan Placeholder <dan@example.net>\n")
	b.WriteString("Subject: =?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte("Re: case notes – OFFICIAL")) + "?=\n")
	b.WriteString("Date: Sat, 13 Mar 2021 10:00:00 +0000\n")
	b.WriteString("Message-ID: <reply-0002@example.com>\n")
	b.WriteString("MIME-Version: 1.0\n")
	b.WriteString("Content-Type: multipart/mixed; boundary=\"outer\"\n\n")
	b.WriteString("--outer\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n")
	b.WriteString("--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte("Thanks Alice. The fee is £40; the client's landline is 020 7946 0777 and her e-mail is client.one@example.com — please don't forward.\n"))
	w.Close()
	b.WriteString(qp.String() + "\n")
	b.WriteString("--alt\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n")
	html, _ := charmap.ISO8859_1.NewEncoder().String("<html><head><style>p{color:red}</style><title>x</title></head><body><p>Thanks Alice. The fee is £40;</p><p>the client&#39;s landline is <b>020&nbsp;7946&nbsp;0777</b> and her e-mail is <a href=\"mailto:client.one@example.com\">client.one@example.com</a></p></body></html>")
	enc := base64.StdEncoding.EncodeToString([]byte(html))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\n--alt--\n")
	b.WriteString("--outer\nContent-Type: application/pdf; name=\"notes.pdf\"\nContent-Disposition: attachment; filename=\"notes.pdf\"\nContent-Transfer-Encoding: base64\n\n")
	b.WriteString(base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 synthetic\x00\x01")) + "\n")
	b.WriteString("--outer--\n\n")

	// Message 3: a forwarded message (message/rfc822) with a Windows-1252 body.
	b.WriteString("From dan@example.net Sun Mar 14 08:00:00 2021\n")
	b.WriteString("From: Dan Placeholder <dan@example.net>\n")
	b.WriteString("To: alice@example.com\n")
	b.WriteString("Subject: Fwd: allotment\n")
	b.WriteString("Date: Sun, 14 Mar 2021 08:00:00 +0000\n")
	b.WriteString("Message-ID: <fwd-0003@example.net>\n")
	b.WriteString("MIME-Version: 1.0\n")
	b.WriteString("Content-Type: multipart/mixed; boundary=b3\n\n")
	b.WriteString("--b3\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n")
	body, _ := charmap.Windows1252.NewEncoder().String("See below – Erin’s number is 07700 900555.\n")
	b.WriteString(body + "\n")
	b.WriteString("--b3\nContent-Type: message/rfc822\n\n")
	b.WriteString("From: Erin Fictional <erin.fictional@example.net>\nTo: Dan Placeholder <dan@example.net>\n")
	b.WriteString("Subject: keys\nDate: Fri, 12 Mar 2021 21:16:00 +0000\nContent-Type: text/plain\n\n")
	b.WriteString("Post the keys to me; call 020 7946 0999 first.\n")
	b.WriteString("--b3--\n")
	return b.String()
}

const notes = `Meeting notes (synthetic sample)

Attendees: Alice Example, Bob Sample
Contact for follow-up: alice@example.com, 07700 900123.
Reference patient: NHS number 999 765 4323.
Classification: OFFICIAL
`

const letter = `Dear Ms Test,

Your appointment is confirmed. Please call 020 7946 0111 or write to appointments@example.org.

Yours sincerely,
Clinic administrator
`

const legacy = "Caf\u00e9 booking for Mr Sample \u2013 deposit \u00a350 paid.\r\nConfirmation sent to bob.sample@example.com; mobile 07700 900456.\r\n"

const minutes = `Minutes (synthetic)
OFFICIAL-SENSITIVE
Action: Dan Placeholder to ring 07700 900555 about the allotment.
`

const todo = "todo: email erin.fictional@example.net about the keys\n"

// register is a patient register exported from a spreadsheet: the
// identifiers in its last rows have no context but the header, two
// hundred lines up. NHS numbers are in the 999 range with valid check
// digits; names, dates and notes are invented.
func register() string {
	var b strings.Builder
	b.WriteString("name,nhs_number,dob,phone,notes\r\n")
	for i := range 200 {
		fmt.Fprintf(&b, "Patient %03d,,,,\"reviewed, no action\"\r\n", i+1)
	}
	b.WriteString("Alice Example,999 765 4323,12/03/1961,020 7946 0123,\"follow up, 3 weeks\"\r\n")
	b.WriteString("Bob Sample,999 111 2227,01/07/1975,07700 900456,\r\n")
	return b.String()
}
