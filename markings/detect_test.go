package markings

import (
	"strings"
	"testing"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/detecttest"
)

// caseLines are annotated cases (⟦…⟧ marks what must be reported at score
// 50 or more) shared by the conformance, case and fuzz tests.
var classCases = []string{
	// UK GSCP
	"⟦OFFICIAL-SENSITIVE⟧",
	"⟦OFFICIAL⟧",
	"⟦OFFICIAL-SENSITIVE - RECIPIENTS ONLY - PERSONAL DATA⟧",
	"⟦SECRET - RECIPIENTS ONLY - COMMERCIAL⟧",
	"⟦UK SECRET - NIGHTJAR - UK EYES ONLY⟧",
	"⟦UK OFFICIAL-SENSITIVE⟧",
	"Subject: RE: ⟦OFFICIAL-SENSITIVE: COMMERCIAL⟧ - PPE pricing",
	"Subject: ⟦OFFICIAL-SENSITIVE⟧: Covid contract",
	"FW: ⟦OFFICIAL SENSITIVE⟧ minutes",
	"⟦OFFICIAL: SENSITIVE: PERSONAL⟧",
	"⟦Official Sensitive⟧",
	"⟦OFFICIAL – SENSITIVE⟧",
	"⟦OFFICIAL‑SENSITIVE⟧",
	"⟦OFFICIAL−SENSITIVE⟧",
	"⟦OFFICIAL-\nSENSITIVE⟧",
	"this is ⟦official sensitive⟧ btw",
	"it's ⟦Official-Sensitive⟧ so don't forward",
	"⟦OFFICIAL: POLICE ONLY⟧",
	"⟦OFFICIAL-SENSITIVE [PERSONAL]⟧",
	"⟦TOP SECRET⟧",
	"⟦SECRET⟧",
	"Classification: ⟦SECRET⟧",
	"[12/03/2021, 09:14:55] Jo Bloggs: ⟦SECRET⟧",
	"12/03/2021, 21:14 - Sam Taylor: ⟦official sensitive⟧",
	"[12/03/2021, 09:14:55] Jo Bloggs: ⟦OFFICIAL-SENSITIVE⟧ - don't share",
	"⟦S E C R E T⟧",
	// STRAP (UK handling codeword with a digit)
	"⟦TOP SECRET STRAP1⟧",
	"⟦TOP SECRET STRAP 1⟧",
	"⟦SECRET STRAP2⟧",
	"⟦SECRET STRAP 3⟧",
	"⟦SECRET - STRAP2⟧",
	"⟦SECRET STRAP2 UK EYES ONLY⟧",
	"⟦TOP SECRET STRAP 1 UK EYES ONLY⟧",
	"[12/03/2021, 09:14:55] Jo Bloggs: ⟦TOP SECRET STRAP2⟧",
	// An unknown token after the level (a document reference, a codeword
	// with digits): the parse stops before it and the level is kept.
	"⟦SECRET⟧ ABC123",
	"⟦TOP SECRET⟧ REF 2021/45",
	"⟦TOP SECRET⟧ ST 12345/21",
	"⟦OFFICIAL-SENSITIVE⟧ REF 2021/45",
	// SECRET / TOP SECRET at the start of an e-mail subject, then the
	// subject text after a plain space
	"Subject: ⟦SECRET⟧ Follow up on the review",
	"Subject: RE: ⟦TOP SECRET⟧ Options paper",
	"Subject: ⟦SECRET⟧ - Follow up",
	// a single unknown capitals word alone after the level and a plain
	// space: a codeword at medium confidence (scored below the dashed form)
	"⟦TOP SECRET UMBRA⟧",
	"⟦SECRET NIGHTJAR⟧",
	"⟦TOP SECRET PEGASUS⟧",
	"[12/03/2021, 09:14:55] Jo Bloggs: ⟦SECRET NIGHTJAR⟧",
	// only a country code or list precedes EYES ONLY; an unknown word
	// before it is a codeword
	"⟦SECRET NIGHTJAR UK EYES ONLY⟧",
	"⟦TOP SECRET UMBRA UK/US EYES ONLY⟧",
	"TOP SECRET PROJECT", // an English word: the level alone, at 45 (a heading)
	"SECRET SERVICE",
	"TOP SECRET PLANS",
	"TOP SECRET UMBRA is the name of the film",
	"TOP SECRET CODEWORD", // a placeholder (MARKINGS.md 12.14): a mention, below 50
	"⟦O F F I C I A L - S E N S I T I V E⟧",
	// GPMS
	"⟦PROTECT - PERSONAL⟧",
	"⟦RESTRICTED - POLICY⟧",
	"⟦RESTRICTED⟧",
	"⟦NOT PROTECTIVELY MARKED⟧",
	"⟦TOP SECRET – UK / US EYES ONLY⟧",
	// NATO, EU
	"⟦NATO SECRET⟧",
	"⟦COSMIC TOP SECRET ATOMAL⟧",
	"⟦NATO RESTRICTED⟧",
	"⟦RESTREINT UE/EU RESTRICTED⟧",
	"⟦TRÈS SECRET UE/EU TOP SECRET⟧",
	"⟦SECRET UE⟧",
	"⟦CONFIDENTIEL UE/EU CONFIDENTIAL⟧",
	"⟦DIFFUSION RESTREINTE OTAN⟧",
	// EU LIMITE near a Council document number (MARKINGS.md section 6)
	"Brussels, 3 May 2021 (OR. en)\n8765/21\n⟦LIMITE⟧\nJAI 512",
	"Council of the European Union\n⟦EU LIMITE⟧\nST 12345 2021 INIT",
	"ST 12345/21 LIMITE", // known miss: LIMITE triggers only at a line start (speed)
	"Council of the European Union\n\n⟦LIMITE⟧\n\nInterinstitutional File: 2021/0106(COD)\n9012/1/21 REV 1",
	// US
	"⟦TOP SECRET//SI//NOFORN⟧",
	"⟦SECRET//REL TO USA, GBR⟧",
	"⟦UNCLASSIFIED//FOUO⟧",
	"⟦CUI//SP-PRVCY⟧",
	"⟦CUI⟧\n",
	// AU, NZ, CA
	"⟦PROTECTED⟧",
	"⟦OFFICIAL: Sensitive//Personal-Privacy⟧",
	"⟦MEDICAL IN-CONFIDENCE⟧",
	"⟦IN-CONFIDENCE⟧",
	"[⟦SENSITIVE⟧]",
	"⟦PROTECTED B⟧",
	"this file is ⟦protected b⟧ so be careful",
	"⟦PROTECTED B / PROTÉGÉ B⟧",
	// look-alikes
	"He signed the Official Secrets Act in 1998.",
	"OFFICIAL SECRETS ACT 1989",
	"Secret Santa is on Friday!",
	"SECRET SANTA",
	"my top secret recipe for brownies",
	"TOP SECRET RECIPE",
	"This is a restricted area.",
	"RESTRICTED AREA - KEEP OUT",
	"This email is confidential and intended solely for the addressee.",
	"PRIVATE & CONFIDENTIAL",
	"STRICTLY CONFIDENTIAL",
	"export SECRET_KEY=abc123",
	"protected void onCreate(Bundle b) {",
	"client_secret = load()",
	"the official said it was a secret",
	"Official: Arsenal sign new striker",
	"he was protected by a friend",
	"we protected a lot of people",
	"watch the Protected B-roll footage",
	"Treat this in confidence please",
	"cui bono?",
	"The NATO summit held secret talks.",
	"confidential",
	"Secret",
	"SECRET STRAPLINE",
	"SECRET 7 day plan for the party",
	"SECRET ABC123 is the wifi password",
	"OFFICIAL 2024 FIXTURES",
	"Subject: SECRET SANTA draw",
	"LIMITE",
	"date limite : 12/03/2021",
	"LIMITED EDITION 2021/22",
	"Document 12345/21 is LIMITE, so do not forward it",
	"12345/21\nLimite de vitesse",
	"Subject: Secret Santa draw",
	"Subject: TOP SECRET recipe inside",
	"Subject: OFFICIAL Launch of the new wing",
	"Subject: Secret Santa 2024",
	"SECRET SANTA 2024",
	"TOP SECRET RECIPE NO 5",
}

var portionCases = []string{
	"⟦(S//NF)⟧ The plan is ready.",
	"⟦(TS//SI//OC/NF)⟧ Collection continues.",
	"⟦(U//FOUO)⟧ Routine update.",
	"⟦(S//REL TO USA, FVEY)⟧ Shared text.",
	"⟦(CUI//SP-PRVCY)⟧ Name and address follow.",
	"⟦(//DEU TS)⟧ Foreign text.",
	"⟦(O:S)⟧ Budget figures.",
	"SECRET//NOFORN\n⟦(S)⟧ First paragraph.\n⟦(U)⟧ Second paragraph.",
	"Subject: ⟦(U//FOUO)⟧ Weekly report",
	"Check the item(s) in your basket.",
	"(C) 2024 Example Ltd. All rights reserved.",
	"(C) Copyright Example",
	"(S) Some text without any other marks.",
	"(R) Registered trade mark",
	"Answer (s) below",
}

var epmsCases = []string{
	"Subject: Budget papers ⟦[SEC=OFFICIAL:Sensitive, ACCESS=Legal-Privilege]⟧",
	"Subject: Cabinet brief ⟦[SEC=OFFICIAL:Sensitive, CAVEAT=SH:NATIONAL-CABINET]⟧",
	"Subject: Review ⟦[SEC=PROTECTED, EXPIRES=2019-07-01, DOWNTO=OFFICIAL]⟧",
	"Subject: Ops ⟦[SEC=SECRET, CAVEAT=SH:ACCOUNTABLE-MATERIAL, CAVEAT=RI:AUSTEO]⟧",
	"Subject: Visa ⟦[DLM=Sensitive]⟧",
	"Subject: x ⟦[SEC=OFFICIAL: Sensitive]⟧",
	"⟦X-Protective-Marking: VER=2018.4, NS=gov.au, SEC=OFFICIAL:Sensitive, ORIGIN=jane.citizen@example.gov.au⟧\nFrom: a",
	"⟦X-Protective-Marking: VER=2024.1, NS=gov.au,\r\n SEC=PROTECTED, CAVEAT=SH:CABINET,\r\n ORIGIN=a@example.gov.au⟧\r\nSubject: x",
	"sec=high in the config",
	"Subject: [SEC=BANANA]",
	"url?sec=OFFICIAL&x=1",
}

var obfCases = []string{
	"⟦ОFFICIAL-SENSITIVE⟧",                // Cyrillic О
	"⟦ＯＦＦＩＣＩＡＬ⟧",                          // fullwidth
	"⟦OFF\u200bICIAL-SENSITIVE⟧",          // zero-width space
	"⟦SEC\u00adRET⟧",                      // soft hyphen
	"⟦ТОР SECRET⟧",                        // Cyrillic Т О Р
	"⟦ＴＯＰ　ＳＥＣＲＥＴ⟧",                        // fullwidth with ideographic space
	"Привет, это секретно",                // Russian prose
	"\u200e[12/03/2021, 09:14:55] Jo: hi", // bidi mark in a chat export
	"Ελληνικά κείμενα",                    // Greek prose
}

func TestDomainScheme(t *testing.T) {
	eng := detect.MustCompile(All(), nil)
	for _, tt := range []struct {
		text string
		want Scheme
	}{
		{"From: a@example.gov.au\nSubject: OFFICIAL-SENSITIVE - budget", AU},
		{"From: a@example.govt.nz\n\nRESTRICTED\n", NZ},
		{"From: a@example.gc.ca\n\nCONFIDENTIAL - MANAGEMENT\n", CA},
		{"From: a@example.gov.uk\n\nSECRET\n", UKGSC},
		{"SECRET\n", UKGSC},
	} {
		fs, _ := eng.AppendFind(nil, []byte(tt.text))
		if len(fs) != 1 || InfoScheme(fs[0].Info) != tt.want {
			t.Errorf("%q: %v, want one %v finding", tt.text, fs, tt.want)
		}
	}
}

func TestCases(t *testing.T) {
	detecttest.Cases(t, NewClassification(), 50, classCases...)
	detecttest.Cases(t, NewPortion(), 50, portionCases...)
	detecttest.Cases(t, NewEPMS(), 50, epmsCases...)
	detecttest.Cases(t, NewObfuscated(), 50, obfCases...)
}

func plain(cases []string) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i], _ = detecttest.Parse(c)
	}
	return out
}

func conformanceInputs() []string {
	var all []string
	for _, cs := range [][]string{classCases, portionCases, epmsCases, obfCases} {
		all = append(all, plain(cs)...)
	}
	joined := strings.Join(all, "\n")
	return append([]string{joined, string(synthCorpus(7, 6<<10))}, all...)
}

func TestConformance(t *testing.T) {
	in := conformanceInputs()
	for _, d := range All() {
		t.Run(d.Spec().ID, func(t *testing.T) { detecttest.Run(t, d, in...) })
	}
}

func FuzzClassification(f *testing.F) { detecttest.Fuzz(f, NewClassification(), plain(classCases)...) }
func FuzzPortion(f *testing.F)        { detecttest.Fuzz(f, NewPortion(), plain(portionCases)...) }
func FuzzEPMS(f *testing.F)           { detecttest.Fuzz(f, NewEPMS(), plain(epmsCases)...) }
func FuzzObfuscated(f *testing.F)     { detecttest.Fuzz(f, NewObfuscated(), plain(obfCases)...) }

// TestPlainCodeword: a level in capitals then a plain space and one
// unknown capitals word alone on the line (MARKINGS.md grammar: codeword,
// medium confidence). A word that is not ordinary English is a codeword,
// scored below the dashed form; an ordinary English word ends the parse
// and the level is reported alone at 45 (a heading such as "TOP SECRET
// PROJECT" is as likely as a marking); the idioms stay rejected.
func TestPlainCodeword(t *testing.T) {
	eng := detect.MustCompile(All(), &detect.Options{MinScore: 1})
	for _, tt := range []struct {
		in, value string
		min, max  int
	}{
		{"TOP SECRET UMBRA", "TOP SECRET UMBRA", 60, 80},
		{"SECRET NIGHTJAR", "SECRET NIGHTJAR", 60, 80},
		{"TOP SECRET - UMBRA", "TOP SECRET - UMBRA", 90, 90},
		{"TOP SECRET PROJECT", "TOP SECRET", 45, 45},
		{"SECRET PLANS", "SECRET", 45, 45},
		{"SECRET STRAPLINE", "SECRET", 45, 45},
		{"SECRET PLANS UK EYES ONLY", "SECRET", 45, 45},
		{"SECRET NIGHTJAR UK EYES ONLY", "SECRET NIGHTJAR UK EYES ONLY", 90, 90},
		{"SECRET SERVICE", "", 0, 0},
		{"TOP SECRET RECIPE", "", 0, 0},
		{"SECRET SANTA", "", 0, 0},
		{"TOP SECRET CODEWORD", "TOP SECRET CODEWORD", 30, 30},
	} {
		fs, _ := eng.AppendFind(nil, []byte(tt.in))
		if tt.value == "" {
			if len(fs) != 0 {
				t.Errorf("%q: %v, want none", tt.in, fs)
			}
			continue
		}
		if len(fs) != 1 || tt.in[fs[0].Start:fs[0].End] != tt.value || fs[0].Score < tt.min || fs[0].Score > tt.max {
			t.Errorf("%q: %v, want %q scored %d-%d", tt.in, fs, tt.value, tt.min, tt.max)
		}
	}
}
