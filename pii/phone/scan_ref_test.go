package phone

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// The scanner as it was before Detect took the commonest finding, a chat
// sender "+44 7700 900123: " (senderAt), without examining its piece: the
// reference its findings are compared with (scan_ref_test.go's tests and
// FuzzScanRef).

// digitsFrom returns the end of the digits from t[k:], storing them at
// o in p.d (as long as they fit).
func digitsFromRef(t []byte, k int, p *piece, o int) int {
	for k+8 <= len(t) {
		v := binary.LittleEndian.Uint64(t[k:])
		if o <= len(p.d)-8 {
			binary.LittleEndian.PutUint64(p.d[o:], v)
		}
		if m := nonDigits(v); m != 0 {
			return k + bits.TrailingZeros64(m)>>3
		}
		k, o = k+8, o+8
	}
	for k < len(t) && isDigit(t[k]) {
		if o < len(p.d) {
			p.d[o] = t[k]
		}
		k, o = k+1, o+1
	}
	return k
}

// Detect implements [detect.Detector].
//
// The scanner's unit is a stretch: a maximal run of digits and separator
// bytes, holding one or more pieces (runs of groups joined by valid
// separators, split where the separators are not valid). Pieces are
// examined in order from the start of their stretch; a piece too long to
// be a number (examine) makes the scanner skip the rest of its stretch,
// so that no number is taken from inside a table of digits. Examining a
// piece is the costly part, and a digit run can only matter if a candidate
// may start with it (mayStart): Detect skips the hits of other runs, and
// when a run that matters comes, it first examines, in order, the pieces
// of its stretch it skipped (those after next), so the outcome is that of
// examining every piece. (So mayStart only saves work: examining the
// pieces of a run it would reject gives the same findings.)
func (d *Detector) detectRef(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t, hits := w.Text, w.Hits
	if !d.gb {
		var st scanState
		lo := 0 // hits before lo are in pieces examined or runs skipped
		for _, h32 := range hits {
			if h := int(h32); h >= lo {
				dst = d.examineRef(dst, w, h, &st)
				lo = max(st.next, st.skip)
			}
		}
		return dst, nil
	}
	// Most GB windows have a hit to examine; those that have none are
	// left before the state is zeroed.
	for k, h32 := range hits {
		if gbExamine(t, int(h32)) {
			return d.detectGBRef(dst, w, hits[k:]), nil
		}
	}
	return dst, nil
}

// detectGB is Detect in region GB from hits[0], a hit to examine.
func (d *Detector) detectGBRef(dst []detect.Finding, w *detect.Window, hits []int32) []detect.Finding {
	t := w.Text
	var st scanState
	dst = d.examineRef(dst, w, int(hits[0]), &st)
	lo := max(st.next, st.skip) // hits before lo are in pieces examined or runs skipped
	for _, h32 := range hits[1:] {
		if h := int(h32); h >= lo && gbExamine(t, h) {
			dst = d.examineRef(dst, w, h, &st)
			lo = max(st.next, st.skip)
		}
	}
	return dst
}

// examine examines the hit at h: unless mayStart rejects its run (always
// judged outside region GB, and in GB for a hit at 0 or inside a run), the
// pieces of its stretch from the first one not yet examined up to its own.
func (d *Detector) examineRef(dst []detect.Finding, w *detect.Window, h int, st *scanState) []detect.Finding {
	t, p := w.Text, &st.p
	g := h // the start of h's run of digits
	if !d.gb || h == 0 || isDigit(t[h-1]) {
		for g > 0 && isDigit(t[g-1]) {
			g--
		}
		if end, ok := d.mayStart(t, g); !ok {
			st.skip = end
			return dst
		}
	}
	// Back to the first piece of the stretch not yet examined.
	pos := g
	for pos > st.next && inStretch(t[pos-1]) {
		pos--
	}
	for {
		if pos < g { // else pos is g, a digit
			for pos < len(t) && isSep(t[pos]) {
				pos++
			}
			if pos > g || pos >= len(t) || !isDigit(t[pos]) {
				break
			}
		}
		// Read the piece whose first group starts at pos (a piece
		// start: no valid separator and digit before it): s, e is the
		// byte range the piece and its prefix context occupy, ok that
		// it is usable (not longer than maxPiece or maxGroups). A piece
		// that reaches a group beyond maxPiece is a table: e is then the
		// end of its stretch.
		s := pos
		e, ok := readPieceRef(t, pos, p)
		if ok {
			p.plus, p.open = false, false
			if s > 0 && t[s-1] == '+' {
				p.plus = true
				s--
			}
			if s > 0 && t[s-1] == '(' {
				p.open = true
				s--
			}
			if !p.plus && s > 0 && t[s-1] == '+' { // "+(44)"
				p.plus = true
				s--
			}
		}
		st.next, pos = e, e
		// The piece and the bytes judged around it must be in the window.
		if ok && (s >= 3 || w.AtStart) && (e+2 < len(t) || w.AtEnd) {
			dst = d.pieceNumbersRef(dst, w, t, s, p)
		}
		if e >= g {
			break // the piece held g's run: the next one starts after g
		}
	}
	return dst
}

// readPiece reads the piece whose first group starts at first (a digit)
// into p (its groups, digit counts and digits) and returns its end. ok
// is false for a piece longer than maxPiece bytes or maxGroups groups; e
// is then the end of its stretch if it reached a group beyond maxPiece.
func readPieceRef(t []byte, first int, p *piece) (e int, ok bool) {
	n, nd, i := 0, 0, first
	// The common groups first: a group of one to six digits followed,
	// within the same eight bytes, by a byte that ends the piece (no
	// separator byte) or by one separator byte and a digit. Anything
	// else (a longer group, other separators, the window's last bytes)
	// is left to the loop below, from the group's start.
	for i+8 <= len(t) {
		b := (*[8]byte)(t[i:])
		v := binary.LittleEndian.Uint64(b[:])
		x := bits.TrailingZeros64(nonDigits(v)) >> 3 // the first non-digit (8 if none)
		if x >= 7 {
			break
		}
		c := byteClass[b[x&7]]
		if c&clSep == 0 {
			// The piece ends here.
			binary.LittleEndian.PutUint64(p.d[nd&31:], v)
			k := i + x
			nd += x
			p.gs[n&(maxGroups-1)], p.ge[n&(maxGroups-1)] = int32(i), int32(k)
			p.cum[n&(maxGroups-1)+1] = uint8(nd)
			n++
			p.n, p.nd = n, nd
			return k, n <= maxGroups && k-first <= maxPiece
		}
		if c&clSep1 == 0 || b[(x+1)&7]-'0' >= 10 {
			break
		}
		binary.LittleEndian.PutUint64(p.d[nd&31:], v)
		k := i + x
		nd += x
		p.gs[n&(maxGroups-1)], p.ge[n&(maxGroups-1)] = int32(i), int32(k)
		p.cum[n&(maxGroups-1)+1] = uint8(nd)
		n++
		i = k + 1
		if i-first > maxPiece {
			return tableEnd(t, i), false
		}
	}
	for {
		// The group's digits, eight bytes at a time (digitsFrom). Its
		// digits are stored at nd in p.d, and its bounds in p.gs, p.ge.
		// Indexes are masked: a piece with more than maxPiece digits or
		// maxGroups groups is not ok, whatever they hold.
		k := digitsFromRef(t, i, p, nd)
		nd += k - i
		p.gs[n&(maxGroups-1)], p.ge[n&(maxGroups-1)] = int32(i), int32(k)
		p.cum[n&(maxGroups-1)+1] = uint8(nd)
		n++
		j := k + 1
		if j >= len(t) || byteClass[t[k]]&clSep1 == 0 || !isDigit(t[j]) {
			// Not one separator byte, then a digit.
			for j = k; j < len(t) && isSep(t[j]) && j-k < 3; j++ {
			}
			if j == k || j >= len(t) || !isDigit(t[j]) || !validSep(t[k:j]) {
				p.n, p.nd = n, nd
				return k, n <= maxGroups && k-first <= maxPiece
			}
		}
		i = j
		if i-first > maxPiece {
			return tableEnd(t, i), false
		}
	}
}

// pieceNumbers splits a piece into numbers and appends the valid ones.
func (d *Detector) pieceNumbersRef(dst []detect.Finding, w *detect.Window, t []byte, s int, p *piece) []detect.Finding {
	// No candidate has fewer than minIntlLen digits: most pieces (times,
	// dates, small numbers) stop here.
	if p.nd < minIntlLen {
		return dst
	}
	p.lo, p.hi = 0, p.n
	// Most bytes beside a piece cannot glue: a table test first.
	if s > 0 && byteClass[t[s-1]]&clGlueB != 0 && glueBefore(t, s) {
		p.lo = 1
	}
	if e := int(p.ge[p.n-1]); e < len(t) && byteClass[t[e]]&clGlueA != 0 {
		// ':' first: a chat export's sender field ("+44 7700 900123: hi").
		if t[e] == ':' {
			if e+1 < len(t) && isDigit(t[e+1]) {
				p.hi = p.n - 1
			}
		} else if glueAfter(t, e) {
			p.hi = p.n - 1
		}
	}
	if p.n >= 3 && p.ge[1]-p.gs[1] <= 3 && ipShaped(t, p) {
		return dst
	}
	// Numbers are appended as they are found. A number followed by other
	// groups of the piece is first scored as followed by stray groups;
	// when the next number found starts right after it, that is undone.
	prevJ := -2 // last group of the previous number appended, -2 before the first
	c := &p.c
	for i := p.lo; i < p.hi; {
		ok := false
		plus := i == 0 && p.plus
		if d.gb && !plus && t[int(p.gs[i])] != '0' {
			i++ // GB national and 00-international numbers start with 0
			continue
		}
		for j := p.hi - 1; j >= i; j-- {
			// p.cum: a cheap length test before building a candidate.
			if nd := int(p.cum[j+1] - p.cum[i]); nd < minIntlLen || nd > maxDigits+3 {
				continue
			}
			if !d.buildRef(t, p, i, j, c) {
				continue
			}
			res, valid := d.validate(c)
			if !valid {
				continue
			}
			// Append the finding for groups i..j (written inline: the
			// call cost more than the work).
			intl, idd := c.intl, c.idd
			start, end := int(p.gs[i]), int(p.ge[j])
			if intl && !idd {
				start-- // the '+'
			}
			// A leading '(' is part of the match only when closed inside it.
			if i == 0 && p.open && hasClose(t, start, end) {
				start--
			}
			score := 55
			switch {
			case intl && !idd:
				score = 60
			case intl:
				score = 55
			case i == j:
				score = 50
			}
			// Stray digit groups glued to the number by single separators
			// make it less likely to be one.
			if i > 0 && prevJ != i-1 {
				score -= 15
			}
			if prevJ >= 0 && prevJ == i-1 {
				dst[len(dst)-1].Score += 10 // scored as followed by strays; it is followed by this number
			}
			if j < p.n-1 {
				score -= 10 // unless the next number found starts at j+1 (above)
			}
			if chatSender(t, start, end) {
				score += 25
			}
			info := res & resInfoMask
			if intl {
				info |= 1 << 15
			}
			// Appended zero, then filled in place: a composite literal is
			// assembled on the stack with narrow stores and copied with wider
			// loads, which stalls store forwarding.
			dst = append(dst, detect.Finding{})
			f := &dst[len(dst)-1]
			f.Start, f.End = w.Base+int64(start), w.Base+int64(end)
			f.Score, f.Info = score, info
			prevJ = j
			i, ok = j+1, true
			break
		}
		if !ok {
			i++
		}
	}
	return dst
}

// build fills c with the digits of groups i..j of p and reports whether
// they fit and pass the cheap pre-check run before phonenumbers.
func (d *Detector) buildRef(t []byte, p *piece, i, j int, c *cand) bool {
	c.intl = i == 0 && p.plus
	c.idd = false
	c.groups = j - i + 1
	a, b := int(p.cum[i]), int(p.cum[j+1])
	if c.intl && j > i && p.cum[i+2]-p.cum[i+1] == 1 && trunkGroup(t, p, i+1) {
		// A bracketed trunk "(0)" after the country code is dropped.
		if b-a-1 > candMax {
			return false
		}
		x := int(p.cum[i+1])
		n := copy(c.d[:], p.d[a:x])
		c.n = n + copy(c.d[n:], p.d[x+1:b])
	} else {
		if b-a > candMax {
			return false
		}
		// Three words: the bytes after the digits land beyond c.n.
		src := p.d[a : a+24]
		binary.LittleEndian.PutUint64(c.d[0:], binary.LittleEndian.Uint64(src[0:]))
		binary.LittleEndian.PutUint64(c.d[8:], binary.LittleEndian.Uint64(src[8:]))
		binary.LittleEndian.PutUint64(c.d[16:], binary.LittleEndian.Uint64(src[16:]))
		c.n = b - a
		if !c.intl && c.n > 2 && c.d[0] == '0' && c.d[1] == '0' {
			// International dialling prefix 00 (011 in NANP regions).
			c.intl, c.idd = true, true
			c.n = copy(c.d[:], c.d[2:c.n])
		} else if !c.intl && d.cc == 1 && c.n > 3 && c.d[0] == '0' && c.d[1] == '1' && c.d[2] == '1' {
			c.intl, c.idd = true, true
			c.n = copy(c.d[:], c.d[3:c.n])
		}
	}
	if c.n > maxDigits {
		return false
	}
	// The pre-check.
	n := c.n
	if c.intl {
		if n < minIntlLen || n > maxDigits || c.d[0] == '0' {
			return false
		}
		// A known calling code of one, two or three digits (unrolled).
		cc, v := d.ccs, int(c.d[0]-'0')
		if cc[v] {
			return true
		}
		if v = v*10 + int(c.d[1]-'0'); cc[v] {
			return true
		}
		v = v*10 + int(c.d[2]-'0')
		return cc[v]
	}
	if d.gb {
		if c.d[0] != '0' {
			return false
		}
		switch n {
		case 10:
			// 01xxx xxxxx areas and some 0500/0800 numbers.
			return c.d[1] == '1' || (c.d[1] == '8' || c.d[1] == '5') && c.d[2] == '0' && c.d[3] == '0'
		case 11:
			switch c.d[1] {
			case '1', '2', '3', '5', '7', '8', '9':
				return true
			}
		}
		return false
	}
	if d.cc == 1 { // NANP: NXX NXX XXXX, optionally after 1
		if n == 11 && c.d[0] == '1' {
			return c.d[1] >= '2' && c.d[4] >= '2'
		}
		return n == 10 && c.d[0] >= '2' && c.d[3] >= '2'
	}
	// Elsewhere: a trunk prefix or a grouped number, 6-13 digits.
	return n >= 6 && n <= 13 && (c.d[0] == '0' || c.groups > 1)
}

// refRegions are the regions the reference checks run in: GB (senderAt's)
// and one other.
var refRegions = []*Detector{New(Options{}), New(Options{Region: "US"})}

// scanRefCheck compares Detect with detectRef on s: with a hit at every
// digit and at the first digit of every run, in the whole text (every
// combination of AtStart and AtEnd) and in windows starting and ending
// inside it; then through the engine (gated windows).
func scanRefCheck(t *testing.T, s string) {
	b := []byte(s)
	var all, starts []int32
	for i := range b {
		if isDigit(b[i]) {
			all = append(all, int32(i))
			if i == 0 || !isDigit(b[i-1]) {
				starts = append(starts, int32(i))
			}
		}
	}
	for _, d := range refRegions {
		for _, hits := range [][]int32{all, starts} {
			for _, edge := range [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
				w := detect.Window{Text: b, Base: 7, Hits: hits, AtStart: edge[0], AtEnd: edge[1]}
				got, _ := d.Detect(nil, &w)
				want, _ := d.detectRef(nil, &w)
				if !slices.Equal(got, want) {
					t.Fatalf("%v.Detect(%q, hits %v, %v %v) = %v, want %v", d, s, hits, edge[0], edge[1], got, want)
				}
			}
		}
	}
	refT = t
	for _, eng := range refEngines() {
		if _, err := eng.AppendFind(nil, b); err != nil {
			t.Fatal(err)
		}
	}
}

// refT is the test refEngines' detectors report to (the checks of a test
// binary, fuzz worker included, run one at a time).
var refT *testing.T

// refEngines run a refPair for each of refRegions.
var refEngines = sync.OnceValue(func() (es []*detect.Engine) {
	for _, d := range refRegions {
		es = append(es, detect.MustCompile([]detect.Detector{refPair{d}}, &detect.Options{MinScore: 0, Binary: detect.BinaryScan}))
	}
	return es
})

// refPair is a detector that runs Detect and detectRef on every window the
// engine gives it and fails the test when they differ.
type refPair struct{ d *Detector }

func (r refPair) Spec() detect.Spec                { return r.d.Spec() }
func (r refPair) AcceptRun(s detect.RunShape) bool { return r.d.AcceptRun(s) }
func (r refPair) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	n := len(dst)
	dst, _ = r.d.Detect(dst, w)
	want, _ := r.d.detectRef(nil, w)
	if !slices.Equal(dst[n:], want) {
		refT.Fatalf("%v.Detect(%q, hits %v, %v %v) = %v, want %v (engine window)", r.d, w.Text, w.Hits, w.AtStart, w.AtEnd, dst[n:], want)
	}
	return dst, nil
}

// scanRefSeeds are the shapes senderAt takes or must leave to examine.
var scanRefSeeds = []string{
	"12/03/2021, 09:30 - +44 7700 900123: hi\n[12/03/2021, 09:30:00] +44 7700 900123: hi\n+44 7700 900123: hi",
	"+44 7700 900123:1 +44 7700 900123:  +44 7700 900123 hi +44 7700 900123 12 +44 7700 900123  x +44 7700 900123\n",
	"+44 7700 900123, +44 7700 900123. +44 7700 900123- +44 7700 900123) +44 7700 900123\u00a0x +44 7700 900123\u00a3",
	"(+44 7700 900123) x+44 7700 900123 1+44 7700 900123 -+44 7700 900123 .+44 7700 900123 :+44 7700 900123 ,+44 7700 900123",
	"+44 7700 912345: hi +44 0770 900123: hi +04 7700 900123: hi +99 9999 999999: hi +33 6123 456789: hi +1 202 555 0143: hi",
	"+44 2079 460958: hi +44 1632 960123: hi +44 7700 9001234: hi +44 7700 90012: hi +44 77000 900123: hi +444 7700 900123: hi",
	"+44 7700 900123 07700 900123 +44 7700 900123\t07700 900123 +44 7700 900123 +44 7700 900123",
	"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 +44 7700 900123: hi 12345 12345 12345 12345 12345 12345 +44 7700 900123",
	"+44 7700 900123",
	"x+44 7700 900123:",
	"++44 7700 900123: +(44 7700 900123: +44 (0)7700 900123: 0044 7700 900123: +44 7700 900123#",
	// gate_test.go's gateSeeds:
	"Clock and date beside numbers: 07700 900123 12:30, 020 7946 0958 09:14:55] +44 20 7946 0958 12:30 [12/03/2021, 09:14] 12/03/2021, 21:14 - 0161 496 0000",
	"020 7946 0958, 07700 900123, +44 (0)20 7946 0958, 0044 20 7946 0958, +1 (202) 555-0175, +33 1 23 45 67 89",
	"07700-900-123 07700.900.123 Tel:07700900123 tel.+447700900123 tel=07700900123 x07700900123",
	"020 7946 0958 x123, 020 7946 0958 ext. 12, 020 7946 0958#12, 020/7946/0958, 0207946/0958",
	"020\u00a07946\u00a00958, +44\u00a0(0)20\u00a07946\u00a00958, 020\u20137946\u20130958, \u201307700900123\u2013",
	"+(44) 20 7946 0958, (+44) 20 7946 0958, (020)7946 0958, 020) 7946 0958, (0)20 7946 0958",
	"0 2 0 7 9 4 6 0 9 5 8, 0 20 7946 0958, 02 07 94 60 95 8, 0207 946 095 8: hi",
	"+44 7700 9001 23: hi\n+33 1 23 45 67 89: salut\n07700 900123: ok\n0770090012: no",
	"30/03/2021, 16:57 - +44 7700 900600: ok\n[24/04/2021, 22:09:53] 07700 900181: ok\n[12/03/2021, 09:14:55] Sam: 12:30?",
	"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0  020 7946 0958\n12345 12345 12345 12345 12345 12345  07700 900123",
	"a1234567890123456789012345678 9  020 7946 0958 a12345678901234567890123456789 9b  07700 900123",
	"£07700900123 €07700900123 $07700900123 1,234 07700 900123 12:07700900123 +1+07700900123",
	"00441134960000 004411349600001 0014155552671 +14155552671 +9892222222 +12 3456",
	"192.168.100.200 1.2.3.4.5.6 07700.900.123.4 ISBN 0-306-40615-2 v10.2.0745",
	"\x00020 7946 0958\x00 \"07700900123\" '07700900123' !07700900123? =07700 900123;",
}

func TestScanRef(t *testing.T) {
	for _, s := range scanRefSeeds {
		scanRefCheck(t, s)
	}
}

// TestScanRefCorpus compares Detect with detectRef over the windows the
// engine gives the GB detector on the typical corpus, and over the typical,
// dense and office corpora through the engine.
func TestScanRefCorpus(t *testing.T) {
	d := New(Options{})
	for _, w := range typicalWindows() {
		win := detect.Window{Text: w.text, Base: w.base, Hits: w.hits, AtStart: w.atStart, AtEnd: w.atEnd}
		got, _ := d.Detect(nil, &win)
		want, _ := d.detectRef(nil, &win)
		if !slices.Equal(got, want) {
			t.Fatalf("Detect(%q) = %v, want %v", w.text, got, want)
		}
	}
	if testing.Short() {
		return
	}
	for _, den := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 2 << 20, Density: den})
		refT = t
		for _, eng := range refEngines() {
			if _, err := eng.AppendFind(nil, text); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func FuzzScanRef(f *testing.F) {
	for _, s := range scanRefSeeds {
		f.Add(s)
	}
	f.Fuzz(scanRefCheck)
}
