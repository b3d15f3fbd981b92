package pii

import (
	"math/rand/v2"
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

// ukHasCueRef is ukHasCue as it was before word lists were compiled: the
// reference the compiled version must agree with.
func ukHasCueRef(t []byte, lo, hi int, words string) bool {
	lo, hi = max(lo, 0), min(hi, len(t))
	for i := lo; i < hi; i++ {
		c := ukLower(t[i])
		if !ukIsLetter(c) && !ukIsDigit(c) && c != '&' {
			continue
		}
		if i > 0 && ukIsAlnum(t[i-1]) {
			continue
		}
		for ws := 0; ws < len(words); {
			we := ws
			for we < len(words) && words[we] != '|' {
				we++
			}
			if words[ws] == c {
				if end, ok := ukMatchWord(t[:hi], i, words[ws:we]); ok && (end >= len(t) || !ukIsAlnum(t[end])) {
					return true
				}
			}
			ws = we + 1
		}
	}
	return false
}

// ukCueLists are the word lists the detectors use and odd ones: words
// starting with '&', a digit, a capital, a space or a separator; empty
// words; one word a prefix of another.
var ukCueLists = []string{
	ukElectoralWords, ukPassportWords, "sort code|sortcode", "vat",
	"h&c|&x|1st|a b c|x||y|Upper| lead|-dash|", "|", "", "ab|abc|abcd|a b|b a",
}

// ukCuePieces build the random texts of TestUKHasCueRandom.
var ukCuePieces = []string{
	"electoral", "Elector", "ELECTORS", "polling", "poll", "card", "number", "voter", "Voters", "voting", "register", "of",
	"passport", "passports", "travel", "document", "HMPO", "sort", "code", "sortcode", "VAT", "h&c", "&x", "1st",
	"a", "b", "c", "ab", "abc", "Upper", "upper", "lead", "dash", "x", "y", " ", " ", "  ", "-", "_", ".", ":", "\t",
	"\r\n", "/", ",", "'", "&", "1", "42", "\xc3\xa9", "\xff", "|", "e", "s",
}

func ukCueRandText(r *rand.Rand) []byte {
	var b []byte
	for range r.IntN(24) {
		b = append(b, ukCuePieces[r.IntN(len(ukCuePieces))]...)
		if r.IntN(2) == 0 {
			b = append(b, " -_.:\t\n,/"[r.IntN(9)])
		}
	}
	return b
}

// TestUKHasCueRandom compares ukHasCue with ukHasCueRef on random texts,
// word lists and bounds.
func TestUKHasCueRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	found := 0
	for range n {
		text := ukCueRandText(r)
		words := ukCueLists[r.IntN(len(ukCueLists))]
		lo, hi := r.IntN(len(text)+3)-1, r.IntN(len(text)+3)-1
		if r.IntN(3) == 0 {
			lo, hi = -1, len(text)+1
		}
		got, want := ukHasCue(text, lo, hi, words), ukHasCueRef(text, lo, hi, words)
		if got != want {
			t.Fatalf("ukHasCue(%q, %d, %d, %q) = %v, reference %v", text, lo, hi, words, got, want)
		}
		if got {
			found++
		}
	}
	if found < n/20 {
		t.Fatalf("only %d of %d texts have a cue", found, n)
	}
}

// FuzzUKHasCue compares ukHasCue with ukHasCueRef on fuzzed text, bounds
// and a word list.
func FuzzUKHasCue(f *testing.F) {
	for _, c := range ukHasCueCases {
		f.Add([]byte(c.text), c.lo, c.hi, c.words)
	}
	f.Fuzz(func(t *testing.T, text []byte, lo, hi int, words string) {
		if strings.Count(words, "|") >= ukCueMaxWords {
			return // more words than a compiled list holds
		}
		if got, want := ukHasCue(text, lo, hi, words), ukHasCueRef(text, lo, hi, words); got != want {
			t.Fatalf("ukHasCue(%q, %d, %d, %q) = %v, reference %v", text, lo, hi, words, got, want)
		}
	})
}

// TestUKHasCueLists: the lists the UK detectors pass are compiled once.
func TestUKHasCueLists(t *testing.T) {
	for _, words := range []string{ukElectoralWords, ukPassportWords, "sort code|sortcode", "vat"} {
		if ukCueFor(words) == nil {
			t.Errorf("%q is compiled on every call", words)
		}
	}
	text := []byte("sort code 12-34-56, VAT 980780684")
	if n := testing.AllocsPerRun(100, func() { ukHasCue(text, 0, len(text), "h&c|x") }); n != 0 {
		t.Errorf("ukHasCue with another list allocates %v times", n)
	}
}
