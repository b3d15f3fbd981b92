//go:build !amd64 || purego

package detect

const haveAVX2 = false

// pairMasks reports false: this build has no vector pre-pass, and the
// prefilter uses the pair table alone.
func pairMasks(p []byte, t *nibbleTables, out []uint32) bool { return false }

// pairMasksRuns reports false, like pairMasks.
func pairMasksRuns(p []byte, t *nibbleTables, out, dout []uint32, prev uint32) (uint32, bool) {
	return 0, false
}
