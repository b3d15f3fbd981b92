package markings

import (
	"strings"
)

// KindMarking is the Kind of every finding reported by this package.
const KindMarking = "marking"

// A Scheme is a marking system: a government's classification policy or
// an alliance's.
type Scheme uint8

// Schemes, in the order of MARKINGS.md section 1.
const (
	SchemeUnknown Scheme = iota
	UKGSC                // UK Government Security Classifications (2014 onwards, 2023/2024 update)
	UKGPMS               // UK Government Protective Marking Scheme (before April 2014)
	NATO                 // NATO and COSMIC markings
	EU                   // EU classified information (EUCI)
	US                   // US classified national security information and CUI
	AU                   // Australia: PSPF and the Email Protective Marking Standard
	NZ                   // New Zealand Protective Security Requirements
	CA                   // Canada: Protected A/B/C and classified levels
	numSchemes
)

var schemeNames = [...]string{"", "UK-GSCP", "UK-GPMS", "NATO", "EU", "US", "AU", "NZ", "CA"}

// String returns the scheme's short name, e.g. "UK-GSCP"; "" for SchemeUnknown.
func (s Scheme) String() string {
	if int(s) < len(schemeNames) {
		return schemeNames[s]
	}
	return "Scheme(?)"
}

// A Level is a canonical classification level. Levels of different
// schemes that share a name share a Level (SECRET is Secret in every
// scheme); [Marking.Severity] gives the cross-scheme order.
type Level uint8

// Levels, roughly in ascending order of severity.
const (
	LevelNone             Level = iota
	Unclassified                // UNCLASSIFIED (US, GPMS, NATO, NZ, CA)
	NotProtectivelyMarked       // NOT PROTECTIVELY MARKED (GPMS)
	Unofficial                  // UNOFFICIAL (AU)
	Protect                     // PROTECT (GPMS)
	Official                    // OFFICIAL (UK, AU)
	InConfidence                // IN-CONFIDENCE (NZ)
	ProtectedA                  // PROTECTED A (CA)
	Limite                      // LIMITE (EU distribution marking)
	FOUO                        // FOR OFFICIAL USE ONLY (US legacy)
	Restricted                  // RESTRICTED (GPMS, NATO, EU, NZ)
	OfficialSensitive           // OFFICIAL-SENSITIVE (UK), OFFICIAL: Sensitive (AU)
	Sensitive                   // SENSITIVE (NZ)
	ProtectedB                  // PROTECTED B (CA)
	CUI                         // CONTROLLED UNCLASSIFIED INFORMATION (US)
	Confidential                // CONFIDENTIAL (GPMS, NATO, EU, US, NZ, CA)
	Protected                   // PROTECTED (AU)
	ProtectedC                  // PROTECTED C (CA)
	Secret                      // SECRET (all schemes)
	TopSecret                   // TOP SECRET (all schemes; COSMIC TOP SECRET in NATO)
	numLevels
)

var levelNames = [...]string{"", "UNCLASSIFIED", "NOT PROTECTIVELY MARKED", "UNOFFICIAL", "PROTECT", "OFFICIAL",
	"IN-CONFIDENCE", "PROTECTED A", "LIMITE", "FOR OFFICIAL USE ONLY", "RESTRICTED", "OFFICIAL-SENSITIVE",
	"SENSITIVE", "PROTECTED B", "CUI", "CONFIDENTIAL", "PROTECTED", "PROTECTED C", "SECRET", "TOP SECRET"}

var levelSeverity = [...]int{0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5}

// String returns the level's name in capitals, e.g. "OFFICIAL-SENSITIVE".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "Level(?)"
}

// A Placement says where a marking stands, which decides whether it was
// applied to the surrounding content or merely mentioned.
type Placement uint8

// Placements. Every placement except PlacementUnknown and Inline means the
// marking was applied.
const (
	PlacementUnknown Placement = iota // no context (Parse of a bare string)
	Header                            // an e-mail header field (X-Protective-Marking)
	Subject                           // at the start (or, for AU EPMS, in brackets) of an e-mail subject
	Banner                            // a line on its own (document banner, header or footer)
	ChatMessage                       // a chat message on its own, after a chat-export prefix
	LineStart                         // at the start of a line, followed by text ("OFFICIAL-SENSITIVE: Budget")
	Label                             // after "Classification:", "Protective marking:" and the like
	Bracketed                         // in square brackets in running text ("[SEC=PROTECTED]", "[RESTRICTED]")
	Portion                           // a portion (paragraph) mark at paragraph start: "(S//NF) Text"
	Inline                            // inside prose: a mention, not an applied marking
	numPlacements
)

var placementNames = [...]string{"", "header", "subject", "banner-line", "chat-message", "line-start", "label",
	"bracketed", "portion", "inline"}

// String returns the placement name used in reports, e.g. "banner-line".
func (p Placement) String() string {
	if int(p) < len(placementNames) {
		return placementNames[p]
	}
	return "Placement(?)"
}

// Applied reports whether the placement means the marking labels the
// surrounding content (everything but Inline and PlacementUnknown).
func (p Placement) Applied() bool { return p != PlacementUnknown && p != Inline && p < numPlacements }

// Flags qualify a marking.
type Flags uint16

// Flag bits.
const (
	// Legacy: a withdrawn scheme or value (GPMS, EPMS 2012 DLM, US FOUO).
	Legacy Flags = 1 << iota
	// NonCanonical: case, dash, spacing or separators differ from policy.
	NonCanonical
	// PolicyInvalid: a combination the scheme forbids (caveat on OFFICIAL,
	// FOR PUBLIC RELEASE with -SENSITIVE).
	PolicyInvalid
	// Obfuscated: homoglyphs (Cyrillic, Greek), fullwidth letters,
	// zero-width or soft-hyphen characters, or letter-spacing inside the
	// marking: forms that defeat plain keyword matching.
	Obfuscated
	// LetterSpaced: written "S E C R E T" (also sets Obfuscated).
	LetterSpaced
	// Placeholder: guidance text such as "[DESCRIPTOR]" or "CODEWORD".
	Placeholder
	// Declassified: a declassification stamp accompanies the marking.
	Declassified
	// PersonalData: a descriptor or marker signals personal data (UK
	// PERSONAL / PERSONAL DATA / HR/MANAGEMENT, AU Personal-Privacy, NZ
	// MEDICAL / STAFF, US SP-PRVCY).
	PersonalData
	numFlagBits = iota
)

var flagNames = [...]string{"legacy", "non_canonical", "policy_invalid", "obfuscated", "letter_spaced",
	"placeholder", "declassified", "personal_data"}

// Names returns the names of the set flags, e.g. ["legacy", "obfuscated"].
func (f Flags) Names() []string {
	var out []string
	for i := 0; i < numFlagBits; i++ {
		if f&(1<<i) != 0 {
			out = append(out, flagNames[i])
		}
	}
	return out
}

// String returns the flag names joined by "|".
func (f Flags) String() string { return strings.Join(f.Names(), "|") }

// A Marking is a parsed protective marking.
type Marking struct {
	Scheme      Scheme   // most plausible scheme
	Alt         []Scheme // other plausible schemes for shared tokens
	Level       Level    // canonical level
	Prefix      string   // "UK", "NATO", "COSMIC", an NZ endorsement, ...
	Descriptors []string // UK descriptors, AU ACCESS markers / DLMs, NZ endorsements, US CUI categories
	Handling    []string // UK handling instructions (RECIPIENTS ONLY, HMG USE ONLY, ...)
	Caveats     []string // national caveats, releasability and dissemination controls
	Codewords   []string // codewords and US SCI control systems
	Equivalent  []Level  // possible current UK GSCP levels of a legacy GPMS marking
	Placement   Placement
	Flags       Flags
	// Text is the marking as found, normalised (folded to ASCII, upper
	// case, single spaces), e.g. "OFFICIAL SENSITIVE - PERSONAL".
	Text string
}

// Applied reports whether the marking was applied to content (see
// [Placement.Applied]).
func (m Marking) Applied() bool { return m.Placement.Applied() }

// Severity is a cross-scheme triage aid from 0 (public) to 5 (top
// secret), after MARKINGS.md section 10. It is not an official
// equivalence.
func (m Marking) Severity() int {
	if m.Level >= numLevels {
		return 0
	}
	s := levelSeverity[m.Level]
	switch {
	case m.Level == Unclassified && m.Scheme == NATO:
		s = 1
	case m.Level == Official && m.Scheme == UKGSC && contains(m.Handling, "FOR PUBLIC RELEASE"):
		s = 0
	}
	return s
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Canonical renders the marking in its scheme's canonical form, e.g.
// "OFFICIAL-SENSITIVE - RECIPIENTS ONLY - PERSONAL DATA",
// "TOP SECRET//SI/TK//NOFORN", "RESTREINT UE/EU RESTRICTED",
// "OFFICIAL: Sensitive//Personal-Privacy" or "(S//NF)".
func (m Marking) Canonical() string {
	var b strings.Builder
	lvl := m.Level.String()
	switch m.Scheme {
	case NATO:
		switch m.Level {
		case TopSecret:
			lvl = "COSMIC TOP SECRET"
		default:
			lvl = "NATO " + lvl
		}
	case EU:
		switch m.Level {
		case TopSecret:
			lvl = "TRES SECRET UE/EU TOP SECRET"
		case Secret:
			lvl = "SECRET UE/EU SECRET"
		case Confidential:
			lvl = "CONFIDENTIEL UE/EU CONFIDENTIAL"
		case Restricted:
			lvl = "RESTREINT UE/EU RESTRICTED"
		}
	case AU:
		switch m.Level {
		case OfficialSensitive:
			lvl = "OFFICIAL: Sensitive"
		}
	case NZ:
		if m.Prefix != "" {
			lvl = m.Prefix + " " + lvl
		}
	}
	if m.Placement == Portion {
		return m.portion()
	}
	if m.Prefix == "UK" {
		b.WriteString("UK ")
	}
	b.WriteString(lvl)
	switch m.Scheme {
	case US, AU, CA:
		writeCats(&b, "//", "/", m.Codewords, m.Descriptors, m.Caveats, m.Handling)
	case NZ:
		writeCats(&b, "//", "/", m.Codewords, m.Caveats, m.Handling, m.Descriptors)
	case NATO:
		for _, c := range m.Caveats {
			b.WriteString(" ")
			b.WriteString(c)
		}
		writeCats(&b, " - ", " - ", m.Handling, m.Descriptors, m.Codewords)
	default: // UK GSCP / GPMS / EU: CLASSIFICATION - HANDLING - DESCRIPTOR - CODEWORD - CAVEAT
		writeCats(&b, " - ", " - ", m.Handling, m.Descriptors, m.Codewords, m.Caveats)
	}
	return b.String()
}

func writeCats(b *strings.Builder, catSep, valSep string, cats ...[]string) {
	for _, c := range cats {
		if len(c) == 0 {
			continue
		}
		b.WriteString(catSep)
		for i, v := range c {
			if i > 0 {
				b.WriteString(valSep)
			}
			b.WriteString(v)
		}
	}
}

var portionAbbrev = map[Level]string{
	Unclassified: "U", Confidential: "C", Secret: "S", TopSecret: "TS", Restricted: "R", CUI: "CUI",
	Official: "O", OfficialSensitive: "O:S", Protected: "P", Unofficial: "UO", InConfidence: "IC", Sensitive: "SEN",
}

func (m Marking) portion() string {
	var b strings.Builder
	b.WriteString("(")
	b.WriteString(portionAbbrev[m.Level])
	writeCats(&b, "//", "/", m.Codewords, m.Descriptors, m.Caveats, m.Handling)
	b.WriteString(")")
	return b.String()
}

// String returns [Marking.Canonical].
func (m Marking) String() string { return m.Canonical() }

// Highest returns the marking with the highest [Marking.Severity] in ms:
// the classification of a document or conversation as a whole. Ties go to
// an applied marking over a mention, then to the higher Level, then to
// the first. It returns the zero Marking when ms is empty.
func Highest(ms []Marking) Marking {
	best := -1
	for i := range ms {
		if best < 0 || higher(ms[i].Severity(), ms[i].Applied(), ms[i].Level, ms[best].Severity(), ms[best].Applied(), ms[best].Level) {
			best = i
		}
	}
	if best < 0 {
		return Marking{}
	}
	return ms[best]
}

func higher(s1 int, a1 bool, l1 Level, s2 int, a2 bool, l2 Level) bool {
	if s1 != s2 {
		return s1 > s2
	}
	if a1 != a2 {
		return a1
	}
	return l1 > l2
}
