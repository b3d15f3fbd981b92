package names

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// wordRole looks up the ASCII word t[s:e].
func (lx *lexicon) wordRole(t []byte, s, e int) role {
	return lx.lookup(hashFold(t, s, e))
}

// wordEndingAt finds the ASCII word ending just before t[e] (e exclusive),
// at most 16 bytes long and not before lo. It returns its start, or -1.
func wordEndingAt(t []byte, e, lo int) int {
	s := e
	if e-8 >= lo {
		// The letters among the eight bytes before e, from the top; the
		// byte loop goes on only after eight.
		k := bits.LeadingZeros64(^letterMask(binary.LittleEndian.Uint64(t[e-8:]))&hi8) >> 3
		s = e - k
		if k < 8 {
			goto found
		}
	}
	for s > lo && s > e-16 && isLetter(t[s-1]) {
		s--
	}
found:
	if s == e || s > lo && (isLetter(t[s-1]) || isDigit(t[s-1])) {
		return -1
	}
	return s
}

// left examines the bytes before a run that starts at s.
func (lx *lexicon) left(t []byte, s int, atStart bool, c *ctx) {
	lo := max(0, s-radius)
	i := s - 1
	if i >= 0 && t[i] == '@' {
		c.evidence, c.strong = evMention, true
		return
	}
	for i >= lo && (t[i] == ' ' || t[i] == '\t' || t[i] == '"' || t[i] == '(' || t[i] == '\'' || t[i] == '*') {
		i--
	}
	if i < lo {
		if i < 0 && atStart {
			c.sentStart, c.lineStart = true, true
		}
		return
	}
	switch ch := t[i]; {
	case ch == '\n' || ch == '\r':
		c.sentStart, c.lineStart = true, true
		// Sign-off: the previous line (or the one before a blank line)
		// ends with Regards, Thanks, Cheers...
		j := i
		for k := 0; k < 2; k++ {
			for j >= lo && (t[j] == '\n' || t[j] == '\r') {
				j--
			}
			for j >= lo && (t[j] == ',' || t[j] == '.' || t[j] == '!' || t[j] == ' ' || t[j] == '-') {
				j--
			}
			if j >= lo && isLetter(t[j]) {
				break
			}
			if j < lo || t[j] != '\n' {
				break
			}
		}
		if j >= lo && isLetter(t[j]) {
			if ws := wordEndingAt(t, j+1, lo); ws >= 0 && lx.wordRole(t, ws, j+1)&rSignoff != 0 {
				c.evidence, c.strong = evSignoff, true
			}
		}
	case ch == ']':
		c.sentStart, c.lineStart = true, true
		if i > lo && (isDigit(t[i-1]) || isLetter(t[i-1])) {
			c.evidence = evSender // confirmed by a ':' after the name
		}
	case ch == '-' && i > lo && t[i-1] == ' ':
		c.sentStart = true
		if i-1 > lo && isDigit(t[i-2]) {
			c.evidence = evSender // "21:14 - Name: "
		}
	case ch == ':':
		c.sentStart = true
		// From: / To: / Cc: at the start of a line.
		if ws := wordEndingAt(t, i, lo); ws >= 0 && (ws == 0 && atStart || ws > 0 && (t[ws-1] == '\n' || t[ws-1] == '\r')) &&
			lx.wordRole(t, ws, i)&rHeader != 0 {
			c.evidence, c.strong = evHeader, true
		}
	case ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == '|' || ch == '>' || ch == 0x93 && i >= 2 && t[i-2] == 0xE2:
		c.sentStart = true
	case ch == ',':
		// "Thanks, Jo" / "Best, Sarah".
		j := i - 1
		for j >= lo && t[j] == ' ' {
			j--
		}
		if j >= lo && isLetter(t[j]) {
			if ws := wordEndingAt(t, j+1, lo); ws >= 0 && lx.wordRole(t, ws, j+1)&(rSalute|rSignoff) != 0 {
				c.evidence, c.strong = evSalutation, true
			}
		}
	case ch == '&':
		c.amp = true
	case isLetter(ch):
		if i != s-2 {
			return // more than one space: unrelated
		}
		ws := wordEndingAt(t, i+1, lo)
		if ws < 0 {
			return
		}
		r := lx.wordRole(t, ws, i+1)
		switch {
		case r&rSalute != 0:
			c.evidence, c.strong = evSalutation, true
		case r&rJob != 0:
			c.evidence, c.strong = evJob, true
		case r&rNegLeft != 0 && isUpper(t[ws]):
			c.negLeft = true
		case r&rPrepPlace != 0:
			c.leftPrep = true
		}
		if r&rBefore != 0 {
			c.before = true
		}
		if r&rVerb != 0 {
			c.verb = true // "said Johnson"
		}
		// "my name is Sarah", "this is Sarah".
		if i-ws == 1 && (t[ws]|0x20) == 'i' && (t[i]|0x20) == 's' && ws >= 2 && t[ws-1] == ' ' {
			if ps := wordEndingAt(t, ws-1, lo); ps >= 0 {
				switch string(t[ps : ws-1]) { // compared only: no allocation
				case "name", "Name":
					c.evidence, c.strong = evIntro, true
				case "this", "This":
					c.before = true
				}
			}
		}
	}
}

// right examines the bytes after a run whose last token is last.
func (lx *lexicon) right(t []byte, last *token, atEnd bool, c *ctx) {
	n := len(t)
	j := int(last.next)
	if last.flags&fDot != 0 && last.flags&(fInitial) == 0 {
		c.terminal = true
		return
	}
	if j >= n {
		c.terminal, c.lineEnd = atEnd, atEnd
		return
	}
	switch ch := t[j]; ch {
	case ':':
		if c.evidence == evSender || c.lineStart && c.evidence == evNone {
			c.bare = c.evidence == evNone // "Name:" without a date before it
			c.evidence, c.strong = evSender, true
		}
		c.terminal = true
	case '\n', '\r':
		c.terminal, c.lineEnd = true, true
	case ',':
		c.terminal, c.vocative = true, true
		if j+1 < n && (t[j+1] == '\n' || t[j+1] == '\r') || j+1 == n && atEnd {
			c.lineEnd = true
		}
	case '!', '?', ';', ')', '"', '.':
		c.terminal = true
	case ' ':
		if j+1 >= n {
			return
		}
		k := j + 1
		switch nc := t[k]; {
		case nc == '<':
			hi := min(n, k+radius-8) // stays within Radius of the name
			for x := k + 1; x < hi && t[x] != '>' && t[x] != '\n'; x++ {
				if t[x] == '@' {
					c.evidence, c.strong = evEmail, true
					break
				}
			}
		case nc == '-' || nc == '(':
			c.terminal = true
			c.vocative = nc == '-'
		case isDigit(nc):
			c.digitNext = true
		case isLetter(nc):
			e := k
			if k+8 <= n {
				// The letters among the eight bytes from k; the byte loop
				// goes on only after eight.
				if nl := ^letterMask(binary.LittleEndian.Uint64(t[k:])) & hi8; nl != 0 {
					e = k + bits.TrailingZeros64(nl)>>3
				} else {
					e = k + 8
				}
			}
			for e < n && e < k+16 && isLetter(t[e]) {
				e++
			}
			if e < n && isLetter(t[e]) {
				return
			}
			r := lx.wordRole(t, k, e)
			switch {
			case r&rVerb != 0:
				c.verb = true
			case isAsk(t[k:e]):
				c.vocative = true // "Sunil can you check"
			case r&rPost != 0 && isUpper(t[k]):
				if c.evidence == evNone {
					c.evidence, c.strong = evJob, true // Matt Hancock MP
				}
			case e-k == 4 && (t[k]|0x20) == 'f' && (t[k+1]|0x20) == 'o' && (t[k+2]|0x20) == 'n' && (t[k+3]|0x20) == 't',
				e-k == 2 && (t[k]|0x20) == 'p' && (t[k+1]|0x20) == 't':
				c.fontNext = true
			}
		}
	}
}

// score decides about one run of capitalised tokens and appends a finding
// when the evidence is strong enough.
func (d *Detector) score(lx *lexicon, dst []detect.Finding, w *detect.Window, toks []token) []detect.Finding {
	t := w.Text
	// Leading honorifics: Rt Hon Sir Keir Starmer.
	k := 0
	for k < len(toks) && toks[k].role&rTitle != 0 && toks[k].flags&fInitial == 0 {
		k++
	}
	if k == len(toks) && k >= 2 && toks[k-1].role&(givenMask|surnameMask) != 0 {
		k-- // Cllr Bishop, Lord King: the last "title" is the name
	}
	title := 0
	if k > 0 {
		title = int(lx.title[toks[k-1].h])
		if k == len(toks) {
			return dst
		}
	}
	// Organisation, place or thing words anywhere make it not a person.
	for i := k; i < len(toks); i++ {
		if toks[i].role&rOrg != 0 {
			return dst
		}
	}
	rest := toks[k:]
	if rest[0].role&rNegLeft != 0 {
		return dst // Storm Ciara, Glen Affric
	}
	if len(toks) == 1 && loneBound(&toks[0]) < d.min {
		return dst // no context can lift a lone word to d.min
	}
	var c ctx
	lx.left(t, int(rest[0].s), w.AtStart, &c)
	// Drop a leading word when a given name follows: "Ping Sarah",
	// "Congrats Priya Patel"; not where a whole name is expected (sender
	// field, header, signature).
	if title == 0 && c.evidence != evSender && c.evidence != evHeader && c.evidence != evSignoff {
		for len(rest) >= 2 && isWordy(&rest[0]) && rest[0].role.given() < max(9, rest[1].role.given()-1) &&
			(len(rest) > 2 && (goodGiven(&rest[1]) || rest[1].role.given() >= 6) ||
				goodGiven(&rest[1]) && rest[1].role.given() >= rest[1].role.surname()+3) {
			rest = rest[1:]
			c = ctx{}
			lx.left(t, int(rest[0].s), w.AtStart, &c)
		}
	}
	// "Exeunt KING LEAR", "Re-enter OSWALD": a title-case word before
	// capitals that is not a given name is not part of the name.
	if len(rest) >= 2 && rest[0].flags&(fAllCaps|fInitial) == 0 && rest[1].flags&fAllCaps != 0 && rest[0].role.given() < 5 {
		rest = rest[1:]
		c = ctx{}
		lx.left(t, int(rest[0].s), w.AtStart, &c)
	}
	if len(rest) >= 2 && rest[0].role&rBrandHead != 0 && lx.pairRole(t, &rest[0], &rest[1])&rBrand != 0 {
		return dst // Taylor Wimpey, Morgan Stanley
	}
	// Count name tokens (without particles).
	m := 0
	for i := range rest {
		if !isParticle(&rest[i]) {
			m++
		}
	}
	if m > 5 {
		return dst // a title-case heading
	}
	lx.right(t, &rest[len(rest)-1], w.AtEnd, &c)
	if c.negLeft || c.fontNext {
		return dst
	}
	if c.evidence == evSender && !c.strong {
		c.evidence = evNone // a "]" or "- " prefix without the ':'
	}
	if c.evidence == evSignoff && !c.lineEnd {
		c.evidence, c.strong = evNone, false // a signature is alone on its line
	}
	if title != 0 {
		c.evidence, c.strong = evTitle, true
	}

	first, last := &rest[0], &rest[len(rest)-1]
	allCaps := true
	for i := range rest {
		if rest[i].flags&fAllCaps == 0 && !isParticle(&rest[i]) && rest[i].flags&fInitial == 0 {
			allCaps = false
		}
	}
	var sc int
	surIdx := infoNoSurname
	if m == 1 {
		r := first.role
		if first.flags&fInitial != 0 {
			return dst
		}
		g, s := r.given(), r.surname()
		switch {
		case title != 0:
			sc = 82
			if g == 0 && s == 0 && first.flags&fNonASCII == 0 {
				sc = 74
			}
			if r&(rCommon|rTime|rPlace) != 0 {
				sc -= 6
			}
			surIdx = 0
		default:
			var sur bool
			if sc, sur = loneBase(r, g, s); sur {
				surIdx = 0
			}
			if s > g+2 && g < 9 {
				surIdx = 0 // Hancock's: more likely a surname
			}
			if r&rCommon != 0 {
				if c.sentStart {
					sc -= 26
				} else {
					sc -= 14
				}
			} else if r&rWord != 0 && g < 11 {
				sc -= 15
			}
			if r&rTime != 0 {
				sc -= 30
			}
			if r&rProduct != 0 {
				sc -= 25
			}
			if c.amp {
				sc -= 25 // Marks & Spencer
			}
			if r&rPlace != 0 {
				sc -= 25
			}
			if allCaps {
				sc -= 25
			}
			if c.evidence == evSalutation && !c.terminal && r&(rCommon|rWord|rTime|rPlace) != 0 {
				c.strong, c.evidence = false, evNone // "thanks Will the new ..."
			}
			if c.strong && c.bare && (g == 0 && s == 0 || r&rWord != 0 && g < 8) {
				c.strong, c.evidence = false, evNone // "Attendees:", "Venue:"
			}
			if c.strong {
				if g > 0 || s > 0 || r&rWord == 0 {
					sc += 36
				} else {
					sc += 22
				}
				if c.evidence == evSalutation && !c.terminal {
					sc -= 6
				}
			} else {
				if c.sentStart {
					sc -= 4
				}
				if c.leftPrep {
					sc -= 22
				}
				if c.verb {
					sc += 12
					if g < 6 && s >= 6 && r&(rWord|rCommon) == 0 {
						sc += 8 // "Johnson said": news style
					}
				}
				if c.before {
					sc += 10
				}
				if c.lineStart && (c.lineEnd || c.vocative) {
					sc += 14 // alone on a line, or "Jack, see below"
				} else if c.sentStart && c.vocative {
					sc += 8
				}
				if c.digitNext {
					sc -= 20 // Jun 12, Sun 14:00
				}
				if first.flags&fPossessive != 0 && sc >= 30 {
					sc += 6
				}
			}
			if c.digitNext && r&rTime != 0 {
				return dst
			}
		}
	} else {
		sc = 30
		fr, lr := first.role, last.role
		switch g := fr.given(); {
		case first.flags&fInitial != 0:
			sc += 22
		case g >= 10:
			sc += 35
		case g >= 7:
			sc += 30
		case g >= 4:
			sc += 20
		case g > 0:
			sc += 10
		case fr.surname() > 0:
			sc += 4
		case first.flags&fNonASCII != 0:
			sc += 10
		case fr&rWord == 0:
			sc += 4 // not a word: a name missing from the lists?
		default:
			sc -= 6
		}
		switch s := lr.surname(); {
		case last.flags&fInitial != 0:
			sc += 0
		case s >= 10:
			sc += 30
		case s >= 7:
			sc += 26
		case s >= 4:
			sc += 18
		case s > 0:
			sc += 10
		case lr.given() > 0:
			sc += 8
		case last.flags&fNonASCII != 0 || lr&rWord == 0 && (first.flags&fInitial != 0 || fr.given() >= 7):
			sc += 14
		case lr&rWord == 0:
			sc += 6
		}
		commons := 0
		for i := range rest {
			tk := &rest[i]
			if tk.role&(rCommon|rTime|rPlace|rWord) != 0 {
				commons++
			}
			if i > 0 && i < len(rest)-1 && !isParticle(tk) && !isName(tk) {
				sc -= 6
			}
		}
		if title == 0 && fr&(rCommon|rWord) != 0 {
			if fr.given() < 11 {
				sc -= 12
			} else {
				sc -= 6
			}
		}
		if lr&rWord != 0 && lr&rCommon == 0 {
			switch {
			case lr&(givenMask|surnameMask) == 0:
				sc -= 20 // Construction, Meeting: a word, never a name
			case lr.surname() < 10:
				sc -= 8 // Garden, Cross: a word more often than a surname
			}
		}
		if fr&(rPlace|rTime) != 0 {
			sc -= 8
		}
		if lr&(rPlace|rTime) != 0 {
			sc -= 8
		}
		if commons == len(rest) {
			sc -= 18
			if m >= 3 {
				return dst // "Silver Lining Playbook": a title-case phrase
			}
		}
		if allCaps {
			sc -= 8
			for i := range rest {
				if rest[i].e-rest[i].s == 2 && rest[i].flags&fAllCaps != 0 {
					sc -= 15 // EK, AB: codes more often than names
				}
			}
		}
		if m > 3 {
			sc -= 10
		}
		if c.strong {
			sc += 15
		} else {
			if c.verb {
				sc += 8
			}
			if c.leftPrep {
				sc -= 10
			}
			if c.sentStart && fr&rCommon != 0 {
				sc -= 10
			}
		}
		if c.digitNext && (fr|lr)&rTime != 0 {
			sc -= 30
		}
		// The surname starts at the last capitalised token, or at the
		// particles before it.
		surIdx = len(rest) - 1
		for surIdx > 0 && isParticle(&rest[surIdx-1]) {
			surIdx--
		}
		if last.flags&fInitial != 0 {
			surIdx = infoNoSurname
		}
	}
	sc = min(sc, 99)
	if sc < d.min {
		return dst
	}
	if d.opts.SkipLoneNames && m == 1 && title == 0 {
		return dst
	}
	start, end := int(first.s), int(last.e)
	if end-start > maxLen {
		return dst
	}
	info := uint32(len(rest)&infoCountMask) | uint32(surIdx&0xf)<<infoSurnameSh |
		uint32(title&infoTitleBits)<<infoTitleSh | uint32(c.evidence&infoEvidenceBit)<<infoEvidenceSh
	if allCaps {
		info |= infoAllCaps
	}
	return appendFinding(dst, w.Base+int64(start), w.Base+int64(end), sc, info)
}

// isName reports whether tk is a given name, surname or initial.
func isName(tk *token) bool {
	return tk.flags&fInitial != 0 || tk.role&(givenMask|surnameMask) != 0
}

// isWordy reports whether tk is more likely a word than a name: a stop,
// dictionary or common word, or unknown.
func isWordy(tk *token) bool {
	return tk.flags&fInitial == 0 && tk.role&(rWord|rCommon) != 0
}

// goodGiven reports whether tk is plainly a given name (or an initial).
func goodGiven(tk *token) bool {
	r := tk.role
	return tk.flags&fInitial != 0 || r.given() >= 6 && r.given()+2 >= r.surname() && r&(rCommon|rWord) == 0
}

// pairRole looks up the first two tokens of a run as one key
// ("taylor wimpey").
func (lx *lexicon) pairRole(t []byte, a, b *token) role {
	return lx.lookup(pairHash(t, a, b))
}

// pairHash hashes the key of two tokens: lower case, one space between,
// no apostrophes.
func pairHash(t []byte, a, b *token) uint64 {
	// Two tokens of ASCII letters and hyphens one space apart: their
	// bytes as they stand, folded (hashFold leaves ' ' and '-' alone).
	if int(b.s) == int(a.e)+1 && t[a.e] == ' ' && (a.flags|b.flags)&(fNonASCII|fApos) == 0 {
		return hashFold(t, int(a.s), int(b.e))
	}
	return pairHashSlow(t, a, b)
}

// pairHashSlow is pairHash for tokens with apostrophes or non-ASCII
// letters, or not one space apart: it copies the key to a buffer.
func pairHashSlow(t []byte, a, b *token) uint64 {
	var buf [2*maxTokLen + 1]byte
	n := 0
	for _, tk := range [2]*token{a, b} {
		if n > 0 {
			buf[n] = ' '
			n++
		}
		for i := tk.s; i < tk.e && n < len(buf); i++ {
			c := t[i]
			if c == '\'' {
				continue
			}
			if isUpper(c) {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		}
	}
	return hashKey(buf[:n])
}

// isAsk reports whether w is a word that follows a name addressed in a
// request: "Sunil can you", "Jo please".
func isAsk(w []byte) bool {
	switch string(w) { // compared, not kept: no allocation
	case "can", "could", "would", "please", "pls", "plz":
		return true
	}
	return false
}

// loneBase is the score of a run of one token (no honorific) with roles r
// before its context, from its given-name and surname ranks g and s;
// surname reports that the surname rank decided it.
func loneBase(r role, g, s int) (sc int, surname bool) {
	switch {
	case g >= 7:
		return 50 + (g-7)*3, false
	case g >= 5:
		return 44, false
	case g >= 3:
		return 34, false
	case g > 0:
		return 26, false
	case s >= 6:
		return 34, true
	case s > 0:
		return 24, true
	case r&rWord == 0:
		return 20, false // not a word either: maybe a name missing from the lists
	}
	return 6, false
}

// loneBound is the highest score that the scoring of a run of the single
// token tk (no honorific) can give, whatever its context: the score
// without context, the context-dependent penalties left out, plus the
// larger of the bonus for strong evidence and the largest sum of the
// other context bonuses that can occur together. score returns early below it, before reading the
// context; TestLoneBound checks that it is a bound.
func loneBound(tk *token) int {
	if tk.flags&fInitial != 0 {
		return -100 // a lone initial is never a name
	}
	r := tk.role
	g, s := r.given(), r.surname()
	sc, _ := loneBase(r, g, s)
	if r&rCommon != 0 {
		sc -= 14
	} else if r&rWord != 0 && g < 11 {
		sc -= 15
	}
	if r&rTime != 0 {
		sc -= 30
	}
	if r&rProduct != 0 {
		sc -= 25
	}
	if r&rPlace != 0 {
		sc -= 25
	}
	if tk.flags&fAllCaps != 0 {
		sc -= 25
	}
	strong := 22
	if g > 0 || s > 0 || r&rWord == 0 {
		strong = 36
	}
	// Without strong evidence: a word before that supports a name and a
	// verb (+10, +12) come from the word before (and the verb also from
	// the word after); the bonus for a line start (+14 or +8) needs a line
	// or sentence start before it, so no word, and a line end or a
	// vocative after it, so no verb after it. The two exclude each other.
	weak := 10 + 12
	if g < 6 && s >= 6 && r&(rWord|rCommon) == 0 {
		weak += 8 // news style
	}
	if tk.flags&fPossessive != 0 {
		weak += 6
	}
	return sc + max(strong, weak)
}
