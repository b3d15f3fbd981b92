package pii

import (
	"slices"
	"testing"

	"github.com/tidemark/tidemark/detect"
)

// ipDetectRef is ipAddr.Detect as it was before the eight-byte rejection
// of IPv4 candidates (kept to compare with).
func ipDetectRef(dst []detect.Finding, w *detect.Window) []detect.Finding {
	t := w.Text
	next, v6Done := 0, 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		if h >= v6Done && !ipNoColon(t, h) && ipNearColon(t, h) {
			s, e, ok := ipV6Run(t, h)
			v6Done = e
			if ok && !intlEdge(w, s, e, 2) {
				if score, ok := ipV6(t[s:e]); ok {
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: IPv6})
					next = e
					continue
				}
			}
		}
		// IPv4: a run of digits and dots.
		if h == 0 || !intlDigit(t[h-1]) && t[h-1] != '.' {
			// The run of digits and dots starts at h (the loop for s
			// below stops at once), the commonest case by far ("2nd",
			// "£4.50"), and this loop ends it where the loop for e
			// below does. Unless it has exactly three dots once the
			// trailing ones are trimmed, ipV4 rejects it (it needs
			// four parts), so all the code below would do is set
			// next = e: do just that.
			e, dots := h, 0
			for e < len(t) && (intlDigit(t[e]) || t[e] == '.') && e-h < ipMaxRun {
				if t[e] == '.' {
					dots++
				}
				e++
			}
			for k := e; k > h && t[k-1] == '.'; k-- {
				dots--
			}
			if dots != 3 {
				next = e
				continue
			}
		}
		s := h
		for s > 0 && (intlDigit(t[s-1]) || t[s-1] == '.') && h-s < ipMaxRun {
			s--
		}
		e := h
		for e < len(t) && (intlDigit(t[e]) || t[e] == '.') && e-s < ipMaxRun {
			e++
		}
		next = e
		for e > s && t[e-1] == '.' {
			e--
		}
		if e-s > 15 || s < len(t) && t[s] == '.' || intlEdge(w, s, e, 2) || ipGlued(t, s, e) {
			continue
		}
		if score, ok := ipV4(t[s:e]); ok {
			dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: IPv4})
		}
	}
	return dst
}

// ipRefCheck compares ipAddr.Detect with ipDetectRef on s, with a hit at
// every digit and at the first digit of every run, in a whole text and in
// windows that start or end inside it.
func ipRefCheck(t *testing.T, s string) {
	refWindows(s, 5, [][2]bool{{true, true}, {false, false}, {true, false}, {false, true}}, func(w *detect.Window) {
		got, _ := ipAddr{}.Detect(nil, w)
		if want := ipDetectRef(nil, w); !slices.Equal(got, want) {
			t.Fatalf("ipAddr.Detect(%q, %v %v) = %v, want %v", s, w.AtStart, w.AtEnd, got, want)
		}
	})
}

var ipRefTexts = []string{
	"server 192.0.2.1 and 198.51.100.7:8080, v1.2.3.4 1.2.3.4.5 £4.50 10.0.0.1. 2001:db8::1 fe80::1a2b 12:30:45",
	"12.03.2021 1.2.3 1.2.3.4... x1.2.3.4 1.2.3.4x 010.1.1.1 255.255.255.255 256.1.1.1 0.0.0.0 ::ffff:192.0.2.1",
	"at 3pm, 1st 2nd 12 AB12 CD 1.22.333.4 12.345.67.8 ip=203.0.113.9; host:203.0.113.10 client/9.11.7.221",
	"1.2.3.4 11.22.33.44 111.222.233.244 1.1.1.1:1.1 2.2.2.2..3 9.9.9.9-x 8.8.8.8,a 7.7.7.7.",
}

func TestIPRef(t *testing.T) {
	for _, s := range append(intlStripAll(ipCases), ipRefTexts...) {
		ipRefCheck(t, s)
	}
}

func FuzzIPRef(f *testing.F) {
	for _, s := range append(intlStripAll(ipCases), ipRefTexts...) {
		f.Add(s)
	}
	f.Fuzz(ipRefCheck)
}
