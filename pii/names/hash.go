package names

import "encoding/binary"

// The table key of a token is its bytes lower-cased (ASCII), without
// apostrophes. Keys are hashed eight bytes at a time; hashFold hashes
// letters straight from the text, folding case as it loads them.

const (
	hashSeed = 0x9E3779B97F4A7C15
	hashMul  = 0xBF58476D1CE4E5B9
	hashMul2 = 0x94D049BB133111EB
	fold8    = 0x2020202020202020
)

func mix(h, v uint64) uint64 {
	h = (h ^ v) * hashMul
	return h ^ h>>31
}

func finalize(h uint64, n int) uint64 {
	h = (h ^ uint64(n)) * hashMul2
	return h ^ h>>29
}

// hashKey hashes a key as it is.
func hashKey(b []byte) uint64 {
	h := uint64(hashSeed)
	n := len(b)
	for len(b) >= 8 {
		h = mix(h, binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	if len(b) > 0 {
		var v uint64
		for i := len(b) - 1; i >= 0; i-- {
			v = v<<8 | uint64(b[i])
		}
		h = mix(h, v)
	}
	return finalize(h, n)
}

// hashFold hashes t[s:e], which holds only ASCII letters (or bytes that
// OR 0x20 leaves alone, like '-' and ' '), lower-cased. It equals
// hashKey of the lower-cased bytes. It may read (not use) up to 7 bytes
// past e when t has them.
func hashFold(t []byte, s, e int) uint64 {
	h := uint64(hashSeed)
	i := s
	for ; i+8 <= e; i += 8 {
		h = mix(h, binary.LittleEndian.Uint64(t[i:])|fold8)
	}
	if i < e {
		var v uint64
		if i+8 <= len(t) {
			v = (binary.LittleEndian.Uint64(t[i:]) | fold8) & (1<<(8*uint(e-i)) - 1)
		} else {
			for j := e - 1; j >= i; j-- {
				v = v<<8 | uint64(t[j]|0x20)
			}
		}
		h = mix(h, v)
	}
	return finalize(h, e-s)
}

// hashString hashes a word from the embedded lists: lower-cased, without
// apostrophes.
func hashString[S ~string | ~[]byte](s S) uint64 {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return hashKey(b)
}
