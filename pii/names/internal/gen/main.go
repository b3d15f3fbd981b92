// Command gen derives the embedded gazetteer of package names from the
// person-name data set described in pii/names/README.md.
//
// Usage (from the module root):
//
//	go run ./pii/names/internal/gen -src /work/shared/data/names -out pii/names/data
//
// It reads first_names_uk.tsv, first_names_us_ssa.tsv, surnames.tsv and
// common_words_also_names.tsv, and the SCOWL word list given by -dict,
// and writes gazetteer.tsv.gz, common.txt and words.txt.gz. The
// output is deterministic: the same input gives the same bytes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Thresholds: entries below them are dropped to keep the table small.
const (
	minUK      = 5   // births (UK, all years)
	minSSA     = 100 // births (US SSA, 1880-2024)
	minSurname = 100 // bearers (US Census 2010; the source's own floor)
)

type entry struct{ given, surname float64 } // per-million shares

func main() {
	src := flag.String("src", "/work/shared/data/names", "directory holding the source TSV files")
	out := flag.String("out", "pii/names/data", "output directory")
	dict := flag.String("dict", "/usr/share/dict/british-english-small", "SCOWL size-35 British word list (Debian wbritish-small)")
	flag.Parse()

	lex := map[string]*entry{}
	get := func(k string) *entry {
		e := lex[k]
		if e == nil {
			e = &entry{}
			lex[k] = e
		}
		return e
	}
	load := func(name string, min float64, col int, set func(k string, share float64)) {
		rows := readTSV(filepath.Join(*src, name))
		total := 0.0
		for _, r := range rows {
			total += num(r[col])
		}
		for _, r := range rows {
			c := num(r[col])
			if c < min {
				continue
			}
			k := key(r[0])
			if len(k) < 2 {
				continue
			}
			set(k, c/total*1e6)
		}
	}
	load("first_names_uk.tsv", minUK, 1, func(k string, s float64) { e := get(k); e.given = math.Max(e.given, s) })
	load("first_names_us_ssa.tsv", minSSA, 1, func(k string, s float64) { e := get(k); e.given = math.Max(e.given, s) })
	load("surnames.tsv", minSurname, 1, func(k string, s float64) { e := get(k); e.surname = math.Max(e.surname, s) })

	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		e := lex[k]
		fmt.Fprintf(&b, "%s\t%d\t%d\n", k, bucket(e.given), bucket(e.surname))
	}
	writeGzip(filepath.Join(*out, "gazetteer.tsv.gz"), b.String())

	var cw []string
	for _, r := range readTSV(filepath.Join(*src, "common_words_also_names.tsv")) {
		cw = append(cw, key(r[0]))
	}
	slices.Sort(cw)
	cw = slices.Compact(cw)
	write(filepath.Join(*out, "common.txt"), strings.Join(cw, "\n")+"\n")
	// Dictionary words (Garden, Cross, Public): the lower-case entries of
	// the word list, letters only. Capitalised, they are names less often.
	var words []string
	for _, r := range readTSV(*dict) {
		w := r[0]
		if len(w) < 2 || strings.ToLower(w) != w || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		words = append(words, w)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	writeGzip(filepath.Join(*out, "words.txt.gz"), strings.Join(words, "\n")+"\n")
	log.Printf("gazetteer: %d entries; common words: %d; dictionary words: %d", len(keys), len(cw), len(words))
}

// key normalises a name as the detector does: ASCII lower case, with
// apostrophes removed (the Census strips them: O'Brien -> obrien).
func key(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "'", "")
	return s
}

// bucket maps a per-million share to 0 (absent) or 1..15, about 1.5
// binary orders of magnitude per step: 0.01 per million is 1, 13,000 per
// million (John in the SSA data) is 14.
func bucket(pm float64) int {
	if pm <= 0 {
		return 0
	}
	b := int(math.Floor((math.Log2(pm)+7)/1.5)) + 1
	return min(15, max(1, b))
}

func readTSV(path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() == "" {
			continue
		}
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return rows
}

func num(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		log.Fatalf("bad count %q", s)
	}
	return v
}

// writeGzip writes s gzip-compressed, with an empty header (no name or
// time), so the output depends only on s and the Go version. Embedding
// the tables compressed keeps 2 MB of the binary out of memory: the
// detector streams them into its hash table once.
func writeGzip(path, s string) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := zw.Write([]byte(s)); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	write(path, buf.String())
}

func write(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		log.Fatal(err)
	}
}
