package phone

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// A piece is a run of digit groups joined by valid separators: the unit
// the scanner splits into candidate numbers. Offsets are in the window.
type piece struct {
	n      int
	gs, ge [maxGroups]int32     // group [start, end) (window offsets fit: hits are int32)
	nd     int                  // digits in all groups
	cum    [maxGroups + 1]uint8 // cum[g]: digits in groups before g (an ok piece has at most maxPiece)
	plus   bool                 // '+' directly before group 0
	open   bool                 // '(' directly before group 0 (or before the '+')
	lo, hi int                  // usable groups [lo, hi) after glue checks
	// d holds the digits of the groups one after the other (group g's
	// at d[cum[g]:cum[g+1]]), for an ok piece; the bytes after them are
	// left over from scanning.
	d [pieceDigits]byte
	c cand // pieceNumbers' candidate (kept here, zeroed once per Detect)
}

// pieceDigits is the size of piece.d: an ok piece has at most maxPiece
// digits, and the scanner stores eight bytes at a time after them, build
// loads 24 bytes from the first digit of a candidate of at least
// minIntlLen.
const pieceDigits = 48

// A cand is a candidate number: its digits (without '+', IDD or a
// bracketed trunk "(0)") and how it was written.
type cand struct {
	d      [candMax + 8]byte // digits in d[:n]; 8 spare bytes for word copies (build)
	n      int
	intl   bool // +CC or 00CC
	idd    bool // written with 00
	groups int  // digit groups it was written in
}

// candMax is the most digits a candidate may hold before its IDD prefix
// is removed.
const candMax = maxDigits + 4

// Byte classes for the scanner.
const (
	clDigit = 1 << iota // 0-9
	clSep               // see isSep
	clAlnum             // 0-9, a-z, A-Z
	clGlue              // glues to a digit run whatever follows: alnum and _#@$%&*\^~|/
	clGlueB             // may glue a run it precedes (see glueBefore): clGlue, '-', '.', ':', ',' and the last bytes of '£' and '€'
	clGlueA             // may glue a run it follows (see glueAfter): clGlue, '-', '.', ':', ',' and the first byte of '£'
	clSep1              // a valid separator on its own (validSep): ' ', '-', '.', '(', ')'
	clPre               // before a run, needs a closer look in gbExamine: 0-9, '+', '('
)

var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] |= clDigit | clAlnum | clGlue
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= clAlnum | clGlue
		t[c-'a'+'A'] |= clAlnum | clGlue
	}
	for _, c := range []byte(" -.()\xC2\xA0") {
		t[c] |= clSep
	}
	for _, c := range []byte(" -.()") {
		t[c] |= clSep1
	}
	for _, c := range []byte("_#@$%&*\\^~|/") {
		t[c] |= clGlue
	}
	for c := range t {
		if t[c]&clGlue != 0 {
			t[c] |= clGlueB | clGlueA
		}
	}
	for _, c := range []byte("-.:,") {
		t[c] |= clGlueB | clGlueA
	}
	t[0xA3] |= clGlueB
	t[0xAC] |= clGlueB
	t[0xC2] |= clGlueA
	for _, c := range []byte("0123456789+(") {
		t[c] |= clPre
	}
	return t
}()

func isDigit(c byte) bool { return c-'0' < 10 }

func isAlnum(c byte) bool { return byteClass[c]&clAlnum != 0 }

// isSep reports separator bytes: space, hyphen, dot, brackets, and the
// two bytes of a UTF-8 no-break space (U+00A0, common in text copied from
// word processors).
func isSep(c byte) bool { return byteClass[c]&clSep != 0 }

// inStretch reports the bytes of a stretch: digits and separators (see
// Detect).
func inStretch(c byte) bool { return byteClass[c]&(clDigit|clSep) != 0 }

// validSep reports whether s, a maximal run of separator bytes between two
// digit groups, is one people write inside a phone number: one space,
// hyphen or dot, optionally with one bracket (" (", ") ", ")", "(").
func validSep(s []byte) bool {
	switch len(s) {
	case 1:
		return s[0] != 0xC2 && s[0] != 0xA0
	case 2:
		a, b := s[0], s[1]
		return a == ' ' && b == '(' || a == ')' && b == ' ' || a == ')' && b == '-' || a == '-' && b == '(' ||
			a == 0xC2 && b == 0xA0 // no-break space
	case 3:
		return s[0] == ')' && s[1] == 0xC2 && s[2] == 0xA0 || s[0] == 0xC2 && s[1] == 0xA0 && s[2] == '('
	}
	return false
}

// glueBefore reports whether a run starting at s is glued to the token
// before it (so it is part of a word, a date, a time, an amount, ...).
// '=' does not glue ("tel=07700900123" in logs); a comma glues only as a
// thousands separator.
func glueBefore(t []byte, s int) bool {
	if s == 0 {
		return false
	}
	b := t[s-1]
	switch {
	case byteClass[b]&clGlue != 0:
		return true
	case b == 0xA3 && s >= 2 && t[s-2] == 0xC2: // £
		return true
	case b == 0xAC && s >= 3 && t[s-2] == 0x82 && t[s-3] == 0xE2: // €
		return true
	case (b == '-' || b == '.') && s >= 2 && isAlnum(t[s-2]):
		return true
	case b == ':' && s >= 2 && isDigit(t[s-2]):
		return true
	case b == ',' && thousands(t, s-1):
		return true
	}
	return false
}

// thousands reports whether the comma at t[c] separates thousands: one
// to three digits before it and exactly three after ("1,234"). A comma
// between longer runs separates fields (CSV).
func thousands(t []byte, c int) bool {
	i := c
	for i > 0 && isDigit(t[i-1]) && c-i < 4 {
		i--
	}
	if n := c - i; n < 1 || n > 3 || i > 0 && isDigit(t[i-1]) {
		return false
	}
	j := c + 1
	for j < len(t) && isDigit(t[j]) && j-c <= 4 {
		j++
	}
	return j-c-1 == 3
}

// glueAfter is glueBefore for a run ending at e.
func glueAfter(t []byte, e int) bool {
	if e >= len(t) {
		return false
	}
	a := t[e]
	switch {
	case byteClass[a]&clGlue != 0:
		return true
	case (a == '-' || a == '.') && e+1 < len(t) && isAlnum(t[e+1]):
		return true
	case a == ':' && e+1 < len(t) && isDigit(t[e+1]):
		return true
	case a == ',' && thousands(t, e):
		return true
	case a == 0xC2 && e+1 < len(t) && t[e+1] == 0xA3: // £ after digits
		return true
	}
	return false
}

// nonDigits has the top bit set in each byte of v that is not an ASCII
// digit, at least in its lowest such byte: a byte below '0' sets it in
// v-0x30.., one above '9' in v+0x46.., one of 0x80 or more in v, and
// carries and borrows only move up from such a byte.
func nonDigits(v uint64) uint64 {
	return ((v + 0x4646464646464646) | (v - 0x3030303030303030) | v) & 0x8080808080808080
}

// digitsFrom returns the end of the digits from t[k:], storing them at
// o in p.d (as long as they fit).
func digitsFrom(t []byte, k int, p *piece, o int) int {
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
func (d *Detector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t, hits := w.Text, w.Hits
	if !d.gb {
		var st scanState
		lo := 0 // hits before lo are in pieces examined or runs skipped
		for _, h32 := range hits {
			if h := int(h32); h >= lo {
				dst = d.examine(dst, w, h, &st)
				lo = max(st.next, st.skip)
			}
		}
		return dst, nil
	}
	// Most GB windows have a hit to examine; those that have none are
	// left before the state is zeroed. So are those whose hits to examine
	// are all chat senders (senderAt).
	lo := 0 // hits before lo are in pieces examined
	for k, h32 := range hits {
		h := int(h32)
		if h < lo || !gbExamine(t, h) {
			continue
		}
		if h > 0 && h <= len(t) && t[h-1] == '+' {
			var e int
			if dst, e = d.senderAt(dst, w, h); e > 0 {
				lo = e
				continue
			}
		}
		return d.detectGB(dst, w, hits[k:], lo), nil
	}
	return dst, nil
}

// detectGB is Detect in region GB from hits[0], a hit to examine, with
// the pieces before next examined.
func (d *Detector) detectGB(dst []detect.Finding, w *detect.Window, hits []int32, next int) []detect.Finding {
	t := w.Text
	var st scanState
	st.next = next
	dst = d.examine(dst, w, int(hits[0]), &st)
	lo := max(st.next, st.skip) // hits before lo are in pieces examined or runs skipped
	for _, h32 := range hits[1:] {
		h := int(h32)
		if h < lo || !gbExamine(t, h) {
			continue
		}
		if h > 0 && h <= len(t) && t[h-1] == '+' {
			var e int
			if dst, e = d.senderAt(dst, w, h); e > 0 {
				st.next = e
				lo = max(e, st.skip)
				continue
			}
		}
		dst = d.examine(dst, w, h, &st)
		lo = max(st.next, st.skip)
	}
	return dst
}

// senderAt takes the commonest finding without examining its piece: a
// number written "+CC GGGG GGGGGG" (two, four and six digits after '+',
// one space between groups), as WhatsApp writes the sender field of a
// chat export line ("+44 7700 900123: hi"). When the hit at h (a digit
// after '+') starts a piece of that shape that ends there and is not
// glued to the bytes around it, and the whole piece is a valid number,
// senderAt appends the finding examine would (pieceNumbers tries the
// whole piece first, and stops there when it is valid) and returns the
// piece's end; otherwise it returns 0 and appends nothing, and examine
// does all the work. A chat sender's piece is the only one of its
// stretch: the byte after it (':' or an end of line) is not part of a
// stretch, so the scan state after it is that of examine.
func (d *Detector) senderAt(dst []detect.Finding, w *detect.Window, h int) ([]detect.Finding, int) {
	t := w.Text
	if h < 1 || h+16 > len(t) {
		return dst, 0
	}
	b := (*[17]byte)(t[h-1 : h+16]) // the '+', then the piece and the two bytes after it
	// "DD DDDD " and "DDDDDDxy": spaces at bytes 2 and 7 of v0 (turned
	// into '0' for the digit test), six digits then a non-digit x in v1.
	v0 := binary.LittleEndian.Uint64(b[1:9])
	v1 := binary.LittleEndian.Uint64(b[9:17])
	if b[0] != '+' || v0&0xFF000000_00FF0000 != 0x20000000_00200000 || nonDigits(v0^0x10000000_00100000) != 0 ||
		nonDigits(v1)&0x00808080_80808080 != 0x00800000_00000000 {
		return dst, 0
	}
	// The piece ends at x, and x is no glue (readPiece, glueAfter).
	x, y := b[15], b[16]
	switch {
	case x == ':':
		if isDigit(y) {
			return dst, 0
		}
	case x == ' ':
		if byteClass[y]&(clDigit|clSep) != 0 {
			return dst, 0
		}
	case byteClass[x]&(clSep|clGlueA) != 0:
		return dst, 0
	}
	s, e := h-1, h+14 // the '+', the piece's end
	// The piece and the bytes judged around it must be in the window.
	if s < 3 && !w.AtStart || e+2 >= len(t) && !w.AtEnd {
		return dst, 0
	}
	before := byte('\n') // the byte before the '+' (as good as a line start at 0)
	if s > 0 {
		before = t[s-1]
		if before == '(' || byteClass[before]&clGlueB != 0 {
			return dst, 0 // a bracket (examine) or maybe glued (glueBefore)
		}
	}
	res := uint32(resDrama)
	// A drama number after 44 (validate's test, with the national
	// significant number of ten digits), the commonest sender, needs no
	// other test: 44 is a known calling code (build's test below).
	if v0&0xFFFF != '4'|'4'<<8 || b[4] == '0' || !dramaKey(
		uint32(b[4])*1000+uint32(b[5])*100+uint32(b[6])*10+uint32(b[7]),
		uint32(b[9])*100+uint32(b[10])*10+uint32(b[11])) {
		// A known calling code (build).
		d0, d1, d2 := int(b[1]-'0'), int(b[2]-'0'), int(b[4]-'0')
		if cc := d.ccs; d0 == 0 || !cc[d0] && !cc[d0*10+d1] && !cc[d0*100+d1*10+d2] {
			return dst, 0
		}
		// Not a drama number: ask validate.
		var c cand
		copy(c.d[:2], b[1:3])
		copy(c.d[2:6], b[4:8])
		copy(c.d[6:12], b[9:15])
		c.n, c.intl, c.groups = 12, true, 3
		r, ok := d.validate(&c)
		if !ok {
			return dst, 0
		}
		res = r
	}
	score, final := 60, false
	if v1>>48 == ':'|' '<<8 && (before == '\n' || before == ' ' && s >= 2 && (t[s-2] == '-' || t[s-2] == ']')) {
		score, final = score+25, true // chatSender: x is ':', y ' '
	}
	dst = append(dst, detect.Finding{})
	f := &dst[len(dst)-1]
	f.Start, f.End = w.Base+int64(s), w.Base+int64(e)
	f.Score, f.Info, f.Final = score, res&resInfoMask|1<<15, final
	return dst, e
}

// gbExamine reports whether Detect examines the hit at h in region GB.
// Most runs are rejected by mayStart's GB prefix test: a first digit
// other than 0 with no '+' (or "+(") before it. A hit that starts its
// run (as in gated windows) and passes it is examined without mayStart's
// length test, which examine would repeat: that cannot change the
// findings (see Detect), and a piece of one short group ends at
// pieceNumbers' first test. A hit at 0 or inside a run is left to
// mayStart (examine).
func gbExamine(t []byte, h int) bool {
	if h <= 0 || h >= len(t) {
		return true
	}
	b, c := t[h-1], t[h]
	if byteClass[b]&clPre == 0 && c != '0' {
		return false
	}
	return c == '0' || isDigit(b) || b == '+' || b == '(' && h >= 2 && t[h-2] == '+'
}

// scanState is what Detect keeps across the hits of a window.
type scanState struct {
	next int // pieces before next have been examined (or skipped as part of a table)
	skip int // hits before skip are in a run that cannot start a candidate
	p    piece
}

// examine examines the hit at h: unless mayStart rejects its run (always
// judged outside region GB, and in GB for a hit at 0 or inside a run), the
// pieces of its stretch from the first one not yet examined up to its own.
func (d *Detector) examine(dst []detect.Finding, w *detect.Window, h int, st *scanState) []detect.Finding {
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
		e, ok := readPiece(t, pos, p)
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
			dst = d.pieceNumbers(dst, w, t, s, p)
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
func readPiece(t []byte, first int, p *piece) (e int, ok bool) {
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
		k := digitsFrom(t, i, p, nd)
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

// tableEnd returns the end of the stretch (digits and separator bytes)
// from i: a piece too long to be a number consumes the rest of it.
func tableEnd(t []byte, i int) int {
	for i < len(t) && (isDigit(t[i]) || isSep(t[i])) {
		i++
	}
	return i
}

// mayStart reports whether a candidate number may start with the run of
// digits at g (and how far the run goes): it has at least minIntlLen
// digits or is followed by separator bytes and another digit, and, for
// GB, starts with 0 (national or 00 international) or comes after '+'.
func (d *Detector) mayStart(t []byte, g int) (end int, ok bool) {
	k := g + 1
	for k < len(t) && isDigit(t[k]) {
		k++
	}
	if d.gb && t[g] != '0' && (g == 0 || t[g-1] != '+' && (g == 1 || t[g-1] != '(' || t[g-2] != '+')) {
		return k, false
	}
	if k-g >= minIntlLen {
		return k, true
	}
	for j := k; j < len(t) && j < k+3 && isSep(t[j]); j++ {
		if j+1 < len(t) && isDigit(t[j+1]) {
			return k, true
		}
	}
	return k, false
}

// pieceNumbers splits a piece into numbers and appends the valid ones.
func (d *Detector) pieceNumbers(dst []detect.Finding, w *detect.Window, t []byte, s int, p *piece) []detect.Finding {
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
			if !d.build(t, p, i, j, c) {
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
			sender := chatSender(t, start, end)
			if sender {
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
			f.Score, f.Info, f.Final = score, info, sender
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

// chatSender reports whether the number t[s:e] is the sender field of a
// chat export line: "12/03/2021, 09:30 - +44 7700 900123: hi" (WhatsApp
// Android), "[12/03/2021, 09:30:00] +44 7700 900123: hi" (iOS), or a line
// starting "<number>: ".
func chatSender(t []byte, s, e int) bool {
	if e+1 >= len(t) || t[e] != ':' || t[e+1] != ' ' {
		return false
	}
	return s == 0 || t[s-1] == '\n' || s >= 2 && t[s-1] == ' ' && (t[s-2] == '-' || t[s-2] == ']')
}

func hasClose(t []byte, s, e int) bool {
	for k := s; k < e; k++ {
		if t[k] == ')' {
			return true
		}
	}
	return false
}

// ipShaped reports whether the piece is four dot-separated groups of at
// most three digits (an IPv4 address) or a longer dotted run of short
// groups (a version or OID).
func ipShaped(t []byte, p *piece) bool {
	if p.n < 3 {
		return false
	}
	for g := 0; g < p.n; g++ {
		if p.ge[g]-p.gs[g] > 3 {
			return false
		}
		if g > 0 && t[int(p.gs[g])-1] != '.' {
			return false
		}
	}
	return true
}

// build fills c with the digits of groups i..j of p and reports whether
// they fit and pass the cheap pre-check run before phonenumbers.
func (d *Detector) build(t []byte, p *piece, i, j int, c *cand) bool {
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

// trunkGroup reports whether group g of p (one digit) is a bracketed
// trunk "(0)".
func trunkGroup(t []byte, p *piece, g int) bool {
	gs, ge := int(p.gs[g&(maxGroups-1)]), int(p.ge[g&(maxGroups-1)])
	return t[gs] == '0' && t[gs-1] == '(' && ge < len(t) && t[ge] == ')'
}

// fromMatch rebuilds a candidate from matched bytes (for Detail).
func (c *cand) fromMatch(m []byte, regionCC int) bool {
	c.n, c.intl, c.idd = 0, false, false
	digits := 0
	for k := 0; k < len(m); k++ {
		b := m[k]
		switch {
		case isDigit(b):
			// Skip a bracketed trunk "(0)" after a country code.
			if c.intl && b == '0' && k > 0 && m[k-1] == '(' && k+1 < len(m) && m[k+1] == ')' && digits > 0 {
				continue
			}
			if c.n == candMax {
				return false
			}
			c.d[c.n] = b
			c.n++
			digits++
		case b == '+' && digits == 0:
			c.intl = true
		case isSep(b):
		default:
			return false
		}
	}
	if !c.intl && c.n > 2 && c.d[0] == '0' && c.d[1] == '0' {
		c.intl, c.idd = true, true
		c.n = copy(c.d[:], c.d[2:c.n])
	} else if !c.intl && regionCC == 1 && c.n > 3 && c.d[0] == '0' && c.d[1] == '1' && c.d[2] == '1' {
		c.intl, c.idd = true, true
		c.n = copy(c.d[:], c.d[3:c.n])
	}
	return c.n > 0 && c.n <= maxDigits
}
