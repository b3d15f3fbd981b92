package detect

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// runProbe reports every hit it is handed as a one-byte finding, so its
// findings show exactly which runs the engine classified as accepted.
type runProbe struct {
	Detector
	accept func(RunShape) bool
}

func (p runProbe) AcceptRun(s RunShape) bool { return p.accept(s) }

func newRunProbe(id string, accept func(RunShape) bool) runProbe {
	d := Func(Spec{ID: id, Kind: "t", MaxLen: 24, Triggers: Triggers{Bytes: Digits}},
		func(dst []Finding, w *Window) ([]Finding, error) {
			for _, h := range w.Hits {
				dst = append(dst, Finding{Start: w.Base + int64(h), End: w.Base + int64(h) + 1, Score: 50})
			}
			return dst, nil
		})
	return runProbe{d, accept}
}

// probeSets are groups of gated digit detectors: plain runs and a chat
// sender's first (clock and date tokens dropped: the chat-stamp path);
// plus clocks and a sender's later runs (dates dropped); plus clocks and
// dates (nothing dropped, senders' runs not wanted); plain runs and every
// run of a sender (the second with a mask of its own).
func probeSets() [][]Detector {
	plain := []Detector{
		newRunProbe("t/long", func(s RunShape) bool { return s.Token == TokenPlain && s.Len >= 3 }),
		newRunProbe("t/joined", func(s RunShape) bool { return s.Token == TokenPlain && (s.JoinBefore || s.JoinAfter) }),
		newRunProbe("t/joinedafter", func(s RunShape) bool { return s.Token == TokenPlain && s.JoinAfter && !s.JoinBefore && s.Len < 5 }),
		newRunProbe("t/lower", func(s RunShape) bool { return s.Token == TokenPlain && s.LowerBeyond && s.Len < 3 }),
		newRunProbe("t/upper", func(s RunShape) bool { return s.Token == TokenPlain && s.UpperBeyond && !s.JoinBefore }),
		newRunProbe("t/lone", func(s RunShape) bool {
			return s.Token == TokenPlain && !s.JoinBefore && !s.JoinAfter && s.Before == ClassSpace
		}),
		newRunProbe("t/edge", func(s RunShape) bool {
			return s.Token == TokenPlain && (s.Before == ClassLineEdge || s.After == ClassLineEdge || s.Len == MaxRunLen)
		}),
	}
	// Chat senders' runs: the first only, the later ones only, none.
	first := newRunProbe("t/sender1", func(s RunShape) bool { return s.Token == TokenSender && s.Before == ClassPlus })
	later := newRunProbe("t/sender23", func(s RunShape) bool { return s.Token == TokenSender && s.JoinBefore })
	mid := newRunProbe("t/sender2", func(s RunShape) bool { return s.Token == TokenSender && s.Len == 4 })
	clock := newRunProbe("t/clock", func(s RunShape) bool { return s.Token == TokenClock && s.Len == 2 })
	date := newRunProbe("t/date", func(s RunShape) bool { return s.Token == TokenDate && s.JoinAfter })
	return [][]Detector{
		append(slices.Clone(plain), first), append(slices.Clone(plain), clock, later),
		append(slices.Clone(plain), clock, date), append(slices.Clone(plain), first, later, mid),
	}
}

// digitText builds text rich in digit runs of every kind, chat stamps
// (some damaged) among them, and runs longer than a batch of blocks.
func digitText(r *rand.Rand, size int) []byte {
	frags := []string{"[12/03/2021, 09:14:55] ", "12/03/2021, 21:14 - ", "+44 7700 900123: ", "1/2/34", "12:30", "9:30:00", "0207 946 0958", "07700 900577",
		"+44 (0)20 7946 0958", "4.50", "build 11.0.1.4737", "GB92 BARC 6556 8550 8795 29", "12-34-56", "  ", "\n", "a1b2", "x 12 y",
		"(1)", "10 mins", "3-Z", "4 Oak", "12/12/12345", "12:345", "10.0.0.1", "5345332304,", "£25", ": 7 ", "/9/", "\xc2\xa0", "\t3\t"}
	var b strings.Builder
	for b.Len() < size {
		switch r.IntN(12) {
		case 0:
			b.WriteString(strings.Repeat("7", 1+r.IntN(80)))
		case 1:
			b.WriteString(fmt.Sprint(r.Uint64()))
		case 2:
			f := []byte(frags[r.IntN(3)])
			f[r.IntN(len(f))] = "0123456789/:, ]x+"[r.IntN(17)]
			b.Write(f)
		case 3:
			b.WriteByte(byte(r.IntN(256)))
		case 4:
			if r.IntN(40) == 0 {
				b.WriteString(strings.Repeat("8", 8000+r.IntN(2000))) // crosses a batch of blocks
			}
		default:
			b.WriteString(frags[r.IntN(len(frags))])
		}
	}
	return []byte(b.String())
}

// fusedEngines compiles each probe set twice per chunk size: the vector
// build, where the prefilter classifies the digit runs as it finds them,
// and the table alone (hits, then classify).
func fusedEngines(t testing.TB) (vec, scalar [][]*Engine) {
	for _, ds := range probeSets() {
		var vs, ss []*Engine
		for _, chunk := range []int{0, 300, 4000} {
			opts := &Options{ChunkSize: chunk, Binary: BinaryScan}
			v, err := Compile(ds, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !v.digitRuns || v.nib == nil {
				t.Fatal("the digit group is not classified by the prefilter: the test tests nothing")
			}
			sc, _ := Compile(ds, opts)
			sc.nib = nil
			vs, ss = append(vs, v), append(ss, sc)
		}
		vec, scalar = append(vec, vs), append(scalar, ss)
	}
	return vec, scalar
}

// fusedCheck compares the findings of the two builds, whole and in small
// chunks, and returns how many there were.
func fusedCheck(t *testing.T, vec, scalar []*Engine, text []byte) int {
	t.Helper()
	n := 0
	for c := range vec {
		got, err1 := vec[c].AppendFind(nil, text)
		want, err2 := scalar[c].AppendFind(nil, text)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("engine %d: finding %d: vector %+v, scalar %+v (%d and %d findings)", c, i, got[i], want[i], len(got), len(want))
				}
			}
			t.Fatalf("engine %d: %d findings with the vector pass, %d without", c, len(got), len(want))
		}
		n += len(got)
	}
	return n
}

func TestDigitRunsFused(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2 in this build or on this CPU")
	}
	vec, scalar := fusedEngines(t)
	r := rand.New(rand.NewPCG(21, 22))
	for si := range vec {
		found := 0
		for range 12 {
			found += fusedCheck(t, vec[si], scalar[si], digitText(r, 1000+r.IntN(30000)))
		}
		if found == 0 {
			t.Fatalf("set %d: no findings at all", si)
		}
	}
}

func FuzzDigitRunsFused(f *testing.F) {
	if !haveAVX2 {
		f.Skip("no AVX2 in this build or on this CPU")
	}
	f.Add([]byte("[12/03/2021, 09:14:55] call 0207 946 0958 or 12:30"), uint8(0))
	f.Add(digitText(rand.New(rand.NewPCG(1, 2)), 3000), uint8(2))
	vec, scalar := fusedEngines(f)
	f.Fuzz(func(t *testing.T, text []byte, set uint8) {
		si := int(set) % len(vec)
		fusedCheck(t, vec[si], scalar[si], text)
	})
}

// The kernel's frame offsets are the assembly's.
func TestDigitArgsLayout(t *testing.T) {
	var a digitArgs
	for _, c := range []struct {
		name     string
		got, off uintptr
	}{
		{"dm", unsafe.Offsetof(a.dm), 0}, {"dmEnd", unsafe.Offsetof(a.dmEnd), 8}, {"view", unsafe.Offsetof(a.view), 16},
		{"n", unsafe.Offsetof(a.n), 24}, {"base", unsafe.Offsetof(a.base), 32}, {"end", unsafe.Offsetof(a.end), 40},
		{"prev", unsafe.Offsetof(a.prev), 48}, {"dropTo", unsafe.Offsetof(a.dropTo), 56}, {"lastE", unsafe.Offsetof(a.lastE), 64},
		{"flags", unsafe.Offsetof(a.flags), 72}, {"accept", unsafe.Offsetof(a.accept), 80}, {"class", unsafe.Offsetof(a.class), 88},
		{"bound", unsafe.Offsetof(a.bound), 96}, {"out", unsafe.Offsetof(a.out), 104}, {"outEnd", unsafe.Offsetof(a.outEnd), 112},
		{"pal", unsafe.Offsetof(a.pal), 120}, {"vbits", unsafe.Offsetof(a.vbits), 128}, {"sender", unsafe.Offsetof(a.sender), 136},
	} {
		if c.got != c.off {
			t.Errorf("digitArgs.%s at %d, the assembly reads it at %d", c.name, c.got, c.off)
		}
	}
	if s := unsafe.Sizeof(gateRun{}); s != 16 {
		t.Errorf("gateRun is %d bytes, the assembly writes 16", s)
	}
	if numShapes != 4096 || ClassDigit != 4 || ClassSlash != 8 || ClassColon != 9 || MaxRunLen != 15 {
		t.Error("the assembly's constants (numShapes, ClassDigit, ClassSlash, ClassColon, MaxRunLen) are out of date")
	}
}

// kernelRun runs the digit kernel k over view from base (nb blocks, the
// digit masks from the bytes) with the gate of the probe set and returns
// its records and final state.
func kernelRun(k func(*digitArgs), gt *gate, view []byte, base, nb int, flags uint64, dropTo int) ([]gateRun, digitArgs) {
	dm := make([]uint32, nb+3)
	for j := range 32 * nb {
		if view[base+j]-'0' < 10 {
			dm[j/32] |= 1 << (j % 32)
		}
	}
	out := make([]gateRun, digitRecords(nb))
	prev := uint64(0)
	if base > 0 && view[base-1]-'0' < 10 {
		prev = 1
	}
	a := digitArgs{
		dm: &dm[0], dmEnd: &dm[nb], view: unsafe.SliceData(view), n: len(view), base: base, end: base + 32*nb,
		prev: prev, dropTo: dropTo, lastE: -1, flags: flags,
		accept: &gt.accept[0], class: &byteClasses[0], bound: &tokenBoundary[0], out: &out[0], pal: &gt.palette[0], vbits: &digitVariant[0],
		sender: gt.sender,
	}
	k(&a)
	cnt := (uintptr(unsafe.Pointer(a.outEnd)) - uintptr(unsafe.Pointer(a.out))) / unsafe.Sizeof(gateRun{})
	return out[:cnt], a
}

func kernelCheck(t *testing.T, gt *gate, view []byte, base, nb int, flags uint64, dropTo int) int {
	got, ga := kernelRun(digitRuns, gt, view, base, nb, flags, dropTo)
	want, wa := kernelRun(digitRunsGo, gt, view, base, nb, flags, dropTo)
	if !slices.Equal(got, want) || ga.dropTo != wa.dropTo || ga.lastE != wa.lastE {
		t.Fatalf("view %q from %d (%d blocks, flags %d, dropTo %d):\n got %v dropTo %d lastE %d\nwant %v dropTo %d lastE %d",
			view, base, nb, flags, dropTo, got, ga.dropTo, ga.lastE, want, wa.dropTo, wa.lastE)
	}
	return len(want)
}

// The digit kernel (assembly on amd64) writes what digitRunsGo writes,
// for every flag combination and gate.
func TestDigitKernel(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	recs := 0
	for si, ds := range probeSets() {
		e, err := Compile(ds, nil)
		if err != nil {
			t.Fatal(err)
		}
		gt := e.groups[e.digitGroup].gate
		if gt == nil {
			t.Fatalf("set %d: no gate", si)
		}
		for range 200 {
			view := digitText(r, 64+r.IntN(3000))
			if len(view) < 40 {
				continue
			}
			base := r.IntN(min(len(view)-33, 64))
			nb := 1 + r.IntN((len(view)-base)/32)
			recs += kernelCheck(t, gt, view, base, nb, uint64(r.IntN(8)), base+r.IntN(40)-20)
		}
	}
	if recs == 0 {
		t.Fatal("no records: the test exercises nothing")
	}
}

// The kernel takes a chat sender's number from whichever of its runs it
// meets first (the kernel's start moves across it), and leaves the
// near misses to the general path or to the plain runs' table.
func TestDigitKernelSender(t *testing.T) {
	views := []string{
		"[12/03/2021, 09:14:55] +44 7700 900123: hi 12 34 5678 +1 2345 678901: x 55 66 77 88 99 00 1",
		"12/03/2021, 21:14 - +44 7700 900123: hi\n+44 7700 900123 and +44 7700 900123:: 1 2 3 4 5 6 7 8 9",
		"xxxxxxxxxx+44 7700 900123: +44 7700 900123: +44 7700 900123:x 1 22 333 4444 55555 666666 77",
	}
	recs, senders := 0, 0
	for si, ds := range probeSets() {
		e, err := Compile(ds, nil)
		if err != nil {
			t.Fatal(err)
		}
		gt := e.groups[e.digitGroup].gate
		if gt.sender == [3]uint64{} && si != 2 {
			t.Fatalf("set %d: no member takes a sender's runs", si)
		}
		for _, v := range views {
			view := []byte(v)
			for base := 0; base+64 <= len(view); base++ {
				for flags := range uint64(8) {
					recs += kernelCheck(t, gt, view, base, 2, flags, -1)
					if flags&digitSenders != 0 {
						got, _ := kernelRun(digitRuns, gt, view, base, 2, flags, -1)
						for _, r := range got {
							if r.e-r.s == 6 && view[r.s-9] == '+' {
								senders++
							}
						}
					}
				}
			}
		}
	}
	if recs == 0 || senders == 0 {
		t.Fatalf("%d records, %d senders' last runs: the test exercises nothing", recs, senders)
	}
}

func FuzzDigitKernel(f *testing.F) {
	f.Add([]byte("[12/03/2021, 09:14:55] call 0207 946 0958 or 12:30 at 1/2/34 x"), uint8(3), uint16(0), int16(-1))
	f.Add(digitText(rand.New(rand.NewPCG(1, 2)), 700), uint8(1), uint16(5), int16(30))
	sets := probeSets()
	var gates []*gate
	for _, ds := range sets {
		e, err := Compile(ds, nil)
		if err != nil {
			f.Fatal(err)
		}
		gates = append(gates, e.groups[e.digitGroup].gate)
	}
	f.Fuzz(func(t *testing.T, view []byte, set uint8, base uint16, dropTo int16) {
		if len(view) < 33 {
			return
		}
		b := int(base) % (len(view) - 32)
		nb := (len(view) - b) / 32
		kernelCheck(t, gates[int(set)%len(gates)], view, b, nb, uint64(set>>2)&7, b+int(dropTo))
	})
}

// hashFilter accepts a pseudo-random half of the shapes, a different
// half for each seed.
type hashFilter struct {
	Detector
	seed uint64
}

func (f hashFilter) AcceptRun(s RunShape) bool {
	x := f.seed ^ uint64(s.Len)<<8 ^ uint64(s.Before)<<16 ^ uint64(s.After)<<24 ^ uint64(s.Token)<<32
	for _, b := range []bool{s.JoinBefore, s.JoinAfter, s.UpperBeyond, s.LowerBeyond} {
		x <<= 1
		if b {
			x |= 1
		}
	}
	x *= 0x9E3779B97F4A7C15
	return x>>63 == 1
}

// The gate's table holds a palette index per shape: the mask it stands
// for is the members' exact mask while the palette has room, and every
// member's past it (more hits than needed, never fewer).
func TestGatePalette(t *testing.T) {
	for _, n := range []int{3, 20} {
		var ds []Detector
		var fs []RunFilter
		for i := range n {
			d := Func(Spec{ID: fmt.Sprintf("t/h%d", i), Kind: "t", MaxLen: 8, Triggers: Triggers{Bytes: Digits}},
				func(dst []Finding, w *Window) ([]Finding, error) { return dst, nil })
			f := hashFilter{d, uint64(i+1) * 0x1234567}
			ds, fs = append(ds, f), append(fs, f)
		}
		e, err := Compile(ds, nil)
		if err != nil {
			t.Fatal(err)
		}
		gt := e.groups[e.digitGroup].gate
		over := 0
		for v := range numVariants {
			rs, ok := variantShape(v)
			if !ok {
				continue
			}
			for l := 1; l <= MaxRunLen; l++ {
				for b := range numClasses {
					for a := range numClasses {
						rs.Len, rs.Before, rs.After = l, b, a
						var want uint64
						for k, f := range fs {
							if f.AcceptRun(rs) {
								want |= 1 << k
							}
						}
						x := gt.accept[v*numShapes+shapeIndex(l, b, a)]
						got := gt.palette[x]
						switch {
						case x == 255 && got == gt.all:
							over++
						case got != want:
							t.Fatalf("%d members: %+v: mask %b, want %b", n, rs, got, want)
						}
					}
				}
			}
		}
		if (over > 0) != (n == 20) {
			t.Errorf("%d members: %d shapes past the palette", n, over)
		}
	}
}
