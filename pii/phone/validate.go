package phone

import (
	"sync"

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
)

const (
	cacheShards   = 16
	cachePerShard = 1024 // entries; a full shard is cleared
)

// A cacheShard maps candidate keys ("+447700900123", or national digits)
// to packed results. Lookups with m[string(b)] do not allocate.
type cacheShard struct {
	mu sync.Mutex
	m  map[string]uint32
}

// key writes the cache key of c: '+' and the digits for international
// numbers, the digits alone for national ones.
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
		return resValid | resFictional | 44 | uint32(phonenumbers.UNKNOWN&0xf)<<10, true
	}
	var kb [maxDigits + 5]byte
	k := c.key(kb[:0])
	h := uint32(2166136261)
	for _, b := range k {
		h = (h ^ uint32(b)) * 16777619
	}
	sh := &d.cache[h%cacheShards]
	sh.mu.Lock()
	r, hit := sh.m[string(k)]
	sh.mu.Unlock()
	if !hit {
		r = d.lookup(string(k))
		sh.mu.Lock()
		if len(sh.m) >= cachePerShard {
			clear(sh.m)
		}
		sh.m[string(k)] = r
		sh.mu.Unlock()
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

func isDrama(nsn []byte) bool {
	if len(nsn) != 10 {
		return false
	}
	for _, r := range dramaRanges {
		if string(nsn[:len(r)]) == r {
			return true
		}
	}
	return false
}
