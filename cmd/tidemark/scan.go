package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/rules"
	"github.com/tidemark/tidemark/detect/source"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// scanFlags are the flags of scan (and, in part, redact).
type scanFlags struct {
	format     string
	input      string
	detectors  string
	minScore   int
	workers    int
	showValues bool
	summary    bool
	color      string
	progress   string
	binary     bool
	rules      stringList
	limits     source.Limits

	summarySet bool
}

func (f *scanFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output format: text, jsonl, csv or sarif")
	fs.StringVar(&f.input, "input", "auto", "input format: auto, text, whatsapp, mbox, eml, csv or zip")
	fs.StringVar(&f.detectors, "detectors", "*", "detector IDs or globs, comma-separated; '-' prefix excludes")
	fs.IntVar(&f.minScore, "min-score", 50, "minimum score 0-100")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "files scanned in parallel")
	fs.BoolVar(&f.showValues, "show-values", false, "print matched values unmasked")
	fs.BoolVar(&f.summary, "summary", false, "print summaries (default on for text)")
	fs.StringVar(&f.color, "color", "auto", "colour: auto, always or never")
	fs.StringVar(&f.progress, "progress", "auto", "progress on stderr: auto, always or never")
	fs.BoolVar(&f.binary, "binary", false, "scan binary-looking files")
	fs.Var(&f.rules, "rules", "rule file (YAML or JSON) of custom detectors and allow/deny lists; repeatable")
	fs.Int64Var(&f.limits.MaxBytes, "max-bytes", source.DefaultMaxBytes, "decompressed bytes per input")
	fs.IntVar(&f.limits.MaxDepth, "max-depth", source.DefaultMaxDepth, "nesting depth of archives and MIME parts")
	fs.IntVar(&f.limits.MaxParts, "max-parts", source.DefaultMaxParts, "archive members and MIME parts per input")
	fs.IntVar(&f.limits.MaxLine, "max-line", source.DefaultMaxLine, "line length in chats and e-mail")
	fs.Int64Var(&f.limits.MaxMessage, "max-message", source.DefaultMaxMessage, "size of one chat or e-mail message")
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, and returns those.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		// flag stops at "--" (consumed) or at a non-flag argument.
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") || args[0] == "-" {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
		// After "--" everything is positional.
		return append(pos, args...), nil
	}
}

// engine compiles the selected detectors, with the custom detectors of
// any --rules files among them (selectable by ID like the others) and
// each file's allow list applied to every selected detector.
func (f *scanFlags) engine(e *env) (*detect.Engine, error) {
	all := e.detectors()
	var sets []*rules.Set
	for _, name := range f.rules {
		set, err := rules.LoadFile(name)
		if err != nil {
			return nil, err // *rules.Error: "file:line:col: rule \"id\": ..."
		}
		sets = append(sets, set)
		all = append(all, set.Detectors()...)
	}
	reg, err := detect.NewRegistry(all...)
	if err != nil {
		return nil, err
	}
	var pats []string
	for p := range strings.SplitSeq(f.detectors, ",") {
		if p = strings.TrimSpace(p); p != "" {
			pats = append(pats, p)
		}
	}
	// "*" (or "all") selects everything: path.Match's '*' stops at '/'.
	everything := len(pats) == 0 || strings.HasPrefix(pats[0], "-")
	if len(pats) > 0 && (pats[0] == "*" || pats[0] == "all") {
		everything, pats = true, pats[1:]
	}
	var ds []detect.Detector
	switch {
	case everything && len(pats) == 0:
		ds = reg.All()
	case everything:
		ds, err = reg.Select(append(reg.IDs(), pats...)...)
	default:
		ds, err = reg.Select(pats...)
	}
	if err != nil {
		return nil, err
	}
	for _, set := range sets {
		ds = set.Apply(ds)
	}
	opts := &detect.Options{MinScore: f.minScore}
	if f.binary {
		opts.Binary = detect.BinaryScan
	}
	if len(ds) == 0 {
		// No detectors (a build without detector packages): an engine
		// that never fires keeps the pipeline uniform.
		ds = []detect.Detector{detect.Func(detect.Spec{ID: "internal/none", Kind: "none", MaxLen: 1,
			Triggers: detect.Triggers{Keywords: []string{"\x01"}}}, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
			return dst, nil
		})}
	}
	return detect.Compile(ds, opts)
}

func (f *scanFlags) validate() error {
	switch f.format {
	case "text", "jsonl", "csv", "sarif":
	default:
		return fmt.Errorf("unknown --format %q (want text, jsonl, csv or sarif)", f.format)
	}
	if _, err := source.ParseFormat(f.input); err != nil {
		return fmt.Errorf("unknown --input %q (want auto, text, whatsapp, mbox, eml, csv or zip)", f.input)
	}
	if f.minScore < 0 || f.minScore > 100 {
		return fmt.Errorf("--min-score %d out of range 0-100", f.minScore)
	}
	for _, v := range []string{f.color, f.progress} {
		switch v {
		case "auto", "always", "never":
		default:
			return fmt.Errorf("bad value %q: want auto, always or never", v)
		}
	}
	if f.workers < 1 {
		f.workers = 1
	}
	return nil
}

func scanCmd(e *env, args []string) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, usage) }
	var f scanFlags
	f.register(fs)
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, help)
		return exitClean
	}
	if err != nil {
		return exitError
	}
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "summary" {
			f.summarySet = true
		}
	})
	if !f.summarySet {
		f.summary = f.format == "text"
	}
	if err := f.validate(); err != nil {
		fmt.Fprintf(e.stderr, "tidemark scan: %v\n", err)
		return exitError
	}
	eng, err := f.engine(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "tidemark scan: %v\n", err)
		return exitError
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	out := newWriter(e, &f, eng)
	st := scan(e, &f, eng, paths, out)
	if err := out.close(); err != nil {
		fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
		return exitError
	}
	switch {
	case st.errors > 0:
		return exitError
	case st.findings > 0:
		return exitFindings
	}
	return exitClean
}

// An input is one file (or stdin) to scan.
type input struct {
	path string
	size int64
}

// collect expands directories (recursively, in lexical order) into files.
// Errors are reported and counted.
func collect(e *env, paths []string, errs *int) []input {
	var in []input
	for _, p := range paths {
		if p == "-" {
			in = append(in, input{path: "-", size: -1})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
			*errs++
			continue
		}
		if !st.IsDir() {
			in = append(in, input{path: p, size: st.Size()})
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
				*errs++
				return nil
			}
			switch {
			case d.Type().IsRegular():
				info, err := d.Info()
				size := int64(-1)
				if err == nil {
					size = info.Size()
				}
				in = append(in, input{path: q, size: size})
			case d.Type()&fs.ModeSymlink != 0:
				// Follow links to files (not to directories: no cycles).
				if st, err := os.Stat(q); err == nil && st.Mode().IsRegular() {
					in = append(in, input{path: q, size: st.Size()})
				}
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
			*errs++
		}
	}
	return in
}

// An event is one thing a scan of an input reports, in order.
type event struct {
	rec  *record // a finding
	err  error   // an error about (part of) the input
	note string  // a skip note
}

type scanStats struct {
	findings, errors int
}

// scan scans the inputs with f.workers goroutines and writes the results
// in input order. Each input streams its events through a bounded
// channel, so memory stays bounded however many findings there are.
func scan(e *env, f *scanFlags, eng *detect.Engine, paths []string, out writer) scanStats {
	var st scanStats
	inputs := collect(e, paths, &st.errors)
	format, _ := source.ParseFormat(f.input)
	prog := newProgress(e, f, inputs)

	chans := make([]chan event, len(inputs))
	for i := range chans {
		chans[i] = make(chan event, 256)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(f.workers, max(1, len(inputs)))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				scanOne(e, f, eng, format, inputs[i], chans[i], len(inputs) == 1, prog)
				close(chans[i])
			}
		}()
	}
	go func() {
		for i := range inputs {
			jobs <- i
		}
		close(jobs)
	}()
	for i := range inputs {
		out.begin(inputs[i].path)
		for ev := range chans[i] {
			switch {
			case ev.rec != nil:
				st.findings++
				out.finding(ev.rec)
			case ev.err != nil:
				st.errors++
				prog.clear()
				fmt.Fprintf(e.stderr, "tidemark: %v\n", ev.err)
			case ev.note != "":
				prog.clear()
				fmt.Fprintf(e.stderr, "tidemark: %s\n", ev.note)
			}
		}
		out.end(inputs[i].path)
		prog.done(inputs[i])
	}
	wg.Wait()
	prog.finish()
	return st
}

// scanOne scans one input and sends its events to ch.
func scanOne(e *env, f *scanFlags, eng *detect.Engine, format source.Format, in input, ch chan<- event, alone bool, prog *progress) {
	opts := &source.Options{
		Format: format,
		Limits: f.limits,
		Skip: func(path string, reason error) {
			why := "skipped"
			if errors.Is(reason, detect.ErrBinary) {
				why = "binary file skipped (use --binary to scan it)"
			} else if reason != nil {
				why = "skipped: " + reason.Error()
			}
			ch <- event{note: path + ": " + why}
		},
		Progress: prog.fn(in),
	}
	if alone {
		opts.Workers = f.workers
	}
	fn := func(sf *source.Finding, match []byte) error {
		ch <- event{rec: newRecord(f, eng, sf, match)}
		return nil
	}
	var err error
	if in.path == "-" {
		err = source.Scan(eng, "-", e.stdin, opts, fn)
	} else {
		err = source.ScanFile(eng, in.path, opts, fn)
	}
	for _, err := range flatten(err) {
		ch <- event{err: err}
	}
}

// flatten splits a joined error into its parts.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
