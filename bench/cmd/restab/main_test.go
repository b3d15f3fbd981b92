package main

import (
	"bytes"
	"strings"
	"testing"
)

const benchOutput = `goos: linux
BenchmarkScan/typical/all/whole         	       1	 33554432 ns/op	 500.00 MB/s	 400.0 MB/cpu-s	 10 findings/op	 100 B/op	 3 allocs/op
BenchmarkScan/typical/all/whole         	       1	 33554432 ns/op	 700.00 MB/s	 600.0 MB/cpu-s	 10 findings/op	 100 B/op	 5 allocs/op
BenchmarkScan/typical/all/whole         	       1	 33554432 ns/op	 300.00 MB/s	 500.0 MB/cpu-s	 10 findings/op	 100 B/op	 4 allocs/op
BenchmarkScan/typical/all/stream        	       1	 33554432 ns/op	 500.00 MB/s	 500.0 MB/cpu-s	 10 findings/op	 100 B/op	 3 allocs/op
BenchmarkScan/typical/all/parallel-2    	       1	 33554432 ns/op	 900.00 MB/s	 450.0 MB/cpu-s	 10 findings/op	 100 B/op	 9 allocs/op
BenchmarkScan/typical/all-but-names/whole	       1	 33554432 ns/op	 1200.00 MB/s	 1100.0 MB/cpu-s	 10 findings/op	 100 B/op	 2 allocs/op
BenchmarkBaseline/typical/read          	       1	 1000 ns/op	 10000.00 MB/s	 10000.0 MB/cpu-s	 32 B/op	 2 allocs/op
BenchmarkBaseline/typical/regexp        	       1	 1000 ns/op	 5.00 MB/s	 5.0 MB/cpu-s	 3287 matches/op	 32 B/op	 2 allocs/op
BenchmarkDetector/pii.email             	       1	 1000 ns/op	 800.00 MB/s	 900.0 MB/cpu-s	 7 findings/op	 200 windows/op	 32 B/op	 2 allocs/op
BenchmarkCoverage/typical/digits        	       1	 1000 ns/op	 250.00 MB/s	 260.0 MB/cpu-s	 79.5 coverage-%	 100 windows/op	 0 B/op	 0 allocs/op
BenchmarkCompare/typical/tidemark-pii   	       1	 1000 ns/op	 40.00 MB/s	 10 findings/op
BenchmarkCompare/typical/alcatraz       	       1	 1000 ns/op	 0.40 MB/s	 10 findings/op
BenchmarkParallelism     	       3	  42435528 ns/op	         0.99 cores-used
BenchmarkParallelism-2   	       3	  46912790 ns/op	         1.03 cores-used
PASS
`

func TestTables(t *testing.T) {
	d, err := parse(strings.NewReader(benchOutput))
	if err != nil {
		t.Fatal(err)
	}
	// Medians: whole at 1 core 500 MB/s (of 300, 500, 700), 500 MB/cpu-s, 4 allocs.
	if got := d.mbps("BenchmarkScan/typical/all/whole", 1); got != 500 {
		t.Errorf("median MB/s = %v, want 500", got)
	}
	if got := d.cpu("BenchmarkScan/typical/all/parallel", 2); got != 450 {
		t.Errorf("parallel MB/cpu-s at 2 cores = %v, want 450", got)
	}
	var buf bytes.Buffer
	write(&buf, d)
	out := buf.String()
	for _, want := range []string{
		"| all | whole | – | – | 500 | – | – | – | – | – | 4 | 10 |",                    // wall table row
		"| full default set ≥ 500 MB/s, 1 core | 500 MB/s | met | 500 MB/cpu-s | met |", // target met exactly
		"| without names ≥ 1000 MB/s, 1 core | 1200 MB/s | met | 1100 MB/cpu-s | met |",
		"1.80× | met | 1.80× (2 × efficiency 0.90) | met |", // 900/500 wall; 2*450/500 CPU
		"| 100× | met | 100× | met |",                       // 500/5 and 500/5
		"| all | – | – | 5% | 100× | – | – | – | – |",       // ratios: 500/10000 = 5%
		"| Detector/pii.email | 800 | 900 | 1.11 | 2 | 7 | 200 | 5 |",
		"| typical/digits | 79.5% | 100 | 250 | 260 | 3.85 |",
		"got 1.03 cores (one got 0.99)",
		"| tidemark-pii | – | – | 40.0 | 100× | – | – | – | – |",
		"| alcatraz | – | – | 0.4 | 1.00× | – | – | – | – |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestStatus(t *testing.T) {
	for _, c := range []struct {
		got, want float64
		s         string
	}{{-1, 10, "not measured"}, {10, 10, "met"}, {5, 10, "**missed by 50%** (0.50× of target)"}} {
		if s := status(c.got, c.want); s != c.s {
			t.Errorf("status(%v, %v) = %q, want %q", c.got, c.want, s, c.s)
		}
	}
}
