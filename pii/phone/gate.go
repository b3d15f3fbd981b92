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

// AcceptRun implements [detect.RunFilter]. The scanner needs a hit only
// in a run a candidate may start with: it examines the pieces of a
// stretch in order from the stretch's start whatever its hits (see
// Detect), so rejected runs cannot change how long runs of groups are
// skipped. A run is rejected when:
//
//   - a letter or '/' or '\' is next to it: the scanner's glue rules
//     (glueBefore, glueAfter) drop the first group of a piece glued to
//     such a byte, and groups inside a piece are next to separators;
//   - it is the last group of its piece and of its stretch, and it has
//     fewer digits than a candidate of that one group needs: minIntlLen,
//     and for GB, unless '+' or '(' is before it, minGBLone. It is the
//     last group when the byte after it is not a separator byte (its
//     class is none of isSepClass's), or when that byte is one and the
//     next is an ASCII letter (UpperBeyond, LowerBeyond: "3 cats",
//     "900123 Today"),
//     which no stretch holds.
//
// Both hold whatever the region. A candidate's first group is not glued
// to the byte before it, is followed by another group if the candidate
// has more than one, and otherwise is the whole candidate: its run is
// accepted. The second rule only rejects runs that end their stretch, so
// that a rejected run's window never was the one that let the scanner see
// the start of a stretch of groups (a table) in front of a number of the
// same stretch.
func (d *Detector) AcceptRun(s detect.RunShape) bool {
	switch s.Token {
	case detect.TokenPlain:
	case detect.TokenSender:
		// A chat sender's number, "+44 7700 900123: ": its first run
		// only. Its three groups are one piece (single spaces join
		// them), mayStart takes a run after '+', and from that run
		// the scanner examines the whole piece (senderAt, or examine),
		// so the hits of the later runs are always skipped.
		return s.Before == detect.ClassPlus
	default:
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
	if isSepClass(s.After) && !s.UpperBeyond && !s.LowerBeyond {
		return true
	}
	if d.gb && s.Before != detect.ClassPlus && s.Before != detect.ClassOpen {
		return s.Len >= minGBLone
	}
	return s.Len >= minIntlLen
}

// minGBLone is the fewest digits of a GB candidate written as one group
// without '+': 00 and six digits (a national number has ten or eleven).
const minGBLone = 2 + minIntlLen
