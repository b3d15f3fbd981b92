package source_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source"
)

// testEmail finds local@domain.tld around '@' (a small stand-in for the
// real detector, so these tests do not depend on its tuning).
func testEmail() detect.Detector {
	ok := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
	}
	return detect.Func(detect.Spec{ID: "test/email", Kind: "email", MaxLen: 128, Triggers: detect.Triggers{Bytes: "@"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				at := int(h)
				s, e := at, at+1
				for s > 0 && ok(t[s-1]) && at-s < 63 {
					s--
				}
				for e < len(t) && ok(t[e]) && e-at < 63 {
					e++
				}
				for e > at+1 && t[e-1] == '.' {
					e--
				}
				if s == at || !bytes.Contains(t[at+1:e], []byte(".")) || s == 0 && !w.AtStart || e == len(t) && !w.AtEnd {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 90})
			}
			return dst, nil
		})
}

func engine(t testing.TB) *detect.Engine {
	return detect.MustCompile([]detect.Detector{testEmail()}, nil)
}

type hit struct {
	loc   source.Location
	f     detect.Finding
	match string
}

func scan(t *testing.T, name string, data []byte, opts *source.Options) ([]hit, error) {
	t.Helper()
	var hits []hit
	err := source.Scan(engine(t), name, bytes.NewReader(data), opts, func(f *source.Finding, match []byte) error {
		hits = append(hits, hit{*f.Loc, f.Finding, string(match)})
		return nil
	})
	return hits, err
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       source.Format
	}{
		{"a.txt", "hello", source.Text},
		{"a.zip", "PK\x03\x04rest", source.Zip},
		{"x", "PK\x05\x06", source.Zip},
		{"box", "From alice@example.com Sat Mar 13 09:30:00 2021\nFrom: a\n", source.Mbox},
		{"a.mbox", "", source.Mbox},
		{"m", "Received: x\r\nFrom: a@example.com\r\nSubject: s\r\n\r\nbody", source.EML},
		{"a.eml", "anything", source.EML},
		{"notes", "Subject: x\nnot really", source.Text},
		{"_chat.txt", "[12/03/2021, 09:14:55] A: x\n", source.WhatsApp},
		{"chat.txt", "\xef\xbb\xbf12/03/2021, 21:14 - A: x\n", source.WhatsApp},
		{"Dear", "Dear Alice,\n12/03/2021, 21:14 - A: x\n", source.Text},
	} {
		if got := source.Sniff(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Sniff(%q, %q) = %q, want %q", tc.name, tc.head, got, tc.want)
		}
	}
}

// Offsets of text files refer to the original bytes, whatever the encoding.
func TestOriginalOffsets(t *testing.T) {
	text := "Caf\u00e9 \u00a350 \u2013 write to b.sample@example.com now\n"
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	w1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	for name, data := range map[string][]byte{
		"utf8":    []byte(text),
		"utf8bom": append([]byte("\xef\xbb\xbf"), text...),
		"utf16":   u16,
		"cp1252":  w1252,
	} {
		hits, err := scan(t, name+".txt", data, nil)
		if err != nil || len(hits) != 1 {
			t.Fatalf("%s: %v %+v", name, err, hits)
		}
		h := hits[0]
		if h.match != "b.sample@example.com" {
			t.Errorf("%s: match %q", name, h.match)
		}
		raw := data[h.f.Start:h.f.End]
		if name == "utf16" {
			raw, _ = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(raw)
		}
		if string(raw) != h.match {
			t.Errorf("%s: original bytes [%d,%d) = %q, want the match", name, h.f.Start, h.f.End, raw)
		}
	}
}

func TestChatAttribution(t *testing.T) {
	chat := "\xef\xbb\xbf[12/03/2021, 09:14:55] Alice Example: hi\r\n" +
		"[12/03/2021, 09:15:40] Bob Sample: mail\r\nbob@example.com\r\n" +
		"[12/03/2021, 09:16:00] Alice Example: ok\r\n"
	hits, err := scan(t, "_chat.txt", []byte(chat), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		if chat[h.f.Start:h.f.End] != h.match {
			t.Errorf("%s: offsets [%d,%d) do not index %q", h.f.Rule, h.f.Start, h.f.End, h.match)
		}
		got = append(got, fmt.Sprintf("%s #%d %s line %d %s", h.f.Rule, h.loc.Message, h.loc.Sender, h.f.Line, h.f.Kind))
	}
	want := []string{
		"source/whatsapp-sender #1 Alice Example line 1 person.name",
		"source/whatsapp-sender #2 Bob Sample line 2 person.name",
		"test/email #2 Bob Sample line 3 email",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func zipOf(t testing.TB, files ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[i+1])
	}
	zw.Close()
	return b.Bytes()
}

func TestZipLimits(t *testing.T) {
	inner := zipOf(t, "deep.txt", "x@example.com")
	for range 3 {
		inner = zipOf(t, "inner.zip", string(inner))
	}
	bomb := zipOf(t, "zeros.txt", strings.Repeat("0", 4<<20), "after.txt", "y@example.com")
	for _, tc := range []struct {
		name  string
		data  []byte
		opts  *source.Options
		limit string
		found int
	}{
		{"depth ok", inner, nil, "", 1},
		{"too deep", inner, &source.Options{Limits: source.Limits{MaxDepth: 3}}, "max-depth", 0},
		{"bomb", bomb, &source.Options{Limits: source.Limits{MaxBytes: 1 << 20}}, "max-bytes", 0},
		{"parts", zipOf(t, "a.txt", "a@example.com", "b.txt", "b@example.com", "c.txt", "c@example.com"),
			&source.Options{Limits: source.Limits{MaxParts: 2}}, "max-parts", 2},
	} {
		hits, err := scan(t, tc.name+".zip", tc.data, tc.opts)
		if len(hits) != tc.found {
			t.Errorf("%s: %d findings, want %d", tc.name, len(hits), tc.found)
		}
		var le *source.LimitError
		if tc.limit == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if !errors.As(err, &le) || le.Limit != tc.limit || !strings.Contains(err.Error(), tc.name+".zip") {
			t.Errorf("%s: err = %v, want limit %s naming the file", tc.name, err, tc.limit)
		}
	}
}

// One bad member or message does not stop the others.
func TestBadUnitsDoNotStopOthers(t *testing.T) {
	data := zipOf(t,
		"broken.eml", "From: a@example.com\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n",
		"good.txt", "reach good@example.com",
		"long-chat.txt", "[12/03/2021, 09:14:55] A: "+strings.Repeat("z", 2000)+"\n",
		"later.txt", "and later@example.com")
	hits, err := scan(t, "bundle.zip", data, &source.Options{Limits: source.Limits{MaxLine: 1000}})
	var got []string
	for _, h := range hits {
		got = append(got, h.loc.Entry+":"+h.match)
	}
	// broken.eml's From header is scanned before the broken body.
	if fmt.Sprint(got) != "[broken.eml:a@example.com good.txt:good@example.com later.txt:later@example.com]" {
		t.Errorf("findings %q", got)
	}
	msg := fmt.Sprint(err)
	for _, want := range []string{"bundle.zip!broken.eml (message 1): mail: part 1: multipart without boundary",
		"bundle.zip!long-chat.txt: line 1: exceeds limit max-line=1000"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

func TestFuncErrorStops(t *testing.T) {
	stop := errors.New("enough")
	n := 0
	err := source.Scan(engine(t), "x.txt", strings.NewReader("a@example.com b@example.com"), nil,
		func(*source.Finding, []byte) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("err = %v after %d findings", err, n)
	}
}

func TestBinarySkipped(t *testing.T) {
	var skipped []string
	hits, err := scan(t, "photo.bin", []byte("\x00\x01a@example.com"), &source.Options{Skip: func(p string, why error) {
		if errors.Is(why, detect.ErrBinary) {
			skipped = append(skipped, p)
		}
	}})
	if err != nil || len(hits) != 0 || fmt.Sprint(skipped) != "[photo.bin]" {
		t.Errorf("hits %v err %v skipped %v", hits, err, skipped)
	}
}

func FuzzZip(f *testing.F) {
	f.Add(zipOf(f, "_chat.txt", "[12/03/2021, 09:14:55] A: a@example.com\n", "m.eml", "Subject: x\r\n\r\nb@example.com"))
	f.Add(zipOf(f, "in.zip", string(zipOf(f, "t.txt", "c@example.com"))))
	f.Add([]byte("PK\x03\x04"))
	eng := engine(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := &source.Options{Format: source.Zip, Limits: source.Limits{MaxBytes: 1 << 20, MaxParts: 100, MaxLine: 4096, MaxMessage: 1 << 20}}
		err := source.Scan(eng, "f.zip", bytes.NewReader(data), opts, func(f *source.Finding, match []byte) error {
			if f.Start < 0 || f.End < f.Start || len(match) == 0 {
				t.Fatalf("bad finding %+v", f.Finding)
			}
			return nil
		})
		for _, e := range unjoin(err) {
			var le *source.LimitError
			var se *source.Error
			if !errors.As(e, &le) && !errors.As(e, &se) {
				t.Fatalf("error without a file name: %v", e)
			}
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// Scan a WhatsApp export and see each finding with its message.
func ExampleScan() {
	eng := detect.MustCompile([]detect.Detector{testEmail()}, nil)
	export := "[12/03/2021, 09:14:55] Alice Example: Morning\n" +
		"[12/03/2021, 09:15:40] Bob Sample: write to bob@example.com\n"
	err := source.Scan(eng, "_chat.txt", strings.NewReader(export), nil, func(f *source.Finding, match []byte) error {
		fmt.Printf("%s message %d (%s) %s: %s\n", f.Loc.Format, f.Loc.Message, f.Loc.Time, f.Kind, match)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// whatsapp message 1 (12/03/2021, 09:14:55) person.name: Alice Example
	// whatsapp message 2 (12/03/2021, 09:15:40) person.name: Bob Sample
	// whatsapp message 2 (12/03/2021, 09:15:40) email: bob@example.com
}

// Scan a file on disk: a mailbox, a chat, an archive or plain text.
func ExampleScanFile() {
	eng := detect.MustCompile([]detect.Detector{testEmail()}, nil)
	err := source.ScanFile(eng, "../../testdata/mail/memo.eml", nil, func(f *source.Finding, match []byte) error {
		where := "part " + f.Loc.Part
		if f.Loc.Field != "" {
			where = f.Loc.Field
		}
		fmt.Printf("message %d %s: %s %s\n", f.Loc.Message, where, f.Kind, match)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// message 1 From: person.name Alice Example
	// message 1 From: email alice@example.com
	// message 1 To: person.name Bob Sample
	// message 1 To: email bob.sample@example.com
	// message 1 To: person.name Test, Carol
	// message 1 To: email carol.test@example.org
}

// A large plain file scanned by several workers gives the findings one
// worker gives.
func TestScanFileParallel(t *testing.T) {
	defer source.SetParallelMin(1 << 10)()
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "line %d of filler text", i)
		if i%97 == 0 {
			fmt.Fprintf(&b, " mail u%d@example.com", i)
		}
		b.WriteByte('\n')
	}
	name := t.TempDir() + "/big.txt"
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(workers int) []string {
		var got []string
		err := source.ScanFile(engine(t), name, &source.Options{Workers: workers}, func(f *source.Finding, m []byte) error {
			got = append(got, fmt.Sprintf("%d-%d line %d %s", f.Start, f.End, f.Line, m))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	one, four := run(1), run(4)
	if len(one) != 207 || fmt.Sprint(one) != fmt.Sprint(four) {
		t.Errorf("1 worker: %d findings; 4 workers: %d; equal %v", len(one), len(four), fmt.Sprint(one) == fmt.Sprint(four))
	}
}
