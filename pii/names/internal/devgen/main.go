// Command devgen writes the labelled development set of package names:
// synthetic chat and e-mail messages with person-name spans.
//
// Usage (from the module root):
//
//	go run ./pii/names/internal/devgen -out pii/names/testdata/dev.jsonl
//
// Each line is {"text", "spans":[{"start","end","label"}], "split"} with
// byte offsets. Split "dev" uses template set A and name pool A; split
// "holdout" uses template set B and name pool B, which share no template
// and no name with A, so that figures on it show over-fitting. All text
// is invented; e-mail addresses use example.com and example.org, phone
// numbers the Ofcom drama ranges.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strings"
)

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

type record struct {
	Text  string `json:"text"`
	Spans []span `json:"spans"`
	Split string `json:"split"`
}

type pool struct {
	given, surnames []string
	// common-word given names and surnames (Will, Grace, Brown, King)
	commonGiven, commonSur []string
}

// Name pool A (dev). Varied origins, UK-heavy.
var poolA = pool{
	given: strings.Fields(`Oliver Amelia Sarah Matt Jo James Emma Tom Sophie Harry Chloe Daniel
		Rebecca Liam Hannah Callum Eilidh Iain Niamh Ciaran Aoife Siobhan Rhys Carys Gethin Sian
		Priya Arjun Aisha Mohammed Imran Sanjay Deepa Ravi Anjali Farah Chidi Ngozi Kwame Ama
		Oluwaseun Tendai Wei Mei Hiroshi Yuki Katarzyna Piotr Agnieszka Omar Fatima Youssef Layla
		Zainab Bilal Helen Nigel Trevor Sheila Maureen Derek Gareth Bethan Fiona Alistair Hamish
		Ruth Esther Abigail Naomi Kieran Declan Padraig Magdalena Tomasz Dominika Lucy Jack
		Charlotte Ellie Georgia Isla Freya Ava Mia Noah George Arthur Leo Archie Oscar Theo
		Jasmine Kavita Harpreet Gurpreet Rajesh Sunil Meera Ayesha Yusuf Hamza Ibrahim Mariam
		Adebayo Folake Yaw Efua Kofi Abena Chen Jun Hui Xin Anh Minh Duc Linh Sasha Dmitri Olena
		Andrzej Stefan Marta Elena Lorenzo Giulia Mateo Lucia Pedro Ines Jamal Keisha Andre Marcus`),
	surnames: strings.Fields(`Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson
		Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Wood Harris Lewis
		Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris Ward Moore King Watson Baker
		Harrison Morgan Patel Khan Ahmed Ali Hussain Begum Singh Kaur Sharma Gupta Shah Mistry
		O'Brien O'Connor McAllister MacDonald McLaughlin Campbell Stewart Murray Fraser Ferguson
		Gallagher Doherty Byrne Walsh Kelly Lynch Llewellyn Pryce Griffiths Jenkins Rees Nguyen Tran
		Okafor Adeyemi Mensah Owusu Okonkwo Kowalski Nowak Wisniewski Chen Wang Zhang Li Liu Yamamoto
		Tanaka Rossi Ferrari Garcia Fernandez Silva Santos Oakeshott Featherstone Abernethy Atkinson
		Hancock Starmer Sunak Raab Gove Javid Rayner Smith-Jones Lloyd-Webber Bowes-Lyon Hartley
		Ashworth Pemberton Whitaker Fairbanks Dunmore Blackwood Ellery Radcliffe Hargreaves`),
	commonGiven: strings.Fields(`Will Mark Bill Grace Rose Hope May Summer Faith Joy Dawn Guy Art Pat Sue Rob Jack Frank Ray Drew`),
	commonSur:   strings.Fields(`Brown Green King Young White Black Bishop Cook Baker Hunter Rich Little Long Field Bell`),
}

// Name pool B (holdout): disjoint from A.
var poolB = pool{
	given: strings.Fields(`Isabella Ethan Grace Samuel Lily Benjamin Evie Joseph Poppy Alfie Ruby
		Finlay Morag Ewan Catriona Seamus Roisin Eoin Dafydd Angharad Owain Nia Vikram Sunita
		Nikhil Pooja Aarav Zara Tariq Samira Emeka Chiamaka Kwesi Adwoa Babajide Funmilayo
		Xiaoling Jianhua Haruto Sakura Seo-yeon Jae-won Bartosz Zofia Krzysztof Ahmad Noor Karim
		Leila Rania Brian Doreen Malcolm Pauline Graham Moira Clive Wendy Dennis Gail Lewis Megan
		Rowan Tamsin Barnaby Hugo Rupert Imogen Felicity Jemima Tobias Humphrey Dominic Anita
		Rashid Nasreen Shabnam Parveen Amrit Jaspreet Manpreet Nkechi Thandiwe Sipho Lerato
		Bongani Thi Quang Hoa Bao Alejandro Valentina Joao Beatriz Francesca Matteo Anders Ingrid
		Sven Astrid Yevgenia Oksana Bogdan Irina Cormac Grainne Orla Darragh Tadhg`),
	surnames: strings.Fields(`Jackson Anderson Mitchell Carter Phillips Parker Bennett Collins
		Cox Richardson Bailey Howard Ward Marshall Chapman Dixon Palmer Mason Holmes Mills
		Rahman Iqbal Chaudhry Malik Qureshi Siddiqui Choudhury Bhatt Desai Joshi Reddy Nair Menon
		Iyer Pillai MacLeod MacKenzie McGregor McIntyre Sutherland Buchanan Gillespie Donnelly
		Quinn Brennan Kavanagh Moran Flanagan Vaughan Bowen Powell Price Meredith Prosser Obi
		Nwosu Eze Boateng Asante Appiah Adjei Kamara Wojcik Kaminski Lewandowski Zielinski Huang
		Zhao Wu Zhou Xu Sun Lim Tan Ng Kim Park Choi Pham Hoang Vu Kumar Verma Mehta Kapoor
		Bianchi Romano Esposito Lopez Martinez Gonzalez Pereira Costa Oliveira Cholmondeley
		Fanshawe Thistlethwaite Cavendish Worsley Pilkington Entwistle Ramsbottom Higginbottom
		Garside Butterworth Sowerby Merriweather-Hunt Bradshaw-Lowe Sinclair`),
	commonGiven: strings.Fields(`Hunter Chase Sky Autumn Holly Ivy Daisy Jade Amber Ruby Crystal Heather Misty Sandy Rusty Buddy Tim Nick Penny`),
	commonSur:   strings.Fields(`Rose Mann Hope Savage Sharp Wise Moss Stone Marsh Frost Rice Page Fox Swift Parish`),
}

var titles = strings.Fields(`Mr Mrs Ms Dr Prof Cllr Sir Dame Lord Baroness Miss`)

var (
	days    = strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
	months  = strings.Fields(`January February March April May June July August September October November December`)
	places  = strings.Fields(`London Manchester Leeds Bristol Cardiff Belfast Glasgow Edinburgh Birmingham Liverpool Chester Lincoln Preston Kingston Chelsea Jersey Derby Bath Reading Durham`)
	orgs    = []string{"Smith & Sons Ltd", "Green Energy plc", "Hughes Partners LLP", "Kingston Borough Council", "Department for Education", "Ministry of Defence", "Leeds Teaching Hospitals NHS Trust", "Barclays Bank", "Morrison Construction", "Wilson James Ltd", "the Cabinet Office", "HM Treasury", "Department of Health and Social Care", "Public Health England", "Baker Street", "Victoria Station", "King's College London", "St Thomas' Hospital", "Taylor Wimpey", "Nelson Mandela House"}
	fonts   = []string{"Times New Roman", "Arial", "Calibri", "Helvetica", "Georgia", "Verdana", "Segoe UI", "Gill Sans", "Century Gothic", "Franklin Gothic", "Comic Sans", "Garamond"}
	jobs    = []string{"Health Secretary", "Prime Minister", "Chancellor", "Minister for Care", "Permanent Secretary", "Director of Communications", "Head of Policy", "Chief Medical Officer", "Secretary of State"}
	subject = []string{"Budget update", "Re: Q3 figures", "Meeting notes", "Fwd: Draft statement", "PPE procurement", "Lines to take", "Urgent: Press release", "Weekly Catch Up", "Action Required", "Project Falcon"}
)

// gen builds one message, recording name spans.
type gen struct {
	r     *rand.Rand
	p     *pool
	b     strings.Builder
	spans []span
	who   [4]person
}

type person struct{ given, sur, title string }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) newPerson() person {
	var pr person
	switch x := g.r.IntN(20); {
	case x == 0:
		pr.given = g.pick(g.p.commonGiven)
	default:
		pr.given = g.pick(g.p.given)
	}
	switch x := g.r.IntN(14); {
	case x == 0:
		pr.sur = g.pick(g.p.commonSur)
	default:
		pr.sur = g.pick(g.p.surnames)
	}
	pr.title = g.pick(titles)
	return pr
}

func (g *gen) name(s string) {
	st := g.b.Len()
	g.b.WriteString(s)
	g.spans = append(g.spans, span{st, g.b.Len(), "person.name"})
}

// fill expands a template. Placeholders (n is a person index 1-3):
//
//	{Fn} full name  {Gn} given  {Sn} surname  {Tn} title + surname
//	{Hn} title + full  {In} initial + surname  {Mn} given, initial, surname
//	{Un} full name in capitals  {Ln} given in lower case (labelled)
//	{En} e-mail address  {Pn} possessive full name ("X's")
//	{DAY} {MONTH} {PLACE} {ORG} {FONT} {JOB} {SUBJ} {DATE} {TIME} {NUM}
func (g *gen) fill(tpl string) {
	for i := range g.who {
		g.who[i] = g.newPerson()
	}
	for tpl != "" {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			g.b.WriteString(tpl)
			break
		}
		g.b.WriteString(tpl[:i])
		j := strings.IndexByte(tpl[i:], '}') + i
		ph := tpl[i+1 : j]
		tpl = tpl[j+1:]
		g.expand(ph)
	}
}

func (g *gen) expand(ph string) {
	if len(ph) == 2 && ph[1] >= '1' && ph[1] <= '3' {
		p := g.who[ph[1]-'0']
		switch ph[0] {
		case 'F':
			g.name(p.given + " " + p.sur)
		case 'G':
			g.name(p.given)
		case 'S':
			g.name(p.sur)
		case 'T':
			g.b.WriteString(p.title + " ")
			g.name(p.sur)
		case 'H':
			g.b.WriteString(p.title + " ")
			g.name(p.given + " " + p.sur)
		case 'I':
			if g.r.IntN(2) == 0 {
				g.name(p.given[:1] + ". " + p.sur)
			} else {
				g.name(p.given[:1] + " " + p.sur)
			}
		case 'M':
			g.name(p.given + " " + string(rune('A'+g.r.IntN(26))) + ". " + p.sur)
		case 'U':
			g.name(strings.ToUpper(p.given + " " + p.sur))
		case 'L':
			g.name(strings.ToLower(p.given))
		case 'E':
			local := strings.ToLower(p.given[:1] + "." + strings.ReplaceAll(strings.ReplaceAll(p.sur, "'", ""), " ", ""))
			g.b.WriteString(local + "@example." + []string{"com", "org", "gov.uk"}[g.r.IntN(3)])
		case 'P':
			g.name(p.given + " " + p.sur)
			g.b.WriteString("'s")
		default:
			log.Fatalf("bad placeholder %q", ph)
		}
		return
	}
	switch ph {
	case "DAY":
		g.b.WriteString(g.pick(days))
	case "MONTH":
		g.b.WriteString(g.pick(months))
	case "PLACE":
		g.b.WriteString(g.pick(places))
	case "ORG":
		g.b.WriteString(g.pick(orgs))
	case "FONT":
		g.b.WriteString(g.pick(fonts))
	case "JOB":
		g.b.WriteString(g.pick(jobs))
	case "SUBJ":
		g.b.WriteString(g.pick(subject))
	case "DATE":
		fmt.Fprintf(&g.b, "%02d/%02d/20%02d", 1+g.r.IntN(28), 1+g.r.IntN(12), 19+g.r.IntN(5))
	case "TIME":
		fmt.Fprintf(&g.b, "%02d:%02d", g.r.IntN(24), g.r.IntN(60))
	case "NUM":
		fmt.Fprintf(&g.b, "%d", 2+g.r.IntN(40))
	default:
		log.Fatalf("bad placeholder %q", ph)
	}
}

func main() {
	out := flag.String("out", "pii/names/testdata/dev.jsonl", "output file")
	nDev := flag.Int("dev", 1200, "messages in the dev split")
	nHold := flag.Int("holdout", 500, "messages in the holdout split")
	seed := flag.Uint64("seed", 5, "random seed")
	flag.Parse()
	r := rand.New(rand.NewPCG(*seed, 0x6e616d6573))
	var recs []record
	emit := func(n int, split string, p *pool, chat, mail, neg []string) {
		for i := 0; i < n; i++ {
			g := &gen{r: r, p: p}
			var tpl string
			switch x := r.IntN(10); {
			case x < 4:
				tpl = chatMessage(g, chat, split)
			case x < 7:
				tpl = mail[r.IntN(len(mail))]
			default:
				tpl = neg[r.IntN(len(neg))]
			}
			g.fill(tpl)
			spans := g.spans
			if spans == nil {
				spans = []span{}
			}
			recs = append(recs, record{Text: g.b.String(), Spans: spans, Split: split})
		}
	}
	emit(*nDev, "dev", &poolA, chatA, mailA, negA)
	emit(*nHold, "holdout", &poolB, chatB, mailB, negB)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, rec := range recs {
		if err := enc.Encode(rec); err != nil {
			log.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// chatMessage builds a short chat export of 1-4 lines from the split's
// body templates, in the split's export format.
func chatMessage(g *gen, bodies []string, split string) string {
	var b strings.Builder
	n := 1 + g.r.IntN(4)
	senders := []string{"{F1}", "{F2}", "{G1}", "{F3}"}
	for i := 0; i < n; i++ {
		snd := senders[g.r.IntN(len(senders))]
		body := bodies[g.r.IntN(len(bodies))]
		if split == "dev" {
			if g.r.IntN(2) == 0 {
				fmt.Fprintf(&b, "[{DATE}, {TIME}:%02d] %s: %s\n", g.r.IntN(60), snd, body)
			} else {
				fmt.Fprintf(&b, "{DATE}, {TIME} - %s: %s\n", snd, body)
			}
		} else {
			switch g.r.IntN(3) {
			case 0: // Teams/Slack-style copy: name and time on their own line
				fmt.Fprintf(&b, "%s  {TIME}\n%s\n", snd, body)
			case 1: // plain transcript
				fmt.Fprintf(&b, "%s: %s\n", snd, body)
			default: // iOS-style export
				fmt.Fprintf(&b, "[{DATE} {TIME}] %s: %s\n", snd, body)
			}
		}
	}
	return b.String()
}

// Template set A (dev).
var chatA = []string{
	"Can you ask {G2} to send the deck over?",
	"{G2} said the minister is on board",
	"I've cc'd {F2} on this",
	"Spoke to {T2} this morning, all fine",
	"Meeting with {F3} moved to {DAY}",
	"See you {DAY} at {PLACE}",
	"Will do",
	"May be late, train delayed",
	"Mark it as done please",
	"Thanks {G2}!",
	"Morning {G2}, any news from {ORG}?",
	"ok",
	"lol yes",
	"{F2}'s note is on the shared drive",
	"Has anyone heard from {T3}?",
	"The {SUBJ} doc needs to be in {FONT} not {FONT}",
	"I think {G2} and {G3} are both out {DAY}",
	"Sending to {I2} now",
	"Call with {ORG} at {TIME}",
	"{JOB} {F3} wants an update by {MONTH}",
	"Grace period ends {DAY}",
	"Can we get {H2} on the call?",
	"Hope you're well!",
	"just spoke to {L2}, sorted",
	"Ping {G3} re the figures",
	"Happy birthday {G2}!! 🎉",
	"Back in {PLACE} on {DAY} {NUM} {MONTH}",
	"Bill for the venue is £{NUM}0",
	"Not sure, ask {M2}",
	"{G2} can you check the {ORG} numbers",
}

var mailA = []string{
	"From: {F1} <{E1}>\nTo: {F2} <{E2}>\nSubject: {SUBJ}\n\nDear {G2},\n\nThank you for your note. I have spoken to {T3} and we agree.\n\nKind regards\n{F1}\n{JOB}\n",
	"From: {F1} <{E1}>\nSent: {DAY} {NUM} {MONTH} 2021 {TIME}\nTo: {F2} <{E2}>; {F3} <{E3}>\nSubject: {SUBJ}\n\nHi {G2},\n\nPlease see attached. {G3} will pick this up while I am away.\n\nThanks,\n{G1}\n",
	"Dear {T2},\n\nFurther to our meeting on {DAY}, I attach the note from {ORG}.\n\nYours sincerely\n\n{F1}\n",
	"Hi all,\n\nThe {SUBJ} paper is now with {JOB} {F2}. Comments to {F3} by {DAY} please.\n\nBest,\n{G1}\n",
	"On {DAY}, {NUM} {MONTH} 2021 at {TIME}, {F2} <{E2}> wrote:\n> Can we move this to {DAY}?\n\nFine by me.\n\nCheers\n{G1}\n",
	"FROM: {U1}\nTO: {U2}\nSUBJECT: {SUBJ}\n\n{G2}, see below from {ORG}.\n",
	"Dear Sir/Madam,\n\nPlease find the invoice from {ORG} attached. Payment is due in {MONTH}.\n\nRegards,\nAccounts Team\n",
	"Hello {G2},\n\nI met {I3} at the {ORG} event in {PLACE}. {P3} view was that we should wait until {MONTH}.\n\nMany thanks\n{F1}\n",
	"Attendees: {F1}, {F2}, {F3}\nApologies: {T1}\n\nActions: {G2} to circulate the note by {DAY}.\n",
	"To: {F2} <{E2}>\nCc: {F3} <{E3}>\n\n{G2} - agree with {G3}. Use {FONT} 12pt for the final version.\n\n{G1}\n",
}

var negA = []string{
	"Reminder: the {SUBJ} meeting is on {DAY} {NUM} {MONTH} at {TIME}.",
	"Please use {FONT} for all slides. Headings in {FONT} Bold.",
	"The office in {PLACE} is closed until {MONTH}.",
	"Invoice from {ORG} attached. Total due £{NUM}00.",
	"Will the {ORG} figures be ready by {DAY}?",
	"May I suggest we move the {SUBJ} review to {MONTH}?",
	"Grace and Favour apartments are not part of the estate.",
	"Mark the box if you agree. Bill payment runs on {DAY}.",
	"We met at {ORG} in {PLACE} last {MONTH}.",
	"OFFICIAL SENSITIVE\nNOT FOR CIRCULATION",
	"Budget Review Meeting Agenda\n1. Apologies\n2. Minutes of Last Meeting\n3. Any Other Business",
	"The Health Secretary will attend the Cabinet meeting on {DAY}.",
	"Hope to see you in {PLACE} in the Summer.",
	"Please send the signed copy to {ORG}, Baker Street, London.",
	"New York and New Zealand offices will join by video.",
	"Rose Garden press conference at {TIME}.",
	"PPE stock levels: {NUM} pallets at {PLACE} depot.",
	"Our Chief Executive and the Permanent Secretary met the Prime Minister.",
	"Thanks all, great work this week!",
	"The NHS Test and Trace app update ships in {MONTH}.",
	"Use Excel or Google Sheets for the returns; Word for the letters.",
	"Victoria Station to Kings Cross takes {NUM} minutes.",
	"Green light from the Treasury on {DAY}.",
	"Lincoln Cathedral and Durham Castle are on the list.",
	// News- and document-style text.
	"Apple and Microsoft shares fell on {DAY}, while Amazon rose.",
	"The Bank of England held rates; the Financial Times reported it first.",
	"Mercedes and Ferrari drivers clashed at Silverstone.",
	"Install Python and Docker before the Jenkins upgrade.",
	"Storm Ciara hit Wales and the South West.",
	"Tesco, Sainsbury's and Morrisons all cut prices.",
	"We flew British Airways from Heathrow to Dallas.",
	"Paris Agreement targets were discussed in Glasgow.",
	"Victoria Line and Jubilee Line delays this morning.",
	"The Lord Chancellor and the Attorney General attended.",
	"Christmas Day falls on a {DAY} this year.",
	"Page 3 of the Annual Report covers the Audit Committee.",
	"Chelsea beat Arsenal at Stamford Bridge.",
	"Grant applications close in {MONTH}.",
	"Marks & Spencer and John Lewis reported results.",
	"{F1}, chief executive of {ORG}, said the deal was done.",
	"According to {F2}, the figures are wrong.",
	"\"We are on track,\" said {F3}.",
	"{F1} told the committee: \"{S1} will report in {MONTH}.\"",
	"Minutes taken by {F1} ({JOB}).",
}

// Template set B (holdout): different phrasing and formats.
var chatB = []string{
	"has {G2} signed off the letter yet?",
	"{F2} is joining from {PLACE}",
	"Quick one - did {T2} reply?",
	"Yes. {G3} has the latest version",
	"Chasing {ORG} now",
	"cheers {G2}",
	"Looping in {F3}",
	"running 10 mins late",
	"Sure, I'll brief {JOB} {F3} before {DAY}",
	"{P2} draft looks good to me",
	"Any word from {H3}?",
	"Lunch? Pret at {TIME}",
	"Apologies - {G3} is covering for me {DAY}",
	"Sorry {G2}, missed this",
	"The {ORG} call has moved to {DAY}",
	"Fine. {I3} can sign it",
	"Frank discussion with the team earlier",
	"Joy, another deadline",
	"Chase {G3} for the numbers pls",
	"{U2} on the list?",
	"Thx {G2}",
	"Told {L3} already",
	"Please update the template to {FONT}",
	"{F2} from {ORG} rang",
}

var mailB = []string{
	"From: \"{F1}\" <{E1}>\nDate: {DAY}, {NUM} {MONTH} 2022\nTo: {E2}\nSubject: {SUBJ}\n\nHey {G2},\n\nQuick note to say {F3} has agreed to chair.\n\nBest wishes,\n\n{F1}\n{ORG}\n",
	"Good morning {T2},\n\nMany thanks for your letter of {NUM} {MONTH}. I have asked {F3} in my office to respond.\n\nYours faithfully,\n{H1}\n{JOB}\n",
	"{G2},\n\nRe the {SUBJ}: {T3} is content. Happy to discuss.\n\nThanks\n{F1}\n",
	"Subject: {SUBJ}\n\nTeam,\n\nWelcome to {F2}, who joins us from {ORG} on {DAY}.\n\nWarm regards\n{G1}\n",
	"-----Original Message-----\nFrom: {F2} <{E2}>\nSent: {DAY} {TIME}\nTo: {F1}\nSubject: RE: {SUBJ}\n\nAll good from my side.\n{G2}\n",
	"PRESENT: {U1}, {U2}, {U3}\nIN ATTENDANCE: {JOB}\n\n1. {T1} opened the meeting.\n",
	"Hello,\n\nThe {ORG} portal will be down on {DAY}. Please use the {PLACE} office instead.\n\nIT Service Desk\n",
	"Dear {G2} and {G3},\n\nThe draft is attached in {FONT}. Comments by {DAY} please.\n\nAll the best,\n{F1}\n",
}

var negB = []string{
	"Sent from my iPhone",
	"Meeting Room 4, Level 2, {ORG}",
	"Summer Reception - {DAY} {NUM} {MONTH}",
	"Hunter valley wines for the reception",
	"Chase Bank statement attached",
	"Ivy restaurant booking for {NUM} at {TIME}",
	"The {JOB} visited {PLACE} on {DAY}.",
	"Holly wreaths for the {ORG} Christmas party",
	"New Forest and North Yorkshire pilots begin in {MONTH}.",
	"Set the body text in {FONT} 11pt and captions in {FONT}.",
	"Press Office lines agreed with {ORG}.",
	"Jersey and Guernsey are Crown Dependencies.",
	"Ruby Wedding anniversary lunch - {DAY}",
	"Sandy Lane Hotel confirmation #{NUM}",
	"Autumn Statement briefing pack v{NUM}",
	"TOP SECRET - UK EYES ONLY",
	"Action: circulate the Board paper by {DAY}.",
	"St Albans and West Ham fixtures are postponed.",
	// News- and document-style text.
	"Shares in Google, Netflix and Spotify rose on {DAY}.",
	"The Supreme Court ruled against the Home Office.",
	"Storm Dennis closed the M4 near Bristol.",
	"Alexa, set a timer for ten minutes.",
	"Update Chrome and Firefox before the Windows patch.",
	"{F2} won at Silverstone for Mercedes.",
	"The Speaker called the Leader of the House.",
	"Boxing Day sales start at Harrods and Selfridges.",
	"Read Chapter 4 of the Green Paper before {DAY}.",
	"Goldman Sachs and Morgan Stanley advised on the deal.",
	"{F2}, a spokesperson for {ORG}, declined to comment.",
	"In a letter to {T3}, the Treasury set out its plans.",
	"\"It is done,\" {F1} said on {DAY}.",
	"The report, written by {I2} and {F3}, is attached.",
	"{S2} has asked for a review by {MONTH}.",
}
