package pii

import (
	"github.com/tidemark/tidemark/detect"
	"testing"

	"github.com/tidemark/tidemark/detect/detecttest"
)

// ukFuzzSeeds are shared seeds for the UK fuzz targets: every case line
// and hard negative, plus edge shapes.
func ukFuzzSeeds() []string {
	seeds := []string{
		"", "0", "AB 12 34 56 C", "GIR 0AA", "BFPO 1", "12-34-56 12345678", "K1097172564",
		"MORGA753116SM9IJ 35", "GBGD001", "UA1-234 electoral", "passport 925665416",
		"\xff12\x0034", "9999999999999999999999",
	}
	for _, cs := range ukCases {
		for _, c := range cs {
			text, _ := detecttest.Parse(c)
			seeds = append(seeds, text)
		}
	}
	return append(seeds, ukHardNegatives...)
}

func FuzzUKPostcode(f *testing.F)       { detecttest.Fuzz(f, NewUKPostcode(), ukFuzzSeeds()...) }
func FuzzUKNINO(f *testing.F)           { detecttest.Fuzz(f, NewNINO(), ukFuzzSeeds()...) }
func FuzzUKNHS(f *testing.F)            { detecttest.Fuzz(f, NewNHS(), ukFuzzSeeds()...) }
func FuzzUKCHI(f *testing.F)            { detecttest.Fuzz(f, NewCHI(), ukFuzzSeeds()...) }
func FuzzUKHC(f *testing.F)             { detecttest.Fuzz(f, NewHC(), ukFuzzSeeds()...) }
func FuzzUKPassport(f *testing.F)       { detecttest.Fuzz(f, NewUKPassport(), ukFuzzSeeds()...) }
func FuzzUKDrivingLicence(f *testing.F) { detecttest.Fuzz(f, NewUKDrivingLicence(), ukFuzzSeeds()...) }
func FuzzUKVehicleReg(f *testing.F)     { detecttest.Fuzz(f, NewUKVehicleReg(), ukFuzzSeeds()...) }
func FuzzUKUTR(f *testing.F)            { detecttest.Fuzz(f, NewUTR(), ukFuzzSeeds()...) }
func FuzzUKVAT(f *testing.F)            { detecttest.Fuzz(f, NewUKVAT(), ukFuzzSeeds()...) }
func FuzzUKElectoralRoll(f *testing.F)  { detecttest.Fuzz(f, NewUKElectoralRoll(), ukFuzzSeeds()...) }
func FuzzUKSortCode(f *testing.F)       { detecttest.Fuzz(f, NewUKSortCode(), ukFuzzSeeds()...) }

// FuzzUK fuzzes every UK detector together in one engine.
func FuzzUK(f *testing.F) { detecttest.Fuzz(f, ukCombined(), ukFuzzSeeds()...) }

// ukCombined returns one detector that runs every UK detector on each
// window, so FuzzUK exercises them side by side. Its MaxLen and Radius
// are the largest of theirs; it has no cues.
func ukCombined() detect.Detector {
	ds := ukDetectors()
	sp := detect.Spec{ID: "pii/uk-all", Kind: "uk", Triggers: detect.Triggers{Bytes: detect.Digits}}
	for _, d := range ds {
		s := d.Spec()
		sp.MaxLen = max(sp.MaxLen, s.MaxLen)
		sp.Cues.Radius = max(sp.Cues.Radius, s.Cues.Radius)
	}
	return detect.Func(sp, func(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
		for _, d := range ds {
			dst, _ = d.Detect(dst, w)
		}
		return dst, nil
	})
}
