package pii

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidemark/tidemark/detect"
)

// KindEmail is the Kind of e-mail address findings.
const KindEmail detect.Kind = "email"

// NewEmail returns a detector for e-mail addresses.
//
// Matches: addr-spec addresses as written in mail and chat: a dot-atom
// local part (RFC 5321/5322 atext, plus UTF-8 for RFC 6531 addresses), '@',
// and a domain of two or more labels, including internationalised (UTF-8)
// labels and punycode ("xn--"). Surrounding punctuation is not part of the
// match: "<a@example.com>," and "mailto:a@example.com." give a@example.com.
//
// Validation: local part 1..64 bytes without leading, trailing or doubled
// dots; domain at most 253 bytes, labels 1..63 bytes not starting or ending
// with '-', top-level label alphabetic (or punycode) of at least two
// letters; whole address at most 254 bytes. A run longer than the limits is
// rejected, never truncated. Rejected: URL user-info and paths
// ("https://user:pw@host", "http://h/p@x.com"), Outlook content IDs
// ("image001.png@01D7A2B3.C4D5E6F0") and retina image names ("logo@2x.png").
// A log key before the address ("user=jo@example.com") is left out of the
// match; the price is that a rare address with a single '=' in its local
// part loses the part before it.
//
// Triggers: '@'.
//
// Score: 80 with a well-known or country-code top-level domain, 60 with
// another alphabetic one; +10 near "email", "e-mail", "mailto", "contact".
//
// Known false negatives: quoted local parts ("john doe"@example.com) and
// address literals (user@[192.0.2.1]). Known false positives: identifiers
// of the form name@host.tld in code and logs (for example git remotes).
func NewEmail() detect.Detector { return email{} }

type email struct{}

var _ detect.Detector = email{}
var _ detect.Detailer = email{}

const (
	emailMaxLocal  = 64
	emailMaxDomain = 253
	emailMaxLen    = 254
	emailRadius    = 32
)

func (email) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/email", Kind: KindEmail, MaxLen: emailMaxLen,
		Description: "E-mail addresses (RFC 5321 dot-atom, IDN domains)",
		Triggers:    detect.Triggers{Bytes: "@"},
		Cues: detect.Cues{Radius: emailRadius, Words: []detect.Cue{
			{Word: "email", Delta: 10}, {Word: "e-mail", Delta: 10}, {Word: "mailto", Delta: 10, Side: detect.Before},
			{Word: "contact", Delta: 10},
		}},
	}
}

// emailAtext marks bytes allowed in a dot-atom local part besides '.' and
// UTF-8 (RFC 5322 atext).
var emailAtext = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range []byte("!#$%&'*+-/=?^_`{|}~") {
		t[c] = true
	}
	return t
}()

// emailLocalTab is emailLocalByte with what the local-part scan notes
// besides: emailTabLocal for a local byte, plus emailTabEq for '=' and
// emailTabDot (a count: the top bits) for '.'.
var emailLocalTab = func() (t [256]uint8) {
	for c := range 256 {
		if emailLocalByte[c] {
			t[c] = emailTabLocal
		}
	}
	t['='] |= emailTabEq
	t['.'] |= emailTabDot
	return t
}()

const (
	emailTabLocal = 1
	emailTabEq    = 2
	emailTabDot   = 4 // v>>2 is 1
)

// emailLocalByte marks the ASCII bytes of a local part (atext and '.'),
// emailDomainByte those of a domain (letters, digits, '-' and '.').
var emailLocalByte, emailDomainByte = func() (l, d [256]bool) {
	for c := range 256 {
		l[c] = emailAtext[c] || c == '.'
		d[c] = emailAlnum(byte(c)) || c == '-' || c == '.'
	}
	return l, d
}()

// emailWordMask returns the bytes of x that are ASCII letters, digits, '-'
// or '.' (the bytes of emailDomainByte, all in emailLocalByte too) as
// 0x80, the others as 0 (exact: no carry crosses a byte).
func emailWordMask(x uint64) uint64 {
	const (
		low7 = 0x7f7f7f7f7f7f7f7f
		ones = 0x0101010101010101
	)
	a := x & low7
	l := (x | 0x20*ones) & low7 // letters in lower case
	letter := (l + (0x80-'a')*ones) &^ (l + (0x80-'z'-1)*ones)
	digit := (a + (0x80-'0')*ones) &^ (a + (0x80-'9'-1)*ones)
	dash := (a + (0x80-'-')*ones) &^ (a + (0x80-'.'-1)*ones) // '-' or '.'
	return (letter | digit | dash) &^ x & intlHigh
}

func emailAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (email) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	for _, h := range w.Hits {
		s, e, score, st := emailFast(t, int(h))
		if st == emailSlow {
			var ok bool
			if s, e, score, ok = emailAtSlow(t, int(h), w.AtStart, w.AtEnd); ok {
				st = emailFound
			}
		}
		if st == emailFound {
			// Appended zero, then filled in place: a composite literal
			// is built on the stack with narrow stores and copied with
			// wider loads, which stalls store forwarding.
			dst = append(dst, detect.Finding{})
			f := &dst[len(dst)-1]
			f.Start, f.End, f.Score = w.Base+int64(s), w.Base+int64(e), score
		}
	}
	return dst, nil
}

// emailAt examines the '@' at t[at] and returns the address around it:
// the common address from emailFast, any other from emailAtSlow.
func emailAt(t []byte, at int, atStart, atEnd bool) (s, e, score int, ok bool) {
	s, e, score, st := emailFast(t, at)
	if st == emailSlow {
		return emailAtSlow(t, at, atStart, atEnd)
	}
	return s, e, score, st == emailFound
}

// Results of emailFast.
const (
	emailNone  = iota // no address at this '@'
	emailFound        // the address t[s:e]
	emailSlow         // not a common address: ask emailAtSlow
)

// emailFast is emailAt for the common address, emailSlow for others: a
// local part and a domain of ASCII letters, digits, '.' and '-' read
// eight bytes at a time, each ended by an ASCII byte that belongs to
// neither, within the length limits (so away from the window's edges,
// which it needs not know); the domain's dots and hyphens are noted as
// bit sets on the way, for emailDomainMasks (no second pass over it).
// Anything else (another local byte such as '_' or '+', UTF-8, leading
// punctuation, a text edge near) is left to emailAtSlow, which gives the
// same result for the common address too. It has no call in its loops:
// the registers stay live across them.
func emailFast(t []byte, at int) (s, e, score int, st int) {
	// Local part, backwards: s-8 >= at-emailMaxLocal-1 for each load
	// keeps at-s <= emailMaxLocal, and s >= 1. dd marks (at bit 7 of the second byte) each two dots in a row in
	// the words read, across their bounds too; the bytes below the local
	// part in the last word may add some: then the ".." search decides.
	s = at
	var dd, prev uint64
	for lim := max(8, at-emailMaxLocal-1+8); ; s -= 8 {
		if s < lim {
			return 0, 0, 0, emailSlow
		}
		x := binary.LittleEndian.Uint64(t[s-8:])
		d := ukCueZero(x ^ '.'*ukCueOnes)
		dd |= d & (d<<8 | prev<<56)
		prev = d
		if m := ^emailWordMask(x) & intlHigh; m != 0 {
			s -= bits.LeadingZeros64(m) >> 3 // t[s-1] is not a word byte
			break
		}
	}
	if c := t[s-1]; emailLocalTab[c] != 0 || c >= utf8.RuneSelf || !emailAlnum(t[s]) {
		// The local part goes on ('_', '+', '=', UTF-8), starts with
		// '.' or '-' (leading punctuation is skipped) or is empty
		// (t[s] is the '@').
		return 0, 0, 0, emailSlow
	}
	if t[at-1] == '.' || dd != 0 && bytes.Contains(t[s:at], []byte("..")) {
		return 0, 0, 0, emailNone
	}
	if c := t[s-1]; (c == ':' || c == '/') && emailInURL(t, s) {
		return 0, 0, 0, emailNone
	}

	// Domain, forwards: e+8 <= lim for each load keeps the domain within
	// emailMaxDomain and e below len(t). Bit i of dotm (dashm) is set
	// when t[at+1+i] is '.' ('-'), for i below 64 (a shift of 64 or
	// more gives 0); bits past the domain's end are cleared below.
	var dotm, dashm uint64
	e = at + 1
	for lim := min(len(t), at+emailMaxDomain+2) - 8; ; e += 8 {
		if e > lim {
			return 0, 0, 0, emailSlow
		}
		x := binary.LittleEndian.Uint64(t[e:])
		p := uint(e - at - 1)
		dotm |= ibanBits(ukCueZero(x^'.'*ukCueOnes)) << p
		dashm |= ibanBits(ukCueZero(x^'-'*ukCueOnes)) << p
		if m := ^emailWordMask(x) & intlHigh; m != 0 {
			e += bits.TrailingZeros64(m) >> 3 // t[e] is not a word byte
			break
		}
	}
	if t[e] >= utf8.RuneSelf {
		return 0, 0, 0, emailSlow // the domain may go on
	}
	// Trailing dots and hyphens are sentence punctuation.
	for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
		e--
	}
	n := e - at - 1
	if n == 0 || e-s > emailMaxLen {
		return 0, 0, 0, emailNone
	}
	var tldKnown, valid bool
	if n < 8 || n > 64 {
		tldKnown, valid = emailCheckDomainLoop(t[at+1 : e])
	} else {
		live := ^uint64(0) >> (64 - n)
		tldKnown, valid = emailDomainMasks(t[at+1:e], dotm&live, dashm&live)
	}
	if !valid {
		return 0, 0, 0, emailNone
	}
	return s, e, emailScore(tldKnown), emailFound
}

// emailAtSlow is emailAt for any address: the local part and the domain
// read a byte at a time where a word stops, the domain checked by
// emailCheckDomain.
func emailAtSlow(t []byte, at int, atStart, atEnd bool) (s, e, score int, ok bool) {
	// Local part: scan left over atext and dots, at most emailMaxLocal+1.
	// Eight bytes at a time over letters, digits, '.' and '-' (local
	// bytes all), then one byte at a time as far as the word stops.
	s = at
	// dots bounds the dots in t[s:at] from above (the word loop counts
	// the bytes below a stop too, and again on the next load), eq marks
	// a '=' (only ever seen one byte at a time: not a word byte): most
	// local parts need neither the ".." search nor the log-key split.
	dots, eq := 0, uint8(0)
	for lim := max(0, at-emailMaxLocal-1); s > lim; {
		if s-8 >= lim {
			x := binary.LittleEndian.Uint64(t[s-8:])
			dots += bits.OnesCount64(ukCueZero(x ^ '.'*ukCueOnes))
			m := ^emailWordMask(x) & intlHigh
			if m == 0 {
				s -= 8
				continue
			}
			s -= bits.LeadingZeros64(m) >> 3 // t[s-1] is not a word byte
		}
		c := t[s-1]
		if v := emailLocalTab[c]; v != 0 {
			dots += int(v >> 2)
			eq |= v
			s--
		} else if c < utf8.RuneSelf {
			break
		} else if n := emailLetterBefore(t[:s]); n > 0 {
			s -= n
		} else {
			break
		}
	}
	if at-s > emailMaxLocal || (s == 0 && !atStart) {
		return 0, 0, 0, false // too long, or cut by the window edge
	}
	// Leading punctuation (quotes, slashes, braces) is not part of it.
	for s < at && t[s] < 0x80 && !emailAlnum(t[s]) && t[s] != '_' {
		s++
	}
	// A log key ("user=jo@example.com") is not part of the address: with
	// exactly one '=' after an identifier, the address starts after it.
	if eq&emailTabEq != 0 {
		if k := bytes.IndexByte(t[s:at], '='); k > 0 && bytes.Count(t[s:at], []byte("=")) == 1 && emailIdent(t[s:s+k]) && s+k+1 < at {
			s += k + 1
		}
	}
	local := t[s:at]
	if len(local) == 0 || local[len(local)-1] == '.' || dots >= 2 && bytes.Contains(local, []byte("..")) {
		return 0, 0, 0, false
	}
	if s > 0 && (t[s-1] == ':' || t[s-1] == '/') && emailInURL(t, s) {
		return 0, 0, 0, false
	}

	// Domain: labels of letters, digits, '-' and UTF-8, separated by dots.
	e = at + 1
	for lim := min(len(t), at+emailMaxDomain+2); e < lim; {
		if e+8 <= lim {
			m := ^emailWordMask(binary.LittleEndian.Uint64(t[e:])) & intlHigh
			if m == 0 {
				e += 8
				continue
			}
			e += bits.TrailingZeros64(m) >> 3 // t[e] is not a word byte
		}
		if c := t[e]; emailDomainByte[c] {
			e++
		} else if c < utf8.RuneSelf {
			break
		} else if n := emailLetterAt(t[e:]); n > 0 {
			e += n
		} else {
			break
		}
	}
	if e-at-1 > emailMaxDomain || (e == len(t) && !atEnd) {
		return 0, 0, 0, false
	}
	// Trailing dots and hyphens are sentence punctuation.
	for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
		e--
	}
	domain := t[at+1 : e]
	if len(domain) == 0 || e-s > emailMaxLen {
		return 0, 0, 0, false
	}
	tldKnown, valid := emailCheckDomain(domain)
	if !valid {
		return 0, 0, 0, false
	}
	return s, e, emailScore(tldKnown), true
}

// emailScore is an address's score: 80 with a known top-level domain,
// else 60.
func emailScore(tldKnown bool) int {
	if tldKnown {
		return 80
	}
	return 60
}

// emailIdent reports whether b looks like a log or URL-query key.
func emailIdent(b []byte) bool {
	for i, c := range b {
		if !(emailAlnum(c) || c == '_' || c == '-' || c == '.') || i == 0 && !('a' <= c|0x20 && c|0x20 <= 'z') {
			return false
		}
	}
	return true
}

// emailInURL reports whether the local part starting at t[s] is the
// user-info or path of a URL: the token it belongs to contains "://".
func emailInURL(t []byte, s int) bool {
	i := s
	for i > 0 && s-i < emailRadius && t[i-1] > ' ' && t[i-1] != '<' && t[i-1] != '"' && t[i-1] != '(' {
		i--
	}
	tok := t[i:s]
	if bytes.HasPrefix(bytes.ToLower(tok), []byte("mailto:")) && len(tok) == len("mailto:") {
		return false
	}
	return bytes.Contains(tok, []byte("://")) || bytes.IndexByte(tok, '/') >= 0
}

// emailLetterAt returns the length of the non-ASCII letter, digit or
// mark (as IDNA allows in labels) at the start of b, or 0.
func emailLetterAt(b []byte) int {
	if len(b) == 0 || b[0] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
		return 0
	}
	return n
}

// emailLetterBefore is emailLetterAt for the rune ending b.
func emailLetterBefore(b []byte) int {
	if len(b) == 0 || b[len(b)-1] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeLastRune(b)
	if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
		return 0
	}
	return n
}

// emailCheckDomain validates the labels of domain and reports whether its
// top-level domain is well known (or a two-letter country code).
//
// A domain of 8 to 64 bytes (nearly all) is checked from bit sets of its
// dots and hyphens, one bit per byte, built eight bytes at a time: with
// at most 64 bytes and a dot, no label can be longer than 63. Its TLD,
// when it has at most eight ASCII letters, is lower-cased and compared as
// one word. Others go to emailCheckDomainLoop.
func emailCheckDomain(domain []byte) (known, ok bool) {
	const dotOnes, dashOnes = '.' * ukCueOnes, '-' * ukCueOnes
	n := len(domain)
	if n < 8 || n > 64 {
		return emailCheckDomainLoop(domain)
	}
	var dots, dash uint64
	for i := 0; ; i += 8 {
		i = min(i, n-8) // the last eight bytes overlap the ones before
		x := binary.LittleEndian.Uint64(domain[i:])
		dots |= ibanBits(ukCueZero(x^dotOnes)) << i
		dash |= ibanBits(ukCueZero(x^dashOnes)) << i
		if i+8 >= n {
			break
		}
	}
	return emailDomainMasks(domain, dots, dash)
}

// emailDomainMasks is emailCheckDomain for a domain of 8 to 64 bytes
// given its dots and hyphens as bit sets (bit i for domain[i]).
func emailDomainMasks(domain []byte, dots, dash uint64) (known, ok bool) {
	n := len(domain)
	// Fails: one label; an empty label (a dot first, two dots together,
	// a dot last: then the TLD is shorter than two bytes); a label that
	// starts or ends with '-' (after or before a dot, at either end).
	if dots == 0 || dots&(dots>>1|1) != 0 || dash&(dots<<1|dots>>1|1|1<<(n-1)) != 0 {
		return false, false
	}
	ls := 64 - bits.LeadingZeros64(dots) // the TLD's start
	tl := n - ls
	if tl < 2 {
		return false, false
	}
	if tl > 8 || domain[ls]|0x20 == 'x' {
		return emailCheckTLD(domain[ls:])
	}
	// The TLD in the low tl bytes of w, the rest zero.
	w := binary.LittleEndian.Uint64(domain[n-8:]) >> (64 - 8*tl)
	live := uint64(1)<<(8*tl) - 1 // its bytes
	const low7 = 0x7f7f7f7f7f7f7f7f
	l := (w | 0x20*ukCueOnes) & low7
	letter := (l + (0x80-'a')*ukCueOnes) &^ (l + (0x80-'z'-1)*ukCueOnes) &^ w & intlHigh
	if (letter|w)&intlHigh&live != intlHigh&live {
		return false, false // digits or '-' in a TLD: not a domain
	}
	if w&intlHigh != 0 {
		return true, true // an internationalised TLD
	}
	w = (w | 0x20*ukCueOnes) & live // in lower case
	switch w {
	case 'c' | 'o'<<8 | 'm'<<16, 'o' | 'r'<<8 | 'g'<<16, 'n' | 'e'<<8 | 't'<<16, 'u' | 'k'<<8:
		return true, true // the commonest, known (emailTLDClass)
	}
	var low [8]byte
	binary.LittleEndian.PutUint64(low[:], w)
	switch emailTLDClass(low[:tl]) {
	case emailTLDFile:
		return false, false
	case emailTLDKnown:
		return true, true
	}
	return tl == 2, true
}

// emailCheckDomainLoop is emailCheckDomain finding the dots one label at
// a time, for any length.
func emailCheckDomainLoop(domain []byte) (known, ok bool) {
	// Labels: 1..63 bytes between dots, not starting or ending with '-';
	// at least two, the last (the TLD) of two bytes or more. The dots are
	// found eight bytes at a time.
	n, ls := len(domain), 0 // ls: the start of the current label
	for i := 0; i < n; {
		var d uint64
		if i+8 <= n {
			d = ukCueZero(binary.LittleEndian.Uint64(domain[i:]) ^ '.'*ukCueOnes)
			if d == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(d) >> 3
		} else if domain[i] != '.' {
			i++
			continue
		}
		// domain[i] is a dot ending the label domain[ls:i].
		if i == ls || i-ls > 63 || domain[ls] == '-' || domain[i-1] == '-' {
			return false, false
		}
		i++
		ls = i
	}
	tld := domain[ls:]
	if ls == 0 || len(tld) < 2 || len(tld) > 63 || tld[0] == '-' || tld[len(tld)-1] == '-' {
		return false, false // one label, or a TLD empty (a trailing dot), short or long
	}
	return emailCheckTLD(tld)
}

// emailCheckTLD is emailCheckDomain's verdict on a TLD of two to 63 bytes
// not starting or ending with '-'.
func emailCheckTLD(tld []byte) (known, ok bool) {
	if tld[0]|0x20 == 'x' && (bytes.HasPrefix(tld, []byte("xn--")) || bytes.HasPrefix(tld, []byte("XN--"))) {
		return true, true
	}
	if len(tld) > 24 {
		utf := false
		for _, c := range tld {
			switch {
			case c >= 0x80:
				utf = true
			case (c|0x20)-'a' > 'z'-'a':
				return false, false // digits or '-' in a TLD: not a domain
			}
		}
		return utf, utf // an internationalised TLD, or too long
	}
	var low [24]byte
	utf := false
	for i, c := range tld {
		l := c | 0x20 // an ASCII letter in lower case, in 'a'..'z' only if one
		switch {
		case c >= 0x80:
			utf = true
		case l-'a' > 'z'-'a':
			return false, false // digits or '-' in a TLD: not a domain
		}
		low[i] = l
	}
	if utf {
		return true, true // an internationalised TLD
	}
	switch emailTLDClass(low[:len(tld)]) {
	case emailTLDFile:
		return false, false
	case emailTLDKnown:
		return true, true
	}
	return len(tld) == 2, true
}

// emailGTLDs are common generic top-level domains; two-letter country
// codes are accepted as known without a list. emailGTLD's switch holds
// the same words (TestEmailGTLD).
const emailGTLDs = " com org net edu gov mil int info biz name pro aero coop museum mobi jobs travel tel asia cat post" +
	" app dev page cloud online site tech email live blog shop store news world media group company services" +
	" digital solutions agency global network systems london scot wales cymru uk nhs police law legal health" +
	" academy school university college bank finance charity ngo foundation "

// emailGTLD reports whether name (lower case) is one of emailGTLDs.
func emailGTLD(name []byte) bool { return emailTLDClass(name) == emailTLDKnown }

// emailFileExt reports top-level labels that are file extensions, as in
// "logo@2x.png".
func emailFileExt(name []byte) bool { return emailTLDClass(name) == emailTLDFile }

// Classes of a top-level label (emailTLDClass).
const (
	emailTLDOther = iota
	emailTLDKnown // one of emailGTLDs
	emailTLDFile  // a file extension
)

// emailTLDClass sorts a top-level label (lower case) into emailTLDKnown,
// emailTLDFile or emailTLDOther with one switch.
func emailTLDClass(name []byte) int {
	switch string(name) {
	case "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero", "coop",
		"museum", "mobi", "jobs", "travel", "tel", "asia", "cat", "post", "app", "dev", "page", "cloud", "online",
		"site", "tech", "email", "live", "blog", "shop", "store", "news", "world", "media", "group", "company",
		"services", "digital", "solutions", "agency", "global", "network", "systems", "london", "scot", "wales",
		"cymru", "uk", "nhs", "police", "law", "legal", "health", "academy", "school", "university", "college",
		"bank", "finance", "charity", "ngo", "foundation":
		return emailTLDKnown
	case "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf", "css", "js", "json", "xml", "html", "htm", "txt", "zip", "exe", "dll":
		return emailTLDFile
	}
	return emailTLDOther
}

// EmailAddress is the detail of an e-mail finding.
type EmailAddress struct {
	Local  string // the local part, as written
	Domain string // the domain, lower-cased (ASCII letters only)
}

// Detail splits the matched address into local part and domain.
func (email) Detail(_ detect.Finding, match []byte) (any, error) {
	i := bytes.LastIndexByte(match, '@')
	if i < 0 {
		return nil, nil
	}
	return EmailAddress{Local: string(match[:i]), Domain: strings.ToLower(string(match[i+1:]))}, nil
}
