package redact_test

import (
	"github.com/tidemark/tidemark/detect"
)

// Simple test detectors that keep the detect.Detector contract. The real
// pii detectors are tested with the redactor in pii_test.go.

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitRuns finds maximal runs of 3 to 24 ASCII digits, kind "digits".
func digitRuns() detect.Detector {
	const maxLen = 24
	return detect.Func(detect.Spec{ID: "test/digits", Kind: "digits", Triggers: detect.Triggers{Bytes: detect.Digits}, MaxLen: maxLen},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				s := int(h)
				if s > 0 && isDigit(t[s-1]) || s == 0 && !w.AtStart {
					continue
				}
				e := s
				for e < len(t) && isDigit(t[e]) && e-s <= maxLen {
					e++
				}
				if e == len(t) && !w.AtEnd || e-s > maxLen || e-s < 3 {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 40})
			}
			return dst, nil
		})
}

// digitPairs finds two digit runs of 3..8 separated by one space
// ("123 4567"), kind "pair": it overlaps digitRuns' findings.
func digitPairs() detect.Detector {
	const maxLen = 17
	return detect.Func(detect.Spec{ID: "test/pair", Kind: "pair", Triggers: detect.Triggers{Bytes: " "}, MaxLen: maxLen},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				sp := int(h)
				s := sp
				for s > 0 && isDigit(t[s-1]) && sp-s <= 8 {
					s--
				}
				e := sp + 1
				for e < len(t) && isDigit(t[e]) && e-sp-1 <= 8 {
					e++
				}
				l, r := sp-s, e-sp-1
				if s == 0 && !w.AtStart || e == len(t) && !w.AtEnd || l < 3 || l > 8 || r < 3 || r > 8 {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 70})
			}
			return dst, nil
		})
}

func isLocal(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '.' || c == '_' || c == '+' || c == '-'
}

func isDomain(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '.' || c == '-'
}

// emails finds e-mail-like tokens local@domain.tld (local 1..32 bytes,
// domain 3..31 bytes with a dot), kind "email".
func emails() detect.Detector {
	return detect.Func(detect.Spec{ID: "test/email", Kind: "email", Triggers: detect.Triggers{Bytes: "@"}, MaxLen: 64},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			for _, h := range w.Hits {
				at := int(h)
				s := at
				for s > 0 && isLocal(t[s-1]) && at-s <= 32 {
					s--
				}
				e := at + 1
				for e < len(t) && isDomain(t[e]) && e-at-1 <= 31 {
					e++
				}
				if s == 0 && !w.AtStart || e == len(t) && !w.AtEnd || at-s > 32 || e-at-1 > 31 {
					continue
				}
				for e > at+1 && t[e-1] == '.' {
					e--
				}
				dot := false
				for _, c := range t[at+1 : e] {
					dot = dot || c == '.'
				}
				if at-s < 1 || e-at-1 < 3 || !dot {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 90})
			}
			return dst, nil
		})
}

func testDetectors() []detect.Detector {
	return []detect.Detector{digitRuns(), digitPairs(), emails()}
}
