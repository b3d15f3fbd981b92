//go:build unix

package detect

import "syscall"

// cueCPUNanos returns the CPU time (user + system) the process has used,
// in nanoseconds, or 0 when it cannot tell.
func cueCPUNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
