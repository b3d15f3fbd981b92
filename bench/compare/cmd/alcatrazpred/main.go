// Command alcatrazpred runs github.com/hoophq/alcatraz over labelled JSON
// Lines ({"text":…, "spans":[…]}) and writes its predictions in the same
// format, for bench/cmd/accuracy -pred. With -map it prints the label
// mapping to pass to accuracy -map instead.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/tidemark/tidemark/bench/accuracy"
	"github.com/tidemark/tidemark/bench/compare"
)

func main() {
	printMap := flag.Bool("map", false, "print the label mapping for accuracy -map and exit")
	flag.Parse()
	if *printMap {
		var kv []string
		for k, v := range compare.AlcatrazLabels {
			kv = append(kv, k+"="+v)
		}
		sort.Strings(kv)
		fmt.Println(strings.Join(kv, ","))
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: alcatrazpred gold.jsonl > pred.jsonl")
		os.Exit(2)
	}
	if err := run(flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "alcatrazpred:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	recs, err := accuracy.Read(f)
	if err != nil {
		return err
	}
	a := compare.NewAlcatraz()
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	for _, r := range recs {
		if err := enc.Encode(accuracy.Record{ID: r.ID, Spans: a.Spans(r.Text)}); err != nil {
			return err
		}
	}
	return w.Flush()
}
