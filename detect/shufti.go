package detect

import "math/bits"

// Vector pre-pass for the pair prefilter (see DESIGN.md, "Prefilter").
//
// The pair table answers "does any trigger start here?" exactly, one
// position at a time. On CPUs with 32-byte byte shuffles (AVX2), a
// pre-pass answers a superset of that question for 32 positions at once:
// every pair (c0, c1) the table marks is put in one of eight buckets, and
// a bucket is described by four 16-entry nibble tables, so that
//
//	cand(i) = lo0[b[i]&15] & hi0[b[i]>>4] & lo1[b[i+1]&15] & hi1[b[i+1]>>4] != 0
//
// is true for every marked pair (and for some others: a bucket accepts
// every combination of the nibbles of its members). The exact table then
// checks only the positions the pre-pass flags. Results are identical by
// construction; only the time differs.
//
// A bucket also has two tables for the byte before the pair, b[i-1]
// (loM, hiM): a keyword anchored on its pair at offset at >= 1 can only
// be there after the keyword's byte at-1 (in either case), so an anchor
// such as " b" for "d o b" fires after an 'o' only, not at every word
// that starts with a b. Buckets with a byte trigger, or an anchor at the
// keyword's start, accept any byte there.

// nibbleTables are the six shuffle tables, each 16 entries repeated in
// both 128-bit lanes, in the order the assembly loads them.
type nibbleTables struct {
	lo0, hi0, lo1, hi1 [32]byte
	loM, hiM           [32]byte // the byte before the pair
	// prev: some bucket does not accept every byte before its pairs
	// (otherwise the pre-pass skips loM and hiM).
	prev bool
}

// A bucket is a set of marked pairs summarised by the nibbles of its
// first and second bytes and of the bytes allowed before them.
type bucket struct {
	lo0, hi0, lo1, hi1 uint16 // nibble sets
	loM, hiM           uint16
}

func (b bucket) union(o bucket) bucket {
	return bucket{b.lo0 | o.lo0, b.hi0 | o.hi0, b.lo1 | o.lo1, b.hi1 | o.hi1, b.loM | o.loM, b.hiM | o.hiM}
}

// anyPrev is the nibble sets of a bucket that accepts any byte before
// its pairs.
const anyPrev = 0xFFFF

// cost estimates how often a bucket fires on text: the estimated
// frequency of the first bytes its nibble sets let through times that of
// the second bytes, times the share of the bytes it lets through before
// them. A bucket passes every byte whose low nibble is in its low set and
// high nibble in its high set, so the estimate sums the frequencies of
// those bytes (byteFreq), not of the nibbles on their own: ':' (0x3A) is
// as rare as it is even when the digits' high nibble and the capitals'
// low nibbles are both in a set.
func (b bucket) cost(w *nibbleWeights) float64 {
	return w.set(b.lo0, b.hi0) * w.set(b.lo1, b.hi1) * w.set(b.loM, b.hiM) / w.set(anyPrev, anyPrev)
}

// nibbleWeights hold byteFreq by high nibble and low-nibble set: for
// each high nibble h, part[h][0][x] sums the frequencies of the bytes
// h<<4|l for l in the set x of low nibbles 0-7, part[h][1][x] for l-8 in
// x (nibbles 8-15).
type nibbleWeights struct{ part [16][2][256]float64 }

// set returns the estimated frequency of the bytes whose low nibble is
// in lo and high nibble in hi.
func (w *nibbleWeights) set(lo, hi uint16) float64 {
	s := 0.0
	for ; hi != 0; hi &= hi - 1 {
		p := &w.part[bits.TrailingZeros16(hi)]
		s += p[0][lo&0xFF] + p[1][lo>>8]
	}
	return s
}

func newNibbleWeights() *nibbleWeights {
	w := new(nibbleWeights)
	for h := range 16 {
		for half := range 2 {
			t := &w.part[h][half]
			for x := 1; x < 256; x++ {
				// t[x] = t[x without its lowest bit] + that bit's byte.
				k := bits.TrailingZeros8(uint8(x))
				t[x] = t[x&(x-1)] + byteFreq(byte(h<<4|half*8+k))
			}
		}
	}
	return w
}

// byteFreq is a rough relative frequency of a byte in English text, chat
// exports and logs. It only guides how pairs share buckets.
func byteFreq(c byte) float64 {
	switch {
	case c == ' ':
		return 16
	case 'a' <= c && c <= 'z':
		return float64(byteRank(c)-170) / 3 // 'e' ≈ 10 … 'z' ≈ 1
	case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return 1
	case c == '\n' || c == '.' || c == ',' || c == ':' || c == '/' || c == '-':
		return 1
	case c >= 0x80:
		return 0.05
	}
	return 0.1
}

// buildNibbleTablesFunc summarises in eight buckets the pairs p (b0 |
// b1<<8) for which marked is true, any byte allowed before them (see
// buildNibbleTablesPrev).
func buildNibbleTablesFunc(marked func(p uint16) bool) (*nibbleTables, bool) {
	return buildNibbleTablesPrev(marked, func(uint16) (uint16, uint16) { return anyPrev, anyPrev })
}

// buildNibbleTablesPrev summarises in eight buckets the pairs p (b0 |
// b1<<8) for which marked is true, each with the nibble sets of the
// bytes allowed before it (prev; anyPrev for any byte). Pairs whose first
// byte is the same start in one bucket; buckets are merged greedily,
// cheapest estimated growth in firing rate first. It reports false when
// nothing is marked.
func buildNibbleTablesPrev(marked func(p uint16) bool, prev func(p uint16) (lo, hi uint16)) (*nibbleTables, bool) {
	var bs []bucket
	// One bucket per first byte and set of bytes allowed before, with
	// the nibbles of its second bytes: keywords anchored on pairs with
	// the same first byte ("ob" of "dob", "ot" of "voter") start apart,
	// as one bucket would pass every mix of their nibbles ("or" after
	// the "f" of "for" passes "ob" after "d" and "ot" after "v").
	for c0 := range 256 {
		var own []bucket
		for c1 := range 256 {
			if p := uint16(c0 | c1<<8); marked(p) {
				lo, hi := prev(p)
				k := 0
				for k < len(own) && (own[k].loM != lo || own[k].hiM != hi) {
					k++
				}
				if k == len(own) {
					own = append(own, bucket{lo0: 1 << (c0 & 15), hi0: 1 << (c0 >> 4), loM: lo, hiM: hi})
				}
				own[k].lo1 |= 1 << (c1 & 15)
				own[k].hi1 |= 1 << (c1 >> 4)
			}
		}
		bs = append(bs, own...)
	}
	if len(bs) == 0 {
		return nil, false
	}
	w := newNibbleWeights()
	// First the merges that add no false pairs (same second-byte and
	// before-byte nibbles and the same high or low first nibble), then
	// greedily.
	samePrev := func(a, b bucket) bool { return a.loM == b.loM && a.hiM == b.hiM }
	bs = mergeSame(bs, func(a, b bucket) bool { return a.lo1 == b.lo1 && a.hi1 == b.hi1 && a.hi0 == b.hi0 && samePrev(a, b) })
	bs = mergeSame(bs, func(a, b bucket) bool { return a.lo1 == b.lo1 && a.hi1 == b.hi1 && a.lo0 == b.lo0 && samePrev(a, b) })
	// Keep the greedy step cheap for huge trigger sets: coarser merges
	// first (same second-byte nibbles, then same first high nibble).
	if len(bs) > 48 {
		bs = mergeSame(bs, func(a, b bucket) bool { return a.lo1 == b.lo1 && a.hi1 == b.hi1 })
	}
	if len(bs) > 48 {
		bs = mergeSame(bs, func(a, b bucket) bool { return a.hi0 == b.hi0 })
	}
	for len(bs) > 8 {
		bi, bj, best := 0, 1, -1.0
		for i := range bs {
			ci := bs[i].cost(w)
			for j := i + 1; j < len(bs); j++ {
				d := bs[i].union(bs[j]).cost(w) - ci - bs[j].cost(w)
				if best < 0 || d < best {
					bi, bj, best = i, j, d
				}
			}
		}
		bs[bi] = bs[bi].union(bs[bj])
		bs = append(bs[:bj], bs[bj+1:]...)
	}
	nt := new(nibbleTables)
	for k, b := range bs {
		bit := byte(1) << k
		for n := range 16 {
			if b.lo0&(1<<n) != 0 {
				nt.lo0[n] |= bit
			}
			if b.hi0&(1<<n) != 0 {
				nt.hi0[n] |= bit
			}
			if b.lo1&(1<<n) != 0 {
				nt.lo1[n] |= bit
			}
			if b.hi1&(1<<n) != 0 {
				nt.hi1[n] |= bit
			}
			if b.loM&(1<<n) != 0 {
				nt.loM[n] |= bit
			}
			if b.hiM&(1<<n) != 0 {
				nt.hiM[n] |= bit
			}
		}
	}
	for _, b := range bs {
		nt.prev = nt.prev || b.loM != anyPrev || b.hiM != anyPrev
	}
	for _, t := range []*[32]byte{&nt.lo0, &nt.hi0, &nt.lo1, &nt.hi1, &nt.loM, &nt.hiM} {
		copy(t[16:], t[:16])
	}
	return nt, true
}

func mergeSame(bs []bucket, same func(a, b bucket) bool) []bucket {
	out := bs[:0]
	for _, b := range bs {
		merged := false
		for i := range out {
			if same(out[i], b) {
				out[i] = out[i].union(b)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, b)
		}
	}
	return out
}

// candidate reports the pre-pass answer for the pair (c0, c1) whatever
// the byte before it (the cue kernel's question). Tests use it.
func (nt *nibbleTables) candidate(c0, c1 byte) bool {
	return nt.lo0[c0&15]&nt.hi0[c0>>4]&nt.lo1[c1&15]&nt.hi1[c1>>4] != 0
}

// candidatePrev reports the pre-pass answer for the pair (c0, c1) after
// the byte cm; the assembly computes the same for 32 positions at once.
func (nt *nibbleTables) candidatePrev(cm, c0, c1 byte) bool {
	return nt.lo0[c0&15]&nt.hi0[c0>>4]&nt.lo1[c1&15]&nt.hi1[c1>>4]&nt.loM[cm&15]&nt.hiM[cm>>4] != 0
}
