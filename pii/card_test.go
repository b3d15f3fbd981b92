package pii

import (
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

// cardTestNumbers are test card numbers published by payment processors
// (Stripe "Testing" docs, Adyen "Test card numbers", PayPal/Braintree
// sandbox docs); see testdata/intl/README.md.
var cardTestNumbers = []struct {
	pan    string
	issuer uint32
}{
	{"4242424242424242", CardVisa},
	{"4111111111111111", CardVisa},
	{"4012888888881881", CardVisa},
	{"4000056655665556", CardVisa},
	{"4222222222222", CardVisa},
	{"5555555555554444", CardMastercard},
	{"5105105105105100", CardMastercard},
	{"2223003122003222", CardMastercard},
	{"5200828282828210", CardMastercard},
	{"378282246310005", CardAmex},
	{"371449635398431", CardAmex},
	{"378734493671000", CardAmex},
	{"6011111111111117", CardDiscover},
	{"6011000990139424", CardDiscover},
	{"3056930009020004", CardDiners},
	{"36227206271667", CardDiners},
	{"30569309025904", CardDiners},
	{"38520000023237", CardDiners},
	{"3566002020360505", CardJCB},
	{"3530111333300000", CardJCB},
	{"6200000000000005", CardUnionPay},
	{"6759649826438453", CardMaestro},
}

func TestCardValidators(t *testing.T) {
	for _, tc := range cardTestNumbers {
		d := []byte(tc.pan)
		if !cardLuhn(d) {
			t.Errorf("cardLuhn(%s) = false", tc.pan)
		}
		if got := cardIssuer(d); got != tc.issuer {
			t.Errorf("cardIssuer(%s) = %d, want %d", tc.pan, got, tc.issuer)
		}
		// Any single-digit change breaks Luhn.
		d[len(d)-1] = '0' + (d[len(d)-1]-'0'+1)%10
		if cardLuhn(d) {
			t.Errorf("cardLuhn(%s with last digit changed) = true", tc.pan)
		}
	}
	for _, s := range []string{"9111111111111111", "1234567812345678", "4111111111111", "34111111111111"} {
		if cardIssuer([]byte(s)) != CardUnknown && cardLuhn([]byte(s)) {
			t.Errorf("%s accepted as a card", s)
		}
	}
}

var cardCases = []string{
	"card ⟦4111 1111 1111 1111⟧ exp 12/29",
	"Visa: ⟦4242424242424242⟧",
	"amex ⟦3782 822463 10005⟧",
	"pay with ⟦5555-5555-5555-4444⟧.",
	"diners ⟦3056 930902 5904⟧",
	"(⟦6011 1111 1111 1117⟧)",
	"credit card number ⟦2223003122003222⟧ thanks",
	// Hard negatives.
	"card 4111 1111 1111 1112 (bad Luhn)",
	"order 4111111111111111 shipped", // negative cue
	"id A4111111111111111 and 4111111111111111B",
	"4111 1111 1111 1111 1111 1111 (too many groups)",
	"4111-1111 1111-1111 mixed separators",
	"tracking 1Z999AA10123456784",
	"phone 07700 900123, date 12/03/1961",
	"4444444444444444 and 0000000000000000",
	"41111 11111 11111 1 odd grouping",
	"v4111111111111111",
	"12/4111111111111111",
	"price 4111111111111111.50",
}

func TestCardCases(t *testing.T) {
	detecttest.Cases(t, NewPaymentCard(), 50, cardCases...)
}

func TestCardRun(t *testing.T) {
	detecttest.Run(t, NewPaymentCard(), intlStripAll(cardCases)...)
}

// intlStripAll returns the texts of annotated cases.
func intlStripAll(cases []string) []string {
	var out []string
	for _, c := range cases {
		s, _ := detecttest.Parse(c)
		out = append(out, s)
	}
	return out
}

// TestCardLens: cardLens allows every first digit and length for which
// cardIssuer knows some number (all prefixes of up to six digits).
func TestCardLens(t *testing.T) {
	var d [19]byte
	for n := 1; n <= 19; n++ {
		for p := range 1000000 {
			v := p
			for i := 5; i >= 0; i-- {
				d[i] = byte('0' + v%10)
				v /= 10
			}
			for i := 6; i < n; i++ {
				d[i] = '0'
			}
			if n < 6 {
				continue
			}
			if cardIssuer(d[:n]) != CardUnknown && cardLens[d[0]-'0']>>n&1 == 0 {
				t.Fatalf("cardIssuer knows %s (%d digits) but cardLens rejects it", d[:n], n)
			}
		}
	}
}
