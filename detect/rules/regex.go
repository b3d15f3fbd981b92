package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"

	"github.com/tidemark/tidemark/detect"
)

// Syntax selects the dialect and character-class semantics of a rule's
// pattern. Both dialects accept regexp2's full syntax (look-around,
// back-references, atomic groups, named groups); they differ in what the
// shorthand classes mean.
type Syntax uint8

const (
	// RE2 compiles with regexp2's RE2 option: \d, \w, \s and \b use Go's
	// ASCII definitions, '$' matches only at the end of the text, \Q…\E
	// and possessive quantifiers are accepted. It is the default.
	RE2 Syntax = iota
	// DotNet uses .NET semantics: \d matches any Unicode decimal digit,
	// \w any Unicode letter or digit. Triggers derived for such classes
	// include the lead bytes of multi-byte characters and are therefore
	// less selective.
	DotNet
)

// String returns "re2" or "dotnet".
func (s Syntax) String() string {
	switch s {
	case RE2:
		return "re2"
	case DotNet:
		return "dotnet"
	}
	return fmt.Sprintf("Syntax(%d)", uint8(s))
}

// Defaults for a [Rule]'s zero fields.
const (
	DefaultScore   = 50                    // base score of a match
	DefaultContext = 16                    // bytes of context, see Rule.Context
	DefaultTimeout = 50 * time.Millisecond // regexp2 time budget per window
)

// ErrTimeout is returned by a rule detector's Detect when the pattern
// exceeded its time budget on a window (catastrophic backtracking). The
// engine counts the window in detect.Stats.Incomplete and goes on.
var ErrTimeout = errors.New("rules: pattern timed out")

// ErrBacktrackLimit is returned by a rule detector's Detect when the
// pattern exceeded regexp2's backtracking stack limit on a window; like
// ErrTimeout, the window counts as incomplete.
var ErrBacktrackLimit = errors.New("rules: pattern exceeded the backtracking limit")

// A Rule describes a custom detector built from a regular expression.
// Only ID and Pattern are required; zero fields take defaults or are
// derived from the pattern.
type Rule struct {
	// ID is the detector's ID, "package/name" in lower case. An ID without
	// a '/' is put in the "custom/" package.
	ID string
	// Kind of the findings; default "custom".
	Kind detect.Kind
	// Description is one line for catalogues.
	Description string
	// Pattern is a regexp2 pattern (see Syntax). The whole match is the
	// finding.
	Pattern string
	// Syntax selects RE2 (default) or DotNet class semantics.
	Syntax Syntax
	// IgnoreCase matches without regard to case.
	IgnoreCase bool
	// MaxLen is the longest match in bytes. Zero derives it from the
	// pattern, which is an error when the pattern's length is unbounded
	// (a '+' or '*'). Longer matches are not reported. MaxLen+Context must
	// not exceed detect.MaxRadius.
	MaxLen int
	// Triggers say where matches can be. When zero they are derived from
	// the pattern: a literal every match contains becomes a keyword, else
	// a character class every match contains becomes a byte set. Patterns
	// the analysis cannot read (conditionals, .NET class subtraction) must
	// declare them. Declared triggers are trusted: a match farther than
	// MaxLen from every trigger is never reported.
	Triggers detect.Triggers
	// Score is the base score 1..100 of a match; 0 means DefaultScore.
	Score int
	// Validator names a check the match must pass (see Validators), such
	// as "luhn"; empty means none.
	Validator string
	// Context is how many bytes around a match its look-around may read
	// (\b needs 1); 0 means DefaultContext. Look-around reaching farther
	// makes results depend on how the input is chunked.
	Context int
	// Cues adjust the score by words near the match. They are searched
	// within MaxLen+Context bytes on each side (the detector's
	// detect.Cues.Radius).
	Cues []detect.Cue
	// Timeout bounds the time spent on one regexp2 search, and on a window
	// of up to 8 KiB (larger windows get Timeout per further 8 KiB); 0
	// means DefaultTimeout. regexp2 checks its clock every 100ms, so a
	// runaway search stops after about Timeout+100ms. A benign pattern
	// takes well under a millisecond per KiB; only patterns that come near
	// the budget make results depend on the machine's load.
	Timeout time.Duration
}

// budgetBytes is the window size each Timeout is granted for: a window
// of n bytes may take Timeout*(1+n/budgetBytes) in all, plus the 100ms
// granularity of regexp2's clock (so that a pause of the process does not
// end a window sooner than regexp2 would end one search).
const budgetBytes = 8 << 10

// A fieldError is an error about one field of a Rule; Load uses the field
// to find the line in the rule file.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

func fieldErr(field, format string, args ...any) error {
	return &fieldError{field: field, err: fmt.Errorf(format, args...)}
}

// A Detector is a detect.Detector built from a [Rule]. It is safe for
// concurrent use by multiple goroutines.
//
// # Matching
//
// A Detector reports every position q where the pattern matches (as
// regexp2 would when asked for a match starting exactly at q), unless an
// earlier such match overlaps q: in a run of overlapping candidates only
// the first is reported, as though the later ones were parts of it. For
// patterns whose matches cannot overlap (words or numbers delimited by
// \b, for instance) this is exactly regexp2's leftmost-first list of
// matches. The rule makes each decision depend only on the bytes within
// MaxLen+Context of the match, so results do not depend on how the engine
// chunks the input.
//
// Offsets are byte offsets: the window is decoded to runes for regexp2
// (invalid bytes become U+FFFD, one per byte) and rune positions are
// mapped back to bytes.
//
// A match longer than MaxLen, empty, failing the validator, or farther
// than MaxLen from every trigger is not reported. When the pattern takes
// longer than Timeout on a window, Detect stops and returns ErrTimeout
// (or ErrBacktrackLimit) with the findings confirmed so far. Errors never
// quote the input.
type Detector struct {
	spec    detect.Spec
	re      *regexp2.Regexp
	maxLen  int
	score   int
	check   func([]byte) bool
	timeout time.Duration
	rule    Rule
	bufs    sync.Pool // *runeBuf
}

var _ detect.Detector = (*Detector)(nil)

// New builds a Detector from r. It compiles the pattern, derives what was
// left zero and checks the result against the detect.Spec limits.
//
// The detector matches what the pattern matches (see [Detector] for
// overlaps). Validation: the named validator, if any. Triggers: declared
// or derived (see the package documentation). Score: Rule.Score, then
// Rule.Cues. Known false negatives: matches longer than MaxLen; in a run of
// overlapping candidate matches (such as \d{3} over a long digit string),
// all but the first; look-around reaching farther than Context may see
// less than the whole input near window edges. A pattern that times out
// on a window loses that window's remaining matches (counted in
// detect.Stats.Incomplete).
func New(r Rule) (*Detector, error) {
	if r.ID == "" {
		return nil, fieldErr("id", "missing")
	}
	if !containsByte(r.ID, '/') {
		r.ID = "custom/" + r.ID
	}
	if r.Kind == "" {
		r.Kind = "custom"
	}
	if r.Pattern == "" {
		return nil, fieldErr("pattern", "missing")
	}
	if r.Syntax > DotNet {
		return nil, fieldErr("syntax", "unknown syntax %d", r.Syntax)
	}
	if r.Score == 0 {
		r.Score = DefaultScore
	}
	if r.Score < 1 || r.Score > 100 {
		return nil, fieldErr("score", "%d out of range 1..100", r.Score)
	}
	if r.Context == 0 {
		r.Context = DefaultContext
	}
	if r.Context < 0 || r.Context > detect.MaxRadius {
		return nil, fieldErr("context", "%d out of range 1..%d", r.Context, detect.MaxRadius)
	}
	if r.Timeout == 0 {
		r.Timeout = DefaultTimeout
	}
	if r.Timeout < 0 {
		return nil, fieldErr("timeout", "negative")
	}
	var check func([]byte) bool
	if r.Validator != "" {
		v, ok := validators[r.Validator]
		if !ok {
			return nil, fieldErr("validator", "unknown validator %q (known: %v)", r.Validator, Validators())
		}
		check = v.fn
	}

	opts := []regexp2.CompileOption{}
	if r.Syntax == RE2 {
		opts = append(opts, regexp2.RE2)
	}
	if r.IgnoreCase {
		opts = append(opts, regexp2.IgnoreCase)
	}
	re, err := regexp2.Compile(r.Pattern, opts...)
	if err != nil {
		return nil, fieldErr("pattern", "%v", err)
	}
	if re.RightToLeft() {
		return nil, fieldErr("pattern", "right-to-left patterns are not supported")
	}
	re.MatchTimeout = r.Timeout

	a, aerr := analyze(r.Pattern, r.Syntax, r.IgnoreCase)
	if r.MaxLen == 0 {
		if aerr != nil {
			return nil, fieldErr("max_len", "missing, and cannot be derived: %v", aerr)
		}
		if a.maxLen == 0 {
			return nil, fieldErr("max_len", "missing, and the pattern's matches have no length bound (set max_len)")
		}
		r.MaxLen = a.maxLen
	}
	if r.MaxLen < 1 || r.MaxLen+r.Context > detect.MaxRadius {
		return nil, fieldErr("max_len", "%d out of range: max_len+context (%d) must be 1..%d", r.MaxLen, r.Context, detect.MaxRadius)
	}
	if r.Triggers.Bytes == "" && len(r.Triggers.Keywords) == 0 {
		if aerr != nil {
			return nil, fieldErr("triggers", "missing, and cannot be derived: %v", aerr)
		}
		if a.triggers.Bytes == "" && len(a.triggers.Keywords) == 0 {
			return nil, fieldErr("triggers", "missing, and the pattern has no selective literal or character class every match must contain")
		}
		r.Triggers = a.triggers
		for i, k := range r.Triggers.Keywords {
			if len(k) > r.MaxLen {
				r.Triggers.Keywords[i] = k[:r.MaxLen]
			}
		}
	}
	d := &Detector{
		spec: detect.Spec{
			ID: r.ID, Kind: r.Kind, Triggers: r.Triggers, MaxLen: r.MaxLen,
			Cues:        detect.Cues{Radius: r.MaxLen + r.Context, Words: r.Cues},
			Description: r.Description,
		},
		re: re, maxLen: r.MaxLen, score: r.Score, check: check, timeout: r.Timeout, rule: r,
	}
	if _, err := detect.NewRegistry(d); err != nil {
		var se *detect.SpecError
		if errors.As(err, &se) {
			field := "id"
			switch msg := se.Err.Error(); {
			case strings.Contains(msg, "keyword"), strings.Contains(msg, "triggers"):
				field = "triggers"
			case strings.Contains(msg, "cue"):
				field = "cues"
			}
			return nil, fieldErr(field, "%v", se.Err)
		}
		return nil, err
	}
	return d, nil
}

// MustNew is like New but panics on error.
func MustNew(r Rule) *Detector {
	d, err := New(r)
	if err != nil {
		panic(err)
	}
	return d
}

// Spec returns the detector's spec, with derived triggers and MaxLen.
func (d *Detector) Spec() detect.Spec { return d.spec }

// Rule returns the rule with its defaults and derived fields filled in.
func (d *Detector) Rule() Rule { return d.rule }

// runeBuf is per-call scratch: the window as runes and the byte offset of
// each rune (offs[len(runes)] == len(text)).
type runeBuf struct {
	runes []rune
	offs  []int32
	yield func(regexp2.MatchView) bool
	idx   int
	n     int
	found bool
}

func (rb *runeBuf) onMatch(v regexp2.MatchView) bool {
	rb.idx, rb.n, _ = v.GroupRange(0)
	rb.found = true
	return false
}

func (rb *runeBuf) decode(text []byte) {
	rb.runes, rb.offs = rb.runes[:0], rb.offs[:0]
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(text[i:])
		}
		rb.runes = append(rb.runes, r)
		rb.offs = append(rb.offs, int32(i))
		i += w
	}
	rb.offs = append(rb.offs, int32(len(text)))
}

// runeAt returns the index of the first rune starting at or after byte b.
func (rb *runeBuf) runeAt(b int) int {
	if b <= 0 {
		return 0
	}
	i, _ := slices.BinarySearch(rb.offs, int32(b))
	return i
}

// Detect implements detect.Detector.
func (d *Detector) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	if len(w.Hits) == 0 {
		return dst, nil
	}
	rb, _ := d.bufs.Get().(*runeBuf)
	if rb == nil {
		rb = &runeBuf{}
		rb.yield = rb.onMatch
	}
	defer d.bufs.Put(rb)
	rb.decode(w.Text)
	text, hits, m := w.Text, w.Hits, d.maxLen
	nr := len(rb.runes)
	began := time.Now()
	budget := d.timeout*time.Duration(1+len(text)/budgetBytes) + regexp2.DefaultClockPeriod

	// Candidates that can matter for hit h start in [h-2m, h+m): those in
	// [h-m, h+m) may be reported, earlier ones may overlap them.
	maxEnd := -1 // furthest (capped) end of any candidate so far
	hi := 0      // first hit whose region is not yet behind pos
	pos := rb.runeAt(int(hits[0]) - 2*m)
	for pos <= nr {
		for hi < len(hits) && int(rb.offs[pos]) >= int(hits[hi])+m {
			hi++
		}
		if hi == len(hits) {
			break
		}
		if lo := rb.runeAt(int(hits[hi]) - 2*m); pos < lo {
			pos = lo
		}
		err := d.search(rb, pos)
		if err != nil {
			// regexp2's timeout error quotes the whole window; never pass
			// input text on in an error.
			if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
				return dst, ErrBacktrackLimit
			}
			return dst, ErrTimeout
		}
		if !rb.found {
			break
		}
		if time.Since(began) > budget {
			return dst, ErrTimeout
		}
		qr := rb.idx
		qs, qe := int(rb.offs[qr]), int(rb.offs[qr+rb.n])
		pos = qr + 1
		if qe == qs {
			continue // empty matches are never findings
		}
		// Skip to the region of the first hit that could involve qs.
		for hi < len(hits) && qs >= int(hits[hi])+m {
			hi++
		}
		if hi == len(hits) {
			break
		}
		if qs < int(hits[hi])-2*m {
			continue
		}
		suppressed := maxEnd > qs
		maxEnd = max(maxEnd, min(qe, qs+m+1))
		if suppressed || qe-qs > m ||
			(qs == 0 && !w.AtStart) || (qe == len(text) && !w.AtEnd) ||
			!nearHit(hits, qs, qe, m) {
			continue
		}
		if d.check != nil && !d.check(text[qs:qe]) {
			continue
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(qs), End: w.Base + int64(qe), Score: d.score})
	}
	return dst, nil
}

// search finds the first match starting at rune pos or later. regexp2
// keeps time with a coarse clock updated by a goroutine; when that
// goroutine is starved (a loaded machine) a deadline can pass early. A
// timeout reported sooner than Timeout by the real clock is retried, twice
// at most.
func (d *Detector) search(rb *runeBuf, pos int) error {
	for try := 0; ; try++ {
		rb.found = false
		t0 := time.Now()
		err := d.re.FindRunesMatches(rb.runes, pos, rb.yield)
		if err == nil || try == 2 || errors.Is(err, regexp2.ErrBacktrackingStackLimit) || time.Since(t0) >= d.timeout {
			return err
		}
	}
}

// nearHit reports whether some hit h has h-m <= s and e <= h+m.
func nearHit(hits []int32, s, e, m int) bool {
	i, _ := slices.BinarySearch(hits, int32(e-m))
	return i < len(hits) && int(hits[i]) <= s+m
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
