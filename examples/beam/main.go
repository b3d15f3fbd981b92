// Command beam scans many files with tidemark on Apache Beam. It reads the
// files matching --input, scans each with a tidemark engine inside a DoFn
// (one engine per worker process, built once in Setup and shared by every
// DoFn instance and bundle on that worker), and writes two JSON Lines
// files: one line per finding (--findings) and one summary per file
// (--summaries). Matched values are never written.
//
// It runs on Beam's local Prism runner by default:
//
//	go run . --input 'testdata/in/*.txt' --findings /tmp/findings.jsonl --summaries /tmp/summaries.jsonl
//
// and unchanged on a distributed runner by adding the runner's flags (see
// README.md).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/rules"
	"github.com/tidemark/tidemark/markings"
)

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string), func(string), error](&scanFn{})
	register.Emitter1[string]()
}

// Config is the scan's configuration. It travels to the workers inside
// the DoFn, so it holds the rule file's content rather than its path.
type Config struct {
	Detectors []string `json:"detectors"`  // IDs or globs, as for detect.Registry.Select
	MinScore  int      `json:"min_score"`  // drop findings scoring below
	Rules     string   `json:"rules"`      // content of a tidemark rule file, or empty
	RulesName string   `json:"rules_name"` // its name, for error messages
}

// Finding is one line of the findings output.
type Finding struct {
	File  string `json:"file"`
	Rule  string `json:"rule"`
	Kind  string `json:"kind"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	Line  int64  `json:"line"`
	Score int    `json:"score"`
}

// Summary is one line of the summaries output.
type Summary struct {
	File       string         `json:"file"`
	Bytes      int64          `json:"bytes"`
	Findings   int64          `json:"findings"`
	Kinds      map[string]int `json:"kinds,omitempty"`
	Marking    string         `json:"highest_marking,omitempty"`
	Incomplete int64          `json:"incomplete_windows,omitempty"`
	Skipped    string         `json:"skipped,omitempty"` // "binary"
	Error      string         `json:"error,omitempty"`
}

// engines holds one compiled engine per configuration in this worker
// process. Beam may create many DoFn instances per worker (one per
// bundle processor and thread); they all share the engine, which is
// immutable and safe for concurrent use.
var engines sync.Map // string (Config as JSON) -> func() (*detect.Engine, error)

func sharedEngine(cfg Config) (*detect.Engine, error) {
	key, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	build, _ := engines.LoadOrStore(string(key), sync.OnceValues(func() (*detect.Engine, error) {
		return newEngine(cfg)
	}))
	return build.(func() (*detect.Engine, error))()
}

func newEngine(cfg Config) (*detect.Engine, error) {
	reg, err := tidemark.NewRegistry()
	if err != nil {
		return nil, err
	}
	ds, err := reg.Select(cfg.Detectors...)
	if err != nil {
		return nil, err
	}
	if cfg.Rules != "" {
		set, err := rules.Load(strings.NewReader(cfg.Rules), cfg.RulesName)
		if err != nil {
			return nil, err
		}
		ds = set.Apply(append(ds, set.Detectors()...))
	}
	return detect.Compile(ds, &detect.Options{MinScore: cfg.MinScore})
}

// scanFn scans one file per element.
type scanFn struct {
	Config Config `json:"config"`

	eng *detect.Engine
}

// Setup runs once per DoFn instance on the worker; the engine itself is
// built once per process.
func (fn *scanFn) Setup() error {
	eng, err := sharedEngine(fn.Config)
	if err != nil {
		return fmt.Errorf("tidemark engine: %w", err)
	}
	fn.eng = eng
	return nil
}

// ProcessElement streams the file through a Scanner (memory is bounded
// whatever the file's size) and emits its findings and its summary.
func (fn *scanFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emitFinding, emitSummary func(string)) error {
	path := file.Metadata.Path
	sum := Summary{File: path, Kinds: map[string]int{}}
	defer func() {
		b, _ := json.Marshal(sum)
		emitSummary(string(b))
	}()
	rc, err := file.Open(ctx)
	if err != nil {
		sum.Error = err.Error()
		return nil
	}
	defer rc.Close()
	var ms []markings.Marking
	sc := fn.eng.NewScanner(rc)
	for sc.Scan() {
		f := sc.Finding()
		b, _ := json.Marshal(Finding{path, f.Rule, string(f.Kind), f.Start, f.End, f.Line, f.Score})
		emitFinding(string(b))
		sum.Kinds[string(f.Kind)]++
		if f.Kind == markings.KindMarking {
			if d, err := fn.eng.Detail(f, sc.Bytes()); err == nil {
				if m, ok := d.(markings.Marking); ok {
					ms = append(ms, m)
				}
			}
		}
	}
	st := sc.Stats()
	sum.Bytes, sum.Findings, sum.Incomplete = st.Bytes, st.Findings, st.Incomplete
	if len(ms) > 0 {
		sum.Marking = markings.Highest(ms).Canonical()
	}
	switch err := sc.Err(); {
	case err == detect.ErrBinary:
		sum.Skipped = "binary"
	case err != nil:
		sum.Error = err.Error()
	}
	return nil
}

// Build adds the scan to the pipeline: match, read, scan, write.
func Build(s beam.Scope, input, findingsPath, summariesPath string, cfg Config) {
	s = s.Scope("tidemark")
	matches := fileio.MatchFiles(s, input)
	files := fileio.ReadMatches(s, matches, fileio.ReadUncompressed(), fileio.ReadDirectorySkip())
	findings, summaries := beam.ParDo2(s, &scanFn{Config: cfg}, files)
	textio.Write(s, findingsPath, findings)
	textio.Write(s, summariesPath, summaries)
}

var (
	input     = flag.String("input", "testdata/in/*", "files to scan (a glob; gs:// paths work on Dataflow)")
	findings  = flag.String("findings", "findings.jsonl", "output: one JSON line per finding")
	summaries = flag.String("summaries", "summaries.jsonl", "output: one JSON line per file")
	selectIDs = flag.String("detectors", "pii/*,markings/*", "comma-separated detector IDs or globs")
	minScore  = flag.Int("min_score", 50, "drop findings scoring below this")
	rulesFile = flag.String("rules", "", "tidemark rule file (YAML) to add custom detectors and allow/deny lists")
)

// configFromFlags reads the flags into a Config.
func configFromFlags() (Config, error) {
	cfg := Config{Detectors: strings.Split(*selectIDs, ","), MinScore: *minScore}
	cfg.Detectors = slices.DeleteFunc(cfg.Detectors, func(s string) bool { return s == "" })
	if *rulesFile != "" {
		b, err := os.ReadFile(*rulesFile)
		if err != nil {
			return cfg, err
		}
		cfg.Rules, cfg.RulesName = string(b), *rulesFile
	}
	// Fail fast, before submitting: the same check runs on every worker.
	if _, err := newEngine(cfg); err != nil {
		return cfg, err
	}
	return cfg, nil
}

func main() {
	flag.Parse()
	beam.Init()
	cfg, err := configFromFlags()
	if err != nil {
		log.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, *input, *findings, *summaries, cfg)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("pipeline failed: %v", err)
	}
}
