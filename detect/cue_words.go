package detect

import (
	"encoding/binary"
	"math/bits"
)

// The word table: an exact filter in front of the cue comparison.
//
// Most positions that pass the pair checks begin ordinary words ("the",
// "reply", "com") that share their first two bytes with some cue. Every
// occurrence of a cue whose first byte is a letter or digit begins with
// the cue's first word, its head: the bytes up to its first byte that is
// not a letter or digit (a space, '-', '.'), or all of it. In the text,
// the head is a whole run of letters and digits, since the byte after it
// is a separator, the cue's next byte, or (at the cue's end) a byte that
// is not a letter or digit. So the run of letters and digits at a word
// start, folded to lower case and cut to eight bytes, must equal the
// head of some cue, cut the same way: one 64-bit key, looked up in a
// small hash table of the heads.

// A cueHead is one entry of the word table: a head and its cues.
type cueHead struct {
	key   uint64 // head, lower case, first eight bytes, little-endian, zero padded; ^0 when the slot is empty
	first uint8  // its cues are headCues[first : first+n]
	n     uint8
}

// cueWords is the word table of a cue set whose every cue starts with a
// letter or digit: an open-addressing hash table of the heads.
type cueWords struct {
	heads    []cueHead // len a power of two, at least four times the number of heads
	mul      uint64    // a head's home slot is key*mul>>shift
	shift    uint8
	maxProbe int // every head is at most maxProbe slots after its home slot (usually 0)
	headCues []uint8
	// exact marks the cues that are all head, shorter than eight bytes:
	// a key match at a word start is an occurrence (if it fits).
	exact [4]uint64
}

// headKey returns the key of the head of the lower-case cue word.
func headKey(word []byte) uint64 {
	var b [8]byte
	for i := 0; i < len(word) && i < 8 && isWordByte(word[i]); i++ {
		b[i] = word[i]
	}
	return binary.LittleEndian.Uint64(b[:])
}

// newCueWords builds the word table of cues (every word starts with a
// letter or digit).
func newCueWords(cues []cue) *cueWords {
	w := new(cueWords)
	var keys []uint64
	for i, cu := range cues {
		k := headKey(cu.word)
		if !containsKey(keys, k) {
			keys = append(keys, k)
		}
		if len(cu.word) < 8 && wordRun(cu.word) == len(cu.word) {
			w.exact[i>>6] |= 1 << (i & 63)
		}
	}
	// Cues grouped by head, in the order heads were first seen.
	firsts := make([]uint8, len(keys))
	counts := make([]uint8, len(keys))
	for ki, k := range keys {
		firsts[ki] = uint8(len(w.headCues))
		for i, cu := range cues {
			if headKey(cu.word) == k {
				w.headCues = append(w.headCues, uint8(i))
			}
		}
		counts[ki] = uint8(len(w.headCues)) - firsts[ki]
	}
	// Of 64 multipliers (a fixed sequence), the one that puts the heads
	// furthest from each other: with at most a quarter of the slots used,
	// a few dozen heads usually all land in their home slots (maxProbe
	// 0: a lookup reads one slot).
	nb := bits.Len(uint(len(keys))) + 2
	mask := 1<<nb - 1
	seed := uint64(0x9E3779B97F4A7C15)
	for try := range 64 {
		seed += 0x9E3779B97F4A7C15
		mul := splitmix(seed) | 1
		shift := uint8(64 - nb)
		heads := make([]cueHead, 1<<nb)
		for i := range heads {
			heads[i].key = ^uint64(0)
		}
		maxProbe := 0
		for ki, k := range keys {
			p, home := 0, int(k*mul>>shift)
			for heads[(home+p)&mask].key != ^uint64(0) {
				p++
			}
			heads[(home+p)&mask] = cueHead{key: k, first: firsts[ki], n: counts[ki]}
			maxProbe = max(maxProbe, p)
		}
		if try == 0 || maxProbe < w.maxProbe {
			w.heads, w.mul, w.shift, w.maxProbe = heads, mul, shift, maxProbe
		}
		if maxProbe == 0 {
			break
		}
	}
	return w
}

// find returns the slot of the head key, or nil.
func (w *cueWords) find(key uint64) *cueHead {
	mask := len(w.heads) - 1
	home := int(key * w.mul >> w.shift)
	for p := 0; ; p++ {
		h := &w.heads[(home+p)&mask]
		if h.key == key {
			return h
		}
		if p >= w.maxProbe {
			return nil
		}
	}
}

func containsKey(keys []uint64, k uint64) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// wordRun returns the length of the run of letters and digits that b
// starts with.
func wordRun(b []byte) int {
	n := 0
	for n < len(b) && isWordByte(b[n]) {
		n++
	}
	return n
}

func splitmix(x uint64) uint64 {
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// matchWord is matchAt through the word table: it marks the cues allowed
// on side that occur whole at view[i], within view[:hi], and not yet in
// seen, and returns the sum of their deltas. view[i] must be a word start
// (i == 0 or view[i-1] is not a letter or digit), and every cue must
// start with a letter or digit (c.words is set). Within eight bytes of
// the end of view it is matchAt.
func (c *cueSet) matchWord(view []byte, i, hi int, side Side, seen *[4]uint64) (d int) {
	if i+8 > len(view) {
		return c.matchAt(view, i, hi, side, seen)
	}
	w := c.words
	u := binary.LittleEndian.Uint64(view[i:])
	// n: the length of the run of letters and digits at i, up to 8.
	n := bits.TrailingZeros64(^wordBytes(u)&0x8080808080808080) >> 3
	key := u | 0x2020202020202020 // lower case, for letters and digits
	if n < 8 {
		key &= 1<<(8*n) - 1
	}
	h := w.find(key)
	if h == nil {
		return 0
	}
	return c.matchHead(view, i, n, hi, side, seen, h)
}

// matchHead is matchWord once the head h of the run of n letters and
// digits (up to 8) at view[i] is found.
func (c *cueSet) matchHead(view []byte, i, n, hi int, side Side, seen *[4]uint64, h *cueHead) (d int) {
	w := c.words
	for _, k := range w.headCues[h.first : h.first+h.n] {
		cu := &c.cues[k]
		if cu.side != Both && cu.side != side || seen[k>>6]>>(k&63)&1 != 0 {
			continue
		}
		if w.exact[k>>6]>>(k&63)&1 != 0 {
			// The run at i is the whole cue, and the byte after it is
			// not a letter or digit.
			if i+n > hi {
				continue
			}
		} else if end, ok := matchCue(view[:hi], i, cu.word); !ok || end < len(view) && isWordByte(view[end]) {
			continue
		}
		seen[k>>6] |= 1 << (k & 63)
		d += cu.delta
	}
	return d
}
