//go:build !amd64 || purego

package detect

const haveAVX2 = false

// pairMasks reports false: this build has no vector pre-pass, and the
// prefilter uses the pair table alone.
func pairMasks(p []byte, prev byte, t *nibbleTables, out []uint32, nout []uint64, nl int) (int, bool) {
	return nl, false
}

// pairMasksDigits reports false, like pairMasks.
func pairMasksDigits(p []byte, prev byte, t *nibbleTables, out, dout []uint32, nout []uint64, nl int) (int, bool) {
	return nl, false
}

// filterCands is filterCandsGo (the vector pre-pass, which alone calls
// it, is not in this build).
func filterCands(masks []uint32, view []byte, i int, tab *[1 << 16]uint16, lone []kwCheck, out []uint64) int {
	return filterCandsGo(masks, view, i, tab, lone, out)
}

// digitRuns is digitRunsGo (the vector pre-pass, which alone calls it,
// is not in this build).
func digitRuns(a *digitArgs) { digitRunsGo(a) }

// cueScan is cueScanGo (no cue set has the vector tables it needs in this
// build, so it is not called).
func cueScan(a *cueArgs) { cueScanGo(a) }
