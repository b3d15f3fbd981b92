package detect

import "bytes"

// cueDelta sums the deltas of the cues of c present around the match
// view[s:e], each counted once. Each side's region is scanned once: at
// every word start, only the cues beginning with that byte are compared.
func cueDelta(c *compiled, view []byte, s, e int) int {
	r := c.radius
	lo, hi := max(0, s-r), min(len(view), e+r)
	if c.sameLine {
		if i := bytes.LastIndexByte(view[lo:s], '\n'); i >= 0 {
			lo += i + 1
		}
		if i := bytes.IndexByte(view[e:hi], '\n'); i >= 0 {
			hi = e + i
		}
	}
	var seen [4]uint64 // bit i: cue i found (up to 255 cues)
	scanCues(c, view, lo, s, Before, &seen)
	scanCues(c, view, e, hi, After, &seen)
	d := 0
	for i := range c.cues {
		if seen[i>>6]>>(i&63)&1 != 0 {
			d += c.cues[i].delta
		}
	}
	return d
}

// scanCues marks in seen the cues allowed on side that occur whole in
// view[lo:hi], ignoring ASCII case, with a space in a cue matching a run
// of separators. Word boundaries are judged on the bytes of view around
// the occurrence.
func scanCues(c *compiled, view []byte, lo, hi int, side Side, seen *[4]uint64) {
	for i := lo; i < hi; i++ {
		if i > 0 && isWordByte(view[i-1]) {
			continue
		}
		idx := c.byFirst[lowerASCII(view[i])]
		for _, k := range idx {
			cu := &c.cues[k]
			if cu.side != Both && cu.side != side || seen[k>>6]>>(k&63)&1 != 0 {
				continue
			}
			if end, ok := matchCue(view[:hi], i, cu.word); ok && (end >= len(view) || !isWordByte(view[end])) {
				seen[k>>6] |= 1 << (k & 63)
			}
		}
	}
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
