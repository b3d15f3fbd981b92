package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/redact"
	"github.com/tidemark/tidemark/detect/source"
)

func redactCmd(e *env, args []string) int {
	fs := flag.NewFlagSet("redact", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, usage) }
	var f scanFlags
	f.register(fs)
	operator := fs.String("operator", "tag", "replacement: tag, mask, pseudonym or remove")
	keyFile := fs.String("key-file", "", "file holding the pseudonym key (default: a random key per run)")
	withMarkings := fs.Bool("redact-markings", false, "redact protective markings too (kept by default)")
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, help)
		return exitClean
	}
	if err != nil {
		return exitError
	}
	if len(pos) != 2 {
		fmt.Fprintln(e.stderr, "usage: tidemark redact [flags] input output   (\"-\" for standard input or output)")
		return exitError
	}
	if err := f.validate(); err != nil {
		fmt.Fprintf(e.stderr, "tidemark redact: %v\n", err)
		return exitError
	}
	in, out := pos[0], pos[1]
	if in != "-" && out != "-" {
		a, _ := filepath.Abs(in)
		b, _ := filepath.Abs(out)
		if a == b {
			fmt.Fprintln(e.stderr, "tidemark redact: output must not be the input")
			return exitError
		}
	}
	var op redact.Operator
	switch *operator {
	case "tag":
		op = redact.Tag("")
	case "mask":
		op = redact.Mask('*', 0)
	case "pseudonym":
		op = redact.Pseudonym("")
	case "remove":
		op = redact.Remove()
	default:
		fmt.Fprintf(e.stderr, "tidemark redact: unknown --operator %q (want tag, mask, pseudonym or remove)\n", *operator)
		return exitError
	}
	key := make([]byte, 32)
	if *keyFile != "" {
		if key, err = os.ReadFile(*keyFile); err != nil || len(key) < 16 {
			fmt.Fprintf(e.stderr, "tidemark redact: --key-file: need at least 16 bytes (%v)\n", err)
			return exitError
		}
	} else if _, err := rand.Read(key); err != nil {
		fmt.Fprintf(e.stderr, "tidemark redact: %v\n", err)
		return exitError
	}
	eng, err := f.engine(&env{detectors: func() []detect.Detector {
		var ds []detect.Detector
		for _, d := range e.detectors() {
			if sp := d.Spec(); *withMarkings || sp.Kind != "marking" && !strings.HasPrefix(sp.ID, "markings/") {
				ds = append(ds, d)
			}
		}
		return ds
	}})
	if err != nil {
		fmt.Fprintf(e.stderr, "tidemark redact: %v\n", err)
		return exitError
	}
	ropts := redact.Options{Default: op, Key: key}
	red := redact.New(eng, ropts)
	// Senders and address-header names: a removed sender would break the
	// chat, so "remove" tags them instead.
	vop := ropts
	if *operator == "remove" {
		vop.Default = redact.Tag("")
	}
	format, _ := source.ParseFormat(f.input)
	opts := &source.RedactOptions{
		Options: source.Options{Format: format, Limits: f.limits, Skip: func(path string, reason error) {
			fmt.Fprintf(e.stderr, "tidemark: %s: %v\n", path, reason)
		}},
		Values: source.NewValueRedactor(vop),
	}

	var r io.Reader = e.stdin
	name := "-"
	if in != "-" {
		fh, err := os.Open(in)
		if err != nil {
			fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
			return exitError
		}
		defer fh.Close()
		r, name = fh, in
	}
	var w io.Writer = e.stdout
	var tmp *os.File
	if out != "-" {
		// Write beside the output and rename, so a failed run leaves no
		// half-redacted file behind.
		tmp, err = os.CreateTemp(filepath.Dir(out), ".tidemark-redact-*")
		if err != nil {
			fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
			return exitError
		}
		defer os.Remove(tmp.Name())
		w = tmp
	}
	rerr := source.Redact(red, name, r, w, opts)
	for _, err := range flatten(rerr) {
		fmt.Fprintf(e.stderr, "tidemark: %v\n", err)
	}
	if tmp != nil {
		cerr := tmp.Close()
		if cerr == nil {
			cerr = os.Rename(tmp.Name(), out)
		}
		if cerr != nil {
			fmt.Fprintf(e.stderr, "tidemark: %v\n", cerr)
			return exitError
		}
	}
	if rerr != nil {
		return exitError
	}
	return exitClean
}
