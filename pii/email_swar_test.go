package pii

import (
	"encoding/binary"
	"testing"
)

// TestEmailWordMask checks emailWordMask against emailDomainByte for every
// byte value in every lane, next to every kind of neighbour.
func TestEmailWordMask(t *testing.T) {
	for c := range 256 {
		if emailDomainByte[c] && !emailLocalByte[c] {
			t.Fatalf("domain byte %#x is not a local byte", c)
		}
		for _, fill := range []byte{0, 'a', '.', 0x80, 0xff, '@', '/'} {
			for lane := range 8 {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[lane] = byte(c)
				m := emailWordMask(binary.LittleEndian.Uint64(b[:]))
				for i := range b {
					got := m>>(8*i)&0xff == 0x80
					if m>>(8*i)&0x7f != 0 || got != emailDomainByte[b[i]] {
						t.Fatalf("emailWordMask(% x): lane %d gives %#x", b, i, m>>(8*i)&0xff)
					}
				}
			}
		}
	}
}
