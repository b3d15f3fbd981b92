package phone

import "github.com/tidemark/tidemark/detect"

var _ detect.RunFilter = (*Detector)(nil)

// isSepClass reports the classes of the bytes that can join two digit
// groups of a piece (see isSep and validSep): the last byte of a
// separator is ' ', '-', '.', '(', ')' or 0xA0 (no-break space), the first
// one ' ', '-', '.', '(', ')' or 0xC2. A run with a neighbour of any other
// class is the first (byte before) or last (byte after) group of its
// piece.
func isSepClass(c detect.ByteClass) bool {
	switch c {
	case detect.ClassSpace, detect.ClassDash, detect.ClassDot, detect.ClassOpen, detect.ClassClose, detect.ClassNonASCII:
		return true
	}
	return false
}

// AcceptRun implements [detect.RunFilter]. A run of digits inside a
// reported number is one digit group of a piece, so it is rejected when:
//
//   - a letter or '/' or '\' is next to it: the scanner's glue rules
//     (glueBefore, glueAfter) drop the first group of a piece glued to
//     such a byte, and groups inside a piece are next to separators;
//   - both neighbours are not separator bytes (so it is a piece of one
//     group, the whole number) and it has fewer than minIntlLen digits,
//     the fewest any candidate may have.
//
// Both hold whatever the region. The scanner needs a hit only in a run a
// candidate may start with: it examines the pieces of a stretch in order
// from the stretch's start whatever its hits (see Detect), so rejected
// runs cannot change how long runs of groups are skipped. A candidate's
// first group is not glued to the byte before it, is followed by
// another group if the candidate has more than one, and otherwise has at
// least minIntlLen digits: its run is accepted.
func (d *Detector) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date: glued (glueBefore, glueAfter)
	}
	switch s.Before {
	case detect.ClassUpper, detect.ClassLower, detect.ClassSlash, detect.ClassDigit:
		return false
	}
	switch s.After {
	case detect.ClassUpper, detect.ClassLower, detect.ClassSlash, detect.ClassDigit:
		return false
	}
	if !isSepClass(s.Before) && !isSepClass(s.After) && s.Len < minIntlLen {
		return false
	}
	return true
}
