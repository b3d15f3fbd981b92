package detect

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// tokenCheck compares classifyToken (fast path first) with the general
// classifier at every digit of b, and fastToken (by masks where 16 bytes
// follow) with fastTokenBytes.
func tokenCheck(t *testing.T, b []byte) {
	for s := range b {
		if b[s]-'0' >= 10 {
			continue
		}
		for _, edges := range [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
			k, e, ok := fastToken(b, s, edges[0], edges[1])
			wk, we, wok := fastTokenBytes(b, s, edges[0], edges[1])
			if ok != wok || ok && (k != wk || e != we) {
				t.Fatalf("%q at %d (edges %v): fastToken %d %d %v, by bytes %d %d %v", b, s, edges, k, e, ok, wk, we, wok)
			}
			k, e = classifyToken(b, s, edges[0], edges[1])
			wk, we = classifyTokenSlow(b, s, edges[0], edges[1])
			if k != wk || k != TokenPlain && e != we {
				t.Fatalf("%q at %d (edges %v): kind %d end %d, general %d end %d", b, s, edges, k, e, wk, we)
			}
		}
	}
}

func TestFastToken(t *testing.T) {
	for _, s := range []string{"[12/03/2021, 09:14:55] x", "12/03/2021, 21:14 - Jo", "[12/03/2021, 09:14:55] Emily Sutherland: ok",
		" 1/2/34 and 12/3/2021 and 9:30:00; 12:30 (1/12/99) 12/12/12345 12:345 1:2:3 0:00:00:00 ........", "9:30. ", "1/2/34!", "12:30:45:10", "12/3/4567",
		"1/1/111", "12/03/20211", "(12:30)", "a12:30", "12:30x", "12:30.5", "12:30-45", "12:30 - ok", "12:3", "123:45", "1/2"} {
		tokenCheck(t, []byte(s))
	}
	r := rand.New(rand.NewPCG(9, 10))
	const pool = "0123456789:/ ,.-![]x\n"
	for range 50000 {
		b := make([]byte, 1+r.IntN(40))
		for i := range b {
			b[i] = pool[r.IntN(len(pool))]
		}
		tokenCheck(t, b)
	}
}

// loneCheck: wherever loneRun says a run of digits has no group joined
// to it, classifyToken says TokenPlain, at every edge of the input.
func loneCheck(t *testing.T, b []byte) (lone int) {
	for s := 0; s < len(b); s++ {
		if b[s]-'0' >= 10 || s > 0 && b[s-1]-'0' < 10 {
			continue
		}
		e := s
		for e < len(b) && b[e]-'0' < 10 {
			e++
		}
		if !loneRun(b, s, e) {
			continue
		}
		lone++
		for _, edges := range [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}} {
			if k, _ := classifyToken(b, s, edges[0], edges[1]); k != TokenPlain {
				t.Fatalf("%q: run [%d,%d) has no joined group, but its token is kind %d (edges %v)", b, s, e, k, edges)
			}
		}
	}
	return lone
}

func TestLoneRunIsPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	const pool = "0123456789:/ ,.-![]x\n;"
	lone := 0
	for range 100000 {
		b := make([]byte, 1+r.IntN(24))
		for i := range b {
			b[i] = pool[r.IntN(len(pool))]
		}
		lone += loneCheck(t, b)
	}
	for _, s := range []string{"+44 7700 900577: ok", "12:30", "1/2/34", ":12:", "/12/", "12::30", "12:/30", "1:2:3:4"} {
		lone += loneCheck(t, []byte(s))
	}
	if lone < 10000 {
		t.Fatalf("only %d lone runs: the test is not exercising loneRun", lone)
	}
}

func FuzzFastToken(f *testing.F) {
	f.Add([]byte("[12/03/2021, 09:14:55] x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tokenCheck(t, b)
		loneCheck(t, b)
	})
}

// chatStamp is stampEnd (the digit kernel's chat timestamp check) for any p: it checks the digits first, as
// classifyDigits does from its digit masks.
func chatStamp(view []byte, p int) int {
	_ = view[p+chatStampSpan-1]
	x := binary.LittleEndian.Uint64(view[p:])
	y := binary.LittleEndian.Uint64(view[p+8:])
	const (
		xDig = 0xFFFF_00FF_FF00_FFFF // bytes 0 1 3 4 6 7
		yDig = 0xFF00_FFFF_0000_FFFF // bytes 0 1 4 5 7
	)
	if !allDigits(x, xDig) || !allDigits(y, yDig) || view[p+16]-'0' > 9 {
		return 0
	}
	return stampEnd(view, p)
}

// stampGeneral is classifyDigits' general path for a run start p where both
// clocks and dates are dropped: the date's token, then a clock after ", ".
func stampGeneral(view []byte, p int) int {
	k, end, ok := fastToken(view, p, false, false)
	if !ok || k == TokenPlain {
		return 0
	}
	n := len(view)
	if end+2 < n && view[end] == ',' && view[end+1] == ' ' && view[end+2]-'0' < 10 {
		if k2, end2, ok := fastToken(view, end+2, false, false); ok && k2 != TokenPlain {
			end = end2
		}
	}
	return end
}

// stampCheck compares chatStamp with the general path at every digit of
// b it can look at: where chatStamp answers, the answers must agree.
func stampCheck(t *testing.T, b []byte) int {
	hits := 0
	for p := 1; p+chatStampSpan <= len(b); p++ {
		if b[p]-'0' >= 10 {
			continue
		}
		got := chatStamp(b, p)
		if got == 0 {
			continue
		}
		hits++
		if want := stampGeneral(b, p); got != want {
			t.Fatalf("%q at %d: chatStamp ends at %d, the general path at %d", b, p, got, want)
		}
	}
	return hits
}

func TestChatStamp(t *testing.T) {
	pad := "                              "
	for _, c := range []struct {
		s   string
		end int // offset in s (a stamp starts at 1); 0: not a chat stamp
	}{
		{"[12/03/2021, 09:14:55] Emily", 21},
		{"\n12/03/2021, 21:14 - Jo", 18},
		{"[12/03/2021, 09:14:5] x", 0},   // general path: the date alone
		{"[12/03/2021, 09:14:555] x", 0}, // a longer token
		{"[12/03/2021, 09:14x", 0},
		{"[12/03/2021,  09:14 x", 0},
		{"[2/03/2021, 09:14:55] x", 0}, // one-digit day: the general path
		{"[12/03/21, 09:14:55] x", 0},
		{"a12/03/2021, 09:14:55] x", 0},
		{"[12/03/2021, 09:14:55x", 0},
		{"[12-03/2021, 09:14:55] x", 0},
	} {
		b := []byte(c.s + pad)
		if got := chatStamp(b, 1); got != c.end {
			t.Errorf("chatStamp(%q) = %d, want %d", c.s, got, c.end)
		}
		stampCheck(t, b)
	}
	// Mutations of the two export formats: wherever chatStamp answers,
	// the general path must answer the same.
	r := rand.New(rand.NewPCG(11, 12))
	const pool = "0123456789:/ ,.-[]x\n"
	hits := 0
	for range 200000 {
		var b []byte
		if r.IntN(2) == 0 {
			b = []byte("[12/03/2021, 09:14:55] Emily Sutherland: ok")
		} else {
			b = []byte("12/03/2021, 21:14 - +44 7700 900577: cheers")
		}
		for range 1 + r.IntN(3) {
			b[r.IntN(24)] = pool[r.IntN(len(pool))]
		}
		b = append([]byte{" [\n("[r.IntN(4)]}, b...)
		hits += stampCheck(t, b)
	}
	if hits < 10000 {
		t.Fatalf("only %d mutations were chat stamps: the test is not exercising chatStamp", hits)
	}
}

func FuzzChatStamp(f *testing.F) {
	f.Add([]byte("[12/03/2021, 09:14:55] Emily Sutherland: ok"))
	f.Add([]byte("12/03/2021, 21:14 - +44 7700 900577: cheers"))
	f.Fuzz(func(t *testing.T, b []byte) { stampCheck(t, b) })
}
