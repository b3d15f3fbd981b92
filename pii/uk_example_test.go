package pii_test

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii"
)

// A bare ten-digit number that passes the NHS check scores low; the same
// number next to "NHS number" scores high.
func ExampleNewNHS() {
	eng := detect.MustCompile([]detect.Detector{pii.NewNHS()}, nil)
	for _, text := range []string{
		"Order 9434765919 shipped.",
		"Reference 9434765919.",
		"Patient NHS number: 943 476 5919.",
	} {
		fs, _ := eng.AppendFind(nil, []byte(text))
		for _, f := range fs {
			fmt.Println(text[f.Start:f.End], f.Score)
		}
	}
	// Output:
	// 9434765919 0
	// 9434765919 25
	// 943 476 5919 95
}

// QQ is never issued as a prefix, so HMRC's own example is rejected; a
// NINO with a valid prefix is found with or without spaces.
func ExampleNewNINO() {
	eng := detect.MustCompile([]detect.Detector{pii.NewNINO()}, &detect.Options{MinScore: 50})
	text := []byte("Example QQ 12 34 56 C. Her NI number is AB 12 34 56 C, his is JG103759A.")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Println(string(text[f.Start:f.End]), f.Score)
	}
	// Output:
	// AB 12 34 56 C 100
	// JG103759A 100
}

// A sort code followed by an account number is one finding of Kind
// uk.bank-account; a dd-dd-dd date next to "DOB" scores nothing.
func ExampleNewUKSortCode() {
	eng := detect.MustCompile([]detect.Detector{pii.NewUKSortCode()}, &detect.Options{MinScore: 50})
	text := []byte("DOB 12-03-61. Sort code: 40-11-62, account 12345678.")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Println(f.Kind, string(text[f.Start:f.End]))
	}
	// Output:
	// uk.bank-account 40-11-62, account 12345678
}

// Postcodes are validated against the Royal Mail areas and letter rules.
func ExampleNewUKPostcode() {
	eng := detect.MustCompile([]detect.Detector{pii.NewUKPostcode()}, nil)
	text := []byte("Deliver to 10 Downing Street, London, SW1A 2AA (not QA1 1AA).")
	fs, _ := eng.AppendFind(nil, text)
	for _, f := range fs {
		fmt.Println(string(text[f.Start:f.End]), f.Score)
	}
	// Output:
	// SW1A 2AA 75
}
