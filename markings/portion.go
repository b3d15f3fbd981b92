package markings

import "github.com/tidemark/tidemark/detect"

const (
	portionMaxLen = 96
	portionRadius = 200
)

// NewPortion returns a detector for portion (paragraph) marks: US
// "(TS//SI//NF)", "(S//REL TO USA, FVEY)", "(U//FOUO)", "(CUI//SP-PRVCY)",
// foreign-government "(//DEU TS)", AU "(O:S)", "(P)", "(UO)", and NZ
// "(IC)", "(SEN)", "(R)", as well as the single-level "(S)", "(C)", "(U)",
// "(TS)".
//
// Validation: the mark must be in capitals at the start of a line or of
// an e-mail subject (after chat and reply prefixes), followed by a space
// and a capitalised word (or the end of the line). A mark with "//" or
// "O:S" stands on its own; a single-level mark ("(S)", "(C)") needs
// document evidence within 200 bytes: another portion mark at a line
// start, or a "LEVEL//" banner. So "item(s)", "(C) 2024 Example Ltd" and
// "(R) Registered" are not reported. A "//" mark inside prose is
// reported as a mention.
//
// Triggers: keywords "(ts", "(s)", "(s//", "(c)", "(c//", "(u)", "(u//",
// "(r)", "(o)", "(o:s)", "(p)", "(uo)", "(ic)", "(sen)", "(cui", "(//",
// all anchored on '('.
//
// Score: "//" at line start 85, single-level with evidence 65, "//" inline
// 45.
func NewPortion() detect.Detector { return portionDetector{} }

type portionDetector struct{}

var (
	_ detect.Detector = portionDetector{}
	_ detect.Detailer = portionDetector{}
)

func (portionDetector) Spec() detect.Spec {
	return detect.Spec{
		ID:   IDPortion,
		Kind: KindMarking,
		Triggers: detect.Triggers{Keywords: []string{"(ts", "(s)", "(s//", "(c)", "(c//", "(u)", "(u//", "(r)",
			"(o)", "(o:s)", "(p)", "(uo)", "(ic)", "(sen)", "(cui", "(//"}},
		MaxLen:      portionMaxLen,
		Cues:        detect.Cues{Radius: portionRadius},
		Description: "Portion (paragraph) marks: US (S//NF), AU (O:S), NZ (IC)",
	}
}

func (portionDetector) Detail(f detect.Finding, match []byte) (any, error) { return detail(f, match) }

func (portionDetector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	for _, h32 := range w.Hits {
		h := int(h32)
		p := parser{t: t, hi: min(len(t), h+portionMaxLen)}
		r, ok := p.portion(h)
		if !ok || r.end >= len(t) && !w.AtEnd {
			continue
		}
		if f, ok := judgePortion(t, &r, w.AtStart, w.AtEnd); ok {
			f.Start += w.Base
			f.End += w.Base
			dst = append(dst, f)
		}
	}
	return dst, nil
}

// portion parses a portion mark starting at the '(' at i.
func (p *parser) portion(i int) (r result, ok bool) {
	t := p.t
	if i >= p.hi || t[i] != '(' {
		return r, false
	}
	r.start = i
	j := i + 1
	if j+1 < p.hi && t[j] == '/' && t[j+1] == '/' {
		// foreign government: (//DEU TS) (//CAN S//REL TO USA, CAN)
		w := p.word(j+2, false)
		if w.n < 3 || w.n > 4 || w.lo != 0 || !allLetters(w.text()) || w.e >= p.hi || t[w.e] != ' ' {
			return r, false
		}
		r.add(ekCaveat, w.s, w.e)
		j = w.e + 1
		r.banner = true
	}
	w := p.word(j, false)
	if w.n == 0 || w.lo != 0 || w.spaced || w.n > 3 {
		return r, false
	}
	e := w.e
	switch string(w.text()) {
	case "TS":
		r.level = TopSecret
	case "S":
		r.level = Secret
	case "C":
		r.level = Confidential
	case "U":
		r.level = Unclassified
	case "R":
		r.level, r.scheme = Restricted, NZ
	case "CUI":
		r.level, r.scheme = CUI, US
	case "O":
		r.level, r.scheme = Official, AU
		if e+1 < p.hi && t[e] == ':' && t[e+1] == 'S' {
			r.level = OfficialSensitive
			e += 2
		}
	case "P":
		r.level, r.scheme = Protected, AU
	case "UO":
		r.level, r.scheme = Unofficial, AU
	case "IC":
		r.level, r.scheme = InConfidence, NZ
	case "SEN":
		r.level, r.scheme = Sensitive, NZ
	default:
		return r, false
	}
	r.end = e
	p.elements(&r)
	if r.end >= p.hi || t[r.end] != ')' {
		return r, false
	}
	r.end++
	if r.scheme == SchemeUnknown {
		p.infer(&r)
		if r.scheme == UKGSC || r.scheme == UKGPMS {
			r.scheme = US
		}
		if r.alt == 0 || r.scheme == US {
			r.alt = bit(AU) | bit(NZ) | bit(CA)
			if r.level == Unclassified || r.level == Confidential {
				r.alt = bit(NZ) | bit(CA)
			}
		}
	} else {
		p.infer(&r)
	}
	r.flags &^= NonCanonical
	p.scanFlags(&r)
	return r, true
}

// judgePortion scores a portion mark from its placement and the document
// evidence around it.
func judgePortion(t []byte, r *result, atStart, atEnd bool) (detect.Finding, bool) {
	s, e := r.start, r.end
	if s > 0 && isWordC(foldByte(t[s-1])) {
		return detect.Finding{}, false // item(s)
	}
	c := analyse(t, s, e, portionRadius, atStart, atEnd)
	multi := r.banner || r.level == OfficialSensitive || r.level == CUI
	// followed by a space and a capitalised word, or the end of the line
	follow := c.ownLine
	if !follow && e+1 < len(t) && t[e] == ' ' {
		n := e + 1
		for n < len(t) && (t[n] == ' ' || t[n] == '"' || t[n] == '\'') {
			n++
		}
		follow = n < len(t) && 'A' <= t[n] && t[n] <= 'Z'
	}
	score := 0
	pl := Portion
	switch {
	case c.lineStart && follow && multi:
		score = 85
	case c.lineStart && follow && portionEvidence(t, s, e, atStart):
		score = 65
	case multi && !c.lineStart:
		score, pl = 45, Inline
	default:
		return detect.Finding{}, false
	}
	if c.subject {
		pl = Subject
	}
	return detect.Finding{Start: int64(s), End: int64(e), Kind: KindMarking, Score: score, Info: pack(r, pl)}, true
}

// portionEvidence looks within the radius for another portion mark at a
// line start or a US-style banner ("SECRET//").
func portionEvidence(t []byte, s, e int, atStart bool) bool {
	lo, hi := max(0, s-portionRadius), min(len(t), e+portionRadius)
	for i := lo; i < hi; i++ {
		switch t[i] {
		case '(':
			if i == s || i > 0 && t[i-1] != '\n' && t[i-1] != ' ' && t[i-1] != '\t' {
				continue
			}
			if i > 0 && t[i-1] != '\n' {
				// allow indentation only
				k := i - 1
				for k > lo && (t[k] == ' ' || t[k] == '\t') {
					k--
				}
				if t[k] != '\n' {
					continue
				}
			}
			p := parser{t: t, hi: min(hi, i+portionMaxLen)}
			if _, ok := p.portion(i); ok {
				return true
			}
		case '/':
			if i+1 < hi && t[i+1] == '/' && i >= 2 {
				// LEVEL// banner: the word before is a level
				j := i
				ws, ok := wordStart(t, j)
				if ok && ws < j {
					p := parser{t: t, hi: j}
					w := p.word(ws, false)
					if w.lo == 0 && (w.is("SECRET") || w.is("CONFIDENTIAL") || w.is("UNCLASSIFIED") || w.is("CUI")) {
						return true
					}
				}
			}
		}
	}
	return false
}
