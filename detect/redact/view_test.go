package redact_test

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
)

// prefixView is a test View: it inserts prefix at the start of every
// line of its input, reading a few bytes at a time, and maps offsets back
// like the CSV labeller of package source (an offset inside a prefix maps
// to its line's first byte). It keeps every insertion: test inputs are
// small.
type prefixView struct {
	src    io.Reader
	prefix string
	bol    bool
	pend   []byte
	ins    []int64 // view offsets of the inserted prefixes
	out    int64
	buf    [5]byte
	err    error
}

func newPrefixView(src io.Reader, prefix string) *prefixView {
	return &prefixView{src: src, prefix: prefix, bol: true}
}

func (v *prefixView) Read(p []byte) (int, error) {
	for len(v.pend) == 0 {
		if v.err != nil {
			return 0, v.err
		}
		n, err := v.src.Read(v.buf[:])
		v.pend = v.transform(v.pend, v.buf[:n])
		v.err = err
	}
	n := copy(p, v.pend)
	v.pend = v.pend[n:]
	return n, nil
}

func (v *prefixView) transform(dst, b []byte) []byte {
	for _, c := range b {
		if v.bol {
			v.ins = append(v.ins, v.out)
			dst = append(dst, v.prefix...)
			v.out += int64(len(v.prefix))
		}
		dst = append(dst, c)
		v.out++
		v.bol = c == '\n'
	}
	return dst
}

func (v *prefixView) MapOffset(off int64) int64 {
	n := int64(len(v.prefix))
	i := sort.Search(len(v.ins), func(i int) bool { return v.ins[i] > off })
	if i > 0 && off < v.ins[i-1]+n {
		off = v.ins[i-1] + n
	}
	return off - int64(i)*n
}

// spaceSyntax is a test Syntax: spaces are structure (a pair "123 456"
// is replaced around its space), and a replacement's spaces become '_'.
type spaceSyntax struct{}

func (spaceSyntax) Next(b []byte) (int, bool) {
	if b[0] == ' ' {
		return 1, true
	}
	if i := bytes.IndexByte(b, ' '); i >= 0 {
		return i, false
	}
	return len(b), false
}

func (spaceSyntax) Escape(dst, rep []byte) []byte {
	for _, c := range rep {
		if c == ' ' {
			c = '_'
		}
		dst = append(dst, c)
	}
	return dst
}

// viewReference redacts text the simple way: the whole view built at
// once, scanned whole, its findings mapped back, overlaps merged, and
// each merged span replaced piece by piece around its spaces when spaces
// is set (spaceSyntax).
func viewReference(eng *detect.Engine, text []byte, prefix string, spaces bool, render func(f detect.Finding, v []byte) string) string {
	pv := newPrefixView(nil, prefix)
	view := pv.transform(nil, text)
	fs, err := eng.AppendFind(nil, view)
	if err != nil {
		panic(err)
	}
	// Map the findings; one within a prefix covers nothing of the input.
	var mapped []detect.Finding
	for _, f := range fs {
		f.Start, f.End = pv.MapOffset(f.Start), pv.MapOffset(f.End)
		if f.Start < f.End {
			mapped = append(mapped, f)
		}
	}
	var b strings.Builder
	pos := int64(0)
	eachMerged(mapped, func(s, e int64, win detect.Finding) {
		b.Write(text[pos:s])
		span := text[s:e]
		if !spaces {
			b.WriteString(render(win, span))
		} else {
			for len(span) > 0 {
				k := bytes.IndexByte(span, ' ')
				switch {
				case k == 0:
					b.WriteByte(' ')
					span = span[1:]
					continue
				case k < 0:
					k = len(span)
				}
				b.WriteString(strings.ReplaceAll(render(win, span[:k]), " ", "_"))
				span = span[k:]
			}
		}
		pos = e
	})
	b.Write(text[pos:])
	return b.String()
}

func copyView(t testing.TB, red *redact.Redactor, r io.Reader, prefix string, syn redact.Syntax) string {
	t.Helper()
	return copied(t, "CopyView", func(w io.Writer) (redact.Stats, error) {
		return red.CopyView(w, r, &redact.View{
			Scan:   func(in io.Reader) io.Reader { return newPrefixView(in, prefix) },
			Syntax: syn,
		})
	})
}

// The findings of a view are made in its context: a prefix with digits
// joins a line's first number into a pair, found only in the view, and
// redacted in the input from the line's start; a digit run wholly inside
// a prefix replaces nothing.
func TestCopyViewContext(t *testing.T) {
	red := redact.New(engine(t, 0), redact.Options{})
	in := "4567 and jo@example.com\nplain 12\n"
	if got := copyView(t, red, strings.NewReader(in), "ref 123 ", nil); got != "[PAIR] and [EMAIL]\nplain 12\n" {
		t.Errorf("got %q", got)
	}
	if got, _ := red.Bytes([]byte(in)); string(got) != "[DIGITS] and [EMAIL]\nplain 12\n" {
		t.Errorf("Copy: got %q", got)
	}
	// With a Syntax, the space inside a pair stays, each side is
	// replaced on its own, and a tag's space is escaped.
	red = redact.New(engine(t, 0), redact.Options{Default: redact.Tag("< >")})
	if got := copyView(t, red, strings.NewReader("ab 123 4567 cd\n"), "", spaceSyntax{}); got != "ab <_> <_> cd\n" {
		t.Errorf("syntax: got %q", got)
	}
}

// CopyView equals the simple whole-buffer reference for any chunk size
// and reader, with and without a Syntax.
func TestCopyViewReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	ops := []redact.Options{
		{},
		{Default: redact.Mask(0, 2)},
		{Default: redact.Remove()},
		{Default: redact.Pseudonym(""), Key: testKey},
	}
	engines := map[int]*detect.Engine{}
	for _, chunk := range []int{0, 1, 7, 300} {
		engines[chunk] = engine(t, chunk)
	}
	for i := range 5 {
		text := randomText(rng, 200+rng.IntN(3000))
		for oi, o := range ops {
			for _, prefix := range []string{"", "ref 123 ", "x@example.com: "} {
				for _, spaces := range []bool{false, true} {
					var syn redact.Syntax
					if spaces {
						syn = spaceSyntax{}
					}
					want := viewReference(engines[0], text, prefix, spaces, renderer(o))
					for _, chunk := range []int{0, 1, 7, 300} {
						red := redact.New(engines[chunk], o)
						for name, rd := range readers {
							if got := copyView(t, red, rd(bytes.NewReader(text)), prefix, syn); got != want {
								t.Fatalf("text %d op %d prefix %q spaces %v chunk %d reader %s:\n got %q\nwant %q",
									i, oi, prefix, spaces, chunk, name, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// renderer returns the reference rendering of a finding for the options
// of TestCopyViewReference.
func renderer(o redact.Options) func(f detect.Finding, v []byte) string {
	switch o.Default.String() {
	case "mask":
		return func(_ detect.Finding, v []byte) string { return maskRef(v, 2) }
	case "remove":
		return func(detect.Finding, []byte) string { return "" }
	case "pseudonym":
		return func(f detect.Finding, v []byte) string {
			return "[" + strings.ToUpper(string(f.Kind)) + "_" + token(string(f.Kind), string(redact.DefaultNormalize(nil, f, v))) + "]"
		}
	}
	return tagRender
}

// maskRef masks v as Mask(0, keep) does: every letter, digit and
// invalid byte but the last keep becomes '*'.
func maskRef(v []byte, keep int) string {
	type unit struct {
		s        string
		maskable bool
	}
	var us []unit
	total := 0
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRune(v[i:])
		m := r == utf8.RuneError && n == 1 || unicode.IsLetter(r) || unicode.IsNumber(r)
		us = append(us, unit{string(v[i : i+n]), m})
		if m {
			total++
		}
		i += n
	}
	var b strings.Builder
	seen := 0
	for _, u := range us {
		if u.maskable {
			if seen++; seen <= total-keep {
				b.WriteByte('*')
				continue
			}
		}
		b.WriteString(u.s)
	}
	return b.String()
}

// A View's reader must map offsets.
func TestCopyViewNeedsMapper(t *testing.T) {
	red := redact.New(engine(t, 0), redact.Options{})
	var out bytes.Buffer
	_, err := red.CopyView(&out, strings.NewReader("12345"), &redact.View{Scan: func(in io.Reader) io.Reader { return in }})
	if err == nil || out.Len() != 0 {
		t.Errorf("err %v, output %q", err, out.String())
	}
	// A nil View is Copy.
	if _, err := red.CopyView(&out, strings.NewReader("ref 12345"), nil); err != nil || out.String() != "ref [DIGITS]" {
		t.Errorf("nil view: %v, %q", err, out.String())
	}
}

// badView maps offsets wrongly (backwards, far ahead, negative): the
// output is wrong but CopyView neither panics nor writes more input than
// it read.
type badView struct {
	r    io.Reader
	mode int
}

func (b *badView) Read(p []byte) (int, error) { return b.r.Read(p) }

func (b *badView) MapOffset(off int64) int64 {
	switch b.mode {
	case 0:
		return off * 3
	case 1:
		return -off
	case 2:
		return 1000 - off
	}
	return off/2 + off%7
}

func TestCopyViewBadMapper(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 20 {
		text := randomText(rng, 100+rng.IntN(2000))
		for mode := range 4 {
			for _, syn := range []redact.Syntax{nil, spaceSyntax{}} {
				red := redact.New(engine(t, 1+i), redact.Options{})
				var out bytes.Buffer
				_, err := red.CopyView(&out, iotest.HalfReader(bytes.NewReader(text)), &redact.View{
					Scan:   func(in io.Reader) io.Reader { return &badView{in, mode} },
					Syntax: syn,
				})
				if err != nil && !errors.Is(err, detect.ErrBinary) {
					t.Fatal(err)
				}
			}
		}
	}
}

func FuzzCopyView(f *testing.F) {
	f.Add([]byte("4567 and jo@example.com\n12 34 567\n"), "ref 123 ", uint16(3), uint8(0))
	f.Add([]byte("a@b.co x 123 456\n\n "), "", uint16(64), uint8(5))
	f.Fuzz(func(t *testing.T, in []byte, prefix string, chunk uint16, op uint8) {
		if len(in) > 4<<10 || len(prefix) > 64 {
			return
		}
		o := []redact.Options{{Default: redact.Tag("[ t ]")}, {Default: redact.Mask(0, 2)}, {Default: redact.Remove()}, {Default: redact.Pseudonym(""), Key: testKey}}[op%4]
		spaces := op&4 != 0
		var syn redact.Syntax
		if spaces {
			syn = spaceSyntax{}
		}
		red := redact.New(engine(t, 1+int(chunk)%4096), o)
		got := copyView(t, red, iotest.OneByteReader(bytes.NewReader(in)), prefix, syn)
		render := renderer(o)
		if op%4 == 0 {
			render = func(detect.Finding, []byte) string { return "[ t ]" }
		}
		if want := viewReference(engine(t, 0), in, prefix, spaces, render); got != want {
			t.Fatalf("differs from the reference\n got %q\nwant %q", got, want)
		}
	})
}
