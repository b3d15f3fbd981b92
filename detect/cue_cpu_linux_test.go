package detect

import "syscall"

// cueCPUNanos returns the CPU time (user + system) the calling thread has
// used, in nanoseconds, or 0 when it cannot tell. The caller locks its
// goroutine to the thread.
func cueCPUNanos() int64 {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
