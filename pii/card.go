package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// KindPaymentCard is the Kind of payment card number findings.
const KindPaymentCard detect.Kind = "payment.card"

// Card issuers reported in the low byte of a payment card finding's Info.
const (
	CardUnknown uint32 = iota
	CardVisa
	CardMastercard
	CardAmex
	CardDiscover
	CardJCB
	CardDiners
	CardMaestro
	CardUnionPay
	CardMir
	CardUATP
)

// NewPaymentCard returns a detector for payment card numbers (PANs).
//
// Matches: 12 to 19 digits written contiguously ("4111111111111111") or in
// the groups cards are printed with, separated by single spaces or
// hyphens: 4-4-4-4 (and 4-4-4-4-3 for 19 digits), 4-6-5 (Amex), 4-6-4
// (Diners), 4-4-4-3. The number must be a whole token: not glued to
// letters, other digits or "/", ":" ("12/25"), and not part of a longer
// run of digit groups.
//
// Validation: issuer prefix and length for Visa (4; 13, 16, 19 digits),
// Mastercard (51-55, 2221-2720; 16), American Express (34, 37; 15),
// Discover (6011, 644-649, 65, 622126-622925; 16-19), JCB (3528-3589;
// 16-19), Diners Club (300-305, 3095, 36, 38, 39; 14-19), Maestro (50,
// 56-58, 6304, 6759, 6761-6763; 12-19), UnionPay (62; 16-19), Mir
// (2200-2204; 16-19) and UATP (1; 15); Luhn check digit; not all one
// digit. Numbers of unknown issuers are rejected.
//
// Triggers: ASCII digits.
//
// Run filter: runs of 12+ digits and of 1-6 digits joined by a space or
// hyphen to the next or previous group, not glued to letters.
//
// Score: 60 contiguous, 70 grouped as the issuer prints it. Cues: +20
// near "card", "credit", "debit", "visa", "mastercard", "amex", "cvv",
// "cvc", "expiry", "payment"; −30 near "order", "invoice", "ref",
// "reference", "tracking", "transaction", "imei", "isbn", "iccid".
//
// Known false positives: other Luhn-checked identifiers that share issuer
// prefixes (IMEI numbers are 15 digits and can start 35, as JCB does; a
// 16-digit id starting 4 passes one time in ten). Known false negatives:
// numbers split over lines or by dots, masked numbers ("4111 **** ****
// 1111"), and issuers not listed.
//
// Info: the issuer (CardVisa, ...) in bits 0-7.
func NewPaymentCard() detect.Detector { return card{} }

type card struct{}

var _ detect.Detector = card{}

const (
	cardMaxLen = 23 // 19 digits and 4 separators
	cardRadius = 48
)

func (card) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/payment-card", Kind: KindPaymentCard, MaxLen: cardMaxLen,
		Description: "Payment card numbers (issuer range, length and Luhn check)",
		Triggers:    detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: cardRadius, Words: []detect.Cue{
			{Word: "card", Delta: 20}, {Word: "credit", Delta: 20}, {Word: "debit", Delta: 20},
			{Word: "visa", Delta: 20}, {Word: "mastercard", Delta: 20}, {Word: "amex", Delta: 20},
			{Word: "cvv", Delta: 20}, {Word: "cvc", Delta: 20}, {Word: "expiry", Delta: 20},
			{Word: "payment", Delta: 20},
			{Word: "order", Delta: -30}, {Word: "invoice", Delta: -30}, {Word: "ref", Delta: -30},
			{Word: "reference", Delta: -30}, {Word: "tracking", Delta: -30}, {Word: "transaction", Delta: -30},
			{Word: "imei", Delta: -30}, {Word: "isbn", Delta: -30}, {Word: "iccid", Delta: -30},
		}},
	}
}

// cardRun finds the run of digit groups joined by single spaces or
// hyphens around the digit at h, when it can be a card: one run of 12 to
// 19 digits, or 3 to 5 groups, the first of 4, joined by one separator
// used throughout, no longer than cardMaxLen and grouped as cardGrouping
// allows. It returns the run and its group lengths; ok is false for
// every other run, which Detect rejects, and then e is the end of the
// run at h or of a later group of its chain. The whole chain is looked
// at from any hit in it, so it is rejected from all of them alike, and
// the hits before e need not be looked at.
func cardRun(t []byte, h int, gl *[8]int) (s, e, n int, sep byte, ok bool) {
	a := h
	if a > 0 && intlDigit(t[a-1]) {
		a = intlDigitStart(t, a)
	}
	var b int
	if h+8 <= len(t) {
		// The first word inline (a run of at most 7 digits: most of them).
		b = h + bits.TrailingZeros64(^intlDigitMask(binary.LittleEndian.Uint64(t[h:]))&intlHigh)>>3
		if b == h+8 {
			b = intlDigitEnd(t, b)
		}
	} else {
		b = intlDigitEnd(t, h)
	}
	if l := b - a; l > 6 {
		// Contiguous: 12 to 19 digits, not joined to another group (no
		// printed grouping has a group of more than 6).
		if l < 12 || l > 19 || a >= 2 && (t[a-1] == ' ' || t[a-1] == '-') && intlDigit(t[a-2]) ||
			b+1 < len(t) && (t[b] == ' ' || t[b] == '-') && intlDigit(t[b+1]) {
			return 0, b, 0, 0, false
		}
		gl[0] = l
		return a, b, 1, 0, true
	}
	// Printed in groups of at most 6 digits: back to the first group,
	// which has 4.
	var before [4]int // lengths of the groups before a, last first
	nb := 0
	s = a
	g := b // end of the group starting at s
	for s >= 2 && (t[s-1] == ' ' || t[s-1] == '-') && intlDigit(t[s-2]) {
		if sep == 0 {
			sep = t[s-1]
		} else if t[s-1] != sep {
			return 0, b, 0, 0, false // mixed separators
		}
		if nb == len(before) {
			return 0, b, 0, 0, false // more than 5 groups
		}
		g = s - 1
		s = g - 1
		for s > 0 && intlDigit(t[s-1]) && g-s <= 6 {
			s--
		}
		if g-s > 6 || b-s > cardMaxLen {
			return 0, b, 0, 0, false
		}
		before[nb] = g - s
		nb++
	}
	if g-s != 4 {
		return 0, b, 0, 0, false
	}
	for i := range nb {
		gl[i] = before[nb-1-i]
	}
	gl[nb] = b - a
	n = nb + 1
	e = b
	for e+1 < len(t) && (t[e] == ' ' || t[e] == '-') && intlDigit(t[e+1]) {
		if sep == 0 {
			sep = t[e]
		} else if t[e] != sep {
			return 0, e, 0, 0, false
		}
		if n == 5 {
			return 0, e, 0, 0, false
		}
		g := e + 1
		e = g + 1
		for e < len(t) && intlDigit(t[e]) && e-g <= 6 {
			e++
		}
		if e-g > 6 || e-s > cardMaxLen {
			return 0, e, 0, 0, false
		}
		gl[n] = e - g
		n++
	}
	if !cardGrouping(gl[:n], 0) {
		return 0, e, 0, 0, false
	}
	return s, e, n, sep, true
}

func (card) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	var gl [8]int
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		if h >= 9 && h+8 <= len(t) && (t[h-1] == ' ' || t[h-1] == '-') && intlDigit(t[h-2]) {
			// The commonest hit, a group after a group: the last group
			// of a phone number (+44 7700 900123) more than anything. As
			// cardRun would: the run at h of at most 6 digits (b), the
			// group before it, of L digits; a group of 7 or more, or a
			// first group not of 4, rejects the chain, and then cardRun
			// returns b as the end. Other cases go to cardRun.
			if d := bits.TrailingZeros64(^intlDigitMask(binary.LittleEndian.Uint64(t[h:]))&intlHigh) >> 3; d <= 6 {
				l := bits.LeadingZeros64(^intlDigitMask(binary.LittleEndian.Uint64(t[h-9:]))&intlHigh) >> 3
				if s := h - 1 - l; l >= 7 || l != 4 && !((t[s-1] == ' ' || t[s-1] == '-') && intlDigit(t[s-2])) {
					next = h + d
					continue
				}
			}
		}
		s, e, n, sep, ok := cardRun(t, h, &gl)
		next = e
		if !ok {
			continue
		}
		// t[s:e] is n groups of digits joined by single bytes: e-s-(n-1)
		// digits, and a known issuer needs a length its first digit allows.
		if !ok || e-s > cardMaxLen || (n > 1 && sep == 0) || cardLens[t[s]-'0']>>(e-s-n+1)&1 == 0 || intlEdge(w, s, e, 3) {
			continue
		}
		if intlGluedBefore(t, s) || intlGluedAfter(t, e) {
			continue
		}
		var d [19]byte
		nd := 0
		for i := s; i < e; i++ {
			if intlDigit(t[i]) {
				if nd == len(d) {
					nd = 0
					break
				}
				d[nd] = t[i]
				nd++
			}
		}
		if nd < 12 {
			continue
		}
		iss := cardIssuer(d[:nd])
		if iss == CardUnknown || !cardLuhn(d[:nd]) || cardSame(d[:nd]) {
			continue
		}
		score := 60
		if n > 1 {
			if !cardGrouping(gl[:n], nd) {
				continue
			}
			score = 70
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: iss})
	}
	return dst, nil
}

// cardLens has bit n of entry d set when cardIssuer can know a number of
// n digits whose first digit is d: UATP 15 (1); Mir 16-19 and
// Mastercard 16 (2); Amex 15, Diners 14-19, JCB 16-19 (3); Visa 13, 16,
// 19 (4); Mastercard 16 and Maestro 12-19 (5); Discover and UnionPay
// 16-19, Maestro 12-19 (6). TestCardLens checks it against cardIssuer.
var cardLens = [10]uint32{
	1: 1 << 15,
	2: 0xf << 16,
	3: 0x3f << 14,
	4: 1<<13 | 1<<16 | 1<<19,
	5: 0xff << 12,
	6: 0xff << 12,
}

// cardGrouping reports whether group lengths gl are a way cards are
// printed.
func cardGrouping(gl []int, nd int) bool {
	switch len(gl) {
	case 3: // 4-6-5 (Amex), 4-6-4 (Diners)
		return gl[0] == 4 && gl[1] == 6 && (gl[2] == 5 || gl[2] == 4)
	case 4: // 4-4-4-4, 4-4-4-3
		return gl[0] == 4 && gl[1] == 4 && gl[2] == 4 && (gl[3] == 4 || gl[3] == 3)
	case 5: // 4-4-4-4-1..3
		return gl[0] == 4 && gl[1] == 4 && gl[2] == 4 && gl[3] == 4 && gl[4] >= 1 && gl[4] <= 3
	}
	return false
}

// cardLuhn reports whether the digits pass the Luhn (mod 10) check.
func cardLuhn(d []byte) bool {
	sum := 0
	dbl := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if dbl {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		dbl = !dbl
	}
	return sum%10 == 0
}

func cardSame(d []byte) bool {
	for _, c := range d[1:] {
		if c != d[0] {
			return false
		}
	}
	return true
}

func cardPrefix(d []byte, n int) int {
	v := 0
	for _, c := range d[:n] {
		v = v*10 + int(c-'0')
	}
	return v
}

// cardIssuer returns the issuer whose range and lengths fit the digits.
func cardIssuer(d []byte) uint32 {
	n := len(d)
	p2, p3, p4, p6 := cardPrefix(d, 2), cardPrefix(d, 3), cardPrefix(d, 4), cardPrefix(d, 6)
	in := func(lo, hi int) bool { return lo <= n && n <= hi }
	switch {
	case p2 == 34 || p2 == 37:
		if n == 15 {
			return CardAmex
		}
	case p3 >= 300 && p3 <= 305 || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39:
		if in(14, 19) {
			return CardDiners
		}
	case p4 >= 3528 && p4 <= 3589:
		if in(16, 19) {
			return CardJCB
		}
	case d[0] == '4':
		if n == 13 || n == 16 || n == 19 {
			return CardVisa
		}
	case p4 >= 2200 && p4 <= 2204:
		if in(16, 19) {
			return CardMir
		}
	case p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720:
		if n == 16 {
			return CardMastercard
		}
	case p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925:
		if in(16, 19) {
			return CardDiscover
		}
	case p2 == 62:
		if in(16, 19) {
			return CardUnionPay
		}
	case p2 == 50 || p2 >= 56 && p2 <= 58 || p4 == 6304 || p4 == 6759 || p4 >= 6761 && p4 <= 6763:
		if in(12, 19) {
			return CardMaestro
		}
	case d[0] == '1':
		if n == 15 {
			return CardUATP
		}
	}
	return CardUnknown
}
