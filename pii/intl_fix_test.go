package pii

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

// Regression cases for the payment card, date-of-birth and UK address
// detectors, checked at MinScore 0 (every finding, whatever its score).

var cardFixCases = []string{
	// An over-long chain of digit groups must not hide a card after it
	// that is not joined to it by a single separator.
	strings.Repeat("1234567 ", 5) + "1234567 - ⟦4111 1111 1111 1111⟧",
	"x" + strings.Repeat("1", 41) + "  ⟦4111111111111111⟧",
	strings.Repeat("1234 ", 12) + "1234  ⟦4111-1111-1111-1111⟧ and more",
	// Still rejected: the card is part of the long chain itself.
	strings.Repeat("1234 ", 12) + "4111 1111 1111 1111",
	"4111 1111 1111 1111 " + strings.Repeat("1234 ", 12),
}

var dobFixCases = []string{
	// A date that is parsed and dropped must not hide a date starting
	// inside it.
	"born x12 March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 31) + " March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 32) + " March ⟦1961-03-12⟧ dob",
	"1" + strings.Repeat("/5/12", 40) + " March ⟦1961-03-12⟧ dob",
	// Birth words are whole words.
	"Borneo 12/03/1961",
	"borne 12/03/1961",
	"the births 12/03/1961",
	"birthplace 12/03/1961",
	"d.o.bx 12/03/1961",
	"born ⟦12/03/1961⟧",
	"Born: ⟦12/03/1961⟧",
	"birth ⟦12/03/1961⟧",
	"birthday ⟦12/03/1961⟧",
	"Birthdate: ⟦12/03/1961⟧",
	"DOB ⟦12/03/1961⟧",
	"d.o.b. ⟦12/03/1961⟧",
	"D O B ⟦12/03/1961⟧",
	"date of birth ⟦12/03/1961⟧",
	"⟦12/03/1961⟧ (DOB)",
	"Date of birth:\n⟦12/03/1961⟧",
}

var addrFixCases = []string{
	"⟦Flat 2/3, 14 High St, Leeds LS1 1AA⟧",
	"lives at ⟦Flat 12/1 14 High Street⟧.",
	"⟦Flat 3, 12 Acacia Avenue⟧",
	"Flat 2/3",
}

func TestCardFixCases(t *testing.T) {
	detecttest.Cases(t, NewPaymentCard(), 0, cardFixCases...)
	detecttest.Run(t, NewPaymentCard(), intlStripAll(cardFixCases)...)
}

func TestDOBFixCases(t *testing.T) {
	detecttest.Cases(t, NewDateOfBirth(), 0, dobFixCases...)
	detecttest.Run(t, NewDateOfBirth(), intlStripAll(dobFixCases)...)
}

func TestAddrFixCases(t *testing.T) {
	detecttest.Cases(t, NewUKAddress(), 0, addrFixCases...)
	detecttest.Run(t, NewUKAddress(), intlStripAll(addrFixCases)...)
}
