// Command accuracy scores a detector set, or another tool's predictions,
// against labelled JSON Lines and prints precision, recall and F1 per
// label under exact and overlap matching.
//
// Usage:
//
//	accuracy [flags] gold.jsonl
//
// Each line of gold.jsonl is {"text": …, "spans": [{"start","end","label"}]}
// with byte offsets into text (bench/cmd/gencorpus -docs writes this
// format). By default the command runs tidemark's detectors over every
// text; -detectors selects them by ID or glob as in Registry.Select
// ("pii/*,markings/*,-pii/uk-vat"; default: all). With -pred it scores a
// predictions file in the same format instead (spans may say "kind"
// instead of "label", and carry "score"), paired with the gold records by
// "id" or by position: this is how other tools' results are scored. With
// -pred-format findings, -pred is the CLI's own JSON Lines output, scored
// against records whose ids are the scanned file names (e-mail offsets,
// which the CLI gives within a header line or a body part, are converted
// for simple single-part messages such as the generated ones):
//
//	gencorpus -docs -dir docs -o gold.jsonl
//	tidemark scan --format jsonl --min-score 0 docs > found.jsonl
//	accuracy -pred found.jsonl -pred-format findings gold.jsonl
//
// -map renames labels on both sides before matching, so other tools'
// names can be scored: -map UK_NHS=uk.nhs,PERSON=person.name,EMAIL_ADDRESS=email
// (map a label to - to drop it). -min-score drops findings or predictions
// scoring below it. Labels with no gold span are listed but not scored,
// unless -all-labels is given; -labels restricts scoring to the listed
// labels (to compare tools on what both detect). See package
// github.com/tidemark/tidemark/bench/accuracy for the matching rules.
//
// It never prints matched values, only counts.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/bench/accuracy"
	"github.com/tidemark/tidemark/detect"
)

func main() {
	var o options
	flag.StringVar(&o.detectors, "detectors", "", "comma-separated detector IDs or globs to run (default all)")
	flag.StringVar(&o.pred, "pred", "", "score this predictions file (JSON Lines) instead of running detectors")
	flag.StringVar(&o.predFormat, "pred-format", "records", "format of -pred: records ({id, spans} lines) or findings (tidemark scan --format jsonl, paired by file name)")
	flag.StringVar(&o.mapping, "map", "", "label mapping from=to,... applied to gold and predictions")
	flag.IntVar(&o.minScore, "min-score", 0, "ignore findings/predictions scoring below this (0-100)")
	flag.BoolVar(&o.allLabels, "all-labels", false, "also score labels that have no gold spans")
	flag.StringVar(&o.labels, "labels", "", "comma-separated labels (after -map) to score; others are ignored on both sides")
	flag.StringVar(&o.format, "format", "text", "output format: text or md")
	flag.StringVar(&o.writePred, "write-pred", "", "write the detectors' predictions to this file (JSON Lines)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: accuracy [flags] gold.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	o.gold = flag.Arg(0)
	if err := run(os.Stdout, &o); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

type options struct {
	gold, pred, predFormat, detectors, mapping, format, writePred, labels string
	minScore                                                              int
	allLabels                                                             bool
}

func readFile(path string) ([]accuracy.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := accuracy.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return recs, nil
}

func run(w io.Writer, o *options) error {
	if o.format != "text" && o.format != "md" {
		return fmt.Errorf("unknown -format %q (want text or md)", o.format)
	}
	if o.minScore < 0 || o.minScore > 100 {
		return fmt.Errorf("-min-score %d out of range 0..100", o.minScore)
	}
	m, err := accuracy.ParseMapping(o.mapping)
	if err != nil {
		return err
	}
	gold, err := readFile(o.gold)
	if err != nil {
		return err
	}
	var pred []accuracy.Record
	if o.pred != "" {
		if o.detectors != "" || o.writePred != "" {
			return fmt.Errorf("-pred cannot be combined with -detectors or -write-pred")
		}
		switch o.predFormat {
		case "", "records":
			if pred, err = readFile(o.pred); err != nil {
				return err
			}
		case "findings":
			if pred, err = readFindings(o.pred, gold); err != nil {
				return err
			}
		default:
			return fmt.Errorf("unknown -pred-format %q (want records or findings)", o.predFormat)
		}
	} else {
		if pred, err = detectAll(gold, o.detectors, o.minScore); err != nil {
			return err
		}
		if o.writePred != "" {
			if err := writeRecords(o.writePred, pred); err != nil {
				return err
			}
		}
	}
	pairs, err := accuracy.Pair(gold, pred)
	if err != nil {
		return err
	}
	s := &accuracy.Scorer{Map: m, MinScore: o.minScore}
	if strings.TrimSpace(o.labels) != "" {
		s.Only = map[string]bool{}
		for _, l := range strings.Split(o.labels, ",") {
			if l = strings.TrimSpace(l); l != "" {
				s.Only[l] = true
			}
		}
	}
	for _, p := range pairs {
		s.Add(p[0].Spans, p[1].Spans)
	}
	rows, total, unscored := s.Result(o.allLabels)
	return accuracy.WriteTable(w, rows, total, unscored, o.format == "md")
}

// readFindings reads the CLI's JSON Lines findings and makes one
// prediction record per gold record, by file name = record id, with
// e-mail offsets converted to offsets in the file (accuracy.FileOffsets).
func readFindings(path string, gold []accuracy.Record) ([]accuracy.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fs, err := accuracy.ReadFindings(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	idx := map[string]int{}
	out := make([]accuracy.Record, len(gold))
	for i, g := range gold {
		if g.ID == "" {
			return nil, fmt.Errorf("record %d has no id: write the gold file with gencorpus -docs -dir", i+1)
		}
		idx[g.ID] = i
		out[i] = accuracy.Record{ID: g.ID, Spans: []accuracy.Span{}}
	}
	unmatched, unmapped := 0, 0
	for _, x := range fs {
		i, ok := idx[accuracy.BaseName(x.Path)]
		if !ok {
			unmatched++
			continue
		}
		sp, ok := accuracy.FileOffsets(x, gold[i].Text)
		if !ok {
			unmapped++
			continue
		}
		out[i].Spans = append(out[i].Spans, sp)
	}
	if unmatched > 0 || unmapped > 0 {
		fmt.Fprintf(os.Stderr, "accuracy: ignored %d findings in files with no gold record and %d whose e-mail offsets could not be mapped\n", unmatched, unmapped)
	}
	return out, nil
}

// detectAll runs the selected detectors over every gold text.
func detectAll(gold []accuracy.Record, patterns string, minScore int) ([]accuracy.Record, error) {
	reg, err := tidemark.NewRegistry()
	if err != nil {
		return nil, err
	}
	ds := reg.All()
	if strings.TrimSpace(patterns) != "" {
		var ps []string
		for _, p := range strings.Split(patterns, ",") {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		if ds, err = reg.Select(ps...); err != nil {
			return nil, err
		}
	}
	if len(ds) == 0 {
		return nil, fmt.Errorf("no detectors selected (the registry has %d)", len(reg.IDs()))
	}
	eng, err := detect.Compile(ds, &detect.Options{MinScore: minScore, Binary: detect.BinaryScan})
	if err != nil {
		return nil, err
	}
	out := make([]accuracy.Record, len(gold))
	var fs []detect.Finding
	for i, g := range gold {
		fs, err = eng.AppendFind(fs[:0], []byte(g.Text))
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		out[i] = accuracy.Record{ID: g.ID, Spans: make([]accuracy.Span, 0, len(fs))}
		for _, f := range fs {
			sc := f.Score
			out[i].Spans = append(out[i].Spans, accuracy.Span{Start: int(f.Start), End: int(f.End), Label: string(f.Kind), Score: &sc})
		}
	}
	return out, nil
}

func writeRecords(path string, recs []accuracy.Record) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
