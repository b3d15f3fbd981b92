package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// KindIPAddress is the Kind of IP address findings.
const KindIPAddress detect.Kind = "ip.address"

// IP address findings carry the version in Info: 4 or 6.
const (
	IPv4 uint32 = 4
	IPv6 uint32 = 6
)

// NewIPAddress returns a detector for IPv4 and IPv6 addresses.
//
// Matches: IPv4 in dotted-decimal ("192.0.2.1", also before ":port" or
// "/prefix"), and IPv6 in full, compressed ("2001:db8::1") and
// IPv4-embedded ("::ffff:192.0.2.1") forms, as whole tokens.
//
// Validation: IPv4 needs exactly four octets of 0-255 without leading
// zeros ("010.1.1.1" is rejected: it is read as octal by some software and
// is more often a version or a date), not glued to letters or to another
// dotted number ("v1.2.3.4", "1.2.3.4.5"); dotted dates ("12.03.2021")
// have three parts and never match. IPv6 needs eight groups of 1-4 hex
// digits, or fewer with one "::", the last two groups optionally an IPv4
// address; timestamps ("12:30:45") and MAC addresses have too few groups.
//
// Triggers: ASCII digits (an IPv6 address without any decimal digit,
// such as "fe::ab", is not found).
//
// Run filter: runs of 1-3 digits beside '.', ':' or a letter, and of 4
// digits beside ':' and no letter.
//
// Score: IPv4 60; 50 for private ranges (10/8, 172.16/12, 192.168/16);
// 40 when every octet is one digit (more often a version or section
// number); 35 for 0.0.0.0/8, loopback, link-local and broadcast. IPv6 65;
// 45 for short compressed forms ("::1", "fe80::1"). Cues: +20 near "ip",
// +10 near "address", "host", "client", "server", "login", "remote";
// −40 near "version", "v", "build", "release", "firmware", "oid",
// "section", "chapter".
//
// Known false positives: four-part version numbers and OIDs in text
// without a negative cue. Known false negatives: IPv4 with leading zeros,
// abbreviated or hex/octal IPv4 forms, IPv6 zone and prefix suffixes are
// not part of the match.
//
// Info: IPv4 or IPv6.
func NewIPAddress() detect.Detector { return ipAddr{} }

type ipAddr struct{}

var _ detect.Detector = ipAddr{}

const (
	ipMaxLen = 45 // "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
	ipRadius = 48
	ipMaxRun = 64
)

func (ipAddr) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/ip-address", Kind: KindIPAddress, MaxLen: ipMaxLen,
		Description: "IPv4 and IPv6 addresses (not versions, dates or times)",
		Triggers:    detect.Triggers{Bytes: detect.Digits},
		Cues: detect.Cues{Radius: ipRadius, Words: []detect.Cue{
			{Word: "ip", Delta: 20}, {Word: "address", Delta: 10}, {Word: "host", Delta: 10},
			{Word: "client", Delta: 10}, {Word: "server", Delta: 10}, {Word: "login", Delta: 10},
			{Word: "remote", Delta: 10},
			{Word: "version", Delta: -40}, {Word: "v", Delta: -40}, {Word: "build", Delta: -40},
			{Word: "release", Delta: -40}, {Word: "firmware", Delta: -40}, {Word: "oid", Delta: -40},
			{Word: "section", Delta: -40}, {Word: "chapter", Delta: -40},
		}},
	}
}

func ipHex(c byte) bool { return intlDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func ipV6Byte(c byte) bool { return ipHex(c) || c == ':' || c == '.' }

// ipHexTab[c] reports ipHex(c).
var ipHexTab = func() (t [256]bool) {
	for c := range 256 {
		t[c] = ipHex(byte(c))
	}
	return t
}()

func (ipAddr) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next, v6Done := 0, 0
	for i := 0; ; i++ {
		if i = ipQuick(t, w.Hits, i, &next); i >= len(w.Hits) {
			break
		}
		h := int(w.Hits[i])
		if h >= v6Done && !ipNoColon(t, h) && ipNearColon(t, h) {
			s, e, ok := ipV6Run(t, h)
			v6Done = e
			if ok && !intlEdge(w, s, e, 2) {
				if score, ok := ipV6(t[s:e]); ok {
					dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: IPv6})
					next = e
					continue
				}
			}
		}
		// IPv4: a run of digits and dots.
		if h == 0 || !intlDigit(t[h-1]) && t[h-1] != '.' {
			// The run of digits and dots starts at h (the loop for s
			// below stops at once), the commonest case by far ("2nd",
			// "£4.50"), and this loop ends it where the loop for e
			// below does. Unless it has exactly three dots once the
			// trailing ones are trimmed, ipV4 rejects it (it needs
			// four parts), so all the code below would do is set
			// next = e: do just that.
			e, dots := ipRun(t, h, min(len(t), h+ipMaxRun))
			for k := e; k > h && t[k-1] == '.'; k-- {
				dots--
			}
			if dots != 3 {
				next = e
				continue
			}
		}
		s := h
		for s > 0 && (intlDigit(t[s-1]) || t[s-1] == '.') && h-s < ipMaxRun {
			s--
		}
		e, _ := ipRun(t, h, min(len(t), s+ipMaxRun))
		next = e
		for e > s && t[e-1] == '.' {
			e--
		}
		if e-s > 15 || s < len(t) && t[s] == '.' || intlEdge(w, s, e, 2) || ipGlued(t, s, e) {
			continue
		}
		if score, ok := ipV4(t[s:e]); ok {
			dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: IPv4})
		}
	}
	return dst, nil
}

// ipQuick returns the index of the first of hits[i:] that Detect must
// look at, and moves *nextp past the runs of the hits before it that it
// has rejected: Detect skips the hits below next, and the quick loop here
// (apart from Detect's, whose calls make it keep its variables on the
// stack) handles the commonest hit by far, with one or two eight-byte
// loads: no IPv6 parse (no ':' in t[h-5:h+5] as ipNoColon, or none next
// to the hex digits around h), not after a digit, '.' or ':', and a run
// of digits and dots from h shorter than eight bytes
// without exactly three dots before its last digit. Detect's IPv4 code
// would only set next to the run's end.
func ipQuick(t []byte, hits []int32, i int, nextp *int) int {
	const colons, dots = ':' * ukCueOnes, '.' * ukCueOnes
	next := *nextp
	for ; i < len(hits); i++ {
		h := int(hits[i])
		if h < next {
			continue
		}
		if h < 8 || h+8 > len(t) {
			break
		}
		x := binary.LittleEndian.Uint64(t[h:])
		p := t[h-1]
		if p == '.' || p == ':' || intlDigit(p) || ukCueZero(x^colons)&0x8080808080 != 0 {
			break
		}
		// No ':' in t[h:h+5]. Unless p is a hex letter, the hex digits
		// around h are the ones from h and border no ':' (ipNearColon
		// is false); if it is one, t[h-5:h] must have no ':' either
		// (ipNoColon).
		if ipHexTab[p] && ukCueZero(binary.LittleEndian.Uint64(t[h-8:])^colons)>>24 != 0 {
			break
		}
		g, d := intlDigitMask(x), ukCueZero(x^dots)
		stop := ^(g | d) & intlHigh
		if stop == 0 {
			break
		}
		// Three dots between digits take five bytes or more.
		if r := bits.TrailingZeros64(stop); r >= 5*8 {
			in := uint64(1)<<r - 1 // the run's bytes
			last := uint64(1)<<(63-bits.LeadingZeros64(g&in)) - 1
			if bits.OnesCount64(d&last) == 3 {
				break
			}
		}
		next = h + bits.TrailingZeros64(stop)>>3
	}
	*nextp = next
	return i
}

// ipRun returns the end of the run of digits and dots starting at t[i],
// at most lim, and the dots in it, reading eight bytes at a time.
func ipRun(t []byte, i, lim int) (e, dots int) {
	const dotOnes = '.' * ukCueOnes
	for ; i+8 <= lim; i += 8 {
		x := binary.LittleEndian.Uint64(t[i:])
		g, d := intlDigitMask(x), ukCueZero(x^dotOnes)
		if stop := ^(g | d) & intlHigh; stop != 0 {
			d &= uint64(1)<<bits.TrailingZeros64(stop) - 1
			return i + bits.TrailingZeros64(stop)>>3, dots + bits.OnesCount64(d)
		}
		dots += bits.OnesCount64(d)
	}
	for ; i < lim && (intlDigit(t[i]) || t[i] == '.'); i++ {
		if t[i] == '.' {
			dots++
		}
	}
	return i, dots
}

// ipNoColon reports that t[h-5:h+5], where ipNearColon looks for a ':',
// has none (two eight-byte loads; false when h is near an edge of t).
func ipNoColon(t []byte, h int) bool {
	const colons = ':' * ukCueOnes
	return h >= 5 && h+5 <= len(t) &&
		ukCueZero(binary.LittleEndian.Uint64(t[h-5:])^colons)|ukCueZero(binary.LittleEndian.Uint64(t[h-3:])^colons) == 0
}

// ipNearColon reports whether the hex digits around t[h] (at most four
// each way, the size of an IPv6 group) border a ':'. Every digit of an
// IPv6 address does, so this cheap test gates the IPv6 parse.
func ipNearColon(t []byte, h int) bool {
	a := h
	for a > 0 && ipHexTab[t[a-1]] && h-a < 4 {
		a--
	}
	b := h
	for b < len(t) && ipHexTab[t[b]] && b-h < 4 {
		b++
	}
	return a > 0 && t[a-1] == ':' || b < len(t) && t[b] == ':'
}

// ipGlued reports whether the dotted run t[s:e] is part of a larger token.
// ':' (port, "IP:") and '/' (prefix length, URL "//") are allowed
// neighbours, but not '/' after a word ("client/9.11.7.221").
func ipGlued(t []byte, s, e int) bool {
	if s > 0 {
		b := t[s-1]
		if intlAlnum(b) || b == '.' || b == '_' || b == '@' || b == '$' || b == '#' || b == '\\' ||
			(b == '-' || b == '/') && s >= 2 && intlAlnum(t[s-2]) { // "client/9.11.7.221" is a version
			return true
		}
		if b == ':' && s >= 2 && (intlDigit(t[s-2]) || t[s-2] == ':') {
			return true // time "12:30:1.2.3.4" or IPv6 remains
		}
	}
	if e < len(t) {
		a := t[e]
		if intlAlnum(a) || a == '_' || a == '@' || a == '$' || a == '#' || a == '\\' {
			return true
		}
		if e+1 < len(t) && (a == '.' || a == '-' || a == ',') && intlAlnum(t[e+1]) {
			return true
		}
	}
	return false
}

// ipV4 parses a dotted-quad and scores it.
func ipV4(b []byte) (int, bool) {
	var oct [4]int
	n, v, digits := 0, 0, 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '.' {
			if digits == 0 || n == 4 {
				return 0, false
			}
			oct[n] = v
			n++
			v, digits = 0, 0
			continue
		}
		if digits > 0 && v == 0 { // leading zero
			return 0, false
		}
		v = v*10 + int(b[i]-'0')
		digits++
		if v > 255 {
			return 0, false
		}
	}
	if n != 4 {
		return 0, false
	}
	a, b1 := oct[0], oct[1]
	switch {
	case a == 0 || a == 127 || a == 169 && b1 == 254 || a >= 224:
		return 35, true
	case oct[0] < 10 && oct[1] < 10 && oct[2] < 10 && oct[3] < 10:
		return 40, true
	case a == 10 || a == 172 && b1 >= 16 && b1 <= 31 || a == 192 && b1 == 168:
		return 50, true
	}
	return 60, true
}

// ipV6Run finds the run of hex digits, colons and dots around h and trims
// trailing punctuation. ok is false unless it has two colons and is whole.
func ipV6Run(t []byte, h int) (s, e int, ok bool) {
	s = h
	for s > 0 && ipV6Byte(t[s-1]) && h-s < ipMaxRun {
		s--
	}
	e = h
	for e < len(t) && ipV6Byte(t[e]) && e-s < ipMaxRun {
		e++
	}
	end := e
	if e-s >= ipMaxRun {
		return s, end, false
	}
	for e > s && t[e-1] == '.' {
		e--
	}
	if e-s >= 2 && t[e-1] == ':' && t[e-2] != ':' {
		e--
	}
	colons := 0
	for i := s; i < e; i++ {
		if t[i] == ':' {
			colons++
		}
	}
	if colons < 2 || e-s > ipMaxLen || (s > 0 && (intlAlnum(t[s-1]) || t[s-1] == '_')) ||
		(e < len(t) && (intlAlnum(t[e]) || t[e] == '_')) {
		return s, end, false
	}
	return s, e, true
}

// ipV6 parses an IPv6 address and scores it.
func ipV6(b []byte) (int, bool) {
	groups, dbl := 0, false
	i := 0
	if len(b) >= 2 && b[0] == ':' && b[1] == ':' {
		dbl = true
		i = 2
		if i == len(b) {
			return 0, false // "::" has no digits
		}
	} else if len(b) > 0 && b[0] == ':' {
		return 0, false
	}
	for i < len(b) {
		// One group: hex digits, or an IPv4 tail.
		j := i
		for j < len(b) && ipHex(b[j]) {
			j++
		}
		if j < len(b) && b[j] == '.' {
			// IPv4 tail: must be last, and take two groups.
			if _, ok := ipV4(b[i:]); !ok {
				return 0, false
			}
			groups += 2
			break
		}
		if j == i || j-i > 4 {
			return 0, false
		}
		groups++
		i = j
		if i == len(b) {
			break
		}
		// b[i] == ':'
		if i+1 < len(b) && b[i+1] == ':' {
			if dbl {
				return 0, false
			}
			dbl = true
			i += 2
			continue
		}
		i++
		if i == len(b) {
			return 0, false // trailing single ':'
		}
	}
	if dbl && groups > 7 || !dbl && groups != 8 {
		return 0, false
	}
	if dbl && groups <= 2 {
		return 45, true
	}
	return 65, true
}
