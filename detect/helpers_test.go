package detect_test

import (
	"bytes"

	"github.com/tidemark/tidemark/detect"
)

// digitRun reports runs of 3..12 ASCII digits bounded by non-word bytes,
// scored 50, +30 after "ref no", -30 after "page".
func digitRun() detect.Detector {
	return detect.Func(detect.Spec{ID: "test/digits", Kind: "digits", MaxLen: 12, Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 16, Words: []detect.Cue{{Word: "ref no", Delta: 30}, {Word: "page", Delta: -30, Side: detect.Before}}}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			t := w.Text
			last := -1
			for _, h := range w.Hits {
				i := int(h)
				if i < last {
					continue
				}
				s, e := i, i
				for s > 0 && isDigit(t[s-1]) {
					s--
				}
				for e < len(t) && isDigit(t[e]) {
					e++
				}
				last = e
				if (s == 0 && !w.AtStart) || (e == len(t) && !w.AtEnd) {
					continue
				}
				if e-s < 3 || e-s > 12 || (s > 0 && isWord(t[s-1])) || (e < len(t) && isWord(t[e])) {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: 50})
			}
			return dst, nil
		})
}

// secretWord reports the whole word "secret" (any case), triggered by the
// keywords "top secret" and "secret", scored 70.
func secretWord() detect.Detector {
	return detect.Func(detect.Spec{ID: "test/secret", Kind: "marking", MaxLen: 10, Triggers: detect.Triggers{Keywords: []string{"top secret", "SECRET"}}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			last := -1
			for _, h := range w.Hits {
				i := int(h)
				if i+4 <= len(w.Text) && bytes.EqualFold(w.Text[i:i+4], []byte("top ")) {
					i += 4
				}
				if i <= last || i+6 > len(w.Text) || !bytes.EqualFold(w.Text[i:i+6], []byte("secret")) {
					continue
				}
				last = i
				if (i == 0 && !w.AtStart) || (i+6 == len(w.Text) && !w.AtEnd) {
					continue
				}
				if (i > 0 && isWord(w.Text[i-1])) || (i+6 < len(w.Text) && isWord(w.Text[i+6])) {
					continue
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(i), End: w.Base + int64(i) + 6, Score: 70})
			}
			return dst, nil
		})
}

// nothing triggers on the given bytes and finds nothing: it measures the
// engine's own cost.
func nothing(id, trig string) detect.Detector {
	return detect.Func(detect.Spec{ID: id, Kind: "none", MaxLen: 32, Triggers: detect.Triggers{Bytes: trig}},
		func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) { return dst, nil })
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
