package source

import "io"

// LabellerPending returns how many labelled bytes a reader made by
// NewLabeller holds, not yet returned by Read.
func LabellerPending(r io.Reader) int {
	l := r.(*labeller)
	return len(l.pend) - l.poff
}
