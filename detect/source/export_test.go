package source

import "io"

// SetParallelMin lowers the size from which ScanFile splits a file across
// workers, for tests; it returns a function restoring it.
func SetParallelMin(n int64) (restore func()) {
	old := parallelMin
	parallelMin = n
	return func() { parallelMin = old }
}

// NewLabeller exposes the CSV labeller to the tests.
func NewLabeller(r io.Reader) interface {
	io.Reader
	MapOffset(int64) int64
} {
	return newLabeller(r)
}
