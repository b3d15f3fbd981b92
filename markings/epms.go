package markings

import "github.com/tidemark/tidemark/detect"

const (
	epmsMaxLen = 1024
	epmsRadius = 256 // also bounds the look-back for a header start
)

// NewEPMS returns a detector for the Australian Government Email
// Protective Marking Standard: subject markings "[SEC=OFFICIAL:Sensitive,
// ACCESS=Personal-Privacy]", legacy "[DLM=Sensitive]" (EPMS 2012), and
// X-Protective-Marking header fields ("X-Protective-Marking: VER=2018.4,
// NS=gov.au, SEC=PROTECTED, CAVEAT=SH:CABINET, ORIGIN=...") including
// RFC 5322 folding over several lines.
//
// Validation: SEC= must hold a known classification (UNOFFICIAL,
// OFFICIAL, OFFICIAL:Sensitive, PROTECTED, SECRET, TOP-SECRET, and the
// 2012 values UNCLASSIFIED, CONFIDENTIAL, HIGHLY-PROTECTED), or DLM= a
// known marker. The standard's literals are case-sensitive; other cases,
// a space after the colon and separators other than ", " are accepted and
// flagged NonCanonical. Subject markings need their square brackets;
// headers must start a line.
//
// Triggers: the keywords "sec=", "dlm=" and "x-protective-marking"
// (anchored on '=' and 'x').
//
// Score: header 95, subject 90, a bracketed marking elsewhere 80.
// Known false negatives: unbracketed SEC= values outside a header.
func NewEPMS() detect.Detector { return epmsDetector{} }

type epmsDetector struct{}

var (
	_ detect.Detector = epmsDetector{}
	_ detect.Detailer = epmsDetector{}
)

func (epmsDetector) Spec() detect.Spec {
	return detect.Spec{
		ID:          IDEPMS,
		Kind:        KindMarking,
		Triggers:    detect.Triggers{Keywords: []string{"sec=", "dlm=", "x-protective-marking"}},
		MaxLen:      epmsMaxLen,
		Cues:        detect.Cues{Radius: epmsRadius},
		Description: "Australian EPMS subject markings [SEC=...] and X-Protective-Marking headers",
	}
}

func (epmsDetector) Detail(f detect.Finding, match []byte) (any, error) { return detail(f, match) }

func (epmsDetector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	lastEnd := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < lastEnd {
			continue
		}
		var (
			r     result
			ok    bool
			pl    Placement
			score int
		)
		if hs, in := headerStart(t, h, w.AtStart); in {
			if hs < lastEnd {
				continue
			}
			p := parser{t: t, hi: min(len(t), hs+epmsMaxLen)}
			r, ok = p.epmsHeader(hs)
			pl, score = Header, 95
		} else {
			// bracketed subject form
			b := h - 1
			for b >= 0 && h-b < 4 && t[b] == ' ' {
				b--
			}
			if b < 0 || t[b] != '[' || b < lastEnd {
				continue
			}
			p := parser{t: t, hi: min(len(t), b+epmsMaxLen)}
			r, ok = p.epms(b)
			pl, score = Bracketed, 80
			if ok && subjectLine(t, b, w.AtStart) {
				pl, score = Subject, 90
			}
		}
		if !ok {
			continue
		}
		lastEnd = r.end
		if r.end >= len(t) && !w.AtEnd {
			continue
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(r.start), End: w.Base + int64(r.end),
			Kind: KindMarking, Score: score, Info: pack(&r, pl)})
	}
	return dst, nil
}

// headerStart reports whether the hit at h is in an X-Protective-Marking
// header (the hit itself, or a folded continuation of one) and where the
// header starts.
func headerStart(t []byte, h int, atStart bool) (int, bool) {
	i := h
	for k := 0; k < 8; k++ {
		ls := i
		for ls > 0 && h-ls < epmsRadius && t[ls-1] != '\n' {
			ls--
		}
		if ls > 0 && t[ls-1] != '\n' || ls == 0 && !atStart {
			return 0, false
		}
		j := ls
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		if j == ls { // not a continuation line
			if hasPrefixFold(t, ls, len(t), "x-protective-marking") {
				return ls, true
			}
			return 0, false
		}
		if ls == 0 {
			return 0, false
		}
		i = ls - 1
	}
	return 0, false
}

// subjectLine reports whether the line holding position i starts with
// "Subject:" (after a chat prefix or spaces).
func subjectLine(t []byte, i int, atStart bool) bool {
	ls := i
	for ls > 0 && i-ls < epmsRadius && t[ls-1] != '\n' {
		ls--
	}
	if ls > 0 && t[ls-1] != '\n' || ls == 0 && !atStart {
		return false
	}
	j := skipBlank(t, ls, i)
	if k, ok := chatPrefix(t, j, i); ok {
		j = k
	}
	return hasPrefixFold(t, j, i, "subject:")
}

// epmsHeader parses "X-Protective-Marking:" and its value, unfolding
// continuation lines.
func (p *parser) epmsHeader(i int) (r result, ok bool) {
	const name = "x-protective-marking"
	j := i + len(name)
	if j >= p.hi || p.t[j] != ':' {
		return r, false
	}
	if string(p.t[i:j]) != "X-Protective-Marking" {
		r.flags |= NonCanonical
	}
	r, ok = p.epmsFields(r, j+1, false)
	r.start = i
	return r, ok
}

// epms parses a subject marking "[SEC=..., ...]" starting at the '['.
func (p *parser) epms(i int) (r result, ok bool) {
	br := p.t[i] == '['
	j := i
	if br {
		j++
	}
	r, ok = p.epmsFields(r, j, br)
	r.start = i
	return r, ok
}

// epmsFields parses the comma-separated KEY=value list; in a subject
// (bracketed) form it must end with ']'.
func (p *parser) epmsFields(r result, i int, bracketed bool) (result, bool) {
	t := p.t
	r.scheme = AU
	haveSec := false
	first := true
	for n := 0; n < 24; n++ {
		// folding white space
		for i < p.hi && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n' && !bracketed && i+1 < p.hi && (t[i+1] == ' ' || t[i+1] == '\t')) {
			i++
		}
		if !first {
			if i >= p.hi || t[i] != ',' {
				break
			}
			i++
			for i < p.hi && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n' && !bracketed && i+1 < p.hi && (t[i+1] == ' ' || t[i+1] == '\t')) {
				i++
			}
		}
		// KEY=
		ks := i
		for i < p.hi && i-ks < 10 && ('A' <= t[i] && t[i] <= 'Z' || 'a' <= t[i] && t[i] <= 'z') {
			i++
		}
		if i >= p.hi || t[i] != '=' || i == ks {
			if first {
				return r, false
			}
			break
		}
		key := t[ks:i]
		i++
		vs := i
		for i < p.hi && t[i] != ',' && t[i] != ']' && t[i] != '\n' && t[i] != '\r' && i-vs < 256 {
			if t[i] == '\\' && i+1 < p.hi {
				i++
			}
			i++
		}
		ve := i
		for ve > vs && t[ve-1] == ' ' {
			ve--
		}
		if ve == vs {
			return r, false
		}
		switch {
		case equalFold(key, "SEC"):
			lvl, canon := epmsLevel(t[vs:ve])
			if lvl == LevelNone || haveSec {
				return r, false
			}
			if !canon {
				r.flags |= NonCanonical
			}
			if lvl == Unclassified || lvl == Confidential {
				r.flags |= Legacy
			}
			r.level, haveSec = lvl, true
		case equalFold(key, "DLM"):
			lvl := dlmLevel(t[vs:ve])
			if lvl == LevelNone {
				return r, false
			}
			if !haveSec {
				r.level, haveSec = lvl, true
			}
			r.flags |= Legacy
			if equalFold(t[vs:ve], "Sensitive:Personal") {
				r.flags |= PersonalData
			}
			r.add(ekDescriptor, vs, ve)
		case equalFold(key, "CAVEAT"):
			r.add(ekCaveat, vs, ve)
		case equalFold(key, "ACCESS"):
			if equalFold(t[vs:ve], "Personal-Privacy") {
				r.flags |= PersonalData
			}
			r.add(ekDescriptor, vs, ve)
		case equalFold(key, "VER"), equalFold(key, "NS"), equalFold(key, "EXPIRES"), equalFold(key, "DOWNTO"),
			equalFold(key, "NOTE"), equalFold(key, "ORIGIN"):
		default:
			if first {
				return r, false
			}
		}
		if !isUpperKey(key) {
			r.flags |= NonCanonical
		}
		r.end = ve
		first = false
	}
	if !haveSec {
		return r, false
	}
	if bracketed {
		j := r.end
		for j < p.hi && t[j] == ' ' {
			j++
		}
		if j >= p.hi || t[j] != ']' {
			return r, false
		}
		r.end = j + 1
	}
	if r.level < Protected && r.level != Secret && r.level != TopSecret {
		for _, e := range r.el[:r.n] {
			if e.kind == ekCaveat && !equalFold(t[e.s:e.e], "SH:NATIONAL-CABINET") {
				r.flags |= PolicyInvalid
			}
		}
	}
	return r, true
}

func isUpperKey(k []byte) bool {
	for _, c := range k {
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		if lowerB(b[i]) != lowerB(s[i]) {
			return false
		}
	}
	return true
}

// epmsLevel maps a SEC= value to a level and reports whether it was
// written exactly as the standard writes it.
func epmsLevel(v []byte) (Level, bool) {
	for _, x := range [...]struct {
		s string
		l Level
	}{
		{"UNOFFICIAL", Unofficial}, {"OFFICIAL", Official}, {"OFFICIAL:Sensitive", OfficialSensitive},
		{"PROTECTED", Protected}, {"SECRET", Secret}, {"TOP-SECRET", TopSecret},
		{"UNCLASSIFIED", Unclassified}, {"CONFIDENTIAL", Confidential}, {"HIGHLY-PROTECTED", Protected},
	} {
		if string(v) == x.s {
			return x.l, true
		}
		if equalFold(v, x.s) {
			return x.l, false
		}
	}
	// lenient forms: "OFFICIAL: Sensitive", "OFFICIAL-Sensitive", "TOP SECRET"
	if len(v) > 9 && equalFold(v[:8], "OFFICIAL") && (v[8] == ':' || v[8] == '-' || v[8] == ' ') {
		j := 9
		for j < len(v) && v[j] == ' ' {
			j++
		}
		if equalFold(v[j:], "Sensitive") {
			return OfficialSensitive, false
		}
	}
	if equalFold(v, "TOP SECRET") {
		return TopSecret, false
	}
	return LevelNone, false
}

func dlmLevel(v []byte) Level {
	switch {
	case equalFold(v, "For-Official-Use-Only"):
		return Official
	case equalFold(v, "Sensitive"), equalFold(v, "Sensitive:Personal"), equalFold(v, "Sensitive:Legal"),
		equalFold(v, "Sensitive:Cabinet"):
		return OfficialSensitive
	}
	return LevelNone
}
