package phone

import (
	"sync/atomic"
	"testing"
)

// prevCacheTable, prevCacheEntry and validatePrev are the validation
// cache as it was before its entries were packed into the table's words:
// a table of pointers to entries (kept to compare with).
type (
	prevCacheTable [cacheSlots]atomic.Pointer[prevCacheEntry]
	prevCacheEntry struct {
		key uint64
		res uint32
	}
)

func prevCacheSlot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - cacheBits) &^ 1 }

func validatePrev(d *Detector, tab *prevCacheTable, c *cand) (uint32, bool) {
	if nsn, ok := d.ukNSN(c); ok && isDrama(nsn) {
		return resDrama, true
	}
	k := c.cacheKey()
	i := prevCacheSlot(k)
	if e := tab[i].Load(); e != nil && e.key == k {
		return e.res, e.res&resValid != 0
	}
	if e := tab[i+1].Load(); e != nil && e.key == k {
		return e.res, e.res&resValid != 0
	}
	var kb [maxDigits + 5]byte
	r := d.lookup(string(c.key(kb[:0])))
	e := &prevCacheEntry{key: k, res: r}
	switch {
	case tab[i].Load() == nil:
		tab[i].Store(e)
	case tab[i+1].Load() == nil:
		tab[i+1].Store(e)
	default:
		tab[i+k>>1&1].Store(e) // either, by a bit of the key
	}
	return r, r&resValid != 0
}

// validateRefCompare validates the candidates spelt by b (a digit count,
// an international flag and digits, over and over) twice, with validate
// and validatePrev on detectors of their own, and fails on any difference.
func validateRefCompare(t *testing.T, d1, d2 *Detector, tab *prevCacheTable, b []byte) {
	for len(b) >= 2 {
		var c cand
		n := min(int(b[0]%maxDigits)+1, len(b)-2)
		c.intl = b[1]&1 != 0
		for i, x := range b[2 : 2+n] {
			c.d[i] = '0' + x%10
		}
		c.n = n
		b = b[2+n:]
		for range 2 {
			r1, ok1 := d1.validate(&c)
			r2, ok2 := validatePrev(d2, tab, &c)
			if r1 != r2 || ok1 != ok2 {
				t.Fatalf("validate(%q, intl %v) = %#x %v, validatePrev %#x %v", c.d[:c.n], c.intl, r1, ok1, r2, ok2)
			}
		}
	}
}

// FuzzValidateRef: validate (entries packed in the table's words) answers
// what validatePrev (pointers to entries) answers, asked once or twice.
func FuzzValidateRef(f *testing.F) {
	f.Add([]byte("\x0a\x00\x00\x02\x00\x07\x09\x04\x06\x00\x00\x01"))
	f.Add([]byte("\x0b\x01\x01\x02\x00\x02\x05\x05\x05\x00\x01\x02\x03\x04"))
	f.Add([]byte("\x0a\x01\x03\x03\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0e\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x00\x01\x02\x03\x04\x05"))
	d1, d2 := New(Options{}), New(Options{})
	tab := new(prevCacheTable)
	f.Fuzz(func(t *testing.T, b []byte) {
		validateRefCompare(t, d1, d2, tab, b)
	})
}

// TestValidateRefMany compares validate and validatePrev on enough
// numbers to fill pairs of slots and replace entries.
func TestValidateRefMany(t *testing.T) {
	d1, d2 := New(Options{}), New(Options{})
	tab := new(prevCacheTable)
	rnd := uint64(7)
	var b []byte
	for range 3000 {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		n := 8 + byte(rnd>>60)%8
		b = append(b, n-1, byte(rnd>>40)&1)
		for i := range n {
			b = append(b, byte(rnd>>(i*3)))
		}
	}
	validateRefCompare(t, d1, d2, tab, b)
	validateRefCompare(t, d1, d2, tab, b)
}

// TestCacheWord: an entry keeps its answer's valid and Info bits, and the
// pair of slots and the tag of a mixed key give back the key.
func TestCacheWord(t *testing.T) {
	for _, r := range []uint32{0, resDrama, resValid | 44, resValid | resInfoMask, resInfoMask} {
		for _, h := range []uint64{0, 1, 1<<cacheKeyBits - 1, 0x5a5a5a5a5a5a5 & (1<<cacheKeyBits - 1)} {
			w := cacheWord(h, r)
			if got := cacheRes(w); got != r {
				t.Errorf("cacheRes(cacheWord(%#x, %#x)) = %#x", h, r, got)
			}
			if w&^cacheResMask != cacheWord(h, 0) || w&cacheUsed == 0 {
				t.Errorf("cacheWord(%#x, %#x) = %#x: tag bits wrong", h, r, w)
			}
			back := cacheSlot(h)>>1<<cacheTagBits | (w>>16)&(1<<cacheTagBits-1)
			if back != h {
				t.Errorf("cacheWord(%#x): pair and tag give %#x", h, back)
			}
		}
	}
	// cacheMix is one to one: its inverse (odd multipliers have one
	// modulo 2^cacheKeyBits) undoes it.
	inv := uint64(0x9E3779B97F4A7C15)
	for range 6 {
		inv *= 2 - 0x9E3779B97F4A7C15*inv // Newton: doubles the good bits
	}
	for k := uint64(1); k < 1<<cacheKeyBits; k = k*3 + 1 {
		if h := cacheMix(k); h*inv&(1<<cacheKeyBits-1) != k {
			t.Fatalf("cacheMix(%#x) = %#x is not undone", k, h)
		}
	}
	// The largest key is below 2^cacheKeyBits.
	var c cand
	c.intl, c.n = true, maxDigits
	for i := range c.n {
		c.d[i] = '9'
	}
	if k := c.cacheKey(); k >= 1<<cacheKeyBits {
		t.Errorf("cacheKey of %d nines = %#x, over %d bits", maxDigits, k, cacheKeyBits)
	}
}
