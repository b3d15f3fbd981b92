package markings_test

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/markings"
)

func ExampleParse() {
	m, err := markings.Parse([]byte("Official – Sensitive: PERSONAL DATA"))
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Scheme, m.Level, m.Severity())
	fmt.Println(m.Descriptors, m.Flags)
	fmt.Println(m.Canonical())

	m, _ = markings.Parse([]byte("TOP SECRET//SI/TK//NOFORN"))
	fmt.Println(m.Scheme, m.Codewords, m.Caveats)

	_, err = markings.Parse([]byte("Secret Santa"))
	fmt.Println(err)
	// Output:
	// UK-GSCP OFFICIAL-SENSITIVE 2
	// [PERSONAL DATA] non_canonical|personal_data
	// OFFICIAL-SENSITIVE - PERSONAL DATA
	// US [SI TK] [NOFORN]
	// markings: not a protective marking
}

func ExampleHighest() {
	var ms []markings.Marking
	for _, s := range []string{"OFFICIAL", "RESTRICTED - POLICY", "NATO SECRET", "PROTECTED B"} {
		m, _ := markings.Parse([]byte(s))
		ms = append(ms, m)
	}
	h := markings.Highest(ms)
	fmt.Println(h.Canonical(), h.Severity())
	// Output: NATO SECRET 4
}

// Scan a chat export and describe each marking found.
func Example_scan() {
	chat := []byte("[12/03/2021, 09:14:55] Jo Bloggs: morning\n" +
		"[12/03/2021, 09:15:02] Jo Bloggs: OFFICIAL-SENSITIVE\n" +
		"[12/03/2021, 09:16:11] Sam Taylor: Secret Santa is on Friday!\n" +
		"12/03/2021, 21:14 - Mo Khan: ОFFICIAL-SENSITIVE\n" + // Cyrillic О
		"Subject: RE: Budget [SEC=PROTECTED]\n")
	eng := detect.MustCompile(markings.All(), &detect.Options{MinScore: 50})
	fs, _ := eng.AppendFind(nil, chat)
	for _, f := range fs {
		d, _ := eng.Detail(f, chat[f.Start:f.End])
		m := d.(markings.Marking)
		fmt.Printf("line %d %s: %s %s (%s) %v\n", f.Line, f.Rule, m.Scheme, m.Canonical(), m.Placement, m.Flags.Names())
	}
	if f, ok := markings.HighestFinding(fs); ok {
		fmt.Println("highest on line", f.Line)
	}
	// Output:
	// line 2 markings/classification: UK-GSCP OFFICIAL-SENSITIVE (chat-message) []
	// line 4 markings/obfuscated: UK-GSCP OFFICIAL-SENSITIVE (chat-message) [non_canonical obfuscated]
	// line 5 markings/au-epms: AU PROTECTED (subject) []
	// highest on line 5
}
