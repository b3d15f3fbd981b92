package detect

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unsafe"
)

// The digit group's runs, classified in the prefilter (Engine.digitRuns):
// the vector pass hands over the digits of each batch of blocks
// (sc.dmask), and classifyDigits turns them into the accepted runs
// (sc.druns) with what classify would decide from the bytes.
//
// It works in two steps. The kernel (digitRunsAMD64, or digitRunsGo
// without it) walks the run starts in the digit masks and settles the
// common cases from the bytes around each run: chat timestamps, dropped
// whole; chat senders' numbers, their runs' records written at once
// (gate.sender); runs whose neighbours are known and that can be no part
// of a clock time or date token, looked up in the gate's table. It writes a
// record for each run start it does not drop or reject, in order: the
// accepted runs, and the undecided ones (a possible clock or date token, a
// run at the edge of the view or of the known digits). classifyDigits
// then takes the records in order and sends the undecided ones through
// the general path (digitRunSlow): a token dropped there also drops the
// records inside it.
//
// A chat timestamp that the kernel drops could only be reached by a token
// dropped there through fastToken's date-then-time chain ("01/02/2003,
// 12/03/2021, 09:14"), which ends at its date; its time would then have
// been dropped on its own (TestChatStamp: the stamp's end is the general
// path's), so the kernel's answer stands.

// Chat timestamps ("12/03/2021, 09:14") as digit bits from the run start:
// digits at 0-1, 3-4, 6-9, 12-13, 15-16, none at 2, 5, 10, 11, 14.
const (
	stampDigitMask = 1<<17 - 1
	stampDigits    = 0b1_1011_0011_1101_1011
)

// digitArgs is the kernel's frame: its inputs, and its state carried from
// one batch to the next. The field offsets are the assembly's (checked by
// TestDigitArgsLayout).
type digitArgs struct {
	dm     *uint32    // 0: the digit masks, nb of them and three zero ones past them
	dmEnd  *uint32    // 8: &dm[nb]
	view   *byte      // 16
	n      int        // 24: len(view)
	base   int        // 32: the position of dm[0]'s first bit
	end    int        // 40: base + 32*nb: digits are known below it
	prev   uint64     // 48: in: the digit bit of the byte before base (scratch)
	dropTo int        // 56: in and out: the run starts before it are dropped
	lastE  int        // 64: in and out: the end of the last run decided
	flags  uint64     // 72: digitStamps, digitTokens
	accept *uint8     // 80: the gate's table (palette indices)
	class  *ByteClass // 88: byteClasses
	bound  *bool      // 96: tokenBoundary
	out    *gateRun   // 104: the records (room for 16*nb+1: one per run start)
	outEnd *gateRun   // 112: out: past the last record written
	pal    *uint64    // 120: the gate's palette
	vbits  *uint8     // 128: digitVariant
	sender [3]uint64  // 136: the gate's masks of a chat sender's runs (gate.sender)
}

// digitVariant gives a plain run's variant bits (numVariants) from the
// byte two before it (digitVariant[c]: a digit, JoinBefore) and the byte
// two after it (digitVariant[256+c]: a digit, JoinAfter; an upper-case
// or a lower-case ASCII letter, UpperBeyond or LowerBeyond), for the
// digit group.
var digitVariant = func() (t [512]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c], t[256+c] = 2, 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[256+c], t[256+c+'a'-'A'] = 4, 8
	}
	return t
}()

// digitArgs.flags.
const (
	digitStamps  = 1 << 0 // chat timestamps are dropped (clocks and dates are)
	digitTokens  = 1 << 1 // clock times or dates are dropped: leave the runs that may start one undecided
	digitSenders = 1 << 2 // chat senders' runs are classified (gate.senders)
)

// senderBack: a run of digits that starts closer than this to the start
// of the view is left undecided by the kernel: the '+' of a chat sender's
// number it may belong to (senderRunAt), or the byte before it, would be
// outside the view.
const senderBack = 10

// digitRecords is the room classifyDigits gives the kernel's records for
// nb blocks: one per run start, and two more for a chat sender's runs
// after its last one.
func digitRecords(nb int) int { return 16*nb + 3 }

// The kernel's records (gateRun): an accepted run {s, e, mask != 0}; an
// undecided run start {s, e, 0}, e its end, or 0 when the kernel did not
// find it.

// classifyDigits classifies the runs of digits of the nb blocks from view[i]
// (sc.dmask: their digits) for the digit group's gate, as classify would
// from their first bytes, and appends the accepted ones to sc.druns. The
// runs of a clock time or date that no member accepts (gate.dropToken)
// are recognised on their first run and skipped whole: chat timestamps
// ("[12/03/2021, 09:14:55]") from their digits and separators, other
// clock times and dates by fastToken.
func (e *Engine) classifyDigits(sc *scratch, view []byte, i, nb int, atStart, atEnd bool, ds *digitState) {
	gt := e.groups[e.digitGroup].gate
	dm := sc.dmask[:nb+3]
	// Three zero blocks past the batch: the digits there are not known,
	// and a run or stamp that reaches them is finished from the bytes.
	dm[nb], dm[nb+1], dm[nb+2] = 0, 0, 0
	var flags uint64
	if gt.tokens && gt.dropToken[TokenClock] && gt.dropToken[TokenDate] {
		flags |= digitStamps
	}
	if gt.tokens && (gt.dropToken[TokenClock] || gt.dropToken[TokenDate]) {
		flags |= digitTokens
	}
	if gt.senders {
		flags |= digitSenders
	}
	_ = view[i+32*nb-1]
	// The records are written past the runs so far and compacted in
	// place: each gives at most one run.
	runs := slices.Grow(sc.druns, digitRecords(nb))
	out := runs[len(runs) : len(runs)+digitRecords(nb)]
	a := digitArgs{
		dm: &dm[0], dmEnd: &dm[nb], view: unsafe.SliceData(view), n: len(view),
		base: i, end: i + 32*nb, prev: ds.prev, dropTo: ds.dropTo, lastE: ds.cs.e, flags: flags,
		accept: &gt.accept[0], class: &byteClasses[0], bound: &tokenBoundary[0], out: &out[0], pal: &gt.palette[0],
		vbits: &digitVariant[0], sender: gt.sender,
	}
	digitRuns(&a)
	recs := out[:(uintptr(unsafe.Pointer(a.outEnd))-uintptr(unsafe.Pointer(a.out)))/unsafe.Sizeof(gateRun{})]
	// The digit bit of the batch's last byte (the word above may be half
	// a word).
	ds.prev = uint64(dm[nb-1] >> 31)
	tokens := flags&digitTokens != 0
	dropTo, lastE := ds.dropTo, ds.cs.e
	// The records start at runs' end: each stretch of accepted ones is
	// moved down at once (no record is before ds.dropTo: the kernel drops
	// those), each undecided one goes to the general path, and the
	// records inside a token it drops whole are skipped.
	w, buf := len(runs), runs[:cap(runs)]
	for x := 0; x < len(recs); {
		for x < len(recs) && int(recs[x].s) < dropTo {
			x++ // inside a token dropped whole
		}
		y := x
		for y < len(recs) && recs[y].mask != 0 {
			y++
		}
		w += copy(buf[w:], recs[x:y])
		if y == len(recs) {
			break
		}
		r := recs[y]
		runs, dropTo, lastE = e.digitRunSlow(buf[:w], gt, view, int(r.s), int(r.e), atStart, atEnd, tokens, dropTo, lastE, ds)
		w, buf = len(runs), runs[:cap(runs)]
		x = y + 1
	}
	ds.dropTo, ds.cs.e = max(dropTo, a.dropTo), max(lastE, a.lastE)
	sc.druns = buf[:w]
}

// digitRunSlow classifies the run of digits starting at view[p] (and
// ending at re, or found from the bytes when re is 0) the way classify
// does, appends it to runs when a member accepts it, and returns runs,
// dropTo and the end of the last run looked at. With tokens, a clock time
// or date no member accepts is dropped whole from its first run (dropTo).
func (e *Engine) digitRunSlow(runs []gateRun, gt *gate, view []byte, p, re int, atStart, atEnd, tokens bool, dropTo, lastE int, ds *digitState) ([]gateRun, int, int) {
	n := len(view)
	// A clock or date token starts with one or two digits.
	if tokens && (p+1 < n && isTokenSep(view[p+1]) || p+2 < n && isTokenSep(view[p+2])) {
		if kind, te, ok := fastToken(view, p, atStart, atEnd); ok && gt.dropToken[kind] {
			// A chat timestamp's date is followed by its time:
			// "12/03/2021, 09:14:55".
			if te+2 < n && view[te] == ',' && view[te+1] == ' ' && view[te+2]-'0' < 10 {
				if kind, te2, ok := fastToken(view, te+2, atStart, atEnd); ok && gt.dropToken[kind] {
					te = te2
				}
			}
			return runs, te, lastE
		}
	}
	if re == 0 {
		for re = p + 1; re < n && view[re]-'0' < 10; re++ {
		}
	}
	ds.cs.e = lastE
	mask, ok := gt.runMask(view, p, re, atStart, atEnd, true, &ds.cs)
	lastE = ds.cs.e
	if !ok {
		// A token no member accepts: skip the rest of it.
		return runs, max(dropTo, lastE), lastE
	}
	if mask != 0 {
		runs = append(runs, gateRun{s: int32(p), e: int32(re), mask: mask})
	}
	return runs, dropTo, lastE
}

// digitRunsGo is the kernel in Go (digitRunsAMD64 is the same in
// assembly): for each run start of the digit masks from a.base that
// a.dropTo and the chat timestamps it drops leave, it decides the run as
// runMask would when its neighbours are known and it can be no part of a
// clock or date token (with a.flags&digitTokens), and writes a record of
// the runs accepted and the runs left undecided.
func digitRunsGo(a *digitArgs) {
	nb := int(uintptr(unsafe.Pointer(a.dmEnd))-uintptr(unsafe.Pointer(a.dm))) / 4
	dm := unsafe.Slice(a.dm, nb+3)
	view := unsafe.Slice(a.view, a.n)
	accept := unsafe.Slice(a.accept, numVariants*numShapes)
	pal := (*[256]uint64)(unsafe.Pointer(a.pal))
	out := unsafe.Slice(a.out, digitRecords(nb))
	n, end, dropTo, prev := a.n, a.end, a.dropTo, a.prev
	cnt := 0
	for k := 0; k < nb; k += 2 {
		base := a.base + 32*k
		d := uint64(dm[k]) | uint64(dm[k+1])<<32
		dn := uint64(dm[k+2]) | uint64(dm[k+3])<<32
		m := d &^ (d<<1 | prev)
		prev = d >> 63
		if dropTo > base {
			m &= ^uint64(0) << uint(min(dropTo-base, 64))
		}
		for m != 0 {
			off := bits.TrailingZeros64(m)
			p := base + off
			m &= m - 1
			// dd bit j: view[p+j] is a digit (for p+j < end; 0 past it).
			dd := d>>(off&63) | dn<<1<<((63-off)&63)
			if a.flags&digitStamps != 0 && dd&stampDigitMask == stampDigits && p > 0 && p+chatStampSpan <= n {
				if se := stampEnd(view, p); se > 0 {
					dropTo = se
					m &= ^uint64(0) << uint(min(dropTo-base, 64))
					continue
				}
			}
			if a.flags&digitTokens != 0 && (dd&6 != 6 || p+3 > end) && (p+1 < n && isTokenSep(view[p+1]) || p+2 < n && isTokenSep(view[p+2])) {
				out[cnt] = gateRun{s: int32(p)}
				cnt++
				continue
			}
			if ^dd == 0 || p+bits.TrailingZeros64(^dd) >= end {
				// The run reaches the end of dd or of the known digits.
				out[cnt] = gateRun{s: int32(p)}
				cnt++
				continue
			}
			re := p + bits.TrailingZeros64(^dd)
			if p < senderBack || re+1 >= n {
				out[cnt] = gateRun{s: int32(p), e: int32(re)}
				cnt++
				continue
			}
			if a.flags&digitSenders != 0 {
				// A run of a chat sender's number: its runs from this
				// one at once.
				k := -1
				switch {
				case view[p-1] == '+':
					k = 0
				case view[p-4] == '+':
					k = 1
				case view[p-9] == '+':
					k = 2
				}
				if k >= 0 {
					q := p - senderRunAt[k]
					if q+senderLen > n {
						out[cnt] = gateRun{s: int32(p), e: int32(re)}
						cnt++
						continue
					}
					if senderAt(view, q, false, false) == senderYes {
						for ; k < 3; k++ {
							if a.sender[k] != 0 {
								s := int32(q + senderRunAt[k])
								out[cnt] = gateRun{s: s, e: s + 2*int32(k+1), mask: a.sender[k]}
								cnt++
							}
						}
						dropTo = q + 15
						a.lastE = dropTo
						m &= ^uint64(0) << uint(min(dropTo-base, 64))
						continue
					}
				}
			}
			before, after := byteClasses[view[p-1]], byteClasses[view[re]]
			if before == ClassDigit || (1<<before|1<<after)&tokenSides != 0 && !loneRun(view, p, re) {
				out[cnt] = gateRun{s: int32(p), e: int32(re)}
				cnt++
				continue
			}
			v := int(digitVariant[view[p-2]] | digitVariant[256+int(view[re+1])])
			a.lastE = re
			if x := accept[v*numShapes+shapeIndex(re-p, before, after)]; x != 0 {
				mask := pal[x]
				out[cnt] = gateRun{s: int32(p), e: int32(re), mask: mask}
				cnt++
			}
		}
	}
	a.dropTo, a.prev = dropTo, prev
	a.outEnd = (*gateRun)(unsafe.Add(unsafe.Pointer(a.out), cnt*int(unsafe.Sizeof(gateRun{}))))
}

// stampEnd returns the end of the chat timestamp "DD/DD/DDDD, DD:DD" or
// "DD/DD/DDDD, DD:DD:DD" at view[p:] (p > 0, p+chatStampSpan <= len(view))
// when the byte before it and the one after it are token boundaries,
// otherwise 0, given the digits at p+0..1, 3..4, 6..9, 12..13 and 15..16
// (stampDigits). It is the answer the general path (fastToken on the
// date, then on the clock) reaches (TestChatStamp).
func stampEnd(view []byte, p int) int {
	b := view[p-1 : p+chatStampSpan : p+chatStampSpan]
	x := binary.LittleEndian.Uint64(b[1:]) // "12/03/20"
	y := binary.LittleEndian.Uint64(b[9:]) // "21, 09:1"
	if x&stampXSep != stampXWant || y&stampYSep != stampYWant || !tokenBoundary[b[0]] {
		return 0
	}
	end := 17 // "DD:DD"; ":SS" may follow
	if b[1+17] == ':' {
		if b[1+18]-'0' >= 10 || b[1+19]-'0' >= 10 {
			return 0
		}
		end = 20
	}
	if !tokenBoundary[b[1+end]] {
		return 0
	}
	return p + end
}
