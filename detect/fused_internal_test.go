package detect

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
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

// probeSets are groups of gated digit detectors: plain runs only (clock
// and date tokens dropped: the chat-stamp path), plus clocks (dates
// dropped), plus dates (nothing dropped).
func probeSets() [][]Detector {
	plain := []Detector{
		newRunProbe("t/long", func(s RunShape) bool { return s.Token == TokenPlain && s.Len >= 3 }),
		newRunProbe("t/joined", func(s RunShape) bool { return s.Token == TokenPlain && (s.JoinBefore || s.JoinAfter) }),
		newRunProbe("t/lone", func(s RunShape) bool {
			return s.Token == TokenPlain && !s.JoinBefore && !s.JoinAfter && s.Before == ClassSpace
		}),
		newRunProbe("t/edge", func(s RunShape) bool {
			return s.Token == TokenPlain && (s.Before == ClassLineEdge || s.After == ClassLineEdge || s.Len == MaxRunLen)
		}),
	}
	clock := newRunProbe("t/clock", func(s RunShape) bool { return s.Token == TokenClock && s.Len == 2 })
	date := newRunProbe("t/date", func(s RunShape) bool { return s.Token == TokenDate && s.JoinAfter })
	return [][]Detector{plain, append(slices.Clone(plain), clock), append(slices.Clone(plain), clock, date)}
}

// digitText builds text rich in digit runs of every kind, chat stamps
// (some damaged) among them, and runs longer than a batch of blocks.
func digitText(r *rand.Rand, size int) []byte {
	frags := []string{"[12/03/2021, 09:14:55] ", "12/03/2021, 21:14 - ", "1/2/34", "12:30", "9:30:00", "0207 946 0958", "07700 900577",
		"+44 (0)20 7946 0958", "4.50", "build 11.0.1.4737", "GB92 BARC 6556 8550 8795 29", "12-34-56", "  ", "\n", "a1b2", "x 12 y",
		"(1)", "12/12/12345", "12:345", "10.0.0.1", "5345332304,", "£25", ": 7 ", "/9/", "\xc2\xa0", "\t3\t"}
	var b strings.Builder
	for b.Len() < size {
		switch r.IntN(12) {
		case 0:
			b.WriteString(strings.Repeat("7", 1+r.IntN(80)))
		case 1:
			b.WriteString(fmt.Sprint(r.Uint64()))
		case 2:
			f := []byte(frags[r.IntN(2)])
			f[r.IntN(len(f))] = "0123456789/:, ]x"[r.IntN(16)]
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
