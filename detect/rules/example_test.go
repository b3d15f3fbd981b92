package rules_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/rules"
)

// A rule with look-behind: customer references that follow "ref:".
// Triggers and MaxLen are derived from the pattern.
func ExampleNew() {
	d, err := rules.New(rules.Rule{
		ID:      "acme/customer-ref",
		Kind:    "acme.customer",
		Pattern: `(?<=\bref:\s?)[A-Z]{3}\d{4}(?!\d)`,
		Score:   70,
	})
	if err != nil {
		log.Fatal(err)
	}
	sp := d.Spec()
	fmt.Printf("triggers %q, max_len %d\n", sp.Triggers.Bytes, sp.MaxLen)

	eng := detect.MustCompile([]detect.Detector{d}, nil)
	text := []byte("Réf. 日本: ref: ABC1234, ref ABD1234, ref:XYZ9876")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Printf("%s [%d,%d) %s\n", f.Kind, f.Start, f.End, text[f.Start:f.End])
	}
	// Output:
	// triggers "0123456789", max_len 7
	// acme.customer [19,26) ABC1234
	// acme.customer [45,52) XYZ9876
}

func ExampleLoad() {
	const file = `
rules:
  - id: acme/project-code
    pattern: '\bPRJ-\d{6}\b'
    score: 60
    cues: [{word: project, delta: 20}]
deny: [Operation Nightjar]
allow: [PRJ-000000]
`
	set, err := rules.Load(strings.NewReader(file), "acme.yaml")
	if err != nil {
		log.Fatal(err)
	}
	eng := detect.MustCompile(set.Apply(set.Detectors()), nil)
	text := "Project PRJ-123456 replaces PRJ-000000 in operation nightjar."
	sc := eng.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		f := sc.Finding()
		fmt.Println(f.Rule, f.Score, sc.Text())
	}
	// Output:
	// acme/project-code 80 PRJ-123456
	// custom/deny 100 operation nightjar
}

func ExampleLoad_error() {
	const file = "rules:\n  - id: acme/x\n    pattern: '\\d{4}'\n    validator: crc\n"
	_, err := rules.Load(strings.NewReader(file), "acme.yaml")
	fmt.Println(err)
	// Output:
	// acme.yaml:4:16: rule "acme/x": validator: unknown validator "crc" (known: [ean13 iban luhn mod11 mod97 nhs])
}

func ExampleValidate() {
	fmt.Println(rules.Validate("luhn", []byte("4111 1111 1111 1111")))
	fmt.Println(rules.Validate("nhs", []byte("943 476 5918")))
	// Output:
	// true
	// false
}
