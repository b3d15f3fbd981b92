//go:build linux

package markings

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU returns the CPU time used by the calling OS thread
// (RUSAGE_THREAD), so throughput can be reported per core even on a
// shared, oversubscribed machine.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs fn in a b.Loop on a locked thread and reports, besides the
// usual wall-clock MB/s, the throughput per second of thread CPU time
// ("cpuMB/s").
func loopCPU(b *testing.B, n int, fn func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	c0 := threadCPU()
	iters := 0
	for b.Loop() {
		fn()
		iters++
	}
	if cpu := threadCPU() - c0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(iters)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}
