// Command httpmiddleware is an HTTP service that scans request bodies with
// tidemark before its handler sees them. A body carrying a protective
// marking at or above a configured level is refused with 422
// Unprocessable Entity; personal data scoring at or above a configured
// score is flagged in the Tidemark-Findings header (or refused, with
// -pii=block).
//
//	go run ./examples/httpmiddleware -addr 127.0.0.1:8080 -level OFFICIAL-SENSITIVE -score 60
//	curl -d 'OFFICIAL-SENSITIVE' http://127.0.0.1:8080/   # 422
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/markings"
)

// Action says what the middleware does with a message that trips a rule.
type Action int

const (
	Flag  Action = iota // pass it on, naming what was found in a header
	Block               // refuse it with 422
)

// Policy configures the middleware.
type Policy struct {
	// Level is the lowest marking that triggers MarkingAction, compared
	// by markings.Marking.Severity (a cross-scheme order): with
	// OFFICIAL-SENSITIVE, SECRET and NATO CONFIDENTIAL also trigger.
	Level         markings.Marking
	MarkingAction Action
	// Score is the lowest score of personal data that triggers PIIAction.
	Score     int
	PIIAction Action
	// MaxBody is the largest body scanned; longer bodies get 413.
	MaxBody int64
}

// Header is the response and request header that lists what was found,
// e.g. "marking=OFFICIAL; email=1; uk.nino=2". Values are never included.
const Header = "Tidemark-Findings"

// Middleware scans each request body with eng and applies p before
// calling next. The handler sees the body unchanged, and the findings
// header on the request.
func Middleware(eng *detect.Engine, p Policy, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, p.MaxBody+1))
		r.Body.Close()
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if int64(len(body)) > p.MaxBody {
			http.Error(w, "body too large to scan", http.StatusRequestEntityTooLarge)
			return
		}
		v := Inspect(eng, p, body)
		if v.Block {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			json.NewEncoder(w).Encode(map[string]string{"error": v.Reason, "findings": v.Summary})
			return
		}
		if v.Summary != "" {
			w.Header().Set(Header, v.Summary)
			r.Header.Set(Header, v.Summary)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// A Verdict is the middleware's decision about one body.
type Verdict struct {
	Block   bool
	Reason  string // why it was blocked
	Summary string // what was found, for the header
}

// Inspect scans body and decides what to do with it under p.
func Inspect(eng *detect.Engine, p Policy, body []byte) Verdict {
	fs, err := eng.AppendFind(nil, body)
	if errors.Is(err, detect.ErrBinary) {
		return Verdict{Summary: "binary=1"}
	}
	var v Verdict
	var best markings.Marking
	counts := map[detect.Kind]int{}
	for _, f := range fs {
		if f.Kind == markings.KindMarking {
			d, err := eng.Detail(f, body[f.Start:f.End])
			m, ok := d.(markings.Marking)
			if err != nil || !ok {
				continue
			}
			if best.Level == markings.LevelNone || m.Severity() > best.Severity() {
				best = m
			}
			continue
		}
		if f.Score >= p.Score {
			counts[f.Kind]++
		}
	}
	var parts []string
	if best.Level != markings.LevelNone {
		parts = append(parts, "marking="+best.Level.String())
		if best.Severity() >= p.Level.Severity() && p.MarkingAction == Block {
			v.Block, v.Reason = true, fmt.Sprintf("protective marking %s at or above %s", best.Level, p.Level.Level)
		}
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, string(k))
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s=%d", k, counts[detect.Kind(k)]))
	}
	if len(kinds) > 0 && p.PIIAction == Block && !v.Block {
		v.Block, v.Reason = true, fmt.Sprintf("personal data scoring %d or more", p.Score)
	}
	v.Summary = strings.Join(parts, "; ")
	return v
}

// NewPolicy builds a Policy from command-line style settings.
func NewPolicy(level string, markingAction string, score int, piiAction string, maxBody int64) (Policy, error) {
	m, err := markings.Parse([]byte(level))
	if err != nil {
		return Policy{}, fmt.Errorf("level %q: %w", level, err)
	}
	p := Policy{Level: m, Score: score, MaxBody: maxBody}
	if p.MarkingAction, err = parseAction(markingAction); err != nil {
		return Policy{}, err
	}
	if p.PIIAction, err = parseAction(piiAction); err != nil {
		return Policy{}, err
	}
	return p, nil
}

func parseAction(s string) (Action, error) {
	switch s {
	case "flag":
		return Flag, nil
	case "block":
		return Block, nil
	}
	return 0, fmt.Errorf("action %q: want flag or block", s)
}

// newEngine compiles every tidemark detector once; the engine is shared
// by all requests.
func newEngine() (*detect.Engine, error) {
	return detect.Compile(tidemark.Detectors(), nil)
}

// echo is the demonstration handler: it reports the body's length and the
// findings header it was given.
func echo(w http.ResponseWriter, r *http.Request) {
	n, _ := io.Copy(io.Discard, r.Body)
	fmt.Fprintf(w, "accepted %d bytes; findings: %q\n", n, r.Header.Get(Header))
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	level := flag.String("level", "OFFICIAL-SENSITIVE", "lowest protective marking to act on")
	markingAction := flag.String("marking", "block", "what to do with marked messages: block or flag")
	score := flag.Int("score", 60, "lowest personal-data score to act on")
	piiAction := flag.String("pii", "flag", "what to do with personal data: flag or block")
	maxBody := flag.Int64("max-body", 1<<20, "largest body to scan, in bytes")
	flag.Parse()

	p, err := NewPolicy(*level, *markingAction, *score, *piiAction, *maxBody)
	if err != nil {
		log.Fatal(err)
	}
	eng, err := newEngine()
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{
		Addr:              *addr,
		Handler:           Middleware(eng, p, http.HandlerFunc(echo)),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("listening on %s", *addr)
	log.Fatal(srv.ListenAndServe())
}
