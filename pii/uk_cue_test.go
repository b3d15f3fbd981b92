package pii

import (
	"strings"
	"testing"
)

// ukHasCueCases pin what ukHasCue accepts: whole words only (not inside
// a run of ASCII letters and digits), any ASCII case, a space in a word
// matching a run of cue separators, and the bounds: a word must start at
// or after lo and end at or before hi (both clamped to the text), while
// the whole-word check looks at t[lo-1] and t[hi].
var ukHasCueCases = []struct {
	text   string
	lo, hi int // hi < 0 means len(text)+1+hi
	words  string
	want   bool
}{
	// Whole words, any case.
	{"the electoral roll", 0, -1, ukElectoralWords, true},
	{"THE ELECTORAL ROLL", 0, -1, ukElectoralWords, true},
	{"eLeCtOrAl", 0, -1, ukElectoralWords, true},
	{"nonelectoral roll", 0, -1, ukElectoralWords, false},
	{"electoralx roll", 0, -1, ukElectoralWords, false},
	{"electoral1", 0, -1, ukElectoralWords, false},
	{"1electoral", 0, -1, ukElectoralWords, false},
	{"Electors", 0, -1, ukElectoralWords, true},
	{"electorate", 0, -1, ukElectoralWords, false},
	{"elector's", 0, -1, ukElectoralWords, true},
	{"(voter)", 0, -1, ukElectoralWords, true},
	{"voters, voting", 0, -1, ukElectoralWords, true},
	{"votes", 0, -1, ukElectoralWords, false},
	{"polls poll", 0, -1, ukElectoralWords, false},
	{"polling-station", 0, -1, ukElectoralWords, true},
	{"pollingstation", 0, -1, ukElectoralWords, false},
	{"&voter", 0, -1, ukElectoralWords, true},
	{"x&voter", 0, -1, ukElectoralWords, true},
	{"\xc3\xa9voter", 0, -1, ukElectoralWords, true}, // a non-ASCII letter is no part of the word
	{"voter\xc3\xa9", 0, -1, ukElectoralWords, true},
	{"_voter_", 0, -1, ukElectoralWords, true},
	// Spaces in cue words: runs of spaces, tabs, line breaks, '-', '_',
	// '.', ':'; at least one.
	{"poll card", 0, -1, ukElectoralWords, true},
	{"Poll-Card", 0, -1, ukElectoralWords, true},
	{"poll_card", 0, -1, ukElectoralWords, true},
	{"poll.card", 0, -1, ukElectoralWords, true},
	{"poll:card", 0, -1, ukElectoralWords, true},
	{"poll \t\r\n-_.: card", 0, -1, ukElectoralWords, true},
	{"pollcard", 0, -1, ukElectoralWords, false},
	{"poll/card", 0, -1, ukElectoralWords, false},
	{"poll, card", 0, -1, ukElectoralWords, false},
	{"poll cards", 0, -1, ukElectoralWords, false},
	{"poll number", 0, -1, ukElectoralWords, true},
	{"poll numbers", 0, -1, ukElectoralWords, false},
	{"register of electors", 0, -1, ukElectoralWords, true},
	{"REGISTER  OF\nELECTORS", 0, -1, ukElectoralWords, true},
	{"register of electorate", 0, -1, ukElectoralWords, false},
	{"travel document", 0, -1, ukPassportWords, true},
	{"Travel-Documents", 0, -1, ukPassportWords, false},
	{"travel  document:", 0, -1, ukPassportWords, true},
	{"traveldocument", 0, -1, ukPassportWords, false},
	{"HMPO-issued", 0, -1, ukPassportWords, true},
	{"passports", 0, -1, ukPassportWords, true},
	{"passporting", 0, -1, ukPassportWords, false},
	{"sort code", 0, -1, "sort code|sortcode", true},
	{"SortCode", 0, -1, "sort code|sortcode", true},
	{"Sort-Code:", 0, -1, "sort code|sortcode", true},
	{"sort codes", 0, -1, "sort code|sortcode", false},
	{"VAT", 0, -1, "vat", true},
	{"VAT-registered", 0, -1, "vat", true},
	{"private", 0, -1, "vat", false},
	{"vat123", 0, -1, "vat", false},
	{"123vat", 0, -1, "vat", false},
	// Bounds: the word lies in [lo, hi); t[lo-1] and t[hi] decide
	// whether it is whole.
	{"a vat b", 2, 5, "vat", true},
	{"a vat b", 2, 4, "vat", false},
	{"a vat b", 3, 7, "vat", false},
	{"a vat b", 1, 5, "vat", true},
	{"avat b", 1, 6, "vat", false},
	{"a vatb", 2, 5, "vat", false},
	{"a vat", 2, 5, "vat", true},
	{"vat", -10, 100, "vat", true},
	{"vat", 0, 0, "vat", false},
	{"vat", 3, 0, "vat", false},
	{"poll card x", 0, 9, ukElectoralWords, true},
	{"poll card x", 0, 8, ukElectoralWords, false},
	{"poll   card", 0, 6, ukElectoralWords, false},
	{"poll card", 1, 9, ukElectoralWords, false},
	// Prefixes of the other words: the longest does not hide a shorter.
	{"elector electors", 0, -1, ukElectoralWords, true},
	{"electors", 0, 7, ukElectoralWords, false},
	{"voters", 0, 5, ukElectoralWords, false},
	// Nothing to find.
	{"", 0, 0, ukElectoralWords, false},
	{"voter", 0, -1, "", false},
	{"voter", 0, -1, "|", false},
	{"voter", 0, -1, "x||voter|", true},
	{strings.Repeat("e", 200) + " elector", 0, -1, ukElectoralWords, true},
}

func TestUKHasCue(t *testing.T) {
	for _, c := range ukHasCueCases {
		hi := c.hi
		if hi < 0 {
			hi = len(c.text) + 1 + hi
		}
		if got := ukHasCue([]byte(c.text), c.lo, hi, c.words); got != c.want {
			t.Errorf("ukHasCue(%q, %d, %d, %q) = %v, want %v", c.text, c.lo, hi, c.words, got, c.want)
		}
	}
}
