package pii

import "github.com/tidemark/tidemark/detect"

// Run filters of the UK identifier detectors (see detect.RunFilter). Each
// AcceptRun accepts every shape (length, neighbour classes) that a run of
// digits inside a match its Detect code reports can have, at any score,
// and rejects the rest: chat timestamps, times, money, years, ordinals.
// A run's neighbours are never digits. The shapes follow the code, not
// the doc comments; keep them in step with it.
//
// Every filter rejects the runs of clock times and dates
// (detect.TokenClock, detect.TokenDate: "09:14:55", "12/03/2021"), the
// digits on every line of a chat export: ukNumBefore and ukNumAfter (and
// the postcode, licence and vehicle shapes, which put letters next to
// digits) never let a match start or end at a ':' or '/' beside a digit,
// and no identifier has ':' or '/' between its digit groups.
//
// Every filter also rejects the runs of a chat sender's number
// (detect.TokenSender: "+44 7700 900123: "). Their shapes in the plain
// variants are ones every filter here rejects anyway: the first run has
// a '+' before it and two digits, the second is a group of four between
// a group of two and one of six, the third a group of six glued to ':'.
//
// A digit group of a number written in groups (3-3-4, 2-2-2, "980 7806
// 84") is joined by its single separator to the group before or after it
// (detect.RunShape.JoinBefore, JoinAfter), so the group rules require
// the join: a lone "10" or "123" in a sentence reaches none of them.

var (
	_ detect.RunFilter = ukPostcode{}
	_ detect.RunFilter = ukNINO{}
	_ detect.RunFilter = ukNHS{}
	_ detect.RunFilter = ukCHI{}
	_ detect.RunFilter = ukHC{}
	_ detect.RunFilter = ukLicence{}
	_ detect.RunFilter = ukVehicle{}
	_ detect.RunFilter = ukUTR{}
	_ detect.RunFilter = ukVAT{}
	_ detect.RunFilter = ukSortCode{}
)

// gateLetter reports whether c is an ASCII letter.
func gateLetter(c detect.ByteClass) bool { return c == detect.ClassUpper || c == detect.ClassLower }

// gateSep reports whether c may be a group separator (space or dash;
// ClassDash also holds '_', which only widens the filter), for the UK
// identifiers and card groups alike.
func gateSep(c detect.ByteClass) bool { return c == detect.ClassSpace || c == detect.ClassDash }

// ukGateNumBefore is what ukNumBefore allows just before a number: no
// letter (nor digit) and no '+' ('#' shares ClassPunct, so it is kept).
func ukGateNumBefore(c detect.ByteClass) bool { return !gateLetter(c) && c != detect.ClassPlus }

// ukGateTen accepts the runs a ten-digit candidate of ukTenIter starts
// from: ten plain digits, and the first group of 3-3-4 groups (plus 6-4
// with six4, 5-5 with five) separated by a space or a dash; withK lets a
// plain number carry a K on one side. These are anchor filters (see
// detect.RunFilter): ukTenIter starts a candidate only at the first run
// of it (a hit in a later group starts a candidate of that group's
// length, which a 4-digit group never is, and whose own next group
// would have to follow), so the later groups (the 4 of 3-3-4 and 6-4,
// the second 5 of 5-5) need no hit.
func ukGateTen(s detect.RunShape, six4, five, withK bool) bool {
	b, a := s.Before, s.After
	switch s.Len {
	case 10:
		if withK {
			// K1234567890 (letter before, none after), 1234567890K
			// (letter after, ukNumBefore before) or neither.
			return b != detect.ClassPlus && !(gateLetter(b) && gateLetter(a))
		}
		return ukGateNumBefore(b) && !gateLetter(a)
	case 3: // a first group of 3-3-4, joined to the next
		return ukGateNumBefore(b) && gateSep(a) && s.JoinAfter
	case 6: // the first group of 6-4
		return six4 && ukGateNumBefore(b) && gateSep(a) && s.JoinAfter
	case 5: // the first group of 5-5
		return five && ukGateNumBefore(b) && gateSep(a) && s.JoinAfter
	}
	return false
}

// AcceptRun: outward-code digits (1-2, or up to 3 where an unspaced
// inward digit follows) after a letter; the inward digit after a space
// or a letter, before a letter; BFPO numbers of 1-4 digits after "BFPO"
// or "BFPO ", before a non-letter (after "BFPO " never joined to a run
// before it: the byte before the space is the O). Detect reports a match
// only for the whole token (ukAlnumRun) around a hit, so every run of a
// match has one of these shapes; it rejects the others:
//   - A letter, then a letter of the other case, after the run
//     (UpperBeyond after a lower-case After, LowerBeyond after an
//     upper-case one: "4Gb"): a code is all upper or all lower case, and
//     after the letter that follows its digits comes a space (A9A 9AA),
//     a digit (the unspaced inward code) or a letter of its own case
//     (the inward letters after an unspaced inward digit).
//   - One digit after a space and before a letter not followed by a
//     letter of the same case ("9a,", "3pm." is kept): such a run is only
//     ever an inward code or the 0 of GIR 0AA, both three bytes, a digit
//     and two letters of one case (and an inward code reached first, a
//     token starting with its digit, is read as upper case).
//   - A BFPO number (the only match whose run ends before neither a
//     letter nor a space and a digit) that cannot end its token or its
//     number: before '.' or '-'/'_' and then a letter or digit (a token
//     glued on, ukTokenEnd; "3.5", "10-12"), or before ',' and a digit
//     with at most three digits (a thousands group, ukNumAfter: "10,5").
func (ukPostcode) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	glued := (s.After == detect.ClassDot || s.After == detect.ClassDash) && (s.JoinAfter || s.UpperBeyond || s.LowerBeyond) ||
		s.After == detect.ClassComma && s.JoinAfter && s.Len <= 3
	switch {
	case gateLetter(s.Before):
		switch s.After {
		case detect.ClassUpper:
			return s.Len <= 3 && !s.LowerBeyond
		case detect.ClassLower:
			return s.Len <= 3 && !s.UpperBeyond
		case detect.ClassSpace:
			return s.Len <= 4
		}
		return s.Len <= 4 && !glued
	case s.Before == detect.ClassSpace:
		if gateLetter(s.After) {
			return s.Len == 1 && (s.After == detect.ClassUpper && s.UpperBeyond || s.After == detect.ClassLower && s.LowerBeyond)
		}
		return s.Len <= 4 && !s.JoinBefore && !glued
	}
	return false
}

// AcceptRun: the run Detect starts from (an anchor filter, see
// detect.RunFilter): six digits, or the first two-digit group followed
// by a space or dash and the next group, right after the prefix letters
// or one space or dash after them. A run joined to an earlier run of
// digits has digits, not the prefix letters, two or three bytes before
// it, so no NINO starts there; the later groups need no hit.
func (ukNINO) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	if !gateLetter(s.Before) && !gateSep(s.Before) || s.JoinBefore {
		return false
	}
	switch s.Len {
	case 6:
		return true
	case 2: // the first group, joined by its separator to the next
		return gateSep(s.After) && s.JoinAfter
	}
	return false
}

// AcceptRun: ten plain digits or 3-3-4 groups, no letter on either side.
func (ukNHS) AcceptRun(s detect.RunShape) bool {
	return s.Token == detect.TokenPlain && ukGateTen(s, false, false, false)
}

// AcceptRun: ten plain digits, 6-4 or 3-3-4 groups, no letter either side.
func (ukCHI) AcceptRun(s detect.RunShape) bool {
	return s.Token == detect.TokenPlain && ukGateTen(s, true, false, false)
}

// AcceptRun: ten plain digits or 3-3-4 groups, no letter on either side.
func (ukHC) AcceptRun(s detect.RunShape) bool {
	return s.Token == detect.TokenPlain && ukGateTen(s, false, false, false)
}

// AcceptRun: after a capital, the date digits with any 9 padding of the
// surname (6-10, before a capital), the surname padding of the spaced
// form, and the digits of the tail (1-6, not before a lower-case
// letter); after a space, the spaced date group (6, before a space).
// The spaced form's issue number ("SM9IJ 01") is not accepted: Detect
// finds that form from its date group (an anchor filter, see
// detect.RunFilter), and no driver number starts at or six bytes
// before a two-digit run.
func (ukLicence) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	switch s.Before {
	case detect.ClassUpper:
		if s.Len <= 6 {
			return s.After != detect.ClassLower
		}
		return s.Len <= 10 && s.After == detect.ClassUpper
	case detect.ClassSpace:
		return s.Len == 6 && s.After == detect.ClassSpace
	}
	return false
}

// AcceptRun: 1-3 digits after a capital and before a space or a capital
// (current and prefix marks, unspaced suffix), or after a space and
// before a capital (spaced suffix).
func (ukVehicle) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	if s.Len > 3 {
		return false
	}
	switch s.Before {
	case detect.ClassUpper:
		return s.After == detect.ClassSpace || s.After == detect.ClassUpper
	case detect.ClassSpace:
		return s.After == detect.ClassUpper
	}
	return false
}

// AcceptRun: ten plain digits (a K on at most one side) or 5-5 groups
// (Detect drops the 3-3-4 candidates of ukTenIter).
func (ukUTR) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	return s.Len != 3 && s.Len != 4 && ukGateTen(s, false, true, true)
}

// AcceptRun: the runs Detect starts from (an anchor filter, see
// detect.RunFilter): 9 or 12 plain digits; the first group of 3-4-2(-3)
// groups separated by spaces; three digits after GBGD/GBHA; never after
// a lower-case letter or '+', never before a letter. Detect reads the
// later groups from the first, so their runs need no hit.
func (ukVAT) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	b, a := s.Before, s.After
	if b == detect.ClassLower || b == detect.ClassPlus || gateLetter(a) {
		return false
	}
	switch s.Len {
	case 9, 12:
		return true
	case 3: // the first group (joined to the next), or the GBGD/GBHA digits
		return a == detect.ClassSpace && s.JoinAfter || b == detect.ClassUpper
	}
	return false
}

// AcceptRun: the runs Detect starts from (an anchor filter, see
// detect.RunFilter): the first two-digit group of a sort code (not after
// a letter or '+', followed by a space or dash and the next group), and
// six bare digits not joined by a space or tab to a group before them
// (the last group of "+44 7700 900123", the commonest six-digit run of a
// chat). Detect looks for the account number (8 digits or 4-4) and the
// later groups from there, so their runs need no hit.
func (ukSortCode) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	b, a := s.Before, s.After
	switch s.Len {
	case 2:
		return ukGateNumBefore(b) && gateSep(a) && s.JoinAfter
	case 6:
		return ukGateNumBefore(b) && !gateLetter(a) && !(b == detect.ClassSpace && s.JoinBefore)
	}
	return false
}
