// Command whatsapp-audit reads WhatsApp chat exports (the .txt, or the
// .zip WhatsApp makes) and prints the highest protective marking found in
// each conversation, with the message where it stands.
//
//	go run ./examples/whatsapp-audit chat1.txt "WhatsApp Chat - Team.zip"
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source"
	"github.com/tidemark/tidemark/markings"
)

// A Result is the highest marking of one conversation.
type Result struct {
	Conversation string // file, or "archive.zip!member.txt"
	Marking      markings.Marking
	Message      int    // 1-based index of the message carrying it
	Time         string // its timestamp as written in the export
	Count        int    // markings found in the conversation
}

// Audit scans the named exports with eng (which should hold the markings
// detectors) and returns one Result per conversation, in argument order;
// a conversation without markings has a zero Marking.
func Audit(eng *detect.Engine, names []string) ([]Result, error) {
	var out []Result
	for _, name := range names {
		byConv := map[string]*Result{}
		var order []string
		err := source.ScanFile(eng, name, &source.Options{Format: source.Auto}, func(f *source.Finding, match []byte) error {
			if f.Kind != markings.KindMarking {
				return nil
			}
			d, err := eng.Detail(f.Finding, match)
			m, ok := d.(markings.Marking)
			if err != nil || !ok {
				return nil
			}
			conv := f.Loc.Path
			if f.Loc.Entry != "" {
				conv += "!" + f.Loc.Entry
			}
			r := byConv[conv]
			if r == nil {
				r = &Result{Conversation: conv}
				byConv[conv] = r
				order = append(order, conv)
			}
			r.Count++
			if r.Count == 1 || higher(m, r.Marking) {
				r.Marking, r.Message, r.Time = m, f.Loc.Message, f.Loc.Time
			}
			return nil
		})
		if err != nil {
			return out, fmt.Errorf("%s: %w", name, err)
		}
		if len(order) == 0 {
			out = append(out, Result{Conversation: name})
		}
		slices.Sort(order)
		for _, c := range order {
			out = append(out, *byConv[c])
		}
	}
	return out, nil
}

// higher reports whether m outranks cur, by the order markings.Highest
// uses: severity, then applied over mentioned, then level. Ties keep the
// earlier marking.
func higher(m, cur markings.Marking) bool {
	if m.Severity() != cur.Severity() {
		return m.Severity() > cur.Severity()
	}
	if m.Applied() != cur.Applied() {
		return m.Applied()
	}
	return m.Level > cur.Level
}

// Print writes one line per result.
func Print(w io.Writer, rs []Result) {
	for _, r := range rs {
		if r.Count == 0 {
			fmt.Fprintf(w, "%s: no marking\n", r.Conversation)
			continue
		}
		fmt.Fprintf(w, "%s: %s (message %d, %s; %d marking(s))\n", r.Conversation, r.Marking.Canonical(), r.Message, r.Time, r.Count)
	}
}

func main() {
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("usage: whatsapp-audit EXPORT.txt|EXPORT.zip ...")
	}
	eng, err := detect.Compile(markings.All(), nil)
	if err != nil {
		log.Fatal(err)
	}
	rs, err := Audit(eng, flag.Args())
	Print(os.Stdout, rs)
	if err != nil {
		log.Fatal(err)
	}
}
