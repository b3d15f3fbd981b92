package whatsapp

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestParseHeader(t *testing.T) {
	for _, tc := range []struct {
		line   string
		ok     bool
		layout Layout
		time   string
		sender string
		text   string
		system bool
	}{
		// iOS, 24-hour, with seconds.
		{"[12/03/2021, 09:14:55] Alice Example: Morning", true, IOS, "12/03/2021, 09:14:55", "Alice Example", "Morning", false},
		// iOS, 12-hour with a narrow no-break space before PM.
		{"[3/12/21, 9:14:55\u202fPM] Bob Sample: hi", true, IOS, "3/12/21, 9:14:55\u202fPM", "Bob Sample", "hi", false},
		// iOS with a leading U+200E and an attachment.
		{"\u200e[12/03/2021, 09:17:31] +44 7700 900987: \u200e<attached: 00000005-PHOTO.jpg>", true, IOS, "12/03/2021, 09:17:31", "+44 7700 900987", "\u200e<attached: 00000005-PHOTO.jpg>", false},
		// iOS system line: the chat's name as sender, text after U+200E.
		{"[12/03/2021, 09:14:55] Falcon: \u200eMessages and calls are end-to-end encrypted.", true, IOS, "12/03/2021, 09:14:55", "", "Falcon: \u200eMessages and calls are end-to-end encrypted.", true},
		// Android, 24-hour.
		{"12/03/2021, 21:14 - Alice Example: evening", true, Android, "12/03/2021, 21:14", "Alice Example", "evening", false},
		// Android, 12-hour US.
		{"3/12/21, 9:14 PM - Dan Placeholder: Hi", true, Android, "3/12/21, 9:14 PM", "Dan Placeholder", "Hi", false},
		// Android, German dotted date, no comma.
		{"12.03.21 21:14 - Erin Fictional: Hallo", true, Android, "12.03.21 21:14", "Erin Fictional", "Hallo", false},
		// Android, ISO date, lower-case a.m.
		{"2021-03-12, 9:14 a.m. - Erin: ok", true, Android, "2021-03-12, 9:14 a.m.", "Erin", "ok", false},
		// Android system line: no sender.
		{"3/12/21, 9:14 PM - Dan Placeholder created group \"Allotment\"", true, Android, "3/12/21, 9:14 PM", "", "Dan Placeholder created group \"Allotment\"", true},
		// Empty message text.
		{"12/03/2021, 21:14 - Alice:", true, Android, "12/03/2021, 21:14", "Alice", "", false},
		// Not headers: continuation lines, prose with dates, broken times.
		{"or the office on 020 7946 0456", false, 0, "", "", "", false},
		{"12/03/2021 was a Friday", false, 0, "", "", "", false},
		{"[12/03/2021, 9:1] x: y", false, 0, "", "", "", false},
		{"12/03/2021, 21:14 Alice: no dash", false, 0, "", "", "", false},
		{"[12/03/2021, 09:14:55 Alice: no bracket", false, 0, "", "", "", false},
		{"123456/03/2021, 21:14 - A: b", false, 0, "", "", "", false},
		{"", false, 0, "", "", "", false},
	} {
		h, ok := ParseHeader([]byte(tc.line))
		if ok != tc.ok {
			t.Errorf("ParseHeader(%q) ok = %v, want %v", tc.line, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		text := tc.line[h.TextStart:]
		if h.Layout != tc.layout || h.Time != tc.time || h.Sender != tc.sender || text != tc.text || h.System != tc.system {
			t.Errorf("ParseHeader(%q) = %v %q %q text %q system %v; want %v %q %q %q %v",
				tc.line, h.Layout, h.Time, h.Sender, text, h.System, tc.layout, tc.time, tc.sender, tc.text, tc.system)
		}
		if h.Sender != "" && tc.line[h.SenderStart:h.SenderStart+len(h.Sender)] != h.Sender {
			t.Errorf("ParseHeader(%q): SenderStart %d does not index the sender", tc.line, h.SenderStart)
		}
	}
}

func TestIsAttachment(t *testing.T) {
	for _, s := range []string{"<attached: 00000005-PHOTO-2021-03-12-09-17-31.jpg>", "\u200e<attached: a.pdf>",
		"<Media omitted>", "image omitted", "\u200evideo omitted", "IMG-20210313-WA0001.jpg (file attached)"} {
		if !IsAttachment([]byte(s)) {
			t.Errorf("IsAttachment(%q) = false", s)
		}
	}
	for _, s := range []string{"the image omitted from the report", "hello", "<attached", ""} {
		if IsAttachment([]byte(s)) {
			t.Errorf("IsAttachment(%q) = true", s)
		}
	}
}

const chat = "[12/03/2021, 09:14:55] Alice Example: first\r\n" +
	"[12/03/2021, 09:16:02] Bob Sample: two\r\nlines\r\n\r\n" +
	"[12/03/2021, 09:17:31] Alice Example: \u200eimage omitted\r\n"

func TestReader(t *testing.T) {
	r := NewReader(strings.NewReader(chat), nil)
	type msg struct {
		idx          int
		sender, body string
		line         int64
		attach       bool
	}
	var got []msg
	for {
		m, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if chat[m.Offset:m.BodyOffset+int64(len(m.Body))+int64(len(m.EOL))] != string(m.Head)+string(m.Body)+string(m.EOL) {
			t.Errorf("message %d: Head+Body+EOL are not the message's bytes", m.Index)
		}
		if chat[m.BodyOffset:m.BodyOffset+int64(len(m.Body))] != string(m.Body) {
			t.Errorf("message %d: BodyOffset %d does not index the body %q", m.Index, m.BodyOffset, m.Body)
		}
		if m.Sender != "" && chat[m.SenderOffset:m.SenderOffset+int64(len(m.Sender))] != m.Sender {
			t.Errorf("message %d: SenderOffset wrong", m.Index)
		}
		got = append(got, msg{m.Index, m.Sender, string(m.Body), m.Line, m.Attachment})
	}
	want := []msg{
		{1, "Alice Example", "first", 1, false},
		{2, "Bob Sample", "two\r\nlines\r\n", 2, false},
		{3, "Alice Example", "\u200eimage omitted", 5, true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d messages %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("message %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

func TestReaderLimits(t *testing.T) {
	long := "[12/03/2021, 09:14:55] A: " + strings.Repeat("x", 100) + "\n"
	_, err := NewReader(strings.NewReader(long), &Options{MaxLine: 64}).Next()
	var pe *ParseError
	if !errors.Is(err, ErrLineTooLong) || !errors.As(err, &pe) || pe.Line != 1 || pe.Limit != 64 {
		t.Errorf("long line: err = %v", err)
	}
	many := "[12/03/2021, 09:14:55] A: x\n" + strings.Repeat("continuation line\n", 20)
	_, err = NewReader(strings.NewReader(many), &Options{MaxMessage: 100}).Next()
	if !errors.Is(err, ErrMessageTooLong) {
		t.Errorf("long message: err = %v", err)
	}
}

func TestSniff(t *testing.T) {
	if !Sniff([]byte("\xef\xbb\xbf\n" + chat)) {
		t.Error("chat with BOM and blank first line not sniffed")
	}
	if Sniff([]byte("Dear Alice,\n[12/03/2021, 09:14:55] A: x\n")) {
		t.Error("letter sniffed as chat")
	}
}

func FuzzWhatsApp(f *testing.F) {
	f.Add([]byte(chat))
	f.Add([]byte("3/12/21, 9:14 PM - Dan: Hi\n3/12/21, 9:15 PM - x\ny"))
	f.Add([]byte("\u200e[1/1/21, 1:01:01\u202fAM] a: \u200e<attached: x>\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(strings.NewReader(string(data)), &Options{MaxLine: 256, MaxMessage: 1024})
		prev := 0
		for range 10000 {
			m, err := r.Next()
			if err != nil {
				return
			}
			if m.Index != 0 && m.Index != prev+1 {
				t.Fatalf("index %d after %d", m.Index, prev)
			}
			prev = max(prev, m.Index)
			end := m.BodyOffset + int64(len(m.Body))
			if m.BodyOffset < 0 || end > int64(len(data)) || string(data[m.BodyOffset:end]) != string(m.Body) {
				t.Fatalf("body offset %d does not index the body", m.BodyOffset)
			}
			if m.Sender != "" && string(data[m.SenderOffset:m.SenderOffset+int64(len(m.Sender))]) != m.Sender {
				t.Fatalf("sender offset wrong")
			}
		}
		t.Fatal("Next did not end")
	})
}

func ExampleReader() {
	export := "[12/03/2021, 09:14:55] Alice Example: Morning all\n" +
		"[12/03/2021, 09:16:02] Bob Sample: Call me on\n020 7946 0456\n"
	r := NewReader(strings.NewReader(export), nil)
	for {
		m, err := r.Next()
		if err != nil {
			break
		}
		fmt.Printf("#%d %s | %s | %q\n", m.Index, m.Time, m.Sender, m.Body)
	}
	// Output:
	// #1 12/03/2021, 09:14:55 | Alice Example | "Morning all"
	// #2 12/03/2021, 09:16:02 | Bob Sample | "Call me on\n020 7946 0456"
}
