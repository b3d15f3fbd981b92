// The test vectors here are synthetic, written or generated for these
// tests; the reference for every decoding and offset is golang.org/x/text
// itself (BSD-3-Clause), run on the same bytes.
package decode_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/decode"
)

// utf16Bytes encodes s as UTF-16 with a BOM.
func utf16Bytes(s string, big bool) []byte {
	var b []byte
	put := func(u uint16) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return b
}

// units builds raw UTF-16LE bytes (with BOM) from code units, so tests can
// write unpaired surrogates.
func units(us ...uint16) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range us {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func readAll(t testing.TB, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	return b
}

// xdecode decodes b with a fresh x/text decoder.
func xdecode(enc encoding.Encoding, b []byte) []byte {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		panic(err)
	}
	return out
}

var (
	le = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

func TestSniff(t *testing.T) {
	cp := &decode.Options{Fallback: charmap.Windows1252}
	tests := []struct {
		name string
		in   []byte
		opts *decode.Options
		enc  string
		bom  int
		want string
	}{
		{"empty", nil, nil, "utf-8", 0, ""},
		{"plain", []byte("hello"), nil, "utf-8", 0, "hello"},
		{"utf8 bom", []byte("\xEF\xBB\xBFhi"), nil, "utf-8", 3, "hi"},
		{"utf8 bom only", []byte("\xEF\xBB\xBF"), nil, "utf-8", 3, ""},
		{"half utf8 bom", []byte("\xEF\xBB"), nil, "utf-8", 0, "\xEF\xBB"},
		{"utf16le", utf16Bytes("héllo €", false), nil, "utf-16le", 2, "héllo €"},
		{"utf16be", utf16Bytes("héllo €", true), nil, "utf-16be", 2, "héllo €"},
		{"utf16le bom only", []byte{0xFF, 0xFE}, nil, "utf-16le", 2, ""},
		{"utf16le odd", []byte{0xFF, 0xFE, 'A', 0, 'B'}, nil, "utf-16le", 2, "A\uFFFD"},
		{"utf16 pair", utf16Bytes("a😀b", false), nil, "utf-16le", 2, "a😀b"},
		{"lone high", units('a', 0xD800, 'b'), nil, "utf-16le", 2, "a\uFFFDb"},
		{"lone low", units('a', 0xDC00, 'b'), nil, "utf-16le", 2, "a\uFFFDb"},
		{"low low", units(0xDC00, 0xDC00, 'b'), nil, "utf-16le", 2, "\uFFFDb"},
		{"high at end", units('a', 0xD800), nil, "utf-16le", 2, "a\uFFFD"},
		{"high then odd", append(units('a', 0xD800), 'x'), nil, "utf-16le", 2, "a\uFFFD\uFFFD"},
		{"invalid utf8 passes", []byte("caf\xe9"), nil, "utf-8", 0, "caf\xe9"},
		{"fallback cp1252", []byte("caf\xe9 \x80 \x81"), cp, "windows-1252", 0, "café € \uFFFD"},
		{"fallback not needed", []byte("café"), cp, "utf-8", 0, "café"},
		{"fallback but bom", utf16Bytes("x", false), cp, "utf-16le", 2, "x"},
		{"forced cp1252", []byte("café"), &decode.Options{Encoding: charmap.Windows1252}, "windows-1252", 0, "cafÃ©"},
		{"shift_jis", []byte("\x93\xfa\x96\x7b"), &decode.Options{Encoding: japanese.ShiftJIS}, "shift_jis", 0, "日本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode.NewReader(bytes.NewReader(tt.in), tt.opts)
			if got := r.Encoding(); got != tt.enc {
				t.Errorf("Encoding = %q, want %q", got, tt.enc)
			}
			if got := r.BOM(); got != tt.bom {
				t.Errorf("BOM = %d, want %d", got, tt.bom)
			}
			got := readAll(t, r)
			if string(got) != tt.want {
				t.Errorf("decoded %q, want %q", got, tt.want)
			}
			if m := r.MapOffset(int64(len(got))); m != int64(len(tt.in)) {
				t.Errorf("MapOffset(end=%d) = %d, want %d", len(got), m, len(tt.in))
			}
			if m := r.MapOffset(0); len(got) > 0 && m != int64(tt.bom) {
				t.Errorf("MapOffset(0) = %d, want %d", m, tt.bom)
			}
		})
	}
}

func TestMapOffsetTable(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts *decode.Options
		want []int64 // MapOffset(d) for d = 0..len(decoded)
	}{
		// "aé" -> 61 C3 A9 from 61 00 E9 00.
		{"utf16 bmp", utf16Bytes("aé", false), nil, []int64{2, 4, 4, 6}},
		// 😀 is 4 decoded bytes from one surrogate pair.
		{"utf16 pair", utf16Bytes("😀b", true), nil, []int64{2, 2, 2, 2, 6, 8}},
		// Lone high surrogate: U+FFFD from 2 bytes, then 'b'.
		{"lone high", units(0xD800, 'b'), nil, []int64{2, 2, 2, 4, 6}},
		// x/text decodes DC00 DC00 as one U+FFFD from 4 bytes.
		{"low low", units(0xDC00, 0xDC00, 'b'), nil, []int64{2, 2, 2, 6, 8}},
		// Odd trailing byte: U+FFFD.
		{"odd", []byte{0xFF, 0xFE, 'a', 0, 'b'}, nil, []int64{2, 4, 4, 4, 5}},
		{"utf8 bom", []byte("\xEF\xBB\xBFab"), nil, []int64{3, 4, 5}},
		// é (E9) and € (80) decode to 2 and 3 bytes.
		{"cp1252", []byte("\xe9\x80z"), &decode.Options{Encoding: charmap.Windows1252}, []int64{0, 0, 1, 1, 1, 2, 3}},
		{"shift_jis", []byte("a\x93\xfa\x96\x7bz"), &decode.Options{Encoding: japanese.ShiftJIS}, []int64{0, 1, 1, 1, 3, 3, 3, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode.NewReader(bytes.NewReader(tt.in), tt.opts)
			dec := readAll(t, r)
			if len(dec)+1 != len(tt.want) {
				t.Fatalf("decoded %d bytes %q, table has %d offsets", len(dec), dec, len(tt.want))
			}
			var got []int64
			for d := range len(dec) + 1 {
				got = append(got, r.MapOffset(int64(d)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("MapOffset = %v, want %v", got, tt.want)
			}
		})
	}
}

// refMap computes the reference mapping with x/text alone: an even
// (UTF-16) or any (single-byte) prefix length o of the body is a code unit
// boundary when decoding body[:o] gives a prefix of the full decoding; d
// maps to the largest boundary whose decoding is no longer than d.
func refMap(enc encoding.Encoding, bom int, step int, orig []byte) ([]byte, []int64) {
	body := orig[bom:]
	full := xdecode(enc, body)
	type bd struct{ o, n int }
	var bs []bd
	for o := 0; o <= len(body); o++ {
		if o%step != 0 && o != len(body) {
			continue
		}
		pre := xdecode(enc, body[:o])
		if bytes.HasPrefix(full, pre) {
			bs = append(bs, bd{o, len(pre)})
		}
	}
	m := make([]int64, len(full)+1)
	for d := range full {
		best := 0
		for _, b := range bs {
			if b.n <= d {
				best = b.o
			}
		}
		m[d] = int64(bom + best)
	}
	m[len(full)] = int64(len(orig))
	return full, m
}

// randUTF16 returns random UTF-16LE or BE bytes with a BOM, rich in
// surrogates (paired and not), ASCII, and an optional odd trailing byte.
func randUTF16(rng *rand.Rand, n int, big bool) []byte {
	var us []uint16
	for range n {
		switch rng.IntN(8) {
		case 0:
			us = append(us, uint16(0xD800+rng.IntN(0x400)))
		case 1:
			us = append(us, uint16(0xDC00+rng.IntN(0x400)))
		case 2:
			us = append(us, uint16(0xD800+rng.IntN(0x400)), uint16(0xDC00+rng.IntN(0x400)))
		case 3:
			us = append(us, uint16(rng.IntN(0x10000)))
		case 4:
			us = append(us, uint16(0x80+rng.IntN(0x780)))
		default:
			us = append(us, uint16(" 0123456789abc@."[rng.IntN(16)]))
		}
	}
	b := []byte{0xFF, 0xFE}
	if big {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range us {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	if rng.IntN(4) == 0 {
		b = append(b, byte(rng.IntN(256)))
	}
	return b
}

func randBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		if rng.IntN(2) == 0 {
			b[i] = "0123456789 abc@."[rng.IntN(16)]
		} else {
			b[i] = byte(rng.IntN(256))
		}
	}
	return b
}

// checkAgainstRef reads in through the reader split by wrap and compares
// every offset's mapping with refMap.
func checkAgainstRef(t *testing.T, in []byte, opts *decode.Options, enc encoding.Encoding, bom, step int, wrap func(io.Reader) io.Reader) {
	t.Helper()
	full, want := refMap(enc, bom, step, in)
	r := decode.NewReader(wrap(bytes.NewReader(in)), opts)
	got := readAll(t, r)
	if !bytes.Equal(got, full) {
		t.Fatalf("input %x: decoded %q, x/text gives %q", in, got, full)
	}
	for d := range want {
		if m := r.MapOffset(int64(d)); m != want[d] {
			t.Fatalf("input %x (decoded %q): MapOffset(%d) = %d, want %d", in, got, d, m, want[d])
		}
	}
}

var wraps = map[string]func(io.Reader) io.Reader{
	"plain": func(r io.Reader) io.Reader { return r },
	"one":   iotest.OneByteReader,
	"half":  iotest.HalfReader,
	"eof":   iotest.DataErrReader,
}

func TestMapOffsetAgreesWithXText(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		n := rng.IntN(40)
		for name, w := range wraps {
			big := i%2 == 1
			enc := le
			if big {
				enc = be
			}
			checkAgainstRef(t, randUTF16(rng, n, big), nil, enc, 2, 2, w)
			cp := randBytes(rng, n)
			if !bytes.HasPrefix(cp, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(cp, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(cp, []byte{0xEF, 0xBB, 0xBF}) {
				checkAgainstRef(t, cp, &decode.Options{Encoding: charmap.Windows1252}, charmap.Windows1252, 0, 1, w)
			}
			_ = name
		}
	}
}

func TestMapOffsetShiftJIS(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		b := make([]byte, rng.IntN(30))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			continue
		}
		for _, w := range wraps {
			checkAgainstRef(t, b, &decode.Options{Encoding: japanese.ShiftJIS}, japanese.ShiftJIS, 0, 1, w)
		}
	}
}

// TestHistoryWindow streams a long input through a reader with a small
// history and checks offsets within the window as it goes, like a Scanner.
func TestHistoryWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	in := randUTF16(rng, 30000, false)
	full, want := refMapFast(in)
	const hist = 300
	r := decode.NewReader(iotest.HalfReader(bytes.NewReader(in)), &decode.Options{History: hist})
	buf := make([]byte, 97)
	var got []byte
	for {
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
		lo := max(0, len(got)-hist)
		for range 6 {
			d := lo + rng.IntN(len(got)-lo+1)
			if m := r.MapOffset(int64(d)); m != want[d] {
				t.Fatalf("MapOffset(%d) = %d, want %d (delivered %d)", d, m, want[d], len(got))
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(got, full) {
		t.Fatal("decoded output differs from x/text")
	}
	if r.Inexact() != 0 {
		t.Errorf("Inexact = %d, want 0", r.Inexact())
	}
	// An offset far outside the window is approximate but monotonic.
	if m := r.MapOffset(1); m > want[len(got)-hist] {
		t.Errorf("MapOffset(1) = %d beyond the window start", m)
	}
	if r.Inexact() != 1 {
		t.Errorf("Inexact = %d, want 1", r.Inexact())
	}
}

// refMapFast is refMap for long UTF-16LE inputs, in linear time: it
// splits the input into the code unit groups x/text decodes together (a
// surrogate and a following DC00..DFFF unit, otherwise single units) and
// decodes each group with x/text.
func refMapFast(in []byte) ([]byte, []int64) {
	// Boundaries: split after each unit unless that unit is a surrogate
	// immediately followed by a low surrogate (x/text pairs them).
	body := in[2:]
	var full []byte
	var m []int64
	for o := 0; o < len(body); {
		n := 2
		if o+1 >= len(body) {
			n = 1
		} else if u := uint16(body[o]) | uint16(body[o+1])<<8; u >= 0xD800 && u <= 0xDFFF && o+3 < len(body) {
			if v := uint16(body[o+2]) | uint16(body[o+3])<<8; v >= 0xDC00 && v <= 0xDFFF {
				n = 4
			}
		}
		part := xdecode(le, body[o:o+n])
		for range part {
			m = append(m, int64(2+o))
		}
		full = append(full, part...)
		o += n
	}
	m = append(m, int64(len(in)))
	return full, m
}

// digits is a small test detector: runs of 3 to 24 ASCII digits.
func digits() detect.Detector {
	const maxLen = 24
	return detect.Func(detect.Spec{ID: "test/digits", Kind: "digits", Triggers: detect.Triggers{Bytes: detect.Digits}, MaxLen: maxLen},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			isD := func(c byte) bool { return '0' <= c && c <= '9' }
			for _, h := range w.Hits {
				s := int(h)
				if s > 0 && isD(t[s-1]) {
					continue
				}
				if s == 0 && !w.AtStart {
					continue
				}
				e := s
				for e < len(t) && isD(t[e]) && e-s <= maxLen {
					e++
				}
				if e == len(t) && !w.AtEnd || e-s > maxLen || e-s < 3 {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 50})
			}
			return dst, nil
		})
}

type found struct {
	f    detect.Finding
	text string
}

func scan(t testing.TB, eng *detect.Engine, r io.Reader) []found {
	t.Helper()
	sc := eng.NewScanner(r)
	var out []found
	for sc.Scan() {
		out = append(out, found{sc.Finding(), sc.Text()})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan: %v", err)
	}
	return out
}

// checkScan scans in through a decode.Reader for several chunk sizes and
// read splits, and checks that the findings agree and that each maps to
// original bytes that decode to the matched text.
func checkScan(t testing.TB, in []byte, opts *decode.Options, enc encoding.Encoding) {
	t.Helper()
	eng := detect.MustCompile([]detect.Detector{digits()}, &detect.Options{Binary: detect.BinaryScan})
	want := scan(t, eng, decode.NewReader(bytes.NewReader(in), opts))
	for _, g := range want {
		if g.f.Start < 0 || g.f.End > int64(len(in)) || g.f.Start > g.f.End {
			t.Fatalf("finding %+v outside input of %d bytes", g.f, len(in))
		}
		orig := in[g.f.Start:g.f.End]
		dec := orig
		if enc != nil {
			dec = xdecode(enc, orig)
		}
		if string(dec) != g.text {
			t.Fatalf("finding %+v: original bytes %x decode to %q, scanner matched %q", g.f, orig, dec, g.text)
		}
	}
	for _, cs := range []int{1, 3, 64, 1000, 64 << 10} {
		eng := detect.MustCompile([]detect.Detector{digits()}, &detect.Options{ChunkSize: cs, Binary: detect.BinaryScan})
		for name, w := range wraps {
			if cs < 64 && (len(in) > 64<<10 || len(in) > 4096 && name != "plain") {
				continue
			}
			r := decode.NewReader(w(bytes.NewReader(in)), opts)
			got := scan(t, eng, r)
			if r.Inexact() != 0 {
				t.Fatalf("chunk %d %s: %d inexact mappings", cs, name, r.Inexact())
			}
			if !slices.Equal(got, want) {
				t.Fatalf("chunk %d reader %s: findings differ:\n got %v\nwant %v", cs, name, got, want)
			}
		}
	}
}

func TestScanMapsToOriginal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 12 {
		n := 50 + rng.IntN(3000)
		big := i%2 == 0
		enc := le
		if big {
			enc = be
		}
		checkScan(t, randUTF16(rng, n, big), nil, enc)
		b := randBytes(rng, n)
		b[0] = 'x'
		checkScan(t, b, &decode.Options{Encoding: charmap.Windows1252}, charmap.Windows1252)
		checkScan(t, b, nil, nil)
	}
	// A long input spanning many chunks, blocks and history windows.
	checkScan(t, randUTF16(rng, 300000, false), &decode.Options{History: 200 << 10}, le)
}

// TestWindowTooSmall shows what happens when the history is smaller than
// the scanner's buffer: some mappings are approximate, counted by Inexact,
// and offsets stay monotonic and within the input.
func TestWindowTooSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	in := randUTF16(rng, 400000, false)
	eng := detect.MustCompile([]detect.Detector{digits()}, &detect.Options{ChunkSize: 1 << 20, Binary: detect.BinaryScan})
	r := decode.NewReader(bytes.NewReader(in), &decode.Options{History: 16 << 10})
	got := scan(t, eng, r)
	if r.Inexact() == 0 {
		t.Fatalf("Inexact = 0 with a 16 KiB window under a 1 MiB chunk")
	}
	last := int64(0)
	for _, g := range got {
		if g.f.Start < last || g.f.End < g.f.Start || g.f.End > int64(len(in)) {
			t.Fatalf("finding %+v out of order or range", g.f)
		}
		last = g.f.Start
	}
}

func TestReset(t *testing.T) {
	r := decode.NewReader(bytes.NewReader(utf16Bytes("héllo 123", false)), nil)
	if got := readAll(t, r); string(got) != "héllo 123" || r.Encoding() != "utf-16le" {
		t.Fatalf("first: %q %s", got, r.Encoding())
	}
	for _, tc := range []struct {
		in        []byte
		want, enc string
	}{
		{[]byte("plain 123"), "plain 123", "utf-8"},
		{utf16Bytes("big 456", true), "big 456", "utf-16be"},
		{[]byte("\xEF\xBB\xBFbom"), "bom", "utf-8"},
	} {
		r.Reset(bytes.NewReader(tc.in))
		if got := readAll(t, r); string(got) != tc.want || r.Encoding() != tc.enc {
			t.Errorf("after Reset: %q %s, want %q %s", got, r.Encoding(), tc.want, tc.enc)
		}
		if m := r.MapOffset(int64(len(tc.want))); m != int64(len(tc.in)) {
			t.Errorf("after Reset: MapOffset(end) = %d, want %d", m, len(tc.in))
		}
	}
}

// errReader fails after its data.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		err = e.err
	}
	return n, err
}

func TestBadInput(t *testing.T) {
	boom := errors.New("boom")
	inputs := [][]byte{
		{0xFF}, {0xFE}, {0xFF, 0xFE, 0x00}, {0xFE, 0xFF, 0xD8}, {0xFF, 0xFE, 0x00, 0xD8, 0x00},
		[]byte("\xEF\xBB"), []byte("\xEF\xBB\xBF\xFF\xFE"), bytes.Repeat([]byte{0}, 100),
	}
	for _, in := range inputs {
		for _, opts := range []*decode.Options{nil, {Fallback: charmap.Windows1252}, {Encoding: japanese.ISO2022JP}} {
			r := decode.NewReader(&errReader{bytes.NewReader(in), boom}, opts)
			_, err := io.ReadAll(r)
			if !errors.Is(err, boom) {
				t.Errorf("%x: err = %v, want boom", in, err)
			}
			for d := int64(-1); d < 20; d++ {
				r.MapOffset(d)
			}
		}
	}
	// A reader failing at once.
	r := decode.NewReader(iotest.ErrReader(boom), nil)
	if _, err := io.ReadAll(r); !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
	if r.MapOffset(5) != 5 {
		t.Errorf("MapOffset on empty passthrough")
	}
}

func FuzzMap(f *testing.F) {
	f.Add([]byte("\xFF\xFEa\x00\x00\xD8b\x00"), uint8(0), uint16(7))
	f.Add([]byte("\xFE\xFF\xD8\x3D\xDE\x00\x001"), uint8(1), uint16(1))
	f.Add([]byte("caf\xe9 123 \x80 4567"), uint8(2), uint16(3))
	f.Add([]byte("12345"), uint8(3), uint16(64))
	f.Fuzz(func(t *testing.T, in []byte, kind uint8, chunk uint16) {
		if len(in) > 1<<12 {
			return
		}
		var opts *decode.Options
		var enc encoding.Encoding
		switch kind % 4 {
		case 0:
			in = append([]byte{0xFF, 0xFE}, in...)
			enc = le
		case 1:
			in = append([]byte{0xFE, 0xFF}, in...)
			enc = be
		case 2:
			if len(in) >= 2 && (in[0] == 0xFF && in[1] == 0xFE || in[0] == 0xFE && in[1] == 0xFF) || bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}) {
				return
			}
			opts = &decode.Options{Encoding: charmap.Windows1252}
			enc = charmap.Windows1252
		default:
			if len(in) >= 2 && (in[0] == 0xFF && in[1] == 0xFE || in[0] == 0xFE && in[1] == 0xFF) || bytes.HasPrefix(in, []byte{0xEF, 0xBB, 0xBF}) {
				return
			}
		}
		// Mapping agrees with x/text for every offset.
		if enc != nil && len(in) <= 512 {
			step, bom := 1, 0
			if kind%4 < 2 {
				step, bom = 2, 2
			}
			full, want := refMap(enc, bom, step, in)
			r := decode.NewReader(iotest.HalfReader(bytes.NewReader(in)), opts)
			got := readAll(t, r)
			if !bytes.Equal(got, full) {
				t.Fatalf("decoded %q, x/text %q", got, full)
			}
			for d := range want {
				if m := r.MapOffset(int64(d)); m != want[d] {
					t.Fatalf("MapOffset(%d) = %d, want %d", d, m, want[d])
				}
			}
		}
		// Scanning through the reader maps findings to original bytes,
		// identically for any chunk size.
		cs := 1 + int(chunk)%(64<<10)
		var want []found
		for i, c := range []int{cs, 64 << 10} {
			eng := detect.MustCompile([]detect.Detector{digits()}, &detect.Options{ChunkSize: c, Binary: detect.BinaryScan})
			got := scan(t, eng, decode.NewReader(iotest.OneByteReader(bytes.NewReader(in)), opts))
			if i == 0 {
				want = got
				for _, g := range got {
					orig := in[g.f.Start:g.f.End]
					if enc != nil {
						orig = xdecode(enc, orig)
					}
					if string(orig) != g.text {
						t.Fatalf("finding %+v maps to %q, matched %q", g.f, orig, g.text)
					}
				}
			} else if !slices.Equal(got, want) {
				t.Fatalf("chunk %d vs %d: %v vs %v", cs, c, want, got)
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	text := []byte(strings.Repeat("Call 020 7946 0018 or write to jo@example.com. Ünïcödé text… ", 20000))
	for _, tc := range []struct {
		name string
		in   []byte
		opts *decode.Options
	}{
		{"utf8", text, nil},
		{"utf16le", xencode(le, text), nil},
		{"cp1252", xencode(charmap.Windows1252, text), &decode.Options{Encoding: charmap.Windows1252}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.in)))
			b.ReportAllocs()
			buf := make([]byte, 64<<10)
			r := decode.NewReader(nil, tc.opts)
			for b.Loop() {
				r.Reset(bytes.NewReader(tc.in))
				if _, err := io.CopyBuffer(io.Discard, struct{ io.Reader }{r}, buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScan scans text with a finding every 12 bytes through the
// decoding reader, beside the same text in UTF-8 scanned directly: the
// difference is decoding plus two MapOffset calls per finding.
func BenchmarkScan(b *testing.B) {
	text := []byte(strings.Repeat("ab 12345 cd ", 200000))
	eng := detect.MustCompile([]detect.Detector{digits()}, nil)
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"utf8-direct", text},
		{"utf16le", xencode(le, text)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.in)))
			b.ReportAllocs()
			sc := eng.NewScanner(nil)
			dr := decode.NewReader(nil, nil)
			for b.Loop() {
				var r io.Reader = bytes.NewReader(tc.in)
				if tc.name != "utf8-direct" {
					dr.Reset(r)
					r = dr
				}
				sc.Reset(r)
				n := 0
				for sc.Scan() {
					n++
				}
				if sc.Err() != nil || n != 200000 {
					b.Fatal(sc.Err(), n)
				}
			}
		})
	}
}

func xencode(enc encoding.Encoding, b []byte) []byte {
	out, _, err := transform.Bytes(encoding.ReplaceUnsupported(enc.NewEncoder()), b)
	if err != nil {
		panic(err)
	}
	if enc == le {
		out = append([]byte{0xFF, 0xFE}, out...)
	}
	return out
}

func Example() {
	// A UTF-16LE file with a BOM, as Windows tools write it.
	file := []byte{0xFF, 0xFE}
	for _, c := range "Ref: 0123456" {
		file = append(file, byte(c), 0)
	}
	eng := detect.MustCompile([]detect.Detector{digits()}, nil)
	r := decode.NewReader(bytes.NewReader(file), nil)
	sc := eng.NewScanner(r)
	for sc.Scan() {
		f := sc.Finding()
		fmt.Printf("%s %q at original bytes [%d,%d)\n", r.Encoding(), sc.Bytes(), f.Start, f.End)
	}
	// Output:
	// utf-16le "0123456" at original bytes [12,26)
}
