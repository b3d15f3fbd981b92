package main

import (
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/markings"
)

// markingJSON is the stable JSON form of a parsed protective marking (the
// "marking" field of a jsonl finding record).
type markingJSON struct {
	Canonical   string   `json:"canonical"`
	Scheme      string   `json:"scheme"`
	Level       string   `json:"level"`
	Placement   string   `json:"placement,omitempty"`
	Applied     bool     `json:"applied"`
	Severity    int      `json:"severity"`
	Prefix      string   `json:"prefix,omitempty"`
	Descriptors []string `json:"descriptors,omitempty"`
	Handling    []string `json:"handling,omitempty"`
	Caveats     []string `json:"caveats,omitempty"`
	Codewords   []string `json:"codewords,omitempty"`

	m markings.Marking
}

// markingDetail asks the engine for a finding's parsed marking. It returns
// nil when the detector gives none.
func markingDetail(eng *detect.Engine, f detect.Finding, match []byte) *markingJSON {
	d, err := eng.Detail(f, match)
	if err != nil || d == nil {
		return nil
	}
	var m markings.Marking
	switch v := d.(type) {
	case markings.Marking:
		m = v
	case *markings.Marking:
		if v == nil {
			return nil
		}
		m = *v
	default:
		return nil
	}
	return &markingJSON{
		Canonical: m.Canonical(), Scheme: m.Scheme.String(), Level: m.Level.String(),
		Placement: m.Placement.String(), Applied: m.Applied(), Severity: m.Severity(), Prefix: m.Prefix,
		Descriptors: m.Descriptors, Handling: m.Handling, Caveats: m.Caveats, Codewords: m.Codewords,
		m: m,
	}
}
