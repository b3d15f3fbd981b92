package pii

import (
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

// Fuzz targets for the payment, network, date and address detectors: the
// detecttest invariants (streaming equals whole-buffer, findings within
// MaxLen of a trigger, no panic) on fuzzed input. Seeds are the annotated
// cases. Run one with
//
//	go test ./pii -run '^$' -fuzz FuzzIntlCard -fuzztime=20s

func FuzzIntlCard(f *testing.F) {
	detecttest.Fuzz(f, NewPaymentCard(), intlStripAll(cardCases)...)
}

func FuzzIntlIBAN(f *testing.F) {
	detecttest.Fuzz(f, NewIBAN(), intlStripAll(ibanCases)...)
}

func FuzzIntlIP(f *testing.F) {
	detecttest.Fuzz(f, NewIPAddress(), intlStripAll(ipCases)...)
}

func FuzzIntlDOB(f *testing.F) {
	detecttest.Fuzz(f, NewDateOfBirth(), intlStripAll(dobCases)...)
}

func FuzzIntlAddress(f *testing.F) {
	detecttest.Fuzz(f, NewUKAddress(), intlStripAll(addrCases)...)
}
