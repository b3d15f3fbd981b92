package detect

import (
	"encoding/binary"
	"math/bits"
)

// Run gating: letting detectors that share byte triggers skip the runs of
// trigger bytes they can never match, decided once per run for all of
// them by one table lookup (see DESIGN.md, "Run gating").

// A RunFilter is a [Detector] whose triggers are bytes (digits, say) and
// that can tell from the shape of a run of consecutive trigger bytes alone
// that the run cannot be part of any match it reports.
//
// [Compile] calls AcceptRun once for every possible shape and builds one
// table for all the filters of a trigger group. While scanning, the
// engine computes the shape of each run of trigger bytes once and hands
// each filter one hit per run it accepts: the offset of the run's first
// byte. A detector none of whose runs in a window are accepted is not
// called for that window. Detectors without the method get every hit.
//
// AcceptRun must be sound: the findings with the filter must be those
// without it. There are two ways to be sound:
//
//   - reject only shapes that no run inside a reported match can have,
//     with a Detect that finds a match from the first byte of any of its
//     runs (the usual loop, which skips the hits inside a run it has
//     examined, does);
//   - or, when Detect only ever starts a match at one particular run of
//     it (an anchor, such as the check digits right after an IBAN's
//     country code) and ignores other hits, accept the anchor runs only.
//
// Keyword triggers are not gated. The
// [github.com/tidemark/tidemark/detect/detecttest] kit checks soundness
// empirically by comparing results with and without the filter.
type RunFilter interface {
	Detector
	AcceptRun(s RunShape) bool
}

// RunShape is what the engine knows about a run of consecutive trigger
// bytes before any detector looks at it: its length and the classes of the
// bytes on either side. The bytes beside a run are never trigger bytes of
// its group (runs are maximal).
type RunShape struct {
	Len    int       // bytes in the run, 1..MaxRunLen; MaxRunLen means that many or more
	Before ByteClass // the byte just before the run
	After  ByteClass // the byte just after the run
	Token  TokenKind // the kind of digit token the run is part of
	// JoinBefore: a single byte (Before) separates the run from a
	// previous run of trigger bytes, as "56" in "34 56" or "34-56".
	// JoinAfter: likewise a single byte (After) separates it from a
	// following run. Groups of a number written in groups are joined
	// on at least one side; a lone number ("in 10 mins") on neither.
	JoinBefore, JoinAfter bool
	// UpperBeyond, LowerBeyond: the byte after After is an ASCII
	// upper-case or lower-case letter, as in "10 Downing" or "10 mins"
	// (so no group of digits follows the run's After byte). Only plain
	// runs have them: a clock time's or a date's are false.
	UpperBeyond, LowerBeyond bool
}

// A TokenKind says whether a run of digits is part of a clock time, a
// numeric date or a chat sender's number, the commonest numbers in chat
// exports and logs ("[12/03/2021, 09:14:55] +44 7700 900123: hi").
//
// For clocks and dates the engine looks at the whole token around the
// run: the longest stretch of digits, ':' and '/' containing it, which
// must be bounded on both sides by a boundary byte (the edge of the input,
// a space, tab or line break, or one of [ ] ( ) < > , " ' ; and after the
// token also a '.', '!' or '?' not followed by a letter or digit, or a
// '-' followed by a space).
//
// A chat sender's number is written exactly as WhatsApp writes the sender
// of a line: '+', two digits, a space, four digits, a space, six digits,
// ':' and a space ("+44 7700 900123: "), with a space, tab or line break
// (or the start of the input) before the '+'. Its three runs have the
// shapes {Len 2, Before ClassPlus, After ClassSpace, JoinAfter},
// {Len 4, ClassSpace, ClassSpace, JoinBefore, JoinAfter} and {Len 6,
// ClassSpace, ClassColon, JoinBefore}, with Token TokenSender.
//
// Tokens are only classified for groups triggered by all ten digits and
// by none of ':', '/', '+' and ' '; every other run is TokenPlain.
//
// A detector none of whose matches can contain a digit of a clock time,
// a date or a sender's number (an identifier never written with ':' or
// '/' between digit groups, or after "+CC ", say) rejects those runs
// whatever their shape: one token classification replaces a look by each
// detector.
type TokenKind uint8

const (
	TokenPlain  TokenKind = iota // any other run
	TokenClock                   // a run of H:MM or H:MM:SS (H one or two digits, MM and SS two)
	TokenDate                    // a run of D/M/YY or D/M/YYYY (D and M one or two digits)
	TokenSender                  // a run of a chat sender's number, "+CC GGGG GGGGGG: "
	numTokenKinds
)

// numTableTokens: the kinds below it (plain, clock, date) have variants in
// the gate's table; a sender's three runs have fixed shapes, whose masks
// the gate keeps apart (gate.sender).
const numTableTokens = TokenSender

// MaxRunLen is the longest run length a [RunShape] distinguishes.
const MaxRunLen = 15

// A ByteClass is a coarse class of a byte next to a run.
type ByteClass uint8

// Byte classes. ClassLineEdge also stands for the start and the end of
// the input.
const (
	ClassSpace    ByteClass = iota // ' ' or '\t'
	ClassLineEdge                  // '\n', '\r', '\f', '\v', or the edge of the input
	ClassUpper                     // 'A'..'Z'
	ClassLower                     // 'a'..'z'
	ClassDigit                     // '0'..'9' (when digits are not the group's triggers)
	ClassDot                       // '.'
	ClassComma                     // ','
	ClassDash                      // '-' or '_'
	ClassSlash                     // '/' or '\\'
	ClassColon                     // ':' or ';'
	ClassOpen                      // '(' '[' '{' '<'
	ClassClose                     // ')' ']' '}' '>'
	ClassPlus                      // '+'
	ClassPunct                     // other printable ASCII: ! " # $ % & ' * = ? @ ^ ` | ~
	ClassNonASCII                  // a byte of a multi-byte UTF-8 sequence, or invalid UTF-8
	ClassControl                   // NUL, DEL and other control bytes
	numClasses
)

var byteClasses = func() (t [256]ByteClass) {
	for c := range 256 {
		var k ByteClass
		switch {
		case c == ' ' || c == '\t':
			k = ClassSpace
		case c == '\n' || c == '\r' || c == '\f' || c == '\v':
			k = ClassLineEdge
		case 'A' <= c && c <= 'Z':
			k = ClassUpper
		case 'a' <= c && c <= 'z':
			k = ClassLower
		case '0' <= c && c <= '9':
			k = ClassDigit
		case c == '.':
			k = ClassDot
		case c == ',':
			k = ClassComma
		case c == '-' || c == '_':
			k = ClassDash
		case c == '/' || c == '\\':
			k = ClassSlash
		case c == ':' || c == ';':
			k = ClassColon
		case c == '(' || c == '[' || c == '{' || c == '<':
			k = ClassOpen
		case c == ')' || c == ']' || c == '}' || c == '>':
			k = ClassClose
		case c == '+':
			k = ClassPlus
		case c >= 0x80:
			k = ClassNonASCII
		case c < 0x20 || c == 0x7F:
			k = ClassControl
		default:
			k = ClassPunct
		}
		t[c] = k
	}
	return t
}()

// ClassOf returns the class of byte c.
func ClassOf(c byte) ByteClass { return byteClasses[c] }

const numShapes = (MaxRunLen + 1) * int(numClasses) * int(numClasses)

// numVariants counts the (Token, UpperBeyond, LowerBeyond, JoinBefore,
// JoinAfter) combinations: a plain run's variant is lowerBeyond<<3 |
// upperBeyond<<2 | joinBefore<<1 | joinAfter (0..15, both letters never),
// a token's of kind k 16 + (k-1)*4 + joinBefore<<1 | joinAfter.
const numVariants = 16 + (int(numTableTokens)-1)*4

// variantShape returns the RunShape fields variant v stands for, and
// false for the variants no run has.
func variantShape(v int) (RunShape, bool) {
	if v >= 16 {
		return RunShape{Token: TokenKind(1 + (v-16)/4), JoinBefore: v&2 != 0, JoinAfter: v&1 != 0}, true
	}
	return RunShape{UpperBeyond: v&4 != 0, LowerBeyond: v&8 != 0, JoinBefore: v&2 != 0, JoinAfter: v&1 != 0}, v&12 != 12
}

func shapeIndex(n int, before, after ByteClass) int {
	return (min(n, MaxRunLen)*int(numClasses)+int(before))*int(numClasses) + int(after)
}

// gate is a trigger group's run filter table.
type gate struct {
	// accept[variant*numShapes+shape] is the palette index of the mask
	// with bit m set when gated member m accepts the shape with that
	// variant (Token kind, letters beyond, joins: numVariants).
	accept *[numVariants * numShapes]uint8
	// palette[accept[i]] is the mask (palette[0] is 0: no member). A
	// byte per shape keeps the table small enough for the cache (the
	// masks themselves are few: 116 for the default detectors).
	palette [256]uint64
	// member maps a position in group.members to its gate bit, or -1.
	member []int8
	index  []int   // gate bit to position in group.members
	det    [64]int // gate bit to detector (group.members[index[bit]])
	all    uint64  // every gated member's bit
	trig   [256]bool
	tokens bool // classify clock and date tokens (digit triggers, not ':' or '/')
	// full: every member of the group is gated, so the prefilter keeps
	// only the first byte of each run and windows are formed around the
	// accepted runs alone (processView).
	full bool
	// dropToken[k]: no member accepts any run of a token of kind k.
	dropToken [numTableTokens]bool
	// senders: chat senders' runs are classified (TokenSender): tokens
	// are, and neither '+' nor ' ' is a trigger. sender[k] is the mask of
	// the members accepting the sender's run k (senderShapes).
	senders bool
	sender  [3]uint64
}

// senderShapes are the shapes of a chat sender's three runs ("+44 7700
// 900123: ").
var senderShapes = [3]RunShape{
	{Len: 2, Before: ClassPlus, After: ClassSpace, Token: TokenSender, JoinAfter: true},
	{Len: 4, Before: ClassSpace, After: ClassSpace, Token: TokenSender, JoinBefore: true, JoinAfter: true},
	{Len: 6, Before: ClassSpace, After: ClassColon, Token: TokenSender, JoinBefore: true},
}

// senderRunAt gives the offset of a sender's run k from its '+'.
var senderRunAt = [3]int{1, 4, 9}

// buildGate returns the gate for a group of byte-triggered detectors, or
// nil when none of them is a RunFilter.
func buildGate(members []int, dets []compiled) *gate {
	g := &gate{member: make([]int8, len(members))}
	var filters []RunFilter
	for i, di := range members {
		g.member[i] = -1
		if f, ok := dets[di].d.(RunFilter); ok && len(filters) < 64 {
			g.member[i] = int8(len(filters))
			g.det[len(filters)] = di
			g.index = append(g.index, i)
			filters = append(filters, f)
		}
	}
	if len(filters) == 0 {
		return nil
	}
	g.full = len(filters) == len(members)
	g.all = 1<<len(filters) - 1
	if len(filters) == 64 {
		g.all = ^uint64(0)
	}
	g.accept = new([numVariants * numShapes]uint8)
	index := map[uint64]uint8{0: 0}
	for v := range numVariants {
		rs, ok := variantShape(v)
		if !ok {
			continue
		}
		for n := 1; n <= MaxRunLen; n++ {
			for b := range numClasses {
				for a := range numClasses {
					var m uint64
					rs.Len, rs.Before, rs.After = n, b, a
					for k, f := range filters {
						if f.AcceptRun(rs) {
							m |= 1 << k
						}
					}
					x, ok := index[m]
					switch {
					case ok:
					case len(index) < len(g.palette)-1:
						x = uint8(len(index))
						index[m], g.palette[x] = x, m
					default:
						// More masks than the palette holds: every member
						// (more hits than needed, which gated detectors
						// accept), at the last entry.
						x = uint8(len(g.palette) - 1)
						g.palette[x] = g.all
					}
					g.accept[v*numShapes+shapeIndex(n, b, a)] = x
				}
			}
		}
	}
	for k := TokenClock; k < numTableTokens; k++ {
		var any uint64
		for _, x := range g.accept[(16+int(k-1)*4)*numShapes : (16+int(k)*4)*numShapes] {
			any |= g.palette[x]
		}
		g.dropToken[k] = any == 0
	}
	t := dets[members[0]].spec.Triggers.Bytes
	for i := 0; i < len(t); i++ {
		g.trig[t[i]] = true
	}
	g.tokens = !g.trig[':'] && !g.trig['/']
	for c := byte('0'); c <= '9'; c++ {
		g.tokens = g.tokens && g.trig[c]
	}
	g.senders = g.tokens && !g.trig['+'] && !g.trig[' ']
	for k, rs := range senderShapes {
		for b, f := range filters {
			if f.AcceptRun(rs) {
				g.sender[k] |= 1 << b
			}
		}
	}
	return g
}

// A gateRun is a run of trigger bytes view[s:e] and the gated members
// that accept it.
type gateRun struct {
	s, e int32
	mask uint64
}

// classify returns (in sc.runs) the runs of trigger bytes that start at
// hits (view offsets, ascending; a hit inside a run already seen is
// skipped, so the hits may be every trigger byte or only the first of
// each run), each with the mask of gated members accepting its shape.
// With acceptedOnly, runs no member accepts are left out. A run whose
// neighbours are not known (it touches the edge of the view but not of
// the input, or the first hit is inside a run) goes to every member.
func (gt *gate) classify(sc *scratch, view []byte, hits []int32, atStart, atEnd, acceptedOnly bool) []gateRun {
	cs := classState{e: -1, tokEnd: -1}
	sc.runs = gt.classifyMore(sc.runs[:0], view, hits, atStart, atEnd, acceptedOnly, &cs)
	return sc.runs
}

// classState is what classify carries from one run to the next.
type classState struct {
	e      int       // the end of the last run looked at (hits before it are inside it)
	tokEnd int       // the end of the last classified token
	tok    TokenKind // and its kind
}

// classifyMore is classify appending to runs, from the state cs.
func (gt *gate) classifyMore(runs []gateRun, view []byte, hits []int32, atStart, atEnd, acceptedOnly bool, cs *classState) []gateRun {
	n := len(view)
	for _, h := range hits {
		s := int(h)
		if s < cs.e {
			continue
		}
		e := s + 1
		for e < n && gt.trig[view[e]] {
			e++
		}
		if mask, ok := gt.runMask(view, s, e, atStart, atEnd, acceptedOnly, cs); ok && (mask != 0 || !acceptedOnly) {
			runs = append(runs, gateRun{s: int32(s), e: int32(e), mask: mask})
		}
	}
	return runs
}

// runMask returns the mask of gated members accepting the run view[s:e]
// (a whole run: no trigger byte follows it in view), and sets cs.e to its
// end. ok is false when, with acceptedOnly, the run is part of a clock or
// date token no member accepts; cs.e is then the token's end, so the
// token's other runs are skipped at once.
func (gt *gate) runMask(view []byte, s, e int, atStart, atEnd, acceptedOnly bool, cs *classState) (mask uint64, ok bool) {
	n := len(view)
	cs.e = e
	before, after := ClassLineEdge, ClassLineEdge
	known := true
	if s > 0 {
		before = byteClasses[view[s-1]]
		known = !gt.trig[view[s-1]]
	} else {
		known = atStart
	}
	if e < n {
		after = byteClasses[view[e]]
	} else {
		known = known && atEnd
	}
	// Joins need the byte beyond each neighbour.
	v := 0
	if s >= 2 {
		if gt.trig[view[s-2]] {
			v |= 2
		}
	} else if s == 1 && !atStart {
		known = false
	}
	if e+1 < n {
		if gt.trig[view[e+1]] {
			v |= 1
		}
		v |= beyondBits[view[e+1]]
	} else if e+1 == n && !atEnd {
		known = false
	}
	if !known {
		return gt.all, true
	}
	if gt.senders {
		if k := senderRunOf(view, s, e); k >= 0 {
			switch senderAt(view, s-senderRunAt[k], atStart, atEnd) {
			case senderYes:
				return gt.sender[k], true
			case senderCut:
				return gt.all, true
			}
		}
	}
	if gt.tokens && (before == ClassColon || before == ClassSlash || after == ClassColon || after == ClassSlash) {
		if s >= cs.tokEnd {
			if loneRun(view, s, e) {
				// "+44 7700 900577: ok". The next run starts past e+1.
				cs.tok, cs.tokEnd = TokenPlain, e+1
			} else {
				cs.tok, cs.tokEnd = classifyToken(view, s, atStart, atEnd)
			}
		}
		if gt.dropToken[cs.tok] && acceptedOnly {
			// No member accepts any run of this kind of token: skip the
			// rest of it at once.
			cs.e = cs.tokEnd
			return 0, false
		}
		if cs.tok != TokenPlain {
			v = 16 + int(cs.tok-1)*4 + v&3
		}
	}
	return gt.palette[gt.accept[v*numShapes+shapeIndex(e-s, before, after)]], true
}

// distribute splits runs among the group's gated members: sc.gated[k]
// gets, as offsets in the window starting at ws, the first byte of each
// run member k accepts.
//
// It returns the members with at least one run; only their lists are
// reset first, unless all is set (then every member's is).
func (gt *gate) distribute(sc *scratch, runs []gateRun, ws int, all bool) uint64 {
	var union uint64
	for _, r := range runs {
		union |= r.mask
	}
	reset := union
	if all {
		reset = gt.all
	}
	gt.distributeTo(sc, runs, ws, reset)
	return union
}

// distributeTo is distribute with the members whose lists to reset given
// (at least the union of the runs' masks).
func (gt *gate) distributeTo(sc *scratch, runs []gateRun, ws int, reset uint64) {
	for m := reset; m != 0; m &= m - 1 {
		b := bits.TrailingZeros64(m)
		sc.gated[b] = sc.gated[b][:0]
	}
	for _, r := range runs {
		for mask := r.mask; mask != 0; mask &= mask - 1 {
			b := bits.TrailingZeros64(mask) & 63 // (no bounds check)
			sc.gated[b] = append(sc.gated[b], r.s-int32(ws))
		}
	}
}

// distributeRuns is distributeTo for processRuns' window of runs, which
// hands the lists to the members in union (every run's mask is within
// it): sc.gated[b] gets room for every run of the window, so each (run,
// member) pair is a store and an increment of sc.gatedN[b], without a
// capacity check; the member's hits are sc.gated[b][:sc.gatedN[b]].
func (gt *gate) distributeRuns(sc *scratch, runs []gateRun, ws int, union uint64) {
	room := func(b, n int) {
		if cap(sc.gated[b]) < n {
			sc.gated[b] = make([]int32, 2*n)
		}
		sc.gated[b] = sc.gated[b][:cap(sc.gated[b])]
		sc.gatedN[b] = 0
	}
	for m := union; m != 0; m &= m - 1 {
		room(bits.TrailingZeros64(m), len(runs))
	}
	room(spareMember, distributeUnrolled*len(runs))
	for _, r := range runs {
		h := r.s - int32(ws)
		mask := r.mask
		// The first members without a branch: how many members a run
		// has varies from run to run, and a loop's exit would be
		// mispredicted as often. A missing member is the spare slot
		// (TrailingZeros64(0) is spareMember).
		b := bits.TrailingZeros64(mask)
		sc.gated[b][sc.gatedN[b]] = h
		sc.gatedN[b]++
		mask &= mask - 1
		b = bits.TrailingZeros64(mask)
		sc.gated[b][sc.gatedN[b]] = h
		sc.gatedN[b]++
		mask &= mask - 1
		for ; mask != 0; mask &= mask - 1 {
			b := bits.TrailingZeros64(mask) & 63 // (no bounds check)
			sc.gated[b][sc.gatedN[b]] = h
			sc.gatedN[b]++
		}
	}
}

// spareMember is the slot of sc.gated that distributeRuns writes the
// hits of absent members to; distributeUnrolled is how many members of
// a run it hands out without a branch.
const (
	spareMember        = 64
	distributeUnrolled = 2
)

// gateHits splits the hits of one window (view offsets, ascending) among
// the group's gated members (classify, then distribute).
func (gt *gate) gateHits(sc *scratch, view []byte, hits []int32, ws int, atStart, atEnd bool) {
	gt.distribute(sc, gt.classify(sc, view, hits, atStart, atEnd, false), ws, true)
}

// beyondBits are a plain run's variant bits for the byte after its After
// byte: 4 for an upper-case ASCII letter, 8 for a lower-case one.
var beyondBits = func() (t [256]int) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = 4, 8
	}
	return t
}()

// senderRunOf returns which run of a chat sender's number the run of
// digits view[s:e] would be from its length and the '+' before it (0, 1
// or 2), or -1.
func senderRunOf(view []byte, s, e int) int {
	k := (e-s)/2 - 1
	if (e-s)&1 != 0 || k < 0 || k > 2 {
		return -1
	}
	// A '+' before the view may cut a sender (senderAt).
	if at := s - senderRunAt[k]; at < 0 || view[at] == '+' {
		return k
	}
	return -1
}

// senderLen is the length of a chat sender's number from its '+' to the
// space after its ':'.
const senderLen = 17

// What senderAt finds.
const (
	senderNo  = iota // no sender's number
	senderYes        // one
	senderCut        // the edge of the view cuts the bytes that decide, and the input goes on
)

// senderPattern is a chat sender's number byte by byte from its '+': 'd'
// stands for a digit.
const senderPattern = "+dd dddd dddddd: "

// senderAt reports whether a chat sender's number (see TokenKind) has
// its '+' at view[q], q possibly outside the view: a byte outside it
// does not match when the view's edge is the input's, and otherwise cuts.
func senderAt(view []byte, q int, atStart, atEnd bool) int {
	n, cut := len(view), false
	for i := -1; i < senderLen; i++ {
		j := q + i
		if j < 0 || j >= n {
			switch {
			case j == -1 && atStart:
				// The start of the input: as good as a line break.
			case j < 0 && atStart || j >= n && atEnd:
				return senderNo
			default:
				cut = true
			}
			continue
		}
		c := view[j]
		var ok bool
		switch {
		case i < 0:
			ok = byteClasses[c] <= ClassLineEdge
		case senderPattern[i] == 'd':
			ok = c-'0' < 10
		default:
			ok = c == senderPattern[i]
		}
		if !ok {
			return senderNo
		}
	}
	if cut {
		return senderCut
	}
	return senderYes
}

// loneRun reports whether the run of digits view[s:e] has no other group
// of digits joined to it by one ':' or '/'. Its token is then not a clock
// time or a date, whatever bytes surround it: every separator of one sits
// between digits (tokenShape), so classifyToken says TokenPlain.
func loneRun(view []byte, s, e int) bool {
	return !(s >= 2 && isTokenSep(view[s-1]) && view[s-2]-'0' < 10) && !(e+1 < len(view) && isTokenSep(view[e]) && view[e+1]-'0' < 10)
}

// maxTokenLen bounds the token classifyToken looks at ("23:59:59" and
// "31/12/2025" are 8 and 10 bytes).
const maxTokenLen = 10

// classifyToken returns the kind of the token of digits, ':' and '/'
// around the digit view[s] (see TokenKind) and the offset just past it.
// A token cut by the edge of the view where the view is not at the edge
// of the input is TokenPlain.
func classifyToken(view []byte, s int, atStart, atEnd bool) (TokenKind, int) {
	if k, b, ok := fastToken(view, s, atStart, atEnd); ok {
		return k, b
	}
	return classifyTokenSlow(view, s, atStart, atEnd)
}

// fastToken decides the common case directly: a clock time or a date
// that starts at s and is bounded on both sides. ok is false when
// classifyTokenSlow must decide (any other token, a token that starts
// before s, a cut token, punctuation after it).
func fastToken(view []byte, s int, atStart, atEnd bool) (k TokenKind, end int, ok bool) {
	if s > 0 && s+16 <= len(view) {
		if !tokenBoundary[view[s-1]] {
			return
		}
		// The longest token it takes and the byte after it lie within
		// 16 bytes: decide from the mask of their digits.
		d := swarDigits(binary.LittleEndian.Uint64(view[s:])) | swarDigits(binary.LittleEndian.Uint64(view[s+8:]))<<8
		return fastTokenMask(view[s:s+16], s, d)
	}
	return fastTokenBytes(view, s, atStart, atEnd)
}

// fastTokenMask is fastToken for a token at the start of t (16 bytes of
// the view from s: a digit after a boundary byte), given the mask of the
// digits among them (bit i: t[i]).
func fastTokenMask(t []byte, s int, d uint16) (k TokenKind, end int, ok bool) {
	h := bits.TrailingZeros16(^d) // 1 or 2 leading digits
	if h > 2 {
		return
	}
	var i int
	switch t[h] {
	case ':':
		if d>>(h+1)&3 != 3 {
			return
		}
		i = h + 3
		if t[i] == ':' {
			if d>>(i+1)&3 != 3 {
				return
			}
			i += 3
		}
		k = TokenClock
	case '/':
		j := h + 1
		if d>>j&1 == 0 {
			return
		}
		j += 1 + int(d>>(j+1)&1)
		if t[j] != '/' {
			return
		}
		y := min(4, bits.TrailingZeros16(^(d >> (j + 1))))
		if y != 2 && y != 4 {
			return
		}
		i, k = j+1+y, TokenDate
	default:
		return
	}
	if !tokenBoundary[t[i]] {
		return // a longer token, or punctuation after it: the slow path
	}
	return k, s + i, true
}

// swarDigits returns the mask of the ASCII digits among the eight bytes
// of u (little-endian): bit i for byte i.
func swarDigits(u uint64) uint16 {
	const lo7, hi1 = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	x := u & lo7
	f := (x + 0x0101010101010101*(0x80-'0')) &^ (x + 0x0101010101010101*(0x7F-'9')) &^ u & hi1
	return gatherHigh(f)
}

// gatherHigh packs the top bits of the eight bytes of f (each byte 0x80
// or 0) into the low eight bits.
func gatherHigh(f uint64) uint16 { return uint16((f >> 7) * 0x0102040810204080 >> 56) }

// fastTokenBytes is fastToken by bytes, for tokens near the edges of the
// view.
func fastTokenBytes(view []byte, s int, atStart, atEnd bool) (k TokenKind, end int, ok bool) {
	n := len(view)
	if s == 0 && !atStart || s > 0 && !tokenBoundary[view[s-1]] {
		return
	}
	digit := func(i int) bool { return i < n && view[i]-'0' < 10 }
	i := s + 1 // view[s] is a digit
	if digit(i) {
		i++
	}
	if i >= n {
		return
	}
	switch view[i] {
	case ':':
		if !digit(i+1) || !digit(i+2) {
			return
		}
		i += 3
		if i < n && view[i] == ':' {
			if !digit(i+1) || !digit(i+2) {
				return
			}
			i += 3
		}
		k = TokenClock
	case '/':
		j := i + 1
		if !digit(j) {
			return
		}
		j++
		if digit(j) {
			j++
		}
		if j >= n || view[j] != '/' {
			return
		}
		y := j + 1
		for y < n && view[y]-'0' < 10 && y-j <= 4 {
			y++
		}
		if y-j-1 != 2 && y-j-1 != 4 {
			return
		}
		i, k = y, TokenDate
	default:
		return
	}
	if i >= n {
		return k, i, atEnd
	}
	if !tokenBoundary[view[i]] {
		return // a longer token, or punctuation after it: the slow path
	}
	return k, i, true
}

// classifyTokenSlow is classifyToken for any token.
func classifyTokenSlow(view []byte, s int, atStart, atEnd bool) (TokenKind, int) {
	n := len(view)
	a := s
	for a > 0 && s-a <= maxTokenLen && isTokenByte(view[a-1]) {
		a--
	}
	b := s
	for b < n && b-a <= maxTokenLen && isTokenByte(view[b]) {
		b++
	}
	if b-a > maxTokenLen || a == 0 && !atStart || b == n && !atEnd {
		return TokenPlain, b
	}
	if a > 0 && !tokenBoundary[view[a-1]] {
		return TokenPlain, b
	}
	if b < n && !tokenBoundary[view[b]] {
		c := view[b]
		next := byte(' ')
		if b+1 < n {
			next = view[b+1]
		} else if !atEnd {
			return TokenPlain, b
		}
		switch {
		case (c == '.' || c == '!' || c == '?') && !isWordByte(next):
		case c == '-' && next == ' ':
		default:
			return TokenPlain, b
		}
	}
	return tokenShape(view[a:b]), b
}

// tokenShape classifies a whole token of digits, ':' and '/'.
func tokenShape(t []byte) TokenKind {
	// Group lengths and the separator, which must be used throughout.
	var groups [4]int
	ng, sep := 0, byte(0)
	run := 0
	for _, c := range t {
		if c >= '0' && c <= '9' {
			run++
			continue
		}
		if sep != 0 && c != sep || run == 0 || ng == 2 {
			return TokenPlain
		}
		sep = c
		groups[ng] = run
		ng++
		run = 0
	}
	if run == 0 || ng == 0 {
		return TokenPlain
	}
	groups[ng] = run
	ng++
	switch sep {
	case ':':
		if groups[0] <= 2 && groups[1] == 2 && (ng == 2 || groups[2] == 2) {
			return TokenClock
		}
	case '/':
		if ng == 3 && groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4) {
			return TokenDate
		}
	}
	return TokenPlain
}

func isTokenByte(c byte) bool { return c >= '0' && c <= '9' || c == ':' || c == '/' }

// tokenBoundary holds the bytes that may sit beside a clock or date token.
var tokenBoundary = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\f\v[]()<>,\"';") {
		t[c] = true
	}
	return t
}()
