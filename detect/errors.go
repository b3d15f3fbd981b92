package detect

import (
	"errors"
	"fmt"
)

var (
	// ErrSpec is wrapped by every error about an invalid Spec or Options.
	ErrSpec = errors.New("detect: invalid spec")
	// ErrDuplicateID is wrapped when two detectors share an ID.
	ErrDuplicateID = errors.New("detect: duplicate detector ID")
	// ErrNoMatch is returned by Registry.Select for a pattern that selects
	// no detector.
	ErrNoMatch = errors.New("detect: pattern matches no detector")
	// ErrBinary is reported when the input looks binary (a NUL byte in its
	// first SniffLen bytes) and Options.Binary is BinaryStop.
	ErrBinary = errors.New("detect: input looks binary")
)

// A SpecError describes an invalid detector Spec. It wraps ErrSpec or
// ErrDuplicateID, so errors.Is works with either.
type SpecError struct {
	ID  string // the detector's ID, possibly empty
	Err error  // what is wrong; wraps ErrSpec or ErrDuplicateID
}

func (e *SpecError) Error() string {
	if e.ID == "" {
		return e.Err.Error()
	}
	return fmt.Sprintf("%v (detector %q)", e.Err, e.ID)
}

func (e *SpecError) Unwrap() error { return e.Err }

func specErr(id, format string, args ...any) *SpecError {
	return &SpecError{ID: id, Err: fmt.Errorf("%w: "+format, append([]any{ErrSpec}, args...)...)}
}

// A ReadError is a read error from the scanner's input, with the input
// offset where it happened. Findings before that offset have been
// delivered.
type ReadError struct {
	Offset int64
	Err    error
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("detect: read at offset %d: %v", e.Offset, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }
