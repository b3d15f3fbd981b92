package pii

import "github.com/tidemark/tidemark/detect"

// NewUTR returns a detector for HMRC Unique Taxpayer References (UTR),
// used for Self Assessment and Corporation Tax.
//
// Matches: ten digits plain (1097172564) or in 5-5 groups separated by a
// space or a dash (10971 72564, as HMRC prints it), and plain numbers
// with a K directly before or after (1097172564K, K1097172564) as HMRC's
// own services accept them; never inside a longer number or token. 3-3-4
// groups (943 476 5919) are the NHS number's layout and are not UTRs.
//
// Validation: the HMRC check digit is the first digit: the other nine
// are weighted 6, 7, 8, 9, 10, 5, 4, 3, 2, and the sum modulo 11 indexes
// "21987654321" (hmrc/reference-checker, UtrReferenceChecker). One
// repeated digit is rejected.
//
// Triggers: ASCII digits.
//
// Run filter: ten digits (K on at most one side) or 5-5 groups; see uk_gate.go.
//
// Scores: 15 for bare digits (one random number in eleven passes), 40
// with a K; +55 near "UTR", +50 near "unique taxpayer reference" or
// "taxpayer reference", +40 near "tax reference", +25 near "self
// assessment" or "corporation tax", +20 near "HMRC"; −30 near "NHS",
// "phone", "tel"; −20 near "invoice", "order". Info is the format
// (UKFormatPlain, UKFormatSpaced, UKFormatDashed, with the UKFormatK flag).
//
// Known false positives: ten-digit references that pass the check (1 in
// 11) score 15 without context. Known false negatives: the 13-digit form
// some HMRC letters print.
func NewUTR() detect.Detector { return ukUTR{} }

type ukUTR struct{}

var _ detect.Detector = ukUTR{}

func (ukUTR) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-utr", Kind: KindUTR, MaxLen: 12,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("utr", 55), ukCue("unique taxpayer reference", 50), ukCue("taxpayer reference", 50),
			ukCue("tax reference", 40), ukCue("self assessment", 25), ukCue("corporation tax", 25),
			ukCue("hmrc", 20), ukCue("nhs", -30), ukCue("phone", -30), ukCue("tel", -30),
			ukCue("invoice", -20), ukCue("order", -20),
		}},
		Description: "HMRC Unique Taxpayer Reference (10 digits, leading check digit)",
	}
}

// ukUTROK reports whether ten digits are a valid UTR.
func ukUTROK(d []byte) bool {
	const weights = "\x06\x07\x08\x09\x0a\x05\x04\x03\x02"
	const table = "21987654321"
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i+1]) * int(weights[i])
	}
	return table[sum%11]-'0' == d[0] && !ukAllSame(d[:10])
}

func (ukUTR) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	it := ukTenIter{w: w, five: true, withK: true}
	var dg ukDigits
	for {
		s, e, format, ok := it.nextCand(&dg)
		if !ok {
			return dst, nil
		}
		// 3-3-4 groups are the NHS number's layout, never HMRC's.
		if ukDigitRunEnd(w.Text, s)-s == 3 || !ukUTROK(dg.d[:10]) {
			continue
		}
		score := 15
		if format&UKFormatK != 0 {
			score = 40
		}
		dst = append(dst, ukFinding(w, s, e, score, format))
	}
}

// Info values of [NewUKVAT] findings.
const (
	UKVATStandard   uint32 = 1 // nine digits
	UKVATBranch     uint32 = 2 // twelve digits: nine plus a branch identifier
	UKVATGovernment uint32 = 3 // GD plus three digits below 500
	UKVATHealth     uint32 = 4 // HA plus three digits from 500
	UKVATPrefixed   uint32 = 8 // flag: written with a GB or XI prefix
)

// NewUKVAT returns a detector for UK VAT registration numbers.
//
// Matches: GB or XI (Northern Ireland) followed, directly or after one
// space, by nine digits plain or in 3-4-2 groups separated by spaces
// (GB 980 7806 84, GB980780684), optionally with a three-digit branch
// identifier (twelve digits); GBGD plus three digits (government
// departments) and GBHA plus three digits (health authorities). Without
// the prefix, nine digits (plain or 3-4-2) are candidates only when the
// word "VAT" is within the cue radius.
//
// Validation: the HMRC weighted modulus 97 check (weights 8..2 on the
// first seven digits, the last two are the check): the sum plus the
// check is divisible by 97, or, for numbers from 100 0000 00, the sum
// plus the check plus 55 is (the 2010 "9755" scheme). GD numbers are
// below 500 and HA numbers 500 or above.
//
// Triggers: ASCII digits.
//
// Run filter: 9 or 12 digits, 3-4-2(-3) space-separated groups, GBGD/GBHA digits, never before a letter; see uk_gate.go.
//
// Scores: 60 with the prefix, 40 without it (the "VAT" cue then adds
// 30); +30 near "VAT", +10 near "HMRC"; −30 near "phone" or "tel",
// −20 near "order". Info holds UKVAT* values.
//
// Known false positives: nine-digit numbers next to the word VAT that
// pass the check but are amounts or references. Known false negatives:
// EU-style "GB-" with other punctuation.
func NewUKVAT() detect.Detector { return ukVAT{} }

type ukVAT struct{}

var _ detect.Detector = ukVAT{}

func (ukVAT) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-vat", Kind: KindUKVAT, MaxLen: 18,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 48, Words: []detect.Cue{
			ukCue("vat", 30), ukCue("hmrc", 10), ukCue("phone", -30), ukCue("tel", -30), ukCue("order", -20),
		}},
		Description: "UK VAT registration number (GB/XI prefix, modulus 97 check)",
	}
}

// ukVATOK reports whether nine digits pass the VAT check.
func ukVATOK(d []byte) bool {
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(d[i]) * (8 - i)
	}
	total := sum + int(d[7])*10 + int(d[8])
	if total%97 == 0 {
		return true
	}
	return ukPrefix3(d) >= 100 && (total+55)%97 == 0
}

func (ukVAT) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	var dg ukDigits
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		s := ukDigitRunStart(t, i)
		re := ukDigitRunEnd(t, i)
		next = re
		// Prefix: GB/XI directly or after one space, or GBGD/GBHA.
		ps := -1
		if s >= 4 && ukIsGBXI(t[s-4], t[s-3]) && (t[s-2] == 'G' && t[s-1] == 'D' || t[s-2] == 'H' && t[s-1] == 'A') && ukTokenStart(t, s-4) {
			if re-s != 3 || !ukNumAfter(t, re, false) || !ukEdgeOK(w, s-4, re, 2) {
				continue
			}
			n := int(t[s]-'0')*100 + int(t[s+1]-'0')*10 + int(t[s+2]-'0')
			info := UKVATGovernment
			if t[s-2] == 'H' {
				info = UKVATHealth
				if n < 500 {
					continue
				}
			} else if n >= 500 {
				continue
			}
			dst = append(dst, ukFinding(w, s-4, re, 60, info|UKVATPrefixed))
			continue
		}
		if s >= 2 && ukIsGBXI(t[s-2], t[s-1]) && ukTokenStart(t, s-2) {
			ps = s - 2
		} else if s >= 3 && t[s-1] == ' ' && ukIsGBXI(t[s-3], t[s-2]) && ukTokenStart(t, s-3) {
			ps = s - 3
		}
		var e int
		var info uint32
		switch re - s {
		case 9, 12:
			var ok bool
			g := "\x09"
			if re-s == 12 {
				g = "\x0c"
			}
			if e, _, ok = ukGroups(t, s, g, "", &dg); !ok || !ukNumAfter(t, e, false) {
				continue
			}
			info = UKVATStandard
			if re-s == 12 {
				info = UKVATBranch
			}
		case 3:
			// 3-4-2 has its spaces at s+3 and s+8 (the first is the
			// byte after the run).
			if s+8 >= len(t) || t[s+8] != ' ' {
				continue
			}
			var ok bool
			e, _, ok = ukGroups(t, s, "\x03\x04\x02", " ", &dg)
			if !ok {
				continue
			}
			info = UKVATStandard
			if e2, _, ok2 := ukGroups(t, s, "\x03\x04\x02\x03", " ", &dg); ok2 && ukNumAfter(t, e2, true) {
				e, info = e2, UKVATBranch
			} else if _, _, ok = ukGroups(t, s, "\x03\x04\x02", " ", &dg); !ok || !ukNumAfter(t, e, true) {
				continue
			}
		default:
			continue
		}
		start, score := ps, 60
		if ps < 0 {
			start, score = s, 40
			if !ukNumBefore(t, s, re-s == 3) {
				continue
			}
		} else {
			info |= UKVATPrefixed
		}
		if !ukEdgeOK(w, start, e, 2) || !ukVATOK(dg.d[:9]) {
			continue
		}
		if ps < 0 && !ukHasCueIn(t, s-48, e+48, &ukVATCue) {
			continue
		}
		next = e
		dst = append(dst, ukFinding(w, start, e, score, info))
	}
	return dst, nil
}

func ukIsGBXI(a, b byte) bool { return a == 'G' && b == 'B' || a == 'X' && b == 'I' }
