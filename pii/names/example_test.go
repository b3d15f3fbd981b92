package names_test

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii/names"
)

func Example() {
	eng := detect.MustCompile(names.All(), nil)
	text := []byte("[12/03/2021, 09:14:55] Matt Hancock: Will do. Dr Patel's note is attached.\n" +
		"Font is Times New Roman; the meeting is in May.\n\nKind regards\nSarah van der Berg\n")
	fs, err := eng.AppendFind(nil, text)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		match := text[f.Start:f.End]
		d, _ := eng.Detail(f, match)
		p := d.(names.Parts)
		fmt.Printf("%d-%d %q score %d: title %q given %q surname %q (%s)\n",
			f.Start, f.End, match, f.Score, p.Title, p.Given, p.Surname, p.Evidence)
	}
	// Output:
	// 23-35 "Matt Hancock" score 93: title "" given "Matt" surname "Hancock" (chat-sender)
	// 49-54 "Patel" score 82: title "dr" given "" surname "Patel" (title)
	// 137-155 "Sarah van der Berg" score 99: title "" given "Sarah" surname "van der Berg" (sign-off)
}

// A stricter detector: only full names and names after an honorific, and
// a higher floor.
func ExampleNew() {
	d := names.New(names.Options{MinScore: 70, SkipLoneNames: true})
	eng := detect.MustCompile([]detect.Detector{d}, nil)
	text := []byte("Thanks Sarah. Mr Hancock and Priya Patel agreed.")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Printf("%s %d\n", text[f.Start:f.End], f.Score)
	}
	// Output:
	// Hancock 82
	// Priya Patel 99
}
