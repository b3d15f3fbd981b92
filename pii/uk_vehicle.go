package pii

import "github.com/tidemark/tidemark/detect"

// Info values of [NewUKVehicleReg] findings.
const (
	UKRegCurrent  uint32 = 1 // 2001 onwards: AB12 CDE
	UKRegPrefix   uint32 = 2 // 1983-2001: A123 BCD
	UKRegSuffix   uint32 = 3 // 1963-1983: ABC 123D
	UKRegUnspaced uint32 = 8 // flag: written without the space
)

// NewUKVehicleReg returns a detector for UK (Great Britain) vehicle
// registration marks.
//
// Matches: the current format (two-letter memory tag, two-digit age
// identifier, three random letters: AB12 CDE), the prefix format (year
// letter, 1-3 digits, three letters: A123 BCD) and the suffix format
// (three letters, 1-3 digits, year letter: ABC 123D), with one space or
// none, upper case, whole tokens only.
//
// Validation: current marks: the first letter is a DVLA region (A B C D E
// F G H K L M N O P R S V W Y), the second is not I, Q or Z, the age
// identifier is 02-29 (March) or 51-79 (September), the random letters
// are not I or Q. Prefix and suffix marks: the year letter is A-Y but not
// I, O, Q, U or Z; the three serial/area letters are not I, Q or Z; the
// number has no leading zero.
//
// Triggers: ASCII digits.
//
// Run filter: 1-3 digits between capitals, or between a capital and a space; see uk_gate.go.
//
// Scores: 35 current, 20 prefix or suffix (these shapes are common in
// codes), −10 without the space; +35 near "reg", "registration", "number
// plate", "VRM" or "VRN", +30 near "vehicle", +25 near "plate", "DVLA",
// "MOT", +20 near "car", +15 near "van", "parked", "driver"; −20 near
// "ref", "order", "invoice", "part", "model", "SKU", "flight". Info holds
// UKReg* values.
//
// Known false positives: product and part codes of the same shape,
// especially for prefix and suffix forms. Known false negatives: Northern
// Ireland marks (e.g. ABZ 1234), dateless and cherished marks.
func NewUKVehicleReg() detect.Detector { return ukVehicle{} }

type ukVehicle struct{}

var _ detect.Detector = ukVehicle{}

func (ukVehicle) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/uk-vehicle-registration", Kind: KindUKVehicleReg, MaxLen: 8,
		Triggers: detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: 64, Words: []detect.Cue{
			ukCue("reg", 35), ukCue("registration", 35), ukCue("number plate", 35), ukCue("vrm", 35),
			ukCue("vrn", 35), ukCue("vehicle", 30), ukCue("plate", 25), ukCue("dvla", 25), ukCue("mot", 25),
			ukCue("car", 20), ukCue("van", 15), ukCue("parked", 15), ukCue("driver", 15),
			ukCue("ref", -20), ukCue("order", -20), ukCue("invoice", -20), ukCue("part", -20),
			ukCue("model", -20), ukCue("sku", -20), ukCue("flight", -20),
		}},
		Description: "UK vehicle registration mark (current, prefix and suffix formats)",
	}
}

// Sets of capitals, bit c-'A' for capital c (see ukLetterIn).
var (
	ukRegLetters = ukLetterSet("ABCDEFGHJKLMNOPRSTUVWXYZ") // not I, Q
	ukRegYears   = ukLetterSet("ABCDEFGHJKLMNPRSTVWXY")    // not I, O, Q, U, Z
	ukRegSerials = ukLetterSet("ABCDEFGHJKLMNOPRSTUVWXY")  // not I, Q, Z
	ukRegAreas   = ukLetterSet("ABCDEFGHKLMNOPRSVWY")      // first letter of a current mark's area code
)

// ukLetterSet returns the set of the capitals in s.
func ukLetterSet(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		m |= 1 << (s[i] - 'A')
	}
	return m
}

// ukLetterIn reports whether c is a capital in set.
func ukLetterIn(c byte, set uint32) bool { return c-'A' < 26 && set>>(c-'A')&1 != 0 }

func ukRegLetter(c byte) bool { return ukLetterIn(c, ukRegLetters) }

func ukRegYear(c byte) bool { return ukLetterIn(c, ukRegYears) }

func ukRegSerial(c byte) bool { return ukLetterIn(c, ukRegSerials) }

// ukReg3 reports whether three letters of set start at t[i] and end a
// token.
func ukReg3(t []byte, i int, set uint32) bool {
	return i+3 <= len(t) && ukLetterIn(t[i], set) && ukLetterIn(t[i+1], set) && ukLetterIn(t[i+2], set) && ukTokenEnd(t, i+3)
}

func (ukVehicle) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		ds := ukDigitRunStart(t, i)
		de := ukDigitRunEnd(t, i)
		next = de
		n := de - ds
		if n > 3 {
			continue
		}
		s, e, info := -1, 0, uint32(0)
		// After the digits: optional space, then letters.
		gap := 0
		if de < len(t) && t[de] == ' ' {
			gap = 1
		}
		switch {
		case n == 2 && ds >= 2 && ukLetterIn(t[ds-2], ukRegAreas) && ukRegSerial(t[ds-1]) &&
			ukTokenStart(t, ds-2) && ukRegAge(t[ds], t[ds+1]) && ukReg3(t, de+gap, ukRegLetters):
			s, e, info = ds-2, de+gap+3, UKRegCurrent
		case t[ds] != '0' && ds >= 1 && ukRegYear(t[ds-1]) && ukTokenStart(t, ds-1) && ukReg3(t, de+gap, ukRegSerials):
			s, e, info = ds-1, de+gap+3, UKRegPrefix
		case t[ds] != '0' && de < len(t) && ukRegYear(t[de]) && ukTokenEnd(t, de+1):
			// Suffix: letters before the digits, directly or after a space.
			b := ds
			if b >= 1 && t[b-1] == ' ' {
				b--
				gap = 1
			} else {
				gap = 0
			}
			if b >= 3 && ukRegSerial(t[b-3]) && ukRegSerial(t[b-2]) && ukRegSerial(t[b-1]) && ukTokenStart(t, b-3) {
				s, e, info = b-3, de+1, UKRegSuffix
			}
		}
		if s < 0 || !ukEdgeOK(w, s, e, 2) {
			continue
		}
		next = e
		score := 35
		if info != UKRegCurrent {
			score = 20
		}
		if gap == 0 {
			score -= 10
			info |= UKRegUnspaced
		}
		dst = append(dst, ukFinding(w, s, e, score, info))
	}
	return dst, nil
}

// ukRegAge reports whether two digits are a current-format age
// identifier: 02-29 (March registrations 2002-2029) or 51-79 (September
// registrations 2001-2029).
func ukRegAge(a, b byte) bool {
	v := int(a-'0')*10 + int(b-'0')
	return v >= 2 && v <= 29 || v >= 51 && v <= 79
}
