package phone

import (
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// Validation results are packed in a uint32:
//
//	bit 31     valid
//	bits 0-14  as in Info (calling code, type, fictional)
const (
	resValid     = 1 << 31
	resFictional = 1 << 14
	resInfoMask  = 1<<15 - 1
	// resDrama is the result for an Ofcom drama number.
	resDrama = resValid | resFictional | 44 | uint32(phonenumbers.UNKNOWN&0xf)<<10
)

// The cache of phonenumbers answers is a table of cacheSlots words, each
// holding a whole entry (a key and its answer, or 0 for none), read and
// written with atomic loads and stores: lookups take no lock, do not
// allocate and load one word (no pointer to follow: one cache miss, not
// two), and a reader sees either no entry or a whole one. A key lives in
// one of two neighbouring slots; when both are taken a new answer
// replaces one of them. A lost or replaced entry only costs another
// phonenumbers call (answers never change). The table is allocated on the
// first call, so that a detector that only ever sees drama numbers (or no
// numbers) does not pay for it.
//
// An entry fits in a word because the key (cacheKey, below 2^cacheKeyBits)
// is mixed by a bijection of its cacheKeyBits-bit values (a multiply by
// an odd number, modulo 2^cacheKeyBits: cacheMix): the top bits of the
// mix choose the pair of slots, so only its low cacheTagBits bits (the
// tag) are stored, beside the 16 bits of the answer that matter (valid
// and the Info bits) and a bit that marks the word used.
const (
	cacheBits    = 14
	cacheSlots   = 1 << cacheBits
	cacheKeyBits = 52                             // 2·10^15 << 1 | 1 < 2^52
	cacheTagBits = cacheKeyBits - (cacheBits - 1) // the pair holds the other bits
	cacheUsed    = 1 << 63                        // an entry, not an empty slot
	cacheResMask = resInfoMask | resValid>>16     // the answer's bits in an entry
	_            = uint(63 - 16 - cacheTagBits)   // the tag fits below cacheUsed
)

type cacheTable [cacheSlots]atomic.Uint64

// cacheMix mixes a key of cacheKeyBits bits into another, one to one.
func cacheMix(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 & (1<<cacheKeyBits - 1) }

// cacheSlot returns the first of the two slots of the mixed key h.
func cacheSlot(h uint64) uint64 { return h >> (cacheKeyBits - cacheBits) &^ 1 }

// cacheWord returns the entry of the mixed key h with the answer res.
func cacheWord(h uint64, res uint32) uint64 {
	return cacheUsed | (h&(1<<cacheTagBits-1))<<16 | uint64(res&resInfoMask|res>>16&(resValid>>16))
}

// cacheRes returns the answer of the entry w.
func cacheRes(w uint64) uint32 { return uint32(w&resInfoMask) | uint32(w<<16)&resValid }

// cacheKey returns the cache key of c: its digits after a leading 1 (so that
// leading zeros count), shifted left one bit, with bit 0 set for an
// international number. Below 2^cacheKeyBits for at most maxDigits digits.
func (c *cand) cacheKey() uint64 {
	k := uint64(1)
	for _, b := range c.d[:c.n] {
		k = k*10 + uint64(b-'0')
	}
	k <<= 1
	if c.intl {
		k |= 1
	}
	return k
}

// key writes the phonenumbers input for c: '+' and the digits for
// international numbers, the digits alone for national ones.
func (c *cand) key(buf []byte) []byte {
	if c.intl {
		buf = append(buf, '+')
	}
	return append(buf, c.d[:c.n]...)
}

// validate reports whether c is a valid number, with its packed result.
// Ofcom drama numbers are valid without asking phonenumbers; other answers
// come from the cache or from phonenumbers Parse + IsValidNumber.
func (d *Detector) validate(c *cand) (uint32, bool) {
	if nsn, ok := d.ukNSN(c); ok && isDrama(nsn) {
		return resDrama, true
	}
	if c.n > maxDigits {
		// Not a key (none is asked for: the scanner rejects them).
		var kb [len(cand{}.d) + 1]byte
		r := d.lookup(string(c.key(kb[:0])))
		return r, r&resValid != 0
	}
	h := cacheMix(c.cacheKey())
	i := cacheSlot(h)
	tag := cacheWord(h, 0) // the entry's bits but the answer's
	tab := d.cache.Load()
	if tab != nil {
		if w := tab[i].Load(); w&^cacheResMask == tag {
			r := cacheRes(w)
			return r, r&resValid != 0
		}
		if w := tab[i+1].Load(); w&^cacheResMask == tag {
			r := cacheRes(w)
			return r, r&resValid != 0
		}
	} else {
		d.cache.CompareAndSwap(nil, new(cacheTable))
		tab = d.cache.Load()
	}
	var kb [maxDigits + 5]byte
	r := d.lookup(string(c.key(kb[:0])))
	w := cacheWord(h, r)
	switch {
	case tab[i].Load() == 0:
		tab[i].Store(w)
	case tab[i+1].Load() == 0:
		tab[i+1].Store(w)
	default:
		tab[i+h&1].Store(w) // either, by a bit of the mixed key
	}
	return r, r&resValid != 0
}

// lookup asks phonenumbers. It allocates.
func (d *Detector) lookup(s string) uint32 {
	d.calls.Add(1)
	n, err := phonenumbers.Parse(s, d.region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return 0
	}
	t := phonenumbers.GetNumberType(n)
	tb := uint32(t)
	if t == phonenumbers.UNKNOWN || tb > 14 {
		tb = 15
	}
	return resValid | uint32(n.GetCountryCode())&0x3ff | tb<<10
}

// ukNSN returns the UK national significant number of c (without the
// trunk 0), if c is a UK number.
func (d *Detector) ukNSN(c *cand) ([]byte, bool) {
	ds := c.d[:c.n]
	switch {
	case c.intl && len(ds) > 2 && ds[0] == '4' && ds[1] == '4':
		ds = ds[2:]
		if len(ds) > 0 && ds[0] == '0' {
			ds = ds[1:]
		}
	case !c.intl && d.gb && len(ds) > 1 && ds[0] == '0':
		ds = ds[1:]
	default:
		return nil, false
	}
	return ds, true
}

// dramaRanges are the UK number blocks Ofcom reserves for TV, radio and
// film drama, as national significant numbers: each prefix followed by
// three more digits (10-digit NSNs). Source: Ofcom, "Telephone numbers
// for use in TV and radio drama programmes".
var dramaRanges = [...]string{
	"1134960", "1144960", "1154960", "1164960", "1174960", "1184960",
	"1214960", "1314960", "1414960", "1514960", "1614960", "1914980",
	"2079460", "2896496", "2920180", "1632960", "7700900", "8081570",
	"9098790", "3069990",
}

const (
	dramaPrefix = 7 // digits in each of dramaRanges
	dramaEmpty  = 1<<32 - 1
)

// dramaTable holds dramaRanges as integers in a collision-free hash table
// of 64 slots, indexed by the top six bits of prefix*dramaMul; empty
// slots hold dramaEmpty, which is no 7-digit prefix.
var dramaTable, dramaMul = func() (tab [64]uint32, mul uint32) {
	// The first odd multiplier that spreads the prefixes without
	// collisions; found once, at package initialisation.
	for mul = 1; ; mul += 2 {
		for s := range tab {
			tab[s] = dramaEmpty
		}
		ok := true
		for _, r := range dramaRanges {
			v := uint32(0)
			for k := 0; k < dramaPrefix; k++ {
				v = v*10 + uint32(r[k]-'0')
			}
			s := (v * mul) >> 26
			if tab[s] != dramaEmpty {
				ok = false
				break
			}
			tab[s] = v
		}
		if ok {
			return tab, mul
		}
	}
}()

// isDrama reports whether the national significant number nsn (digits)
// is in one of dramaRanges.
func isDrama(nsn []byte) bool {
	if len(nsn) != 10 {
		return false
	}
	// Two short chains of multiply-adds instead of one of seven.
	return dramaKey(uint32(nsn[0])*1000+uint32(nsn[1])*100+uint32(nsn[2])*10+uint32(nsn[3]),
		uint32(nsn[4])*100+uint32(nsn[5])*10+uint32(nsn[6]))
}

// dramaKey reports whether a ten-digit national significant number is in
// one of dramaRanges, from its first seven digits as bytes: a the first
// four (sum of byte × 1000, 100, 10, 1) and b the next three.
func dramaKey(a, b uint32) bool {
	v := a*1000 + b - '0'*1111111
	return dramaTable[(v*dramaMul)>>26] == v
}
