package detect

// A Detector finds one sort of data. The engine calls Detect only on
// candidate windows around the detector's triggers, never on the whole
// input.
//
// Implementations must be safe for concurrent use by multiple goroutines
// and must keep no reference to the window after Detect returns.
//
// # Contract
//
// These rules make results independent of how the input is chunked; the
// [github.com/tidemark/tidemark/detect/detecttest] kit checks them.
//
//   - Every reported match [Start, End) lies within Spec.MaxLen bytes of a
//     trigger (a byte in Triggers.Bytes or the start of one of
//     Triggers.Keywords): some trigger offset h has
//     h-MaxLen <= Start and End <= h+MaxLen. No match is longer than MaxLen.
//   - The window always contains at least MaxLen+Cues.Radius+1 bytes on each
//     side of every trigger, unless the input ends first. A detector may read
//     the whole window, but its decision about a match may depend only on
//     the bytes from Start-Cues.Radius-1 to End+Cues.Radius+1.
//   - A window edge is the input's edge only when [Window.AtStart] or
//     [Window.AtEnd] says so. Elsewhere a candidate that reaches an edge is
//     unknown and must not be reported (it is seen whole in another window).
//
// Detect appends what it confirms to dst and returns the extended slice,
// like strconv.AppendInt; it should not allocate when dst has room. The
// engine fills in Rule, and Kind when it is empty; Line is set by the
// engine. A non-nil error means the window was not fully examined (for
// example a regular expression timed out): findings already appended are
// kept, the engine counts the window in [Stats.Incomplete] and goes on.
type Detector interface {
	Spec() Spec
	Detect(dst []Finding, w *Window) ([]Finding, error)
}

// Spec is a detector's static description. [Compile] reads it once and
// validates it; it is never consulted on the hot path.
type Spec struct {
	// ID is unique and stable, "package/name" in lower case: "pii/email".
	ID string
	// Kind is the default kind of the detector's findings.
	Kind Kind
	// Triggers say where matches can be.
	Triggers Triggers
	// MaxLen is the longest match in bytes, 1..MaxMaxLen. Keep it tight:
	// the overlap between chunks grows with it.
	MaxLen int
	// Cues adjust a finding's score by the words around it. The engine
	// applies them after Detect.
	Cues Cues
	// Description is one line for catalogues and --help output.
	Description string
}

// Limits on a Spec, checked by Compile.
const (
	MaxMaxLen     = 4096 // largest allowed Spec.MaxLen
	MaxRadius     = 256  // largest allowed Cues.Radius
	MaxKeywordLen = 64   // longest allowed trigger keyword
)

// Triggers say where matches can be. Each match lies within MaxLen bytes of
// at least one trigger. Keep triggers selective: every trigger occurrence
// costs a window.
type Triggers struct {
	// Bytes triggers on any of these bytes, e.g. "@" or "0123456789".
	Bytes string
	// Keywords triggers on any of these ASCII words, matched without regard
	// to case and without word-boundary checks (detectors check). Each is
	// 1..MaxKeywordLen bytes and no longer than MaxLen.
	Keywords []string
}

// Common trigger byte sets.
const (
	Digits = "0123456789"
	Upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	Lower  = "abcdefghijklmnopqrstuvwxyz"
)

// Cues are context words that raise or lower a finding's score. Words are
// matched whole (not inside a larger run of ASCII letters and digits) and
// without regard to ASCII case, within Radius bytes before the match,
// after it, or both. A space in a cue word matches any run of spaces,
// tabs, line breaks, '-', '_', '.' or ':' (so "ni number" matches
// "NI-number" and "NI  Number").
type Cues struct {
	Radius int   // bytes searched on each side, 0..MaxRadius
	Words  []Cue // each counts at most once per finding
	// SameLine stops the search at line breaks: only words on the
	// match's own line(s) count. Useful for chat exports, where the next
	// line is another message.
	SameLine bool
}

// A Cue is one context word and its effect.
type Cue struct {
	Word  string // ASCII, 1..MaxKeywordLen bytes
	Delta int    // added to the score when present: -100..100
	Side  Side   // where to look; zero means both sides
	// SameLine counts the word only on the match's own line(s), as
	// Cues.SameLine does for every cue: in a chat export, a word in the
	// next message ("Mark the date in your diary") says nothing about a
	// number in this one, while a label on the line above ("Sort code:")
	// may.
	SameLine bool
}

// Side says where a [Cue] is looked for.
type Side uint8

const (
	Both   Side = iota // before or after the match
	Before             // only before the match
	After              // only after the match
)

// A Window is what a detector examines: a stretch of the input around one
// or more trigger hits. Text aliases the engine's buffer: read it, never
// keep it or write to it.
type Window struct {
	Text []byte
	// Base is the input offset of Text[0]; a match at Text[i:j] is
	// reported as Start: Base+i, End: Base+j.
	Base int64
	// Hits are the offsets in Text of this detector's trigger hits, in
	// ascending order (for keywords, the offset of the keyword's first byte).
	Hits []int32
	// AtStart reports whether Text[0] is the first byte of the input.
	AtStart bool
	// AtEnd reports whether Text ends where the input ends.
	AtEnd bool
}

// Func returns a Detector with the given spec that calls fn, like
// http.HandlerFunc. fn must follow the Detector contract.
func Func(spec Spec, fn func(dst []Finding, w *Window) ([]Finding, error)) Detector {
	return funcDetector{spec: spec, fn: fn}
}

type funcDetector struct {
	spec Spec
	fn   func(dst []Finding, w *Window) ([]Finding, error)
}

func (d funcDetector) Spec() Spec { return d.spec }
func (d funcDetector) Detect(dst []Finding, w *Window) ([]Finding, error) {
	return d.fn(dst, w)
}

// A Detailer is a Detector that can describe its findings in detail: a
// parsed marking, a canonical phone number. Detail is called by
// [Engine.Detail] with a finding the detector reported and its matched
// bytes; it may allocate, and is never called on the hot path.
type Detailer interface {
	Detail(f Finding, match []byte) (any, error)
}

// An OffsetMapper is a reader that transforms its input (for example by
// decoding UTF-16 to UTF-8) and can map an offset in its output back to an
// offset in its own input. When the reader given to a [Scanner] implements
// it, findings report offsets in the original bytes. MapOffset is called
// with non-decreasing offsets within the scanner's current buffer and must
// be monotonic.
type OffsetMapper interface {
	MapOffset(off int64) int64
}
