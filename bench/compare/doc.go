// Package compare measures tidemark against third-party Go PII detectors
// on the same corpora. It is a separate module (its own go.mod, with a
// replace directive pointing at the main module) so that the main module
// never depends on a competitor, as zap does with its benchmarks.
//
// Run from bench/compare:
//
//	go test -run '^$' -bench . -cpu 1
//	go run ./cmd/alcatrazpred gold.jsonl > pred.jsonl
//	go run ../cmd/accuracy -pred pred.jsonl -map "$(go run ./cmd/alcatrazpred -map)" gold.jsonl
//
// Compared: github.com/hoophq/alcatraz v0.23.0 (stdlib regexps with
// validators and Presidio-style context scoring; the closest Go peer, see
// shared/LANDSCAPE.md).
package compare
