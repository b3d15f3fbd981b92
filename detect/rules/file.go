package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tidemark/tidemark/detect"
)

// MaxFileSize is the largest rule file Load accepts.
const MaxFileSize = 4 << 20

// ErrRules is wrapped by every error about the content of a rule file.
var ErrRules = errors.New("rules: invalid rule file")

// An Error describes a problem in a rule file, with its position.
// errors.Is(err, ErrRules) holds, and Unwrap gives the underlying cause
// (for example a regexp2 parse error).
type Error struct {
	File   string // the name given to Load
	Line   int    // 1-based line, 0 if unknown
	Column int    // 1-based column, 0 if unknown
	Rule   string // ID of the rule concerned, if any
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Rule != "" {
		fmt.Fprintf(&b, "rule %q: ", e.Rule)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() []error { return []error{ErrRules, e.Err} }

// A Set is the content of a rule file: custom detectors, a deny list and
// an allow list. It is immutable and safe for concurrent use.
type Set struct {
	name  string
	ds    []detect.Detector
	allow []allowEntry
}

type allowEntry struct {
	value []byte         // exact value (case ignored), or
	re    *regexp.Regexp // a pattern the whole match must satisfy
	rules []string       // path.Match globs of rule IDs; empty: all
}

// LoadFile reads the rule file at path; see Load.
func LoadFile(name string) (*Set, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, name)
}

// Load reads a rule file in YAML (or JSON, which is YAML) from r. name
// names the file in error messages. Errors about the content are *Error
// values with the line and column of the offending field.
//
// The format:
//
//	version: 1                     # optional; 1 is the only version
//	rules:                         # custom detectors (see Rule)
//	  - id: acme/project-code      # required; "custom/" is added without a '/'
//	    pattern: '\bPRJ-\d{6}\b'   # required; regexp2 syntax
//	    kind: acme.project         # default "custom"
//	    description: ACME project codes
//	    syntax: re2                # re2 (default) or dotnet
//	    ignore_case: false
//	    max_len: 10                # derived when the pattern is bounded
//	    triggers:                  # derived when possible
//	      keywords: [PRJ-]
//	      bytes: "0123456789"
//	    score: 70                  # 1..100, default 50
//	    validator: luhn            # see Validators
//	    context: 16                # look-around reach in bytes
//	    timeout: 50ms              # per window
//	    cues:
//	      - {word: project, delta: 20}
//	      - {word: example, delta: -40, side: before}   # before, after, both
//	      - {word: invoice, delta: -20, same_line: true} # on the match's line only
//	deny:                          # literal values always reported
//	  id: acme/codewords           # default custom/deny
//	  kind: codeword               # default denied
//	  score: 90                    # default 100
//	  case_sensitive: false
//	  values: [Operation Nightjar, BLUE HERON]
//	allow:                         # values never reported
//	  - 4111 1111 1111 1111        # exact value, ASCII case ignored
//	  - {value: test@example.com, rules: [pii/email]}
//	  - {pattern: '(?i)@example\.(com|org)$'}   # Go regexp on the match
//
// deny may also be a plain list of values. Unknown keys are errors.
func Load(r io.Reader, name string) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("rules: reading %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Err: fmt.Errorf("file larger than %d bytes", MaxFileSize)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, data, err)
	}
	p := &loader{file: name, set: &Set{name: name}}
	if doc.Kind == 0 {
		return nil, p.errAt(nil, "", errors.New("empty file"))
	}
	root := doc.Content[0]
	if err := p.top(root); err != nil {
		return nil, err
	}
	return p.set, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func yamlError(name string, data []byte, err error) error {
	e := &Error{File: name, Err: err}
	// For a JSON file, encoding/json says more precisely where the syntax
	// breaks than the YAML parser, which sometimes gives no position or
	// that of the enclosing collection.
	var se *json.SyntaxError
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') &&
		errors.As(json.Unmarshal(data, new(any)), &se) {
		e.Line, e.Column = position(data, se.Offset)
		e.Err = se
		return e
	}
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Err = errors.New(msg[len(m[0]):])
	}
	return e
}

// position converts a byte offset to a 1-based line and column (in
// bytes).
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	return line, int(off) - (bytes.LastIndexByte(before, '\n') + 1)
}

// Name returns the name the set was loaded with.
func (s *Set) Name() string { return s.name }

// Detectors returns the set's detectors: one per rule, in file order,
// then the deny list if any.
func (s *Set) Detectors() []detect.Detector { return append([]detect.Detector(nil), s.ds...) }

// Allowed reports whether the allow list exempts f, whose matched bytes
// are match. It does not allocate.
func (s *Set) Allowed(f detect.Finding, match []byte) bool {
	for i := range s.allow {
		a := &s.allow[i]
		if len(a.rules) > 0 && !matchAny(a.rules, f.Rule) {
			continue
		}
		if a.re != nil {
			if a.re.Match(match) {
				return true
			}
		} else if bytes.EqualFold(match, a.value) {
			return true
		}
	}
	return false
}

func matchAny(globs []string, id string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, id); ok {
			return true
		}
	}
	return false
}

// Filter removes from fs, in place, the findings the allow list exempts,
// and returns the shortened slice. text is the input the findings'
// offsets refer to (as given to detect.Engine.AppendFind).
func (s *Set) Filter(fs []detect.Finding, text []byte) []detect.Finding {
	if len(s.allow) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Start >= 0 && f.End <= int64(len(text)) && f.Start <= f.End && s.Allowed(f, text[f.Start:f.End]) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Apply returns ds with the allow list built in: each detector is wrapped
// so that the findings the allow list exempts never reach the engine (a
// decision made on the matched bytes alone, so it keeps the Detector
// contract). Wrappers keep the inner detector's Spec and forward
// detect.Detailer. With an empty allow list ds is returned unchanged.
func (s *Set) Apply(ds []detect.Detector) []detect.Detector {
	if len(s.allow) == 0 {
		return ds
	}
	out := make([]detect.Detector, len(ds))
	for i, d := range ds {
		a := &allowed{d: d, set: s, id: d.Spec().ID}
		if dt, ok := d.(detect.Detailer); ok {
			out[i] = &allowedDetailer{allowed: a, dt: dt}
		} else {
			out[i] = a
		}
	}
	return out
}

type allowed struct {
	d   detect.Detector
	set *Set
	id  string
}

func (a *allowed) Spec() detect.Spec { return a.d.Spec() }

func (a *allowed) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	n := len(dst)
	dst, err := a.d.Detect(dst, w)
	out := dst[:n]
	for _, f := range dst[n:] {
		s, e := f.Start-w.Base, f.End-w.Base
		if s >= 0 && e <= int64(len(w.Text)) && s <= e {
			f.Rule = a.id
			if a.set.Allowed(f, w.Text[s:e]) {
				continue
			}
			f.Rule = ""
		}
		out = append(out, f)
	}
	return out, err
}

type allowedDetailer struct {
	*allowed
	dt detect.Detailer
}

func (a *allowedDetailer) Detail(f detect.Finding, match []byte) (any, error) {
	return a.dt.Detail(f, match)
}

// loader walks the YAML tree, keeping positions for errors.
type loader struct {
	file string
	set  *Set
	ids  map[string]*yaml.Node
}

func (p *loader) errAt(n *yaml.Node, rule string, err error) *Error {
	e := &Error{File: p.file, Rule: rule, Err: err}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

func (p *loader) errf(n *yaml.Node, rule, format string, args ...any) *Error {
	return p.errAt(n, rule, fmt.Errorf(format, args...))
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fields returns the key/value pairs of a mapping node, rejecting keys
// not in known and duplicates.
func (p *loader) fields(n *yaml.Node, rule, what string, known ...string) (map[string]*yaml.Node, map[string]*yaml.Node, error) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return nil, nil, p.errf(n, rule, "%s must be a mapping", what)
	}
	vals, keys := map[string]*yaml.Node{}, map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, nil, p.errf(k, rule, "%s: keys must be plain strings", what)
		}
		found := false
		for _, kn := range known {
			if k.Value == kn {
				found = true
				break
			}
		}
		if !found {
			return nil, nil, p.errf(k, rule, "%s: unknown field %q (known: %s)", what, k.Value, strings.Join(known, ", "))
		}
		if _, dup := vals[k.Value]; dup {
			return nil, nil, p.errf(k, rule, "%s: duplicate field %q", what, k.Value)
		}
		vals[k.Value], keys[k.Value] = v, k
	}
	return vals, keys, nil
}

func (p *loader) str(n *yaml.Node, rule, field string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errf(n, rule, "%s must be a string", field)
	}
	return n.Value, nil
}

func (p *loader) integer(n *yaml.Node, rule, field string) (int, error) {
	if n.Kind != yaml.ScalarNode {
		return 0, p.errf(n, rule, "%s must be an integer", field)
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		return 0, p.errf(n, rule, "%s must be an integer, not %q", field, n.Value)
	}
	return v, nil
}

func (p *loader) boolean(n *yaml.Node, rule, field string) (bool, error) {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		return false, p.errf(n, rule, "%s must be true or false", field)
	}
	return b, nil
}

func (p *loader) strings(n *yaml.Node, rule, field string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, rule, "%s must be a list of strings", field)
	}
	var out []string
	for _, c := range n.Content {
		s, err := p.str(resolve(c), rule, field+" item")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *loader) top(root *yaml.Node) error {
	f, _, err := p.fields(root, "", "top level", "version", "rules", "deny", "allow")
	if err != nil {
		return err
	}
	if v, ok := f["version"]; ok {
		n, err := p.integer(v, "", "version")
		if err != nil {
			return err
		}
		if n != 1 {
			return p.errf(v, "", "unsupported version %d (want 1)", n)
		}
	}
	p.ids = map[string]*yaml.Node{}
	if rs, ok := f["rules"]; ok {
		if rs.Kind != yaml.SequenceNode {
			return p.errf(rs, "", "rules must be a list")
		}
		for _, rn := range rs.Content {
			d, err := p.rule(resolve(rn))
			if err != nil {
				return err
			}
			p.set.ds = append(p.set.ds, d)
		}
	}
	if dn, ok := f["deny"]; ok {
		d, err := p.deny(dn)
		if err != nil {
			return err
		}
		p.set.ds = append(p.set.ds, d)
	}
	if an, ok := f["allow"]; ok {
		if err := p.allow(an); err != nil {
			return err
		}
	}
	return nil
}

var ruleFields = []string{"id", "kind", "description", "pattern", "syntax", "ignore_case", "max_len",
	"triggers", "score", "validator", "context", "cues", "timeout"}

func (p *loader) rule(n *yaml.Node) (detect.Detector, error) {
	f, keys, err := p.fields(n, "", "rule", ruleFields...)
	if err != nil {
		return nil, err
	}
	var r Rule
	id := ""
	if v, ok := f["id"]; ok {
		if id, err = p.str(v, "", "id"); err != nil {
			return nil, err
		}
	}
	for _, k := range ruleFields {
		v, ok := f[k]
		if !ok {
			continue
		}
		var err error
		switch k {
		case "id":
			r.ID = id
		case "kind":
			var s string
			s, err = p.str(v, id, k)
			r.Kind = detect.Kind(s)
		case "description":
			r.Description, err = p.str(v, id, k)
		case "pattern":
			r.Pattern, err = p.str(v, id, k)
		case "syntax":
			var s string
			if s, err = p.str(v, id, k); err == nil {
				switch s {
				case "re2":
					r.Syntax = RE2
				case "dotnet":
					r.Syntax = DotNet
				default:
					err = p.errf(v, id, "syntax must be re2 or dotnet, not %q", s)
				}
			}
		case "ignore_case":
			r.IgnoreCase, err = p.boolean(v, id, k)
		case "max_len":
			r.MaxLen, err = p.integer(v, id, k)
			if err == nil && r.MaxLen <= 0 {
				err = p.errf(v, id, "max_len must be positive")
			}
		case "score":
			r.Score, err = p.integer(v, id, k)
			if err == nil && r.Score <= 0 {
				err = p.errf(v, id, "score must be 1..100")
			}
		case "validator":
			r.Validator, err = p.str(v, id, k)
		case "context":
			r.Context, err = p.integer(v, id, k)
			if err == nil && r.Context <= 0 {
				err = p.errf(v, id, "context must be positive")
			}
		case "timeout":
			var s string
			if s, err = p.str(v, id, k); err == nil {
				r.Timeout, err = time.ParseDuration(s)
				if err != nil || r.Timeout <= 0 {
					err = p.errf(v, id, "timeout must be a positive duration such as 50ms, not %q", s)
				}
			}
		case "triggers":
			var tf map[string]*yaml.Node
			if tf, _, err = p.fields(v, id, "triggers", "bytes", "keywords"); err == nil {
				if b, ok := tf["bytes"]; ok {
					r.Triggers.Bytes, err = p.str(b, id, "triggers.bytes")
				}
				if kn, ok := tf["keywords"]; ok && err == nil {
					r.Triggers.Keywords, err = p.strings(kn, id, "triggers.keywords")
				}
			}
		case "cues":
			r.Cues, err = p.cues(v, id)
		}
		if err != nil {
			return nil, err
		}
	}
	d, err := New(r)
	if err != nil {
		return nil, p.fieldError(n, f, keys, id, "", err)
	}
	did := d.Spec().ID
	if prev, dup := p.ids[did]; dup {
		return nil, p.errf(n, did, "duplicate id (first at line %d)", prev.Line)
	}
	p.ids[did] = n
	return d, nil
}

// fieldError places an error from New at the field it is about, or at the
// rule when the field is missing.
func (p *loader) fieldError(n *yaml.Node, f, keys map[string]*yaml.Node, id, prefix string, err error) error {
	at := n
	var fe *fieldError
	if errors.As(err, &fe) {
		if v, ok := f[strings.SplitN(fe.field, "[", 2)[0]]; ok {
			at = v
		} else if k, ok := keys[fe.field]; ok {
			at = k
		}
		err = fe
	}
	if prefix != "" {
		err = fmt.Errorf("%s: %w", prefix, err)
	}
	return p.errAt(at, id, err)
}

func (p *loader) cues(n *yaml.Node, id string) ([]detect.Cue, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, id, "cues must be a list")
	}
	var out []detect.Cue
	for _, cn := range n.Content {
		f, _, err := p.fields(cn, id, "cue", "word", "delta", "side", "same_line")
		if err != nil {
			return nil, err
		}
		var c detect.Cue
		w, ok := f["word"]
		if !ok {
			return nil, p.errf(cn, id, "cue: missing word")
		}
		if c.Word, err = p.str(w, id, "cue word"); err != nil {
			return nil, err
		}
		d, ok := f["delta"]
		if !ok {
			return nil, p.errf(cn, id, "cue %q: missing delta", c.Word)
		}
		if c.Delta, err = p.integer(d, id, "cue delta"); err != nil {
			return nil, err
		}
		if c.Delta < -100 || c.Delta > 100 || c.Delta == 0 {
			return nil, p.errf(d, id, "cue delta must be -100..100 and not 0")
		}
		if len(c.Word) == 0 || len(c.Word) > detect.MaxKeywordLen || !isASCIIString(c.Word) || strings.TrimSpace(c.Word) != c.Word {
			return nil, p.errf(w, id, "cue word must be ASCII, 1..%d bytes, without outer spaces", detect.MaxKeywordLen)
		}
		if s, ok := f["side"]; ok {
			v, err := p.str(s, id, "cue side")
			if err != nil {
				return nil, err
			}
			switch v {
			case "both":
				c.Side = detect.Both
			case "before":
				c.Side = detect.Before
			case "after":
				c.Side = detect.After
			default:
				return nil, p.errf(s, id, "cue side must be before, after or both, not %q", v)
			}
		}
		if v, ok := f["same_line"]; ok {
			if c.SameLine, err = p.boolean(v, id, "cue same_line"); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	return out, nil
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (p *loader) deny(n *yaml.Node) (detect.Detector, error) {
	var l DenyList
	var f, keys map[string]*yaml.Node
	var valuesNode *yaml.Node
	if n.Kind == yaml.SequenceNode {
		valuesNode = n
		f, keys = map[string]*yaml.Node{"values": n}, map[string]*yaml.Node{}
	} else {
		var err error
		f, keys, err = p.fields(n, "", "deny", "id", "kind", "score", "case_sensitive", "values")
		if err != nil {
			return nil, err
		}
		if v, ok := f["id"]; ok {
			if l.ID, err = p.str(v, "", "deny id"); err != nil {
				return nil, err
			}
		}
		if v, ok := f["kind"]; ok {
			s, err := p.str(v, "", "deny kind")
			if err != nil {
				return nil, err
			}
			l.Kind = detect.Kind(s)
		}
		if v, ok := f["score"]; ok {
			if l.Score, err = p.integer(v, "", "deny score"); err != nil {
				return nil, err
			}
			if l.Score <= 0 {
				return nil, p.errf(v, "", "deny score must be 1..100")
			}
		}
		if v, ok := f["case_sensitive"]; ok {
			if l.CaseSensitive, err = p.boolean(v, "", "case_sensitive"); err != nil {
				return nil, err
			}
		}
		valuesNode = f["values"]
	}
	if valuesNode != nil {
		var err error
		if l.Values, err = p.strings(valuesNode, "", "deny values"); err != nil {
			return nil, err
		}
	}
	d, err := NewDenyList(l)
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) && strings.HasPrefix(fe.field, "values[") && valuesNode != nil {
			i, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(fe.field, "values["), "]"))
			if i < len(valuesNode.Content) {
				return nil, p.errAt(valuesNode.Content[i], "", fmt.Errorf("deny %w", fe))
			}
		}
		return nil, p.fieldError(n, f, keys, "", "deny", err)
	}
	id := d.Spec().ID
	if prev, dup := p.ids[id]; dup {
		return nil, p.errf(n, id, "duplicate id (first at line %d)", prev.Line)
	}
	p.ids[id] = n
	return d, nil
}

func (p *loader) allow(n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return p.errf(n, "", "allow must be a list")
	}
	for _, en := range n.Content {
		en = resolve(en)
		var a allowEntry
		if en.Kind == yaml.ScalarNode {
			v, err := p.str(en, "", "allow entry")
			if err != nil {
				return err
			}
			a.value = []byte(v)
		} else {
			f, _, err := p.fields(en, "", "allow entry", "value", "pattern", "rules")
			if err != nil {
				return err
			}
			v, hasV := f["value"]
			pn, hasP := f["pattern"]
			switch {
			case hasV == hasP:
				return p.errf(en, "", "allow entry needs exactly one of value or pattern")
			case hasV:
				s, err := p.str(v, "", "allow value")
				if err != nil {
					return err
				}
				a.value = []byte(s)
			default:
				s, err := p.str(pn, "", "allow pattern")
				if err != nil {
					return err
				}
				if a.re, err = regexp.Compile(s); err != nil {
					return p.errf(pn, "", "allow pattern: %v", err)
				}
			}
			if rn, ok := f["rules"]; ok {
				if a.rules, err = p.strings(rn, "", "allow rules"); err != nil {
					return err
				}
				for _, g := range a.rules {
					if _, err := path.Match(g, ""); err != nil {
						return p.errf(rn, "", "allow rules: bad pattern %q", g)
					}
				}
			}
		}
		if a.re == nil && len(a.value) == 0 {
			return p.errf(en, "", "allow value is empty")
		}
		p.set.allow = append(p.set.allow, a)
	}
	return nil
}
