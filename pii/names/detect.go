package names

import "github.com/tidemark/tidemark/detect"

// Evidence kinds, stored in bits 16-19 of Finding.Info.
const (
	evNone       = iota
	evTitle      // Mr, Dr, Baroness before the name
	evSalutation // Dear Matt, / Thanks, Jo
	evSignoff    // Kind regards\nSarah Jones
	evSender     // chat-export sender field: "] Matt Hancock: "
	evHeader     // From:/To:/Cc: display name
	evEmail      // Name <user@example.com>
	evMention    // @Sarah
	evJob        // Health Secretary Matt Hancock
	evVerb       // Sarah said
	evIntro      // my name is Sarah
)

var evidenceNames = [...]string{"", "title", "salutation", "sign-off", "chat-sender", "header", "email-display", "mention", "job-title", "verb", "introduction"}

// Info layout.
const (
	infoCountMask   = 0xf // name tokens in the span (particles included)
	infoSurnameSh   = 4   // index of the first surname token; 0xf: none
	infoTitleSh     = 8   // title id (1-based into the [title] list), 6 bits
	infoEvidenceSh  = 16  // evidence kind, 4 bits
	infoAllCaps     = 1 << 20
	infoNoSurname   = 0xf
	infoTitleBits   = 0x3f
	infoEvidenceBit = 0xf
)

// ctx is what Detect learns about the bytes around a run.
type ctx struct {
	sentStart bool // first token starts a sentence or a line
	lineStart bool // only spaces before it on its line
	evidence  int  // strongest positive evidence kind
	strong    bool // evidence is structural (salutation, sender, header...)
	leftPrep  bool // in/at/the/of just before
	negLeft   bool // New/St/North just before: a place
	verb      bool // said/wrote just after
	terminal  bool // followed by , ! ? . : newline or end
	lineEnd   bool // followed by a line break or the end of the input
	vocative  bool // followed by ',' or " -" (Jack, see below)
	before    bool // ask/cc/thank just before
	bare      bool // sender evidence from "Name:" at a line start alone
	amp       bool // '&' just before: Marks & Spencer
	digitNext bool // followed by a number: a date
	fontNext  bool // followed by "font" or "pt"
}

// Detect implements [detect.Detector].
func (d *Detector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return d.detect(dst, w, true), nil
}

// detect is Detect, with or without its shortcuts (fast): the memo of
// sender fields (memo.go) and loneDead. Tests compare the two.
func (d *Detector) detect(dst []detect.Finding, w *detect.Window, fast bool) []detect.Finding {
	lx := lexiconOnce()
	t := w.Text
	var toks [maxToks]token
	tk := &toks[0] // each hit's token is scanned where run wants it
	done := -1     // end of the last run examined: hits before it are inside it
	// A token starting at lastSp+1 after a space continues a run iff
	// lastCont (a cache of continues for the token after the last one seen).
	lastSp, lastCont := -1, false
	var memo senderMemo
	for _, h32 := range w.Hits {
		p := int(h32)
		if p < done {
			continue
		}
		if p == 0 {
			if !w.AtStart {
				continue
			}
		} else if maybeWord[t[p-1]] && wordBefore(t, p) {
			continue
		}
		// A sender field seen before in this window: the same decision.
		shape, slot := uint8(shapeNone), 0
		if fast && p >= 5 && p+maxLen+10 <= len(t) && (t[p-2] == ']' || t[p-2] == '-') {
			if shape = senderShape(t, p); shape != shapeNone {
				slot = memoSlot(t, p)
				if m := &memo[slot]; m.shape == shape && sameBytes(t, int(m.q), p, int(m.n)) {
					end := p + int(m.n) - 1
					done, lastSp, lastCont = end, end, m.cont
					if m.found {
						dst = appendFinding(dst, w.Base+int64(p+int(m.fs)), w.Base+int64(p+int(m.fe)), int(m.score), m.info)
					}
					continue
				}
			}
		}
		if lx.scanToken(t, p, tk) && !w.AtEnd {
			continue
		}
		if !chainable(tk) {
			done = int(tk.e)
			lastSp, lastCont = int(tk.next), false
			continue
		}
		if fast && shape == shapeNone && d.loneDead(t, tk) {
			// What run and score would decide, whether or not the token
			// continues an earlier run: nothing (loneDead says why the
			// hits inside the token do not care that done moves).
			done, lastSp, lastCont = int(tk.next), int(tk.next), endsRun(tk)
			continue
		}
		var cont bool
		if p > 0 && p-1 == lastSp && t[lastSp] == ' ' {
			cont = lastCont
		} else {
			cont = d.continues(lx, t, p, w.AtStart)
		}
		if cont {
			lastSp, lastCont = int(tk.next), endsRun(tk)
			continue
		}
		nt, end, ok := d.run(lx, t, tk, &toks, w.AtEnd)
		done = end
		if !ok {
			continue
		}
		lastSp, lastCont = int(toks[nt-1].next), endsRun(&toks[nt-1])
		nd := len(dst)
		dst = d.score(lx, dst, w, toks[:nt])
		if shape != shapeNone && t[end] == ':' && end+1-p <= maxLen+2 {
			m := &memo[slot]
			// Field by field, like appendFinding.
			m.q, m.n, m.shape, m.found, m.cont = int32(p), int32(end+1-p), shape, false, lastCont
			if len(dst) > nd {
				f := &dst[nd]
				m.found, m.score, m.info = true, int32(f.Score), f.Info
				m.fs, m.fe = int32(f.Start-w.Base)-int32(p), int32(f.End-w.Base)-int32(p)
			}
		}
	}
	return dst
}

// appendFinding appends a finding of Kind. It writes the fields in
// place: appending a composite literal builds it on the stack and copies
// it with 16-byte moves, which wait for its 8-byte stores to retire (a
// load spanning two stores is not forwarded).
func appendFinding(dst []detect.Finding, start, end int64, score int, info uint32) []detect.Finding {
	dst = append(dst, detect.Finding{})
	f := &dst[len(dst)-1]
	f.Start, f.End, f.Kind, f.Score, f.Info = start, end, Kind, score, info
	return dst
}

// loneDead reports, for a chainable token tk, that run would stop after
// it (a run of one token, not at the window's edge) and that score finds
// nothing in a lone token like it (an honorific, organisation or place
// prefix word, or a word loneBound keeps under MinScore). Detect then
// skips continues, run and score: if tk continues an earlier run it is
// skipped without a finding, and if not its run of one gives none; both
// leave lastSp and lastCont as tk's. They differ only in done, which
// only the hits inside tk (t[tk.s+1:tk.next]) can see, and those follow
// a letter, or an apostrophe, hyphen or ’ glued to one, so wordBefore
// skips them either way.
func (d *Detector) loneDead(t []byte, tk *token) bool {
	r := tk.role
	if r&(rOrg|rNegLeft) == 0 && (r&rTitle == 0 || tk.flags&fInitial != 0) && loneBound(tk) >= d.min {
		return false
	}
	// run's first step, for the cases where it stops.
	j := int(tk.next)
	if j+1 >= len(t) {
		return false
	}
	if tk.flags&fPossessive != 0 {
		return true
	}
	c := t[j]
	if c != ' ' {
		return !(tk.flags&(fDot|fInitial) == fDot|fInitial && isUpper(c)) // J.R.R.
	}
	c = t[j+1]
	return !isLetter(c) || tk.flags&(fDot|fInitial) == fDot && r&rAbbrev == 0 || isLower(c) && !particleInitial(c)
}

// continues reports whether the capitalised token at t[p] continues a run
// that starts earlier (so it is examined with that run, not alone).
func (d *Detector) continues(lx *lexicon, t []byte, p int, atStart bool) bool {
	if p >= 2 && t[p-1] == '.' && isUpper(t[p-2]) && (p == 2 && atStart || p > 2 && !wordBefore(t, p-2)) {
		return true // J.R.R.: glued initials
	}
	if p < 3 || t[p-1] != ' ' {
		return false
	}
	if q := p - 2; isLower(t[q]) {
		// Quick reject: a lower-case word before can only be a particle
		// (van, de, bin: at most five letters).
		s := q
		for s > 0 && s > q-5 && isLower(t[s-1]) {
			s--
		}
		if s > 0 && isLetter(t[s-1]) {
			return false
		}
		if !particleInitial(t[s]) {
			return false
		}
	}
	// prevToken's first test, without the call: a letter (or a
	// non-ASCII byte) must end the word before the space.
	c := t[p-2]
	if c == '.' {
		c = t[p-3]
	}
	if !isLetter(c) && c < 0x80 {
		return false
	}
	var prev token
	if !lx.prevToken(t, p-1, atStart, &prev) {
		return false
	}
	if prev.flags&fDot != 0 && prev.flags&fInitial == 0 && prev.role&rAbbrev == 0 {
		return false // "Smith. John": a full stop ends the run
	}
	if isParticle(&prev) {
		// van Beethoven, de la Cruz: look one or two particles further back.
		for k := 0; k < 2; k++ {
			q := int(prev.s)
			if q < 3 || t[q-1] != ' ' {
				return false
			}
			var pp token
			if !lx.prevToken(t, q-1, atStart, &pp) {
				return false
			}
			if chainable(&pp) {
				return true
			}
			if !isParticle(&pp) {
				return false
			}
			prev = pp
		}
		return false
	}
	return chainable(&prev)
}

// prevToken scans into tk the token that ends just before the space at
// t[sp], if there is one whose extent is known. (Returning the token by
// value copied it with 16-byte moves across scanToken's 4-byte stores,
// which are not forwarded.)
func (lx *lexicon) prevToken(t []byte, sp int, atStart bool, tk *token) bool {
	q := sp - 1
	if t[q] == '.' {
		q--
	}
	if q < 0 || !(isLetter(t[q]) || t[q] >= 0x80) {
		return false
	}
	// Walk back over the word (bounded), then re-scan it forwards.
	lo := max(0, sp-maxTokLen-4)
	s := q
	for s > lo && (isLetter(t[s-1]) || t[s-1] >= 0x80 || t[s-1] == '\'' || t[s-1] == '-') {
		s--
	}
	for s < q && !isLetter(t[s]) && !(t[s] >= 0xC0 && t[s] != 0xE2) {
		s++
	}
	if s == lo && lo > 0 {
		return false // too long to be a name token
	}
	if s == 0 && !atStart {
		return false
	}
	if s > 0 && wordBefore(t, s) && !(q == s && t[s-1] == '.' && s >= 2 && isUpper(t[s-2])) {
		return false // glued initials (J.R.R.) are the exception
	}
	lx.scanToken(t, s, tk)
	return int(tk.next) == sp
}

// run collects the run of name tokens starting with first. It returns the
// number of tokens, the end of the examined bytes, and false when the run
// reaches the window's edge.
func (d *Detector) run(lx *lexicon, t []byte, first *token, toks *[maxToks]token, atEnd bool) (int, int, bool) {
	n := len(t)
	if first != &toks[0] {
		toks[0] = *first
	}
	nt := 1
	start := int(first.s)
	for nt < maxToks {
		last := &toks[nt-1]
		j := int(last.next)
		if last.flags&fPossessive != 0 {
			break
		}
		var q int
		switch {
		case last.flags&fDot != 0 && j < n && isUpper(t[j]) && last.flags&fInitial != 0:
			q = j // J.R.R.
		case j+1 < n && t[j] == ' ' && isLetter(t[j+1]):
			q = j + 1
		default:
			if j+1 >= n && !atEnd {
				return 0, j, false
			}
			return nt, j, true
		}
		if last.flags&fDot != 0 && last.flags&fInitial == 0 && last.role&rAbbrev == 0 {
			break // a full stop after a word ends the sentence
		}
		if isLower(t[q]) && !particleInitial(t[q]) {
			break // "Sarah Jones said": no particle starts with s
		}
		next := &toks[nt] // scanned in place: no copy when it joins the run
		if lx.scanToken(t, q, next) && !atEnd {
			return 0, int(next.e), false
		}
		if isParticle(next) {
			tk := *next
			// Up to two particles, then a capitalised token.
			var parts [2]token
			np := 0
			for isParticle(&tk) && np < 2 {
				parts[np] = tk
				np++
				j2 := int(tk.next)
				if !(j2+1 < n && t[j2] == ' ' && isLetter(t[j2+1])) {
					if j2+1 >= n && !atEnd {
						return 0, j2, false
					}
					return nt, int(last.next), true
				}
				if lx.scanToken(t, j2+1, &tk) && !atEnd {
					return 0, int(tk.e), false
				}
			}
			if !chainable(&tk) || int(tk.e)-start > maxLen || nt+np+1 > maxToks {
				return nt, int(last.next), true
			}
			for k := 0; k < np; k++ {
				toks[nt] = parts[k]
				nt++
			}
			toks[nt] = tk
			nt++
			continue
		}
		if !chainable(next) || int(next.e)-start > maxLen {
			break
		}
		nt++
	}
	return nt, int(toks[nt-1].next), true
}

// endsRun reports whether a chainable token lets the run go on after it:
// not when a full stop follows it (unless it is an initial or "Mr.").
// This is what continues decides for the token after tk.
func endsRun(tk *token) bool {
	return tk.flags&fDot == 0 || tk.flags&fInitial != 0 || tk.role&rAbbrev != 0
}

// particleInitial reports whether a particle (van, de, bin, al, el, ter,
// la, ibn...) can start with c.
func particleInitial(c byte) bool {
	switch c {
	case 'v', 'd', 'l', 'b', 'i', 'a', 'e', 't':
		return true
	}
	return false
}
