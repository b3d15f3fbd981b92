package names

import "encoding/binary"

// A chat export repeats a handful of sender fields thousands of times:
//
//	[12/03/2021, 09:46:01] George Okafor: only 1 ticket left
//	12/03/2021, 21:14 - George Okafor: train gets in at 17:45
//
// Detect remembers, within one call, what it decided about the run of
// capitals after "] " or " - " when that run ends at a ':' and the next
// run in the same place has the same bytes, it reuses the decision
// instead of scanning, looking up and scoring the tokens again.
//
// Why this is exact. Let p be the run's first byte and j its ':'. What
// Detect decides at p depends on:
//   - t[p-1], t[p-2] and t[p-3] (t[p-4] for " - "): wordBefore and
//     continues (the byte before the space is not a letter, so the token
//     continues nothing), and left, which sees the "]" or "-" after
//     skipping the space (evidence: a letter or digit before "]", a digit
//     before " - "). senderShape classifies exactly these bytes, and p is
//     far enough from the window's start that left's lower bound plays no
//     part.
//   - t[p:j+1]: run reads the tokens, the single spaces between them and
//     stops at the ':' (or stops before it at maxToks or at a possessive,
//     having read less); every token's flags look at most at the byte
//     after it, and particles are followed up to a capitalised token,
//     all before j. score's tokens are the run's; when it shifts the run's
//     start (honorifics, a leading word) left reads the bytes before the
//     new start, which are run bytes, a space and the byte at p-2 at
//     most; right reads only t[j]. Nothing touches t[j+1:] except the
//     check that j+1 is inside the window (required of both occurrences).
//
// So two runs of the same shape with equal bytes t[p:j+1], neither within
// 5 bytes of the window's start nor at its end, get the same decision at
// the same offsets relative to p. FuzzSenderMemo checks it against
// Detect without the memo.

// memoSize is the number of remembered sender runs (direct-mapped by the
// first four bytes of the run). With 64 entries Detect runs 2.7% fewer
// instructions on typical text than with 16; they are 1.8 KiB of stack,
// zeroed per call.
const (
	memoBits = 6
	memoSize = 1 << memoBits
)

type memoEntry struct {
	q, n   int32 // the earlier run is t[q:q+n], its ':' last
	shape  uint8 // its senderShape; 0: empty
	found  bool  // score appended a finding
	cont   bool  // endsRun of its last token
	score  int32
	fs, fe int32 // the finding's span, relative to the run's start
	info   uint32
}

type senderMemo [memoSize]memoEntry

// Sender shapes.
const (
	shapeNone    = iota
	shapeBracket // "x] " with x a letter or digit before the run
	shapeDash    // "9 - " with a digit before the run
)

// senderShape classifies the bytes before a capital at t[p], p >= 5.
func senderShape(t []byte, p int) uint8 {
	if t[p-1] != ' ' {
		return shapeNone
	}
	switch t[p-2] {
	case ']':
		if c := t[p-3]; isLetter(c) || isDigit(c) {
			return shapeBracket
		}
	case '-':
		if t[p-3] == ' ' && isDigit(t[p-4]) {
			return shapeDash
		}
	}
	return shapeNone
}

// memoSlot picks the entry for a run starting at t[p] (p+8 <= len(t)).
func memoSlot(t []byte, p int) int {
	v := binary.LittleEndian.Uint32(t[p:])
	return int((v * 0x9E3779B1) >> (32 - memoBits))
}

// sameBytes reports whether t[a:a+n] equals t[b:b+n], for 0 < n <=
// maxLen+2 and a, b with a+memoSpan and b+memoSpan within t (Detect
// remembers and replays only runs that start maxLen+10 bytes or more
// before the window's end).
func sameBytes(t []byte, a, b, n int) bool {
	x, y := (*[memoSpan]byte)(t[a:]), (*[memoSpan]byte)(t[b:])
	for i := 0; i <= memoSpan-8; i += 8 {
		d := binary.LittleEndian.Uint64(x[i:]) ^ binary.LittleEndian.Uint64(y[i:])
		if n-i <= 8 {
			return d<<(64-8*uint(n-i)) == 0
		}
		if d != 0 {
			return false
		}
	}
	return false // not reached: n <= maxLen+2
}

// memoSpan is the bytes sameBytes may read from a run's start: maxLen+2
// rounded up to eight.
const memoSpan = (maxLen + 2 + 7) &^ 7
