package markings

import "unicode/utf8"

// The grammar parser. It reads the original bytes through fold, so every
// offset it reports is an input offset; it allocates nothing. Parse and
// Detail turn its result into a Marking (which allocates).

const maxElems = 12

type ekind uint8

const (
	ekDescriptor ekind = iota + 1
	ekHandling
	ekCaveat
	ekCodeword
	ekPlaceholder
	ekPrefix
)

// vocabulary classes: evidence for a scheme.
const (
	vGSC    uint16 = 1 << iota // only in UK GSCP
	vGPMS                      // a GPMS descriptor
	vUK                        // UK caveat (UK EYES ONLY, REL EU)
	vUS                        // US dissemination control / SCI
	vAU                        // AU caveat / ACCESS marker
	vNZ                        // NZ caveat
	vCA                        // CA caveat
	vNATO                      // NATO additional marking
	vPD                        // signals personal data
	vLegacy                    // legacy value (FOUO)
	vRel                       // releasability (REL TO)
)

type elem struct {
	kind ekind
	s, e int32
}

type casePat uint8

const (
	caseUpper casePat = iota
	caseTitle
	caseLower
	caseMixed
)

type result struct {
	start, end int
	scheme     Scheme
	alt        uint8 // bit 1<<(s-1) per alternative scheme
	level      Level
	flags      Flags
	compound   bool // a distinctive multi-part form
	strongSep  bool // the level is followed by a separator other than a space
	plainCW    bool // a codeword after a plain space (medium confidence)
	banner     bool // "//" categories
	lcase      casePat
	vocab      uint16
	n          int
	el         [maxElems]elem
}

func (r *result) add(k ekind, s, e int) {
	if r.n < maxElems {
		r.el[r.n] = elem{k, int32(s), int32(e)}
		r.n++
	}
}

func bit(s Scheme) uint8 { return 1 << (s - 1) }

// A word is a run of letters, digits and '_' (and, when asked, inner
// hyphens), read through fold.
type word struct {
	s, e   int
	n      int
	b      [32]byte
	lo, up int
	spaced bool
}

func (w *word) is(s string) bool { return w.n == len(s) && string(w.b[:w.n]) == s }

func (w *word) text() []byte { return w.b[:min(w.n, len(w.b))] }

func (w *word) casePat() casePat {
	switch {
	case w.lo == 0:
		return caseUpper
	case w.up == 0:
		return caseLower
	case w.up == 1 && 'A' <= w.b[0] && w.b[0] <= 'Z' && !w.spaced:
		return caseTitle
	}
	return caseMixed
}

// A parser reads t[:hi] through fold. It is a small value made per
// candidate; it allocates nothing.
type parser struct {
	t  []byte
	hi int // limit: nothing at or after hi is read
}

func (p *parser) fold(i int) (byte, int, uint8) {
	if b := p.t[i]; b < utf8.RuneSelf {
		c, bits := asciiFold(b)
		return c, 1, bits
	}
	return foldSlow(p.t, i)
}

// word reads the word starting at i (n == 0 if there is none).
func (p *parser) word(i int, hyph bool) (w word) {
	w.s, w.e = i, i
	for i < p.hi {
		c, n, bits := p.fold(i)
		if bits&bIgnore != 0 {
			if w.n == 0 {
				w.s = i + n
			}
			i += n
			continue
		}
		if isWordC(c) {
			if w.n < len(w.b) {
				w.b[w.n] = c
			}
			w.n++
			if bits&bLower != 0 {
				w.lo++
			} else if 'A' <= c && c <= 'Z' {
				w.up++
			}
			i += n
			w.e = i
			continue
		}
		if c == '-' && hyph && w.n > 0 && i+n < p.hi {
			if c2, _, _ := p.fold(i + n); isWordC(c2) {
				if w.n < len(w.b) {
					w.b[w.n] = '-'
				}
				w.n++
				i += n
				continue
			}
		}
		break
	}
	if w.n == 1 && isLetterC(w.b[0]) {
		p.spaced(&w)
	}
	return w
}

// spaced extends a one-letter word over letter-spaced text ("S E C R E T"),
// when at least five single letters are separated by single spaces.
func (p *parser) spaced(w *word) {
	sw := *w
	j := w.e
	for j+1 < p.hi && p.t[j] == ' ' {
		c, n, bits := p.fold(j + 1)
		if !isLetterC(c) {
			break
		}
		k := j + 1 + n
		if k < p.hi {
			if c2, _, _ := p.fold(k); isWordC(c2) {
				break
			}
		}
		if sw.n < len(sw.b) {
			sw.b[sw.n] = c
		}
		sw.n++
		if bits&bLower != 0 {
			sw.lo++
		} else {
			sw.up++
		}
		j = k
		sw.e = k
	}
	if sw.n >= 5 {
		sw.spaced = true
		*w = sw
	}
}

// Separator kinds.
const (
	sSpace uint16 = 1 << iota
	sDash
	sColon
	sSlash
	sDSlash
	sPipe
	sComma
	sLBr
	sRBr
	sWrap
	sOther
)

const sStrong = sDash | sColon | sSlash | sDSlash | sPipe | sLBr

// sep reads a separator run at i: spaces, dashes, colons, slashes, pipes,
// commas and brackets; a newline only right after a hyphen (a wrapped
// "OFFICIAL-\nSENSITIVE").
func (p *parser) sep(i int) (int, uint16) {
	var k uint16
	j := i
	for cnt := 0; j < p.hi && cnt < 12; cnt++ {
		c, n, bits := p.fold(j)
		if bits&bIgnore != 0 {
			j += n
			continue
		}
		switch c {
		case ' ':
			k |= sSpace
		case '-':
			k |= sDash
		case ':':
			k |= sColon
		case '/':
			if j+1 < p.hi && p.t[j+1] == '/' {
				k |= sDSlash
				j += 2
				continue
			}
			k |= sSlash
		case '|':
			k |= sPipe
		case ',':
			k |= sComma
		case '[':
			k |= sLBr
		case ']':
			k |= sRBr
		case '\n':
			if p.t[j] == '\r' && j+1 < p.hi && p.t[j+1] == '\n' {
				j++
			}
			if k&sDash == 0 || k&sWrap != 0 {
				return j, k
			}
			k |= sWrap
		default:
			return j, k
		}
		j += n
	}
	return j, k
}

// next reads a separator whose kinds are all in allow (and not empty) and
// the word after it.
func (p *parser) next(i int, allow uint16, hyph bool) (word, uint16, bool) {
	j, k := p.sep(i)
	if k == 0 || k&^allow != 0 {
		return word{}, k, false
	}
	w := p.word(j, hyph)
	return w, k, w.n > 0
}

// nextIs reads a separator in allow and the word s, returning the end.
func (p *parser) nextIs(i int, allow uint16, s string) (word, bool) {
	w, _, ok := p.next(i, allow, false)
	return w, ok && w.is(s)
}

func mergeCase(a, b casePat) casePat {
	if a == b {
		return a
	}
	if a == caseTitle && b == caseUpper || a == caseUpper && b == caseTitle {
		return caseTitle
	}
	return caseMixed
}

// parseAt parses a marking starting at the word at i. It reports false
// when no marking starts there.
func (p *parser) parseAt(i int) (r result, ok bool) {
	w := p.word(i, false)
	if w.n == 0 || w.n > len(w.b) {
		return r, false
	}
	r.start = w.s
	r.lcase = w.casePat()
	if w.spaced {
		return p.parseSpaced(&w)
	}
	end, ok := p.level(&r, &w)
	if !ok {
		return r, false
	}
	r.end = end
	if !r.compound && r.lcase == caseLower {
		return r, true // never reported: skip the rest
	}
	p.elements(&r)
	p.infer(&r)
	p.scanFlags(&r)
	return r, true
}

const ws = sSpace

// level parses the level words starting with w and returns their end.
func (p *parser) level(r *result, w *word) (int, bool) {
	e := w.e
	setCase := func(x *word) { r.lcase = mergeCase(r.lcase, x.casePat()) }
	switch string(w.text()) {
	case "UK":
		x, ok := p.nextWord(e, ws|sDash)
		if !ok || !(x.is("OFFICIAL") || x.is("SECRET") || x.is("TOP")) || x.up == 0 {
			return 0, false
		}
		sub := result{start: x.s, lcase: x.casePat()}
		end, ok := p.level(&sub, &x)
		if !ok {
			return 0, false
		}
		r.level, r.lcase = sub.level, sub.lcase
		r.scheme, r.compound = UKGSC, true
		r.flags |= sub.flags
		r.add(ekPrefix, w.s, w.e)
		return end, true
	case "NATO", "OTAN":
		x, ok := p.nextWord(e, ws|sDash)
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.scheme, r.compound = NATO, true
		switch string(x.text()) {
		case "UNCLASSIFIED":
			r.level = Unclassified
		case "RESTRICTED":
			r.level = Restricted
		case "CONFIDENTIAL", "CONFIDENTIEL":
			r.level = Confidential
		case "SECRET":
			r.level = Secret
		case "DIFFUSION":
			y, ok := p.nextIs(x.e, ws, "RESTREINTE")
			if !ok {
				return 0, false
			}
			r.level = Restricted
			return y.e, true
		case "SANS":
			y, ok := p.nextIs(x.e, ws, "CLASSIFICATION")
			if !ok {
				return 0, false
			}
			r.level = Unclassified
			return y.e, true
		default:
			return 0, false
		}
		return x.e, true
	case "COSMIC":
		x, ok := p.nextWord(e, ws)
		if !ok || !(x.is("TOP") || x.is("TRES")) {
			return 0, false
		}
		y, ok := p.nextIs(x.e, ws|sDash, "SECRET")
		if !ok {
			return 0, false
		}
		setCase(&x)
		setCase(&y)
		r.scheme, r.level, r.compound = NATO, TopSecret, true
		return y.e, true
	case "EU":
		x, ok := p.nextWord(e, ws)
		if !ok {
			return 0, false
		}
		end := x.e
		switch string(x.text()) {
		case "RESTRICTED":
			r.level = Restricted
		case "CONFIDENTIAL":
			r.level = Confidential
		case "SECRET":
			r.level = Secret
		case "TOP":
			y, ok := p.nextIs(x.e, ws, "SECRET")
			if !ok {
				return 0, false
			}
			r.level, end = TopSecret, y.e
		case "LIMITE": // a distribution marking, not a level: judged like a bare word
			if x.lo != 0 {
				return 0, false
			}
			setCase(&x)
			r.scheme, r.level = EU, Limite
			return end, true
		default:
			return 0, false
		}
		setCase(&x)
		r.scheme, r.compound = EU, true
		return end, true
	case "TOP":
		x, ok := p.nextIs(e, ws|sDash, "SECRET")
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.level = TopSecret
		return p.suffixEU(r, x.e, "TOP SECRET"), true
	case "TRES":
		x, ok := p.nextIs(e, ws, "SECRET")
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.level, r.scheme = TopSecret, CA
		return p.suffixEU(r, x.e, "TOP SECRET"), true
	case "SECRET":
		r.level = Secret
		return p.suffixEU(r, e, "SECRET"), true
	case "CONFIDENTIAL":
		r.level = Confidential
		return e, true
	case "LIMITE": // EU Council distribution marking (MARKINGS.md section 6)
		if w.lo != 0 { // French "date limite"
			return 0, false
		}
		r.level, r.scheme = Limite, EU
		return e, true
	case "CONFIDENTIEL":
		r.level, r.scheme = Confidential, CA
		return p.suffixEU(r, e, "CONFIDENTIAL"), true
	case "RESTREINT":
		r.level = Restricted
		end := p.suffixEU(r, e, "RESTRICTED")
		if r.scheme != EU {
			return 0, false
		}
		return end, true
	case "DIFFUSION":
		x, ok := p.nextIs(e, ws, "RESTREINTE")
		if !ok {
			return 0, false
		}
		y, ok := p.nextIs(x.e, ws, "OTAN")
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.scheme, r.level, r.compound = NATO, Restricted, true
		return y.e, true
	case "RESTRICTED":
		r.level = Restricted
		return e, true
	case "OFFICIAL":
		r.level = Official
		return p.sensitive(r, w), true
	case "UNOFFICIAL":
		r.level, r.scheme = Unofficial, AU
		return e, true
	case "UNCLASSIFIED":
		r.level = Unclassified
		return e, true
	case "PROTECT":
		r.level, r.scheme = Protect, UKGPMS
		return e, true
	case "PROTECTED", "PROTEGE":
		r.level, r.scheme = Protected, AU
		if end, ok := p.protectedLetter(r, e); ok {
			return end, true
		}
		if w.is("PROTEGE") {
			return 0, false
		}
		return e, true
	case "HIGHLY":
		x, ok := p.nextIs(e, ws, "PROTECTED")
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.level, r.scheme, r.compound = Protected, AU, true
		r.flags |= Legacy
		return x.e, true
	case "NOT":
		x, ok := p.nextIs(e, ws, "PROTECTIVELY")
		if !ok {
			return 0, false
		}
		y, ok := p.nextIs(x.e, ws, "MARKED")
		if !ok {
			return 0, false
		}
		setCase(&x)
		setCase(&y)
		r.level, r.scheme, r.compound = NotProtectivelyMarked, UKGPMS, true
		return y.e, true
	case "IN":
		end, ok := p.inConfidence(e, sDash)
		if !ok {
			return 0, false
		}
		r.level, r.scheme, r.compound = InConfidence, NZ, true
		return end, true
	case "APPOINTMENTS", "BUDGET", "CABINET", "COMMERCIAL", "EVALUATIVE", "HONOURS", "MEDICAL", "STAFF", "POLICY":
		j, k := p.sep(e)
		if k == 0 || k&^(ws|sDash) != 0 {
			return 0, false
		}
		x := p.word(j, false)
		switch {
		case x.is("IN"):
			end, ok := p.inConfidence(x.e, sDash)
			if !ok {
				return 0, false
			}
			r.level, r.compound = InConfidence, true
			if k&sDash != 0 { // STAFF-IN-CONFIDENCE: older Australian form
				r.scheme = AU
				r.flags |= Legacy
			} else {
				r.scheme = NZ
			}
			r.add(ekPrefix, w.s, w.e)
			if w.is("MEDICAL") || w.is("STAFF") {
				r.vocab |= vPD
			}
			return end, true
		case x.is("SENSITIVE") && k == ws:
			r.level, r.scheme, r.compound = Sensitive, NZ, true
			r.add(ekPrefix, w.s, w.e)
			setCase(&x)
			return x.e, true
		}
		return 0, false
	case "SENSITIVE":
		r.level, r.scheme = Sensitive, NZ
		return e, true
	case "CUI":
		if w.lo != 0 { // "cui bono"
			return 0, false
		}
		r.level, r.scheme = CUI, US
		return e, true
	case "CONTROLLED":
		if x, ok := p.nextIs(e, ws, "UNCLASSIFIED"); ok {
			if y, ok := p.nextIs(x.e, ws, "INFORMATION"); ok {
				setCase(&x)
				r.level, r.scheme = CUI, US
				return y.e, true
			}
		}
		if _, k := p.sep(e); k == sDSlash && w.lo == 0 {
			r.level, r.scheme = CUI, US
			return e, true
		}
		return 0, false
	case "FOUO":
		r.level, r.scheme = FOUO, US
		r.flags |= Legacy
		return e, true
	case "FOR", "LIMITED":
		x, ok := p.nextIs(e, ws, "OFFICIAL")
		if !ok {
			return 0, false
		}
		y, ok := p.nextIs(x.e, ws, "USE")
		if !ok {
			return 0, false
		}
		end := y.e
		if w.is("FOR") {
			z, ok := p.nextIs(y.e, ws, "ONLY")
			if !ok {
				return 0, false
			}
			end = z.e
		}
		setCase(&x)
		r.level, r.scheme, r.compound = FOUO, US, true
		r.flags |= Legacy
		return end, true
	case "NON":
		x, ok := p.nextIs(e, ws|sDash, "CLASSIFIE")
		if !ok {
			return 0, false
		}
		setCase(&x)
		r.level, r.scheme = Unclassified, CA
		return x.e, true
	}
	return 0, false
}

func (p *parser) nextWord(i int, allow uint16) (word, bool) {
	w, _, ok := p.next(i, allow, false)
	return w, ok
}

// inConfidence reads "-CONFIDENCE" after "IN" (the hyphenated NZ form).
func (p *parser) inConfidence(i int, allow uint16) (int, bool) {
	j, k := p.sep(i)
	if k != allow {
		return 0, false
	}
	x := p.word(j, false)
	if !x.is("CONFIDENCE") {
		return 0, false
	}
	return x.e, true
}

// suffixEU recognises the EU and NATO forms after a French or English
// level word: "SECRET UE", "SECRET UE/EU SECRET", "SECRET OTAN".
func (p *parser) suffixEU(r *result, i int, english string) int {
	x, ok := p.nextWord(i, ws)
	if !ok {
		return i
	}
	switch {
	case x.is("UE") && x.lo == 0:
		r.scheme, r.compound = EU, true
		// "/EU SECRET" (the English half)
		j, k := p.sep(x.e)
		if k == sSlash || k == sSlash|sSpace {
			y := p.word(j, false)
			if y.is("EU") {
				end := y.e
				rest := english
				for rest != "" {
					part := rest
					if sp := indexByte(rest, ' '); sp >= 0 {
						part, rest = rest[:sp], rest[sp+1:]
					} else {
						rest = ""
					}
					z, ok := p.nextIs(end, ws|sDash, part)
					if !ok {
						return x.e
					}
					end = z.e
				}
				return end
			}
		}
		return x.e
	case x.is("OTAN") && x.lo == 0:
		r.scheme, r.compound = NATO, true
		return x.e
	}
	return i
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// sensitive reads the "-SENSITIVE" after OFFICIAL in any of its forms.
func (p *parser) sensitive(r *result, w *word) int {
	j, k := p.sep(w.e)
	if k == 0 || k&^(ws|sDash|sColon|sWrap) != 0 || k&(sDash|sColon) == sDash|sColon {
		return w.e
	}
	x := p.word(j, false)
	if !x.is("SENSITIVE") {
		return w.e
	}
	r.level, r.compound = OfficialSensitive, true
	r.lcase = mergeCase(r.lcase, x.casePat())
	// AU writes "OFFICIAL: Sensitive" (title case after a colon).
	if k&sColon != 0 && x.casePat() == caseTitle && w.lo == 0 {
		r.scheme = AU
	}
	switch {
	case r.scheme == AU:
		if k != sColon && k != sColon|sSpace {
			r.flags |= NonCanonical
		}
	case k != sDash || w.lo != 0 || x.lo != 0:
		r.flags |= NonCanonical
	}
	return x.e
}

// protectedLetter reads the Canadian letter after PROTECTED / PROTÉGÉ,
// and a bilingual partner ("PROTECTED B / PROTÉGÉ B").
func (p *parser) protectedLetter(r *result, i int) (int, bool) {
	j, k := p.sep(i)
	if k == 0 || k&^(ws|sDash|sColon) != 0 || j >= p.hi {
		return 0, false
	}
	x := p.word(j, false)
	if x.n != 1 || x.spaced {
		return 0, false
	}
	c := x.b[0]
	if c != 'A' && c != 'B' && c != 'C' {
		return 0, false
	}
	// "protected a lot": a lower-case 'a' must end the phrase.
	if x.lo != 0 && c == 'A' {
		if j2, k2 := p.sep(x.e); k2&ws != 0 && j2 < p.hi {
			if c2, _, _ := p.fold(j2); isWordC(c2) {
				return 0, false
			}
		}
	}
	// "B-roll": the letter must not start a hyphenated word.
	if x.e < p.hi && p.t[x.e] == '-' {
		return 0, false
	}
	r.level, r.scheme, r.compound = ProtectedA, CA, true
	switch c {
	case 'B':
		r.level = ProtectedB
	case 'C':
		r.level = ProtectedC
	}
	end := x.e
	// bilingual partner
	if y, k, ok := p.next(end, ws|sSlash|sPipe, false); ok && k&(sSlash|sPipe) != 0 && (y.is("PROTEGE") || y.is("PROTECTED")) {
		if z, ok := p.nextWord(y.e, ws|sDash); ok && z.n == 1 && z.b[0] == c {
			end = z.e
		}
	}
	return end, true
}

// parseSpaced handles letter-spaced levels ("T O P S E C R E T").
func (p *parser) parseSpaced(w *word) (r result, ok bool) {
	r.start, r.lcase = w.s, w.casePat()
	switch string(w.text()) {
	case "OFFICIAL":
		r.level = Official
		r.end = p.sensitive(&r, w)
	case "OFFICIALSENSITIVE":
		r.level, r.compound = OfficialSensitive, true
	case "SECRET":
		r.level = Secret
	case "TOPSECRET":
		r.level = TopSecret
	case "CONFIDENTIAL":
		r.level = Confidential
	case "RESTRICTED":
		r.level = Restricted
	case "PROTECTED":
		r.level, r.scheme = Protected, AU
	case "UNCLASSIFIED":
		r.level = Unclassified
	default:
		return r, false
	}
	if r.end == 0 {
		r.end = w.e
	}
	r.flags |= LetterSpaced | Obfuscated | NonCanonical
	p.elements(&r)
	p.infer(&r)
	p.scanFlags(&r)
	return r, true
}

// elements reads descriptors, handling instructions, caveats and
// codewords after the level, in any order.
func (p *parser) elements(r *result) {
	i := r.end
	first := true
	for r.n < maxElems {
		j, k := p.sep(i)
		if k == 0 || k&(sRBr|sWrap) != 0 {
			break
		}
		// A bare level word that is not in capitals takes no elements
		// after a plain space ("the official said"), and none at all in
		// lower case: it is never reported, so stop early.
		if first && !r.compound && (r.lcase == caseLower || r.lcase != caseUpper && k&sStrong == 0) {
			break
		}
		if k&sDSlash != 0 {
			r.banner = true
		}
		if first {
			r.strongSep = k&sStrong != 0
		}
		var (
			end int
			ok  bool
		)
		if r.banner {
			end, ok = p.bannerItem(r, j, k)
		} else {
			end, ok = p.ukElement(r, j, k)
		}
		if !ok {
			break
		}
		// a bracketed element keeps its closing bracket
		if k&sLBr != 0 {
			if _, k2 := p.sep(end); k2&sRBr != 0 {
				for end < p.hi && p.t[end] == ' ' {
					end++
				}
				if end < p.hi && p.t[end] == ']' {
					end++
				}
			}
		}
		i = end
		first = false
	}
	r.end = i
	if r.n > 0 {
		for _, e := range r.el[:r.n] {
			if e.kind != ekPrefix {
				r.compound = true
				break
			}
		}
	}
}

// phrase reads up to 7 words joined by single spaces or slashes into buf
// ("UK/US EYES ONLY"), noting each word's end.
type phrase struct {
	buf    [80]byte
	n      int
	ends   [8]int // raw end of each word
	bends  [8]int // end of each word in buf
	nw     int
	lo, up int
	wlo    [8]int // lower-case letters up to and including word i
	title  bool   // every word is Title case or upper
}

// upperTo reports whether the first nw words are in capitals.
func (ph *phrase) upperTo(nw int) bool { return nw > 0 && ph.wlo[nw-1] == 0 }

func (p *parser) readPhrase(j int, hyph bool) (ph phrase) {
	ph.title = true
	i := j
	for ph.nw < len(ph.ends) {
		w := p.word(i, hyph)
		if w.n == 0 || w.n > len(w.b) || ph.n+w.n+1 > len(ph.buf) {
			break
		}
		ph.n += copy(ph.buf[ph.n:], w.text())
		ph.ends[ph.nw], ph.bends[ph.nw] = w.e, ph.n
		ph.lo += w.lo
		ph.up += w.up
		ph.wlo[ph.nw] = ph.lo
		ph.nw++
		if cp := w.casePat(); cp != caseUpper && cp != caseTitle {
			ph.title = false
		}
		// joiner: one space, or '/' with optional spaces
		k := w.e
		sp := 0
		for k < p.hi && p.t[k] == ' ' && sp < 2 {
			k++
			sp++
		}
		switch {
		case k < p.hi && p.t[k] == '/' && (k+1 >= p.hi || p.t[k+1] != '/'):
			k++
			for k < p.hi && p.t[k] == ' ' {
				k++
			}
			ph.buf[ph.n] = '/'
		case sp == 1:
			ph.buf[ph.n] = ' '
		default:
			return ph
		}
		ph.n++
		i = k
	}
	return ph
}

// match returns the number of words of ph that v covers, or 0.
func (ph *phrase) match(v string) int {
	for w := 0; w < ph.nw; w++ {
		if ph.bends[w] == len(v) {
			if string(ph.buf[:len(v)]) == v {
				return w + 1
			}
			return 0
		}
		if ph.bends[w] > len(v) {
			return 0
		}
	}
	return 0
}

type vocabEntry struct {
	s    string
	kind ekind
	cls  uint16
}

// ukVocab: UK GSCP and GPMS elements, NATO additional markings, AU, NZ
// and US caveats. Longer entries first where one is a prefix of another.
var ukVocab = [...]vocabEntry{
	{"RECIPIENTS ONLY", ekHandling, vGSC},
	{"FOR PUBLIC RELEASE", ekHandling, vGSC},
	{"HMG USE ONLY", ekHandling, vGSC},
	{"EMBARGOED", ekHandling, vGSC},
	{"PERSONAL DATA", ekDescriptor, vGSC | vPD},
	{"LEGAL PROFESSIONAL PRIVILEGE", ekDescriptor, vGSC},
	{"LPP", ekDescriptor, vGSC},
	{"LEGAL", ekDescriptor, vGSC},
	{"MARKET SENSITIVE", ekDescriptor, vGSC},
	{"MARKET-SENSITIVE", ekDescriptor, vGSC},
	{"COMMERCIAL", ekDescriptor, 0},
	{"HR/MANAGEMENT", ekDescriptor, vGSC | vPD},
	{"LOCSEN", ekDescriptor, vGSC},
	{"PERSONAL", ekDescriptor, vPD},
	{"SENSITIVE", ekDescriptor, 0},
	{"POLICY", ekDescriptor, vGPMS},
	{"PRIVATE", ekDescriptor, vGPMS},
	{"STAFF", ekDescriptor, vGPMS | vPD},
	{"MEDICAL", ekDescriptor, vGPMS | vPD},
	{"APPOINTMENTS", ekDescriptor, vGPMS},
	{"BUDGET", ekDescriptor, vGPMS},
	{"CONTRACTS", ekDescriptor, vGPMS},
	{"HONOURS", ekDescriptor, vGPMS},
	{"INVESTIGATION", ekDescriptor, vGPMS},
	{"MANAGEMENT", ekDescriptor, vGPMS},
	{"REGULATORY", ekDescriptor, vGPMS},
	{"HR", ekDescriptor, vGPMS | vPD},
	{"FINANCE", ekDescriptor, vGPMS},
	{"OPERATIONS", ekDescriptor, vGPMS},
	{"REL EU", ekCaveat, vUK | vRel},
	{"REL-EU", ekCaveat, vUK | vRel},
	{"ATOMAL", ekCaveat, vNATO},
	{"BOHEMIA", ekCaveat, vNATO},
	{"BALK", ekCaveat, vNATO},
	{"NATIONAL-CABINET", ekCaveat, vAU},
	{"NATIONAL CABINET", ekCaveat, vAU},
	{"CABINET", ekCaveat, vAU},
	{"DELICATE-SOURCE", ekCaveat, vAU},
	{"DELICATE SOURCE", ekCaveat, vAU},
	{"ACCOUNTABLE-MATERIAL", ekCaveat, vAU},
	{"ACCOUNTABLE MATERIAL", ekCaveat, vNZ},
	{"AUSTEO", ekCaveat, vAU},
	{"AGAO", ekCaveat, vAU},
	{"PERSONAL-PRIVACY", ekDescriptor, vAU | vPD},
	{"LEGAL-PRIVILEGE", ekDescriptor, vAU},
	{"LEGISLATIVE-SECRECY", ekDescriptor, vAU},
	{"NZEO", ekCaveat, vNZ},
	{"CEO", ekCaveat, vCA},
	{"NOFORN", ekCaveat, vUS},
	{"NF", ekCaveat, vUS},
	{"ORCON-USGOV", ekCaveat, vUS},
	{"ORCON", ekCaveat, vUS},
	{"OC", ekCaveat, vUS},
	{"IMCON", ekCaveat, vUS},
	{"IMC", ekCaveat, vUS},
	{"RELIDO", ekCaveat, vUS},
	{"PROPIN", ekCaveat, vUS},
	{"FISA", ekCaveat, vUS},
	{"FOR OFFICIAL USE ONLY", ekCaveat, vUS | vLegacy},
	{"FOUO", ekCaveat, vUS | vLegacy},
	{"DISPLAY ONLY", ekCaveat, vUS},
	{"FED ONLY", ekCaveat, vUS},
	{"FEDCON", ekCaveat, vUS},
	{"NOCON", ekCaveat, vUS},
	{"DL ONLY", ekCaveat, vUS},
	{"LIMDIS", ekCaveat, vUS},
	{"EXDIS", ekCaveat, vUS},
	{"NODIS", ekCaveat, vUS},
	{"SBU", ekCaveat, vUS | vLegacy},
	{"LES", ekCaveat, vUS | vLegacy},
	{"SSI", ekCaveat, vUS},
	// STRAP: UK handling system for SECRET and TOP SECRET intelligence
	// material; a codeword with a digit (MARKINGS.md says nothing more).
	{"STRAP1", ekCodeword, vUK},
	{"STRAP2", ekCodeword, vUK},
	{"STRAP3", ekCodeword, vUK},
	{"STRAP 1", ekCodeword, vUK},
	{"STRAP 2", ekCodeword, vUK},
	{"STRAP 3", ekCodeword, vUK},
	{"STRAP-1", ekCodeword, vUK},
	{"STRAP-2", ekCodeword, vUK},
	{"STRAP-3", ekCodeword, vUK},
	{"SI", ekCodeword, vUS},
	{"TK", ekCodeword, vUS},
	{"HCS", ekCodeword, vUS},
	{"KDK", ekCodeword, vUS},
	{"RSV", ekCodeword, vUS},
	{"RD", ekCodeword, vUS},
	{"FRD", ekCodeword, vUS},
	{"CNWDI", ekCodeword, vUS},
	{"DESCRIPTOR", ekPlaceholder, 0},
	{"CODEWORD", ekPlaceholder, 0},
	{"NATIONAL CAVEAT", ekPlaceholder, 0},
	{"CAVEAT", ekPlaceholder, 0},
	{"HANDLING INSTRUCTION", ekPlaceholder, 0},
	{"ORGANISATION", ekPlaceholder, 0},
	{"PREFIX", ekPlaceholder, 0},
}

// lookup finds the longest vocabulary entry covering the first words of ph.
func (ph *phrase) lookup() (e *vocabEntry, nw int) {
	for i := range ukVocab {
		v := &ukVocab[i]
		if m := ph.match(v.s); m > nw {
			e, nw = v, m
		}
	}
	return e, nw
}

// eyesOnly matches "<CC>{/<CC>} EYES ONLY" and "FIVE EYES ONLY"; it
// returns the words covered and the caveat's class.
func (ph *phrase) eyesOnly() (int, uint16) {
	for w := 1; w+1 < ph.nw; w++ {
		a := ph.bends[w-1] + 1
		if string(ph.buf[a:ph.bends[w]]) == "EYES" && string(ph.buf[ph.bends[w]+1:ph.bends[w+1]]) == "ONLY" {
			head := string(ph.buf[:ph.bends[w-1]])
			if !countryHead(head) {
				return 0, 0 // "NIGHTJAR UK EYES ONLY": a codeword, then the caveat
			}
			switch {
			case head == "UK" || len(head) > 3 && head[:3] == "UK/":
				return w + 2, vUK
			case head == "CANADIAN" || head == "CAN":
				return w + 2, vCA
			case head == "NEW ZEALAND" || head == "NZ":
				return w + 2, vNZ
			case head == "AUSTRALIAN" || head == "AUS":
				return w + 2, vAU
			}
			return w + 2, vUK
		}
	}
	return 0, 0
}

// countryHead reports whether head, the words before EYES ONLY, is a
// country or a list of country codes: UK, UK/US, AUS/CAN/GBR/NZL/USA,
// FIVE, CANADIAN, NEW ZEALAND ... (a code is two or three capitals).
func countryHead(head string) bool {
	switch head {
	case "FIVE", "CANADIAN", "AUSTRALIAN", "NEW ZEALAND", "BRITISH", "AMERICAN":
		return true
	}
	n := 0
	for i := 0; i <= len(head); i++ {
		if i == len(head) || head[i] == '/' {
			if n < 2 || n > 3 {
				return false
			}
			n = 0
			continue
		}
		if c := head[i]; c < 'A' || c > 'Z' {
			return false
		}
		n++
	}
	return true
}

// onlyHandling matches a local handling instruction "<UPPER words> ONLY"
// ("POLICE ONLY", "MOJ USE ONLY").
func (ph *phrase) onlyHandling() int {
	for w := 1; w < ph.nw && w < 4; w++ {
		if string(ph.buf[ph.bends[w-1]+1:ph.bends[w]]) == "ONLY" {
			if w >= 2 && string(ph.buf[ph.bends[w-2]+1:ph.bends[w-1]]) == "EYES" {
				return 0 // a national caveat, or a codeword before one: see eyesOnly
			}
			return w + 1
		}
	}
	return 0
}

// stopWords are upper-case words never taken as codewords or local
// descriptors.
func stopWord(b []byte) bool {
	switch string(b) {
	case "THE", "AND", "FOR", "NOT", "PLEASE", "READ", "NOTE", "DRAFT", "URGENT", "IMPORTANT", "FYI", "ACTION",
		"INFO", "INFORMATION", "UPDATE", "NOTICE", "WARNING", "ONLY", "ALL", "NEW", "RE", "FW", "FWD", "TBC", "TODO",
		"ATTACHED", "COPY", "FINAL", "VERSION", "DATA", "REPORT", "SUMMARY", "MEETING", "MINUTES", "AGENDA", "ANNEX",
		"APPENDIX", "PAGE", "THIS", "THAT", "WITH", "FROM", "YOUR", "OUR", "DO", "NO", "YES", "OK", "OKAY", "LOL",
		"AREA", "ZONE", "ACCESS", "KEEP", "OUT", "STAFF", "ENTRY", "SANTA", "RECIPE", "EYES", "FILE", "FILES",
		"DOCUMENT", "DOCUMENTS", "EMAIL", "MESSAGE", "SUBJECT", "AGAIN", "NOW", "TODAY", "ASAP", "NB", "PS", "PTO",
		"OFFICIAL", "SECRET", "TOP", "RESTRICTED", "CONFIDENTIAL", "PROTECT", "PROTECTED", "UNCLASSIFIED",
		"SENSITIVE", "UNOFFICIAL", "CLASSIFIED":
		return true
	}
	return false
}

// ukElement reads one element in the UK style (after " - ", ":", "|",
// "/", "[" or a space).
func (p *parser) ukElement(r *result, j int, k uint16) (int, bool) {
	ph := p.readPhrase(j, true)
	if ph.nw == 0 {
		return 0, false
	}
	strong := k&sStrong != 0
	plainOK := func(lo, up int) bool { // case agreement after a plain space
		if r.lcase == caseLower {
			return up == 0
		}
		return lo == 0
	}
	if e, nw := ph.lookup(); nw > 0 {
		end := ph.ends[nw-1]
		if !strong && !plainOK(ph.lo, ph.up) {
			return 0, false
		}
		if e.s == "SENSITIVE" {
			return 0, false
		}
		if e.s == "LEGAL PROFESSIONAL PRIVILEGE" { // "(LPP)"
			if i := skipSpaces(p.t, end, p.hi); i+5 <= p.hi && string(p.t[i:i+5]) == "(LPP)" {
				end = i + 5
			}
		}
		if e.kind == ekPlaceholder {
			r.flags |= Placeholder
		}
		r.vocab |= e.cls
		r.add(e.kind, j, end)
		return end, true
	}
	if nw, cls := ph.eyesOnly(); nw > 0 && ph.upperTo(nw) && (strong || r.lcase == caseUpper) {
		r.vocab |= cls
		r.add(ekCaveat, j, ph.ends[nw-1])
		return ph.ends[nw-1], true
	}
	if !strong {
		return p.plainCodeword(r, j, &ph)
	}
	if nw := ph.onlyHandling(); nw > 0 && ph.upperTo(nw) {
		r.add(ekHandling, j, ph.ends[nw-1])
		return ph.ends[nw-1], true
	}
	if ph.lo != 0 {
		return 0, false
	}
	// A single upper-case word in codeword position: it must end the
	// element (no further words before the next separator).
	// A national caveat may follow after a space ("SECRET - NIGHTJAR UK
	// EYES ONLY").
	cav := ph.nw > 1 && p.t[ph.ends[0]] == ' ' && p.caveatAfter(ph.ends[0])
	if ph.nw != 1 && !cav {
		return 0, false
	}
	wb := ph.buf[:ph.bends[0]]
	if len(wb) < 3 || stopWord(wb) || !allLetters(wb) {
		return 0, false
	}
	if ne, nk := p.sep(ph.ends[0]); !cav && nk&ws != 0 && nk&sStrong == 0 && ne < p.hi {
		if c, _, _ := p.fold(ne); isWordC(c) {
			return 0, false // followed by more text: subject, not codeword
		}
	}
	switch r.level {
	case Protect, Restricted, Confidential:
		r.vocab |= vGPMS
		r.add(ekDescriptor, j, ph.ends[0])
	case Secret, TopSecret:
		if len(wb) < 4 {
			return 0, false
		}
		r.add(ekCodeword, j, ph.ends[0])
	default:
		return 0, false
	}
	return ph.ends[0], true
}

// plainCodeword reads a codeword after the level and a plain space (MARKINGS.md
// grammar: "one UPPER word (not a vocabulary word) in element position;
// medium confidence"): SECRET or TOP SECRET in capitals, one space, then
// one word of four or more capital letters that is neither a vocabulary
// word, a stop word nor an ordinary English word, alone to the end of the
// line ("TOP SECRET UMBRA") or before a national caveat after one space
// ("SECRET NIGHTJAR UK EYES ONLY"). An English word ("TOP SECRET PROJECT")
// is not taken: the parse stops and the level is judged alone (bareScore).
func (p *parser) plainCodeword(r *result, j int, ph *phrase) (int, bool) {
	if r.n != r.prefixes() || j != r.end+1 || r.lcase != caseUpper || r.level != Secret && r.level != TopSecret || !ph.upperTo(1) {
		return 0, false
	}
	wb := ph.buf[:ph.bends[0]]
	end := ph.ends[0]
	if len(wb) < 4 || stopWord(wb) || !allLetters(wb) || englishWord(wb) {
		return 0, false
	}
	if !p.lineEndAt(end) && !p.caveatAfter(end) {
		return 0, false
	}
	r.plainCW = true
	r.add(ekCodeword, j, end)
	return end, true
}

// prefixes counts the prefix elements (UK) of r.
func (r *result) prefixes() int {
	n := 0
	for _, e := range r.el[:r.n] {
		if e.kind == ekPrefix {
			n++
		}
	}
	return n
}

// caveatAfter reports whether a national caveat in capitals follows the
// codeword ending at i, after one space or a strong separator: "<CC> EYES
// ONLY" ("SECRET NIGHTJAR UK EYES ONLY", "SECRET NIGHTJAR - UK EYES ONLY")
// or a caveat of the vocabulary ("TOP SECRET UMBRA//NOFORN").
func (p *parser) caveatAfter(i int) bool {
	j, k := p.sep(i)
	if k == 0 || k&^(ws|sStrong) != 0 || k == ws && j != i+1 {
		return false
	}
	ph := p.readPhrase(j, true)
	if nw, _ := ph.eyesOnly(); nw > 0 && ph.upperTo(nw) {
		return true
	}
	e, nw := ph.lookup()
	return nw > 0 && e.kind == ekCaveat && ph.upperTo(nw)
}

// lineEndAt reports whether only spaces or tabs lie between i and the end
// of the line or of the text.
func (p *parser) lineEndAt(i int) bool {
	for ; i < p.hi; i++ {
		switch p.t[i] {
		case ' ', '\t':
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return p.hi == len(p.t)
}

func allLetters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func skipSpaces(t []byte, i, hi int) int {
	for i < hi && t[i] == ' ' {
		i++
	}
	return i
}

// bannerItem reads one item after "//" or "/" in a US-style banner:
// "SI", "NOFORN", "REL TO USA, FVEY", "Personal-Privacy".
func (p *parser) bannerItem(r *result, j int, k uint16) (int, bool) {
	if k&^(sDSlash|sSlash|sSpace) != 0 {
		return 0, false
	}
	ph := p.readPhrase(j, true)
	if ph.nw == 0 {
		return 0, false
	}
	if e, nw := ph.lookup(); nw > 0 && e.kind != ekPlaceholder {
		if !ph.upperTo(nw) && e.cls&vAU == 0 {
			return 0, false
		}
		r.vocab |= e.cls
		r.add(e.kind, j, ph.ends[nw-1])
		return ph.ends[nw-1], true
	}
	if nw, cls := ph.eyesOnly(); nw > 0 && ph.upperTo(nw) {
		r.vocab |= cls
		r.add(ekCaveat, j, ph.ends[nw-1])
		return ph.ends[nw-1], true
	}
	if !ph.upperTo(1) {
		return 0, false
	}
	// REL TO USA, GBR / REL AUS/NZL
	if ph.nw >= 2 && string(ph.buf[:ph.bends[0]]) == "REL" {
		end, cls := p.relTo(ph.ends[0])
		if end > 0 {
			r.vocab |= cls | vRel
			r.add(ekCaveat, j, end)
			return end, true
		}
	}
	// CUI categories (SP-PRVCY) and other upper-case tokens: one word.
	wb := ph.buf[:ph.bends[0]]
	if len(wb) > 3 && string(wb[:3]) == "SP-" {
		if string(wb) == "SP-PRVCY" {
			r.vocab |= vPD
		}
		r.add(ekDescriptor, j, ph.ends[0])
		return ph.ends[0], true
	}
	if stopWord(wb) {
		return 0, false
	}
	r.add(ekCodeword, j, ph.ends[0])
	return ph.ends[0], true
}

// relTo reads " TO USA, AUS, GBR" or " AUS/NZL" after REL and returns the
// end and the scheme evidence of the first country.
func (p *parser) relTo(i int) (int, uint16) {
	j := skipSpaces(p.t, i, p.hi)
	w := p.word(j, false)
	if w.is("TO") {
		j = skipSpaces(p.t, w.e, p.hi)
		w = p.word(j, false)
	}
	end, first := 0, true
	var cls uint16
	for w.n >= 2 && w.n <= 4 && w.lo == 0 && allLetters(w.text()) {
		if first {
			switch string(w.text()) {
			case "USA":
				cls = vUS
			case "NZL":
				cls = vNZ
			case "CAN":
				cls = vCA
			case "AUS":
				cls = vAU
			case "GBR":
				cls = vUK
			}
			first = false
		}
		end = w.e
		k := w.e
		if k < p.hi && (p.t[k] == ',' || p.t[k] == '/' && (k+1 >= p.hi || p.t[k+1] != '/')) {
			k = skipSpaces(p.t, k+1, p.hi)
		} else {
			break
		}
		w = p.word(k, false)
	}
	return end, cls
}

// infer settles the scheme, alternatives and policy flags from the level
// and the vocabulary seen.
func (p *parser) infer(r *result) {
	v := r.vocab
	if v&vPD != 0 {
		r.flags |= PersonalData
	}
	if v&vLegacy != 0 {
		r.flags |= Legacy
	}
	if r.scheme == SchemeUnknown {
		switch {
		case v&vNATO != 0:
			r.scheme = NATO
		case v&vAU != 0 && v&vUS == 0:
			r.scheme = AU
		case v&vNZ != 0:
			r.scheme = NZ
		case v&vCA != 0:
			r.scheme = CA
		case r.banner || v&vUS != 0:
			r.scheme = US
			r.alt = bit(NZ) | bit(CA)
		case v&(vGSC|vUK) != 0 && r.level != Confidential && r.level != Restricted:
			r.scheme = UKGSC
			if r.level == Secret || r.level == TopSecret {
				r.alt = bit(UKGPMS)
			}
		default:
			switch r.level {
			case Official, OfficialSensitive:
				r.scheme, r.alt = UKGSC, bit(AU)
			case Secret, TopSecret:
				r.scheme, r.alt = UKGSC, bit(UKGPMS)|bit(US)|bit(AU)|bit(NZ)|bit(CA)
			case Confidential:
				r.scheme, r.alt = UKGPMS, bit(US)|bit(NZ)|bit(CA)
			case Restricted:
				r.scheme, r.alt = UKGPMS, bit(NZ)|bit(NATO)|bit(EU)
			case Unclassified:
				r.scheme, r.alt = US, bit(UKGPMS)|bit(NZ)|bit(CA)
			default:
				r.scheme = UKGSC
			}
		}
	} else if r.scheme == AU && r.level == OfficialSensitive {
		r.alt = bit(UKGSC)
	} else if r.scheme == UKGSC && (r.level == Official || r.level == OfficialSensitive) && r.n == 0 {
		r.alt = bit(AU)
	}
	if r.scheme == UKGPMS || r.level == FOUO {
		r.flags |= Legacy
	}
	// Policy checks (they never suppress a finding).
	switch r.scheme {
	case UKGSC:
		hasCaveat, pub, recip, legal := false, false, false, false
		for _, e := range r.el[:r.n] {
			if e.kind == ekCaveat {
				hasCaveat = true
			}
			switch {
			case p.equalUpper(int(e.s), int(e.e), "FOR PUBLIC RELEASE"):
				pub = true
			case p.equalUpper(int(e.s), int(e.e), "RECIPIENTS ONLY"):
				recip = true
			case p.equalUpper(int(e.s), int(e.e), "LEGAL"):
				legal = true
			}
		}
		low := r.level == Official || r.level == OfficialSensitive
		if hasCaveat && low && v&vUK != 0 && v&vRel == 0 ||
			pub && r.level != Official ||
			recip && r.level == Official ||
			legal && !low {
			r.flags |= PolicyInvalid
		}
	case AU:
		if r.level < Protected && r.level != TopSecret && r.level != Secret {
			for _, e := range r.el[:r.n] {
				if e.kind == ekCaveat && !p.equalUpper(int(e.s), int(e.e), "NATIONAL-CABINET") {
					r.flags |= PolicyInvalid
				}
			}
		}
	}
}

// equalUpper reports whether the folded text of t[s:e] is want.
func (p *parser) equalUpper(s, e int, want string) bool {
	n := 0
	for i := s; i < e; {
		c, sz, bits := p.fold(i)
		if bits&bIgnore == 0 {
			if n >= len(want) || want[n] != c {
				return false
			}
			n++
		}
		i += sz
	}
	return n == len(want)
}

// scanFlags sets Obfuscated and NonCanonical from the characters inside
// the match.
func (p *parser) scanFlags(r *result) {
	var or uint8
	for i := r.start; i < r.end; {
		_, n, bits := p.fold(i)
		or |= bits
		i += n
	}
	if or&bObf != 0 {
		r.flags |= Obfuscated
	}
	if or&bOdd != 0 || or&bObf != 0 {
		r.flags |= NonCanonical
	}
	if r.lcase != caseUpper && !(r.scheme == AU && r.level == OfficialSensitive) {
		r.flags |= NonCanonical
	}
}
