package bench

import (
	"bytes"
	"io"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// CorpusSize is the size of each benchmark corpus, generated once per
// process with seed CorpusSeed.
const (
	CorpusSize = 16 << 20
	CorpusSeed = 1
	// RegexpSize is the prefix the standard-regexp baseline scans: it is
	// about a hundred times slower, so it gets a smaller input (MB/s is
	// still comparable).
	RegexpSize = 1 << 20
)

var densities = []corpus.Density{corpus.Clean, corpus.Typical, corpus.Dense, corpus.Office}

var corpora = sync.OnceValue(func() map[corpus.Density][]byte {
	m := map[corpus.Density][]byte{}
	for _, d := range densities {
		m[d], _ = corpus.Bytes(corpus.Config{Seed: CorpusSeed, Size: CorpusSize, Density: d})
	}
	return m
})

func compileSet(b *testing.B, name string) *detect.Engine {
	b.Helper()
	ds, err := Set(name)
	if err != nil {
		b.Fatal(err)
	}
	if len(ds) == 0 {
		b.Skipf("set %q has no detectors yet", name)
	}
	eng, err := detect.Compile(ds, nil)
	if err != nil {
		b.Fatal(err)
	}
	warmUp(b, eng)
	return eng
}

// warmUp makes the detectors load their lazy tables (names gazetteers,
// compiled patterns) before the timer starts.
func warmUp(b *testing.B, eng *detect.Engine) {
	const text = "From: Sarah Jones <sarah.jones@example.com>\nSubject: OFFICIAL-SENSITIVE: case\n" +
		"Call 020 7946 0018 or 07700 900123. NHS 943 476 5919, SW1A 2AA, GB29 NWBK 6016 1331 9268 19.\n"
	if _, err := eng.AppendFind(nil, []byte(text)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScan measures each detector set on each corpus, three ways:
// whole-buffer (Engine.AppendFind), streaming (Scanner over a
// bytes.Reader) and parallel (Engine.ScanAt with 2 workers). Names:
// BenchmarkScan/<corpus>/<set>/<mode>.
func BenchmarkScan(b *testing.B) {
	cs := corpora()
	for _, d := range densities {
		text := cs[d]
		b.Run(d.String(), func(b *testing.B) {
			for _, set := range SetNames {
				b.Run(set, func(b *testing.B) {
					eng := compileSet(b, set)
					// Warm the detectors' caches on the first MiB of this corpus, so
					// that whichever mode runs first does not pay for filling them
					// (with -benchtime 1x nothing would amortise it).
					if _, err := eng.AppendFind(nil, text[:min(len(text), 1<<20)]); err != nil {
						b.Fatal(err)
					}
					b.Run("whole", func(b *testing.B) { benchWhole(b, eng, text) })
					b.Run("stream", func(b *testing.B) { benchStream(b, eng, text) })
					b.Run("parallel", func(b *testing.B) { benchParallel(b, eng, text, 2) })
				})
			}
		})
	}
}

// cpuMeter reports MB per CPU-second of the process (user + system) over
// the benchmark loop. On a shared, overloaded machine wall-clock MB/s
// depends on how much CPU the scheduler gave the benchmark; MB/cpu-s
// does much less (it still suffers from shared caches and frequency).
type cpuMeter struct {
	b     *testing.B
	n     int64
	start time.Duration
}

func startCPU(b *testing.B, n int64) cpuMeter { return cpuMeter{b: b, n: n, start: cpuNow()} }

func (m cpuMeter) stop() {
	d := cpuNow() - m.start
	if m.start == 0 || d <= 0 {
		return
	}
	m.b.ReportMetric(float64(m.n)*float64(m.b.N)/1e6/d.Seconds(), "MB/cpu-s")
}

func benchWhole(b *testing.B, eng *detect.Engine, text []byte) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	// One untimed pass first, in every mode: it sizes the findings slice
	// (megabytes for finding-dense sets) and warms the detectors' caches,
	// so that even a single timed pass (-benchtime 1x, as in results.sh)
	// measures the steady state. Without it one pass of names on the
	// typical corpus measured 230-330 MB/s against 520-550 with ten.
	dst, err := eng.AppendFind(nil, text)
	if err != nil {
		b.Fatal(err)
	}
	cpu := startCPU(b, int64(len(text)))
	for b.Loop() {
		dst, err = eng.AppendFind(dst[:0], text)
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu.stop()
	b.ReportMetric(float64(len(dst)), "findings/op")
}

func benchStream(b *testing.B, eng *detect.Engine, text []byte) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	r := bytes.NewReader(text)
	sc := eng.NewScanner(r)
	for sc.Scan() { // the untimed pass (see benchWhole)
	}
	n := 0
	cpu := startCPU(b, int64(len(text)))
	for b.Loop() {
		r.Reset(text)
		sc.Reset(r)
		n = 0
		for sc.Scan() {
			n++
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
	}
	cpu.stop()
	b.ReportMetric(float64(n), "findings/op")
	// Windows handed to detectors (one per detector per merged window):
	// the work the prefilter lets through.
	b.ReportMetric(float64(sc.Stats().Windows), "windows/op")
}

func benchParallel(b *testing.B, eng *detect.Engine, text []byte, workers int) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	r := bytes.NewReader(text)
	opt := &detect.ParallelOptions{Workers: workers}
	n := 0
	count := func(detect.Finding, []byte) error { n++; return nil }
	if _, err := eng.ScanAt(r, int64(len(text)), opt, count); err != nil { // the untimed pass (see benchWhole)
		b.Fatal(err)
	}
	cpu := startCPU(b, int64(len(text)))
	for b.Loop() {
		n = 0
		if _, err := eng.ScanAt(r, int64(len(text)), opt, count); err != nil {
			b.Fatal(err)
		}
	}
	cpu.stop()
	b.ReportMetric(float64(n), "findings/op")
}

// BenchmarkBaseline measures, in the same run and on the same corpora, a
// plain read loop (io.CopyBuffer to io.Discard through a 64 KiB buffer),
// a bytes.IndexByte loop counting lines, and the naive standard-regexp
// alternations (on the first RegexpSize bytes): regexp is NaivePattern
// (six kinds), regexp-full NaiveFullPattern (every kind of the default
// set).
func BenchmarkBaseline(b *testing.B) {
	cs := corpora()
	for _, d := range densities {
		text := cs[d]
		b.Run(d.String(), func(b *testing.B) {
			b.Run("read", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				buf := make([]byte, 64<<10)
				r := bytes.NewReader(text)
				cpu := startCPU(b, int64(len(text)))
				for b.Loop() {
					r.Reset(text)
					if _, err := io.CopyBuffer(onlyWriter{io.Discard}, onlyReader{r}, buf); err != nil {
						b.Fatal(err)
					}
				}
				cpu.stop()
			})
			b.Run("indexbyte", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				n := 0
				cpu := startCPU(b, int64(len(text)))
				for b.Loop() {
					n = 0
					for rest := text; ; {
						i := bytes.IndexByte(rest, '\n')
						if i < 0 {
							break
						}
						n++
						rest = rest[i+1:]
					}
				}
				cpu.stop()
				b.ReportMetric(float64(n), "lines/op")
			})
			for _, rb := range []struct {
				name string
				re   func() *regexp.Regexp
			}{{"regexp", Naive}, {"regexp-full", NaiveFull}} {
				b.Run(rb.name, func(b *testing.B) {
					re := rb.re()
					small := text[:min(len(text), RegexpSize)]
					b.SetBytes(int64(len(small)))
					b.ReportAllocs()
					n := 0
					cpu := startCPU(b, int64(len(small)))
					for b.Loop() {
						n = len(re.FindAllIndex(small, -1))
					}
					cpu.stop()
					b.ReportMetric(float64(n), "matches/op")
				})
			}
		})
	}
}

// onlyReader hides bytes.Reader's WriterTo so that io.CopyBuffer really
// goes through the 64 KiB buffer.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// onlyWriter hides io.Discard's ReaderFrom (which would use its own 8 KiB
// buffer).
type onlyWriter struct{ w io.Writer }

func (o onlyWriter) Write(p []byte) (int, error) { return o.w.Write(p) }

// BenchmarkDetector measures each detector of the default bundle alone,
// streaming (to report its windows), on the typical corpus:
// BenchmarkDetector/<id> with '/' written '.'.
func BenchmarkDetector(b *testing.B) {
	text := corpora()[corpus.Typical]
	for _, d := range tidemark.Detectors() {
		id := d.Spec().ID
		b.Run(strings.ReplaceAll(id, "/", "."), func(b *testing.B) {
			eng, err := detect.Compile([]detect.Detector{d}, nil)
			if err != nil {
				b.Fatal(err)
			}
			warmUp(b, eng)
			benchStream(b, eng, text)
		})
	}
}

// BenchmarkPackage measures each detector package of the default bundle
// (the part of the ID before the last '/'), streaming, on the typical
// corpus: BenchmarkPackage/<package>.
func BenchmarkPackage(b *testing.B) {
	text := corpora()[corpus.Typical]
	byPkg := map[string][]detect.Detector{}
	for _, d := range tidemark.Detectors() {
		id := d.Spec().ID
		pkg := id[:strings.LastIndexByte(id, '/')]
		byPkg[pkg] = append(byPkg[pkg], d)
	}
	for _, pkg := range slices.Sorted(func(yield func(string) bool) {
		for k := range byPkg {
			if !yield(k) {
				return
			}
		}
	}) {
		b.Run(strings.ReplaceAll(pkg, "/", "."), func(b *testing.B) {
			eng, err := detect.Compile(byPkg[pkg], nil)
			if err != nil {
				b.Fatal(err)
			}
			warmUp(b, eng)
			benchStream(b, eng, text)
		})
	}
}

// BenchmarkChunkSize sweeps Options.ChunkSize for the full set on the
// typical corpus, streaming: BenchmarkChunkSize/<KiB>.
func BenchmarkChunkSize(b *testing.B) {
	text := corpora()[corpus.Typical]
	ds, _ := Set("all")
	if len(ds) == 0 {
		b.Skip("no detectors yet")
	}
	for _, kib := range []int{4, 16, 64, 256, 1024} {
		b.Run(strconv.Itoa(kib)+"KiB", func(b *testing.B) {
			eng, err := detect.Compile(ds, &detect.Options{ChunkSize: kib << 10})
			if err != nil {
				b.Fatal(err)
			}
			warmUp(b, eng)
			benchStream(b, eng, text)
		})
	}
}

// BenchmarkCoverage measures how selective the usual trigger kinds are on
// each corpus: a detector that reports nothing counts the bytes of the
// windows it is handed. "coverage-%" is that sum over the input size
// (windows of one detector do not overlap, so 100% means every byte is
// examined by every such detector); digits uses the window of a 12-byte
// identifier with a 64-byte cue radius (like pii/uk-nhs), upper that of a
// 64-byte name with a 32-byte radius. Names:
// BenchmarkCoverage/<corpus>/<trigger>.
func BenchmarkCoverage(b *testing.B) {
	cs := corpora()
	kinds := []struct {
		name   string
		tr     detect.Triggers
		maxLen int
		radius int
	}{
		{"digits", detect.Triggers{Bytes: detect.Digits}, 12, 64},
		{"at", detect.Triggers{Bytes: "@"}, 254, 0},
		{"upper", detect.Triggers{Bytes: detect.Upper}, 64, 32},
		{"marking-words", detect.Triggers{Keywords: []string{"official", "secret", "restricted", "protect"}}, 64, 64},
	}
	for _, d := range densities {
		text := cs[d]
		b.Run(d.String(), func(b *testing.B) {
			for _, k := range kinds {
				b.Run(k.name, func(b *testing.B) {
					var covered, windows int64
					det := detect.Func(detect.Spec{ID: "bench/coverage", Kind: "none", MaxLen: k.maxLen, Triggers: k.tr,
						Cues: detect.Cues{Radius: k.radius}},
						func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
							covered += int64(len(w.Text))
							windows++
							return dst, nil
						})
					eng := detect.MustCompile([]detect.Detector{det}, nil)
					b.SetBytes(int64(len(text)))
					b.ReportAllocs()
					cpu := startCPU(b, int64(len(text)))
					for b.Loop() {
						covered, windows = 0, 0
						if _, err := eng.AppendFind(nil, text); err != nil {
							b.Fatal(err)
						}
					}
					cpu.stop()
					b.ReportMetric(100*float64(covered)/float64(len(text)), "coverage-%")
					b.ReportMetric(float64(windows), "windows/op")
				})
			}
		})
	}
}

// BenchmarkSize measures the full set, whole-buffer, on prefixes of the
// typical corpus of 4 KiB, 64 KiB and 1 MiB (STYLE.md 2.9's sizes), to
// show fixed per-call costs: BenchmarkSize/<set>/<KiB>KiB.
func BenchmarkSize(b *testing.B) {
	text := corpora()[corpus.Typical]
	for _, set := range []string{"all", "all-but-names"} {
		b.Run(set, func(b *testing.B) {
			eng := compileSet(b, set)
			for _, kib := range []int{4, 64, 1024} {
				b.Run(strconv.Itoa(kib)+"KiB", func(b *testing.B) {
					// Cut at a line break so the prefix is a well-formed slice of the corpus.
					n := bytes.LastIndexByte(text[:kib<<10], '\n') + 1
					benchWhole(b, eng, text[:n])
				})
			}
		})
	}
}

// BenchmarkParallelism calibrates the machine: GOMAXPROCS goroutines spin
// on a CPU-bound loop and "cores-used" reports process CPU time over wall
// time. On an idle 2-core machine it is ~2 at -cpu 2; if it is not, the
// 2-core figures of this run say more about the machine than about ScanAt.
func BenchmarkParallelism(b *testing.B) {
	n := runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	var wall time.Duration
	cpu0 := cpuNow()
	for b.Loop() {
		t0 := time.Now()
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				x := uint64(1)
				for i := 0; i < 20_000_000; i++ {
					x = x*6364136223846793005 + 1442695040888963407
				}
				spinSink.Add(x)
			}()
		}
		wg.Wait()
		wall += time.Since(t0)
	}
	if cpu := cpuNow() - cpu0; cpu0 != 0 && wall > 0 {
		b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores-used")
	}
}

var spinSink atomic.Uint64

// BenchmarkGating measures run gating (detect.RunFilter) in one run: the
// pii set as it is against the same detectors with their filters hidden
// (detecttest.Ungated), whole buffer, on the typical and dense corpora.
// Findings are identical (TestRunGatingEquivalence); only the time
// differs. Names: BenchmarkGating/<corpus>/{gated,ungated}.
func BenchmarkGating(b *testing.B) {
	ds, err := Set("pii")
	if err != nil {
		b.Fatal(err)
	}
	var plain []detect.Detector
	for _, d := range ds {
		plain = append(plain, detecttest.Ungated(d))
	}
	for _, c := range []corpus.Density{corpus.Typical, corpus.Dense} {
		text := corpora()[c]
		for _, v := range []struct {
			name string
			ds   []detect.Detector
		}{{"gated", ds}, {"ungated", plain}} {
			eng, err := detect.Compile(v.ds, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(c.String()+"/"+v.name, func(b *testing.B) {
				warmUp(b, eng)
				benchWhole(b, eng, text)
			})
		}
	}
}
