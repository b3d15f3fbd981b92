package source

import (
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/tidemark/tidemark/detect/decode"
)

// decodeText returns a reader of r's text as UTF-8 (see package decode): a
// UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is
// decoded, and text whose first bytes are not valid UTF-8 is read as
// Windows-1252. The reader maps decoded offsets back to offsets in r
// (detect.OffsetMapper).
func decodeText(r io.Reader) *decode.Reader {
	return decode.NewReader(r, &decode.Options{Fallback: charmap.Windows1252})
}

// validPrefix reports whether b is valid UTF-8, but for a rune cut at its end.
func validPrefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}
