package detect

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// wordBytes agrees with isWordByte for every byte in every position.
func TestWordBytes(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			var b [8]byte
			for k := range b {
				b[k] = byte(c + 97*k) // other bytes vary too
			}
			b[pos] = byte(c)
			got := wordBytes(binary.LittleEndian.Uint64(b[:]))
			for k := range 8 {
				want := uint64(0)
				if isWordByte(b[k]) {
					want = 0x80
				}
				if g := got >> (8 * k) & 0xFF; g != want {
					t.Fatalf("bytes % x: byte %d (%q) gives %#x, want %#x", b, k, b[k], g, want)
				}
			}
		}
	}
}

// cueTestDetector has cues of every side, multi-word cues and cues that
// share first bytes.
func cueTestCompiled(t testing.TB) *compiled {
	e, err := Compile([]Detector{Func(Spec{ID: "t/cues", Kind: "t", MaxLen: 8, Triggers: Triggers{Bytes: "#"},
		Cues: Cues{Radius: 64, Words: []Cue{
			{Word: "nhs number", Delta: 30}, {Word: "nhs", Delta: 10}, {Word: "no", Delta: 5, Side: Before},
			{Word: "tel", Delta: -20}, {Word: "telephone", Delta: -10, Side: After}, {Word: "2fa", Delta: 7},
			{Word: "d o b", Delta: 3}, {Word: "x", Delta: 1},
			// Heads of eight bytes and more, words with other bytes than
			// letters, digits and spaces, all-head words of seven bytes.
			{Word: "whatsapp", Delta: 11}, {Word: "e-mail", Delta: 13}, {Word: "date of birth", Delta: 17},
			{Word: "mastercard", Delta: 19}, {Word: "tel.", Delta: 23, Side: After}, {Word: "ab12cd3", Delta: 29},
			{Word: "mastercards", Delta: -31, Side: Before},
		}}}, func(dst []Finding, w *Window) ([]Finding, error) { return dst, nil })}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &e.dets[0]
	if !c.wordFirst || haveAVX2 && c.cueNib == nil {
		t.Fatal("wordFirst or cueNib not set")
	}
	return c
}

// The kernel (cueScan), the vector pre-pass (when the CPU has it) and the
// eight-byte scan find exactly what the byte loop finds; so does the
// kernel in Go.
func cueCompare(t *testing.T, c *cueSet, view []byte, s, e int) {
	fast := c.cueDelta(view, s, e)
	vec := *c
	vec.kernel = false
	swar := vec
	swar.cueNib = nil
	slow := swar
	slow.wordFirst = false
	want := slow.cueDelta(view, s, e)
	if got := swar.cueDelta(view, s, e); got != want {
		t.Fatalf("cueDelta(%q, %d, %d) = %d by words, byte loop gives %d", view, s, e, got, want)
	}
	if got := vec.cueDelta(view, s, e); got != want {
		t.Fatalf("cueDelta(%q, %d, %d) = %d by vector, byte loop gives %d", view, s, e, got, want)
	}
	if fast != want {
		t.Fatalf("cueDelta(%q, %d, %d) = %d by the kernel, byte loop gives %d", view, s, e, fast, want)
	}
	if c.kernel {
		cueKernelCheck(t, c, view, s, e)
	}
}

// cueKernelCheck compares the kernel's records with cueScanGo's for the
// segments cueDelta would give it.
func cueKernelCheck(t *testing.T, c *cueSet, view []byte, s, e int) {
	run := func(k func(*cueArgs)) []uint64 {
		var buf cueBuf
		a := cueArgs{
			view: unsafe.SliceData(view), n: len(view), seg: [2][2]int{{max(0, s-c.radius), s}, {e, min(len(view), e+c.radius)}},
			nib: c.cueNib, class: &byteClasses[0], heads: &c.words.heads[0], mul: c.words.mul, shift: uint64(c.words.shift),
			out: &buf[0], outLimit: &buf[cueBufLen-34],
		}
		k(&a)
		return buf[:(uintptr(unsafe.Pointer(a.outEnd))-uintptr(unsafe.Pointer(a.out)))/8]
	}
	if got, want := run(cueScan), run(cueScanGo); !slices.Equal(got, want) {
		t.Fatalf("cueScan(%q, %d, %d):\n got %x\nwant %x", view, s, e, got, want)
	}
}

func TestScanCuesFast(t *testing.T) {
	c := cueTestCompiled(t)
	words := []string{"nhs", "NHS", "number", "no", "No.", "tel", "Telephone", "2fa", "d", "o", "b", "x", "X", "xnhs", "nhsx",
		"9nhs", " ", "  ", "-", ":", ".", "\n", "é", "\xff", "#", "nhs-number", "nhs:\tnumber",
		"whatsapp", "WhatsApps", "whatsap", "e-mail", "E-Mail", "email", "e", "mail", "date", "of", "birth",
		"mastercard", "MasterCards", "masterc", "tel.", "TEL", "ab12cd3", "AB12CD3x", "ab12cd", "a"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b []byte
		for len(b) < 200 {
			b = append(b, words[r.IntN(len(words))]...)
		}
		s := r.IntN(len(b))
		e := min(len(b), s+1+r.IntN(10))
		cueCompare(t, &c.cueSet, b, s, e)
	}
	if d := c.cueDelta([]byte("NHS number #1234 tel"), 11, 16); d != 30+10-20 {
		t.Fatalf("delta %d, want 20", d)
	}
}

func FuzzScanCues(f *testing.F) {
	f.Add([]byte("NHS number: 943 476 5919 (tel x)"), 12, 24)
	c := cueTestCompiled(f)
	f.Fuzz(func(t *testing.T, b []byte, s, e int) {
		if len(b) == 0 {
			return
		}
		s = (s%len(b) + len(b)) % len(b)
		e = s + 1 + (e%8+8)%8
		cueCompare(t, &c.cueSet, b, s, min(e, len(b)))
	})
}

// digitMask32 marks exactly the ASCII digits, in every position.
// The kernel's frame offsets are the assembly's.
func TestCueArgsLayout(t *testing.T) {
	var a cueArgs
	for _, c := range []struct {
		name     string
		got, off uintptr
	}{
		{"view", unsafe.Offsetof(a.view), 0}, {"n", unsafe.Offsetof(a.n), 8}, {"seg", unsafe.Offsetof(a.seg), 16},
		{"nib", unsafe.Offsetof(a.nib), 48}, {"class", unsafe.Offsetof(a.class), 56}, {"heads", unsafe.Offsetof(a.heads), 64},
		{"mul", unsafe.Offsetof(a.mul), 72}, {"shift", unsafe.Offsetof(a.shift), 80}, {"out", unsafe.Offsetof(a.out), 88},
		{"outEnd", unsafe.Offsetof(a.outEnd), 96}, {"outLimit", unsafe.Offsetof(a.outLimit), 104},
	} {
		if c.got != c.off {
			t.Errorf("cueArgs.%s at %d, the assembly reads it at %d", c.name, c.got, c.off)
		}
	}
	if s := unsafe.Sizeof(cueHead{}); s != 16 {
		t.Errorf("cueHead is %d bytes, the assembly reads 16", s)
	}
	if ClassUpper != 2 || ClassLower != 3 || ClassDigit != 4 {
		t.Error("the assembly's word classes (ClassUpper, ClassLower, ClassDigit) are out of date")
	}
}

func TestDigitMask32(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	b := make([]byte, 32)
	for round := range 20000 {
		for k := range b {
			switch r.IntN(3) {
			case 0:
				b[k] = byte('0' + r.IntN(10))
			case 1:
				b[k] = byte(r.IntN(256))
			default:
				b[k] = "/:9\x00\xb0\xb9\xff0"[r.IntN(8)] // neighbours of the digit range, high bit set
			}
		}
		got := digitMask32(b)
		for k := range b {
			if want := b[k] >= '0' && b[k] <= '9'; (got>>k&1 == 1) != want {
				t.Fatalf("round %d: % x: bit %d = %d", round, b, k, got>>k&1)
			}
		}
	}
}

// digitMask32 returns one bit per byte of b[:32], set for ASCII digits:
// the scalar reference for pairMasksDigitsAVX2.
func digitMask32(b []byte) uint32 {
	_ = b[31]
	var m uint32
	for k := range 4 {
		u := binary.LittleEndian.Uint64(b[8*k:])
		const lo7, hi1, ones = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080, 0x0101010101010101
		x := u & lo7
		d := (x + ones*(0x80-'0')) &^ (x + ones*(0x7F-'9')) & ^u & hi1
		// Gather the top bit of each byte into one byte.
		m |= uint32((d>>7)*0x0102040810204080>>56) << (8 * k)
	}
	return m
}

// A wide radius over text made of cue heads fills the kernel's record
// buffer: the rest of each side goes to the scalar scan, with the same
// result.
func TestScanCuesWide(t *testing.T) {
	e, err := Compile([]Detector{Func(Spec{ID: "t/wide", Kind: "t", MaxLen: 8, Triggers: Triggers{Bytes: "#"},
		Cues: Cues{Radius: MaxRadius, Words: []Cue{
			{Word: "no", Delta: 1}, {Word: "nhs number", Delta: 2}, {Word: "tel", Delta: 4, Side: After},
			{Word: "a", Delta: 8}, {Word: "b c", Delta: 16, Side: Before}, {Word: "nhsno", Delta: 32},
		}}}, func(dst []Finding, w *Window) ([]Finding, error) { return dst, nil })}, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &e.dets[0].cueSet
	r := rand.New(rand.NewPCG(9, 10))
	words := []string{"no ", "nhs ", "number ", "tel ", "a ", "b ", "c ", "nhsno ", "x ", "no.", "a-", "\n"}
	for range 3000 {
		var b []byte
		for len(b) < 40+r.IntN(1200) {
			b = append(b, words[r.IntN(len(words))]...)
		}
		s := r.IntN(len(b))
		cueCompare(t, c, b, s, min(len(b), s+1+r.IntN(8)))
	}
}
