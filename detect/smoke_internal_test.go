package detect

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// digitRun reports runs of 3..12 ASCII digits bounded by non-word bytes.
func digitRun() Detector {
	return Func(Spec{ID: "test/digits", Kind: "digits", MaxLen: 12, Triggers: Triggers{Bytes: Digits},
		Cues: Cues{Radius: 16, Words: []Cue{{Word: "ref no", Delta: 30}, {Word: "page", Delta: -30, Side: Before}}}},
		func(dst []Finding, w *Window) ([]Finding, error) {
			t := w.Text
			last := -1
			for _, h := range w.Hits {
				i := int(h)
				if i < last {
					continue
				}
				s := i
				for s > 0 && t[s-1] >= '0' && t[s-1] <= '9' {
					s--
				}
				e := i
				for e < len(t) && t[e] >= '0' && t[e] <= '9' {
					e++
				}
				last = e
				if (s == 0 && !w.AtStart) || (e == len(t) && !w.AtEnd) {
					continue
				}
				if e-s < 3 || e-s > 12 || (s > 0 && isWordByte(t[s-1])) || (e < len(t) && isWordByte(t[e])) {
					continue
				}
				dst = append(dst, Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 50})
			}
			return dst, nil
		})
}

func kwSecret() Detector {
	return Func(Spec{ID: "test/secret", Kind: "marking", MaxLen: 10, Triggers: Triggers{Keywords: []string{"top secret", "secret"}}},
		func(dst []Finding, w *Window) ([]Finding, error) {
			for _, h := range w.Hits {
				i := int(h)
				if i+6 <= len(w.Text) && bytes.EqualFold(w.Text[i:i+6], []byte("secret")) {
					if (i == 0 && !w.AtStart) || (i+6 == len(w.Text) && !w.AtEnd) {
						continue
					}
					if (i > 0 && isWordByte(w.Text[i-1])) || (i+6 < len(w.Text) && isWordByte(w.Text[i+6])) {
						continue
					}
					dst = append(dst, Finding{Start: w.Base + int64(i), End: w.Base + int64(i) + 6, Score: 70})
				}
			}
			return dst, nil
		})
}

func TestSmoke(t *testing.T) {
	text := []byte(strings.Repeat("Ref no 12345 and page 999. SECRET stuff\nline two 4567890 x12 secretive\n", 300))
	for _, cs := range []int{1, 2, 3, 7, 64, 4096, 0} {
		e := MustCompile([]Detector{digitRun(), kwSecret()}, &Options{ChunkSize: cs})
		want, err := e.AppendFind(nil, text)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != 4*300 {
			t.Fatalf("chunk %d: %d findings", cs, len(want))
		}
		if want[0].Score != 80 || want[1].Score != 20 || want[3].Line != 2 {
			t.Fatalf("scores/lines: %+v", want[:4])
		}
		for _, rd := range []func() *bytes.Reader{func() *bytes.Reader { return bytes.NewReader(text) }} {
			for name, r := range map[string]interface{ Read([]byte) (int, error) }{
				"plain": rd(), "one": iotest.OneByteReader(rd()), "half": iotest.HalfReader(rd()), "dataerr": iotest.DataErrReader(rd()),
			} {
				s := e.NewScanner(r)
				var got []Finding
				for s.Scan() {
					got = append(got, s.Finding())
				}
				if s.Err() != nil {
					t.Fatal(s.Err())
				}
				if len(got) != len(want) {
					t.Fatalf("chunk %d %s: %d vs %d", cs, name, len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("chunk %d %s: %d: %+v vs %+v", cs, name, i, got[i], want[i])
					}
				}
			}
		}
		var par []Finding
		_, err = e.ScanAt(bytes.NewReader(text), int64(len(text)), &ParallelOptions{Workers: 3, SegmentSize: 1000}, func(f Finding, m []byte) error {
			if string(m) != string(text[f.Start:f.End]) {
				t.Fatalf("match bytes")
			}
			par = append(par, f)
			return nil
		})
		if err != nil || len(par) != len(want) {
			t.Fatalf("par: %v %d", err, len(par))
		}
		for i := range par {
			if par[i] != want[i] {
				t.Fatalf("par chunk %d: %d: %+v vs %+v", cs, i, par[i], want[i])
			}
		}
	}
}
