package names_test

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
	"github.com/tidemark/tidemark/pii/names"
)

// conformanceInputs exercise the contract: names at and across chunk
// edges, long runs of capitals, ALL-CAPS text, UTF-8 and binary noise.
var conformanceInputs = []string{
	"Dear Matt,\n\nThanks for this.\n\nKind regards\nSarah Jones\n",
	"[12/03/2021, 09:14:55] Matt Hancock: Will do\n12/03/2021, 21:14 - Sarah O'Brien: ok",
	"From: Sarah Jones <s.jones@example.com>\nTo: Tom Brown <t.brown@example.com>\nSubject: Budget",
	"Spoke to Dr J. R. R. Tolkien and Ludwig van Beethoven about Mr. Smith-Jones's draft.",
	"ATTENDEES:\nJOHN SMITH\nPRIYA PATEL\nMARY O'CONNOR\n",
	strings.Repeat("Alpha Beta Gamma Delta Epsilon ", 20) + "Sarah Jones",
	strings.Repeat("Sarah Jones ", 30),
	"Zoë Ćwik and José Álvarez met Łukasz Nowak in Gdańsk; Siobhan O’Brien’s note",
	"J.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R.R Tolkien",
	"a\x00B\xffC\xc3\x28 Mr \xe2\x80\x99 Sarah\r\nJones\tMatt",
	strings.Repeat("x", 100) + "Sarah" + strings.Repeat("y", 100),
}

func TestConformance(t *testing.T) {
	detecttest.Run(t, names.New(names.Options{}), conformanceInputs...)
	detecttest.Run(t, names.New(names.Options{MinScore: 1}), conformanceInputs...)
}

// TestCases: valid vectors (marked ⟦…⟧) and invalid ones (no markers) at
// the default reporting floor. All names are invented or public figures
// named in public records; see testdata/README.md.
func TestCases(t *testing.T) {
	detecttest.Cases(t, names.New(names.Options{}), names.DefaultMinScore,
		// Greetings, sign-offs, chat senders and headers.
		"Dear ⟦Matt⟧,\nThanks for the note.",
		"Thanks, ⟦Jo⟧",
		"Kind regards\n⟦Sarah Jones⟧",
		"Best wishes,\n\n⟦Priya⟧\n",
		"[12/03/2021, 09:14:55] ⟦Matt Hancock⟧: see below",
		"12/03/2021, 21:14 - ⟦Matt Hancock⟧: ok",
		"From: ⟦Sarah Jones⟧ <s.jones@example.com>",
		"Cc: ⟦Tom Brown⟧ <t.brown@example.org>; ⟦Aisha Khan⟧ <a.khan@example.org>",
		"On Tue, 3 Mar 2021 at 09:14, ⟦Sarah Jones⟧ <s.jones@example.com> wrote:",
		"Hi ⟦Sarah⟧, can you ask ⟦Gareth⟧ to call?",
		"@⟦Sarah⟧ can you look?",
		// Titles, initials, particles, compounds, possessives.
		"Mr ⟦Hancock⟧'s view was clear.",
		"The Rt Hon Sir ⟦Keir Starmer⟧ KC MP spoke.",
		"Health Secretary ⟦Matt Hancock⟧ said so.",
		"Letters from ⟦J. Smith⟧ and ⟦J R R Tolkien⟧ arrived.",
		"⟦Ludwig van Beethoven⟧ wrote nine symphonies.",
		"We met ⟦Siobhan O'Brien⟧ and ⟦Ellie Smith-Jones⟧ today.",
		"Ask ⟦Fiona McAllister⟧ or ⟦Hamish MacDonald⟧.",
		"Baroness ⟦Harding⟧ chaired it.",
		"Dr. ⟦Patel⟧ will see you now.",
		// Accented names are looked up unaccented.
		"Thanks ⟦José⟧! ⟦Zoë Wiśniewska⟧ and ⟦François Müller⟧ agreed.",
		// ALL-CAPS names in lists and headers.
		"PRESENT:\n⟦JOHN SMITH⟧\n⟦PRIYA PATEL⟧\n",
		"FROM: ⟦SARAH JONES⟧",
		// Common words that are names, with support.
		"Thanks ⟦Will⟧!",
		"⟦Grace Hughes⟧ and ⟦Mark Green⟧ joined.",
		// Hard negatives: nothing scores 50 or more.
		"Will you send it in May?",
		"Mark the box and Bill the client.",
		"Grace period ends on Friday.",
		"Set the body in Times New Roman, headings in Arial Black and captions in Gill Sans.",
		"Font: Georgia 12pt",
		"The Department of Health and Social Care wrote to Kingston Borough Council.",
		"Leeds Teaching Hospitals NHS Trust and Smith & Sons Ltd.",
		"Send it to Baker Street, Victoria Station or St Albans.",
		"New York, New Zealand and North Yorkshire.",
		"Monday 12 April, Tuesday, June 2021.",
		"The Prime Minister and the Permanent Secretary met the Chancellor.",
		"OFFICIAL SENSITIVE - NOT FOR CIRCULATION",
		"Rose Garden press conference at 10:00.",
		"Taylor Wimpey and Morgan Stanley results.",
		"Call os.Getenv and SarahJones_2 from main.Go",
		"Sarah.Jones@example.com",
		"Attendees: see the list",
		"Green light from the Treasury.",
	)
}

func TestDetail(t *testing.T) {
	d := names.New(names.Options{})
	eng := detect.MustCompile([]detect.Detector{d}, nil)
	for _, tc := range []struct {
		text                  string
		title, given, surname string
		evidence              string
		allCaps               bool
	}{
		{"Dear Dr Sarah van der Berg,", "dr", "Sarah", "van der Berg", "title", false},
		{"Kind regards\nJ. R. Hartley\n", "", "J. R.", "Hartley", "sign-off", false},
		{"Thanks, Jo", "", "Jo", "", "salutation", false},
		{"Mr Oakeshott's letter", "mr", "", "Oakeshott", "title", false},
		{"FROM: SARAH JONES", "", "SARAH", "JONES", "header", true},
		{"[12/03/2021, 09:14:55] Matt Hancock: hi", "", "Matt", "Hancock", "chat-sender", false},
	} {
		fs, err := eng.AppendFind(nil, []byte(tc.text))
		if err != nil || len(fs) != 1 {
			t.Errorf("%q: got %v, %v; want one finding", tc.text, fs, err)
			continue
		}
		f := fs[0]
		if f.Kind != names.Kind || f.Rule != names.ID {
			t.Errorf("%q: kind %q rule %q", tc.text, f.Kind, f.Rule)
		}
		v, err := eng.Detail(f, []byte(tc.text[f.Start:f.End]))
		if err != nil {
			t.Errorf("%q: Detail: %v", tc.text, err)
			continue
		}
		p := v.(names.Parts)
		if p.Title != tc.title || p.Given != tc.given || p.Surname != tc.surname || p.Evidence != tc.evidence || p.AllCaps != tc.allCaps {
			t.Errorf("%q: Detail = %+v, want title %q given %q surname %q evidence %q caps %v",
				tc.text, p, tc.title, tc.given, tc.surname, tc.evidence, tc.allCaps)
		}
	}
	if _, err := d.Detail(detect.Finding{}, nil); err == nil {
		t.Error("Detail of an empty finding: want an error")
	}
}

func TestOptions(t *testing.T) {
	text := []byte("Thanks Sarah. Mr Hancock and Priya Patel agreed.")
	count := func(o names.Options) int {
		fs, err := detect.MustCompile([]detect.Detector{names.New(o)}, nil).AppendFind(nil, text)
		if err != nil {
			t.Fatal(err)
		}
		return len(fs)
	}
	if n := count(names.Options{}); n != 3 {
		t.Errorf("defaults: %d findings, want 3", n)
	}
	if n := count(names.Options{SkipLoneNames: true}); n != 2 {
		t.Errorf("SkipLoneNames: %d findings, want 2 (Mr Hancock, Priya Patel)", n)
	}
	if n := count(names.Options{MinScore: 100}); n != 0 {
		t.Errorf("MinScore 100: %d findings, want 0", n)
	}
	if got := names.All(); len(got) != 1 || got[0].Spec().ID != names.ID {
		t.Errorf("All() = %v", got)
	}
}

func FuzzNames(f *testing.F) {
	detecttest.Fuzz(f, names.New(names.Options{MinScore: 1}), conformanceInputs...)
}
