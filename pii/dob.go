package pii

import (
	"encoding/binary"
	"math/bits"

	"github.com/tidemark/tidemark/detect"
)

// KindDateOfBirth is the Kind of date-of-birth findings.
const KindDateOfBirth detect.Kind = "date.birth"

// Date formats reported in bits 21-23 of a date-of-birth finding's Info.
const (
	DateDMY              uint32 = 1 // 12/03/1961, 12-03-61, 12.03.1961 (or M/D/Y when only that is valid)
	DateYMD              uint32 = 2 // 1961-03-12
	DateDayMonth         uint32 = 3 // 12 March 1961, 12th March 1961, 12-Mar-61
	DateMonthDay         uint32 = 4 // March 12, 1961
	dateMinYear                 = 1900
	dateMaxYear                 = 2030
	dobMaxLen                   = 32
	dobRadius                   = 48
	dobBareScore                = 30
	dobTwoDigitYearScore        = 25
)

// NewDateOfBirth returns a detector for dates of birth: dates that context
// marks as a birth date.
//
// Matches: numeric dates day first with '/', '-' or '.' and a 2- or
// 4-digit year ("12/03/1961", "12-03-61", "12.03.1961"; month first when
// only that reading is valid, "03/25/1961"), ISO dates ("1961-03-12"),
// and dates with a month name or its abbreviation ("12 March 1961", "12th
// March 1961", "12th of March 1961", "12-Mar-61", "March 12, 1961",
// "Mar 12th 1961"), as whole tokens.
//
// Validation: a real calendar date (leap years included) with a 4-digit
// year in 1900-2030, or a 2-digit year.
//
// Triggers: the birth words "dob", "d.o.b", "d o b", "born", "birth" (any
// case); only the dates within 80 bytes of one are parsed (MaxLen is 80:
// a date of up to 32 bytes and a birth word up to 48 bytes away, before
// or after it).
//
// Score: dates are everywhere (chat timestamps, letters, logs), so a date
// is reported only when a birth word (a whole word: "dob", "d.o.b",
// "born", "birth", "birthday", "birthdate", "date of birth"; not
// "Borneo") starts within 48 bytes of it on the same line (or on the line
// above when that ends with ':', a form label) with no other number in
// between, and never when a time follows it ("12/03/2021, 09:30"); its
// base score is then 30 (25 with a 2-digit year), below the usual reporting
// threshold, and the cues decide. Before the date (labels precede values):
// +45 for "dob", "d.o.b", "date of birth", "birthdate"; +40 "born"; +35
// "birth", "birthday". After it: +25 for "dob", "d.o.b", "date of birth",
// "birthday". Either side: −20 near "due", "expiry", "expires", "issued",
// "invoice", "meeting", "deadline", "sent", "updated", "posted".
//
// Known false positives: other dates near birth words ("born on the
// 4th of July, signed 12/03/1999"). Known false negatives: dates without
// a year ("12 March"), years before 1900, written-out numbers,
// non-English month names, and dates of birth in tables whose only cue is
// a column header more than a line away ("name,dob,...").
//
// Info: day in bits 0-4, month in bits 5-8, year as written in bits 9-20,
// format (DateDMY, ...) in bits 21-23.
func NewDateOfBirth() detect.Detector { return dob{} }

type dob struct{}

var _ detect.Detector = dob{}

func (dob) Spec() detect.Spec {
	return detect.Spec{
		ID: "pii/date-of-birth", Kind: KindDateOfBirth, MaxLen: dobReach,
		Description: "Dates of birth (calendar-valid dates scored by birth context)",
		Triggers:    detect.Triggers{Keywords: dobKeywords},
		Cues: detect.Cues{Radius: dobRadius, Words: []detect.Cue{
			// Labels come before values ("DOB: 12/03/1961", "born on ...").
			{Word: "dob", Delta: 45, Side: detect.Before}, {Word: "d o b", Delta: 45, Side: detect.Before},
			{Word: "date of birth", Delta: 45, Side: detect.Before}, {Word: "birthdate", Delta: 45, Side: detect.Before},
			{Word: "born", Delta: 40, Side: detect.Before}, {Word: "birth", Delta: 35, Side: detect.Before},
			{Word: "birthday", Delta: 35, Side: detect.Before},
			// After the value they count less ("12/03/1961 (DOB)").
			{Word: "dob", Delta: 25, Side: detect.After}, {Word: "d o b", Delta: 25, Side: detect.After},
			{Word: "date of birth", Delta: 25, Side: detect.After}, {Word: "birthday", Delta: 25, Side: detect.After},
			{Word: "due", Delta: -20}, {Word: "expiry", Delta: -20}, {Word: "expires", Delta: -20},
			{Word: "issued", Delta: -20}, {Word: "invoice", Delta: -20}, {Word: "meeting", Delta: -20},
			{Word: "deadline", Delta: -20}, {Word: "sent", Delta: -20}, {Word: "updated", Delta: -20},
			{Word: "posted", Delta: -20},
		}},
	}
}

// dobReach is how far from a birth word a date can lie: the word starts
// within dobRadius bytes of a date at most dobMaxLen bytes long.
const dobReach = dobRadius + dobMaxLen

// dobKeywords trigger the detector: every birth word dobNearCue accepts
// starts with one of them ("date of birth", "birthday", "birthdate" with
// "birth").
var dobKeywords = []string{"dob", "d.o.b", "d o b", "born", "birth"}

// Detect tries, for each birth word (hit) k, only the digit runs a date
// near k can start with. dobNearCue reports a date t[s:e] only for a
// birth word p that starts within dobRadius bytes of it, with no digit
// between them, and when p is after the date no line break either; every
// birth word is a hit, and none lies inside a date (date bytes after the
// first digit are digits, separators, ordinals, "of" and month names).
// So p < s means the date's first digit run is the first digit at or
// after p (a date starting with a month name has only letters and a
// space before its first digit), and p >= e means the date's last digit
// is the last digit before p, at most dobRadius bytes before p and on
// its line, with the date's first digit run at most dobMaxLen bytes
// before it. The runs tried are a subset of the ones the digit-triggered
// version tried (dobDigits in the tests, which compare the two) holding
// every date it reports, tried in the same (ascending) order: the dates
// reported are the same, and a run skipped here changes nothing, as only
// a reported date moves next.
func (dob) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next, done := 0, -1 // end of the last date reported; digit runs starting up to done are tried
	for _, k32 := range w.Hits {
		k := int(k32)
		// The date ending at the last digit before k, l.
		l := dobLastStop(t, max(0, k-dobRadius), k)
		if l >= max(0, k-dobRadius) && intlDigit(t[l]) && l > done {
			// A date's last digit run (its year, or its day in
			// 1961-03-12) is its whole run of 1, 2 or 4 digits after a
			// '/', '-', '.', ' ' or ',', and another run starts it.
			r := l
			for r > 0 && intlDigit(t[r-1]) {
				r--
			}
			if n := l + 1 - r; n == 3 || n > 4 || r == 0 || !dobLastSep(t[r-1]) {
				r = 0 // no date ends at l
			}
			for h := max(0, k-dobReach, l-(dobMaxLen-1), done+1); h < r-1; h++ {
				if intlDigit(t[h]) && (h == 0 || !intlDigit(t[h-1])) && h >= next {
					dst, next = dobTry(dst, w, h, next)
				}
			}
			done = l
		}
		// The date whose first digit run is the first digit after k.
		hi := min(len(t), k+dobReach)
		f := dobFirstDigit(t, k, hi)
		if f < hi && f > done {
			if (f == 0 || !intlDigit(t[f-1])) && f >= next {
				dst, next = dobTry(dst, w, f, next)
			}
			done = f
		}
	}
	return dst, nil
}

// dobFirstDigit returns the first i in [f, hi) with t[i] a digit, or hi,
// looking at eight bytes at a time.
func dobFirstDigit(t []byte, f, hi int) int {
	for ; f+8 <= hi; f += 8 {
		if m := intlDigitMask(binary.LittleEndian.Uint64(t[f:])); m != 0 {
			return f + bits.TrailingZeros64(m)>>3
		}
	}
	for f < hi && !intlDigit(t[f]) {
		f++
	}
	return f
}

// dobFirstStop returns the first i in [f, hi) with t[i] a digit or a
// line feed, or hi, looking at eight bytes at a time.
func dobFirstStop(t []byte, f, hi int) int {
	for ; f+8 <= hi; f += 8 {
		x := binary.LittleEndian.Uint64(t[f:])
		if m := intlDigitMask(x) | ukCueZero(x^('\n'*ukCueOnes)); m != 0 {
			return f + bits.TrailingZeros64(m)>>3
		}
	}
	for f < hi && !intlDigit(t[f]) && t[f] != '\n' {
		f++
	}
	return f
}

// dobLastStop returns the last i in [lo, e) with t[i] a digit or a line
// feed, or lo-1, looking at eight bytes at a time.
func dobLastStop(t []byte, lo, e int) int {
	for ; e-8 >= lo; e -= 8 {
		x := binary.LittleEndian.Uint64(t[e-8:])
		if m := intlDigitMask(x) | ukCueZero(x^('\n'*ukCueOnes)); m != 0 {
			return e - 8 + (63-bits.LeadingZeros64(m))>>3
		}
	}
	for e > lo && !intlDigit(t[e-1]) && t[e-1] != '\n' {
		e--
	}
	return e - 1
}

// dobLastSep reports whether c may come before the last digit run of a
// date.
func dobLastSep(c byte) bool {
	return c == '/' || c == '-' || c == '.' || c == ' ' || c == ','
}

// dobTry reports the date whose digit run starts at t[h], if any, and
// returns the new skip position: the end of the date when reported.
func dobTry(dst []detect.Finding, w *detect.Window, h, next int) ([]detect.Finding, int) {
	t := w.Text
	if dobChatStamp(t, h) {
		return dst, next
	}
	s, e, info, ok := dobAt(t, h)
	// Only a reported date is skipped past: one dropped (glued, no
	// birth word, a timestamp) may hide a real date starting inside
	// it ("x12 March 1961-03-12"), and skipping it would make the
	// decision depend on a chain of such dates of any length.
	// (dobTimestamp before dobNearCue: the cheaper test first, and chat
	// timestamps are the commonest dates.)
	if !ok || intlEdge(w, s, e, 2) || intlGluedBefore(t, s) || intlGluedAfter(t, e) || dobTimestamp(t, e) || !dobNearCue(t, s, e) {
		return dst, next
	}
	score := dobBareScore
	if info>>9&0xfff < 100 {
		score = dobTwoDigitYearScore
	}
	return append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info}), e
}

// dobChatStamp reports whether t[h:] starts with the commonest timestamp
// of chat exports, "12/03/2021, 09:14" (any one of '/', '-', '.' twice):
// dobAt reads no other date there than t[h:h+10] (two digits and a
// separator, two and the same separator, four and no digit), if that,
// and dobTimestamp(t, h+10) holds, so dobTry reports nothing. Two
// eight-byte loads instead of the parse.
func dobChatStamp(t []byte, h int) bool {
	if h+17 > len(t) {
		return false
	}
	x := binary.LittleEndian.Uint64(t[h:])
	y := binary.LittleEndian.Uint64(t[h+8:])
	const (
		xDigits = 0x8080008080008080 // bytes 0, 1, 3, 4, 6, 7
		yDigits = 0x8000808000008080 // bytes 0, 1, 4, 5, 7
		yPunct  = 0x00ff0000ffff0000 // bytes 2, 3, 6: ", " and ':'
		yWant   = ':'<<48 | ' '<<24 | ','<<16
	)
	sep := byte(x >> 16)
	return intlDigitMask(x)&xDigits == xDigits && intlDigitMask(y)&yDigits == yDigits && y&yPunct == yWant &&
		byte(x>>40) == sep && (sep == '/' || sep == '-' || sep == '.') && intlDigit(t[h+16])
}

// dobNearCue reports whether a birth word ("dob", "d.o.b", "born",
// "birth...") starts within dobRadius bytes of the date t[s:e]. Dates
// without one are not reported: they are everywhere (chat timestamps,
// letters, logs), and scoring each one would cost more than finding it.
func dobNearCue(t []byte, s, e int) bool {
	lo, hi := max(0, s-dobRadius), min(len(t), e+dobRadius)
	// Only the date's own line counts, and the line before it when that
	// ends with ':' (a form label above its value).
	// A birth word belongs to the nearest date: stop at other numbers
	// ("date of birth: 1999-03-12, meeting on 23/07/2021"). So the
	// words looked at lie after the last digit or line feed before the
	// date (unless it is a line feed after a ':' line, when the digit
	// search goes on over that line) and before the first after it.
	if i := dobLastStop(t, lo, s); i >= lo {
		if t[i] != '\n' {
			lo = i + 1
		} else {
			j := i
			for j > lo && (t[j-1] == '\r' || t[j-1] == ' ' || t[j-1] == '\t') {
				j--
			}
			if j == lo || t[j-1] != ':' {
				lo = i + 1
			} else {
				for k := i - 1; k >= lo; k-- {
					if intlDigit(t[k]) {
						lo = k + 1
						break
					}
				}
			}
		}
	}
	hi = dobFirstStop(t, e, hi)
	for i := lo; i < hi; i++ {
		c := t[i] | 0x20
		if c != 'b' && c != 'd' || i > 0 && intlLetter(t[i-1]) {
			continue
		}
		if dobBirthWord(t, i) > 0 {
			return true
		}
	}
	return false
}

// dobBirthWord returns the length of the birth word starting at t[i]
// ("born", "birth", "birthday", "birthdate", "dob", "d.o.b", "d o b"), or
// 0. The word must not run on into letters ("Borneo", "births"); the
// caller checks the byte before it. "date of birth" is found by its
// "birth".
func dobBirthWord(t []byte, i int) int {
	word := func(w string) int {
		if i+len(w) > len(t) || i+len(w) < len(t) && intlLetter(t[i+len(w)]) {
			return 0
		}
		for k := 0; k < len(w); k++ {
			if intlLower(t[i+k]) != w[k] {
				return 0
			}
		}
		return len(w)
	}
	switch t[i] | 0x20 {
	case 'b':
		return max(word("born"), word("birth"), word("birthday"), word("birthdate"))
	case 'd':
		return max(word("dob"), word("d.o.b"), word("d o b"))
	}
	return 0
}

// dobTimestamp reports whether the date t[s:e] is followed by a time
// ("12/03/2021, 09:30", "2021-03-12 09:30"): a timestamp, not a birth
// date.
func dobTimestamp(t []byte, e int) bool {
	i := e
	if i < len(t) && (t[i] == ',' || t[i] == 'T') {
		i++
	}
	if i < len(t) && t[i] == ' ' {
		i++
	}
	if i == e {
		return false
	}
	j := i
	for j < len(t) && intlDigit(t[j]) && j-i < 3 {
		j++
	}
	return j-i >= 1 && j-i <= 2 && j+2 < len(t) && t[j] == ':' && intlDigit(t[j+1]) && intlDigit(t[j+2])
}

// dobNum reads up to max digits at t[i]; it returns the value and the end.
func dobNum(t []byte, i, max int) (v, j int) {
	j = i
	for j < len(t) && intlDigit(t[j]) && j-i <= max {
		v = v*10 + int(t[j]-'0')
		j++
	}
	return v, j
}

// dobAt tries every date form that starts with, or has its day at, the
// digit run at h.
func dobAt(t []byte, h int) (s, e int, info uint32, ok bool) {
	v1, a := dobNum(t, h, 4)
	n1 := a - h
	if n1 > 4 {
		return 0, 0, 0, false
	}
	// Numeric: 12/03/1961, 1961-03-12.
	if a+1 < len(t) && (t[a] == '/' || t[a] == '-' || t[a] == '.') && intlDigit(t[a+1]) {
		sep := t[a]
		v2, b := dobNum(t, a+1, 2)
		n2 := b - a - 1
		if n2 <= 2 && b+1 < len(t) && t[b] == sep && intlDigit(t[b+1]) {
			v3, c := dobNum(t, b+1, 4)
			n3 := c - b - 1
			switch {
			case n1 == 4 && n3 <= 2 && sep != '.':
				if dateValid(v3, v2, v1, 4) {
					return h, c, dobInfo(v3, v2, v1, DateYMD), true
				}
			case n1 <= 2 && (n3 == 4 || n3 == 2):
				if dateValid(v1, v2, v3, n3) {
					return h, c, dobInfo(v1, v2, v3, DateDMY), true
				}
				if dateValid(v2, v1, v3, n3) {
					return h, c, dobInfo(v2, v1, v3, DateDMY), true
				}
			}
			return 0, 0, 0, false
		}
	}
	if n1 > 2 {
		return 0, 0, 0, false
	}
	// Day then month name: 12 March 1961, 12th of March 1961, 12-Mar-61.
	i := dobOrdinal(t, a)
	if i < len(t) && (t[i] == ' ' || t[i] == '-') {
		dash := t[i] == '-'
		j := i + 1
		if !dash && j+3 <= len(t) && intlLower(t[j]) == 'o' && intlLower(t[j+1]) == 'f' && t[j+2] == ' ' {
			j += 3
		}
		if m, k := dobMonth(t, j); m > 0 {
			if y, c, yl := dobYear(t, k, dash); yl > 0 && dateValid(v1, m, y, yl) {
				return h, c, dobInfo(v1, m, y, DateDayMonth), true
			}
		}
	}
	// Month name then day: March 12, 1961.
	if h >= 4 && t[h-1] == ' ' {
		ms := h - 1
		for ms > 0 && intlLetter(t[ms-1]) && h-1-ms < 9 {
			ms--
		}
		if m, k := dobMonth(t, ms); m > 0 && k == h-1 {
			c := i
			if c < len(t) && t[c] == ',' {
				c++
			}
			if c+5 <= len(t) && t[c] == ' ' {
				if y, ye := dobNum(t, c+1, 4); ye-c-1 == 4 && dateValid(v1, m, y, 4) {
					return ms, ye, dobInfo(v1, m, y, DateMonthDay), true
				}
			}
		}
	}
	return 0, 0, 0, false
}

// dobOrdinal skips an ordinal suffix (st, nd, rd, th) at t[i].
func dobOrdinal(t []byte, i int) int {
	if i+2 <= len(t) && (i+2 == len(t) || !intlLetter(t[i+2])) {
		a, b := intlLower(t[i]), intlLower(t[i+1])
		if a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h' {
			return i + 2
		}
	}
	return i
}

// dobMonth reads a month name or abbreviation at t[i] as a whole word.
func dobMonth(t []byte, i int) (m, j int) {
	var b [9]byte
	j = i
	for j < len(t) && intlLetter(t[j]) {
		if j-i == len(b) {
			return 0, j
		}
		b[j-i] = intlLower(t[j])
		j++
	}
	switch string(b[:j-i]) {
	case "jan", "january":
		m = 1
	case "feb", "february":
		m = 2
	case "mar", "march":
		m = 3
	case "apr", "april":
		m = 4
	case "may":
		m = 5
	case "jun", "june":
		m = 6
	case "jul", "july":
		m = 7
	case "aug", "august":
		m = 8
	case "sep", "sept", "september":
		m = 9
	case "oct", "october":
		m = 10
	case "nov", "november":
		m = 11
	case "dec", "december":
		m = 12
	}
	return m, j
}

// dobYear reads the year after a month name: separated by a space, ", ",
// "," or (after a dash) '-'. Two-digit years only follow dashes.
func dobYear(t []byte, k int, dash bool) (y, e, n int) {
	switch {
	case dash && k < len(t) && t[k] == '-':
		k++
	case !dash && k+1 < len(t) && t[k] == ',' && t[k+1] == ' ':
		k += 2
	case !dash && k < len(t) && (t[k] == ' ' || t[k] == ','):
		k++
	default:
		return 0, 0, 0
	}
	y, e = dobNum(t, k, 4)
	n = e - k
	if n == 4 || n == 2 && dash {
		return y, e, n
	}
	return 0, 0, 0
}

// dateValid reports whether d/m/y is a calendar date; yl is the number of
// digits the year was written with (2 or 4).
func dateValid(d, m, y, yl int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if yl == 4 && (y < dateMinYear || y > dateMaxYear) {
		return false
	}
	dim := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (yl == 2 || y%100 != 0 || y%400 == 0) {
		dim = 29
	}
	return d <= dim
}

func dobInfo(d, m, y int, f uint32) uint32 {
	return uint32(d) | uint32(m)<<5 | uint32(y&0xfff)<<9 | f<<21
}
