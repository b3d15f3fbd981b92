package markings

// Placement analysis. Everything here reads at most radius bytes before
// the match start and after the match end (the detector contract).

type lineCtx struct {
	lineStart bool // only prefixes (chat, reply, subject, label, bracket, quote) precede the match on its line
	ownLine   bool // nothing but spaces and closing punctuation follows on the line
	chat      bool // a chat-export prefix was stripped
	subject   bool // "Subject:" or a reply/forward prefix was stripped
	label     bool // "Classification:" and the like
	header    bool // an "X-...:" header label
	bracket   bool // an opening bracket right before the match
	closeBr   bool // a closing bracket right after the match
}

func lowerB(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether t[i:] starts with the lower-case ASCII s.
func hasPrefixFold(t []byte, i, hi int, s string) bool {
	if i+len(s) > hi {
		return false
	}
	for k := 0; k < len(s); k++ {
		if lowerB(t[i+k]) != s[k] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// skipBlank skips spaces, tabs, CR and the invisible marks chat exports
// put at line start (U+200E, U+200F, U+FEFF, U+202A..U+202E).
func skipBlank(t []byte, i, hi int) int {
	for i < hi {
		switch {
		case t[i] == ' ' || t[i] == '\t' || t[i] == '\r':
			i++
		case i+2 < hi && t[i] == 0xE2 && t[i+1] == 0x80 && (t[i+2] == 0x8E || t[i+2] == 0x8F || 0xAA <= t[i+2] && t[i+2] <= 0xAF):
			i += 3
		case i+2 < hi && t[i] == 0xEF && t[i+1] == 0xBB && t[i+2] == 0xBF:
			i += 3
		case i+1 < hi && t[i] == 0xC2 && t[i+1] == 0xA0:
			i += 2
		default:
			return i
		}
	}
	return i
}

// chatPrefix skips a chat-export line prefix:
//
//	[12/03/2021, 09:14:55] Name: (iOS)
//	12/03/2021, 21:14 - Name: (Android)
func chatPrefix(t []byte, i, hi int) (int, bool) {
	j := i
	br := j < hi && t[j] == '['
	if br {
		j++
	}
	// date: digits and separators
	nd, ns := 0, 0
	for j < hi && (isDigit(t[j]) || t[j] == '/' || t[j] == '.' || t[j] == '-') && nd+ns < 12 {
		if isDigit(t[j]) {
			nd++
		} else {
			ns++
		}
		j++
	}
	if nd < 4 || ns != 2 || j >= hi || t[j] != ',' {
		return i, false
	}
	j++
	j = skipBlank(t, j, hi)
	// time: digits and colons, optional AM/PM
	nt := 0
	for j < hi && (isDigit(t[j]) || t[j] == ':') && nt < 9 {
		nt++
		j++
	}
	if nt < 4 {
		return i, false
	}
	j = skipBlank(t, j, hi)
	if j+1 < hi && (lowerB(t[j]) == 'a' || lowerB(t[j]) == 'p') && lowerB(t[j+1]) == 'm' {
		j += 2
		if j+1 < hi && t[j] == '.' {
			j++
		}
	}
	if br {
		if j >= hi || t[j] != ']' {
			return i, false
		}
		j++
		j = skipBlank(t, j, hi)
	} else {
		j = skipBlank(t, j, hi)
		if j >= hi || t[j] != '-' {
			return i, false
		}
		j = skipBlank(t, j+1, hi)
	}
	// name, up to ": "
	for k := 0; j < hi && k < 64; k++ {
		switch t[j] {
		case '\n':
			return i, false
		case ':':
			return skipBlank(t, j+1, hi), true
		}
		j++
	}
	return i, false
}

var replyPrefixes = [...]string{"re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "rv", "enc", "antw", "r"}

// replyPrefix skips one e-mail reply/forward prefix ("RE:", "Fwd:", "AW:").
func replyPrefix(t []byte, i, hi int) (int, bool) {
	for _, p := range replyPrefixes {
		if hasPrefixFold(t, i, hi, p) {
			j := i + len(p)
			if j < hi && t[j] == '[' { // RE[2]:
				for j < hi && j < i+len(p)+5 && t[j] != ']' {
					j++
				}
				j++
			}
			if j < hi && t[j] == ':' {
				return skipBlank(t, j+1, hi), true
			}
		}
	}
	return i, false
}

var labelPrefixes = [...]string{"security classification", "classification level", "classification",
	"protective marking", "protective-marking", "security marking", "marking", "sensitivity", "caveat",
	"classified", "marked"}

// labelPrefix skips "Classification:" and the like.
func labelPrefix(t []byte, i, hi int) (int, bool) {
	for _, p := range labelPrefixes {
		if hasPrefixFold(t, i, hi, p) {
			j := skipBlank(t, i+len(p), hi)
			if j < hi && (t[j] == ':' || t[j] == '=') {
				return skipBlank(t, j+1, hi), true
			}
		}
	}
	return i, false
}

// headerLabel skips an "X-Something:" header label.
func headerLabel(t []byte, i, hi int) (int, bool) {
	if !hasPrefixFold(t, i, hi, "x-") {
		return i, false
	}
	for j := i + 2; j < hi && j < i+48; j++ {
		c := t[j]
		switch {
		case c == ':':
			return skipBlank(t, j+1, hi), true
		case c == '-' || isDigit(c) || 'a' <= lowerB(c) && lowerB(c) <= 'z':
		default:
			return i, false
		}
	}
	return i, false
}

// analyse works out the placement context of the match t[s:e]. lo and hi
// bound what may be read (the window, cut to the radius).
func analyse(t []byte, s, e, radius int, atStart, atEnd bool) (c lineCtx) {
	// line start
	ls := s
	for ls > 0 && s-ls < radius && t[ls-1] != '\n' {
		ls--
	}
	known := ls > 0 && t[ls-1] == '\n' || ls == 0 && atStart
	if known {
		i := skipBlank(t, ls, s)
		for k := 0; k < 3 && i < s && (t[i] == '>' || t[i] == '*' || t[i] == '#' || t[i] == '-' && i+1 < s && t[i+1] == ' '); k++ {
			i = skipBlank(t, i+1, s)
		}
		if j, ok := chatPrefix(t, i, s); ok {
			c.chat = true
			i = j
		}
		if hasPrefixFold(t, i, s, "subject:") || hasPrefixFold(t, i, s, "subj:") || hasPrefixFold(t, i, s, "betreff:") {
			c.subject = true
			for i < s && t[i] != ':' {
				i++
			}
			i = skipBlank(t, i+1, s)
		}
		for k := 0; k < 4; k++ {
			j, ok := replyPrefix(t, i, s)
			if !ok {
				break
			}
			c.subject = true
			i = j
		}
		if j, ok := labelPrefix(t, i, s); ok {
			c.label = true
			i = j
		} else if j, ok := headerLabel(t, i, s); ok {
			c.header = true
			i = j
		}
		for k := 0; k < 3 && i < s && (t[i] == '[' || t[i] == '(' || t[i] == '*' || t[i] == '_' || t[i] == '"' || t[i] == '\''); k++ {
			if t[i] == '[' {
				c.bracket = true
			}
			i = skipBlank(t, i+1, s)
		}
		c.lineStart = i == s
	}
	if s > 0 && t[s-1] == '[' {
		c.bracket = true
	}
	// rest of the line
	j := e
	if j < len(t) && t[j] == ']' {
		c.closeBr = true
	}
	for j < len(t) && j-e < radius {
		b := t[j]
		if b == '\n' {
			c.ownLine = true
			return c
		}
		switch b {
		case ' ', '\t', '\r', ']', ')', '*', '_', '"', '\'', '.', '!':
			j++
			continue
		}
		if n := skipBlank(t, j, len(t)); n > j {
			j = n
			continue
		}
		return c
	}
	if j == len(t) && atEnd {
		c.ownLine = true
	}
	return c
}
