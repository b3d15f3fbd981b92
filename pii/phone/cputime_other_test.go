//go:build !unix

package phone

import "time"

// cpuNow returns 0 where process CPU time is not available.
func cpuNow() time.Duration { return 0 }
