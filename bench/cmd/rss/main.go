//go:build unix

// Command rss scans one large input with a detector set and reports the
// process's peak resident set size (VmHWM from /proc/self/status), to
// show that memory stays flat from 1 MiB to 1 GiB.
//
// Usage:
//
//	rss [-set all] [-size 256MiB] [-density typical] [-seed 1]      # stream a generated corpus, no disk
//	rss [-set all] -file corpus.txt [-workers 2]                     # scan a file (ScanAt when workers > 1)
//	rss -detectors 'pii/phone,pii/uk-*' -file corpus.txt             # any detectors, by ID or glob
//
// Without -file it streams the corpus straight from the generator
// (package bench/corpus) through a Scanner, so nothing is written to disk
// and the generator's few kilobytes are the only extra memory. With -file
// it scans the file with a Scanner, or with Engine.ScanAt when -workers
// is above 1. Run one process per measurement: VmHWM is a high-water mark.
//
// It prints one line of key=value pairs: input bytes, findings, elapsed
// seconds, MB/s, CPU seconds and MB per CPU-second, VmHWM before scanning (after compiling the engine and
// loading its tables) and after, the Go heap in use at the end and after
// a final GC (what the detectors and engine retain), and the size of the
// Scanner's buffer (ChunkSize + 2*Margin). It never prints matched values.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/bench"
	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

func main() {
	set := flag.String("set", "all", "detector set: "+strings.Join(bench.SetNames, ", "))
	globs := flag.String("detectors", "", "detector IDs or globs, comma-separated (overrides -set)")
	size := flag.String("size", "256MiB", "generated corpus size (KiB/MiB/GiB suffixes)")
	density := flag.String("density", "typical", "clean, typical or dense")
	seed := flag.Uint64("seed", 1, "corpus seed")
	file := flag.String("file", "", "scan this file instead of a generated corpus")
	workers := flag.Int("workers", 1, "with -file: workers for Engine.ScanAt (1: a Scanner)")
	chunk := flag.Int("chunk", 0, "Options.ChunkSize (0: default)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the scan to this file")
	memprofile := flag.String("memprofile", "", "write a heap profile (after the scan and a GC) to this file")
	flag.Parse()
	if *memprofile != "" {
		runtime.MemProfileRate = 4096 // fine-grained: the heap here is small
	}
	if *globs != "" {
		*set = "detectors:" + *globs
	}
	if err := run(*set, *size, *density, *seed, *file, *workers, *chunk, *cpuprofile, *memprofile); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

func run(set, sizeStr, density string, seed uint64, file string, workers, chunk int, cpuprofile, memprofile string) error {
	var ds []detect.Detector
	var err error
	if globs, ok := strings.CutPrefix(set, "detectors:"); ok {
		reg, rerr := tidemark.NewRegistry()
		if rerr != nil {
			return rerr
		}
		ds, err = reg.Select(strings.Split(globs, ",")...)
	} else {
		ds, err = bench.Set(set)
	}
	if err != nil {
		return err
	}
	if len(ds) == 0 {
		return fmt.Errorf("set %q has no detectors yet", set)
	}
	eng, err := detect.Compile(ds, &detect.Options{ChunkSize: chunk})
	if err != nil {
		return err
	}
	// Warm up: let detectors load their lazy tables before the baseline.
	if _, err := eng.AppendFind(nil, []byte(warm)); err != nil {
		return err
	}
	runtime.GC()
	before := vmHWM()

	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	var n, found int64
	var mode string
	start, cpu0 := time.Now(), cpuTime()
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		n = fi.Size()
		if workers > 1 {
			mode = "scanat"
			_, err = eng.ScanAt(f, n, &detect.ParallelOptions{Workers: workers}, func(detect.Finding, []byte) error { found++; return nil })
		} else {
			mode = "scanner-file"
			found, err = scan(eng, bufio.NewReaderSize(f, 64<<10))
		}
		if err != nil {
			return err
		}
	} else {
		size, err := corpus.ParseSize(sizeStr)
		if err != nil {
			return err
		}
		d, err := corpus.ParseDensity(density)
		if err != nil {
			return err
		}
		mode = "scanner-gen"
		cr := &countingReader{r: corpus.NewReader(corpus.Config{Seed: seed, Size: size, Density: d})}
		if found, err = scan(eng, cr); err != nil {
			return err
		}
		n = cr.n
	}
	el, cpuEl := time.Since(start), cpuTime()-cpu0
	after := vmHWM()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.GC()
	var live runtime.MemStats
	runtime.ReadMemStats(&live)
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err != nil {
			return err
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	bufKiB := (max(chunk, 0) + 2*eng.Margin()) >> 10
	if chunk == 0 {
		bufKiB = (detect.DefaultChunkSize + 2*eng.Margin()) >> 10
	}
	fmt.Printf("set=%s mode=%s workers=%d bytes=%d findings=%d seconds=%.3f MBps=%.1f cpu_seconds=%.3f MBps_cpu=%.1f hwm_before_kib=%d hwm_after_kib=%d heap_inuse_kib=%d heap_live_kib=%d heap_sys_kib=%d margin=%d scanner_buf_kib=%d\n",
		set, mode, max(workers, 1), n, found, el.Seconds(), float64(n)/1e6/el.Seconds(), cpuEl.Seconds(), float64(n)/1e6/cpuEl.Seconds(), before, after,
		ms.HeapInuse>>10, live.HeapInuse>>10, ms.HeapSys>>10, eng.Margin(), bufKiB)
	return nil
}

const warm = "Dear Sarah Jones, OFFICIAL-SENSITIVE. Call 020 7946 0018, jo@example.com, NHS 943 476 5919, SW1A 2AA.\n"

func scan(eng *detect.Engine, r io.Reader) (int64, error) {
	sc := eng.NewScanner(r)
	var n int64
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// cpuTime returns the process's user + system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// vmHWM returns the process's peak resident set size in KiB, or -1.
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			f := strings.Fields(string(rest))
			if len(f) > 0 {
				v, err := strconv.ParseInt(f[0], 10, 64)
				if err == nil {
					return v
				}
			}
		}
	}
	return -1
}
