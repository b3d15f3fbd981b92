// Package phone detects telephone numbers in text, validated with
// github.com/nyaruka/phonenumbers (a Go port of Google's libphonenumber).
//
// phonenumbers v1.8.1 has no working find-in-text matcher, and a Parse +
// IsValidNumber costs tens of microseconds, so this package finds and
// pre-checks candidates itself with a byte scanner and calls phonenumbers
// only on plausible ones, caching the answers.
//
// # Cost of importing
//
// Importing this package imports phonenumbers, whose package initialisation
// loads its metadata: 10-20 ms and 2.5 MB (35.5k allocations) at program
// start (GODEBUG=inittrace=1), paid whether or not a phone detector is
// used. Programs that do not
// need phone numbers should not import it (package pii does not).
//
// # Regions
//
// Regions are ISO 3166-1 alpha-2 codes as libphonenumber knows them: the
// United Kingdom is "GB", never "UK" (Presidio shipped "UK" for years and
// silently missed every national-format UK number). [New] panics on a
// region phonenumbers does not support.
package phone

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
	"github.com/tidemark/tidemark/detect"
)

// Kind is the Kind of phone number findings.
const Kind detect.Kind = "phone"

// ID is the detector ID of the phone number detector.
const ID = "pii/phone"

// DefaultRegion is the region assumed for national-format numbers when
// [Options.Region] is empty.
const DefaultRegion = "GB"

// Options configure a phone number detector. The zero value is ready to
// use and means region GB.
type Options struct {
	// Region is the ISO 3166-1 alpha-2 region (upper case) whose national
	// format is accepted without a country code, e.g. "GB" (the default)
	// or "US". Numbers written in international format (+CC or 00CC) are
	// accepted for every country whatever the region.
	Region string
}

// All returns the package's detectors with default options: one phone
// number detector for region GB.
func All() []detect.Detector { return []detect.Detector{New(Options{})} }

// New returns a detector for telephone numbers.
//
// Matches: numbers in the national format of Options.Region ("020 7946
// 0958", "07700 900123", "(01632) 960123" for GB) and in international
// format for any country ("+44 20 7946 0958", "+44 (0)20 7946 0958",
// "0044 20 7946 0958", "+1 202 555 0143"), with digit groups separated
// by single spaces (or no-break spaces), hyphens, dots or brackets. A run
// of groups holding more than one number ("020 7946 0958 07700 900123")
// is split.
//
// Validation: the scanner rejects candidates glued to letters or to
// other numbers ("v1.2", "12/03/1961", "12:30", "£1,234", "#123"),
// IPv4-shaped dotted runs, and lengths or prefixes that cannot be a
// number (for GB: national numbers start with 0 then 1-9 and have 10 or 11
// digits; for NANP regions such as US, 10 digits NXX NXX XXXX, optionally
// after 1; for other regions 6-13 digits, starting with a trunk 0 or
// written in groups; international numbers need a known country calling
// code and 6-15 digits). The survivors go to phonenumbers Parse + IsValidNumber.
// Ofcom's drama ranges (020 7946 0xxx, 07700 900xxx, 01632 960xxx and the
// others Ofcom reserves for fiction) are accepted as valid UK numbers
// although libphonenumber rejects some of them: test data uses them.
// Answers are cached per detector (bounded, safe for concurrent use).
//
// Triggers: ASCII digits.
// Run filter: accepts a digit run unless a letter, '/' or '\' is next to it, or it is shorter than 6 digits with no separator byte (space, '-', '.', bracket, non-ASCII) on either side.
//
// Score: 60 for a valid number in international format, 55 with "00",
// 55 for a grouped national number, 50 for an ungrouped run of digits;
// −15 when other digit groups precede the number in the same run, −10
// when stray groups follow it; +25 when it is the sender field of a chat
// export line ("09:30 - +44 7700 900123: hi", "[...] 07700 900123: hi"),
// and then final: the line's structure makes it a number, so the words of
// the message around it are no cues ([detect.Finding.Final]).
// Cues: +25 near "tel", "telephone", "phone", "mob", "mobile", "whatsapp",
// "fax"; +20 near "call", "ring", "text", "contact"; −25 near "invoice",
// "ref", "reference", "order", "account", "serial", "tracking", "isbn".
//
// Known false positives: order, account and reference numbers that happen
// to be valid phone numbers and lack a negative cue (a valid UK national
// number is any 0 + 9-10 digits in an allocated range). Known false
// negatives: vanity numbers with letters ("0800 FLOWERS"), extensions
// ("ext. 123" is not part of the match), numbers split by " - " or
// double spaces, national formats of regions other than Options.Region,
// and numbers in scripts with non-ASCII digits.
//
// Findings carry detail bits in Info (see [Info]); [Detector.Detail]
// returns the canonical E.164 form as a [Number].
func New(opts Options) *Detector {
	region := opts.Region
	if region == "" {
		region = DefaultRegion
	}
	cc := phonenumbers.GetCountryCodeForRegion(region)
	if cc == 0 {
		panic(fmt.Sprintf("phone: unsupported region %q (use ISO 3166-1 alpha-2 codes such as \"GB\", not \"UK\")", opts.Region))
	}
	return &Detector{region: region, cc: cc, gb: region == "GB", ccs: callingCodes()}
}

// A Detector is a phone number detector made by [New]. It is safe for
// concurrent use by multiple goroutines.
type Detector struct {
	region string
	cc     int         // country calling code of region
	gb     bool        // region is GB: use the tight national pre-check
	ccs    *[1000]bool // callingCodes()
	calls  atomic.Int64
	cache  atomic.Pointer[cacheTable] // allocated on first use
}

var (
	_ detect.Detector = (*Detector)(nil)
	_ detect.Detailer = (*Detector)(nil)
)

const (
	maxLen     = 32 // longest match: 15 digits, '+', brackets and separators
	radius     = 32 // cue radius; covers the piece (maxPiece) and the bytes judged around it
	maxPiece   = 28 // longest run of digit groups examined; longer runs are tables
	maxGroups  = 16
	maxDigits  = 15 // E.164
	minIntlLen = 6  // digits after '+', country code included (Iran has 6)
)

// Spec implements [detect.Detector].
func (d *Detector) Spec() detect.Spec {
	return detect.Spec{
		ID: ID, Kind: Kind, MaxLen: maxLen,
		Description: "Telephone numbers (national format for " + d.region + ", international for all), validated with libphonenumber",
		Triggers:    detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: radius, Words: []detect.Cue{
			{Word: "tel", Delta: 25}, {Word: "telephone", Delta: 25}, {Word: "phone", Delta: 25},
			{Word: "mob", Delta: 25}, {Word: "mobile", Delta: 25}, {Word: "whatsapp", Delta: 25},
			{Word: "fax", Delta: 25}, {Word: "call", Delta: 20}, {Word: "ring", Delta: 20},
			{Word: "text", Delta: 20}, {Word: "contact", Delta: 20},
			{Word: "invoice", Delta: -25}, {Word: "ref", Delta: -25}, {Word: "reference", Delta: -25},
			{Word: "order", Delta: -25}, {Word: "account", Delta: -25}, {Word: "serial", Delta: -25},
			{Word: "tracking", Delta: -25}, {Word: "isbn", Delta: -25},
		}},
	}
}

// Info is the layout of [detect.Finding.Info] for phone findings.
//
//	bits 0-9   country calling code (44 for GB)
//	bits 10-13 number type (a phonenumbers.PhoneNumberType; 15 if unknown)
//	bit  14    the number is in an Ofcom drama range (fictional)
//	bit  15    the number was written in international format
type Info uint32

// CallingCode returns the country calling code.
func (i Info) CallingCode() int { return int(i & 0x3ff) }

// Fictional reports whether the number is in a range reserved for fiction.
func (i Info) Fictional() bool { return i&(1<<14) != 0 }

// International reports whether the number was written with +CC or 00CC.
func (i Info) International() bool { return i&(1<<15) != 0 }

// Type returns the number type as phonenumbers classifies it.
func (i Info) Type() phonenumbers.PhoneNumberType {
	t := (i >> 10) & 0xf
	if t == 15 {
		return phonenumbers.UNKNOWN
	}
	return phonenumbers.PhoneNumberType(t)
}

// A Number is the detail of a phone finding.
type Number struct {
	E164      string // canonical form, e.g. "+442079460958"
	Region    string // region of the number, e.g. "GB"; empty if shared or unknown
	Type      string // "fixed_line", "mobile", "toll_free", ... or "unknown"
	Fictional bool   // in an Ofcom range reserved for drama
}

// ErrNotNumber is returned by [Detector.Detail] for bytes that are not a
// valid phone number.
var ErrNotNumber = errors.New("phone: not a valid phone number")

// Detail implements [detect.Detailer]: it returns the [Number] for a
// finding's matched bytes. It allocates and calls phonenumbers.
func (d *Detector) Detail(f detect.Finding, match []byte) (any, error) {
	var c cand
	if !c.fromMatch(match, d.cc) {
		return nil, ErrNotNumber
	}
	res, ok := d.validate(&c)
	if !ok {
		return nil, ErrNotNumber
	}
	n := Number{Type: "unknown", Fictional: res&resFictional != 0}
	if n.Fictional {
		nsn, _ := d.ukNSN(&c)
		n.E164, n.Region = "+44"+string(nsn), "GB"
		return n, nil
	}
	var kb [maxDigits + 5]byte
	pn, err := phonenumbers.Parse(string(c.key(kb[:0])), d.region)
	if err != nil {
		return nil, ErrNotNumber
	}
	n.E164 = phonenumbers.Format(pn, phonenumbers.E164)
	n.Region = phonenumbers.GetRegionCodeForNumber(pn)
	n.Type = typeName(phonenumbers.GetNumberType(pn))
	return n, nil
}

func typeName(t phonenumbers.PhoneNumberType) string {
	switch t {
	case phonenumbers.FIXED_LINE:
		return "fixed_line"
	case phonenumbers.MOBILE:
		return "mobile"
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return "fixed_line_or_mobile"
	case phonenumbers.TOLL_FREE:
		return "toll_free"
	case phonenumbers.PREMIUM_RATE:
		return "premium_rate"
	case phonenumbers.SHARED_COST:
		return "shared_cost"
	case phonenumbers.VOIP:
		return "voip"
	case phonenumbers.PERSONAL_NUMBER:
		return "personal_number"
	case phonenumbers.PAGER:
		return "pager"
	case phonenumbers.UAN:
		return "uan"
	case phonenumbers.VOICEMAIL:
		return "voicemail"
	}
	return "unknown"
}

// callingCodes is the set of country calling codes phonenumbers knows,
// built on first use.
var callingCodes = sync.OnceValue(func() *[1000]bool {
	var t [1000]bool
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		if cc > 0 && cc < 1000 {
			t[cc] = true
		}
	}
	return &t
})

// String returns the detector's ID and region, for debugging.
func (d *Detector) String() string { return ID + "(" + strings.ToUpper(d.region) + ")" }
