package detect

// cueDelta sums the deltas of the cues of c present around the match
// view[s:e], each counted once.
func cueDelta(c *compiled, view []byte, s, e int) int {
	r := c.radius
	bLo, aHi := max(0, s-r), min(len(view), e+r)
	d := 0
	for i := range c.cues {
		cu := &c.cues[i]
		if (cu.side != After && hasWord(view, bLo, s, cu.word)) ||
			(cu.side != Before && hasWord(view, e, aHi, cu.word)) {
			d += cu.delta
		}
	}
	return d
}

// hasWord reports whether the lower-case word occurs whole in view[lo:hi],
// ignoring ASCII case, with a space in word matching a run of separators.
// Word boundaries are judged on the bytes of view around the occurrence.
func hasWord(view []byte, lo, hi int, word []byte) bool {
	w0 := word[0]
	for i := lo; i < hi; i++ {
		if lowerASCII(view[i]) != w0 || (i > 0 && isWordByte(view[i-1])) {
			continue
		}
		if end, ok := matchCue(view[:hi], i, word); ok && (end >= len(view) || !isWordByte(view[end])) {
			return true
		}
	}
	return false
}

func matchCue(b []byte, i int, word []byte) (int, bool) {
	for k := 0; k < len(word); k++ {
		if word[k] == ' ' {
			j := i
			for j < len(b) && isCueSep(b[j]) {
				j++
			}
			if j == i {
				return 0, false
			}
			i = j
			continue
		}
		if i >= len(b) || lowerASCII(b[i]) != word[k] {
			return 0, false
		}
		i++
	}
	return i, true
}

func isCueSep(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '-', '_', '.', ':':
		return true
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// equalFoldLower reports whether b equals the lower-case ASCII lower,
// ignoring ASCII case in b.
func equalFoldLower(b, lower []byte) bool {
	for i := range lower {
		if lowerASCII(b[i]) != lower[i] {
			return false
		}
	}
	return true
}
