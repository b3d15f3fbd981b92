//go:build !linux

package detect

// cueCPUNanos returns 0: CPU time is not measured on this platform.
func cueCPUNanos() int64 { return 0 }
