package main

import (
	"bytes"

	"github.com/tidemark/tidemark/detect"
)

// Test detectors with fixed behaviour, so that golden files test the CLI
// and the input formats, not the detectors (which are tuned elsewhere).

func isLocal(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-'
}

// testEmail finds local@domain.tld around '@'.
func testEmail() detect.Detector {
	return detect.Func(detect.Spec{ID: "test/email", Kind: "email", MaxLen: 128,
		Triggers: detect.Triggers{Bytes: "@"}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				at := int(h)
				s := at
				for s > 0 && isLocal(t[s-1]) && at-s < 64 {
					s--
				}
				e := at + 1
				for e < len(t) && isLocal(t[e]) && e-at < 63 {
					e++
				}
				for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
					e--
				}
				if s == at || e <= at+1 || bytes.IndexByte(t[at+1:e], '.') < 0 {
					continue
				}
				if (s == 0 && !w.AtStart) || (e == len(t) && !w.AtEnd) {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 90})
			}
			return dst, nil
		})
}

// testPhone finds the Ofcom drama ranges "07700 900ddd" and "020 7946 0ddd".
func testPhone() detect.Detector {
	pats := [][]byte{[]byte("07700 900"), []byte("020 7946 0")}
	return detect.Func(detect.Spec{ID: "test/phone", Kind: "phone", MaxLen: 16,
		Triggers: detect.Triggers{Keywords: []string{"07700 900", "020 7946 0"}}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			for _, h := range w.Hits {
				for _, p := range pats {
					i := int(h)
					if !bytes.HasPrefix(w.Text[i:], p) {
						continue
					}
					e := i + len(p) + 3 // three more digits
					if e > len(w.Text) {
						continue
					}
					ok := true
					for _, c := range w.Text[i+len(p) : e] {
						ok = ok && '0' <= c && c <= '9'
					}
					if ok {
						dst = append(dst, detect.Finding{Start: w.Base + int64(i), End: w.Base + int64(e), Score: 80})
					}
				}
			}
			return dst, nil
		})
}

// testMarking finds OFFICIAL and OFFICIAL-SENSITIVE (whole words).
func testMarking() detect.Detector {
	return detect.Func(detect.Spec{ID: "test/marking", Kind: "marking", MaxLen: 18,
		Triggers: detect.Triggers{Keywords: []string{"OFFICIAL"}}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				i := int(h)
				if !bytes.HasPrefix(t[i:], []byte("OFFICIAL")) || i > 0 && isLocal(t[i-1]) {
					continue
				}
				e, score := i+8, 70
				if bytes.HasPrefix(t[e:], []byte("-SENSITIVE")) {
					e, score = e+10, 90
				}
				if e < len(t) && (t[e] >= 'A' && t[e] <= 'Z' || t[e] >= 'a' && t[e] <= 'z') {
					continue
				}
				if i == 0 && !w.AtStart || e == len(t) && !w.AtEnd {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(i), End: w.Base + int64(e), Score: score})
			}
			return dst, nil
		})
}

func testDetectors() []detect.Detector {
	return []detect.Detector{testEmail(), testPhone(), testMarking()}
}
