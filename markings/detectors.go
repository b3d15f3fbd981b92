package markings

import (
	"bytes"

	"github.com/tidemark/tidemark/detect"
)

// Detector IDs.
const (
	IDClassification = "markings/classification"
	IDPortion        = "markings/portion"
	IDEPMS           = "markings/au-epms"
	IDObfuscated     = "markings/obfuscated"
)

// All returns the package's detectors with default options:
// [NewClassification], [NewPortion], [NewEPMS] and [NewObfuscated].
func All() []detect.Detector {
	return []detect.Detector{NewClassification(), NewPortion(), NewEPMS(), NewObfuscated()}
}

const (
	classMaxLen = 160
	classRadius = 128
)

// NewClassification returns a detector for classification and protective
// markings written with level words, in every scheme: UK GSCP
// (OFFICIAL-SENSITIVE - RECIPIENTS ONLY - PERSONAL DATA, UK SECRET -
// CODEWORD - UK EYES ONLY), legacy UK GPMS (PROTECT - PERSONAL,
// RESTRICTED - POLICY, NOT PROTECTIVELY MARKED), NATO (NATO SECRET,
// COSMIC TOP SECRET ATOMAL), EU (RESTREINT UE/EU RESTRICTED), US banner
// lines (TOP SECRET//SI//NOFORN, UNCLASSIFIED//FOUO, CUI//SP-PRVCY), AU
// (OFFICIAL: Sensitive//Personal-Privacy, PROTECTED), NZ (MEDICAL
// IN-CONFIDENCE, BUDGET SENSITIVE) and Canada (PROTECTED B / PROTÉGÉ B).
//
// Matching: the level words in any case, with any dash (hyphen, en dash,
// non-breaking hyphen, minus), spaces or colons between OFFICIAL and
// SENSITIVE, a hyphen wrapped over a line break, letter-spaced text
// (O F F I C I A L) and accented French forms; then descriptors, handling
// instructions, caveats and codewords in any order. Markings containing
// homoglyphs, fullwidth or zero-width characters are left to
// [NewObfuscated], so that each is reported once.
//
// Validation: a bare single level word (SECRET, OFFICIAL, CONFIDENTIAL,
// RESTRICTED, PROTECTED, UNCLASSIFIED) counts only in capitals and in an
// applied position: a line on its own, a chat message on its own (after an
// iOS or Android export prefix), the start of an e-mail subject (after
// RE:/FW:/AW:/... prefixes), after a "Classification:" label, in brackets.
// Compounds count anywhere. Code (SECRET_KEY, protected void), idioms
// (Official Secrets Act, Secret Santa, top secret recipe, restricted area)
// and disclaimers ("This email is confidential") are rejected.
//
// EU LIMITE (a Council distribution marking, not a classification) is
// reported at 60, placement banner-line, only in capitals, alone on its
// line, with a Council document number (12345/21, 9012/1/21, ST 12345
// 2021) within the radius. It triggers only at a line start ("\nlimite",
// "\neu limite", anchored on the rare "\nl" and "\ne"): a plain "limite"
// keyword would anchor on "im" and cost about 4% of the detector's speed.
// So LIMITE after the document number on the same line ("ST 12345/21
// LIMITE") and at the very start of the input are missed.
//
// Triggers: the keywords official, secret, confiden, restrict, otect,
// classif, "diffusion restreinte", "cui//", "cui" at a line end, "limite"
// and "eu limite" at a line start, "[sensitive]", and "c r e t" / "c i a l"
// for letter-spaced SECRET and OFFICIAL. The engine anchors them on the
// bigrams ff, cr, nf, ct, cl, "c ", "//", "i\n", "\nl", "\ne" and "[s".
// Every level word other than CUI, LIMITE and NZ SENSITIVE contains one of the first six keywords, so compounds written
// with them are always seen; bare "CUI" is seen only at the end of a line,
// "SENSITIVE" only as "[SENSITIVE]" (so NZ "BUDGET SENSITIVE" is missed),
// and a lone "RESTREINT UE" (without "/EU RESTRICTED") is missed.
//
// Score: compound applied 90 (lower case 80), compound inline 55-60 (a
// mention), bare capitals on their own line 45 (CONFIDENTIAL) to 85 (TOP
// SECRET), bare at a line start before ":" or " - " 15 less (also SECRET and
// TOP SECRET before a reference or codeword with digits in capitals, "SECRET
// ABC123", "TOP SECRET REF 2021/45": the parse stops before the unknown
// token and the level is kept), SECRET and TOP SECRET at the start of a
// subject followed by a space and a capitalised word ("Subject: SECRET
// Follow up") 20 less, bare capitals inline 20. SECRET or TOP SECRET in
// capitals, a plain space and one unknown word of four or more capitals
// alone on the line ("TOP SECRET UMBRA", MARKINGS.md grammar: a codeword
// at medium confidence) is a compound 20 less than the dashed form (70 on
// its own line against 90); when the word is an ordinary English word (the
// SCOWL size-35 list in data/, see words.go) the parse stops before it and
// the level alone scores 45 ("TOP SECRET PROJECT", a heading as likely as
// a marking; also before a national caveat, "SECRET PLANS UK EYES ONLY",
// as only a country code or list may precede EYES ONLY), and the idioms
// (SECRET SERVICE, TOP SECRET RECIPE) are rejected. A placeholder
// ("TOP SECRET CODEWORD", MARKINGS.md 12.14) scores 30 as a mention. Cues: "protective marking" adds 10 and "gov.uk" 5;
// "marked" or "labelled" before lower by 15 (a mention).
//
// Scheme: from the form and vocabulary (MARKINGS.md section 12); a token
// shared between schemes (OFFICIAL, SECRET, CONFIDENTIAL, RESTRICTED) takes
// the scheme of a government domain within the radius (.gov.au, .govt.nz,
// .gc.ca, .gov.uk) when that scheme is among its alternatives.
//
// Info packs the scheme, level, placement, flags and alternative schemes;
// [Detail] (via [detect.Engine.Detail]) returns the parsed [Marking].
//
// Known false positives: a capitalised CONFIDENTIAL or RESTRICTED heading
// on its own line in ordinary business text (scored 45 and 65). Known
// false negatives: markings split over lines other than by a hyphen, and
// lower-case single words, which are never reported.
func NewClassification() detect.Detector { return classification{} }

type classification struct{}

var (
	_ detect.Detector = classification{}
	_ detect.Detailer = classification{}
)

// govCues: few words, because the engine scans the radius once per cue
// word for every finding.
var govCues = []detect.Cue{
	{Word: "protective marking", Delta: 10}, {Word: "gov.uk", Delta: 5},
	{Word: "marked", Delta: -15, Side: detect.Before}, {Word: "labelled", Delta: -15, Side: detect.Before},
}

func (classification) Spec() detect.Spec {
	return detect.Spec{
		ID:   IDClassification,
		Kind: KindMarking,
		Triggers: detect.Triggers{Keywords: []string{
			"official", "secret", "confiden", "restrict", "otect", "classif", "diffusion restreinte", "\nlimite", "\neu limite",
			"c r e t", "c i a l", "cui//", "cui\n", "cui\r", "[sensitive]",
		}},
		MaxLen:      classMaxLen,
		Cues:        detect.Cues{Radius: classRadius, Words: govCues},
		Description: "Protective and classification markings (UK GSCP/GPMS, NATO, EU, US, AU, NZ, CA) written with level words",
	}
}

func (classification) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return scanHits(dst, w, false), nil
}

func (classification) Detail(f detect.Finding, match []byte) (any, error) { return detail(f, match) }

// NewObfuscated returns a detector for the same markings as
// [NewClassification] when they are written to defeat keyword matching:
// Cyrillic or Greek look-alike letters (ОFFICIAL with a Cyrillic О),
// fullwidth letters (ＳＥＣＲＥＴ), zero-width spaces, joiners, bidi marks,
// word joiners, BOMs or soft hyphens inside the words. Findings carry the
// Obfuscated flag.
//
// Triggers: the bytes 0xD0 0xD1 (Cyrillic), 0xCE 0xCF (Greek), 0xEF
// (fullwidth forms, BOM), 0x8B-0x8F (U+200B-U+200F), 0x81 (U+2060-U+2064)
// and 0xAD (soft hyphen). In English text these are rare; in Russian or
// Greek text every letter triggers, which costs speed (see DESIGN notes in
// doc.go) but the per-word rejection is cheap.
//
// Score: as [NewClassification]. Known false negatives: homoglyphs outside
// the Cyrillic/Greek table (Cherokee, mathematical alphanumerics).
func NewObfuscated() detect.Detector { return obfuscated{} }

type obfuscated struct{}

var (
	_ detect.Detector = obfuscated{}
	_ detect.Detailer = obfuscated{}
)

func (obfuscated) Spec() detect.Spec {
	return detect.Spec{
		ID:          IDObfuscated,
		Kind:        KindMarking,
		Triggers:    detect.Triggers{Bytes: "\xd0\xd1\xce\xcf\xef\x8b\x8c\x8d\x8e\x8f\x81\xad"},
		MaxLen:      classMaxLen,
		Cues:        detect.Cues{Radius: classRadius, Words: govCues},
		Description: "Markings disguised with homoglyphs, fullwidth letters or zero-width characters",
	}
}

func (obfuscated) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	return scanHits(dst, w, true), nil
}

func (obfuscated) Detail(f detect.Finding, match []byte) (any, error) { return detail(f, match) }

// wordStart returns the start of the word containing position i (which
// is at or inside the word), looking back at most 40 bytes, and whether a
// boundary was found.
func wordStart(t []byte, i int) (int, bool) {
	s := i
	for s > 0 && i-s < 40 {
		c, j := prevC(t, max(0, s-4), s)
		if j < 0 || !isWordC(c) {
			return s, true
		}
		s = j
	}
	return s, s == 0
}

// prevWord returns the start of the word before the one starting at s on
// the same line, across a separator of at most four bytes.
func prevWord(t []byte, s int) (int, bool) {
	j := s
	for k := 0; k < 4 && j > 0; k++ {
		c := t[j-1]
		if c == ' ' || c == '-' || c == '/' || c == ':' {
			j--
			continue
		}
		break
	}
	if j == s || j == 0 {
		return 0, false
	}
	if c, _ := prevC(t, max(0, j-4), j); !isWordC(c) {
		return 0, false
	}
	return wordStart(t, j-1)
}

// spacedStart moves back from the single letter at s over letter-spaced
// text ("S E C R E T": from the C to the S), at most 40 bytes.
func spacedStart(t []byte, s int) int {
	for k := 0; k < 20 && s >= 2 && t[s-1] == ' ' && isLetterC(foldByte(t[s-2])) && (s == 2 || !isWordC(foldByte(t[s-3]))); k++ {
		s -= 2
	}
	return s
}

// lowerProse is a quick rejection for a lower-case hit word in prose:
// it reports true when the word (ASCII, over one letter long) is followed
// by a space and a lower-case word that cannot continue a marking ("the
// official said", "a restricted area"). Only "sensitive", "ue", "otan",
// "a"/"b"/"c" (PROTECTED B), "restreinte", "atomal" can, so a next word
// starting with any other letter means parseAt would find a bare
// lower-case word, which is never reported.
func lowerProse(t []byte, ws int) bool {
	e := ws
	for e < len(t) && e-ws < 24 && 'a' <= t[e] && t[e] <= 'z' {
		e++
	}
	if e-ws < 2 || e+1 >= len(t) || t[e] != ' ' {
		return false
	}
	n := e + 1
	for n < len(t) && n-e < 12 && 'a' <= t[n] && t[n] <= 'z' {
		n++
	}
	if n == e+1 {
		return false // not a lower-case word
	}
	switch string(t[e+1 : n]) {
	case "sensitive", "ue", "otan", "a", "b", "c", "atomal", "restreinte":
		return false
	}
	return true
}

// prefixWord reports whether the word at s (ending before e) can start a
// marking that continues with the next word: UK, NATO, COSMIC, TOP, an
// NZ endorsement, ...
func prefixWord(t []byte, s, e int) bool {
	p := parser{t: t, hi: e}
	w := p.word(s, false)
	switch string(w.text()) {
	case "UK", "NATO", "OTAN", "COSMIC", "EU", "UE", "TOP", "TRES", "HIGHLY", "NOT", "IN", "NON", "FOR", "LIMITED",
		"CONTROLLED", "DIFFUSION", "RESTREINT", "CONFIDENTIEL", "SECRET", "SANS", "OFFICIAL",
		"APPOINTMENTS", "BUDGET", "CABINET", "COMMERCIAL", "EVALUATIVE", "HONOURS", "MEDICAL", "STAFF", "POLICY":
		return true
	}
	return false
}

// scanHits is the Detect of the classification (obf false) and
// obfuscated (obf true) detectors.
func scanHits(dst []detect.Finding, w *detect.Window, obf bool) []detect.Finding {
	t := w.Text
	lastEnd := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < lastEnd {
			continue
		}
		if obf {
			// the trigger byte may be inside a character
			for k := 0; k < 3 && h > 0 && t[h]&0xC0 == 0x80; k++ {
				h--
			}
			if h < lastEnd {
				continue
			}
			c, n, bits := fold(t, h)
			if bits&bObf == 0 {
				continue
			}
			if bits&bIgnore != 0 {
				// a format character counts only inside a word
				pc, _ := prevC(t, max(0, h-4), h)
				if h+n >= len(t) || !isLetterC(pc) {
					continue
				}
				if nc, _, _ := fold(t, h+n); !isLetterC(nc) {
					continue
				}
			} else if !isLetterC(c) && c != '-' {
				continue
			}
		}
		if t[h] == '[' || t[h] == '\n' { // "[sensitive]", "\nlimite"
			h++
		}
		ws, ok := wordStart(t, h)
		if !ok {
			continue
		}
		if ws+1 < len(t) && t[ws+1] == ' ' {
			ws = spacedStart(t, ws)
		}
		// candidate starts: up to two words before the hit's word, unless
		// the hit's word is in lower case (a lower-case prefix makes no
		// compound worth reporting)
		_, _, b0 := fold(t, ws)
		if !obf && b0&bLower != 0 && lowerProse(t, ws) {
			continue
		}
		var cands [4]int
		nc := 0
		cands[nc] = ws
		nc++
		s := ws
		for k := 0; k < 3 && b0&bLower == 0; k++ {
			pw, ok := prevWord(t, s)
			if !ok || h-pw > 64 || !prefixWord(t, pw, s) {
				break
			}
			cands[nc] = pw
			nc++
			s = pw
		}
		for ci := nc - 1; ci >= 0; ci-- {
			st := cands[ci]
			if st < lastEnd {
				continue
			}
			p := parser{t: t, hi: min(len(t), st+classMaxLen)}
			r, ok := p.parseAt(st)
			if !ok || r.end <= ws {
				continue
			}
			lastEnd = r.end
			if r.end >= len(t) && !w.AtEnd {
				break
			}
			if (r.flags&Obfuscated != 0 && r.flags&LetterSpaced == 0) != obf {
				break
			}
			if f, ok := judge(t, &r, w.AtStart, w.AtEnd); ok {
				f.Start += w.Base
				f.End += w.Base
				dst = append(dst, f)
			}
			break
		}
		if obf && lastEnd <= h {
			// skip the rest of this word
			for e := h; e < len(t) && e-h < 40; {
				c, n, _ := fold(t, e)
				if !isWordC(c) && c != 0 {
					lastEnd = e
					break
				}
				e += n
			}
		}
	}
	return dst
}

// judge decides whether a parsed marking is reported, and with what score
// and placement, from its form and its context.
func judge(t []byte, r *result, atStart, atEnd bool) (detect.Finding, bool) {
	s, e := r.start, r.end
	// code and identifiers: SECRET_KEY, config.secret, $SECRET, secret()
	if s > 0 {
		switch t[s-1] {
		case '_', '.', '$', '@', '#', '/', '\\', '=', '<', '&':
			if !(t[s-1] == '/' && s > 1 && t[s-2] == '/') {
				return detect.Finding{}, false
			}
		}
	}
	if e < len(t) {
		switch t[e] {
		case '_', '(', '=', '@', '>':
			return detect.Finding{}, false
		case '.':
			if e+1 < len(t) && isWordC(foldByte(t[e+1])) {
				return detect.Finding{}, false
			}
		}
	}
	bare := !r.compound && r.flags&LetterSpaced == 0
	if bare && r.lcase == caseLower {
		return detect.Finding{}, false
	}
	c := analyse(t, s, e, classRadius, atStart, atEnd)
	pl := placementOf(&c)
	if r.alt != 0 {
		// a government domain nearby settles a shared token's scheme
		if sch := domainScheme(t, s, e, classRadius); sch != SchemeUnknown && r.alt&bit(sch) != 0 {
			r.alt = r.alt&^bit(sch) | bit(r.scheme)
			r.scheme = sch
		}
	}
	score := 0
	switch {
	case r.level == Limite:
		score = limiteScore(t, r, &c)
		if score > 0 {
			pl = Banner
		}
	case r.flags&LetterSpaced != 0:
		score = 50
		if pl != Inline {
			score = 70
		}
	case r.compound:
		weak := (r.scheme == NATO || r.scheme == EU) && r.lcase == caseLower
		switch {
		case pl == Header:
			score = 95
		case pl != Inline && pl != LineStart:
			score = 90
		case pl == LineStart:
			score = 85
		default:
			score = 60
		}
		if r.lcase == caseLower {
			score -= 5
			if pl != Inline {
				score -= 5
			}
		}
		if weak {
			score = 40
		}
		if r.plainCW && r.n-r.prefixes() == 1 { // "TOP SECRET UMBRA": a codeword at medium confidence, alone
			score -= 20
		}
		if r.flags&Placeholder != 0 {
			score = 30
			pl = Inline
		}
		if r.level == Confidential && r.n == 0 && r.scheme == UKGPMS {
			score -= 10
		}
	default:
		score = bareScore(t, r, &c, pl)
	}
	if bare && score > 0 && suppressed(t, r, &c) {
		return detect.Finding{}, false
	}
	if score <= 0 {
		return detect.Finding{}, false
	}
	return detect.Finding{Start: int64(s), End: int64(e), Kind: KindMarking, Score: score, Info: pack(r, pl)}, true
}

// limiteScore scores the EU Council distribution marking LIMITE (or EU
// LIMITE): in capitals, alone on its line, with a Council document number
// within the radius (MARKINGS.md section 6: medium confidence when it
// stands alone near a Council document number).
func limiteScore(t []byte, r *result, c *lineCtx) int {
	if r.lcase != caseUpper || !c.ownLine {
		return 0
	}
	s, e := r.start, r.end
	if !c.lineStart || !councilNo(t[max(0, s-classRadius):min(len(t), e+classRadius)]) {
		return 0
	}
	return 60
}

// councilNo reports whether b holds a Council document number: 12345/21,
// 9012/1/21 or "ST 12345 2021" (four or five digits, then "/" and two
// digits, optionally after "/1"; or "ST " before five digits and a year).
func councilNo(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if !isDigit(b[i]) || i > 0 && (isDigit(b[i-1]) || isLetterC(foldByte(b[i-1])) || b[i-1] == '/') {
			continue
		}
		j := i
		for j < len(b) && isDigit(b[j]) {
			j++
		}
		n := j - i
		if n < 4 || n > 5 {
			i = j
			continue
		}
		k := j
		if k+2 < len(b) && b[k] == '/' && isDigit(b[k+1]) && b[k+2] == '/' { // "/1/" revision
			k += 2
		}
		if k+2 < len(b) && b[k] == '/' && isDigit(b[k+1]) && isDigit(b[k+2]) && (k+3 == len(b) || !isWordC(foldByte(b[k+3]))) {
			return true
		}
		if n == 5 && i >= 3 && string(b[i-3:i]) == "ST " && j+5 <= len(b) && b[j] == ' ' &&
			isDigit(b[j+1]) && isDigit(b[j+2]) && isDigit(b[j+3]) && isDigit(b[j+4]) {
			return true
		}
		i = j
	}
	return false
}

// domainScheme looks for a government e-mail or web domain within the
// radius around t[s:e]: .gov.au, .govt.nz, .gc.ca or .gov.uk.
func domainScheme(t []byte, s, e, radius int) Scheme {
	lo, hi := max(0, s-radius), min(len(t), e+radius)
	w := t[lo:hi]
	switch {
	case bytes.Contains(w, []byte(".gov.au")):
		return AU
	case bytes.Contains(w, []byte(".govt.nz")):
		return NZ
	case bytes.Contains(w, []byte(".gc.ca")):
		return CA
	case bytes.Contains(w, []byte(".gov.uk")):
		return UKGSC
	}
	return SchemeUnknown
}

func foldByte(b byte) byte {
	c, _ := asciiFold(b)
	return c
}

func placementOf(c *lineCtx) Placement {
	switch {
	case !c.lineStart:
		if c.bracket && c.closeBr {
			return Bracketed
		}
		return Inline
	case c.header:
		return Header
	case c.label:
		return Label
	case c.subject:
		return Subject
	case !c.ownLine:
		return LineStart
	case c.chat:
		return ChatMessage
	case c.bracket:
		return Bracketed
	}
	return Banner
}

// bareScore scores a single level word without elements.
func bareScore(t []byte, r *result, c *lineCtx, pl Placement) int {
	if r.lcase == caseLower {
		return 0
	}
	base := 0
	switch r.level {
	case TopSecret:
		base = 85
	case Secret:
		base = 80
	case Official:
		base = 75
	case Unofficial, CUI, FOUO:
		base = 70
	case Restricted, Protected:
		base = 65
	case Unclassified:
		base = 60
	case Protect:
		base = 50
	case Confidential, Sensitive:
		base = 45
	default:
		base = 50
	}
	if r.level == Sensitive { // NZ SEEMail tag "[SENSITIVE]" only
		if pl != Bracketed || r.lcase != caseUpper {
			return 0
		}
		return 60
	}
	if r.lcase != caseUpper {
		// Title case or mixed: only a line (or message) of its own, low.
		if c.lineStart && c.ownLine {
			return 35
		}
		return 0
	}
	switch pl {
	case Inline:
		return 20
	case LineStart, Subject:
		// followed by text: needs a strong separator ("SECRET: ...", "SECRET - ...")
		if c.ownLine {
			return base
		}
		if !r.strongSep && !followsStrong(t, r.end) && !(r.level >= Secret && refAfter(t, r.end)) {
			// "TOP SECRET PROJECT": one English word in capitals alone
			// after the level (the parse stopped before it; a word that
			// is not English is a codeword, see plainCodeword): a
			// heading as likely as a marking, so the level at 45.
			if pl == LineStart && r.level >= Secret && wordLineAfter(t, r.end) {
				return 45
			}
			// "Subject: SECRET Follow up on ...": a subject prefix
			// in capitals, then the subject text in capitals or
			// Title case after a plain space (MARKINGS.md 12.4).
			if pl == Subject && r.level >= Secret && upperAfter(t, r.end) {
				return base - 20
			}
			return 0
		}
		if pl == Subject {
			return base - 10
		}
		if r.level == Official {
			return 40 // "OFFICIAL: Title-case headline" is usually news
		}
		if lowerAfter(t, r.end) {
			return 45 // "SECRET: surprise party on Saturday" reads as chat
		}
		return base - 15
	}
	return base
}

// refAfter reports whether the rest of the line after the level at i is,
// after a plain space, a document reference or a codeword with digits in
// capitals ("SECRET ABC123", "TOP SECRET REF 2021/45"): a token the grammar
// does not know, which ends the parse but must not lose the level. The
// rest of the line (at most 40 bytes) must hold no lower-case letter and
// no non-ASCII byte (prose), and one of its first two tokens must hold a
// digit.
func refAfter(t []byte, i int) bool {
	if i >= len(t) || t[i] != ' ' {
		return false
	}
	digit, tok, inTok := false, 0, false
	for j := i + 1; j < len(t); j++ {
		c := t[j]
		switch {
		case c == '\n' || c == '\r':
			return digit
		case j-i > 40 || 'a' <= c && c <= 'z' || c >= 0x80:
			return false
		case c == ' ':
			inTok = false
		default:
			if !inTok {
				inTok = true
				tok++
			}
			if isDigit(c) && tok <= 2 {
				digit = true
			}
		}
	}
	return digit
}

// wordLineAfter reports whether a single space and one word of capital
// letters follow position i, alone to the end of the line or
// before a national caveat ("SECRET PLANS UK EYES ONLY").
func wordLineAfter(t []byte, i int) bool {
	if i+1 >= len(t) || t[i] != ' ' {
		return false
	}
	j := i + 1
	for j < len(t) && 'A' <= t[j] && t[j] <= 'Z' {
		j++
	}
	if j == i+1 {
		return false
	}
	if p := (parser{t: t, hi: min(len(t), j+classMaxLen)}); p.caveatAfter(j) {
		return true
	}
	for ; j < len(t); j++ {
		switch t[j] {
		case ' ', '\t':
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

// upperAfter reports whether a single space and a word starting with a
// capital letter follow position i.
func upperAfter(t []byte, i int) bool {
	return i+2 < len(t) && t[i] == ' ' && 'A' <= t[i+1] && t[i+1] <= 'Z' && isWordC(foldByte(t[i+2]))
}

// lowerAfter reports whether the first word after the separator that
// follows position i starts with a lower-case letter.
func lowerAfter(t []byte, i int) bool {
	j := i
	for j < len(t) && j-i < 8 && (t[j] == ' ' || t[j] == ':' || t[j] == '-' || t[j] == '|' || t[j] == '/') {
		j++
	}
	return j < len(t) && 'a' <= t[j] && t[j] <= 'z'
}

// followsStrong reports whether a strong separator (":", " - ", "|", "//")
// follows position i.
func followsStrong(t []byte, i int) bool {
	j := i
	for j < len(t) && j-i < 4 && t[j] == ' ' {
		j++
	}
	if j >= len(t) {
		return false
	}
	switch t[j] {
	case ':', '|':
		return true
	case '-':
		return j > i || j+1 < len(t) && t[j+1] == ' '
	case 0xE2: // en/em dash
		return j+2 < len(t) && t[j+1] == 0x80 && 0x90 <= t[j+2] && t[j+2] <= 0x95
	case '/':
		return j+1 < len(t) && t[j+1] == '/'
	}
	return false
}

// suppressed reports idioms and disclaimers around a bare level word:
// "SECRET SANTA", "TOP SECRET: RECIPE", "PRIVATE & CONFIDENTIAL".
func suppressed(t []byte, r *result, c *lineCtx) bool {
	// the next word, after spaces and at most one separator
	p := parser{t: t, hi: min(len(t), r.end+40)}
	j := r.end
	for k := 0; k < 4 && j < p.hi && (t[j] == ' ' || t[j] == ':' || t[j] == '-'); k++ {
		j++
	}
	nw := p.word(j, false)
	switch string(nw.text()) {
	case "SANTA", "SERVICE", "SERVICES", "GARDEN", "RECIPE", "RECIPES", "SAUCE", "WEAPON", "INGREDIENT", "KEY",
		"KEYS", "TOKEN", "AREA", "AREAS", "ACCESS", "DIET", "ACT", "ACTS", "AGENT", "AGENTS", "SOCIETY", "MISSION",
		"ADMIRER", "FORMULA", "PASSAGE", "IDENTITY", "LIFE", "WEAPONS", "INFORMATION", "ZONE", "DOCUMENT", "STATEMENT",
		"SAID", "WEBSITE", "RESULT", "RESULTS", "SPONSOR", "PARTNER", "CHARACTERISTICS", "SPECIES", "MODE", "VIEW",
		"VOID", "STATIC", "FINAL", "INT", "STRING", "CLASS", "METHOD", "MEMBER", "MEMBERS", "NOTICE":
		return true
	}
	// the word before (same line)
	if pw, ok := prevWord(t, r.start); ok {
		q := parser{t: t, hi: r.start}
		x := q.word(pw, false)
		switch string(x.text()) {
		case "PRIVATE", "STRICTLY", "HIGHLY", "COMPANY", "COMMERCIALLY", "AND", "IN", "BUSINESS", "KEEP", "KEPT",
			"PERSONAL", "ENTIRELY", "TOTALLY", "TREAT", "TREATED", "REMAIN", "REMAINS":
			return true
		}
	}
	if r.start > 2 && (t[r.start-2] == '&' || t[r.start-1] == '&') {
		return true
	}
	return false
}

// Info layout: bits 0-3 scheme, 4-8 level, 9-12 placement, 13-20 flags,
// 21-28 alternative schemes (bit s-1 for scheme s).
func pack(r *result, pl Placement) uint32 {
	return uint32(r.scheme)&0xF | uint32(r.level)&0x1F<<4 | uint32(pl)&0xF<<9 | uint32(r.flags)&0xFF<<13 | uint32(r.alt)<<21
}

// InfoScheme, InfoLevel, InfoPlacement, InfoFlags and InfoAlt decode
// [detect.Finding.Info] of a finding from this package's detectors.
func InfoScheme(info uint32) Scheme { return Scheme(info & 0xF) }

// InfoLevel decodes the level from Finding.Info.
func InfoLevel(info uint32) Level { return Level(info >> 4 & 0x1F) }

// InfoPlacement decodes the placement from Finding.Info.
func InfoPlacement(info uint32) Placement { return Placement(info >> 9 & 0xF) }

// InfoFlags decodes the flags from Finding.Info.
func InfoFlags(info uint32) Flags { return Flags(info >> 13 & 0xFF) }

// InfoAlt decodes the alternative schemes from Finding.Info.
func InfoAlt(info uint32) []Scheme { return altList(uint8(info >> 21)) }

func altList(m uint8) []Scheme {
	var out []Scheme
	for s := Scheme(1); s < numSchemes; s++ {
		if m&bit(s) != 0 {
			out = append(out, s)
		}
	}
	return out
}

// detail rebuilds the Marking of a finding: Parse the match, then apply
// the context the detector saw (packed in Info).
func detail(f detect.Finding, match []byte) (any, error) {
	m, err := Parse(match)
	if err != nil {
		return nil, err
	}
	applyInfo(&m, f.Info)
	return m, nil
}

func applyInfo(m *Marking, info uint32) {
	if s := InfoScheme(info); s != SchemeUnknown {
		m.Scheme = s
	}
	if l := InfoLevel(info); l != LevelNone {
		m.Level = l
	}
	m.Placement = InfoPlacement(info)
	m.Flags |= InfoFlags(info)
	m.Alt = InfoAlt(info)
	m.Equivalent = equivalents(m)
}

// HighestFinding returns the finding from this package's detectors with
// the highest severity (decoded from Info), preferring applied markings
// and then the first; ok is false when fs holds none.
func HighestFinding(fs []detect.Finding) (best detect.Finding, ok bool) {
	bs := -1
	for _, f := range fs {
		if f.Kind != KindMarking {
			continue
		}
		m := Marking{Scheme: InfoScheme(f.Info), Level: InfoLevel(f.Info), Placement: InfoPlacement(f.Info)}
		if bs < 0 || higher(m.Severity(), m.Applied(), m.Level, bs, InfoPlacement(best.Info).Applied(), InfoLevel(best.Info)) {
			best, bs, ok = f, m.Severity(), true
		}
	}
	return best, ok
}
