package pii

import "github.com/tidemark/tidemark/detect"

// Run filters (detect.RunFilter) of the payment card, IBAN, IP address
// and UK address detectors (date-of-birth triggers on birth words, which
// are not gated). Each AcceptRun rejects only shapes of digit runs that
// no match the detector reports can contain, and (where a detector's
// Detect skips ahead after a candidate that it then drops) no candidate
// whose skip could hide a later match either; the IBAN filter instead
// accepts only its anchor run, the one Detect starts from.
//
// All four reject the runs of clock times and dates (detect.TokenClock,
// detect.TokenDate): cards and IBANs are digit groups separated by
// spaces or dashes; an IP address token has '.' or ':' beside digits but
// never the bounded shapes of a time (an IPv6 address has at least three
// groups and eight or a "::"); a building or flat number is not glued to
// ':' nor followed by "/digit/digit".
//
// All four reject the runs of a chat sender's number (detect.TokenSender,
// "+44 7700 900123: "). A card cannot hold one: its groups are 2, 4 and
// 6 digits after a '+', and no card layout starts with a group of two or
// ends with one of six (a four and a six make ten digits, too few). An
// IBAN, an IP address and an address never have a '+' before a digit
// group of theirs, nor a group of six glued to ':' after two groups.

var (
	_ detect.RunFilter = card{}
	_ detect.RunFilter = iban{}
	_ detect.RunFilter = ipAddr{}
	_ detect.RunFilter = ukAddress{}
)

// AcceptRun: 12+ digits (contiguous) or 1-6 (a group joined by a ' ' or
// '-' to the next or previous group), never glued to letters. Detect skips only within a chain of digit
// groups, and rejects every card in a chain of an unprinted shape, so the
// runs no card can contain need not be seen. Those are, besides the
// lengths no group has (7-11) and the runs beside a letter:
//   - A group of 1-3 or 5 digits, which only ends a card (4-4-4-4-1..3,
//     4-4-4-3, 4-6-5), not joined by a space or dash to the group
//     before it.
//   - A group of 6 digits, only ever the middle of 4-6-5 or 4-6-4, not
//     joined on both sides.
//   - A run that would end a card before '.', '-', '_', '/' or '\'
//     followed by a letter or digit: the card would be glued to what
//     follows (intlGluedAfter) or, after '-' and a digit, part of a
//     longer chain (cardRun). That is a last group, a contiguous number,
//     and a group of 4 that is not joined to a next one.
//   - A run that would start a card after '.', '-', '_', '/' or '\'
//     preceded by a digit: glued (intlGluedBefore) or, after '-', not
//     the chain's first group (cardRun reads back to that). That is a
//     contiguous number and a group of 4 that is not joined to a
//     previous one by a space or dash. (A dash joins a middle group,
//     which is kept.)
//
// A space or tab is one class, so a space and a digit on either side
// never rules a run out: a tab ends a chain ("1\t4111 1111 1111 1111").
func (card) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	if gateLetter(s.Before) || gateLetter(s.After) {
		return false
	}
	// A group is joined by its separator to the group before it, after
	// it, or both.
	joinedBefore := gateSep(s.Before) && s.JoinBefore
	joinedAfter := gateSep(s.After) && s.JoinAfter
	// Glued to a neighbour: see the doc comment.
	gluedBefore := s.JoinBefore && (s.Before == detect.ClassDot || s.Before == detect.ClassDash || s.Before == detect.ClassSlash)
	gluedAfter := (s.JoinAfter || s.UpperBeyond || s.LowerBeyond) &&
		(s.After == detect.ClassDot || s.After == detect.ClassDash || s.After == detect.ClassSlash)
	switch s.Len {
	case 12, 13, 14, detect.MaxRunLen: // contiguous (15 stands for 15+)
		return !gluedBefore && !gluedAfter
	case 4: // first, middle or last group
		return joinedAfter && (joinedBefore || !gluedBefore) || joinedBefore && !gluedAfter
	case 6: // middle group (4-6-5, 4-6-4)
		return joinedBefore && joinedAfter
	case 1, 2, 3, 5: // last group (4-4-4-4-1..3, 4-4-4-3, 4-6-5)
		return joinedBefore && !gluedAfter
	}
	return false // 7-11 never
}

// AcceptRun: the run that starts with the check digits, right after the
// two capitals of the country code (two or more digits after a capital).
// Detect starts an IBAN only from that run (it is the anchor: every IBAN
// has it, and every other run of the IBAN is skipped from it), so the
// runs of the BBAN need not be seen.
func (iban) AcceptRun(s detect.RunShape) bool {
	return s.Token == detect.TokenPlain && s.Before == detect.ClassUpper && s.Len >= 2
}

// gateIPInner: the classes that can sit beside a digit run inside an IP
// address: '.', ':' and the hex letters of IPv6 groups.
func gateIPInner(c detect.ByteClass) bool {
	return c == detect.ClassDot || c == detect.ClassColon || gateLetter(c)
}

// AcceptRun: the runs Detect finds an address from (an anchor filter,
// see detect.RunFilter). Every run of an IPv6 address touches a ':' or a
// hex letter (an address has at least two ':', a run filling a group
// touches one, a shorter one a hex letter of its group), and Detect
// parses the whole address from any of them: 1-3 digits with ':' or a
// letter on a side, and 4 digits with ':' on a side and no letter on
// either. An IPv4 address is parsed from the run of digits and dots
// around the first hit in it, and the first octet's run (1-3 digits
// before a '.', not after one: a '.' before the address rejects it) is
// always accepted, so the later octets (after a '.', and not before ':'
// or a letter) need no hit: "50" in "£4.50", "0.1" in a version.
func (ipAddr) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	switch {
	case s.Len <= 3:
		if s.Before == detect.ClassDot {
			return s.After == detect.ClassColon || gateLetter(s.After)
		}
		return gateIPInner(s.Before) || gateIPInner(s.After)
	case s.Len == 4:
		return (s.Before == detect.ClassColon || s.After == detect.ClassColon) &&
			!gateLetter(s.Before) && !gateLetter(s.After)
	}
	return false
}

// AcceptRun: the runs Detect can report a match from, of 1-4 digits
// and never after a lower-case letter. Detect starts a match only at a
// building or flat number (a hit not glued to the token before it) or,
// through addrBack, at the outward-code digits of a postcode right after
// a capital; it ignores every other hit and moves on only past a match,
// so those runs need not be seen (the second form of soundness in
// detect.RunFilter): the "12" of "10-12", the "3" of "Flat 2/3", or any
// digits glued by '.', '-' or '/' to digits before them.
//   - After a capital: 1-3 digits not joined to digits before the
//     capital (the area starts the token), followed by a capital (A9A,
//     or an unspaced inward code) or by a space and the inward digit.
//   - Otherwise, a number followed by a letter (221B, 12a) or a ',',
//     then a space (never a digit); by a space and the street's capital
//     (not a lower-case letter: "in 10 mins", which Detect rejects
//     without a look back, as it does a digit after the space); or by
//     '-' and the digits of a range (10-12).
//   - Not a flat's number followed by a space and the building number
//     ("Unit 4 7 Oak Road", "Flat 2/3, 14 High St"): Detect finds the
//     same match from the building number, whose run is accepted
//     (addrFlatBefore finds the flat prefix addrFlat would have, the
//     flat number being at most "1234/1234A"), so a digit after the
//     space never needs the hit.
func (ukAddress) AcceptRun(s detect.RunShape) bool {
	if s.Token != detect.TokenPlain {
		return false // a clock time or a date (see the file comment)
	}
	if s.Len > 4 || s.Before == detect.ClassLower {
		return false
	}
	switch s.Before {
	case detect.ClassUpper:
		return s.Len <= 3 && !s.JoinBefore && (s.After == detect.ClassUpper || s.After == detect.ClassSpace && s.JoinAfter)
	case detect.ClassDot, detect.ClassDash, detect.ClassSlash:
		if s.JoinBefore {
			return false
		}
	}
	switch s.After {
	case detect.ClassUpper, detect.ClassLower, detect.ClassComma:
		return !s.JoinAfter
	case detect.ClassSpace:
		return !s.JoinAfter && !s.LowerBeyond
	case detect.ClassDash:
		return s.JoinAfter
	}
	return false
}
