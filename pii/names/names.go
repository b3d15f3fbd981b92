// Package names detects person names in English text (UK-leaning chat,
// e-mail and documents) without a statistical model: gazetteers of given
// names and surnames, hand-written word lists and the shape of the text
// around a run of capitalised words.
//
// # What it matches
//
// A run of up to ten capitalised tokens on one line, separated by single
// spaces: given names, surnames, initials (J. Smith, J R R Tolkien,
// J.R.R. Tolkien), hyphenated and apostrophised names (Smith-Jones,
// O'Brien, O’Brien), lower-case particles between capitals (Ludwig van
// Beethoven, Maria de la Cruz) and ALL-CAPS names (SARAH JONES). The
// reported span is the name alone: a leading honorific (Mr, Dr, Rt Hon
// Sir) and a trailing possessive 's are outside it. [Detector.Detail]
// splits a finding into title, given names and surname; the same facts
// are packed in [detect.Finding.Info] (see [Parts]).
//
// # Validation and evidence
//
// Each token is looked up, lower-cased and with common accents removed
// (José as jose, Wiśniewski as wisniewski), in one embedded hash table
// (built on first use, never at import) holding frequency buckets from
// UK birth registrations (ONS, NRS, NISRA; OGL v3), US SSA given names and
// US Census 2010 surnames (public domain), and hand-written roles: stop
// words, honorifics, job titles, organisation/place/thing words (Ltd,
// Council, Street, Arial, Excel), places, days and months, particles,
// greetings and sign-offs. Evidence for a name: a frequent given name
// followed by a frequent surname; an honorific; an initial; a greeting
// ("Dear Matt,", "Thanks, Jo"); a signature line after "Kind regards";
// a chat-export sender field ("[12/03/2021, 09:14:55] Matt Hancock: ",
// "12/03/2021, 21:14 - Matt Hancock: "); an e-mail display name
// ("From: Sarah Jones", "Sarah Jones <s.jones@example.com>"); an
// @mention; a job title before ("Health Secretary Matt Hancock") or after
// ("Matt Hancock MP"); a reporting verb after ("Sarah said"). Against a
// name: start of a sentence, words that are also names (Will, May,
// Grace, Mark, Brown, Green), places, days and months (and any number
// right after them), organisation words anywhere in the run, a place
// prefix before it (New, St, North), a preposition before a lone word
// (in, at, the, of), "font" or "pt" after it, acronyms, and words glued
// to code (digits, '_', '@', '/', '.').
//
// # Triggers
//
// Upper-case ASCII letters. They are dense in prose, so the per-hit work
// is small: a hit inside a word or inside a run already examined is
// skipped with one comparison, and a token that cannot start a name costs
// one hash and one table probe. MaxLen is 64 bytes; the context read is
// at most 64 bytes (Cues.Radius) either side of the run.
//
// # Score bands
//
// Scores are additive evidence, capped at 99; [DefaultMinScore] is 50.
//
//   - 90-99: a given name and a surname that are both frequent and not
//     common words ("Priya Patel"), or any known name with structural
//     evidence: honorific, chat sender field, signature line, From:/To:
//     line, "Name <address>", greeting ("Thanks, Jo").
//   - 75-89: full names with one rare, unknown or common-word part ("Will
//     Fraser", "Siobhan Oakeshott"); initials and surname ("J. Smith");
//     honorific and surname ("Dr Patel").
//   - 60-74: lone given names that are also words, with a greeting or
//     signature ("Dear Matt,"); full names with weak parts.
//   - 50-59: a lone frequent given name mid-sentence with no other
//     evidence ("ask Gareth"); a lone surname with a reporting verb
//     ("Johnson said").
//   - below 50 (not reported unless [Options.MinScore] is lowered): lone
//     surnames, lone words that are also names, months, places, products,
//     sentence-initial single words.
//
// # Known false positives and negatives
//
//   - Given names used as words or brands in title case (a product called
//     "Jasper"), interjections ("Faith, ..."), characters and deities in
//     literature, and organisations named after people that are neither
//     marked by an organisation word ("Smith Council") nor in the short
//     list of such firms ("Taylor Wimpey", "Morgan Stanley").
//   - "A Kelly", "O Brien" without a dot: A, I and O are read as words.
//   - Lone surnames with neither a title nor a reporting verb ("met
//     Hancock") score below 50 and are missed by default; lower-case names
//     ("thanks matt") are never found (the trigger is a capital letter).
//   - Names written with a non-ASCII capital first letter (Łukasz, Ólafur)
//     are not triggered on; names whose tokens are absent from the US and
//     UK lists (many South and East Asian and African surnames) rely on a
//     known given name or other evidence.
//   - "Surname, Given" order and names split across lines are not joined.
//   - A run longer than 64 bytes or ten tokens is cut, and a name glued
//     to the end of such a run is missed.
//
// # Window contract
//
// A decision reads the run of capitals containing the name (which may
// begin up to 64 bytes before the reported span, as in "Contact Sarah
// Jones"), the token before that run, and 64 bytes of context either side
// of the span. All of it lies within MaxLen+Radius+1 bytes of the span's
// first capital, which the engine always supplies, so results do not
// depend on chunking (checked by detecttest.Run and FuzzNames).
package names

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
)

// ID is the detector's rule ID.
const ID = "pii/person-name"

// Kind is the kind of the detector's findings.
const Kind detect.Kind = "person.name"

// DefaultMinScore is the lowest score reported when Options.MinScore is
// zero.
const DefaultMinScore = 50

// Options configure a Detector. The zero value holds the defaults.
type Options struct {
	// MinScore is the lowest score the detector reports (1..100); zero
	// means DefaultMinScore. Candidates below it are dropped inside
	// Detect, which is cheaper than the engine's MinScore.
	MinScore int
	// SkipLoneNames drops single-token names without an honorific
	// ("Thanks Sarah", "Matt:"), keeping only full names and "Mr Smith".
	SkipLoneNames bool
}

// Detector finds person names. Create it with [New]; it is safe for
// concurrent use.
type Detector struct {
	opts Options
	min  int
}

var _ detect.Detailer = (*Detector)(nil)

// New returns a name detector with the given options.
func New(opts Options) *Detector {
	d := &Detector{opts: opts, min: opts.MinScore}
	if d.min <= 0 {
		d.min = DefaultMinScore
	}
	d.min = min(d.min, 100)
	return d
}

// All returns the package's detectors with default options.
func All() []detect.Detector { return []detect.Detector{New(Options{})} }

// Spec implements [detect.Detector].
func (d *Detector) Spec() detect.Spec {
	return detect.Spec{
		ID:          ID,
		Kind:        Kind,
		Triggers:    detect.Triggers{Bytes: detect.Upper},
		MaxLen:      maxLen,
		Cues:        detect.Cues{Radius: radius},
		Description: "person names (gazetteers of UK and US given names and surnames, titles, greetings, sender fields)",
	}
}

// Load builds the embedded tables now instead of on the first Detect
// call, for callers that want to pay the cost (tens of milliseconds and
// about 4 MB) up front.
func Load() { lexiconOnce() }

// Parts is the detail of a name finding, returned by [Detector.Detail].
// Offsets are relative to the matched bytes.
type Parts struct {
	// Title is the honorific before the name (outside the span), lower
	// case as listed ("mr", "dr", "baroness"), or "" if none. Of several
	// ("Rt Hon Sir") it is the last.
	Title string
	// Given is the given names and initials before the surname, or the
	// whole name when it is a lone given name.
	Given string
	// Surname is the family name with its particles ("van der Berg"), or
	// "" for a lone given name or a name ending with an initial.
	Surname string
	// GivenStart, GivenEnd, SurnameStart and SurnameEnd locate Given and
	// Surname in the match (both zero when absent).
	GivenStart, GivenEnd     int
	SurnameStart, SurnameEnd int
	// Evidence names the strongest context that supported the name: one
	// of "", "title", "salutation", "sign-off", "chat-sender", "header",
	// "email-display", "mention", "job-title", "introduction".
	Evidence string
	// AllCaps reports a name written in capitals.
	AllCaps bool
}

// Detail implements [detect.Detailer]: it returns the [Parts] of a
// finding this detector reported, given its matched bytes.
func (d *Detector) Detail(f detect.Finding, match []byte) (any, error) {
	lx := lexiconOnce()
	info := f.Info
	count := int(info & infoCountMask)
	sur := int(info>>infoSurnameSh) & 0xf
	title := int(info>>infoTitleSh) & infoTitleBits
	ev := int(info>>infoEvidenceSh) & infoEvidenceBit
	if count == 0 || len(match) == 0 {
		return nil, fmt.Errorf("names: finding has no name detail")
	}
	var p Parts
	if title > 0 && title <= len(lx.titles) {
		p.Title = lx.titles[title-1]
	}
	if ev < len(evidenceNames) {
		p.Evidence = evidenceNames[ev]
	}
	p.AllCaps = info&infoAllCaps != 0
	// Re-tokenize the match the way Detect did.
	var starts, ends [maxToks]int
	nt := 0
	for i := 0; i < len(match) && nt < maxToks; {
		if !letterAt(match, i) {
			i++
			continue
		}
		var tk token
		lx.scanToken(match, i, &tk)
		starts[nt], ends[nt] = int(tk.s), int(tk.e)
		if tk.flags&fDot != 0 {
			ends[nt]++
		}
		nt++
		i = max(int(tk.next), i+1)
	}
	if nt != count {
		return nil, fmt.Errorf("names: match has %d tokens, finding says %d", nt, count)
	}
	if sur == infoNoSurname || sur >= nt {
		p.GivenStart, p.GivenEnd = starts[0], ends[nt-1]
	} else {
		if sur > 0 {
			p.GivenStart, p.GivenEnd = starts[0], ends[sur-1]
		}
		p.SurnameStart, p.SurnameEnd = starts[sur], ends[nt-1]
	}
	p.Given = string(match[p.GivenStart:p.GivenEnd])
	p.Surname = string(match[p.SurnameStart:p.SurnameEnd])
	return p, nil
}
