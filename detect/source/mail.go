package source

import (
	"errors"
	"io"
)

func (s *run) mbox(loc *Location, r io.Reader, depth int) error {
	return s.text(loc, r)
}

func (s *run) eml(loc *Location, r io.Reader, depth int) error {
	return s.text(loc, r)
}

func (s *run) zip(loc *Location, r io.Reader, ra io.ReaderAt, size int64, depth int) error {
	return errors.New("zip: not yet supported")
}
