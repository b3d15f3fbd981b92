//go:build !unix

package bench

import "time"

// cpuNow is not available here; the MB/cpu-s metric is then omitted.
func cpuNow() time.Duration { return 0 }
