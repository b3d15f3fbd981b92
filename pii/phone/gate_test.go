package phone_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii/phone"
)

// gateSeeds are phone.GateSeeds (export_test.go).
var gateSeeds = phone.GateSeeds

func TestAcceptRunShapes(t *testing.T) {
	d := phone.New(phone.Options{})
	sh := func(n int, b, a detect.ByteClass) detect.RunShape {
		return detect.RunShape{Len: n, Before: b, After: a}
	}
	beyond := func(s detect.RunShape) detect.RunShape {
		s.LowerBeyond = true
		return s
	}
	accept := []detect.RunShape{
		sh(3, detect.ClassSpace, detect.ClassSpace),        // 020 7946 0958
		sh(11, detect.ClassColon, detect.ClassLineEdge),    // Tel:07700900123
		sh(12, detect.ClassPlus, detect.ClassSpace),        // tel.+447700900123
		sh(2, detect.ClassPlus, detect.ClassSpace),         // +44 20
		sh(1, detect.ClassOpen, detect.ClassClose),         // (0)
		sh(2, detect.ClassSpace, detect.ClassDot),          // 020 7946 09.58 (could go on)
		sh(8, detect.ClassSpace, detect.ClassComma),        // 00336123,
		sh(6, detect.ClassPlus, detect.ClassLineEdge),      // +989222
		sh(6, detect.ClassOpen, detect.ClassColon),         // +(989222:
		sh(5, detect.ClassDash, detect.ClassDash),          // 07700-900-123
		sh(3, detect.ClassNonASCII, detect.ClassNonASCII),  // NBSP
		sh(11, detect.ClassNonASCII, detect.ClassNonASCII), // en dash
		sh(15, detect.ClassLineEdge, detect.ClassLineEdge), // 00 + 15 digits
		sh(6, detect.ClassPlus, detect.ClassPunct),         // ="+989222"
		sh(8, detect.ClassPunct, detect.ClassPunct),        // ="00989222"
		sh(2, detect.ClassColon, detect.ClassClose),        // :55] could be "tel:02) 7946 0958"
	}
	reject := []detect.RunShape{
		sh(2, detect.ClassOpen, detect.ClassSlash),      // [12/
		sh(2, detect.ClassSlash, detect.ClassSlash),     // /03/
		sh(4, detect.ClassSlash, detect.ClassComma),     // /2021,
		sh(2, detect.ClassColon, detect.ClassColon),     // :14:
		sh(2, detect.ClassLineEdge, detect.ClassColon),  // \n12:30
		sh(1, detect.ClassSpace, detect.ClassLower),     // 3pm, 1st
		sh(3, detect.ClassLower, detect.ClassSpace),     // x123
		sh(2, detect.ClassUpper, detect.ClassSpace),     // A4
		sh(4, detect.ClassLineEdge, detect.ClassComma),  // 2021,
		sh(2, detect.ClassPunct, detect.ClassLineEdge),  // #42
		sh(5, detect.ClassComma, detect.ClassColon),     // ,12345:
		sh(11, detect.ClassSlash, detect.ClassSpace),    // /07700900123
		sh(11, detect.ClassSpace, detect.ClassSlash),    // 07700900123/
		sh(15, detect.ClassLower, detect.ClassLineEdge), // glued id
		// The last group of a piece and its stretch, too short to be a
		// number on its own:
		sh(4, detect.ClassSpace, detect.ClassComma),    // 020 7946 0958,
		sh(6, detect.ClassSpace, detect.ClassColon),    // +44 7700 900123: hi
		sh(2, detect.ClassSpace, detect.ClassColon),    // +33 1 23 45 67 89: hi
		sh(3, detect.ClassDot, detect.ClassLineEdge),   // 07700.900.123
		sh(7, detect.ClassSpace, detect.ClassLineEdge), // 1234567 (GB: 00 and six digits at least)
		sh(5, detect.ClassPlus, detect.ClassLineEdge),  // +12345
		// ... or followed by a separator and a letter:
		beyond(sh(1, detect.ClassSpace, detect.ClassSpace)),                              // 3 cats
		beyond(sh(6, detect.ClassSpace, detect.ClassSpace)),                              // 07700 900123 today
		{Len: 4, Before: detect.ClassSpace, After: detect.ClassSpace, UpperBeyond: true}, // 0958 Tel
		beyond(sh(7, detect.ClassLineEdge, detect.ClassDash)),                            // 1234567-a
		beyond(sh(5, detect.ClassPlus, detect.ClassSpace)),                               // +12345 b
	}
	// A single group long enough to be a number is kept whatever follows.
	accept = append(accept,
		beyond(sh(11, detect.ClassSpace, detect.ClassSpace)), // 07700900123 now
		beyond(sh(8, detect.ClassSpace, detect.ClassSpace)),  // 12345678 a
		beyond(sh(6, detect.ClassPlus, detect.ClassSpace)),   // +989222 x
		beyond(sh(6, detect.ClassOpen, detect.ClassClose)),   // (989222)x
	)
	// A chat sender's number: its first run only (the scanner examines
	// the whole piece from it).
	sender := []detect.RunShape{
		{Len: 2, Before: detect.ClassPlus, After: detect.ClassSpace, Token: detect.TokenSender, JoinAfter: true},
		{Len: 4, Before: detect.ClassSpace, After: detect.ClassSpace, Token: detect.TokenSender, JoinBefore: true, JoinAfter: true},
		{Len: 6, Before: detect.ClassSpace, After: detect.ClassColon, Token: detect.TokenSender, JoinBefore: true},
	}
	accept = append(accept, sender[0])
	reject = append(reject, sender[1:]...)
	for _, s := range accept {
		if !d.AcceptRun(s) {
			t.Errorf("AcceptRun(%+v) = false, want true", s)
		}
	}
	for _, s := range reject {
		if d.AcceptRun(s) {
			t.Errorf("AcceptRun(%+v) = true, want false", s)
		}
	}
}

// TestAcceptRunMatches checks that the first digit run of every finding
// (MinScore 0) on the cases and seeds has an accepted shape, in several
// regions: the scanner needs a hit in the run a number starts with (its
// other runs may be rejected, see AcceptRun).
func TestAcceptRunMatches(t *testing.T) {
	var in []string
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		in = append(in, s)
	}
	in = append(in, gateSeeds...)
	for _, region := range []string{"GB", "US", "DE", "FR"} {
		d := phone.New(phone.Options{Region: region})
		e := detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0})
		n := 0
		for _, s := range in {
			text := []byte(s)
			fs, err := e.AppendFind(nil, text)
			if err != nil {
				continue // binary-looking seeds
			}
			for _, f := range fs {
				for i := int(f.Start); i < int(f.End); {
					if text[i] < '0' || text[i] > '9' {
						i++
						continue
					}
					j := i
					for j < len(text) && '0' <= text[j] && text[j] <= '9' {
						j++
					}
					s := detect.RunShape{Len: min(j-i, detect.MaxRunLen), Before: detect.ClassLineEdge, After: detect.ClassLineEdge}
					if i > 0 {
						s.Before = detect.ClassOf(text[i-1])
					}
					if j < len(text) {
						s.After = detect.ClassOf(text[j])
					}
					if j+1 < len(text) {
						s.UpperBeyond = text[j+1]-'A' < 26
						s.LowerBeyond = text[j+1]-'a' < 26
					}
					if !d.AcceptRun(s) {
						t.Errorf("%s: run %q of match %q has rejected shape %+v", region, text[i:j], text[f.Start:f.End], s)
					}
					n++
					break // the first run only
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no runs checked", region)
		}
	}
}

func TestGatedSeeds(t *testing.T) {
	for _, region := range []string{"GB", "US", "DE"} {
		d := phone.New(phone.Options{Region: region})
		detecttest.Run(t, d, gateSeeds...)
		gated := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 0})
		plain := detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0})
		for _, s := range gateSeeds {
			got, _ := gated.AppendFind(nil, []byte(s))
			want, _ := plain.AppendFind(nil, []byte(s))
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q: gated %v, ungated %v", region, s, got, want)
			}
		}
	}
}

// FuzzGated compares the phone detector with and without its run filter
// (MinScore 0) on fuzzed input, for regions GB and US.
func FuzzGated(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add([]byte(s))
	}
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		f.Add([]byte(s))
	}
	var gated, plain []*detect.Engine
	for _, region := range []string{"GB", "US"} {
		d := phone.New(phone.Options{Region: region})
		gated = append(gated, detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 0}))
		plain = append(plain, detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0}))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for k := range gated {
			got, err1 := gated[k].AppendFind(nil, data)
			want, err2 := plain[k].AppendFind(nil, data)
			if (err1 == nil) != (err2 == nil) || !slices.Equal(got, want) {
				t.Fatalf("engine %d: gated %v (%v), ungated %v (%v) on %q", k, got, err1, want, err2, data)
			}
		}
	})
}

// TestGatedLongStretch: a long stretch of digit groups before a number
// (Detect walks back to the stretch's start, within the window) gives
// what the ungated detector gives, however long the stretch.
func TestGatedLongStretch(t *testing.T) {
	d := phone.New(phone.Options{})
	gated := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 0})
	plain := detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0})
	found := 0
	for _, grp := range []string{"12 ", "1234 ", "12-", "123.", "5 ", "44 ", "7946 ", "12  ", "123 456 ", "12: ", "1234, ", "12.", "12..", "a123456789012345678901234567890 12, "} {
		for _, n := range []int{1, 5, 20, 50, 80, 120, 200} {
			for _, tail := range []string{"020 7946 0958", "07700 900123", "+44 20 7946 0958", "0 20 7946 0958", "(020) 7946 0958"} {
				s := "x " + strings.Repeat(grp, n) + tail + " y"
				g, _ := gated.AppendFind(nil, []byte(s))
				p, _ := plain.AppendFind(nil, []byte(s))
				if !slices.Equal(g, p) {
					t.Errorf("%q x%d + %q: gated %v plain %v", grp, n, tail, g, p)
				}
				found += len(p)
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d findings: the cases no longer test numbers after stretches", found)
	}
}
