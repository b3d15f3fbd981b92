package phone_test

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii/phone"
)

// TestAllocs checks that once its cache is warm the detector allocates
// nothing: repeated numbers are answered from the cache, drama numbers
// without phonenumbers.
func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	var b strings.Builder
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		b.WriteString(s)
		b.WriteString("\n")
	}
	text := []byte(strings.Repeat(b.String(), 4))
	d := phone.New(phone.Options{})
	eng := detect.MustCompile([]detect.Detector{d}, nil)
	dst, _ := eng.AppendFind(nil, text) // warms the cache
	dst = make([]detect.Finding, 0, 2*len(dst))
	calls := phone.Calls(d)
	n := testing.AllocsPerRun(20, func() {
		dst, _ = eng.AppendFind(dst[:0], text)
	})
	if n != 0 {
		t.Errorf("%v allocations per scan, want 0", n)
	}
	if c := phone.Calls(d); c != calls {
		t.Errorf("%d phonenumbers calls with a warm cache, want 0", c-calls)
	}
}
