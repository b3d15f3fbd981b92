package pii_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark"
	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// TestRunGatingEquivalence checks every run-filtered detector of the
// default bundle on the synthetic corpora (every density, with planted
// data and near-misses) and on hand-made hard text: the findings with the
// filter must equal those without it, or AcceptRun drops runs a match
// needs. detecttest.Run checks the same on each detector's own inputs.
func TestRunGatingEquivalence(t *testing.T) {
	size := int64(2 << 20)
	if testing.Short() {
		size = 256 << 10
	}
	var texts [][]byte
	for i, d := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		b, _ := corpus.Bytes(corpus.Config{Seed: uint64(7 + i), Size: size, Density: d})
		texts = append(texts, b)
	}
	texts = append(texts, []byte(gateHardText))
	n := 0
	for _, d := range tidemark.Detectors() {
		if _, ok := d.(detect.RunFilter); !ok {
			continue
		}
		n++
		id := d.Spec().ID
		t.Run(strings.ReplaceAll(id, "/", "."), func(t *testing.T) {
			gated := detect.MustCompile([]detect.Detector{d}, &detect.Options{MinScore: 0})
			plain := detect.MustCompile([]detect.Detector{detecttest.Ungated(d)}, &detect.Options{MinScore: 0})
			for ti, text := range texts {
				got, _ := gated.AppendFind(nil, text)
				want, _ := plain.AppendFind(nil, text)
				if !slices.Equal(got, want) {
					t.Errorf("text %d: gated %d findings, ungated %d; first difference: %s", ti, len(got), len(want), firstDiff(text, got, want))
				}
			}
		})
	}
	t.Logf("%d run-filtered detectors", n)
}

// TestRunGatingEquivalenceBundle checks the run-filtered detectors
// together: a run most of them accept is handed to each (the engine's
// distribution of a run among several members), and the findings must
// equal those of the same detectors without their filters.
func TestRunGatingEquivalenceBundle(t *testing.T) {
	size := int64(2 << 20)
	if testing.Short() {
		size = 256 << 10
	}
	var gated, plain []detect.Detector
	for _, d := range tidemark.Detectors() {
		if _, ok := d.(detect.RunFilter); ok {
			gated = append(gated, d)
			plain = append(plain, detecttest.Ungated(d))
		}
	}
	if len(gated) < 2 {
		t.Fatalf("%d run-filtered detectors: the test needs several", len(gated))
	}
	ge := detect.MustCompile(gated, &detect.Options{MinScore: 0})
	pe := detect.MustCompile(plain, &detect.Options{MinScore: 0})
	for i, d := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		text, _ := corpus.Bytes(corpus.Config{Seed: uint64(17 + i), Size: size, Density: d})
		for ti, text := range [][]byte{text, []byte(gateHardText)} {
			got, _ := ge.AppendFind(nil, text)
			want, _ := pe.AppendFind(nil, text)
			if len(want) == 0 {
				t.Fatalf("%s text %d: no findings: the test exercises nothing", d, ti)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s text %d: gated %d findings, ungated %d; first difference: %s", d, ti, len(got), len(want), firstDiff(text, got, want))
			}
		}
	}
}

func firstDiff(text []byte, got, want []detect.Finding) string {
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("missing %q at %d", text[want[i].Start:want[i].End], want[i].Start)
		case i >= len(want):
			return fmt.Sprintf("extra %q at %d", text[got[i].Start:got[i].End], got[i].Start)
		case got[i] != want[i]:
			return fmt.Sprintf("%q at %d (score %d) vs %q at %d (score %d)", text[got[i].Start:got[i].End], got[i].Start, got[i].Score,
				text[want[i].Start:want[i].End], want[i].Start, want[i].Score)
		}
	}
	return "none"
}

// gateHardText packs the formats people really type, glued to every sort
// of neighbour. Numbers are synthetic: Ofcom drama ranges, documentation
// IP ranges, published test card and IBAN examples, HMRC/NHS examples.
const gateHardText = `Call 020 7946 0958, 07700 900123 or +44 (0)20 7946 0958; 0044 20 7946 0958. Tel:07700900123 (mob) tel.+447700900123
NHS no: 943 476 5919, 943-476-5919, 9434765919. CHI 0101010000; H&C 3234567890. NI: QQ 12 34 56 C, QQ123456C.
Passport 123456789; licence MORGA753116SM9IJ 12; reg AB12 CDE, A123 BCD, ABC 123D. UTR 1234567890K, K1234567890.
VAT GB 123 4567 89, GB123456789, GB 123 4567 89 001. Sort code 12-34-56 acc 12345678; 12 34 56 / 12345678.
Card 4111 1111 1111 1111, 4111-1111-1111-1111, 4111111111111111, 3714 496353 98431. IBAN GB82 WEST 1234 5698 7654 32, GB82WEST12345698765432, DE89370400440532013000.
IP 192.0.2.1, 198.51.100.23:8080, 203.0.113.0/24, 2001:db8::1, [2001:db8:85a3::8a2e:370:7334]. Build 11.16.7.124, v1.2.3.
DOB 12/03/1961, born 12.03.1961, d.o.b. 1961-03-12, DOB: 12th March 1961, born on 3rd of May 1975, (DOB 01/02/03).
Address: 10 Downing Street, London SW1A 2AA; Flat 2/3, 14 High St, Leeds LS1 1AA; 221B Baker Street, London NW1 6XE. BFPO 123, GIR 0AA, EC1A 1BB.
Electoral roll AB1234; ref A12-345. [12/03/2021, 09:14:55] Sam: ok 12:30? 21:14 - Jo: 3pm £250 2021 1st 2nd 10% #42 x2 3x A4 MP3 4G COVID-19 B2B.
Next to clock times and dates: 07700 900123 12:30, 020 7946 0958 09:14:55] +44 20 7946 0958 12:30 [12/03/2021, 09:14] 943 476 5919 12/03/21
QQ 12 34 56 C 12:30; QQ 12 34 12:30 sort code 12-34-56 12:30 acc 12345678 09:14; card 4111 1111 1111 1111 12/25 exp 12/03/2025.
192.0.2.1 12:30, 2001:db8::1 12:30 fe80::1:12:30 10:20:30:40 1:2:3:4:5:6:7:8 12:34:56:78 12/03/21 High Street, Leeds LS1 1AA. Flat 12/03/21 High St.
BFPO 12/03/2021 AB 12/34/56 UA12/34/56 electoral 12:30 AB12:30 12:30! 12:30.5 12:30-45 12/3/4567 1/1/11 (12:30) "09:14" '1/2/34' <12:30>
`
