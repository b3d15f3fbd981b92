//go:build !purego

package detect

//go:noescape
func pairMasksAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, nout *uint64, nl int) int

//go:noescape
func pairMasksDigitsAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, dout *uint32, nout *uint64, nl int) int

//go:noescape
func pairMasksPrevAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, nout *uint64, nl int, prev int) int

//go:noescape
func pairMasksDigitsPrevAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, dout *uint32, nout *uint64, nl int, prev int) int

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax uint32)

// haveAVX2 reports whether the CPU and the operating system support AVX2
// (CPUID leaf 7 EBX bit 5, OSXSAVE, and XMM and YMM state enabled in XCR0),
// and the CPU the bit instructions the kernels also use: POPCNT (leaf 1
// ECX bit 23), BMI1 (leaf 7 EBX bit 3: TZCNT, BLSR). Every AVX2 processor
// made has them.
var haveAVX2 = func() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const popcnt, osxsave, avx = 1 << 23, 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 || ecx1&popcnt == 0 {
		return false
	}
	if xgetbv()&6 != 6 {
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const bmi1, avx2 = 1 << 3, 1 << 5
	return ebx7&avx2 != 0 && ebx7&bmi1 != 0
}()

// pairMasks fills out[k] with the pre-pass mask of positions
// 32k..32k+31 of p, for k < len(out), and nout[k] with their newlines
// and, in the high half, nl plus the newlines before them; p must hold
// 32*len(out)+1 bytes, and prev is the byte before p[0] (0 when there is
// none: a keyword anchored after its first byte cannot start before the
// view). Tables whose buckets all accept any byte before their pairs
// (t.prev false) go to the kernel that does not look at it. It returns nl
// plus the blocks' newlines, or false when there is no vector unit to do
// it.
func pairMasks(p []byte, prev byte, t *nibbleTables, out []uint32, nout []uint64, nl int) (int, bool) {
	if !haveAVX2 {
		return nl, false
	}
	if len(out) == 0 {
		return nl, true
	}
	_ = p[32*len(out)] // bounds check once
	_ = nout[len(out)-1]
	if !t.prev {
		return pairMasksAVX2(&p[0], len(out), t, &out[0], &nout[0], nl), true
	}
	return pairMasksPrevAVX2(&p[0], len(out), t, &out[0], &nout[0], nl, int(prev)), true
}

// pairMasksDigits is pairMasks with out split in two: dout gets the
// ASCII digits, out the other candidates (those that are not digits).
func pairMasksDigits(p []byte, prev byte, t *nibbleTables, out, dout []uint32, nout []uint64, nl int) (int, bool) {
	if !haveAVX2 {
		return nl, false
	}
	if len(out) == 0 {
		return nl, true
	}
	_ = p[32*len(out)] // bounds check once
	_ = dout[len(out)-1]
	_ = nout[len(out)-1]
	if !t.prev {
		return pairMasksDigitsAVX2(&p[0], len(out), t, &out[0], &dout[0], &nout[0], nl), true
	}
	return pairMasksDigitsPrevAVX2(&p[0], len(out), t, &out[0], &dout[0], &nout[0], nl, int(prev)), true
}

//go:noescape
func filterCandsAMD64(masks *uint32, nb int, view *byte, i int, n8 int, tab *uint16, lone *kwCheck, out *uint64) int

// filterCands is filterCandsGo in assembly.
func filterCands(masks []uint32, view []byte, i int, tab *[1 << 16]uint16, lone []kwCheck, out []uint64) int {
	if len(masks) == 0 {
		return 0
	}
	_ = view[i+32*len(masks)] // each position's pair
	_ = out[32*len(masks)+7]  // every position and eight more
	var lp *kwCheck
	if lone != nil {
		_ = lone[len(lone)-1]
		lp = &lone[0]
	}
	return filterCandsAMD64(&masks[0], len(masks), &view[0], i, len(view)-8, &tab[0], lp, &out[0])
}

//go:noescape
func digitRunsAMD64(a *digitArgs)

// digitRuns is digitRunsGo in assembly.
func digitRuns(a *digitArgs) { digitRunsAMD64(a) }

//go:noescape
func cueScanAMD64(a *cueArgs)

// cueScan is cueScanGo in assembly.
func cueScan(a *cueArgs) { cueScanAMD64(a) }
