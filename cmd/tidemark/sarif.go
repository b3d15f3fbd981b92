package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/tidemark/tidemark/detect"
)

// SARIF 2.1.0 output. The log is streamed: results are written as they
// come and the tool description (with the rules seen) after them, which
// JSON allows.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolURI      = "https://github.com/tidemark/tidemark"
)

type sarifWriter struct {
	w     *bufio.Writer
	eng   *detect.Engine
	n     int
	rules []string
	seen  map[string]bool
	err   error
}

func newSARIFWriter(w *bufio.Writer, eng *detect.Engine) *sarifWriter {
	fmt.Fprintf(w, `{"$schema":%q,"version":%q,"runs":[{"results":[`, sarifSchema, sarifVersion)
	return &sarifWriter{w: w, eng: eng, seen: map[string]bool{}}
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	Level      string          `json:"level"`
	Message    sarifMessage    `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties map[string]any  `json:"properties,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine  int64  `json:"startLine,omitempty"`
	ByteOffset *int64 `json:"byteOffset,omitempty"`
	ByteLength *int64 `json:"byteLength,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

// fileURI turns a path into a relative URI reference.
func fileURI(p string) string {
	if p == "-" {
		return "stdin"
	}
	parts := strings.Split(filepath.ToSlash(p), "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	u := strings.Join(parts, "/")
	if filepath.IsAbs(p) {
		return "file://" + u
	}
	return u
}

func (s *sarifWriter) begin(string) {}

func (s *sarifWriter) finding(r *record) {
	if !s.seen[r.Detector] {
		s.seen[r.Detector] = true
		s.rules = append(s.rules, r.Detector)
	}
	uri := fileURI(r.Path)
	if r.Entry != "" {
		uri += "!/" + fileURI(strings.ReplaceAll(r.Entry, "!", "!/"))
	}
	loc := sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}
	if r.Part == "" && r.Field == "" {
		start, length := r.Start, r.End-r.Start
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: r.Line, ByteOffset: &start, ByteLength: &length}
	}
	var logical []string
	if r.Message > 0 {
		logical = append(logical, fmt.Sprintf("message %d", r.Message))
	}
	if r.Part != "" {
		logical = append(logical, "part "+r.Part)
	}
	if r.Field != "" {
		logical = append(logical, "header "+r.Field)
	}
	if len(logical) > 0 {
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: strings.Join(logical, "/"), Kind: "object"}}
	}
	level := "warning"
	if r.Score < 70 {
		level = "note"
	}
	props := map[string]any{"kind": r.Kind, "score": r.Score, "value": r.Value, "masked": r.Masked, "format": r.Format}
	if r.Sender != "" {
		props["sender"] = r.Sender
	}
	if r.Time != "" {
		props["time"] = r.Time
	}
	res := sarifResult{
		RuleID: r.Detector, Level: level,
		Message:    sarifMessage{Text: fmt.Sprintf("%s found: %s", r.Kind, r.Value)},
		Locations:  []sarifLocation{loc},
		Properties: props,
	}
	b, err := json.Marshal(res)
	if err != nil {
		s.err = err
		return
	}
	if s.n > 0 {
		s.w.WriteByte(',')
	}
	s.n++
	s.w.Write(b)
}

func (s *sarifWriter) end(string) {}

type sarifRule struct {
	ID               string       `json:"id"`
	Name             string       `json:"name,omitempty"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

func (s *sarifWriter) close() error {
	rules := []sarifRule{}
	for _, id := range s.rules {
		desc := id
		if sp, ok := s.eng.Spec(id); ok && sp.Description != "" {
			desc = sp.Description
		} else if strings.HasPrefix(id, "source/") {
			desc = "Names of people in chat senders and e-mail headers"
		}
		rules = append(rules, sarifRule{ID: id, Name: id, ShortDescription: sarifMessage{Text: desc}})
	}
	tool := map[string]any{"driver": map[string]any{
		"name": "tidemark", "informationUri": toolURI, "rules": rules,
	}}
	b, err := json.Marshal(tool)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.w, `],"tool":%s,"columnKind":"utf16CodeUnits"}]}`+"\n", b)
	if err := s.w.Flush(); err != nil {
		return err
	}
	return s.err
}
