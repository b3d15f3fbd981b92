package rules

import (
	"fmt"
	"slices"

	"github.com/tidemark/tidemark/detect"
)

// A DenyList describes literal values that are always reported, such as
// project codewords or known identifiers.
type DenyList struct {
	// ID of the detector; default "custom/deny".
	ID string
	// Kind of the findings; default "denied".
	Kind detect.Kind
	// Score of every finding; 0 means 100.
	Score int
	// CaseSensitive compares values exactly; by default ASCII letters
	// match without regard to case.
	CaseSensitive bool
	// Values are the literal values, each 1..detect.MaxMaxLen bytes.
	Values []string
}

// denyDetector finds the literal values of a DenyList.
type denyDetector struct {
	spec   detect.Spec
	values []denyValue
	exact  bool
	score  int
}

type denyValue struct {
	b  []byte
	at int // offset in b of the byte or keyword the value is triggered by
}

// NewDenyList returns a detector that reports every whole occurrence of
// the list's values.
//
// A value matches where its bytes occur (ASCII case ignored unless
// CaseSensitive) and, when it begins or ends with an ASCII letter or
// digit, the byte before or after is not one: "Ann" does not match inside
// "Annual". Validation: none. Triggers: each value's longest ASCII run of
// at least three bytes as a keyword (up to detect.MaxKeywordLen), else its
// first byte. Score: Score (default 100), no cues. Known false positives:
// values that are ordinary words match in any sense of the word.
func NewDenyList(l DenyList) (detect.Detector, error) {
	if l.ID == "" {
		l.ID = "custom/deny"
	}
	if !containsByte(l.ID, '/') {
		l.ID = "custom/" + l.ID
	}
	if l.Kind == "" {
		l.Kind = "denied"
	}
	if l.Score == 0 {
		l.Score = 100
	}
	if l.Score < 1 || l.Score > 100 {
		return nil, fieldErr("score", "%d out of range 1..100", l.Score)
	}
	if len(l.Values) == 0 {
		return nil, fieldErr("values", "missing")
	}
	d := &denyDetector{exact: l.CaseSensitive, score: l.Score}
	var bytesTrig []byte
	var kws []string
	maxLen := 0
	for i, v := range l.Values {
		if len(v) == 0 || len(v) > detect.MaxMaxLen {
			return nil, fieldErr(fmt.Sprintf("values[%d]", i), "value must be 1..%d bytes", detect.MaxMaxLen)
		}
		if slices.ContainsFunc(d.values, func(o denyValue) bool {
			return string(o.b) == v || !l.CaseSensitive && d.equal(o.b, []byte(v))
		}) {
			continue // a duplicate would be reported twice
		}
		maxLen = max(maxLen, len(v))
		at, kw := anchor(v)
		if kw != "" {
			kws = append(kws, kw)
		} else {
			c := v[0]
			if !l.CaseSensitive && 'a' <= c|0x20 && c|0x20 <= 'z' {
				bytesTrig = append(bytesTrig, c|0x20, c&^0x20)
			} else {
				bytesTrig = append(bytesTrig, c)
			}
		}
		d.values = append(d.values, denyValue{b: []byte(v), at: at})
	}
	d.spec = detect.Spec{
		ID: l.ID, Kind: l.Kind, MaxLen: maxLen,
		Triggers:    detect.Triggers{Bytes: string(bytesTrig), Keywords: dedupFold(kws)},
		Description: fmt.Sprintf("%d listed values", len(l.Values)),
	}
	if _, err := detect.NewRegistry(d); err != nil {
		return nil, fieldErr("id", "%v", err)
	}
	return d, nil
}

// anchor returns the longest ASCII run of v (at least 3 bytes, at most
// MaxKeywordLen) and its offset, or 0 and "" when the value has none.
func anchor(v string) (int, string) {
	bestAt, bestLen := 0, 0
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j] < 0x80 {
			j++
		}
		if j-i > bestLen {
			bestAt, bestLen = i, j-i
		}
		i = j + 1
	}
	if bestLen < 3 {
		return 0, ""
	}
	bestLen = min(bestLen, detect.MaxKeywordLen)
	return bestAt, v[bestAt : bestAt+bestLen]
}

func (d *denyDetector) Spec() detect.Spec { return d.spec }

func (d *denyDetector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	for _, h32 := range w.Hits {
		h := int(h32)
		for i := range d.values {
			v := &d.values[i]
			s, e := h-v.at, h-v.at+len(v.b)
			if s < 0 || e > len(t) || !d.equal(t[s:e], v.b) {
				continue
			}
			if (s == 0 && !w.AtStart) || (e == len(t) && !w.AtEnd) {
				continue // the boundary is outside the window
			}
			if isWordByte(v.b[0]) && s > 0 && isWordByte(t[s-1]) ||
				isWordByte(v.b[len(v.b)-1]) && e < len(t) && isWordByte(t[e]) {
				continue
			}
			dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: d.score})
		}
	}
	return dst, nil
}

func (d *denyDetector) equal(a, b []byte) bool {
	if d.exact {
		return string(a) == string(b)
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x != y && (x|0x20 != y|0x20 || x|0x20 < 'a' || x|0x20 > 'z') {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
