package pii

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// emailAtRef and emailCheckDomainRef are emailAt and emailCheckDomain as
// they were before the single-pass domain check and the dot and '='
// bookkeeping of the local-part scan (kept to compare with).
func emailAtRef(t []byte, at int, atStart, atEnd bool) (s, e, score int, ok bool) {
	// Local part: scan left over atext and dots, at most emailMaxLocal+1.
	// Eight bytes at a time over letters, digits, '.' and '-' (local
	// bytes all), then one byte at a time as far as the word stops.
	s = at
	for lim := max(0, at-emailMaxLocal-1); s > lim; {
		if s-8 >= lim {
			m := ^emailWordMask(binary.LittleEndian.Uint64(t[s-8:])) & intlHigh
			if m == 0 {
				s -= 8
				continue
			}
			s -= bits.LeadingZeros64(m) >> 3 // t[s-1] is not a word byte
		}
		if c := t[s-1]; emailLocalByte[c] {
			s--
		} else if n := emailLetterBefore(t[:s]); n > 0 {
			s -= n
		} else {
			break
		}
	}
	if at-s > emailMaxLocal || (s == 0 && !atStart) {
		return 0, 0, 0, false // too long, or cut by the window edge
	}
	// Leading punctuation (quotes, slashes, braces) is not part of it.
	for s < at && t[s] < 0x80 && !emailAlnum(t[s]) && t[s] != '_' {
		s++
	}
	// A log key ("user=jo@example.com") is not part of the address: with
	// exactly one '=' after an identifier, the address starts after it.
	if k := bytes.IndexByte(t[s:at], '='); k > 0 && bytes.Count(t[s:at], []byte("=")) == 1 && emailIdent(t[s:s+k]) && s+k+1 < at {
		s += k + 1
	}
	local := t[s:at]
	if len(local) == 0 || local[len(local)-1] == '.' || bytes.Contains(local, []byte("..")) {
		return 0, 0, 0, false
	}
	if s > 0 && (t[s-1] == ':' || t[s-1] == '/') && emailInURL(t, s) {
		return 0, 0, 0, false
	}

	// Domain: labels of letters, digits, '-' and UTF-8, separated by dots.
	e = at + 1
	for lim := min(len(t), at+emailMaxDomain+2); e < lim; {
		if e+8 <= lim {
			m := ^emailWordMask(binary.LittleEndian.Uint64(t[e:])) & intlHigh
			if m == 0 {
				e += 8
				continue
			}
			e += bits.TrailingZeros64(m) >> 3 // t[e] is not a word byte
		}
		if c := t[e]; emailDomainByte[c] {
			e++
		} else if n := emailLetterAt(t[e:]); n > 0 {
			e += n
		} else {
			break
		}
	}
	if e-at-1 > emailMaxDomain || (e == len(t) && !atEnd) {
		return 0, 0, 0, false
	}
	// Trailing dots and hyphens are sentence punctuation.
	for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
		e--
	}
	domain := t[at+1 : e]
	if len(domain) == 0 || e-s > emailMaxLen {
		return 0, 0, 0, false
	}
	tldKnown, valid := emailCheckDomainRef(domain)
	if !valid {
		return 0, 0, 0, false
	}
	score = 60
	if tldKnown {
		score = 80
	}
	return s, e, score, true
}

func emailCheckDomainRef(domain []byte) (known, ok bool) {
	labels := 0
	var tld []byte
	for len(domain) > 0 {
		i := bytes.IndexByte(domain, '.')
		var l []byte
		if i < 0 {
			l, domain = domain, nil
		} else {
			l, domain = domain[:i], domain[i+1:]
			if len(domain) == 0 {
				return false, false
			}
		}
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false, false
		}
		labels++
		tld = l
	}
	if labels < 2 || len(tld) < 2 {
		return false, false
	}
	if bytes.HasPrefix(tld, []byte("xn--")) || bytes.HasPrefix(tld, []byte("XN--")) {
		return true, true
	}
	utf := false
	for _, c := range tld {
		switch {
		case c >= 0x80:
			utf = true
		case !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			return false, false // digits or '-' in a TLD: not a domain
		}
	}
	if utf {
		return true, true // an internationalised TLD
	}
	if len(tld) > 24 {
		return false, false
	}
	var low [24]byte
	for i, c := range tld {
		low[i] = c | 0x20
	}
	name := low[:len(tld)]
	if emailFileExt(name) {
		return false, false
	}
	return len(name) == 2 || emailGTLD(name), true
}

// FuzzEmailRef: emailAt gives what emailAtRef gives at every '@' of any
// input, with the window edges open or closed.
func FuzzEmailRef(f *testing.F) {
	for _, c := range emailRefSeeds {
		f.Add([]byte(c))
	}
	for _, c := range emailRefSeeds {
		f.Add([]byte(emailRefPad + c + emailRefPad))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		emailRefCompare(t, b)
	})
}

var emailRefSeeds = []string{
	"mail jo.bloggs@example.com now", "a..b@example.com", "user=jo@example.co.uk,", "x=y=z@a.b",
	"https://u:p@host.example.org/x", "logo@2x.png", "jo@xn--bcher-kva.example", "jo@EXAMPLE.XN--P1AI",
	"<jo@example.com>.", "jo@exa-.com", "jo@-exa.com", "jo@a.b", "jo@a..com", "jo@.com", "jo@a.c0m",
	"jörg@bücher.de", "jo@münchen.例え", "\"jo\"@example.com", "a.@example.com", ".a@example.com",
	"jo@" + string(bytes.Repeat([]byte("a"), 70)) + ".com", "jo@example.com-", "jo@example.com..",
	"first.last+tag@sub.example.london", "mailto:jo@example.com", "http://h/p@x.com",
	"to jo@example.museum and more text after", "jo@a.js and more text", "jo@a.b.c.d.e.f.g.h.example.co.uk, then more",
	"jo@x-y.example.png trailing text", "jo@sub-.example.com trailing text", "jo@sub.-example.com trailing text",
	"jo@sub..example.com trailing text", "jo@exa-mple.xn--p1ai trailing text", "jo@exa.XN--P1AI trailing text",
	"jo@exa.Xn--P1AI trailing text", "jo@exa.c0m trailing text", "jo@exa.COM trailing text",
	"jo@exa.foundation trailing text", "jo@exa.london trailing text", "jo@exa.londons trailing text",
	"jo@exa.abcdefgh trailing text", "jo@exa.abcdefghi trailing text", "jo@exämple.com trailing text",
	"jo@example.cöm trailing text", "jo@abcdefghijklmnopqrstuvwxyz.com trailing text",
	"jo@abcdefghijklmnopqrstuvwxyz12345.com trailing text", "jo@-a.com trailing text", "jo@a.b trailing text",
	"jo@abcdefg.-hij.com trailing text", "jo@abcdef-.hij.com and more", "jo@abcdefgh..ij.com and more",
	"jo@abcdefg..hij.com and more", "jo@abcdefgh.-ij.com and more", "jo@abcdefg-.hij.com and more",
	"jo@aé-.com trailing text", "jo@a.bcdefghé.com trailing text", "jo@abcdefgé.-com.uk and more",
	"jo@abcdefg.hijklmn.opqrstu.vwxyz.co and more", "jo@abcdefg.hijklmn.opqrstu.vwxyz.c and more",
	"jo@abcdefg.hijklmn.opqrstu.vwxyz.abcdefghijklmnopqrstuvwxy and more text", "jo@a-b.c-d.e-f.gh, more",
}

// emailDetectRef is email.Detect as it was before it filled its findings
// in place (kept to compare with).
func emailDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	for _, h := range w.Hits {
		if s, e, score, ok := emailAt(t, int(h), w.AtStart, w.AtEnd); ok {
			dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score})
		}
	}
	return dst
}

func emailRefCompare(t *testing.T, b []byte) {
	var hits []int32
	for at := range b {
		if b[at] == '@' {
			hits = append(hits, int32(at))
		}
	}
	for _, edge := range [4][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
		w := &detect.Window{Text: b, Base: 13, Hits: hits, AtStart: edge[0], AtEnd: edge[1]}
		got, _ := email{}.Detect(nil, w)
		if want := emailDetectRef(nil, w); !slices.Equal(got, want) {
			t.Fatalf("email.Detect(%q, %v) = %v, want %v", b, edge, got, want)
		}
	}
	for at := range b {
		if b[at] != '@' {
			continue
		}
		for _, edge := range [4][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
			s, e, sc, ok := emailAt(b, at, edge[0], edge[1])
			s2, e2, sc2, ok2 := emailAtRef(b, at, edge[0], edge[1])
			if s != s2 || e != e2 || sc != sc2 || ok != ok2 {
				t.Fatalf("emailAt(%q, %d, %v) = %d %d %d %v, want %d %d %d %v", b, at, edge, s, e, sc, ok, s2, e2, sc2, ok2)
			}
			s2, e2, sc2, ok2 = emailAtSlow(b, at, edge[0], edge[1]) // emailAt before its fast path
			if s != s2 || e != e2 || sc != sc2 || ok != ok2 {
				t.Fatalf("emailAt(%q, %d, %v) = %d %d %d %v, emailAtSlow %d %d %d %v", b, at, edge, s, e, sc, ok, s2, e2, sc2, ok2)
			}
		}
	}
	if len(b) > 0 {
		k1, o1 := emailCheckDomain(b)
		k2, o2 := emailCheckDomainRef(b)
		if k1 != k2 || o1 != o2 {
			t.Fatalf("emailCheckDomain(%q) = %v %v, want %v %v", b, k1, o1, k2, o2)
		}
	}
}

// emailRefPad is text around a seed that leaves room for emailAt's
// eight-byte loads (its fast path).
const emailRefPad = "some padding text, then "

func TestEmailRefSeeds(t *testing.T) {
	for _, c := range emailRefSeeds {
		emailRefCompare(t, []byte(c))
		emailRefCompare(t, []byte(emailRefPad+c))
		emailRefCompare(t, []byte(c+emailRefPad))
		emailRefCompare(t, []byte(emailRefPad+c+emailRefPad))
		for _, around := range []string{"<>", "()", "  ", "\n\n", ":.", "/,", "=;", "_+", "é\x80"} {
			emailRefCompare(t, []byte(emailRefPad+around[:1]+c+around[1:]+emailRefPad))
		}
	}
	_ = binary.LittleEndian
	_ = bits.Len
}

func TestEmailCheckDomainLongTLD(t *testing.T) {
	for _, d := range []string{"a." + string(bytes.Repeat([]byte("é"), 13)) + "1", "a." + string(bytes.Repeat([]byte("é"), 13)),
		"a." + string(bytes.Repeat([]byte("x"), 30)), "a.é" + string(bytes.Repeat([]byte("x"), 30)) + "-x", "a.xn--" + string(bytes.Repeat([]byte("x"), 30))} {
		emailRefCompare(t, []byte(d))
	}
}

// emailFileExts are the file extensions emailTLDClass knows.
const emailFileExts = " png jpg jpeg gif svg webp bmp ico pdf css js json xml html htm txt zip exe dll "

// TestEmailFileExts: emailFileExts holds the file extensions of
// emailTLDClass.
func TestEmailFileExts(t *testing.T) {
	for _, w := range strings.Fields(emailFileExts) {
		if emailTLDClass([]byte(w)) != emailTLDFile {
			t.Errorf("%q is not a file extension of emailTLDClass", w)
		}
	}
}

// TestEmailCheckDomainMasks: emailCheckDomain (bit sets of dots and
// hyphens, the TLD as one word) and emailCheckDomainLoop (one label at a
// time, as before) agree on random domains of 1 to 70 bytes built from
// the bytes that matter.
func TestEmailCheckDomainMasks(t *testing.T) {
	alpha := []string{"a", "b", "x", "X", "n", "-", ".", "1", "é", "K", "c", "o", "m", "u", "k", "g"}
	words := []string{"com", "org", "net", "uk", "png", "js", "london", "xn--p1ai", "foundation", "COM", "Uk"}
	rnd := uint64(1)
	next := func(n int) int {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		return int(rnd>>33) % n
	}
	for range 200000 {
		var b []byte
		for n := 1 + next(70); len(b) < n; {
			if next(4) == 0 {
				b = append(b, words[next(len(words))]...)
			} else {
				b = append(b, alpha[next(len(alpha))]...)
			}
		}
		if next(2) == 0 {
			b = append(b, '.')
			b = append(b, words[next(len(words))]...)
		}
		k1, o1 := emailCheckDomain(b)
		k2, o2 := emailCheckDomainLoop(b)
		k3, o3 := emailCheckDomainRef(b)
		if k1 != k2 || o1 != o2 || k1 != k3 || o1 != o3 {
			t.Fatalf("emailCheckDomain(%q) = %v %v, loop %v %v, ref %v %v", b, k1, o1, k2, o2, k3, o3)
		}
	}
}
