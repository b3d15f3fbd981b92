package decode

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// A model recomputes a decoder's positions inside a block. find returns
// the offset in src of the first byte of the code unit(s) whose decoded
// output contains decoded byte t, and the decoded offset of that unit,
// counting from src[0], which is at a code unit boundary. atEOF reports
// whether src ends where the input ends.
type model interface {
	find(src []byte, t int, atEOF bool) (srcOff, decOff int)
}

func newModel(enc encoding.Encoding) model {
	if cm, ok := enc.(interface{ DecodeByte(byte) rune }); ok {
		var m byteModel
		for b := range 256 {
			r := cm.DecodeByte(byte(b))
			n := utf8.RuneLen(r)
			if n < 0 {
				n = 3
			}
			m[b] = uint8(n)
		}
		return &m
	}
	return &genericModel{enc: enc}
}

// utf16Model follows golang.org/x/text/encoding/unicode's UTF-16 decoder
// with IgnoreBOM: a surrogate followed by a unit in DC00..DFFF is decoded
// as a pair (U+FFFD when the first is not a high surrogate), any other
// surrogate as U+FFFD from two bytes, and a single trailing byte at EOF as
// U+FFFD.
type utf16Model struct{ big bool }

func (m utf16Model) unit(b []byte) rune {
	if m.big {
		return rune(b[0])<<8 | rune(b[1])
	}
	return rune(b[1])<<8 | rune(b[0])
}

func (m utf16Model) find(src []byte, t int, _ bool) (int, int) {
	n, i := 0, 0
	for i < len(src) {
		dsz, ssz := 3, 1
		if i+1 < len(src) {
			r := m.unit(src[i:])
			ssz = 2
			if utf16.IsSurrogate(r) && i+3 < len(src) {
				if y := m.unit(src[i+2:]); 0xDC00 <= y && y <= 0xDFFF {
					r, ssz = utf16.DecodeRune(r, y), 4
				}
			}
			if dsz = utf8.RuneLen(r); dsz < 0 {
				dsz = 3
			}
		}
		if n+dsz > t {
			return i, n
		}
		n += dsz
		i += ssz
	}
	return i, n
}

// byteModel holds the decoded length of each byte of a single-byte
// encoding (charmap.Charmap).
type byteModel [256]uint8

func (m *byteModel) find(src []byte, t int, _ bool) (int, int) {
	n := 0
	for i, c := range src {
		l := int(m[c])
		if n+l > t {
			return i, n
		}
		n += l
	}
	return len(src), n
}

// genericModel walks the block with a fresh decoder, giving it room for
// one rune at a time so that each call consumes one code unit (with any
// output-free units before it). The decoder sees the rest of the block, so
// decoders that look ahead (Shift JIS after an invalid lead byte) consume
// what they consumed when decoding the stream. It is exact for stateless
// encodings.
type genericModel struct {
	enc     encoding.Encoding
	t       transform.Transformer
	scratch [16]byte
}

func (m *genericModel) find(src []byte, t int, atEOF bool) (int, int) {
	if m.t == nil {
		m.t = m.enc.NewDecoder()
	}
	m.t.Reset()
	n, i := 0, 0
	for i < len(src) {
		var nDst, nSrc int
		var err error
		for k := 1; k <= len(m.scratch); k++ {
			nDst, nSrc, err = m.t.Transform(m.scratch[:k], src[i:], atEOF)
			if nDst > 0 || nSrc > 0 || !errors.Is(err, transform.ErrShortDst) {
				break
			}
		}
		if nDst == 0 && nSrc == 0 {
			return i, n // no progress: short source or an error
		}
		if n+nDst > t {
			return i, n
		}
		n += nDst
		i += nSrc
	}
	return i, n
}
