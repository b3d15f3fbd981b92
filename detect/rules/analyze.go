package rules

import (
	"errors"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
)

// errNoAnalysis means the pattern uses syntax the analyser does not
// understand; the rule must then declare its triggers and max_len.
var errNoAnalysis = errors.New("pattern uses syntax the trigger analysis does not support")

// analysis is what can be proved about a pattern's matches from its
// syntax: a sound trigger set and the longest match in bytes.
type analysis struct {
	triggers detect.Triggers // zero when none could be derived
	maxLen   int             // 0: unbounded (or too long to say)
}

// analyze derives triggers and a length bound for pattern as compiled by
// regexp2 in the given mode. It rewrites the pattern into a superset
// language that Go's regexp/syntax can parse (look-around removed, atomic
// groups made plain, back-references widened to any text, .NET's Unicode
// shorthand classes spelled out), so everything it proves about the
// rewritten pattern holds for the original.
func analyze(pattern string, mode Syntax, ignoreCase bool) (analysis, error) {
	rw, err := rewrite(pattern, mode)
	if err != nil {
		return analysis{}, err
	}
	flags := syntax.Perl
	if ignoreCase {
		flags |= syntax.FoldCase
	}
	re, err := syntax.Parse(rw, flags)
	if err != nil {
		return analysis{}, errNoAnalysis
	}
	re = re.Simplify()
	var a analysis
	if n, ok := maxWidth(re); ok && n <= detect.MaxMaxLen {
		a.maxLen = n
	}
	a.triggers = chooseTriggers(required(re))
	return a, nil
}

// rewrite turns a regexp2 pattern into an RE2 pattern whose language
// contains the original's. It fails on constructs it cannot widen safely.
func rewrite(p string, mode Syntax) (string, error) {
	var b strings.Builder
	i := 0
	// escape handles the escape at p[i] ('\\'), inside a class or not,
	// and returns the index after it.
	escape := func(inClass bool) (int, error) {
		if i+1 >= len(p) {
			return 0, errNoAnalysis
		}
		c := p[i+1]
		switch {
		case mode == DotNet && strings.IndexByte("dDwWsS", c) >= 0:
			s := map[byte]string{
				'd': `\p{Nd}`, 'w': `\p{L}\p{Mn}\p{Nd}\p{Pc}`, 's': `\s\p{Z}\x{85}`,
			}[c|0x20]
			switch {
			case c >= 'a':
				if inClass {
					b.WriteString(s)
				} else {
					b.WriteString("[" + s + "]")
				}
			case inClass:
				return 0, errNoAnalysis // a negated shorthand inside a class
			default:
				b.WriteString("[^" + s + "]")
			}
			return i + 2, nil
		case !inClass && '1' <= c && c <= '9', !inClass && c == 'k':
			// A back-reference: any text at all.
			j := i + 2
			if c == 'k' {
				if j >= len(p) || (p[j] != '<' && p[j] != '\'') {
					return 0, errNoAnalysis
				}
				end := strings.IndexAny(p[j+1:], ">'")
				if end < 0 {
					return 0, errNoAnalysis
				}
				j += end + 2
			} else {
				for j < len(p) && '0' <= p[j] && p[j] <= '9' {
					j++
				}
			}
			b.WriteString(`(?s:.*)`)
			return j, nil
		case c == 'Z' || c == 'G':
			if inClass {
				return 0, errNoAnalysis
			}
			return i + 2, nil // empty-width anchors: drop
		case c == 'u':
			if i+6 > len(p) {
				return 0, errNoAnalysis
			}
			b.WriteString(`\x{` + p[i+2:i+6] + `}`)
			return i + 6, nil
		case c == 'e':
			b.WriteString(`\x1b`)
			return i + 2, nil
		case c == 'c' || c == 'R' || c == 'X' || c == 'K':
			return 0, errNoAnalysis
		}
		b.WriteString(p[i : i+2])
		return i + 2, nil
	}
	for i < len(p) {
		c := p[i]
		switch {
		case c == '\\':
			j, err := escape(false)
			if err != nil {
				return "", err
			}
			i = j
		case c == '[':
			b.WriteByte('[')
			i++
			if i < len(p) && p[i] == '^' {
				b.WriteByte('^')
				i++
			}
			if i < len(p) && p[i] == ']' {
				b.WriteString(`\]`)
				i++
			}
			for {
				if i >= len(p) {
					return "", errNoAnalysis
				}
				if p[i] == ']' {
					b.WriteByte(']')
					i++
					break
				}
				if p[i] == '\\' {
					j, err := escape(true)
					if err != nil {
						return "", err
					}
					i = j
					continue
				}
				if p[i] == '-' && i+1 < len(p) && p[i+1] == '[' {
					return "", errNoAnalysis // .NET class subtraction
				}
				if p[i] == '[' && i+1 < len(p) && p[i+1] != ':' {
					b.WriteString(`\[`)
					i++
					continue
				}
				b.WriteByte(p[i])
				i++
			}
		case c == '(' && strings.HasPrefix(p[i:], "(?"):
			rest := p[i+2:]
			switch {
			case strings.HasPrefix(rest, "="), strings.HasPrefix(rest, "!"),
				strings.HasPrefix(rest, "<="), strings.HasPrefix(rest, "<!"):
				// Look-around constrains where a match may be, never what it
				// contains: dropping it widens the language.
				j, err := skipGroup(p, i)
				if err != nil {
					return "", err
				}
				i = j
			case strings.HasPrefix(rest, ">"):
				b.WriteString("(?:")
				i += 3
			case strings.HasPrefix(rest, "#"):
				end := strings.IndexByte(rest, ')')
				if end < 0 {
					return "", errNoAnalysis
				}
				i += 2 + end + 1
			case strings.HasPrefix(rest, "'"):
				end := strings.IndexByte(rest[1:], '\'')
				if end < 0 {
					return "", errNoAnalysis
				}
				b.WriteString("(?:")
				i += 2 + 1 + end + 1
			case strings.HasPrefix(rest, "<"), strings.HasPrefix(rest, "P<"), strings.HasPrefix(rest, ":"):
				b.WriteString("(?")
				i += 2
			case strings.HasPrefix(rest, "("):
				return "", errNoAnalysis // conditional
			default:
				// Inline flags: (?imsx-imsx) or (?imsx-imsx:...). Keep those RE2
				// knows; 'n' (explicit capture) changes nothing we analyse.
				j := 0
				for j < len(rest) && strings.IndexByte("imnsxU-", rest[j]) >= 0 {
					j++
				}
				if j >= len(rest) || (rest[j] != ')' && rest[j] != ':') {
					return "", errNoAnalysis
				}
				flags := strings.ReplaceAll(rest[:j], "n", "")
				if strings.ContainsRune(flags, 'x') {
					return "", errNoAnalysis
				}
				if strings.Trim(flags, "-") == "" {
					if rest[j] == ':' {
						b.WriteString("(?:")
					}
				} else {
					b.WriteString("(?" + strings.TrimSuffix(flags, "-") + rest[j:j+1])
				}
				i += 2 + j + 1
			}
		case (c == '+') && i > 0 && strings.IndexByte("*+?}", p[i-1]) >= 0 && (i < 2 || p[i-2] != '\\'):
			i++ // possessive quantifier: the plain one matches a superset
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

// skipGroup returns the index after the group opened at p[i] ('('),
// honouring escapes, classes and nesting.
func skipGroup(p string, i int) (int, error) {
	depth := 0
	inClass := false
	for ; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if i+1 < len(p) && p[i+1] == '^' {
				i++
			}
			if i+1 < len(p) && p[i+1] == ']' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, errNoAnalysis
}

// maxWidth returns the longest match of re in UTF-8 bytes, if bounded.
// Invalid input bytes decode to U+FFFD, one rune per byte, so a rune
// never stands for more than utf8.UTFMax bytes.
func maxWidth(re *syntax.Regexp) (int, bool) {
	const big = 1 << 20
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeWidth(r, re.Flags&syntax.FoldCase != 0)
		}
		return n, true
	case syntax.OpCharClass:
		w := 0
		for k := 1; k < len(re.Rune); k += 2 {
			w = max(w, utf8.RuneLen(re.Rune[k]))
		}
		if w < 0 {
			w = utf8.UTFMax
		}
		return w, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax, true
	case syntax.OpCapture:
		return maxWidth(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if n, ok := maxWidth(re.Sub[0]); ok && n == 0 {
			return 0, true
		}
		return 0, false
	case syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpRepeat:
		n, ok := maxWidth(re.Sub[0])
		if !ok {
			return 0, false
		}
		if re.Max < 0 {
			return 0, n == 0
		}
		return min(big, n*re.Max), true
	case syntax.OpConcat:
		t := 0
		for _, s := range re.Sub {
			n, ok := maxWidth(s)
			if !ok {
				return 0, false
			}
			t = min(big, t+n)
		}
		return t, true
	case syntax.OpAlternate:
		t := 0
		for _, s := range re.Sub {
			n, ok := maxWidth(s)
			if !ok {
				return 0, false
			}
			t = max(t, n)
		}
		return t, true
	}
	return 0, false
}

// runeWidth is the widest UTF-8 encoding of r, or of any rune that folds
// to it when fold is set.
func runeWidth(r rune, fold bool) int {
	w := utf8.RuneLen(r)
	if w < 0 {
		w = utf8.UTFMax
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			w = max(w, utf8.RuneLen(f))
		}
	}
	return w
}

// reqs are the trigger options proved for a sub-expression: every match
// of it contains one of kws (ASCII, compared without case) and one of the
// bytes in set. Either may be absent.
type reqs struct {
	kws    []string
	hasKws bool
	set    [256]bool
	hasSet bool
}

// required computes the trigger options of re.
func required(re *syntax.Regexp) reqs {
	var r reqs
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		if kw := longestKeyword(re.Rune, fold); kw != "" {
			r.kws, r.hasKws = []string{kw}, true
		}
		// The rarest single character that is safe as a byte trigger.
		for _, c := range re.Rune {
			if set, ok := runeBytes(c, fold); ok && (!r.hasSet || setCost(&set) < setCost(&r.set)) {
				r.set, r.hasSet = set, true
			}
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return r
		}
		var set [256]bool
		for k := 0; k < len(re.Rune); k += 2 {
			lo, hi := re.Rune[k], re.Rune[k+1]
			for c := lo; c <= min(hi, 0x7f); c++ {
				set[c] = true
			}
			if hi >= 0x80 {
				// Non-ASCII runes: trigger on every lead byte they can have.
				// U+FFFD also stands for invalid bytes (0x80..0xff).
				a, z := max(lo, 0x80), min(hi, unicode.MaxRune)
				if 0xD800 <= a && a <= 0xDFFF {
					a = 0xE000
				}
				if 0xD800 <= z && z <= 0xDFFF {
					z = 0xD7FF
				}
				if a > z {
					continue
				}
				if a <= utf8.RuneError && utf8.RuneError <= z {
					for c := 0x80; c <= 0xff; c++ {
						set[c] = true
					}
				}
				var buf [utf8.UTFMax]byte
				utf8.EncodeRune(buf[:], a)
				first := buf[0]
				utf8.EncodeRune(buf[:], z)
				for c := int(first); c <= int(buf[0]); c++ {
					set[c] = true
				}
			}
		}
		r.set, r.hasSet = set, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			sr := required(s)
			if sr.hasKws && (!r.hasKws || kwCost(sr.kws) < kwCost(r.kws)) {
				r.kws, r.hasKws = sr.kws, true
			}
			if sr.hasSet && (!r.hasSet || setCost(&sr.set) < setCost(&r.set)) {
				r.set, r.hasSet = sr.set, true
			}
		}
	case syntax.OpAlternate:
		r.hasKws, r.hasSet = true, true
		for _, s := range re.Sub {
			sr := required(s)
			if sr.hasKws && r.hasKws {
				r.kws = append(r.kws, sr.kws...)
			} else {
				r.hasKws, r.kws = false, nil
			}
			if !sr.hasSet && sr.hasKws {
				sr.set, sr.hasSet = kwFirstBytes(sr.kws), true
			}
			if sr.hasSet && r.hasSet {
				for c, ok := range sr.set {
					r.set[c] = r.set[c] || ok
				}
			} else {
				r.hasSet = false
			}
		}
		if !r.hasSet {
			r.set = [256]bool{}
		}
	}
	if r.hasKws && !r.hasSet {
		r.set, r.hasSet = kwFirstBytes(r.kws), true
	}
	return r
}

// longestKeyword returns the longest run of the literal usable as an
// ASCII keyword trigger. Under case folding, 'k' and 's' are excluded:
// they also match KELVIN SIGN and LONG S, which a case-insensitive ASCII
// keyword would miss.
func longestKeyword(rs []rune, fold bool) string {
	best, cur := "", []byte{}
	for _, c := range rs {
		ok := c < utf8.RuneSelf
		if fold && (c|0x20 == 'k' || c|0x20 == 's') {
			ok = false
		}
		if ok {
			cur = append(cur, byte(c))
			if len(cur) > len(best) {
				best = string(cur)
			}
			continue
		}
		cur = cur[:0]
	}
	if len(best) > detect.MaxKeywordLen {
		best = best[:detect.MaxKeywordLen]
	}
	return best
}

// runeBytes returns the bytes that must begin the text matched by the
// literal rune c: its own first byte, and under folding those of its
// case variants.
func runeBytes(c rune, fold bool) ([256]bool, bool) {
	var set [256]bool
	add := func(r rune) bool {
		if r == utf8.RuneError {
			return false
		}
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		set[buf[0]] = true
		return true
	}
	if !add(c) {
		return set, false
	}
	if fold {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if !add(f) {
				return set, false
			}
		}
	}
	return set, true
}

func kwFirstBytes(kws []string) [256]bool {
	var set [256]bool
	for _, k := range kws {
		c := k[0]
		set[c] = true
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			set[c|0x20], set[c&^0x20] = true, true
		}
	}
	return set
}

// kwCost estimates how often a keyword set fires: short keywords fire
// more.
func kwCost(kws []string) int {
	c := 0
	for _, k := range kws {
		c += 1000 >> min(len(k), 9)
	}
	return c
}

// setCost estimates how often a byte set fires: lower-case letters and
// spaces are common in text, digits and punctuation less so.
func setCost(set *[256]bool) int {
	c := 0
	for b, ok := range set {
		if !ok {
			continue
		}
		switch {
		case b == ' ' || 'a' <= b && b <= 'z':
			c += 40
		case 'A' <= b && b <= 'Z', b == '\n':
			c += 12
		case '0' <= b && b <= '9', b >= 0x80:
			c += 4
		default:
			c += 2
		}
	}
	return c
}

// maxSetCost is the most common byte set accepted as derived triggers:
// about all lower-case letters. Broader sets must be declared.
const maxSetCost = 1100

// chooseTriggers picks keywords when they are long enough to be selective,
// else the byte set, else nothing.
func chooseTriggers(r reqs) detect.Triggers {
	if r.hasKws {
		short := false
		for _, k := range r.kws {
			if len(k) < 3 {
				short = true
			}
		}
		if !short || !r.hasSet || kwCost(r.kws)*4 < setCost(&r.set) {
			return detect.Triggers{Keywords: dedupFold(r.kws)}
		}
	}
	if r.hasSet {
		var b []byte
		for c, ok := range r.set {
			if ok {
				b = append(b, byte(c))
			}
		}
		if len(b) > 0 && setCost(&r.set) <= maxSetCost {
			return detect.Triggers{Bytes: string(b)}
		}
	}
	return detect.Triggers{}
}

func dedupFold(kws []string) []string {
	var out []string
	for _, k := range kws {
		dup := false
		for _, o := range out {
			if strings.EqualFold(o, k) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, k)
		}
	}
	return out
}
