package source

import (
	"bytes"
	"io"
)

// CSVDelimiter returns the delimiter that CSV redaction keeps in data:
// the one the labeller chose from the first line, or ',' if none.
func CSVDelimiter(data []byte) rune {
	l := newLabeller(bytes.NewReader(data))
	io.Copy(io.Discard, l)
	return rune((&csvSyntax{l: l}).delim())
}

// LabellerPending returns how many labelled bytes a reader made by
// NewLabeller holds, not yet returned by Read.
func LabellerPending(r io.Reader) int {
	l := r.(*labeller)
	return len(l.pend) - l.poff
}
