package names

import (
	"encoding/binary"
	"math/bits"
)

// Byte-level tokenizing shared by Detect and Detail. Everything here works
// on the window text without allocating.

const (
	maxLen    = 64 // longest reported span, and longest run of capitals considered
	radius    = 64 // context read on each side of a span
	maxToks   = 10 // tokens in a run of capitals
	maxTokLen = 40 // longer "words" are not names
)

// token flags
const (
	fCap        = 1 << iota // first letter is an ASCII capital
	fAllCaps                // two or more letters, all capitals
	fInitial                // a single capital letter, maybe with a dot
	fDot                    // the token is followed by '.', included in next
	fPossessive             // followed by 's or ’s, not part of the token
	fHyphen                 // contains a hyphen
	fNonASCII               // contains non-ASCII letters
	fCode                   // glued to code-like bytes: digits, '_', '@', '/'
	fChain                  // chainable: set by finish, read by chainable
	fApos                   // contains an apostrophe (' or ’), not part of the key
)

type token struct {
	s, e  int32 // token bytes (without a trailing '.' or 's)
	next  int32 // first byte after the token, its dot and its 's
	flags uint16
	role  role
	h     uint64 // hash of the whole token
}

// Byte classes for the hot loops.
const (
	cLetter = 1 << iota // ASCII letter
	cDigit              // ASCII digit
	cJoin               // glues a word to code when between word bytes: ' - / \ = # . $ % + *
	cCode               // after a word, makes it code: digits _ @ / \ = ( [ { < > $ % +
)

var byteClass = [256]uint8{
	'A': cLetter, 'B': cLetter, 'C': cLetter, 'D': cLetter, 'E': cLetter, 'F': cLetter, 'G': cLetter, 'H': cLetter, 'I': cLetter, 'J': cLetter, 'K': cLetter, 'L': cLetter, 'M': cLetter, 'N': cLetter, 'O': cLetter, 'P': cLetter, 'Q': cLetter, 'R': cLetter, 'S': cLetter, 'T': cLetter, 'U': cLetter, 'V': cLetter, 'W': cLetter, 'X': cLetter, 'Y': cLetter, 'Z': cLetter, 'a': cLetter, 'b': cLetter, 'c': cLetter, 'd': cLetter, 'e': cLetter, 'f': cLetter, 'g': cLetter, 'h': cLetter, 'i': cLetter, 'j': cLetter, 'k': cLetter, 'l': cLetter, 'm': cLetter, 'n': cLetter, 'o': cLetter, 'p': cLetter, 'q': cLetter, 'r': cLetter, 's': cLetter, 't': cLetter, 'u': cLetter, 'v': cLetter, 'w': cLetter, 'x': cLetter, 'y': cLetter, 'z': cLetter,
	'0': cDigit, '1': cDigit, '2': cDigit, '3': cDigit, '4': cDigit, '5': cDigit, '6': cDigit, '7': cDigit, '8': cDigit, '9': cDigit,
	'_': cCode, '@': cCode, '(': cCode, '[': cCode, '{': cCode, '<': cCode, '>': cCode,
	'/': cJoin | cCode, '\\': cJoin | cCode, '=': cJoin | cCode, '$': cJoin | cCode, '%': cJoin | cCode, '+': cJoin | cCode,
	'\'': cJoin, '-': cJoin, '#': cJoin, '.': cJoin, '*': cJoin,
}

const (
	hi8 = 0x8080808080808080
	lo8 = 0x7f7f7f7f7f7f7f7f
)

// letterMask returns 0x80 in each byte of w that is an ASCII letter.
func letterMask(w uint64) uint64 {
	y := (w | fold8) & lo8
	ge := y + 0x1f1f1f1f1f1f1f1f // bit 7 set iff y >= 0x61 ('a')
	gt := y + 0x0505050505050505 // bit 7 set iff y >= 0x7b ('z'+1)
	return ge &^ gt &^ w & hi8
}

func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isUpper(c) || isLower(c) }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// isRightQuote reports whether t[i:] starts with U+2019 (’).
func isRightQuote(t []byte, i int) bool {
	return i+2 < len(t) && t[i] == 0xE2 && t[i+1] == 0x80 && t[i+2] == 0x99
}

// letterAt reports whether a letter (ASCII, or a non-ASCII rune outside
// the E2 punctuation block) starts at t[i].
func letterAt(t []byte, i int) bool {
	if i >= len(t) {
		return false
	}
	c := t[i]
	return isLetter(c) || (c >= 0xC0 && c != 0xE2)
}

// maybeWord marks the bytes c for which wordBefore may be true when
// c = t[i-1]: letters, digits, '_', joiners and non-ASCII bytes. For any
// other byte it is false, and Detect skips the call.
var maybeWord = func() (m [256]bool) {
	for c := range m {
		m[c] = byteClass[c]&(cLetter|cDigit|cJoin) != 0 || c == '_' || c >= 0x80
	}
	return m
}()

// wordBefore reports whether the byte before t[i] belongs to a word or
// to code: a letter, digit, '_' or a non-ASCII letter, or a joiner
// ('\”, '-', '/', '.', '\\', '=', '#') glued to such a byte. i > 0.
func wordBefore(t []byte, i int) bool {
	c := t[i-1]
	switch {
	case byteClass[c]&(cLetter|cDigit) != 0 || c == '_':
		return true
	case c >= 0x80:
		// Find the rune's lead byte.
		j := i - 1
		for k := 0; k < 3 && j > 0 && t[j]&0xC0 == 0x80; k++ {
			j--
		}
		if t[j] == 0xE2 {
			// ’ between letters (O’Brien) joins; other punctuation does not.
			return isRightQuote(t, j) && j > 0 && (isLetter(t[j-1]) || t[j-1] >= 0x80)
		}
		return true
	case byteClass[c]&cJoin != 0:
		return i >= 2 && (byteClass[t[i-2]]&(cLetter|cDigit) != 0 || t[i-2] >= 0x80 || t[i-2] == '_')
	}
	return false
}

// scanToken reads the word starting at t[p] (a letter). It reports
// edge when the word runs into the end of t, so its extent is unknown.
func (lx *lexicon) scanToken(t []byte, p int, tk *token) (edge bool) {
	// Fast path: a word of ASCII letters ended by a plain byte.
	n := len(t)
	e := -1            // end of the word, when the fast path finds it
	var h, seen uint64 // its hash, and its bytes ORed (the 0x20 bits count)
	if p+16 <= n {
		// Eight bytes at a time: the letters are the bytes that OR 0x20
		// maps into 'a'..'z'. Words of up to 15 letters are read and
		// hashed (as hashFold does) from two loads.
		w := binary.LittleEndian.Uint64(t[p:])
		if nl := ^letterMask(w) & hi8; nl != 0 {
			k := bits.TrailingZeros64(nl) >> 3
			if c := byte(w >> (8 * uint(k))); k == 0 || c == '\'' || c == '-' || c >= 0x80 {
				return lx.scanTokenSlow(t, p, tk)
			}
			m := uint64(1)<<(8*uint(k)) - 1
			e, h, seen = p+k, finalize(mix(hashSeed, (w|fold8)&m), k), w&m
		} else {
			w2 := binary.LittleEndian.Uint64(t[p+8:])
			if nl = ^letterMask(w2) & hi8; nl != 0 {
				k := bits.TrailingZeros64(nl) >> 3
				if c := byte(w2 >> (8 * uint(k))); c == '\'' || c == '-' || c >= 0x80 {
					return lx.scanTokenSlow(t, p, tk)
				}
				m := uint64(1)<<(8*uint(k)) - 1
				h = mix(hashSeed, w|fold8)
				if k > 0 {
					h = mix(h, (w2|fold8)&m)
				}
				e, h, seen = p+8+k, finalize(h, 8+k), w|w2&m
			}
		}
	}
	if e < 0 {
		var sb byte
		i := p
		for i < n && byteClass[t[i]]&cLetter != 0 {
			sb |= t[i]
			i++
		}
		if i < n && (t[i] == '\'' || t[i] == '-' || t[i] >= 0x80) || i-p > maxTokLen {
			return lx.scanTokenSlow(t, p, tk)
		}
		e, h, seen = i, hashFold(t, p, i), uint64(sb)
	}
	// The case flags (caseFlags, for ASCII words): no lower-case letter
	// makes one capital an initial and more an all-caps word.
	var flags uint16
	if isUpper(t[p]) {
		flags = fCap
		if seen&fold8 == 0 {
			if e-p == 1 {
				flags |= fInitial
			} else {
				flags |= fAllCaps
			}
		}
	}
	if e < n {
		// finish for the usual ends (a space, comma or line break), inline.
		if c := t[e]; c == ' ' || c == ',' || c == '\n' {
			r := lx.lookup(h)
			if isChainable(flags, r, int32(e-p)) {
				flags |= fChain
			}
			// Field by field: a composite literal is built on the stack
			// and copied in 16-byte moves, which wait for its 4-byte
			// stores (no store-to-load forwarding).
			tk.s, tk.e, tk.next, tk.flags, tk.role, tk.h = int32(p), int32(e), int32(e), flags, r, h
			return false
		}
	}
	return lx.finish(t, p, e, h, flags, 0, 0, tk)
}

// scanTokenSlow is scanToken for words with apostrophes, hyphens or
// non-ASCII letters: it copies the key (lower case, no apostrophes) to a
// buffer on the stack.
func (lx *lexicon) scanTokenSlow(t []byte, p int, tk *token) (edge bool) {
	n := len(t)
	var kb [maxTokLen + 8]byte
	kn := 0
	put := func(c byte) {
		if kn < len(kb) {
			kb[kn] = c
			kn++
		}
	}
	firstHy, lastHy := -1, -1
	var upper, lower, letters int
	var flags uint16
	i := p
loop:
	for i < n {
		c := t[i]
		switch {
		case isUpper(c):
			upper++
			letters++
			put(c + 'a' - 'A')
			i++
		case isLower(c):
			lower++
			letters++
			put(c)
			i++
		case c == '\'' || isRightQuote(t, i):
			w := 1
			if c != '\'' {
				w = 3
			}
			if i+w >= n {
				edge = true
				break loop
			}
			nc := t[i+w]
			if nc == 's' || nc == 'S' {
				// 's at the end of a word is a possessive.
				if i+w+1 >= n {
					edge = true
					break loop
				}
				if !letterAt(t, i+w+1) {
					flags |= fPossessive
					break loop
				}
			}
			if !isLetter(nc) {
				break loop
			}
			i += w // O'Brien: the apostrophe is not part of the key
			flags |= fApos
		case c == '-':
			if i+1 >= n {
				edge = true
				break loop
			}
			if !isLetter(t[i+1]) {
				break loop
			}
			if firstHy < 0 {
				firstHy = kn
			}
			lastHy = kn
			flags |= fHyphen
			put('-')
			i++
		case c >= 0xC0 && c != 0xE2:
			flags |= fNonASCII
			letters++
			if i+1 < n {
				if f := foldLatin(c, t[i+1]); f != 0 {
					put(f) // José -> jose, Wiśniewski -> wisniewski
					i += 2
					break
				}
			}
			put(c)
			i++
			for i < n && t[i]&0xC0 == 0x80 {
				put(t[i])
				i++
			}
		default:
			break loop
		}
		if i-p > maxTokLen {
			flags |= fCode // absurdly long: not a name
			for i < n && letterAt(t, i) {
				i++
			}
			break
		}
	}
	h := hashKey(kb[:kn])
	var hf, hl uint64
	if firstHy >= 0 && lastHy < kn {
		hf, hl = hashKey(kb[:firstHy]), hashKey(kb[lastHy+1:kn])
	}
	flags |= caseFlags(t[p], upper, lower, letters)
	edge2 := lx.finish(t, p, i, h, flags, hf, hl, tk)
	return edge || edge2
}

// caseFlags returns fCap, fInitial and fAllCaps for a token starting
// with c that has upper capitals and lower lower-case letters of letters.
func caseFlags(c byte, upper, lower, letters int) uint16 {
	var flags uint16
	if isUpper(c) {
		flags |= fCap
		if letters == 1 && upper == 1 {
			flags |= fInitial
		} else if lower == 0 && upper >= 2 {
			flags |= fAllCaps
		}
	}
	return flags
}

// finish completes a token t[p:i] whose letters hash to h and whose
// flags so far (case, hyphen, possessive...) are flags: it looks at the
// bytes after it and looks it up.
func (lx *lexicon) finish(t []byte, p, i int, h uint64, flags uint16, hf, hl uint64, tk *token) (edge bool) {
	n := len(t)
	if i >= n {
		edge = true
	}
	tk.s, tk.e = int32(p), int32(i)
	next := i
	if flags&fPossessive != 0 {
		if t[i] == '\'' {
			next = i + 2
		} else {
			next = i + 4
		}
	} else if i < n {
		c := t[i]
		switch {
		case c == ' ' || c == ',' || c == '\n':
			// the usual ends: nothing to note
		case c == '.':
			// A dot after an initial or a title (J. Smith, Mr. Smith) is
			// eaten; a dot glued to a letter or digit is a domain or code.
			if i+1 >= n {
				edge = true
			} else if isLetter(t[i+1]) && flags&fInitial == 0 || isDigit(t[i+1]) {
				flags |= fCode
			} else {
				flags |= fDot
				next = i + 1
			}
		case byteClass[c]&(cDigit|cCode) != 0 || c == '&' && i+1 < n && t[i+1] != ' ':
			flags |= fCode
		}
	}
	tk.next = int32(next)
	tk.flags = flags
	tk.h = h
	tk.role = lx.lookup(h)
	if flags&fHyphen != 0 {
		if tk.role&(givenMask|surnameMask) == 0 {
			// Smith-Jones, Jean-Luc: combine the parts.
			rf, rl := lx.lookup(hf), lx.lookup(hl)
			g := rf.given() // the given part comes first
			s := max(rf.surname(), rl.surname())
			if rf&(givenMask|surnameMask) != 0 && rl&(givenMask|surnameMask) != 0 {
				tk.role = role(g) | role(s)<<surnameShift
			}
		}
	}
	if isChainable(tk.flags, tk.role, tk.e-tk.s) {
		tk.flags |= fChain
	}
	return edge
}

// chainable reports whether a capitalised token can be part of a run of
// name tokens. It depends on the token alone, so that Detect decides the
// same way whichever window it sees the run in. finish works it out once
// per token (isChainable); this is the cheap, inlined read.
func chainable(tk *token) bool { return tk.flags&fChain != 0 }

// isChainable decides chainable for a token of size bytes whose flags
// (other than fChain) and role r are final.
func isChainable(flags uint16, r role, size int32) bool {
	if flags&(fCap|fCode) != fCap {
		return false
	}
	if flags&fInitial != 0 {
		return flags&fDot != 0 || r&rStop == 0 // "A", "I", "O" without a dot are words
	}
	return !(r&(rStop|rJob|rSalute|rSignoff|rHeader|rPost) != 0 && r&rTitle == 0 ||
		r&(rNegLeft|rBefore) != 0 && r&givenMask < 8 || // St, Fort, Kings: the start of a place name
		flags&fAllCaps != 0 && r&(givenMask|surnameMask|rTitle|rOrg) == 0 && size <= 4) // acronym: NHS, HMRC, PPE
}

// isParticle reports whether tk is a lower-case surname particle.
func isParticle(tk *token) bool {
	return tk.flags&(fCap|fCode|fPossessive|fDot) == 0 && tk.role&rParticle != 0
}

// foldLatin maps the UTF-8 encoding c1 c2 of a common accented Latin
// letter (Latin-1 Supplement and Latin Extended-A) to its unaccented lower
// case ASCII letter, or returns 0. The name lists are unaccented.
func foldLatin(c1, c2 byte) byte {
	switch c1 {
	case 0xC3: // U+00C0..U+00FF
		if c2 < 0x80 || c2 > 0xBF {
			return 0
		}
		return latin1Fold[c2-0x80]
	case 0xC4, 0xC5: // U+0100..U+017F
		if c2 < 0x80 || c2 > 0xBF {
			return 0
		}
		return extAFold[int(c1-0xC4)*64+int(c2-0x80)]
	}
	return 0
}

// latin1Fold[i] folds U+00C0+i.
var latin1Fold = [64]byte{
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // À..Ï
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 0, // Ð..ß
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', // à..ï
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 'y', // ð..ÿ
}

// extAFold[i] folds U+0100+i (pairs of capital and small letters).
var extAFold = [128]byte{
	'a', 'a', 'a', 'a', 'a', 'a', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'd', 'd', // Ā..ď
	'd', 'd', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'e', 'g', 'g', 'g', 'g', // Đ..ğ
	'g', 'g', 'g', 'g', 'h', 'h', 'h', 'h', 'i', 'i', 'i', 'i', 'i', 'i', 'i', 'i', // Ġ..į
	'i', 'i', 0, 0, 'j', 'j', 'k', 'k', 0, 'l', 'l', 'l', 'l', 'l', 'l', 'l', // İ..Ŀ
	'l', 'l', 'l', 'n', 'n', 'n', 'n', 'n', 'n', 0, 0, 0, 'o', 'o', 'o', 'o', // ŀ..ŏ
	'o', 'o', 0, 0, 'r', 'r', 'r', 'r', 'r', 'r', 's', 's', 's', 's', 's', 's', // Ő..ş
	's', 's', 't', 't', 't', 't', 't', 't', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', // Š..ů
	'u', 'u', 'u', 'u', 'w', 'w', 'y', 'y', 'y', 'z', 'z', 'z', 'z', 'z', 'z', 0, // Ű..ſ
}
