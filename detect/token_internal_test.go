package detect

import (
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

func FuzzFastToken(f *testing.F) {
	f.Add([]byte("[12/03/2021, 09:14:55] x"))
	f.Fuzz(func(t *testing.T, b []byte) { tokenCheck(t, b) })
}
