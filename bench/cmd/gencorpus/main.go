// Command gencorpus writes a deterministic synthetic corpus (chat exports,
// e-mails, prose, and in the dense corpus tables and logs) with planted
// personal data and protective markings, and its ground truth.
//
// Usage:
//
//	gencorpus [-seed N] [-size 16MiB] [-density typical] [-o corpus.txt] [-spans corpus.spans.jsonl]
//	gencorpus -docs [-size 2MiB] -o labelled.jsonl
//	gencorpus -docs -dir docs/ -o labelled.jsonl
//
// The default writes the text to -o (standard output when empty) and, when
// -spans is given, one {"start","end","label"} JSON object per line with
// byte offsets into the text. With -docs it writes whole documents as
// {"text":…, "spans":[…]} lines, the input of bench/cmd/accuracy; with
// -dir it also writes each document to its own file (000001.txt, …) and
// gives each record the file name as "id", so that the CLI can scan the
// folder and bench/cmd/accuracy -pred-format findings can score its JSON
// Lines output against the records. Sizes
// accept the suffixes KiB, MiB and GiB (and K, M, G); generation streams,
// so 1 GiB needs only a few kilobytes of memory.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tidemark/tidemark/bench/corpus"
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	size := flag.String("size", "16MiB", "corpus size (bytes, or with KiB/MiB/GiB suffix)")
	density := flag.String("density", "typical", "clean, typical or dense")
	out := flag.String("o", "", "output file (default standard output)")
	spans := flag.String("spans", "", "write the span ground truth (JSON Lines) to this file")
	docs := flag.Bool("docs", false, "write labelled documents as JSON Lines {text, spans} instead")
	dir := flag.String("dir", "", "with -docs: also write each document to a file in this directory")
	flag.Parse()
	var err error
	if *dir != "" {
		if !*docs {
			err = fmt.Errorf("-dir needs -docs")
		} else {
			err = writeDir(*seed, *size, *density, *out, *dir)
		}
	} else {
		err = run(*seed, *size, *density, *out, *spans, *docs)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(seed uint64, sizeStr, density, out, spansPath string, docs bool) error {
	n, err := corpus.ParseSize(sizeStr)
	if err != nil {
		return err
	}
	d, err := corpus.ParseDensity(density)
	if err != nil {
		return err
	}
	cfg := corpus.Config{Seed: seed, Size: n, Density: d}
	var w io.Writer = os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if docs {
		_, err := corpus.WriteDocs(w, cfg)
		return closeIfFile(w, err)
	}
	var sw io.Writer
	if spansPath != "" {
		f, err := os.Create(spansPath)
		if err != nil {
			return err
		}
		defer f.Close()
		sw = f
	}
	_, err = corpus.Write(w, sw, cfg)
	return closeIfFile(w, err)
}

func closeIfFile(w io.Writer, err error) error {
	if f, ok := w.(*os.File); ok && f != os.Stdout {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// writeDir writes each document to dir/NNNNNN.txt and the labelled records,
// with the file names as ids, to out (standard output when empty).
func writeDir(seed uint64, sizeStr, density, out, dir string) error {
	n, err := corpus.ParseSize(sizeStr)
	if err != nil {
		return err
	}
	d, err := corpus.ParseDensity(density)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w := io.Writer(os.Stdout)
	var f *os.File
	if out != "" {
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	i := 0
	err = corpus.EachDoc(corpus.Config{Seed: seed, Size: n, Density: d}, func(doc corpus.Doc) error {
		i++
		name := fmt.Sprintf("%06d.txt", i)
		if err := os.WriteFile(filepath.Join(dir, name), doc.Text, 0o644); err != nil {
			return err
		}
		rec := corpus.DocRecord{ID: name, Text: string(doc.Text), Spans: doc.Spans}
		if rec.Spans == nil {
			rec.Spans = []corpus.Span{}
		}
		return enc.Encode(&rec)
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f != nil {
		return f.Close()
	}
	return nil
}
