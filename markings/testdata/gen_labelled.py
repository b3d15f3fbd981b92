#!/usr/bin/env python3
"""Generates labelled.tsv: synthetic genuine markings and look-alikes.

Deterministic (seeded). Names, dates and topics are invented; addresses use
example.com / example.gov.au. Run from this directory: python3 gen_labelled.py
Columns: label (1 = genuine marking, 0 = look-alike), category, text (with
\\n, \\t and \\\\ escaped).
"""
import random

rnd = random.Random(20240301)
names = ["Jo Bloggs", "Priya Patel", "Sam Taylor", "Chris", "Mo Khan", "Alex Smith", "Dev Team", "Ana"]
topics = ["budget update", "Covid contract", "PPE pricing", "weekly sitrep", "staffing plan", "draft minutes",
          "vendor review", "site visit", "ministerial brief", "Q3 figures"]

def ios():
    return "[%02d/%02d/2021, %02d:%02d:%02d] %s: " % (rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(0, 23),
                                                     rnd.randint(0, 59), rnd.randint(0, 59), rnd.choice(names))

def android():
    return "%02d/%02d/2021, %02d:%02d - %s: " % (rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(0, 23),
                                               rnd.randint(0, 59), rnd.choice(names))

# Compound markings: they count in any applied position and inline.
compounds = [
    ("uk", "OFFICIAL-SENSITIVE"), ("uk", "OFFICIAL SENSITIVE"), ("uk", "Official-Sensitive"),
    ("uk", "Official Sensitive"), ("uk", "OFFICIAL \u2013 SENSITIVE"), ("uk", "OFFICIAL\u2011SENSITIVE"),
    ("uk", "OFFICIAL\u2212SENSITIVE"), ("uk", "OFFICIAL: SENSITIVE: PERSONAL"), ("uk", "OFFICIAL: SENSITIVE: COMMERCIAL"),
    ("uk", "OFFICIAL-SENSITIVE - PERSONAL DATA"), ("uk", "OFFICIAL-SENSITIVE - RECIPIENTS ONLY"),
    ("uk", "OFFICIAL-SENSITIVE [COMMERCIAL]"), ("uk", "OFFICIAL-SENSITIVE PERSONAL"),
    ("uk", "OFFICIAL-SENSITIVE - LEGAL PROFESSIONAL PRIVILEGE (LPP)"), ("uk", "OFFICIAL-SENSITIVE - HMG USE ONLY"),
    ("uk", "OFFICIAL-SENSITIVE - MARKET SENSITIVE"), ("uk", "UK OFFICIAL-SENSITIVE"), ("uk", "SECRET - UK EYES ONLY"),
    ("uk", "UK SECRET - UK EYES ONLY"), ("uk", "TOP SECRET - UK/US EYES ONLY"), ("uk", "SECRET - RECIPIENTS ONLY - COMMERCIAL"),
    ("uk", "OFFICIAL: POLICE ONLY"), ("uk", "OFFICIAL - FOR PUBLIC RELEASE"), ("uk", "official-sensitive"),
    ("uk", "OFFICIAL-SENSITIVE - HR/MANAGEMENT"), ("uk", "OFFICIAL SENSITIVE - MOJ USE ONLY"),
    ("gpms", "PROTECT - PERSONAL"), ("gpms", "RESTRICTED - POLICY"), ("gpms", "NOT PROTECTIVELY MARKED"),
    ("gpms", "RESTRICTED - STAFF"), ("gpms", "PROTECT - MEDICAL"), ("gpms", "CONFIDENTIAL - MANAGEMENT"),
    ("gpms", "Protect \u2013 HR"),
    ("nato", "NATO SECRET"), ("nato", "NATO RESTRICTED"), ("nato", "NATO CONFIDENTIAL"), ("nato", "COSMIC TOP SECRET"),
    ("nato", "COSMIC TOP SECRET ATOMAL"), ("nato", "NATO UNCLASSIFIED"), ("nato", "SECRET ATOMAL"),
    ("eu", "RESTREINT UE/EU RESTRICTED"), ("eu", "SECRET UE/EU SECRET"), ("eu", "CONFIDENTIEL UE/EU CONFIDENTIAL"),
    ("eu", "TR\u00c8S SECRET UE/EU TOP SECRET"), ("eu", "SECRET UE"),
    ("us", "TOP SECRET//SI//NOFORN"), ("us", "SECRET//NOFORN"), ("us", "SECRET//REL TO USA, FVEY"),
    ("us", "UNCLASSIFIED//FOUO"), ("us", "CONFIDENTIAL//NOFORN"), ("us", "CUI//SP-PRVCY"),
    ("us", "TOP SECRET//SI/TK//ORCON/NOFORN"), ("us", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
    ("au", "OFFICIAL: Sensitive"), ("au", "OFFICIAL:Sensitive//Personal-Privacy"), ("au", "PROTECTED//Legal-Privilege"),
    ("nz", "IN-CONFIDENCE"), ("nz", "MEDICAL IN-CONFIDENCE"), ("nz", "STAFF IN-CONFIDENCE"), ("nz", "SECRET//REL TO NZL, AUS"),
    ("ca", "PROTECTED A"), ("ca", "PROTECTED B"), ("ca", "Protected B"), ("ca", "PROTECTED B / PROT\u00c9G\u00c9 B"),
    ("ca", "SECRET//CANADIAN EYES ONLY"), ("ca", "PROTECTED C"),
    ("obf", "\u041eFFICIAL-SENSITIVE"), ("obf", "\uff2f\uff26\uff26\uff29\uff23\uff29\uff21\uff2c\uff0d\uff33\uff25\uff2e\uff33\uff29\uff34\uff29\uff36\uff25"),
    ("obf", "OFF\u200bICIAL-SENSITIVE"), ("obf", "\u0422\u041e\u0420 SECRET//NOFORN"), ("obf", "OFFICIAL-SEN\u00adSITIVE"),
    ("obf", "S\u0395CRET - UK EYES ONLY"),
    ("spaced", "O F F I C I A L - S E N S I T I V E"), ("spaced", "T O P  S E C R E T"),
]
# Bare level words: genuine only in an applied position and in capitals.
bare = [("uk", "OFFICIAL"), ("uk", "SECRET"), ("uk", "TOP SECRET"), ("gpms", "RESTRICTED"), ("au", "PROTECTED"),
        ("us", "UNCLASSIFIED"), ("au", "UNOFFICIAL"), ("obf", "SE\u200bCRET"), ("spaced", "S E C R E T")]
# Structured forms with their own placement.
structured = [
    ("au-epms", "Subject: Budget papers [SEC=OFFICIAL:Sensitive]"),
    ("au-epms", "Subject: RE: Cabinet brief [SEC=OFFICIAL:Sensitive, CAVEAT=SH:NATIONAL-CABINET]"),
    ("au-epms", "Subject: Staff matter [SEC=OFFICIAL:Sensitive, ACCESS=Personal-Privacy]"),
    ("au-epms", "Subject: Review [SEC=PROTECTED, EXPIRES=2025-07-01, DOWNTO=OFFICIAL]"),
    ("au-epms", "Subject: Visa application [DLM=Sensitive]"),
    ("au-epms", "Subject: Ops [SEC=SECRET, CAVEAT=RI:AUSTEO]"),
    ("au-epms", "Subject: fyi [SEC=OFFICIAL]"),
    ("au-epms", "Subject: lunch [SEC=UNOFFICIAL]"),
    ("au-epms", "X-Protective-Marking: VER=2018.4, NS=gov.au, SEC=OFFICIAL:Sensitive, ORIGIN=jane.citizen@example.gov.au"),
    ("au-epms", "X-Protective-Marking: VER=2024.1, NS=gov.au, SEC=PROTECTED, CAVEAT=SH:CABINET, ORIGIN=a.b@example.gov.au"),
    ("au-epms", "Subject: x [SEC=OFFICIAL: Sensitive]"),
    ("portion", "(S//NF) The assessment is unchanged."),
    ("portion", "(TS//SI//NF) Collection continues as planned."),
    ("portion", "(U//FOUO) Routine administrative note."),
    ("portion", "(S//REL TO USA, FVEY) Partners have been briefed."),
    ("portion", "(CUI//SP-PRVCY) Names and addresses follow."),
    ("portion", "(O:S) Budget figures for the quarter."),
    ("portion", "Subject: (U//FOUO) Weekly report"),
    ("nz", "[SENSITIVE]"),
    ("nz", "BUDGET SENSITIVE"),
    ("us", "CUI"),
    # STRAP (UK handling codeword with a digit), added with the STRAP fix
    ("uk-strap", "TOP SECRET STRAP 1"), ("uk-strap", "SECRET STRAP2"), ("uk-strap", "SECRET STRAP 3"),
    ("uk-strap", "TOP SECRET - STRAP2 - UK EYES ONLY"), ("uk-strap", "SECRET STRAP2 UK EYES ONLY"),
    ("uk-strap", "[12/03/2021, 09:14:55] Jo Bloggs: TOP SECRET STRAP1"), ("uk-strap", "Classification: SECRET STRAP 2"),
    # an unknown token after the level (reference, codeword with digits)
    ("uk-ref", "SECRET ABC123"), ("uk-ref", "TOP SECRET REF 2021/45"), ("uk-ref", "TOP SECRET ST 12345/21"),
    ("uk-ref", "OFFICIAL-SENSITIVE REF 2021/45"), ("uk-ref", "Subject: SECRET - DOC 44/2021"),
    # SECRET / TOP SECRET as a subject prefix, then the subject after a space
    ("uk-subject", "Subject: SECRET Follow up on the review"), ("uk-subject", "Subject: RE: TOP SECRET Options paper"),
    ("uk-subject", "FW: SECRET Weekly summary"), ("uk-subject", "Subject: SECRET ABC123 status"),
    # EU LIMITE near a Council document number
    ("eu-limite", "Brussels, 3 May 2021 (OR. en)\n8765/21\nLIMITE\nJAI 512"), ("eu-limite", "ST 12345/21 LIMITE"),
    ("eu-limite", "Council of the European Union\nEU LIMITE\nST 12345 2021 INIT"), ("eu-limite", "9012/1/21 REV 1\nLIMITE"),
    # a codeword after the level and a plain space, alone on the line
    ("uk-codeword", "TOP SECRET UMBRA"), ("uk-codeword", "SECRET NIGHTJAR"), ("uk-codeword", "TOP SECRET PEGASUS"),
    ("uk-codeword", "[12/03/2021, 09:14:55] Jo Bloggs: SECRET NIGHTJAR"), ("uk-codeword", "Classification: TOP SECRET UMBRA"),
    ("uk-codeword", "Subject: SECRET NIGHTJAR"),
    # only a country code or list precedes EYES ONLY; an unknown word before it is a codeword
    ("uk-codeword", "SECRET NIGHTJAR UK EYES ONLY"), ("uk-codeword", "TOP SECRET UMBRA UK/US EYES ONLY"),
    ("uk-codeword", "SECRET NIGHTJAR - UK EYES ONLY"), ("uk-codeword", "TOP SECRET - PEGASUS AUS/CAN/GBR/NZL/USA EYES ONLY"),
]


# Written after the detector was tuned and added without further tuning:
# a rough check of how the figures generalise (categories "holdout-*").
holdout_genuine = [
    "OFFICIAL-SENSITIVE: PERSONAL", "Subject: [OFFICIAL-SENSITIVE] Tribunal bundle", "Subject: OFFICIAL SENSITIVE \u2013 Contract award",
    "*** OFFICIAL-SENSITIVE ***", "Classification: OFFICIAL-SENSITIVE COMMERCIAL", "Protective Marking: OFFICIAL",
    "[03/04/2022, 11:02:13] Priya Patel: official-sensitive, pls don't screenshot",
    "04/04/2022, 08:15 - Mo Khan: fyi that doc is OFFICIAL SENSITIVE",
    "RE: RE: OFFICIAL-SENSITIVE - Draft response to MP", "OFFICIAL-SENSITIVE \u2014 NOT FOR PUBLICATION",
    "SECRET UK EYES ONLY", "TOP SECRET STRAP1", "UK TOP SECRET", "NATO SECRET - RELEASABLE TO EU",
    "COSMIC TOP SECRET - BOHEMIA", "EU SECRET", "SECRET//ORCON/NOFORN", "TOP SECRET//HCS-P//NOFORN",
    "(C//REL TO USA, GBR) The exercise dates are fixed.", "UNCLASSIFIED//FOUO",
    "Subject: Updated guidance [SEC=OFFICIAL]", "Subject: Briefing note [SEC=PROTECTED, CAVEAT=SH:CABINET]",
    "PROTECTED: CABINET", "OFFICIAL: Sensitive//Legal-Privilege", "IN-CONFIDENCE", "COMMERCIAL IN-CONFIDENCE",
    "PROTECTED B", "Protected B / Prot\u00e9g\u00e9 B", "12/05/2023, 19:40 - Sam Taylor: that's protected b fyi",
    "OFFICIAL\u2010SENSITIVE", "O F F I C I A L", "\uff33\uff25\uff23\uff32\uff25\uff34",
    "OFFI\u200cCIAL-SENSITIVE", "RESTRICTED - MANAGEMENT", "PROTECT - STAFF", "CONFIDENTIAL - UK EYES ONLY",
    "RESTRICTED\u2014COMMERCIAL", "NATO UNCLASSIFIED", "SECRET - HMG USE ONLY", "OFFICIAL-SENSITIVE - EMBARGOED",
]
holdout_lookalike = [
    "The secretary confirmed the official figures.", "Top secret: my nan's gravy recipe",
    "[03/04/2022, 11:05:40] Ana: lol that's so secret squirrel", "Restricted Data Act guidance (public)",
    "Keep this confidential between us, ok?", "04/04/2022, 08:16 - Chris: protected my account with 2FA",
    "Confidential Waste bins are by the lift.", "OFFICIAL PARTNER OF THE 2024 GAMES",
    "Secret Cinema tickets are sold out", "The documents were classified as restricted by the club.",
    "His official title is Deputy Director.", "Subject: Secret garden party RSVP",
    "Subject: Restricted access to car park B", "Protected species include the great crested newt.",
    "Use the protected branch rule on main.", "SECRET_TOKEN=${{ secrets.TOKEN }}", "if (isConfidential) {",
    "def get_official_name(self):", "The confidentiality agreement is attached.", "Our top-secret plan: pizza on Friday",
    "Eyes only? Ha, everyone saw it.", "NATO allies met in secret, officials said.", "Official Secrets Act 1989, s.5",
    "RE: Confidential - your order #12345", "Strictly Private & Confidential", "protected by copyright (c) 2023",
    "The restricted list is in appendix B.", "Unclassified ads cost \u00a35", "sensitive information about the merger",
    "Secret (2009 film)", "Top Secret Bar & Grill", "He works at the Secret Intelligence Service.",
    "This is no secret: the budget is late.", "Protected: this post is password protected.",
    "Restricted: members only", "Confidential: salary review outcomes", "OFFICIAL STATEMENT FROM THE CLUB",
    "the EU's restricted list", "(S) denotes a student member", "Item (c) was deferred.",
]

def genuine():
    out = []
    for cat, m in compounds:
        ctxs = [m, ios() + m, android() + m, "Subject: %s - %s" % (m, rnd.choice(topics)),
                "Subject: RE: %s: %s" % (m, rnd.choice(topics)), "Classification: " + m,
                "Please find attached the %s report on the %s." % (m, rnd.choice(topics)),
                ios() + "this is %s btw, don't forward" % m, "> " + m, "FW: %s" % m]
        for c in rnd.sample(ctxs, 3):
            out.append((cat, c))
    for cat, m in bare:
        for c in [m, ios() + m, android() + m, "Classification: " + m, "Subject: %s - %s" % (m, rnd.choice(topics)),
                  "Security classification: " + m]:
            out.append((cat, c))
    out += structured
    out += [("holdout-genuine", x) for x in holdout_genuine]
    return out

lookalikes_text = [
    "He signed the Official Secrets Act when he joined.", "OFFICIAL SECRETS ACT 1989", "Secret Santa is on Friday!",
    "SECRET SANTA", "Subject: Secret Santa 2024", "my top secret recipe for brownies", "TOP SECRET RECIPE",
    "This is a restricted area.", "RESTRICTED AREA - KEEP OUT", "Subject: Restricted parking on Level 2",
    "This email is confidential and intended solely for the use of the addressee.",
    "CONFIDENTIALITY NOTICE: This message and any attachments are confidential.",
    "PRIVATE & CONFIDENTIAL", "STRICTLY CONFIDENTIAL", "Private and Confidential", "Strictly confidential - do not forward",
    "export SECRET_KEY=abc123", "protected void onCreate(Bundle savedInstanceState) {", "client_secret = load_secret()",
    "const SECRET = process.env.SECRET;", "if (user.isProtected()) { return; }", "RESTRICTED_ACCESS=1",
    "public static final String OFFICIAL_NAME = \"x\";", "private protected int count;",
    "Check the item(s) in your basket.", "(C) 2024 Example Ltd. All rights reserved.", "(C) Copyright Example plc",
    "Select the option(s) you want (S) or (M).", "(R) Registered trade mark of Example Inc.",
    "the official said the figures would be out next week", "Official: Arsenal sign new striker",
    "An official statement is expected later.", "Officially, the office opens at nine.", "She is the official photographer.",
    "it's no secret that the deadline will slip", "The secret to success is preparation.", "keep it secret, keep it safe",
    "We watched The Secret Garden last night.", "SECRET GARDEN PARTY TICKETS", "the secret service detail arrived",
    "Top Secret (1984) is a great film.", "a top-secret mission, apparently", "TOP SECRET MISSION: FIND THE CAKE",
    "protected characteristics under the Equality Act", "data protection training is due", "the file is password protected",
    "Enable Protected Mode in the browser.", "the disk is write-protected", "we protected a lot of people that day",
    "watch the Protected B-roll footage", "a restricted diet for two weeks", "age-restricted content",
    "classified ads are on page 12", "the declassified files were released", "Unclassified results are in the appendix.",
    "sensitive skin needs care", "this is a sensitive topic", "Commercial in Confidence", "Treat this in confidence please.",
    "I have every confidence in the team.", "for your eyes only, darling", "cui bono?",
    "The NATO summit held secret talks.", "the EU restricted imports of steel", "NATO official says talks went well",
    "Confidential informant testimony was excluded.", "confidential", "Secret", "Official", "Restricted", "Protected",
    "RE: Official launch event", "Subject: Official opening of the new wing", "OFFICIAL OPENING CEREMONY",
    "CONFIDENTIAL INFORMATION MEMORANDUM", "PROTECTED BIKE STORAGE AVAILABLE", "RESTRICTED STOCK UNITS VEST IN MAY",
    "Secretary of State for Health", "Secretariat meeting at 10", "secretly hoping for snow",
    "The protection officer called.", "restrictions apply", "a protectorate", "official-looking envelope",
    "the restricted-access wing", "He was confidential about it.", "sensitive-data handling guide v2",
    "UNCLASSIFIED ADS SECTION", "the unofficial results", "Protect yourself from scams",
    "PROTECT YOUR PASSWORD", "Protect - don't share your PIN", "(U) grade in the exam",
    "the (S) key is broken", "Answer (s) below", "see note (c) above", "Top secret? Not really.",
    "SECRET: surprise party for Tom on Saturday",
    # added with the STRAP fix
    "SECRET STRAPLINE", "the secret strap 2 buckle", "TOP SECRET STRAPS AND BUCKLES",
    # added with the unknown-token fix
    "SECRET 7 day plan for the party", "SECRET ABC123 is the wifi password", "OFFICIAL 2024 FIXTURES",
    "TOP SECRET CODEWORD",
    # added with the subject-prefix fix
    "Subject: SECRET SANTA draw", "Subject: TOP SECRET recipe inside", "Subject: SECRET Garden Party tickets",
    "Subject: Top Secret Film Night", "Subject: OFFICIAL Launch of the new wing",
    # added with the LIMITE fix
    "LIMITE", "date limite : 12/03/2021", "LIMITED EDITION 2021/22", "Document 12345/21 is LIMITE, so do not forward it",
    "12345/21\nLimite de vitesse", "LIMITED COMPANY NO 12345/21", "Example Holdings Limited",
    # added with the plain-space codeword fix (an English word after the level is a heading)
    "TOP SECRET PROJECT", "TOP SECRET PLANS", "SECRET INGREDIENTS", "SECRET SERVICE", "TOP SECRET UMBRA is the name of the film",
    # added with the EYES ONLY fix
    "SECRET PLANS UK EYES ONLY", "TOP SECRET PLANS UK EYES ONLY",
]

def lookalikes():
    out = []
    for s in lookalikes_text:
        out.append(("lookalike", s))
        if not s.startswith(("Subject:", "RE:")):
            out.append(("lookalike-chat", rnd.choice([ios, android])() + s))
            if rnd.random() < 0.5:
                out.append(("lookalike-chat", rnd.choice([ios, android])() + s[0].lower() + s[1:]))
    out += [("holdout-lookalike", x) for x in holdout_lookalike]
    return out

def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

with open("labelled.tsv", "w", encoding="utf-8") as f:
    f.write("# label\tcategory\ttext (synthetic; generated by gen_labelled.py)\n")
    for cat, s in genuine():
        f.write("1\t%s\t%s\n" % (cat, esc(s)))
    for cat, s in lookalikes():
        f.write("0\t%s\t%s\n" % (cat, esc(s)))
