package pii_test

import (
	"fmt"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/pii"
)

func intlExample(d detect.Detector, text string) {
	eng := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 50})
	fs, _ := eng.AppendFind(nil, []byte(text))
	for _, f := range fs {
		fmt.Printf("%s %q score %d\n", f.Kind, text[f.Start:f.End], f.Score)
	}
}

func ExampleNewPaymentCard() {
	intlExample(pii.NewPaymentCard(), "Card 4111 1111 1111 1111 exp 12/29; 4111111111111112 fails the Luhn check.")
	// Output:
	// payment.card "4111 1111 1111 1111" score 90
}

func ExampleNewIBAN() {
	intlExample(pii.NewIBAN(), "Please pay GB82 WEST 1234 5698 7654 32, not GB82 WEST 1234 5698 7654 33.")
	// Output:
	// iban "GB82 WEST 1234 5698 7654 32" score 80
}

func ExampleNewIPAddress() {
	intlExample(pii.NewIPAddress(), "login from 192.0.2.10 and 2001:db8::7 (client v1.2.3.4)")
	// Output:
	// ip.address "192.0.2.10" score 80
	// ip.address "2001:db8::7" score 85
}

func ExampleNewDateOfBirth() {
	intlExample(pii.NewDateOfBirth(), "Minutes of the meeting held on 12/03/2021, room 4.\nPatient: J. Smith, DOB: 12th March 1961.")
	// Output:
	// date.birth "12th March 1961" score 75
}

func ExampleNewUKAddress() {
	intlExample(pii.NewUKAddress(), "She lives at 12 Acacia Avenue, Reading RG1 1AA with her cat.")
	// Output:
	// uk.address "12 Acacia Avenue, Reading RG1 1AA" score 100
}
