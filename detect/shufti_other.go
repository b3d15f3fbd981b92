//go:build !amd64 || purego

package detect

const haveAVX2 = false

// pairMasks reports false: this build has no vector pre-pass, and the
// prefilter uses the pair table alone.
func pairMasks(p []byte, t *nibbleTables, out []uint32) bool { return false }

// pairMasksDigits reports false, like pairMasks.
func pairMasksDigits(p []byte, t *nibbleTables, out, dout []uint32) bool { return false }
