package phone

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestIsDrama compares the hash table behind isDrama with a plain search
// of dramaRanges for every 7-digit prefix.
func TestIsDrama(t *testing.T) {
	want := map[string]bool{}
	for _, r := range dramaRanges {
		want[r] = true
	}
	nsn := []byte("0000000000")
	for v := 0; v < 10_000_000; v++ {
		for k, x := dramaPrefix-1, v; k >= 0; k, x = k-1, x/10 {
			nsn[k] = byte('0' + x%10)
		}
		if got := isDrama(nsn); got != want[string(nsn[:dramaPrefix])] {
			t.Fatalf("isDrama(%s) = %v", nsn, got)
		}
	}
	for _, s := range []string{"", "770090012", "77009001234", "7700900"} {
		if isDrama([]byte(s)) {
			t.Errorf("isDrama(%q) = true for a number that is not 10 digits", s)
		}
	}
}

// TestCacheConcurrent validates the same numbers from several goroutines
// at once on one detector, so that they race to fill and read the same
// cache slots (run with -race), and checks every answer against
// phonenumbers.
func TestCacheConcurrent(t *testing.T) {
	d := New(Options{})
	var keys []string
	for i := range 400 {
		keys = append(keys,
			fmt.Sprintf("0%d", 2071230000+i*7919),           // London-shaped, mostly valid
			fmt.Sprintf("+1202555%04d", i),                  // NANP
			fmt.Sprintf("+33%09d", 123456789+i*104729),      // France
			fmt.Sprintf("0%d", 1000000000+i*1299709%900000), // mostly invalid
		)
	}
	want := make([]uint32, len(keys))
	for i, k := range keys {
		want[i] = d.lookup(k)
	}
	check := func(k string, i int) error {
		var c cand
		c.intl = strings.HasPrefix(k, "+")
		c.n = copy(c.d[:], strings.TrimPrefix(k, "+"))
		if r, _ := d.validate(&c); r != want[i] {
			return fmt.Errorf("validate(%s) = %#x, want %#x", k, r, want[i])
		}
		return nil
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				for i := range keys {
					i := (i + g*len(keys)/8 + round) % len(keys)
					if err := check(keys[i], i); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Nearly every key is now cached (a few may have lost their slots to
	// a third key of the same pair): few more phonenumbers calls.
	calls := d.calls.Load()
	for i, k := range keys {
		if err := check(k, i); err != nil {
			t.Error(err)
		}
	}
	if c := d.calls.Load() - calls; c > int64(len(keys)/100) {
		t.Errorf("%d phonenumbers calls for %d cached numbers", c, len(keys))
	}
}
