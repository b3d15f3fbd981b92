package markings

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// parseTests are per-scheme vectors from MARKINGS.md (the policy figures
// and examples it cites: [S1]/[S2] UK GSCP, [S13]/[S16] GPMS, [S18]/[S26]
// NATO, [S21] EU, [S28]/[S31]/[S34] US, [S20] AU EPMS, [S44] NZ, [S48] CA).
var parseTests = []struct {
	in        string
	scheme    Scheme
	level     Level
	canonical string
	flags     Flags    // must be set
	noFlags   Flags    // must not be set
	parts     []string // expected descriptors+handling+caveats+codewords, in that order
}{
	// UK GSCP
	{"OFFICIAL", UKGSC, Official, "OFFICIAL", 0, NonCanonical | Legacy, nil},
	{"OFFICIAL-SENSITIVE", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE", 0, NonCanonical, nil},
	{"official sensitive", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE", NonCanonical, 0, nil},
	{"Official – Sensitive", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE", NonCanonical, 0, nil},
	{"OFFICIAL-SENSITIVE - RECIPIENTS ONLY", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - RECIPIENTS ONLY", 0, PolicyInvalid, []string{"RECIPIENTS ONLY"}},
	{"SECRET - RECIPIENTS ONLY - COMMERCIAL", UKGSC, Secret, "SECRET - RECIPIENTS ONLY - COMMERCIAL", 0, 0, []string{"COMMERCIAL", "RECIPIENTS ONLY"}},
	{"UK SECRET - NIGHTJAR - UK EYES ONLY", UKGSC, Secret, "UK SECRET - NIGHTJAR - UK EYES ONLY", 0, PolicyInvalid, []string{"UK EYES ONLY", "NIGHTJAR"}},
	{"OFFICIAL-SENSITIVE - PERSONAL DATA", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - PERSONAL DATA", PersonalData, 0, []string{"PERSONAL DATA"}},
	{"OFFICIAL: SENSITIVE: PERSONAL", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - PERSONAL", PersonalData | NonCanonical, 0, []string{"PERSONAL"}},
	{"OFFICIAL-SENSITIVE [COMMERCIAL]", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - COMMERCIAL", 0, 0, []string{"COMMERCIAL"}},
	{"OFFICIAL - UK EYES ONLY", UKGSC, Official, "OFFICIAL - UK EYES ONLY", PolicyInvalid, 0, []string{"UK EYES ONLY"}},
	{"OFFICIAL-SENSITIVE - FOR PUBLIC RELEASE", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - FOR PUBLIC RELEASE", PolicyInvalid, 0, []string{"FOR PUBLIC RELEASE"}},
	{"OFFICIAL: POLICE ONLY", UKGSC, Official, "OFFICIAL - POLICE ONLY", 0, 0, []string{"POLICE ONLY"}},
	{"UK OFFICIAL-SENSITIVE", UKGSC, OfficialSensitive, "UK OFFICIAL-SENSITIVE", 0, 0, nil},
	{"OFFICIAL-SENSITIVE - LEGAL PROFESSIONAL PRIVILEGE (LPP)", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - LEGAL PROFESSIONAL PRIVILEGE (LPP)", 0, 0, []string{"LEGAL PROFESSIONAL PRIVILEGE (LPP)"}},
	{"OFFICIAL-SENSITIVE - HR / MANAGEMENT", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE - HR/MANAGEMENT", PersonalData, 0, []string{"HR/MANAGEMENT"}},
	{"SECRET - CODEWORD - UK EYES ONLY", UKGSC, Secret, "SECRET - UK EYES ONLY", Placeholder, 0, []string{"UK EYES ONLY"}},
	{"TOP SECRET", UKGSC, TopSecret, "TOP SECRET", 0, 0, nil},
	{"TOP SECRET STRAP1", UKGSC, TopSecret, "TOP SECRET - STRAP1", 0, PolicyInvalid, []string{"STRAP1"}},
	{"TOP SECRET STRAP 1", UKGSC, TopSecret, "TOP SECRET - STRAP 1", 0, 0, []string{"STRAP 1"}},
	{"SECRET - STRAP2 - UK EYES ONLY", UKGSC, Secret, "SECRET - STRAP2 - UK EYES ONLY", 0, PolicyInvalid, []string{"UK EYES ONLY", "STRAP2"}},
	{"SECRET STRAP2 UK EYES ONLY", UKGSC, Secret, "SECRET - STRAP2 - UK EYES ONLY", 0, 0, []string{"UK EYES ONLY", "STRAP2"}},
	{"TOP SECRET UMBRA", UKGSC, TopSecret, "TOP SECRET - UMBRA", 0, 0, []string{"UMBRA"}},
	{"SECRET NIGHTJAR", UKGSC, Secret, "SECRET - NIGHTJAR", 0, 0, []string{"NIGHTJAR"}},
	{"SECRET NIGHTJAR UK EYES ONLY", UKGSC, Secret, "SECRET - NIGHTJAR - UK EYES ONLY", 0, 0, []string{"UK EYES ONLY", "NIGHTJAR"}},
	{"TOP SECRET UMBRA UK/US EYES ONLY", UKGSC, TopSecret, "TOP SECRET - UMBRA - UK/US EYES ONLY", 0, 0, []string{"UK/US EYES ONLY", "UMBRA"}},
	{"TOP SECRET - PEGASUS - AUS/CAN/GBR/NZL/USA EYES ONLY", UKGSC, TopSecret, "TOP SECRET - PEGASUS - AUS/CAN/GBR/NZL/USA EYES ONLY", 0, 0, []string{"AUS/CAN/GBR/NZL/USA EYES ONLY", "PEGASUS"}},
	{"SECRET - FIVE EYES ONLY", UKGSC, Secret, "SECRET - FIVE EYES ONLY", 0, 0, []string{"FIVE EYES ONLY"}},
	{"SECRET NIGHTJAR - UK EYES ONLY", UKGSC, Secret, "SECRET - NIGHTJAR - UK EYES ONLY", 0, 0, []string{"UK EYES ONLY", "NIGHTJAR"}},
	{"SECRET - NIGHTJAR UK EYES ONLY", UKGSC, Secret, "SECRET - NIGHTJAR - UK EYES ONLY", 0, 0, []string{"UK EYES ONLY", "NIGHTJAR"}},
	{"UK SECRET NIGHTJAR", UKGSC, Secret, "UK SECRET - NIGHTJAR", 0, 0, []string{"NIGHTJAR"}},
	{"O F F I C I A L - S E N S I T I V E", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE", LetterSpaced | Obfuscated, 0, nil},
	{"ОFFICIAL", UKGSC, Official, "OFFICIAL", Obfuscated, 0, nil},
	{"ＯＦＦＩＣＩＡＬ－ＳＥＮＳＩＴＩＶＥ", UKGSC, OfficialSensitive, "OFFICIAL-SENSITIVE", Obfuscated, 0, nil},
	{"SEC\u200bRET", UKGSC, Secret, "SECRET", Obfuscated, 0, nil},
	// UK GPMS
	{"PROTECT - PERSONAL", UKGPMS, Protect, "PROTECT - PERSONAL", Legacy | PersonalData, 0, []string{"PERSONAL"}},
	{"RESTRICTED - POLICY", UKGPMS, Restricted, "RESTRICTED - POLICY", Legacy, 0, []string{"POLICY"}},
	{"CONFIDENTIAL", UKGPMS, Confidential, "CONFIDENTIAL", Legacy, 0, nil},
	{"NOT PROTECTIVELY MARKED", UKGPMS, NotProtectivelyMarked, "NOT PROTECTIVELY MARKED", Legacy, 0, nil},
	{"Protect – HR", UKGPMS, Protect, "PROTECT - HR", Legacy, 0, []string{"HR"}},
	// NATO
	{"NATO SECRET", NATO, Secret, "NATO SECRET", 0, 0, nil},
	{"COSMIC TOP SECRET", NATO, TopSecret, "COSMIC TOP SECRET", 0, 0, nil},
	{"COSMIC TOP SECRET ATOMAL", NATO, TopSecret, "COSMIC TOP SECRET ATOMAL", 0, 0, []string{"ATOMAL"}},
	{"NATO UNCLASSIFIED", NATO, Unclassified, "NATO UNCLASSIFIED", 0, 0, nil},
	{"SECRET ATOMAL", NATO, Secret, "NATO SECRET ATOMAL", 0, 0, []string{"ATOMAL"}},
	{"CONFIDENTIEL OTAN", NATO, Confidential, "NATO CONFIDENTIAL", 0, 0, nil},
	{"DIFFUSION RESTREINTE OTAN", NATO, Restricted, "NATO RESTRICTED", 0, 0, nil},
	// EU
	{"RESTREINT UE/EU RESTRICTED", EU, Restricted, "RESTREINT UE/EU RESTRICTED", 0, 0, nil},
	{"TRÈS SECRET UE/EU TOP SECRET", EU, TopSecret, "TRES SECRET UE/EU TOP SECRET", 0, NonCanonical, nil},
	{"SECRET UE", EU, Secret, "SECRET UE/EU SECRET", 0, 0, nil},
	{"EU CONFIDENTIAL", EU, Confidential, "CONFIDENTIEL UE/EU CONFIDENTIAL", 0, 0, nil},
	{"LIMITE", EU, Limite, "LIMITE", 0, NonCanonical, nil},
	{"EU LIMITE", EU, Limite, "LIMITE", 0, NonCanonical, nil},
	// US
	{"TOP SECRET//SI//NOFORN", US, TopSecret, "TOP SECRET//SI//NOFORN", 0, 0, []string{"NOFORN", "SI"}},
	{"TOP SECRET//SI/TK//ORCON/NOFORN", US, TopSecret, "TOP SECRET//SI/TK//ORCON/NOFORN", 0, 0, []string{"ORCON", "NOFORN", "SI", "TK"}},
	{"SECRET//REL TO USA, FVEY", US, Secret, "SECRET//REL TO USA, FVEY", 0, 0, []string{"REL TO USA, FVEY"}},
	{"UNCLASSIFIED//FOR OFFICIAL USE ONLY", US, Unclassified, "UNCLASSIFIED//FOR OFFICIAL USE ONLY", Legacy, 0, []string{"FOR OFFICIAL USE ONLY"}},
	{"CUI//SP-PRVCY", US, CUI, "CUI//SP-PRVCY", PersonalData, 0, []string{"SP-PRVCY"}},
	{"(S//NF)", US, Secret, "(S//NF)", 0, 0, []string{"NF"}},
	{"(TS//SI//OC/NF)", US, TopSecret, "(TS//SI//OC/NF)", 0, 0, []string{"OC", "NF", "SI"}},
	{"(U//FOUO)", US, Unclassified, "(U//FOUO)", Legacy, 0, []string{"FOUO"}},
	{"(CUI)", US, CUI, "(CUI)", 0, 0, nil},
	// AU
	{"PROTECTED", AU, Protected, "PROTECTED", 0, 0, nil},
	{"UNOFFICIAL", AU, Unofficial, "UNOFFICIAL", 0, 0, nil},
	{"OFFICIAL: Sensitive", AU, OfficialSensitive, "OFFICIAL: Sensitive", 0, 0, nil},
	{"OFFICIAL:Sensitive//Personal-Privacy", AU, OfficialSensitive, "OFFICIAL: Sensitive//Personal-Privacy", PersonalData, 0, []string{"Personal-Privacy"}},
	{"PROTECTED//Legal-Privilege", AU, Protected, "PROTECTED//Legal-Privilege", 0, 0, []string{"Legal-Privilege"}},
	{"[SEC=OFFICIAL:Sensitive, ACCESS=Legal-Privilege]", AU, OfficialSensitive, "OFFICIAL: Sensitive//Legal-Privilege", 0, NonCanonical, []string{"Legal-Privilege"}},
	{"[SEC=OFFICIAL:Sensitive, CAVEAT=SH:NATIONAL-CABINET]", AU, OfficialSensitive, "OFFICIAL: Sensitive//SH:NATIONAL-CABINET", 0, PolicyInvalid, []string{"SH:NATIONAL-CABINET"}},
	{"[SEC=SECRET, CAVEAT=SH:ACCOUNTABLE-MATERIAL, CAVEAT=RI:AUSTEO]", AU, Secret, "SECRET//SH:ACCOUNTABLE-MATERIAL/RI:AUSTEO", 0, 0, []string{"SH:ACCOUNTABLE-MATERIAL", "RI:AUSTEO"}},
	{"[SEC=OFFICIAL, CAVEAT=SH:CABINET]", AU, Official, "OFFICIAL//SH:CABINET", PolicyInvalid, 0, []string{"SH:CABINET"}},
	{"[SEC=OFFICIAL: Sensitive]", AU, OfficialSensitive, "OFFICIAL: Sensitive", NonCanonical, 0, nil},
	{"[sec=protected]", AU, Protected, "PROTECTED", NonCanonical, 0, nil},
	{"[DLM=Sensitive:Personal]", AU, OfficialSensitive, "OFFICIAL: Sensitive//Sensitive:Personal", Legacy | PersonalData, 0, []string{"Sensitive:Personal"}},
	{"X-Protective-Marking: VER=2018.4, NS=gov.au, SEC=OFFICIAL:Sensitive, ORIGIN=jane@example.gov.au", AU, OfficialSensitive, "OFFICIAL: Sensitive", 0, 0, nil},
	{"(O:S)", AU, OfficialSensitive, "(O:S)", 0, 0, nil},
	// NZ
	{"IN-CONFIDENCE", NZ, InConfidence, "IN-CONFIDENCE", 0, 0, nil},
	{"MEDICAL IN-CONFIDENCE", NZ, InConfidence, "MEDICAL IN-CONFIDENCE", PersonalData, 0, nil},
	{"BUDGET SENSITIVE", NZ, Sensitive, "BUDGET SENSITIVE", 0, 0, nil},
	{"SECRET//REL TO NZL, GBR", NZ, Secret, "SECRET//REL TO NZL, GBR", 0, 0, []string{"REL TO NZL, GBR"}},
	{"STAFF-IN-CONFIDENCE", AU, InConfidence, "IN-CONFIDENCE", Legacy, 0, nil},
	// CA
	{"PROTECTED B", CA, ProtectedB, "PROTECTED B", 0, 0, nil},
	{"Protected A", CA, ProtectedA, "PROTECTED A", 0, 0, nil},
	{"PROTECTED C", CA, ProtectedC, "PROTECTED C", 0, 0, nil},
	{"PROTECTED B / PROTÉGÉ B", CA, ProtectedB, "PROTECTED B", 0, 0, nil},
	{"SECRET//CANADIAN EYES ONLY", CA, Secret, "SECRET//CANADIAN EYES ONLY", 0, 0, []string{"CANADIAN EYES ONLY"}},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		m, err := Parse([]byte(tt.in))
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if m.Scheme != tt.scheme || m.Level != tt.level {
			t.Errorf("Parse(%q) = %v %v, want %v %v", tt.in, m.Scheme, m.Level, tt.scheme, tt.level)
		}
		if got := m.Canonical(); got != tt.canonical {
			t.Errorf("Parse(%q).Canonical() = %q, want %q", tt.in, got, tt.canonical)
		}
		if m.Flags&tt.flags != tt.flags || m.Flags&tt.noFlags != 0 {
			t.Errorf("Parse(%q).Flags = %v, want %v set and %v clear", tt.in, m.Flags, tt.flags, tt.noFlags)
		}
		parts := slices.Concat(m.Descriptors, m.Handling, m.Caveats, m.Codewords)
		if tt.parts != nil && !slices.Equal(parts, tt.parts) {
			t.Errorf("Parse(%q) parts = %q, want %q", tt.in, parts, tt.parts)
		}
	}
}

// TestParseInvalid: look-alikes and junk are not markings.
func TestParseInvalid(t *testing.T) {
	for _, in := range []string{
		"", "   ", "Official Secrets Act", "SECRET SANTA", "secret recipe", "SECRET ABC123", "TOP SECRET PROJECT", "SECRET SERVICE", "TOP SECRET RECIPE", "SECRET PLANS UK EYES ONLY", "SECRET - FOO UK EYES ONLY", "OFFICIAL-SENSITIVE REF 2021/45", "restricted area", "SECRET_KEY",
		"protected void", "item(s)", "(C) copyright", "This email is confidential", "(s)", "(X//Y)",
		"[SEC=BANANA]", "[SEC=OFFICIAL", "X-Protective-Marking VER=1", "NATO summit", "cui bono", "PROTECTED B-roll",
		"UK", "TOP", "COSMIC", "\xff\xfe", "SEC=",
	} {
		if m, err := Parse([]byte(in)); !errors.Is(err, ErrNotMarking) {
			t.Errorf("Parse(%q) = %v, %v; want ErrNotMarking", in, m.Canonical(), err)
		}
	}
}

func TestEquivalents(t *testing.T) {
	m, _ := Parse([]byte("CONFIDENTIAL"))
	if !slices.Equal(m.Equivalent, []Level{OfficialSensitive, Secret}) {
		t.Errorf("CONFIDENTIAL equivalents = %v", m.Equivalent)
	}
	m, _ = Parse([]byte("RESTRICTED"))
	if !slices.Equal(m.Equivalent, []Level{Official, OfficialSensitive}) || !slices.Contains(m.Alt, NZ) {
		t.Errorf("RESTRICTED = %v alt %v", m.Equivalent, m.Alt)
	}
}

func TestHighest(t *testing.T) {
	var ms []Marking
	for _, s := range []string{"OFFICIAL", "NATO RESTRICTED", "SECRET//NOFORN", "PROTECTED B"} {
		m, err := Parse([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if h := Highest(ms); h.Canonical() != "SECRET//NOFORN" || h.Severity() != 4 {
		t.Errorf("Highest = %v (severity %d)", h.Canonical(), h.Severity())
	}
	if h := Highest(nil); h.Level != LevelNone {
		t.Errorf("Highest(nil) = %v", h)
	}
	// a mention loses a tie to an applied marking
	a, m := Marking{Level: Secret, Placement: Banner}, Marking{Level: Secret, Placement: Inline}
	if h := Highest([]Marking{m, a}); h.Placement != Banner {
		t.Errorf("Highest tie = %v", h.Placement)
	}
}

func TestStrings(t *testing.T) {
	for _, s := range []string{Scheme(0).String(), UKGSC.String(), Level(99).String(), Placement(99).String(), Scheme(99).String()} {
		_ = s
	}
	if got := (Legacy | Obfuscated).String(); got != "legacy|obfuscated" {
		t.Errorf("Flags.String() = %q", got)
	}
	if !Banner.Applied() || Inline.Applied() || PlacementUnknown.Applied() {
		t.Error("Placement.Applied")
	}
	if strings.Join(placementNames[:], ",") == "" {
		t.Error("placement names")
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b)
		if err != nil {
			return
		}
		if m.Level == LevelNone || m.Scheme == SchemeUnknown {
			t.Fatalf("Parse(%q) = level %v scheme %v without error", b, m.Level, m.Scheme)
		}
		_ = m.Canonical()
		if s := m.Severity(); s < 0 || s > 5 {
			t.Fatalf("severity %d", s)
		}
	})
}
