// Command pipeline shows a custom scanning pipeline built from tidemark's
// parts: it chooses detectors from the registry, adds a regexp2 rule of
// its own, resolves overlapping findings and writes the winners as JSON
// Lines, one object per finding, without the matched values.
//
//	go run ./examples/pipeline -select 'pii/email,pii/uk-*,markings/*' notes.txt
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/rules"
)

// Record is one line of output.
type Record struct {
	File  string `json:"file"`
	Rule  string `json:"rule"`
	Kind  string `json:"kind"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	Line  int64  `json:"line"`
	Score int    `json:"score"`
}

// caseRef is the pipeline's own detector: case references such as
// "CASE-2024-00042", which need look-behind to skip "TEST-CASE-…".
func caseRef() (detect.Detector, error) {
	return rules.New(rules.Rule{
		ID:          "acme/case-ref",
		Kind:        "acme.case",
		Description: "ACME case references",
		Pattern:     `(?<![\w-])CASE-(?:19|20)\d{2}-\d{5}\b`,
		Score:       70,
		Cues:        []detect.Cue{{Word: "case", Delta: 10}, {Word: "example", Delta: -40, Side: detect.Before}},
	})
}

// NewEngine selects detectors by ID or glob from the default registry,
// adds caseRef and compiles them.
func NewEngine(patterns []string, minScore int) (*detect.Engine, error) {
	reg, err := tidemark.NewRegistry()
	if err != nil {
		return nil, err
	}
	ds, err := reg.Select(patterns...)
	if err != nil {
		return nil, err
	}
	cr, err := caseRef()
	if err != nil {
		return nil, err
	}
	return detect.Compile(append(ds, cr), &detect.Options{MinScore: minScore})
}

// better reports whether a should win over b when they overlap: higher
// score, then longer, then earlier, then rule ID.
func better(a, b detect.Finding) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Len() != b.Len() {
		return a.Len() > b.Len()
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.Rule < b.Rule
}

// Resolver picks winners among overlapping findings as they stream in
// (in order of Start, as a Scanner delivers them). Findings are held
// only while a run of overlapping findings is open, so memory stays
// bounded by the longest run.
type Resolver struct {
	run    []detect.Finding
	runEnd int64
}

// Add takes the next finding and appends to dst the winners of any run
// it closes.
func (r *Resolver) Add(dst []detect.Finding, f detect.Finding) []detect.Finding {
	if len(r.run) > 0 && f.Start >= r.runEnd {
		dst = r.Flush(dst)
	}
	r.run = append(r.run, f)
	r.runEnd = max(r.runEnd, f.End)
	return dst
}

// Flush appends the winners of the open run to dst, in order of Start:
// the best finding, then the best of those not overlapping it, and so on.
func (r *Resolver) Flush(dst []detect.Finding) []detect.Finding {
	run := r.run
	slices.SortFunc(run, func(a, b detect.Finding) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	first := len(dst)
	for _, f := range run {
		ok := true
		for _, w := range dst[first:] {
			if f.Start < w.End && w.Start < f.End {
				ok = false
				break
			}
		}
		if ok {
			dst = append(dst, f)
		}
	}
	slices.SortFunc(dst[first:], func(a, b detect.Finding) int { return cmp.Compare(a.Start, b.Start) })
	r.run, r.runEnd = r.run[:0], 0
	return dst
}

// Run scans r (named name) and writes the resolved findings to w as JSON
// Lines. It returns the number written.
func Run(eng *detect.Engine, name string, r io.Reader, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	sc := eng.NewScanner(r)
	var res Resolver
	var out []detect.Finding
	n := 0
	emit := func() error {
		for _, f := range out {
			if err := enc.Encode(Record{name, f.Rule, string(f.Kind), f.Start, f.End, f.Line, f.Score}); err != nil {
				return err
			}
			n++
		}
		out = out[:0]
		return nil
	}
	for sc.Scan() {
		out = res.Add(out, sc.Finding())
		if err := emit(); err != nil {
			return n, err
		}
	}
	out = res.Flush(out)
	if err := emit(); err != nil {
		return n, err
	}
	return n, sc.Err()
}

func main() {
	sel := flag.String("select", "pii/*,markings/*", "comma-separated detector IDs or globs (prefix - to remove)")
	minScore := flag.Int("min-score", 50, "drop findings scoring below this")
	flag.Parse()
	eng, err := NewEngine(strings.Split(*sel, ","), *minScore)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if flag.NArg() == 0 {
		if _, err := Run(eng, "-", os.Stdin, w); err != nil {
			log.Fatal(err)
		}
		return
	}
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		_, err = Run(eng, name, f, w)
		f.Close()
		if err != nil {
			log.Fatal(fmt.Errorf("%s: %w", name, err))
		}
	}
}
