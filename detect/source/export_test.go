package source

// SetParallelMin lowers the size from which ScanFile splits a file across
// workers, for tests; it returns a function restoring it.
func SetParallelMin(n int64) (restore func()) {
	old := parallelMin
	parallelMin = n
	return func() { parallelMin = old }
}
