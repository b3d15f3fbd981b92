package source

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeText returns a reader of r's text as UTF-8: a UTF-8 byte-order
// mark is dropped (offsets still count it), UTF-16 with a byte-order mark
// is decoded, and text whose first bytes are not valid UTF-8 is read as
// Windows-1252. It also returns the encoding's name.
func decodeText(r io.Reader) (io.Reader, string) {
	br := bufio.NewReaderSize(r, 8<<10)
	head, _ := br.Peek(8 << 10)
	switch {
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		br.Discard(3)
		return &shifted{r: br, by: 3}, "utf-8"
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		name := "utf-16le"
		if head[0] == 0xfe {
			name = "utf-16be"
		}
		return transform.NewReader(br, dec), name
	case !validPrefix(head) && bytes.IndexByte(head, 0) < 0:
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252"
	}
	return br, "utf-8"
}

// validPrefix reports whether b is valid UTF-8, but for a rune cut at its end.
func validPrefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// shifted is a reader whose offsets are by bytes after its input's start
// (a dropped byte-order mark). It implements detect.OffsetMapper.
type shifted struct {
	r  io.Reader
	by int64
}

func (s *shifted) Read(p []byte) (int, error) { return s.r.Read(p) }

// MapOffset implements detect.OffsetMapper.
func (s *shifted) MapOffset(off int64) int64 { return off + s.by }
