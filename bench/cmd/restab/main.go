// Command restab turns the output of the bench suite (go test -bench,
// possibly with -count and -cpu 1,2) into the Markdown tables of
// bench/RESULTS.md: throughput per detector set and corpus at 1 and 2
// cores, allocations, ratios to the in-run baselines, the targets of
// issue 6 with how far each is missed, and per-detector figures.
//
// Usage:
//
//	restab bench-output.txt [compare-output.txt...] > tables.md
//
// Each figure is the median over the -count runs. Lines it does not
// recognise are ignored.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

type key struct {
	name string // without the -N GOMAXPROCS suffix
	cpu  int
}

type sample struct {
	mbps, cpu, nsop, bop, allocs, findings, windows, coverage, cores []float64
}

type data struct {
	m     map[key]*sample
	order []string // names in first-seen order
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: restab bench-output.txt...")
		os.Exit(2)
	}
	var rs []io.Reader
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "restab:", err)
			os.Exit(1)
		}
		defer f.Close()
		rs = append(rs, f)
	}
	d, err := parse(io.MultiReader(rs...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "restab:", err)
		os.Exit(1)
	}
	write(os.Stdout, d)
}

func parse(r io.Reader) (*data, error) {
	d := &data{m: map[key]*sample{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name, cpu := f[0], 1
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if n, err := strconv.Atoi(name[i+1:]); err == nil {
				name, cpu = name[:i], n
			}
		}
		k := key{name, cpu}
		s := d.m[k]
		if s == nil {
			s = &sample{}
			d.m[k] = s
			if !slices.Contains(d.order, name) {
				d.order = append(d.order, name)
			}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "MB/s":
				s.mbps = append(s.mbps, v)
			case "MB/cpu-s":
				s.cpu = append(s.cpu, v)
			case "ns/op":
				s.nsop = append(s.nsop, v)
			case "cores-used":
				s.cores = append(s.cores, v)
			case "coverage-%":
				s.coverage = append(s.coverage, v)
			case "windows/op":
				s.windows = append(s.windows, v)
			case "B/op":
				s.bop = append(s.bop, v)
			case "allocs/op":
				s.allocs = append(s.allocs, v)
			case "findings/op":
				s.findings = append(s.findings, v)
			}
		}
	}
	return d, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return -1
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func (d *data) get(name string, cpu int) (*sample, bool) {
	s, ok := d.m[key{name, cpu}]
	return s, ok && len(s.mbps) > 0
}

func (d *data) mbps(name string, cpu int) float64 {
	if s, ok := d.get(name, cpu); ok {
		return median(s.mbps)
	}
	return -1
}

func fmtMB(v float64) string {
	switch {
	case v < 0:
		return "–"
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	default:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
}

func fmtX(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	r := a / b
	switch {
	case r >= 100:
		return strconv.FormatFloat(r, 'f', 0, 64) + "×"
	case r >= 10:
		return strconv.FormatFloat(r, 'f', 1, 64) + "×"
	default:
		return strconv.FormatFloat(r, 'f', 2, 64) + "×"
	}
}

func fmtPct(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	return strconv.FormatFloat(100*a/b, 'g', 2, 64) + "%"
}

var (
	corpora = []string{"clean", "typical", "dense", "office"}
	sets    = []string{"none", "email", "pii", "names", "markings", "all-but-names", "all"}
	modes   = []string{"whole", "stream", "parallel"}
)

func write(w io.Writer, d *data) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }

	p("### Throughput, wall clock (MB/s, median of runs; 1 MB = 10^6 bytes)\n\n")
	p("Whole-buffer `AppendFind`, streaming `Scanner` and `ScanAt` with 2 workers, on 16 MiB corpora, at GOMAXPROCS 1 and 2.\n\n")
	scanTable(p, d, func(s *sample) []float64 { return s.mbps }, true)
	p("\n### Throughput per CPU-second (MB/cpu-s, median of runs)\n\n")
	p("Bytes scanned per second of CPU time used by the process (user + system, all threads), over the same runs.\n")
	p("On this shared machine this is the better guide to what one quiet core would do; for `parallel` at 2 cores it\n")
	p("divides by the CPU time of both workers, so parallel efficiency is its ratio to `whole` at 1 core.\n\n")
	scanTable(p, d, func(s *sample) []float64 { return s.cpu }, false)

	p("\n### Baselines in the same run (MB/s)\n\n| baseline |")
	for _, c := range corpora {
		p(" %s 1 core | %s 2 cores |", c, c)
	}
	p("\n|---|")
	for range corpora {
		p("---:|---:|")
	}
	p("\n")
	for _, b := range []string{"read", "indexbyte", "regexp", "regexp-full"} {
		p("| %s |", b)
		for _, c := range corpora {
			n := "BenchmarkBaseline/" + c + "/" + b
			p(" %s | %s |", fmtMB(d.mbps(n, 1)), fmtMB(d.mbps(n, 2)))
		}
		p("\n")
	}
	p("\n`read` is `io.CopyBuffer` to `io.Discard` through a 64 KiB buffer (memory bandwidth); `indexbyte` counts lines with\n")
	p("`bytes.IndexByte`; `regexp` is the naive standard-library alternation (`bench.NaivePattern`, six kinds) over the first 1 MiB,\n")
	p("`regexp-full` the same for every kind the default set reports (`bench.NaiveFullPattern`).\n")

	p("\n### Ratios (whole-buffer, 1 core)\n\n| set |")
	for _, c := range corpora {
		p(" %s: %% of read | %s: × regexp |", c, c)
	}
	p("\n|---|")
	for range corpora {
		p("---:|---:|")
	}
	p("\n")
	for _, s := range sets {
		row := fmt.Sprintf("| %s |", s)
		any := false
		for _, c := range corpora {
			v := d.mbps("BenchmarkScan/"+c+"/"+s+"/whole", 1)
			any = any || v > 0
			row += fmt.Sprintf(" %s | %s |", fmtPct(v, d.mbps("BenchmarkBaseline/"+c+"/read", 1)), fmtX(v, d.mbps("BenchmarkBaseline/"+c+"/regexp", 1)))
		}
		if any {
			p("%s\n", row)
		}
	}

	if s, ok := d.m[key{"BenchmarkParallelism", 2}]; ok && len(s.cores) > 0 {
		p("\nMachine calibration (`BenchmarkParallelism`): two goroutines spinning on a CPU-bound loop got %.2f cores", median(s.cores))
		if s1, ok := d.m[key{"BenchmarkParallelism", 1}]; ok && len(s1.cores) > 0 {
			p(" (one got %.2f)", median(s1.cores))
		}
		p(". An idle 2-core machine gives 2.0; the 2-core wall-clock figures of this run cannot exceed what it gave.\n")
	}
	p("\n### Targets (issue 6; typical corpus, whole-buffer unless stated)\n\n")
	p("The targets are for the typical corpus; the office rows show the same sets on e-mails and reports alone.\n\n")
	p("| target | wall clock | status (wall) | per CPU-second | status (CPU time) |\n|---|---:|---|---:|---|\n")
	target := func(what, name string, want float64) {
		a, c := d.mbps(name, 1), d.cpu(name, 1)
		if a < 0 && c < 0 {
			return
		}
		p("| %s | %s MB/s | %s | %s MB/cpu-s | %s |\n", what, fmtMB(a), status(a, want), fmtMB(c), status(c, want))
	}
	target("full default set ≥ 500 MB/s, 1 core", "BenchmarkScan/typical/all/whole", 500)
	target("without names ≥ 1000 MB/s, 1 core", "BenchmarkScan/typical/all-but-names/whole", 1000)
	target("(office corpus: no chats) full default set ≥ 500 MB/s, 1 core", "BenchmarkScan/office/all/whole", 500)
	target("(office corpus: no chats) without names ≥ 1000 MB/s, 1 core", "BenchmarkScan/office/all-but-names/whole", 1000)
	all1, call1 := d.mbps("BenchmarkScan/typical/all/whole", 1), d.cpu("BenchmarkScan/typical/all/whole", 1)
	// Two cores: ScanAt's workers are Scanners, so compare with the
	// streaming Scanner on one core.
	st1, par2 := d.mbps("BenchmarkScan/typical/all/stream", 1), d.mbps("BenchmarkScan/typical/all/parallel", 2)
	cst1, cpar2 := d.cpu("BenchmarkScan/typical/all/stream", 1), d.cpu("BenchmarkScan/typical/all/parallel", 2)
	if st1 > 0 && par2 > 0 {
		wallX, effX := par2/st1, -1.0
		effS := "–"
		if cst1 > 0 && cpar2 > 0 {
			effX = 2 * cpar2 / cst1
			effS = fmt.Sprintf("%.2f× (2 × efficiency %.2f)", effX, cpar2/cst1)
		}
		p("| 2 cores ≥ 1.8× one core (ScanAt, 2 workers, 2 cores ÷ Scanner, 1 core; 16 MiB) | %.2f× | %s | %s | %s |\n",
			wallX, status(wallX, 1.8), effS, status(effX, 1.8))
	}
	for _, rb := range []struct{ name, label string }{
		{"regexp", "naive regexp two orders of magnitude slower (full set ÷ regexp ≥ 100×; six kinds)"},
		{"regexp-full", "naive regexp of the same job two orders of magnitude slower (full set ÷ regexp-full ≥ 100×)"},
	} {
		re, cre := d.mbps("BenchmarkBaseline/typical/"+rb.name, 1), d.cpu("BenchmarkBaseline/typical/"+rb.name, 1)
		if all1 <= 0 || re <= 0 {
			continue
		}
		cx := -1.0
		if call1 > 0 && cre > 0 {
			cx = call1 / cre
		}
		p("| %s | %s | %s | %s | %s |\n", rb.label, fmtX(all1, re), status(all1/re, 100), fmtX(call1, cre), status(cx, 100))
	}
	target("names alone ≥ 500 MB/s, 1 core (issue 5)", "BenchmarkScan/typical/names/whole", 500)
	target("markings alone ≥ 1500 MB/s, 1 core (issue 4)", "BenchmarkScan/typical/markings/whole", 1500)
	target("pii identifiers with phone ≥ 1000 MB/s, 1 core (issue 3)", "BenchmarkScan/typical/pii/whole", 1000)

	var dets []string
	for _, n := range d.order {
		if strings.HasPrefix(n, "BenchmarkDetector/") || strings.HasPrefix(n, "BenchmarkPackage/") {
			dets = append(dets, n)
		}
	}
	if len(dets) > 0 {
		p("\n### Per package and per detector (typical corpus, streaming, 1 core)\n\n")
		p("`windows` counts the windows handed to detectors (one per detector per merged window around trigger hits);\n")
		p("`ns/window` is the whole scan time divided by them, prefilter included. `CPU ms/MB` is 1000 ÷ MB/cpu-s: costs\n")
		p("of detectors sharing a trigger add up, so a detector's own cost is its CPU ms/MB minus the engine's floor for\n")
		p("its trigger (`Coverage/typical/digits` below for the digit-triggered identifiers).\n\n")
		p("| benchmark | MB/s | MB/cpu-s | CPU ms/MB | allocs/op | findings | windows | ns/window |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, n := range dets {
			if s, ok := d.get(n, 1); ok {
				w, nsw := median(s.windows), "–"
				if w > 0 {
					nsw = strconv.FormatFloat(median(s.nsop)/w, 'f', 0, 64)
				}
				msmb := "–"
				if c := median(s.cpu); c > 0 {
					msmb = strconv.FormatFloat(1000/c, 'f', 2, 64)
				}
				p("| %s | %s | %s | %s | %.0f | %.0f | %.0f | %s |\n", strings.TrimPrefix(n, "Benchmark"), fmtMB(median(s.mbps)), fmtMB(median(s.cpu)), msmb, median(s.allocs), median(s.findings), w, nsw)
			}
		}
	}
	var covs []string
	for _, n := range d.order {
		if strings.HasPrefix(n, "BenchmarkCoverage/") {
			covs = append(covs, n)
		}
	}
	if len(covs) > 0 {
		p("\n### Trigger selectivity (no-op detector per trigger kind, whole-buffer, 1 core)\n\n")
		p("`coverage` is the share of input bytes inside the windows handed to one detector with that trigger (window\n")
		p("overlap between chunk views can push it slightly above 100%%); the MB/s is the engine's own cost for it.\n\n")
		p("| corpus / trigger | coverage | windows | MB/s | MB/cpu-s | CPU ms/MB |\n|---|---:|---:|---:|---:|---:|\n")
		for _, n := range covs {
			if s, ok := d.get(n, 1); ok {
				msmb := "–"
				if c := median(s.cpu); c > 0 {
					msmb = strconv.FormatFloat(1000/c, 'f', 2, 64)
				}
				p("| %s | %.1f%% | %.0f | %s | %s | %s |\n", strings.TrimPrefix(n, "BenchmarkCoverage/"), median(s.coverage), median(s.windows), fmtMB(median(s.mbps)), fmtMB(median(s.cpu)), msmb)
			}
		}
	}
	var cmpTools []string
	for _, n := range d.order {
		if rest, ok := strings.CutPrefix(n, "BenchmarkCompare/"); ok {
			if _, tool, ok := strings.Cut(rest, "/"); ok && !slices.Contains(cmpTools, tool) {
				cmpTools = append(cmpTools, tool)
			}
		}
	}
	if len(cmpTools) > 0 {
		p("\n### Against other Go detectors (bench/compare; 1 MiB, whole text, 1 core, MB/s)\n\n| tool |")
		for _, c := range corpora {
			p(" %s | %s ÷ alcatraz |", c, c)
		}
		p("\n|---|")
		for range corpora {
			p("---:|---:|")
		}
		p("\n")
		for _, tool := range cmpTools {
			p("| %s |", tool)
			for _, c := range corpora {
				v := d.mbps("BenchmarkCompare/"+c+"/"+tool, 1)
				p(" %s | %s |", fmtMB(v), fmtX(v, d.mbps("BenchmarkCompare/"+c+"/alcatraz", 1)))
			}
			p("\n")
		}
	}
	var sizes []string
	for _, n := range d.order {
		if strings.HasPrefix(n, "BenchmarkSize/") {
			sizes = append(sizes, n)
		}
	}
	if len(sizes) > 0 {
		p("\n### Input size (typical prefix, whole-buffer, 1 core)\n\n| set / size | MB/s | MB/cpu-s | allocs/op | B/op |\n|---|---:|---:|---:|---:|\n")
		for _, n := range sizes {
			if s, ok := d.get(n, 1); ok {
				p("| %s | %s | %s | %.0f | %.0f |\n", strings.TrimPrefix(n, "BenchmarkSize/"), fmtMB(median(s.mbps)), fmtMB(median(s.cpu)), median(s.allocs), median(s.bop))
			}
		}
	}
	var chunks []string
	for _, n := range d.order {
		if strings.HasPrefix(n, "BenchmarkChunkSize/") {
			chunks = append(chunks, n)
		}
	}
	if len(chunks) > 0 {
		p("\n### Chunk size (full set, streaming, typical, 1 core)\n\n| ChunkSize | MB/s | MB/cpu-s | allocs/op |\n|---|---:|---:|---:|\n")
		for _, n := range chunks {
			if s, ok := d.get(n, 1); ok {
				p("| %s | %s | %s | %.0f |\n", strings.TrimPrefix(n, "BenchmarkChunkSize/"), fmtMB(median(s.mbps)), fmtMB(median(s.cpu)), median(s.allocs))
			}
		}
	}
}

func status(got, want float64) string {
	switch {
	case got < 0:
		return "not measured"
	case got >= want:
		return "met"
	}
	return fmt.Sprintf("**missed by %.2g%%** (%.2f× of target)", 100*(1-got/want), got/want)
}

func scanTable(p func(string, ...any), d *data, metric func(*sample) []float64, extra bool) {
	p("| set | mode |")
	for _, c := range corpora {
		p(" %s 1 core | %s 2 cores |", c, c)
	}
	if extra {
		p(" allocs/op (typical, 1 core) | findings (typical) |")
	}
	p("\n|---|---|")
	for range corpora {
		p("---:|---:|")
	}
	if extra {
		p("---:|---:|")
	}
	p("\n")
	val := func(n string, cpu int) float64 {
		if s, ok := d.m[key{n, cpu}]; ok {
			return median(metric(s))
		}
		return -1
	}
	for _, s := range sets {
		for _, m := range modes {
			any := false
			row := fmt.Sprintf("| %s | %s |", s, m)
			for _, c := range corpora {
				n := "BenchmarkScan/" + c + "/" + s + "/" + m
				a, b := val(n, 1), val(n, 2)
				any = any || a > 0 || b > 0
				row += " " + fmtMB(a) + " | " + fmtMB(b) + " |"
			}
			if !any {
				continue
			}
			if extra {
				allocs, found := "–", "–"
				if sm, ok := d.get("BenchmarkScan/typical/"+s+"/"+m, 1); ok {
					allocs = strconv.FormatFloat(median(sm.allocs), 'f', 0, 64)
					found = strconv.FormatFloat(median(sm.findings), 'f', 0, 64)
				}
				row += " " + allocs + " | " + found + " |"
			}
			p("%s\n", row)
		}
	}
}

func (d *data) cpu(name string, cpu int) float64 {
	if s, ok := d.m[key{name, cpu}]; ok {
		return median(s.cpu)
	}
	return -1
}
