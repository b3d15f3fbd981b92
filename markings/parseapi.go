package markings

import (
	"errors"
	"strings"
)

// ErrNotMarking is returned by Parse when the input is not (entirely) a
// protective marking.
var ErrNotMarking = errors.New("markings: not a protective marking")

// Parse parses b as one protective marking: a level-word marking
// ("OFFICIAL-SENSITIVE - PERSONAL DATA", "TOP SECRET//SI//NOFORN",
// "NATO SECRET"), a portion mark ("(S//NF)"), an AU EPMS subject marking
// ("[SEC=OFFICIAL:Sensitive, ACCESS=Personal-Privacy]") or an
// X-Protective-Marking header line. Surrounding spaces and closing
// punctuation are ignored; anything else around the marking makes it
// fail with ErrNotMarking.
//
// b is normalised on the fly (fullwidth letters, Cyrillic and Greek
// look-alikes, zero-width characters, odd dashes and spaces, letter
// spacing) and the corresponding flags are set. Parse has no context, so
// the Placement is PlacementUnknown except for headers, EPMS subject
// markings (Subject) and portion marks (Portion); [detect.Engine.Detail]
// adds the placement the detector saw.
func Parse(b []byte) (Marking, error) {
	lo, hi := 0, len(b)
	for lo < hi {
		if c, n, bits := fold(b, lo); c == ' ' || c == '\n' || bits&bIgnore != 0 {
			lo += n
			continue
		}
		break
	}
	for hi > lo {
		c := b[hi-1]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '.' || c == ':' || c == ',' {
			hi--
			continue
		}
		break
	}
	if lo >= hi {
		return Marking{}, ErrNotMarking
	}
	p := parser{t: b[:hi], hi: hi}
	var (
		r  result
		ok bool
		pl Placement
	)
	switch {
	case hasPrefixFold(b, lo, hi, "x-protective-marking"):
		r, ok = p.epmsHeader(lo)
		pl = Header
	case hasPrefixFold(b, lo, hi, "[sec=") || hasPrefixFold(b, lo, hi, "[dlm=") ||
		hasPrefixFold(b, lo, hi, "sec=") || hasPrefixFold(b, lo, hi, "dlm="):
		r, ok = p.epms(lo)
		pl = Subject
	case b[lo] == '(':
		r, ok = p.portion(lo)
		pl = Portion
	default:
		r, ok = p.parseAt(lo)
		if ok && !r.compound && r.lcase == caseLower { // parseAt stops early on these
			p.infer(&r)
			p.scanFlags(&r)
		}
	}
	if !ok {
		return Marking{}, ErrNotMarking
	}
	end := r.end
	for end < hi && (b[end] == ']' || b[end] == ')' || b[end] == ' ') {
		end++
	}
	if end != hi {
		return Marking{}, ErrNotMarking
	}
	m := toMarking(&p, &r)
	m.Placement = pl
	return m, nil
}

// auCase restores the case the AU standard gives its mixed-case values.
var auCase = map[string]string{
	"PERSONAL-PRIVACY": "Personal-Privacy", "LEGAL-PRIVILEGE": "Legal-Privilege",
	"LEGISLATIVE-SECRECY": "Legislative-Secrecy", "SENSITIVE": "Sensitive",
	"SENSITIVE:PERSONAL": "Sensitive:Personal", "SENSITIVE:LEGAL": "Sensitive:Legal",
	"SENSITIVE:CABINET": "Sensitive:Cabinet", "FOR-OFFICIAL-USE-ONLY": "For-Official-Use-Only",
}

func toMarking(p *parser, r *result) Marking {
	m := Marking{Scheme: r.scheme, Level: r.level, Flags: r.flags, Alt: altList(r.alt)}
	m.Text = p.normText(r.start, r.end)
	for _, e := range r.el[:r.n] {
		v := p.normText(int(e.s), int(e.e))
		v = strings.ReplaceAll(v, " / ", "/")
		if c, ok := auCase[v]; ok && (r.scheme == AU) {
			v = c
		}
		switch e.kind {
		case ekPrefix:
			m.Prefix = v
		case ekDescriptor:
			m.Descriptors = append(m.Descriptors, v)
		case ekHandling:
			m.Handling = append(m.Handling, v)
		case ekCaveat:
			m.Caveats = append(m.Caveats, v)
		case ekCodeword:
			m.Codewords = append(m.Codewords, v)
		}
	}
	if m.Scheme == NATO {
		switch {
		case m.Level == TopSecret:
			m.Prefix = "COSMIC"
		default:
			m.Prefix = "NATO"
		}
	}
	m.Equivalent = equivalents(&m)
	return m
}

// equivalents lists the possible current UK GSCP levels of a legacy GPMS
// marking (MARKINGS.md section 4): a set, never a single guess.
func equivalents(m *Marking) []Level {
	switch m.Scheme {
	case UKGPMS:
		switch m.Level {
		case Unclassified, NotProtectivelyMarked:
			return []Level{Official}
		case Protect:
			if m.Flags&PersonalData != 0 {
				return []Level{Official, OfficialSensitive}
			}
			return []Level{Official}
		case Restricted:
			return []Level{Official, OfficialSensitive}
		case Confidential:
			return []Level{OfficialSensitive, Secret}
		case Secret:
			return []Level{Secret}
		case TopSecret:
			return []Level{TopSecret}
		}
	case AU:
		if m.Flags&Legacy != 0 && m.Level == OfficialSensitive {
			return []Level{OfficialSensitive}
		}
	}
	return nil
}

// normText folds t[s:e] to upper-case ASCII with single spaces.
func (p *parser) normText(s, e int) string {
	var b strings.Builder
	space := false
	for i := s; i < e; {
		c, n, bits := p.fold(i)
		i += n
		switch {
		case bits&bIgnore != 0:
			continue
		case c == ' ' || c == '\n':
			space = b.Len() > 0
			continue
		case c >= 0x80:
			c = '?'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
