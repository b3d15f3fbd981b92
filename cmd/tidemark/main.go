// Command tidemark finds personal data and government protective markings
// in files, chat exports, mailboxes and archives.
//
//	tidemark scan [flags] [path ...]
//	tidemark redact [flags] input output
//	tidemark detectors
//	tidemark help
//
// Run "tidemark help" for the flags and exit status.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
)

// Exit statuses, as grep's.
const (
	exitClean    = 0 // nothing found
	exitFindings = 1 // something found
	exitError    = 2 // an error (bad usage, an input that could not be scanned)
)

// env is what a command runs with; tests replace its parts.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// detectors returns the detectors to choose from.
	detectors func() []detect.Detector
	// tty reports whether stdout/stderr are terminals (colour, progress).
	stdoutTTY, stderrTTY bool
}

// defaultMemoryLimit is the soft limit on the Go heap the CLI sets unless
// GOMEMLIMIT is given: scans are streams, and without it the garbage of
// millions of findings lets the heap grow to twice its live size. With it
// the CLI stays under 32 MiB of RSS on a 2 GB input (DESIGN.md, "Memory").
const defaultMemoryLimit = 20 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	e := &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		detectors: tidemark.Detectors,
		stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr),
	}
	os.Exit(run(e, os.Args[1:]))
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitError
	}
	switch args[0] {
	case "scan":
		return scanCmd(e, args[1:])
	case "redact":
		return redactCmd(e, args[1:])
	case "detectors":
		return detectorsCmd(e, args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, help)
		return exitClean
	}
	fmt.Fprintf(e.stderr, "tidemark: unknown command %q\n%s", args[0], usage)
	return exitError
}

const usage = `usage: tidemark scan [flags] [path ...]
       tidemark redact [flags] input output
       tidemark detectors
       tidemark help
`

const help = `tidemark finds personal data and protective markings in text, chat exports,
e-mail and archives.

Usage:

  tidemark scan [flags] [path ...]
      Scan files, directories (recursively) and standard input ("-", the
      default when no path is given). Input formats are detected from the
      name and content: plain text (UTF-8, UTF-16 with BOM, Windows-1252),
      WhatsApp chat exports (.txt or the .zip WhatsApp makes), e-mail (.eml)
      and mailboxes (mbox), and .zip archives of any of these.

  tidemark redact [flags] input output
      Write a copy of input with the findings replaced ("-" for standard
      input or output). A redacted chat stays a chat, a redacted mailbox a
      mailbox, a redacted CSV file keeps its rows and columns.

  tidemark detectors
      List the detectors, for --detectors.

Scan flags (flags may come before or after paths):

  --format text|jsonl|csv|sarif   output format (default text)
  --input auto|text|whatsapp|mbox|eml|csv|zip
                                  input format (default auto: detected per file)
  --detectors LIST                detector IDs or globs, comma-separated; a
                                  '-' prefix removes ("pii/*,-pii/uk-vat");
                                  default all
  --min-score N                   drop findings scoring below N (0-100; default 50)
  --workers N                     files scanned in parallel, or workers on one
                                  large file (default: number of CPUs)
  --show-values                   print matched values; by default they are
                                  masked (j***@e***.com, 07*** ***456) and so
                                  are chat senders
  --summary                       print a summary per file, conversation and
                                  mailbox (default on for text, off otherwise;
                                  in jsonl it adds "summary" records)
  --color auto|always|never       colour text output (default auto: on a terminal)
  --progress auto|always|never    progress on stderr (default auto: when stderr
                                  is a terminal)
  --binary                        scan files that look binary instead of
                                  skipping them
  --rules FILE                    load custom detectors (regexp2 patterns with
                                  look-around, validators, cues) and allow/deny
                                  lists from a YAML or JSON rule file; repeatable.
                                  Rule IDs can be used in --detectors.
  --max-bytes N                   decompressed bytes per input (default 1 GiB)
  --max-depth N                   nesting of archives and MIME parts (default 8)
  --max-parts N                   archive members + MIME parts per input (default 10000)
  --max-line N                    line length in chats and e-mail (default 1 MiB)
  --max-message N                 size of one chat or e-mail message (default 64 MiB)

Redact flags (besides --input, --detectors, --min-score and the limits):

  --operator tag|mask|pseudonym|remove
                                  how findings are replaced (default tag:
                                  "[UK_NHS]"; pseudonym: "[PERSON_NAME_3f9a1c2e]",
                                  the same value getting the same token)
  --key-file FILE                 pseudonym key (at least 16 bytes), for tokens
                                  that stay the same across runs; default: a
                                  random key per run
  --redact-markings               also redact protective markings (by default
                                  they are kept: they are not personal data and
                                  the copy must stay marked)

  Chat senders and e-mail names and addresses are always replaced (with
  --operator remove, by a tag, so that the chat or mailbox stays valid).
  Attachments that are not text are replaced by a note, media files in
  archives left out. redact exits 0 on success and 2 on error.

Output:

  text   for people; grouped by file, conversation and message. Its layout
         may change between versions: do not parse it, use jsonl.
  jsonl  one JSON object per finding (and per summary with --summary); the
         schema is cmd/tidemark/schema/finding.schema.json and is stable.
  csv    one row per finding, with a header row.
  sarif  SARIF 2.1.0, for code-scanning dashboards.

Matched values are never written to logs or errors.

Exit status (like grep):

  0  nothing found
  1  something found
  2  an error: bad usage, or an input that could not be read or exceeded a
     limit (the other inputs are still scanned, and reported). Binary files
     are skipped with a note on stderr and are not an error.
`
