//go:build !linux

package markings

import "testing"

func loopCPU(b *testing.B, n int, fn func()) {
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		fn()
	}
}
