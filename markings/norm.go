package markings

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalisation works on the original bytes, one character at a time, so
// that every position the parser handles is an offset into the input: no
// normalised copy and no offset map are needed, and nothing is allocated.
//
// fold maps the character at t[i] to one "folded" byte:
//
//   - ASCII letters to upper case (lower case noted in the bits);
//   - fullwidth forms (U+FF01..U+FF5E, via x/text/width) to ASCII;
//   - Cyrillic and Greek letters that look like Latin capitals (a TR39-style
//     skeleton table) to those capitals;
//   - accented Latin E, A, O, I, U, C (TRÈS, PROTÉGÉ, CLASSIFIÉ) to the base letter;
//   - the dashes U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D to '-';
//   - NBSP and the other space separators to ' ', CR to '\n';
//   - format characters (zero-width space/joiners, bidi marks, word joiner,
//     BOM, soft hyphen) to 0: ignorable;
//   - any other letter to cLetter and anything else to cOther.
const (
	cLetter = 0x80 // a non-Latin letter: part of a word, never of a marking
	cOther  = 0x81 // a non-ASCII non-letter
)

// Bits reported by fold.
const (
	bLower  = 1 << iota // a lower-case letter
	bObf                // homoglyph, fullwidth or zero-width: obfuscation
	bOdd                // non-ASCII dash or space, accented letter: non-canonical
	bIgnore             // a format character, folded to 0
)

// fold returns the folded byte for the character at t[i], its length in
// bytes (≥ 1) and bits. i must be < len(t).
func fold(t []byte, i int) (c byte, n int, bits uint8) {
	b := t[i]
	if b < utf8.RuneSelf {
		c, bits = asciiFold(b)
		return c, 1, bits
	}
	return foldSlow(t, i)
}

func asciiFold(b byte) (byte, uint8) {
	switch {
	case 'a' <= b && b <= 'z':
		return b - 'a' + 'A', bLower
	case b == '\r':
		return '\n', 0
	case b == '\t' || b == '\f' || b == '\v':
		return ' ', 0
	}
	return b, 0
}

func foldSlow(t []byte, i int) (c byte, n int, bits uint8) {
	r, n := utf8.DecodeRune(t[i:])
	if r == utf8.RuneError && n <= 1 {
		return cOther, 1, 0
	}
	switch {
	case r == 0xAD || 0x200B <= r && r <= 0x200F || 0x2060 <= r && r <= 0x2064 || r == 0xFEFF || r == 0x180E ||
		0x202A <= r && r <= 0x202E:
		return 0, n, bIgnore | bObf
	case r == 0xA0 || 0x2000 <= r && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000:
		return ' ', n, bOdd
	case 0x2010 <= r && r <= 0x2015 || r == 0x2212 || r == 0xFE58 || r == 0xFE63:
		return '-', n, bOdd
	case 0x2028 <= r && r <= 0x2029 || r == 0x85:
		return '\n', n, 0
	case 0xFF01 <= r && r <= 0xFF5E:
		nr := width.LookupRune(r).Narrow()
		if nr == 0 || nr >= utf8.RuneSelf {
			return cOther, n, 0
		}
		c, bits = asciiFold(byte(nr))
		return c, n, bits | bObf
	case 0x370 <= r && r <= 0x4FF:
		if c := confusable(r); c != 0 {
			bits = bObf
			if unicode.IsLower(r) {
				bits |= bLower
			}
			return c, n, bits
		}
	case 0xC0 <= r && r <= 0xFF:
		if c := latin1Base(r); c != 0 { // French accents are canonical
			bits = 0
			if r >= 0xE0 {
				bits |= bLower
			}
			return c, n, bits
		}
	}
	if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
		return cLetter, n, 0
	}
	return cOther, n, 0
}

// confusable maps Cyrillic and Greek letters that look like Latin letters
// to the Latin capital (after Unicode TR39 confusables; x/text has no
// skeleton table). It returns 0 for other runes.
func confusable(r rune) byte {
	switch r {
	// Cyrillic capitals
	case 'А':
		return 'A'
	case 'В':
		return 'B'
	case 'Е', 'Ё':
		return 'E'
	case 'К':
		return 'K'
	case 'М':
		return 'M'
	case 'Н':
		return 'H'
	case 'О':
		return 'O'
	case 'Р':
		return 'P'
	case 'С':
		return 'C'
	case 'Т':
		return 'T'
	case 'Х':
		return 'X'
	case 'Ѕ':
		return 'S'
	case 'І', 'Ӏ':
		return 'I'
	case 'Ј':
		return 'J'
	case 'У', 'Ү':
		return 'Y'
	// Cyrillic small letters with Latin look-alikes
	case 'а':
		return 'A'
	case 'е', 'ё':
		return 'E'
	case 'о':
		return 'O'
	case 'р':
		return 'P'
	case 'с':
		return 'C'
	case 'х':
		return 'X'
	case 'у':
		return 'Y'
	case 'ѕ':
		return 'S'
	case 'і':
		return 'I'
	case 'ј':
		return 'J'
	case 'к':
		return 'K'
	// Greek capitals
	case 'Α':
		return 'A'
	case 'Β':
		return 'B'
	case 'Ε':
		return 'E'
	case 'Ζ':
		return 'Z'
	case 'Η':
		return 'H'
	case 'Ι':
		return 'I'
	case 'Κ':
		return 'K'
	case 'Μ':
		return 'M'
	case 'Ν':
		return 'N'
	case 'Ο':
		return 'O'
	case 'Ρ':
		return 'P'
	case 'Τ':
		return 'T'
	case 'Υ':
		return 'Y'
	case 'Χ':
		return 'X'
	// Greek small letters with Latin look-alikes
	case 'ο':
		return 'O'
	case 'ι':
		return 'I'
	case 'κ':
		return 'K'
	case 'ν':
		return 'V'
	case 'α':
		return 'A'
	}
	return 0
}

// latin1Base maps the accented Latin-1 letters used in French markings
// (TRÈS SECRET, PROTÉGÉ, NON CLASSIFIÉ) to their base letter.
func latin1Base(r rune) byte {
	switch r {
	case 'À', 'Â', 'à', 'â':
		return 'A'
	case 'È', 'É', 'Ê', 'Ë', 'è', 'é', 'ê', 'ë':
		return 'E'
	case 'Î', 'Ï', 'î', 'ï':
		return 'I'
	case 'Ô', 'ô':
		return 'O'
	case 'Ù', 'Û', 'Ü', 'ù', 'û', 'ü':
		return 'U'
	case 'Ç', 'ç':
		return 'C'
	}
	return 0
}

func isLetterC(c byte) bool { return 'A' <= c && c <= 'Z' || c == cLetter }
func isWordC(c byte) bool   { return isLetterC(c) || '0' <= c && c <= '9' || c == '_' }

// prevC returns the folded character before position i (skipping
// ignorable characters) and its start, or (0, -1) at lo.
func prevC(t []byte, lo, i int) (byte, int) {
	for i > lo {
		j := i - 1
		for j > lo && j > i-4 && !utf8.RuneStart(t[j]) {
			j--
		}
		c, _, bits := fold(t, j)
		if bits&bIgnore == 0 {
			return c, j
		}
		i = j
	}
	return 0, -1
}
