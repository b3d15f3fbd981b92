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

func TestCardFixCases(t *testing.T) {
	detecttest.Cases(t, NewPaymentCard(), 0, cardFixCases...)
	detecttest.Run(t, NewPaymentCard(), intlStripAll(cardFixCases)...)
}
