// Package rules builds detectors from users' regular expressions and
// reads rule files that define them, together with deny lists (values
// always reported) and allow lists (values never reported).
//
// # Patterns
//
// Patterns use [github.com/dlclark/regexp2/v2], a backtracking engine with
// .NET syntax: look-around, back-references, atomic groups. A rule's
// [Detector] runs it only on the engine's candidate windows, always with a
// time budget (see [Rule].Timeout): a catastrophic pattern costs at most
// about the budget per window, returns [ErrTimeout] and is counted in
// detect.Stats.Incomplete; the scan goes on. Findings carry byte offsets
// into the input, whatever the pattern's characters.
//
// # Triggers and length
//
// The engine needs to know where matches can be (Triggers) and how long
// they can be (MaxLen). [New] derives both when it can: it rewrites the
// pattern into a wider one that Go's regexp/syntax understands (dropping
// look-around, widening back-references to any text) and looks for a
// literal every match must contain (which becomes a keyword trigger, like
// "PRJ-" in `\bPRJ-\d{6}\b`) or else a character class every match must
// contain (which becomes a byte trigger, like the digits of `\d`). The
// longest match is computed from the quantifiers. A pattern with '+' or '*'
// needs an explicit MaxLen; a pattern the analysis cannot read
// (conditionals, .NET class subtraction, the 'x' flag) needs explicit
// Triggers too. Declared triggers are trusted: a match that lies farther
// than MaxLen from every trigger is never reported.
//
// # Matching and chunking
//
// The engine hands a detector windows of the input, not the whole input,
// and results must not depend on where windows and chunks fall. A rule's
// Detector therefore reports a match at each position where the pattern
// matches, unless an earlier candidate match overlaps it (see [Detector]);
// for patterns whose matches cannot overlap — words or numbers bounded by
// \b, for example — this is exactly regexp2's list of matches. Each
// decision depends only on the bytes within MaxLen+Context of the match,
// which is why MaxLen+Context may not exceed 256 and look-around must not
// reach beyond Context bytes (default 16).
//
// # Validators
//
// A rule may name a checksum the match must pass: luhn, mod97, iban,
// mod11, nhs, ean13 (see [Validators] and [ValidatorDoc]).
//
// # Rule files
//
// [Load] reads a YAML rule file; since YAML 1.2 is a superset of JSON, a
// JSON file with the same structure loads too. YAML was chosen because
// patterns read better in single-quoted YAML strings than in JSON, where
// every backslash is doubled. The parser is go.yaml.in/yaml/v3, the YAML
// organisation's maintained continuation of gopkg.in/yaml.v3: no
// dependencies, and a node tree with line and column numbers, so every
// error names the file, line and column of the field at fault. See [Load]
// for the format.
//
// A [Set] is a loaded file. Set.Detectors gives its detectors, to add to
// an engine's; Set.Apply wraps any detectors so that allow-listed values
// never reach the engine; Set.Allowed and Set.Filter apply the allow list
// to findings after the fact.
package rules
