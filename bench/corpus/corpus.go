// Package corpus generates deterministic synthetic text for tidemark's
// benchmarks and accuracy harness: UK English WhatsApp chat exports (iOS
// and Android layouts), e-mails (headers, quoted replies, signatures,
// disclaimers), document prose and, in the dense corpus, digit-heavy
// tables and logs. Personal data and protective markings are planted at a
// configurable density together with near-misses (invalid checksums,
// look-alike phrases), and every planted item is recorded as a labelled
// byte span, the ground truth.
//
// Output is a pure function of the [Config]: the same seed gives the same
// bytes with the same Go version. Generation is streamed document by
// document, so gigabytes can be written with a few kilobytes of memory.
//
// # Synthetic data
//
// Every value is made up: phone numbers come from the Ofcom ranges
// reserved for drama (07700 900xxx, 020 7946 0xxx, 0113 496 0xxx …),
// e-mail domains are RFC 2606 names (example.com …), IP addresses come
// from the documentation ranges (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24, 2001:db8::/32), and NHS numbers, National Insurance
// numbers, IBANs and card numbers are random values of valid form
// (checksums computed) from the seeded generator. Names are drawn from a
// small built-in list and combined at random.
//
// # Labels
//
// Span labels are the detector Kinds of package tidemark (see [Labels]):
// a planted NHS number is labelled "uk.nhs", a person's name
// "person.name". Near-misses are not labelled.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Labels used in the ground truth. They are the Kind strings of the
// detectors that should find each item.
const (
	LabelEmail    = "email"
	LabelPhone    = "phone"
	LabelNHS      = "uk.nhs"
	LabelNINO     = "uk.nino"
	LabelPostcode = "uk.postcode"
	LabelName     = "person.name"
	LabelMarking  = "marking"
	LabelCard     = "payment.card"
	LabelIBAN     = "iban"
	LabelIP       = "ip.address"
	LabelDOB      = "date.birth"
	LabelSortCode = "uk.sort-code"
	LabelAccount  = "uk.bank-account" // sort code and account number together
	LabelAddress  = "uk.address"
	LabelPassport = "uk.passport"
	LabelVehicle  = "uk.vehicle-registration"
)

// Labels lists every label the generator can emit, sorted.
var Labels = []string{
	LabelDOB, LabelEmail, LabelIBAN, LabelIP, LabelMarking, LabelCard,
	LabelName, LabelPhone, LabelAddress, LabelAccount, LabelNHS, LabelNINO, LabelPassport, LabelPostcode,
	LabelSortCode, LabelVehicle,
}

// Density says how much personal data is planted.
type Density int

const (
	// Clean is document prose with no digits, no '@', no names and no
	// marking words: it measures the prefilter floor.
	Clean Density = iota
	// Typical is a mix of chat, e-mail and prose at a realistic density.
	Typical
	// Dense adds digit-heavy tables and logs and plants far more often:
	// the worst case.
	Dense
	// Office is Typical without the chat exports: e-mails and reports
	// only, so no timestamp on every line.
	Office
)

// String returns "clean", "typical", "dense" or "office".
func (d Density) String() string {
	switch d {
	case Clean:
		return "clean"
	case Typical:
		return "typical"
	case Dense:
		return "dense"
	case Office:
		return "office"
	}
	return "density(" + strconv.Itoa(int(d)) + ")"
}

// ParseDensity parses the names String returns.
func ParseDensity(s string) (Density, error) {
	for d := Clean; d <= Office; d++ {
		if d.String() == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("corpus: unknown density %q (want clean, typical, dense or office)", s)
}

// Config says what to generate.
type Config struct {
	Seed    uint64
	Size    int64 // total bytes; output stops at the last line break at or before Size
	Density Density
}

// A Span is one labelled item: Text[Start:End] (in a Doc) or input bytes
// [Start, End) (in a stream) is a value of kind Label.
type Span struct {
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	Label string `json:"label"`
}

// A Doc is one generated document (a chat export, an e-mail or a
// report) with its spans, offsets relative to Text.
type Doc struct {
	Kind  string // "chat-ios", "chat-android", "email", "prose", "table", "log"
	Text  []byte
	Spans []Span
}

// A Generator produces documents one at a time.
type Generator struct {
	r     *rand.Rand
	d     Density
	rate  float64 // probability that a line carries planted data
	near  float64 // probability that a line carries a near-miss
	b     []byte
	spans []Span
	clock time.Time
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(seed uint64, d Density) *Generator {
	g := &Generator{
		r:     rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		d:     d,
		clock: time.Date(2021, 3, 12, 9, 14, 55, 0, time.UTC),
	}
	switch d {
	case Typical, Office:
		g.rate, g.near = 0.08, 0.04
	case Dense:
		g.rate, g.near = 0.45, 0.15
	}
	return g
}

// Next returns the next document. Its Text and Spans are reused by the
// following call.
func (g *Generator) Next() Doc {
	g.b, g.spans = g.b[:0], g.spans[:0]
	var kind string
	switch {
	case g.d == Clean:
		kind = "prose"
		g.prose(false)
	case g.d == Office:
		if g.r.IntN(10) < 6 {
			kind = "email"
			g.email()
		} else {
			kind = "prose"
			g.prose(true)
		}
	default:
		x := g.r.IntN(100)
		if g.d == Dense && x < 30 {
			if x < 15 {
				kind = "table"
				g.table()
			} else {
				kind = "log"
				g.log()
			}
		} else {
			switch x % 10 {
			case 0, 1, 2:
				kind = "chat-ios"
				g.chat(true)
			case 3, 4:
				kind = "chat-android"
				g.chat(false)
			case 5, 6, 7:
				kind = "email"
				g.email()
			default:
				kind = "prose"
				g.prose(true)
			}
		}
	}
	return Doc{Kind: kind, Text: g.b, Spans: g.spans}
}

// --- building blocks ---

func (g *Generator) s(parts ...string) {
	for _, p := range parts {
		g.b = append(g.b, p...)
	}
}

func (g *Generator) plant(label, v string) {
	st := len(g.b)
	g.b = append(g.b, v...)
	g.spans = append(g.spans, Span{Start: int64(st), End: int64(len(g.b)), Label: label})
}

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *Generator) first() string { return pick(g.r, firstNames) }
func (g *Generator) last() string  { return pick(g.r, surnames) }

// fullName plants "First Last" and returns the parts.
func (g *Generator) fullName() (string, string) {
	f, l := g.first(), g.last()
	g.plant(LabelName, f+" "+l)
	return f, l
}

func (g *Generator) emailOf(f, l string) string {
	loc := []byte{}
	for _, s := range []string{f, ".", l} {
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'A' && c <= 'Z':
				loc = append(loc, c+'a'-'A')
			case c >= 'a' && c <= 'z', c == '.':
				loc = append(loc, c)
			}
		}
	}
	return string(loc) + "@" + pick(g.r, g.domainsFor())
}

func (g *Generator) domainsFor() []string { return domains }

// pii plants one item of personal data with its usual context. It is the
// heart of the generator: each case is a phrase people write.
func (g *Generator) pii() {
	r := g.r
	switch r.IntN(17) {
	case 0, 1:
		g.s(pick(r, []string{"my new number is ", "call me on ", "mobile: ", "Tel: ", "ring ", "you can reach her on "}))
		g.plant(LabelPhone, phone(r))
	case 2, 3:
		g.s(pick(r, []string{"email me at ", "send it to ", "Email: ", "his address is ", "cc "}))
		g.plant(LabelEmail, g.emailOf(g.first(), g.last()))
	case 4:
		g.s(pick(r, []string{"NHS number ", "NHS no: ", "her NHS number is ", "NHS No. ", "nhs "}))
		g.plant(LabelNHS, validNHS(r))
	case 5:
		g.s(pick(r, []string{"NI number ", "National Insurance number: ", "NINO ", "ni no "}))
		g.plant(LabelNINO, validNINO(r))
	case 6, 7:
		g.s(pick(r, []string{"the address is ", "lives at ", "Address: ", "send it to "}))
		st := len(g.b)
		g.s(strconv.Itoa(1+r.IntN(120)), " ", pick(r, []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Close"}), ", ",
			pick(r, []string{"London", "Leeds", "Cardiff", "Manchester", "Glasgow", "Bristol", "Belfast"}), " ")
		g.plant(LabelPostcode, postcode(r))
		g.spans = append(g.spans, Span{Start: int64(st), End: int64(len(g.b)), Label: LabelAddress})
	case 8:
		g.s(pick(r, []string{"DOB ", "date of birth: ", "born on ", "D.O.B. ", "she was born "}))
		g.plant(LabelDOB, date(r, 1940, 2010))
	case 9:
		g.s(pick(r, []string{"sort code ", "Sort code: ", "bank sort code "}))
		if r.IntN(2) == 0 {
			g.plant(LabelSortCode, sortCode(r))
		} else {
			st := len(g.b)
			g.s(sortCode(r), pick(r, []string{" account ", ", account number ", " acc no "}), accountNumber(r))
			g.spans = append(g.spans, Span{Start: int64(st), End: int64(len(g.b)), Label: LabelAccount})
		}
	case 10:
		g.s(pick(r, []string{"IBAN ", "pay to IBAN: ", "bank details IBAN "}))
		g.plant(LabelIBAN, validIBAN(r))
	case 11:
		g.s(pick(r, []string{"card number ", "paid with card ", "Card: "}))
		g.plant(LabelCard, validCard(r))
	case 12:
		g.s(pick(r, []string{"login from ", "client IP ", "the server at ", "blocked "}))
		g.plant(LabelIP, ipAddr(r))
	case 15:
		g.s(pick(r, []string{"passport number ", "Passport No: ", "her passport is "}))
		g.plant(LabelPassport, passport(r))
	case 16:
		g.s(pick(r, []string{"the car reg is ", "vehicle registration ", "parked a van, reg "}))
		g.plant(LabelVehicle, vehicleReg(r))
	default:
		g.s(pick(r, []string{"spoke to ", "it was ", "ask ", "according to ", "passed to "}))
		if r.IntN(3) == 0 {
			g.s(pick(r, titles), " ")
			g.plant(LabelName, g.last())
		} else {
			g.fullName()
		}
	}
}

// nearMiss writes something shaped like personal data or a marking that
// must not be reported.
func (g *Generator) nearMiss() {
	r := g.r
	switch r.IntN(10) {
	case 0:
		g.s("ref ", invalidNHS(r))
	case 1:
		g.s("NI number ", invalidNINO(r), " was rejected")
	case 2:
		g.s("card ", invalidCard(r), " declined")
	case 3:
		g.s("IBAN ", invalidIBAN(r), " failed validation")
	case 4:
		g.s("build ", versionString(r))
	case 5:
		g.s("meeting on ", date(r, 2019, 2024))
	case 6:
		g.s("order no. ", strconv.Itoa(10000000+r.IntN(89999999)))
	default:
		g.s(pick(r, markingLookalikes))
	}
}

// payload writes a line's content: usually ordinary text, sometimes
// planted data or a near-miss inside a sentence.
func (g *Generator) payload(chat bool) {
	r := g.r
	switch {
	case g.chance(g.rate):
		if r.IntN(2) == 0 {
			g.s(pick(r, []string{"ok so ", "fyi ", "Update: ", "right, ", ""}))
		}
		g.pii()
		g.s(pick(r, []string{"", ".", " thanks", " if that helps", " x"}))
	case g.chance(g.near):
		g.nearMiss()
	case chat && g.chance(0.3):
		g.s(pick(r, chatDigits))
	case chat:
		g.s(pick(r, chatPlain))
	default:
		g.s(pick(r, prose))
	}
}

func (g *Generator) tick() time.Time {
	g.clock = g.clock.Add(time.Duration(20+g.r.IntN(3600*6)) * time.Second)
	return g.clock
}

// chat writes a WhatsApp export: iOS "[12/03/2021, 09:14:55] Name: …" or
// Android "12/03/2021, 21:14 - Name: …".
func (g *Generator) chat(ios bool) {
	r := g.r
	type member struct{ name, phone string }
	n := 2 + r.IntN(3)
	ms := make([]member, n)
	for i := range ms {
		if r.IntN(6) == 0 {
			ms[i].phone = "+44 7700 900" + strconv.Itoa(100+r.IntN(900))
		} else {
			ms[i].name = g.first() + " " + g.last()
		}
	}
	if ios {
		g.s("[", g.clock.Format("02/01/2006, 15:04:05"), "] ", "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n")
	} else {
		g.s(g.clock.Format("02/01/2006, 15:04"), " - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n")
	}
	lines := 10 + r.IntN(40)
	for range lines {
		t := g.tick()
		m := ms[r.IntN(n)]
		if ios {
			g.s("[", t.Format("02/01/2006, 15:04:05"), "] ")
		} else {
			g.s(t.Format("02/01/2006, 15:04"), " - ")
		}
		if m.phone != "" {
			g.plant(LabelPhone, m.phone)
		} else {
			g.plant(LabelName, m.name)
		}
		g.s(": ")
		switch {
		case g.d != Clean && g.chance(0.01):
			g.plant(LabelMarking, pick(r, markingsLine))
		case g.chance(0.03):
			if ios {
				g.s(pick(r, []string{"\u200eimage omitted", "\u200evideo omitted", "\u200eaudio omitted"}))
			} else {
				g.s("<Media omitted>")
			}
		default:
			g.payload(true)
			for g.chance(0.12) { // multi-line message
				g.s("\n")
				g.payload(true)
			}
		}
		g.s("\n")
	}
	g.s("\n")
}

// email writes an RFC 5322-style message with a signature, a disclaimer
// and sometimes a quoted reply.
func (g *Generator) email() {
	r := g.r
	ff, fl := g.first(), g.last()
	tf, tl := g.first(), g.last()
	t := g.tick()
	g.s("From: ")
	g.plant(LabelName, ff+" "+fl)
	g.s(" <")
	g.plant(LabelEmail, g.emailOf(ff, fl))
	g.s(">\nTo: ")
	g.plant(LabelName, tf+" "+tl)
	g.s(" <")
	g.plant(LabelEmail, g.emailOf(tf, tl))
	g.s(">\n")
	if g.chance(0.3) {
		g.s("Cc: ")
		g.plant(LabelEmail, g.emailOf(g.first(), g.last()))
		g.s("\n")
	}
	g.s("Date: ", t.Format("Mon, 2 Jan 2006 15:04:05 -0700"), "\nSubject: ")
	marked := g.chance(g.rate * 1.5)
	if marked {
		g.plant(LabelMarking, pick(r, markingsSubject))
		g.s(pick(r, []string{": ", " - ", " "}))
	}
	g.s(pick(r, subjects), "\n\n")
	if marked && g.chance(0.5) {
		g.plant(LabelMarking, pick(r, markingsLine))
		g.s("\n\n")
	}
	switch r.IntN(3) {
	case 0:
		g.s("Dear ")
		g.plant(LabelName, tf)
		g.s(",\n\n")
	case 1:
		g.s("Hi ")
		g.plant(LabelName, tf)
		g.s(",\n\n")
	default:
		g.s("Hello,\n\n")
	}
	for range 1 + r.IntN(4) {
		for range 1 + r.IntN(4) {
			g.payload(false)
			g.s(" ")
		}
		g.s("\n\n")
	}
	g.s(pick(r, []string{"Kind regards,\n", "Best wishes,\n", "Thanks,\n", "Many thanks\n"}))
	g.plant(LabelName, ff+" "+fl)
	g.s("\n", pick(r, jobTitles), "\n", pick(r, orgs), "\n")
	if g.d != Clean && g.chance(0.6) {
		g.s("Tel: ")
		g.plant(LabelPhone, phone(r))
		g.s("\n")
	}
	if g.chance(0.5) {
		g.s("\nOn ", t.Add(-time.Hour*time.Duration(1+r.IntN(48))).Format("2 Jan 2006, at 15:04"), ", ")
		g.plant(LabelName, tf+" "+tl)
		g.s(" <")
		g.plant(LabelEmail, g.emailOf(tf, tl))
		g.s("> wrote:\n")
		for range 1 + r.IntN(3) {
			g.s("> ")
			g.payload(false)
			g.s("\n")
		}
	}
	g.s("\n", disclaimer, "\n\n")
}

// prose writes a report with headings and paragraphs; with planted=false
// it is the clean corpus (no digits, no '@', no names, no markings).
func (g *Generator) prose(planted bool) {
	r := g.r
	marked := planted && g.chance(g.rate*1.5)
	var mk string
	if marked {
		mk = pick(r, markingsLine)
		g.plant(LabelMarking, mk)
		g.s("\n\n")
	}
	g.s(pick(r, []string{"Summary of findings", "Background", "Case review", "Progress report", "Notes of the meeting", "Service update"}), "\n\n")
	for range 2 + r.IntN(5) {
		for range 2 + r.IntN(5) {
			if planted {
				g.payload(false)
			} else {
				g.s(pick(r, prose))
			}
			g.s(" ")
		}
		g.b[len(g.b)-1] = '\n'
		g.s("\n")
	}
	if marked {
		g.plant(LabelMarking, mk)
		g.s("\n")
	}
	g.s("\n")
}

// table writes a digit-heavy CSV extract (dense corpus only).
func (g *Generator) table() {
	r := g.r
	g.s("name,nhs_number,dob,postcode,phone,amount\n")
	for range 10 + r.IntN(30) {
		if g.chance(0.5) {
			g.fullName()
			g.s(",")
			g.plant(LabelNHS, string(nhsDigits(r, true)))
			g.s(",")
			g.plant(LabelDOB, date(r, 1940, 2010))
			g.s(",")
			g.plant(LabelPostcode, postcode(r))
			g.s(",")
			g.plant(LabelPhone, phone(r))
		} else {
			g.s("row ", strconv.Itoa(r.IntN(100000)), ",", invalidNHS(r), ",", date(r, 2019, 2024), ",n/a,", strconv.Itoa(r.IntN(1e9)))
		}
		g.s(",", strconv.Itoa(r.IntN(5000)), ".", two(r.IntN(100)), "\n")
	}
	g.s("\n")
}

// log writes application log lines with timestamps, IPs and IDs (dense
// corpus only).
func (g *Generator) log() {
	r := g.r
	for range 20 + r.IntN(40) {
		t := g.tick()
		g.s(t.Format("2006-01-02T15:04:05.000Z"), " ", pick(r, logLevels), " req=", strconv.FormatUint(r.Uint64()>>20, 16), " ")
		switch r.IntN(5) {
		case 0:
			g.s("login ok user=")
			g.plant(LabelEmail, g.emailOf(g.first(), g.last()))
			g.s(" ip=")
			g.plant(LabelIP, ipAddr(r))
		case 1:
			g.s("GET /api/v", strconv.Itoa(1+r.IntN(3)), "/cases/", strconv.Itoa(r.IntN(1e7)), " 200 ", strconv.Itoa(r.IntN(900)), "ms")
		case 2:
			g.s("agent=client/", versionString(r), " latency_ms=", strconv.Itoa(r.IntN(2000)))
		case 3:
			g.s("payment card=")
			g.plant(LabelCard, validCard(r))
			g.s(" status=", pick(r, []string{"ok", "declined"}))
		default:
			g.s("upstream ")
			g.plant(LabelIP, ipAddr(r))
			g.s(" timeout after ", strconv.Itoa(r.IntN(60)), "s")
		}
		g.s("\n")
	}
	g.s("\n")
}

// --- whole-corpus writers ---

// Write streams a corpus of cfg.Size bytes (at most; it ends at a line
// break) to text and, if spans is not nil, its ground truth to spans as
// JSON Lines {"start","end","label"} with offsets into the whole text. It
// returns the number of text bytes written.
func Write(text, spans io.Writer, cfg Config) (int64, error) {
	tw := bufio.NewWriterSize(text, 64<<10)
	var sw *bufio.Writer
	if spans != nil {
		sw = bufio.NewWriterSize(spans, 64<<10)
	}
	g := NewGenerator(cfg.Seed, cfg.Density)
	var off int64
	var line []byte
	for off < cfg.Size {
		d := g.Next()
		txt, sp := clip(d, cfg.Size-off)
		if len(txt) == 0 {
			break
		}
		if _, err := tw.Write(txt); err != nil {
			return off, err
		}
		if sw != nil {
			for _, s := range sp {
				line = appendSpanJSON(line[:0], s.Start+off, s.End+off, s.Label)
				if _, err := sw.Write(line); err != nil {
					return off, err
				}
			}
		}
		off += int64(len(txt))
		if len(txt) < len(d.Text) {
			break
		}
	}
	if err := tw.Flush(); err != nil {
		return off, err
	}
	if sw != nil {
		if err := sw.Flush(); err != nil {
			return off, err
		}
	}
	return off, nil
}

// clip cuts a document to at most room bytes, at a line break, and drops
// the spans that do not fit.
func clip(d Doc, room int64) ([]byte, []Span) {
	if int64(len(d.Text)) <= room {
		return d.Text, d.Spans
	}
	cut := int(room)
	for cut > 0 && d.Text[cut-1] != '\n' {
		cut--
	}
	sp := d.Spans
	n := 0
	for n < len(sp) && sp[n].End <= int64(cut) {
		n++
	}
	return d.Text[:cut], sp[:n]
}

func appendSpanJSON(b []byte, start, end int64, label string) []byte {
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, end, 10)
	b = append(b, `,"label":`...)
	b = strconv.AppendQuote(b, label)
	return append(b, "}\n"...)
}

// Bytes returns a corpus of cfg.Size bytes (at most) held in memory, and
// its spans.
func Bytes(cfg Config) ([]byte, []Span) {
	g := NewGenerator(cfg.Seed, cfg.Density)
	out := make([]byte, 0, cfg.Size)
	var spans []Span
	for int64(len(out)) < cfg.Size {
		d := g.Next()
		txt, sp := clip(d, cfg.Size-int64(len(out)))
		if len(txt) == 0 {
			break
		}
		for _, s := range sp {
			spans = append(spans, Span{Start: s.Start + int64(len(out)), End: s.End + int64(len(out)), Label: s.Label})
		}
		out = append(out, txt...)
		if len(txt) < len(d.Text) {
			break
		}
	}
	return out, spans
}

// A DocRecord is one line of the accuracy harness's labelled format.
type DocRecord struct {
	ID    string `json:"id,omitempty"`
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
}

// EachDoc calls fn with whole documents, about cfg.Size bytes of text in
// all, and stops at the first error. The Doc is reused after fn returns.
func EachDoc(cfg Config, fn func(Doc) error) error {
	g := NewGenerator(cfg.Seed, cfg.Density)
	for total := int64(0); total < cfg.Size; {
		d := g.Next()
		if err := fn(d); err != nil {
			return err
		}
		total += int64(len(d.Text))
	}
	return nil
}

// WriteDocs writes whole documents, about cfg.Size bytes of text in all,
// as JSON Lines {"text":…, "spans":[…]} with offsets into each text: the
// input format of the accuracy harness. It returns the number of
// documents written.
func WriteDocs(w io.Writer, cfg Config) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err := EachDoc(cfg, func(d Doc) error {
		rec := DocRecord{Text: string(d.Text), Spans: d.Spans}
		if rec.Spans == nil {
			rec.Spans = []Span{}
		}
		n++
		return enc.Encode(&rec)
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// A Reader streams a corpus's text without its spans, for scanning
// arbitrarily large inputs with constant memory.
type Reader struct {
	g    *Generator
	left int64
	buf  []byte
	done bool
}

// NewReader returns a Reader of the corpus Write would produce for cfg.
func NewReader(cfg Config) *Reader {
	return &Reader{g: NewGenerator(cfg.Seed, cfg.Density), left: cfg.Size}
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.done || r.left <= 0 {
			return 0, io.EOF
		}
		d := r.g.Next()
		txt, _ := clip(d, r.left)
		if len(txt) == 0 {
			r.done = true
			return 0, io.EOF
		}
		if len(txt) < len(d.Text) {
			r.done = true
		}
		r.left -= int64(len(txt))
		r.buf = txt
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// ParseSize parses "4096", "64KiB", "16MiB", "1GiB" (also K, M, G, KB, MB,
// GB, all binary multiples).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suf string
		m   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suf) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suf)), u.m
			break
		}
	}
	v, err := strconv.ParseInt(t, 10, 64)
	if err != nil || v < 0 || v > math.MaxInt64/mult {
		return 0, fmt.Errorf("corpus: bad size %q", s)
	}
	return v * mult, nil
}
