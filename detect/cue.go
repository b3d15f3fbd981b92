package detect

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// A cueSet is a detector's compiled context cues (Spec.Cues): the words
// looked for around each finding and the tables that find them.
type cueSet struct {
	cues     []cue
	maxUp    int // sum of the positive cue deltas: the most cues can add
	radius   int
	sameLine bool
	// byFirst lists, for each lower-case first byte, the cues starting
	// with it, so a context region is scanned once for all cues.
	byFirst *[256][]uint8
	// cuePairs marks the pairs of bytes (b0 | b1<<8, either case) that
	// can begin a cue; wordFirst says every cue starts with a letter or
	// digit.
	cuePairs  *[1 << 16 / 64]uint64
	wordFirst bool
	// cueNib, when not nil, finds the positions whose pair is in
	// cuePairs (or may be) 32 at a time with the vector pre-pass.
	cueNib *nibbleTables
	// words, when wordFirst, is the exact filter for word starts.
	words *cueWords
	// kernel: cueDeltaBuf lists the candidates with cueScan (cueNib and
	// words set, every head in its home slot).
	kernel bool
}

type cue struct {
	word  []byte // lower case
	delta int
	side  Side
}

// newCueSet compiles cs (validated: at most 255 words, each non-empty).
func newCueSet(cs Cues) cueSet {
	c := cueSet{radius: cs.Radius, sameLine: cs.SameLine}
	c.byFirst, c.cuePairs, c.wordFirst = new([256][]uint8), new([1 << 16 / 64]uint64), true
	for i, w := range cs.Words {
		low := bytes.ToLower([]byte(w.Word))
		c.cues = append(c.cues, cue{word: low, delta: w.Delta, side: w.Side})
		c.maxUp += max(0, w.Delta)
		c.byFirst[low[0]] = append(c.byFirst[low[0]], uint8(i))
		c.wordFirst = c.wordFirst && isWordByte(low[0])
		markCuePairs(c.cuePairs, low)
	}
	if c.wordFirst {
		c.words = newCueWords(c.cues)
	}
	if haveAVX2 && c.wordFirst && len(c.cues) > 0 {
		set := c.cuePairs
		c.cueNib, _ = buildNibbleTablesFunc(func(p uint16) bool { return set[p>>6]>>(p&63)&1 != 0 })
	}
	c.kernel = c.cueNib != nil && c.words != nil && c.words.maxProbe == 0
	return c
}

// markCuePairs marks in set every pair of bytes an occurrence of the
// lower-case cue word can begin with: its first byte in either case, then
// its second in either case, any separator byte when the second is a
// space (a run of separators), or any byte for a one-byte word.
func markCuePairs(set *[1 << 16 / 64]uint64, word []byte) {
	for _, b0 := range caseVariants(word[0]) {
		for b1 := range 256 {
			ok := len(word) == 1 || lowerASCII(byte(b1)) == word[1] || word[1] == ' ' && isCueSep(byte(b1))
			if ok {
				p := uint16(b0) | uint16(b1)<<8
				set[p>>6] |= 1 << (p & 63)
			}
		}
	}
}

// cueDelta sums the deltas of the cues of c present around the match
// view[s:e], each counted once (added when first found). Each side's
// region is scanned once: at every word start, only the cues whose first
// word is the one there (or, at the end of view, whose first byte is the
// one there) are compared. (The engine calls cueDeltaBuf with its
// scratch buffer.)
func (c *cueSet) cueDelta(view []byte, s, e int) int {
	var buf cueBuf
	return c.cueDeltaBuf(&buf, view, s, e)
}

// cueBufLen is the room cueDeltaBuf gives the kernel for its records: a
// block's worth and two fallbacks past the limit it stops at. The limit
// (cueBufLen-34 = 66) is above the 64 word starts four blocks can hold,
// so that the kernel's fast paths (segments of up to 64 bytes, no limit)
// write the records cueScanGo does.
const cueBufLen = 100

type cueBuf [cueBufLen]uint64

// cueDeltaBuf is cueDelta with buf for the kernel's records. When the
// kernel applies (vector pre-pass, every cue starting with a letter or
// digit, every head in its home slot), it lists for both sides at once
// the word starts whose head is a cue's (cueScan), and only those are
// compared; otherwise each side is scanned by scanCues.
func (c *cueSet) cueDeltaBuf(buf *cueBuf, view []byte, s, e int) int {
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
	if !c.kernel {
		return scanCues(c, view, lo, s, Before, &seen) + scanCues(c, view, e, hi, After, &seen)
	}
	w := c.words
	// Field by field: a composite literal is built aside and copied 16
	// bytes at a time, reads that wait for the 8-byte stores just made
	// (a store-forwarding stall, ~2% of a pii pass).
	var a cueArgs
	a.view, a.n = unsafe.SliceData(view), len(view)
	a.seg[0][0], a.seg[0][1], a.seg[1][0], a.seg[1][1] = lo, s, e, hi
	a.nib, a.class, a.heads, a.mul, a.shift = c.cueNib, &byteClasses[0], &w.heads[0], w.mul, uint64(w.shift)
	a.out, a.outLimit = &buf[0], &buf[cueBufLen-34]
	cueScan(&a)
	d := 0
	for _, rec := range buf[:(uintptr(unsafe.Pointer(a.outEnd))-uintptr(unsafe.Pointer(a.out)))/8] {
		j, slot := int(uint32(rec)), int(rec>>32&0xFFFF)
		side, shi := Before, s
		if rec>>48&1 != 0 {
			side, shi = After, hi
		}
		switch slot {
		case cueRestOfSegment:
			d += scanCuesWords(c, view, j, shi, side, &seen)
		case cueNearEnd:
			d += c.matchAt(view, j, shi, side, &seen)
		default:
			d += c.matchHead(view, j, int(rec>>52), shi, side, &seen, &w.heads[slot])
		}
	}
	return d
}

// The kernel's records (cueScan) are j | slot<<32 | segment<<48 | n<<52:
// a word start j of segment 0 (before the match) or 1 (after it), whose
// run of n letters and digits (up to 8) is the head in w.heads[slot].
// Two slots stand for what the kernel leaves to the scalar code:
const (
	cueNearEnd       = 0xFFFF // j is a word start too near the view's end to read eight bytes: matchAt
	cueRestOfSegment = 0xFFFE // the segment from j on: scanCuesWords
)

// cueArgs is the kernel's frame (offsets checked by TestCueArgsLayout).
type cueArgs struct {
	view     *byte         // 0
	n        int           // 8: len(view)
	seg      [2][2]int     // 16: [lo, hi) before the match and after it
	nib      *nibbleTables // 48: cueNib
	class    *ByteClass    // 56: byteClasses
	heads    *cueHead      // 64: the word table
	mul      uint64        // 72
	shift    uint64        // 80
	out      *uint64       // 88: the records
	outEnd   *uint64       // 96: out: past the last record
	outLimit *uint64       // 104: no block is started at or past it (34 records from the end)
}

// cueScanGo is the kernel in Go (cueScanAMD64 is the same in assembly):
// for each segment, each word start whose pair of bytes passes the
// nibble tables and whose head is in its home slot of the word table
// gives a record. A segment it cannot finish in whole 32-byte blocks
// (each reading the byte after it) gives a cueRestOfSegment record.
func cueScanGo(a *cueArgs) {
	view := unsafe.Slice(a.view, a.n)
	out := unsafe.Slice(a.out, (uintptr(unsafe.Pointer(a.outLimit))-uintptr(unsafe.Pointer(a.out)))/8+34)
	limit := len(out) - 34
	heads := unsafe.Slice(a.heads, 1<<(64-a.shift))
	cnt := 0
	for sg, seg := range a.seg {
		for i, hi := seg[0], seg[1]; i < hi; i += 32 {
			if cnt >= limit || i+33 > a.n {
				out[cnt] = uint64(i) | cueRestOfSegment<<32 | uint64(sg)<<48
				cnt++
				break
			}
			for b := 0; b < 32 && i+b < hi; b++ {
				j := i + b
				if !a.nib.candidate(view[j], view[j+1]) || !isWordByte(view[j]) || j > 0 && isWordByte(view[j-1]) {
					continue
				}
				if j+8 > a.n {
					out[cnt] = uint64(j) | cueNearEnd<<32 | uint64(sg)<<48
					cnt++
					continue
				}
				u := binary.LittleEndian.Uint64(view[j:])
				n := bits.TrailingZeros64(^wordBytes(u)&0x8080808080808080) >> 3
				key := u | 0x2020202020202020
				if n < 8 {
					key &= 1<<(8*n) - 1
				}
				slot := key * a.mul >> a.shift
				if heads[slot].key == key {
					out[cnt] = uint64(j) | slot<<32 | uint64(sg)<<48 | uint64(n)<<52
					cnt++
				}
			}
		}
	}
	a.outEnd = &out[:cnt+1][cnt]
}

// scanCues marks in seen the cues allowed on side that occur whole in
// view[lo:hi] and were not yet marked, ignoring ASCII case, with a space
// in a cue matching a run of separators, and returns the sum of their
// deltas. Word boundaries are judged on the bytes of view around the
// occurrence.
//
// Cues start at word starts only (a byte not preceded by a letter or
// digit). When every cue of c starts with a letter or digit (wordFirst),
// the word starts are found eight bytes at a time (or, with the vector
// pre-pass, the positions whose pair of bytes may begin a cue 32 at a
// time), and only the cues whose first word is the word there are
// compared (matchWord).
func scanCues(c *cueSet, view []byte, lo, hi int, side Side, seen *[4]uint64) (d int) {
	i := lo
	if c.cueNib != nil {
		// The vector pre-pass marks the positions whose pair of bytes
		// may begin a cue, 32 at a time; the word boundary is then
		// checked and the word looked up in the word table, which is
		// exact (cheaper than checking the pair set first). Each block
		// reads one byte past its end.
		var masks [8]uint32
		var nl [8]uint64
		// Whole blocks within [lo, hi), each reading one byte past its end
		// (shifts, not divisions: the distances may be negative).
		for left := min(hi-i, len(view)-1-i) >> 5; left > 0; {
			nb := min(left, len(masks))
			if _, ok := pairMasks(view[i:], 0, c.cueNib, masks[:nb], nl[:nb], 0); !ok {
				break
			}
			left -= nb
			for k, m := range masks[:nb] {
				for m != 0 {
					j := i + 32*k + bits.TrailingZeros32(m)
					m &= m - 1
					if j > 0 && isWordByte(view[j-1]) {
						continue
					}
					d += c.matchWord(view, j, hi, side, seen)
				}
			}
			i += 32 * nb
		}
	}
	return d + scanCuesWords(c, view, i, hi, side, seen)
}

// scanCuesWords is scanCues without the vector pre-pass, from view[i].
func scanCuesWords(c *cueSet, view []byte, i, hi int, side Side, seen *[4]uint64) (d int) {
	if c.wordFirst {
		prev := uint64(0) // 0x80 when the byte before the block is a word byte
		if i > 0 && isWordByte(view[i-1]) {
			prev = 0x80
		}
		for ; i+8 <= hi; i += 8 {
			w := wordBytes(binary.LittleEndian.Uint64(view[i:]))
			starts := w &^ (w<<8 | prev)
			prev = w >> 56
			for starts != 0 {
				j := i + bits.TrailingZeros64(starts)>>3
				starts &= starts - 1
				// j+1 < i+8 <= hi <= len(view) unless j is the block's last byte.
				if j+1 < len(view) {
					if p := uint16(view[j]) | uint16(view[j+1])<<8; c.cuePairs[p>>6]>>(p&63)&1 == 0 {
						continue
					}
				}
				d += c.matchWord(view, j, hi, side, seen)
			}
		}
	}
	for ; i < hi; i++ {
		if i > 0 && isWordByte(view[i-1]) {
			continue
		}
		d += c.matchAt(view, i, hi, side, seen)
	}
	return d
}

// matchAt marks the cues allowed on side that occur whole at view[i],
// within view[:hi], and not yet in seen, and returns the sum of their
// deltas.
func (c *cueSet) matchAt(view []byte, i, hi int, side Side, seen *[4]uint64) (d int) {
	for _, k := range c.byFirst[lowerASCII(view[i])] {
		cu := &c.cues[k]
		if cu.side != Both && cu.side != side || seen[k>>6]>>(k&63)&1 != 0 {
			continue
		}
		if end, ok := matchCue(view[:hi], i, cu.word); ok && (end >= len(view) || !isWordByte(view[end])) {
			seen[k>>6] |= 1 << (k & 63)
			d += cu.delta
		}
	}
	return d
}

// wordBytes returns 0x80 in each byte of u (eight bytes, little-endian)
// that is an ASCII letter or digit (isWordByte), and 0 elsewhere.
func wordBytes(u uint64) uint64 {
	const lo7, hi1 = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	ascii := ^u & hi1
	x := u & lo7
	// Per byte, x+(0x7F-b) sets the top bit iff x > b, and x+(0x80-a)
	// iff x >= a; no byte carries into the next.
	digit := (x + 0x0101010101010101*(0x80-'0')) &^ (x + 0x0101010101010101*(0x7F-'9'))
	l := x | 0x2020202020202020
	letter := (l + 0x0101010101010101*(0x80-'a')) &^ (l + 0x0101010101010101*(0x7F-'z'))
	return (digit | letter) & ascii
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
