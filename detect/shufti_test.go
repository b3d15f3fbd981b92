package detect

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// triggerSets are prefilter configurations for the vector pre-pass
// tests: single bytes, keywords of every sort, enough anchors to force
// bucket merges, and high bytes.
func triggerSets(r *rand.Rand) [][]Triggers {
	sets := [][]Triggers{
		{{Bytes: Digits}},
		{{Bytes: "@"}, {Keywords: []string{"official", "secret", "restricted", "protect"}}},
		{{Bytes: Upper}, {Bytes: Digits + "+"}, {Keywords: []string{"sec=", "dlm=", "x-protective-marking", "(s//", "c i a l"}}},
		{{Bytes: "\xd0\xd1\xce\xcf\xef\x8b\x8c\x8d\x8e\x8f\x81\xad"}, {Keywords: []string{"ab", "\x00\x7f", "zz", "Q"}}},
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	sets = append(sets, []Triggers{{Bytes: string(all)}})
	for range 20 {
		var ts []Triggers
		for range 1 + r.IntN(4) {
			var t Triggers
			for range r.IntN(4) {
				t.Bytes += string(rune(r.IntN(128)))
			}
			for range r.IntN(60) {
				n := 2 + r.IntN(8)
				kw := make([]byte, n)
				for i := range kw {
					if r.IntN(8) == 0 {
						kw[i] = byte(r.IntN(128))
					} else {
						kw[i] = byte('a' + r.IntN(26))
					}
				}
				t.Keywords = append(t.Keywords, string(kw))
			}
			if t.Bytes == "" && len(t.Keywords) == 0 {
				t.Bytes = "#"
			}
			ts = append(ts, t)
		}
		sets = append(sets, ts)
	}
	return sets
}

func engineFor(t testing.TB, ts []Triggers) *Engine {
	t.Helper()
	var ds []Detector
	for i, tr := range ts {
		ds = append(ds, Func(Spec{ID: fmt.Sprintf("t/d%d", i), Kind: "t", MaxLen: 64, Triggers: tr},
			func(dst []Finding, w *Window) ([]Finding, error) { return dst, nil }))
	}
	e, err := Compile(ds, nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Every pair the exact table marks must pass the pre-pass, or hits would
// be lost.
func TestNibbleTablesSound(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for si, ts := range triggerSets(r) {
		e := engineFor(t, ts)
		nt, ok := buildNibbleTablesFunc(func(p uint16) bool { return e.pairs[p] != 0 })
		if !ok {
			t.Fatalf("set %d: no tables", si)
		}
		marked, passed := 0, 0
		for idx := range 1 << 16 {
			c0, c1 := byte(idx), byte(idx>>8)
			cand := nt.candidate(c0, c1)
			if cand {
				passed++
			}
			if e.pairs[idx] != 0 {
				marked++
				if !cand {
					t.Fatalf("set %d: pair %q marked but rejected by the pre-pass", si, []byte{c0, c1})
				}
			}
		}
		t.Logf("set %d: %d pairs marked, %d pass the pre-pass", si, marked, passed)
	}
	if _, ok := buildNibbleTablesFunc(func(uint16) bool { return false }); ok {
		t.Error("empty table: want no pre-pass")
	}
}

// Every pair the exact table marks must pass the pre-pass after every
// byte a hit there may need before it: any byte for a byte trigger or a
// keyword anchored on its first two bytes, the keyword's byte before the
// anchor (in either case) otherwise.
func TestNibbleTablesPrevSound(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for si, ts := range triggerSets(r) {
		e := engineFor(t, ts)
		if e.nib == nil {
			continue // no AVX2: no pre-pass
		}
		for idx := range 1 << 16 {
			c := e.pairs[idx]
			if c == 0 {
				continue
			}
			c0, c1 := byte(idx), byte(idx>>8)
			a := &e.actions[c]
			var need [256]bool
			for _, kw := range a.kws {
				if kw.at == 0 {
					need = [256]bool{}
					for x := range need {
						need[x] = true
					}
					break
				}
				for _, x := range caseVariants(kw.lower[kw.at-1]) {
					need[x] = true
				}
			}
			if len(a.groups) > 0 {
				for x := range need {
					need[x] = true
				}
			}
			for x := range 256 {
				if need[x] && !e.nib.candidatePrev(byte(x), c0, c1) {
					t.Fatalf("set %d: pair %q after %q rejected by the pre-pass", si, []byte{c0, c1}, byte(x))
				}
			}
		}
	}
}

// kernelInput returns the nibble tables of trigger set ts and 37 blocks
// (plus the byte read past them) of bytes from pick.
func kernelInput(t *testing.T, ts []Triggers, pick func() byte) (*nibbleTables, []byte) {
	nt := engineFor(t, ts).nib
	p := make([]byte, 32*37+1)
	for i := range p {
		p[i] = pick()
	}
	return nt, p
}

// The assembly must compute what candidate computes, position by
// position.
func TestPairMasksMatchCandidate(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2 in this build or on this CPU")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for si, ts := range triggerSets(r) {
		nt, p := kernelInput(t, ts, func() byte {
			if r.IntN(2) == 0 {
				return byte(r.IntN(256))
			}
			return "etaoin shrdlu0123456789SECRET@\n"[r.IntN(31)]
		})
		masks, nl := make([]uint32, 37), make([]uint64, 37)
		prev := byte(r.IntN(256)) // the byte before p
		end, ok := pairMasks(p, prev, nt, masks, nl, 5)
		if !ok {
			t.Fatal("pairMasks declined with AVX2 present")
		}
		count := 5 // newlines so far
		for i := 0; i+1 < len(p); i++ {
			got := masks[i/32]>>(i%32)&1 == 1
			cm := prev
			if i > 0 {
				cm = p[i-1]
			}
			if want := nt.candidatePrev(cm, p[i], p[i+1]); got != want {
				t.Fatalf("set %d: position %d (%q after %q): vector %v, scalar %v", si, i, p[i:i+2], cm, got, want)
			}
			if i%32 == 0 && nl[i/32]>>32 != uint64(count) {
				t.Fatalf("set %d: block %d: %d newlines before it, want %d", si, i/32, nl[i/32]>>32, count)
			}
			if got, want := nl[i/32]>>(i%32)&1 == 1, p[i] == '\n'; got != want {
				t.Fatalf("set %d: position %d (%q): newline %v, want %v", si, i, p[i], got, want)
			}
			if p[i] == '\n' {
				count++
			}
		}
		if end != count {
			t.Fatalf("set %d: %d newlines at the end, want %d", si, end, count)
		}
	}
}

// pairMasksDigits splits pairMasks' masks into the digits and the other
// candidates.
func TestPairMasksDigits(t *testing.T) {
	if !haveAVX2 {
		t.Skip("no AVX2 in this build or on this CPU")
	}
	r := rand.New(rand.NewPCG(7, 8))
	for si, ts := range triggerSets(r) {
		nt, p := kernelInput(t, ts, func() byte {
			switch r.IntN(3) {
			case 0:
				return byte(r.IntN(256))
			case 1:
				return byte('0' + r.IntN(10))
			}
			const pool = "etaoin 0123456789/:\xb0\xb9SECRET@\n"
			return pool[r.IntN(len(pool))]
		})
		want, wantNL := make([]uint32, 37), make([]uint64, 37)
		prev := byte(r.IntN(256))
		wantEnd, _ := pairMasks(p, prev, nt, want, wantNL, 3)
		got, gotD, gotNL := make([]uint32, 37), make([]uint32, 37), make([]uint64, 37)
		gotEnd, ok := pairMasksDigits(p, prev, nt, got, gotD, gotNL, 3)
		if !ok {
			t.Fatal("pairMasksDigits declined with AVX2 present")
		}
		if !slices.Equal(gotNL, wantNL) || gotEnd != wantEnd {
			t.Fatalf("set %d: newlines %x (%d), want %x (%d)", si, gotNL, gotEnd, wantNL, wantEnd)
		}
		for k := range want {
			dm := digitMask32(p[32*k:])
			if w := want[k] &^ dm; got[k] != w {
				t.Fatalf("set %d block %d: others %032b, want %032b", si, k, got[k], w)
			}
			if gotD[k] != dm {
				t.Fatalf("set %d block %d: digits %032b, want %032b", si, k, gotD[k], dm)
			}
		}
	}
}

// The prefilter must record the same hits with and without the vector
// pre-pass, for any range of any view.
func TestPrefilterVectorEquivalence(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"official ", "SECRET ", "top secret", "sec=", "0207 946 0958 ", "a@b.example ", "\xd0\x9e", "zz", "ab"}
	for si, ts := range triggerSets(r) {
		e, scalar := engineFor(t, ts), engineFor(t, ts)
		scalar.nib = nil
		for range 30 {
			var sb strings.Builder
			for sb.Len() < r.IntN(3000) {
				switch r.IntN(3) {
				case 0:
					sb.WriteString(words[r.IntN(len(words))])
				case 1:
					sb.WriteByte(byte(r.IntN(256)))
				default:
					sb.WriteString("the quick brown fox ")
				}
			}
			view := []byte(sb.String())
			lo := r.IntN(len(view) + 1)
			hi := lo + r.IntN(len(view)-lo+1)
			a, b := e.newScratch(), scalar.newScratch()
			e.prefilter(a, view, lo, hi, lo == 0, hi == len(view))
			scalar.prefilter(b, view, lo, hi, lo == 0, hi == len(view))
			for g := range a.hits {
				if !slices.Equal(a.hits[g], b.hits[g]) {
					t.Fatalf("set %d, view %q [%d,%d): group %d: vector %v, scalar %v", si, view, lo, hi, g, a.hits[g], b.hits[g])
				}
			}
		}
	}
}

func FuzzPrefilterVector(f *testing.F) {
	f.Add([]byte("TOP SECRET 0207 946 0958 a@b.example"), "secret,sec=", uint16(0), uint16(100))
	f.Add([]byte(strings.Repeat("\xd0\x9e\x00\xff", 40)), "\xff\x00,zz", uint16(3), uint16(90))
	f.Fuzz(func(t *testing.T, view []byte, kws string, lo, hi uint16) {
		tr := Triggers{Bytes: "@7"}
		for _, k := range strings.Split(kws, ",") {
			if len(k) > 0 && len(k) <= 64 {
				tr.Keywords = append(tr.Keywords, k)
			}
		}
		ds := []Detector{Func(Spec{ID: "t/f", Kind: "t", MaxLen: 64, Triggers: tr},
			func(dst []Finding, w *Window) ([]Finding, error) { return dst, nil })}
		e, err := Compile(ds, nil)
		if err != nil {
			t.Skip()
		}
		scalar, _ := Compile(ds, nil)
		scalar.nib = nil
		l := int(lo) % (len(view) + 1)
		h := l + int(hi)%(len(view)-l+1)
		a, b := e.newScratch(), scalar.newScratch()
		e.prefilter(a, view, l, h, l == 0, h == len(view))
		scalar.prefilter(b, view, l, h, l == 0, h == len(view))
		if !slices.Equal(a.hits[0], b.hits[0]) {
			t.Fatalf("vector %v, scalar %v", a.hits[0], b.hits[0])
		}
	})
}

// filterCands (assembly on amd64) must keep exactly what filterCandsGo
// keeps, in the same order, for any marks: positions without an action,
// keyword anchors near both edges of the view, every trigger set.
func TestFilterCands(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	words := []string{"official ", "SECRET ", "secret", "sec=", "(s//", "c i a l ", "0207 ", "a@b ", "zz", "ab", "Q"}
	kept := 0
	for si, ts := range triggerSets(r) {
		e := engineFor(t, ts)
		for range 40 {
			var sb strings.Builder
			for sb.Len() < 32*(1+r.IntN(20))+1 {
				if r.IntN(3) == 0 {
					sb.WriteByte(byte(r.IntN(256)))
				} else {
					sb.WriteString(words[r.IntN(len(words))])
				}
			}
			view := []byte(sb.String())
			nb := (len(view) - 1) / 32
			i := r.IntN(len(view) - 32*nb)
			masks := make([]uint32, nb)
			for k := range masks {
				switch r.IntN(3) {
				case 0:
					masks[k] = r.Uint32()
				case 1:
					masks[k] = ^uint32(0)
				}
			}
			// With the engine's checks, and without (lone nil: what an
			// engine with no lone keyword passes).
			for _, lone := range [][]kwCheck{e.lone, nil} {
				got, want := make([]uint64, 32*nb+8), make([]uint64, 32*nb+8)
				ng := filterCands(masks, view, i, e.pairs, lone, got)
				nw := filterCandsGo(masks, view, i, e.pairs, lone, want)
				if !slices.Equal(got[:ng], want[:nw]) {
					t.Fatalf("set %d (lone %v), view %q from %d, masks %x:\n got %x\nwant %x", si, lone != nil, view, i, masks, got[:ng], want[:nw])
				}
				kept += nw
			}
		}
	}
	if kept == 0 {
		t.Fatal("no candidate kept: the test exercises nothing")
	}
}
