package pii

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tidemark/tidemark/bench/corpus"
	"github.com/tidemark/tidemark/detect"
)

// Checks and benchmarks for the early rejections in the Detect code of
// the postcode, address and IP detectors: each must report exactly what
// the code before them reported (kept here as refPostcodeDetect,
// refAddressDetect and refIPDetect) for any window and any hits.

// speedRec records the windows the engine hands a run-filtered detector.
type speedRec struct {
	detect.RunFilter
	ws *[]detect.Window
}

func (r speedRec) Detect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	c := *w
	c.Text = append([]byte(nil), w.Text...)
	c.Hits = append([]int32(nil), w.Hits...)
	*r.ws = append(*r.ws, c)
	return r.RunFilter.Detect(dst, w)
}

// speedWindows returns the windows (with their gated hits) that the
// engine hands d on text.
func speedWindows(tb testing.TB, d detect.RunFilter, text []byte) []detect.Window {
	var ws []detect.Window
	eng := detect.MustCompile([]detect.Detector{speedRec{d, &ws}}, &detect.Options{MinScore: 0})
	if _, err := eng.AppendFind(nil, text); err != nil {
		tb.Fatal(err)
	}
	return ws
}

type speedPair struct {
	name string
	d    detect.RunFilter
	ref  func([]detect.Finding, *detect.Window) ([]detect.Finding, error)
}

var speedPairs = []speedPair{
	{"uk-postcode", ukPostcode{}, refPostcodeDetect},
	{"uk-address", ukAddress{}, refAddressDetect},
	{"ip-address", ipAddr{}, refIPDetect},
}

// speedSame reports a difference between the detectors and their
// references on w.
func speedSame(tb testing.TB, w *detect.Window) {
	tb.Helper()
	for _, p := range speedPairs {
		got, err1 := p.d.Detect(nil, w)
		want, err2 := p.ref(nil, w)
		if err1 != nil || err2 != nil || !slices.Equal(got, want) {
			tb.Fatalf("%s: text %q hits %v start %v end %v:\n got %v\nwant %v", p.name, w.Text, w.Hits, w.AtStart, w.AtEnd, got, want)
		}
	}
}

// speedHits returns the offsets of the digits of t: every digit when
// all, else the first digit of each run.
func speedHits(t []byte, all bool) []int32 {
	var hs []int32
	for i, c := range t {
		if '0' <= c && c <= '9' && (all || i == 0 || t[i-1] < '0' || t[i-1] > '9') {
			hs = append(hs, int32(i))
		}
	}
	return hs
}

const speedHardText = `at 7 instead, 3 more chairs, 10 mins, £4.50, build 11.0.1.4737, v1.2 +44 7700 900123 020 7946 0958
BFPO 123 bfpo 12 BFPO1234 bfpo1 BfPO 12 BFPO 12345 BFPO 10% BFPO 09:14 GIR 0AA gir 0aa GIR 0aa x 0AA SW1A 1AA sw1a 1aa
SW1A1AA EC1A 1BB, W1 0AX M1 1AE B33 8TH CR2 6XH DN55 1PT 1AA 2BB 3Cd A9 9ZZ ,LS1 1AA Road, NW1 6XE
10 Downing Street, London SW1A 2AA; Flat 2/3, 14 High St, Leeds LS1 1AA; 221B Baker Street, London NW1 6XE.
Flat 3, 12 Acacia Avenue, Reading, Berkshire RG1 1AA. Apartment 12B 4 Mill Lane. Unit 4 7 Oak Road. Suite 9, 1 X Way
Room 1 2 The Parade, Hove BN3 1AA. Rose Cottage, Mill Lane, Hove BN3 1AA 12-14 High Street 12a, Long Road 2b, x
IP 192.0.2.1, 198.51.100.23:8080, 203.0.113.0/24, 2001:db8::1, [2001:db8:85a3::8a2e:370:7334] 1.2.3.4.5 010.1.1.1
::ffff:192.0.2.1 fe80::1 12:30:45 1:2:3:4:5:6:7:8 0.0.0.0 255.255.255.255. 10.0.0.1 172.16.0.1 192.168.1.1 a1.2.3.4
`

// TestSpeedSame compares the detectors with their references on the
// synthetic corpora and hard text: the windows the engine hands them
// (gated hits), and the same windows with every digit a hit.
func TestSpeedSame(t *testing.T) {
	size := int64(2 << 20)
	if testing.Short() {
		size = 256 << 10
	}
	texts := [][]byte{[]byte(speedHardText)}
	for i, d := range []corpus.Density{corpus.Typical, corpus.Dense, corpus.Office} {
		b, _ := corpus.Bytes(corpus.Config{Seed: uint64(11 + i), Size: size, Density: d})
		texts = append(texts, b)
	}
	n := 0
	for _, text := range texts {
		for _, p := range speedPairs {
			for _, w := range speedWindows(t, p.d, text) {
				speedSame(t, &w)
				w.Hits = speedHits(w.Text, true)
				speedSame(t, &w)
				n++
			}
		}
	}
	t.Logf("%d windows", n)
}

// TestSpeedSameSoup compares the detectors with their references on
// random text built from the pieces their code looks at.
func TestSpeedSameSoup(t *testing.T) {
	pieces := strings.Fields(`BFPO bfpo BfPO GIR gir 0AA 0aa 1AA 2bd 9ZZ SW1A sw1a EC1A W1 M1 B33 LS1 NW1 CR2 DN55 XX9 QA1
		Flat flat Apartment Apt Unit Suite Room High Street Road Rd St Lane Avenue Way The Parade Mill Cottage House
		London Reading Hove upon Tyne BN3 RG1 6XE 8TH 7 12 221 2/3 12-14 1234 12345 0 00 010 192 168 255 256 2001
		db8 fe80 ffff abcd a b c x v. : :: . , ; / - _ @ # £ $ % + ( ) [ ] ' "`)
	seps := []string{" ", " ", " ", "", "", ",", ", ", ".", ":", "\n", "-", "/"}
	r := rand.New(rand.NewPCG(1, 2))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	var b []byte
	for range n {
		b = b[:0]
		for k := 1 + r.IntN(12); k > 0; k-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
			b = append(b, seps[r.IntN(len(seps))]...)
		}
		mode := r.IntN(8)
		w := detect.Window{Text: b, AtStart: mode&1 == 0, AtEnd: mode&2 == 0}
		w.Hits = speedHits(b, mode&4 != 0)
		speedSame(t, &w)
	}
}

// FuzzSpeedSame compares the detectors with their references on fuzzed
// windows, with every digit or the first of each run a hit, at and away
// from the input's edges.
func FuzzSpeedSame(f *testing.F) {
	for _, s := range []string{speedHardText, "BFPO 1", " 0AA", "a 1-2 B", "x 1.2.3.4 y", "::1 1.1.1.1"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8) {
		w := detect.Window{Text: []byte(s), Base: 100, AtStart: mode&1 == 0, AtEnd: mode&2 == 0}
		w.Hits = speedHits(w.Text, mode&4 != 0)
		speedSame(t, &w)
	})
}

// BenchmarkSpeedDetect measures each detector's Detect alone on the
// windows the engine hands it on the typical corpus.
func BenchmarkSpeedDetect(b *testing.B) {
	text, _ := corpus.Bytes(corpus.Config{Seed: 3, Size: 1 << 20, Density: corpus.Typical})
	for _, p := range speedPairs {
		ws := speedWindows(b, p.d, text)
		for _, impl := range []struct {
			name string
			fn   func([]detect.Finding, *detect.Window) ([]detect.Finding, error)
		}{{"new", p.d.Detect}, {"ref", p.ref}} {
			b.Run(p.name+"/"+impl.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				dst := make([]detect.Finding, 0, 64)
				for b.Loop() {
					for i := range ws {
						dst, _ = impl.fn(dst[:0], &ws[i])
					}
				}
			})
		}
	}
}

// The Detect code before the early rejections, kept as the reference.

func refPostcodeDetect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h := range w.Hits {
		i := int(h)
		if i < next {
			continue
		}
		ts, te := ukAlnumRun(t, i, 8)
		next = te
		n := te - ts
		if n > 8 || !ukTokenStart(t, ts) || !ukTokenEnd(t, te) {
			continue
		}
		s, e, info := -1, 0, uint32(0)
		lower := ukIsLower(t[ts])
		switch {
		case n == 3 && ukIsDigit(t[ts]) && ts >= 4 && t[ts-1] == ' ' && ukTokenStart(t, ts-4) &&
			(string(t[ts-4:te]) == "GIR 0AA" || string(t[ts-4:te]) == "gir 0aa"):
			s, e, info = ts-4, te, UKPostcodeGIR
		case n <= 4 && ukAllDigits(t[ts:te]) && ts >= 5 && t[ts-1] == ' ' && ukIsBFPO(t, ts-5):
			if ukBFPOEnd(t, te) {
				s, e, info, lower = ts-5, te, UKPostcodeBFPO, ukIsLower(t[ts-5])
			}
		case n >= 5 && ukIsBFPO(t, ts) && ukAllDigits(t[ts+4:te]):
			if ukBFPOEnd(t, te) {
				s, e, info = ts, te, UKPostcodeBFPO
			}
		case n == 8:
		case n >= 2 && n <= 4 && te+4 <= len(t) && t[te] == ' ' && ukTokenEnd(t, te+4) &&
			ukOutward(t[ts:te], lower) && ukInward(t[te+1:te+4], lower):
			s, e, info = ts, te+4, UKPostcodeSpaced
		case n == 3 && ts >= 3 && t[ts-1] == ' ' && ukInward(t[ts:te], lower):
			// The inward code reached first: look back for the outward code.
			os := ts - 1
			for os > 0 && ukIsAlnum(t[os-1]) && ts-1-os < 5 {
				os--
			}
			if ukTokenStart(t, os) && ukOutward(t[os:ts-1], lower) {
				s, e, info = os, te, UKPostcodeSpaced
			}
		case n >= 5 && ukOutward(t[ts:te-3], lower) && ukInward(t[te-3:te], lower):
			s, e, info = ts, te, UKPostcodeUnspaced
		}
		if s < 0 || !ukEdgeOK(w, s, e, 2) {
			continue
		}
		next = e
		score := 45
		if info == UKPostcodeUnspaced {
			score = 30
		}
		if lower {
			score -= 15
			info |= UKPostcodeLower
		}
		// An address line: "London, SW1A 1AA".
		if p := s - 1; p >= 0 && t[p] == ' ' && p > 0 && t[p-1] == ',' || p >= 0 && t[p] == ',' {
			score += 10
		}
		dst = append(dst, ukFinding(w, s, e, score, info))
	}
	return dst, nil
}

func refAddressDetect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next := 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next || h > 0 && intlDigit(t[h-1]) {
			continue
		}
		if intlGluedBefore(t, h) {
			// Perhaps the digit of a postcode ending an address with a
			// building name and no number: "Rose Cottage, Mill Lane,
			// Hove BN3 1AA".
			if s, e, info, ok := addrBack(t, h); ok && s >= next && !intlEdge(w, s, e, 3) {
				next = e
				score := 80
				if info&AddrLocality != 0 {
					score = 90
				}
				dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
			}
			continue
		}
		s := h
		// "Flat 3, 12 Acacia Avenue": the flat prefix joins the match,
		// found from the flat's number or, when that is not a hit of its
		// own ("Flat 2/3, 14 High St" under the run filter), from the
		// building number after it.
		if fs, k, ok := refAddrFlat(t, h); ok {
			if _, _, ok := refAddrAt(t, k); ok {
				s, h = fs, k
			}
		} else if fs, ok := refAddrFlatBefore(t, h); ok {
			s = fs
		}
		e, info, ok := refAddrAt(t, h)
		if !ok || e-s > addrMaxLen || intlEdge(w, s, e, 3) {
			continue
		}
		next = e
		score := 45
		switch info {
		case AddrStreet | AddrLocality:
			score = 60
		case AddrStreet | AddrPostcode:
			score = 80
		case AddrStreet | AddrLocality | AddrPostcode:
			score = 90
		}
		dst = append(dst, detect.Finding{Start: w.Base + int64(s), End: w.Base + int64(e), Score: score, Info: info})
	}
	return dst, nil
}
func refAddrAt(t []byte, h int) (e int, info uint32, ok bool) {
	// Building number: 1-4 digits, optional letter or range.
	i := h
	for i < len(t) && intlDigit(t[i]) && i-h < 5 {
		i++
	}
	if i-h > 4 || i >= len(t) {
		return 0, 0, false
	}
	if t[i] == '-' && i+1 < len(t) && intlDigit(t[i+1]) {
		j := i + 1
		for j < len(t) && intlDigit(t[j]) && j-i < 5 {
			j++
		}
		i = j
	}
	if i < len(t) && intlLetter(t[i]) && i+1 < len(t) && (t[i+1] == ' ' || t[i+1] == ',') {
		i++
	}
	if i < len(t) && t[i] == ',' {
		i++
	}
	if i >= len(t) || t[i] != ' ' {
		return 0, 0, false
	}
	i++
	// Street: capitalised words, the last a suffix.
	k, found := i, false
	for nw := 0; nw < 5; nw++ {
		j := addrWord(t, k)
		if j == k {
			break
		}
		if nw > 0 && addrSuffix(t[k:j]) {
			e, found = j, true
			break
		}
		if j >= len(t) || t[j] != ' ' {
			break
		}
		k = j + 1
	}
	if !found {
		return 0, 0, false
	}
	if e < len(t) && t[e] == '.' && e-k <= 4 { // "Rd."
		e++
	}
	info = AddrStreet
	// Localities and postcode.
	for parts := 0; parts < 4; parts++ {
		p := addrSep(t, e)
		if p == e {
			break
		}
		if pe, ok := addrPostcode(t, p); ok {
			e = pe
			info |= AddrPostcode
			break
		}
		if parts == 3 || t[e] == ' ' { // a bare space only leads to a postcode
			break
		}
		le := addrLocality(t, p)
		if le == p {
			break
		}
		e = le
		info |= AddrLocality
	}
	return e, info, true
}

func refIPDetect(dst []detect.Finding, w *detect.Window) ([]detect.Finding, error) {
	t := w.Text
	next, v6Done := 0, 0
	for _, h32 := range w.Hits {
		h := int(h32)
		if h < next {
			continue
		}
		if h >= v6Done && ipNearColon(t, h) {
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
		s := h
		for s > 0 && (intlDigit(t[s-1]) || t[s-1] == '.') && h-s < ipMaxRun {
			s--
		}
		e := h
		for e < len(t) && (intlDigit(t[e]) || t[e] == '.') && e-s < ipMaxRun {
			e++
		}
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

func refAddrFlat(t []byte, h int) (s, k int, ok bool) {
	// The word before the number.
	if h < 2 || t[h-1] != ' ' {
		return 0, 0, false
	}
	ws := h - 1
	for ws > 0 && intlLetter(t[ws-1]) && h-1-ws < 10 {
		ws--
	}
	if ws > 0 && intlAlnum(t[ws-1]) {
		return 0, 0, false
	}
	var b [10]byte
	n := copy(b[:], t[ws:h-1])
	for i := range b[:n] {
		b[i] = intlLower(b[i])
	}
	switch string(b[:n]) {
	case "flat", "apartment", "apt", "unit", "suite", "room":
	default:
		return 0, 0, false
	}
	if !intlUpper(t[ws]) {
		return 0, 0, false
	}
	i := h
	for i < len(t) && intlDigit(t[i]) && i-h < 4 {
		i++
	}
	// "Flat 2/3": floor and flat.
	if i+1 < len(t) && t[i] == '/' && intlDigit(t[i+1]) {
		j := i + 1
		for i = j; i < len(t) && intlDigit(t[i]) && i-j < 4; i++ {
		}
	}
	if i < len(t) && intlLetter(t[i]) {
		i++
	}
	if i < len(t) && t[i] == ',' {
		i++
	}
	if i >= len(t) || t[i] != ' ' || i+1 >= len(t) || !intlDigit(t[i+1]) {
		return 0, 0, false
	}
	return ws, i + 1, true
}
func refAddrFlatBefore(t []byte, h int) (s int, ok bool) {
	if h < 2 || t[h-1] != ' ' {
		return 0, false
	}
	i := h - 1
	if t[i-1] == ',' {
		i--
	}
	// The flat number: digits, '/', a letter (at most "1234/1234A").
	ts := i
	for ts > 0 && i-ts < 10 && (intlAlnum(t[ts-1]) || t[ts-1] == '/') {
		ts--
	}
	for ts < i && !intlDigit(t[ts]) {
		ts++
	}
	if ts == i || ts > 0 && t[ts-1] != ' ' {
		return 0, false
	}
	if fs, k, ok := refAddrFlat(t, ts); ok && k == h {
		return fs, true
	}
	return 0, false
}

// TestSpeedIsArea checks the table-driven ukIsArea against the scan of
// ukPostcodeAreas it replaced, for every pair of bytes.
func TestSpeedIsArea(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			if got, want := ukIsArea(byte(a), byte(b)), refUKIsArea(byte(a), byte(b)); got != want {
				t.Fatalf("ukIsArea(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func refUKIsArea(a, b byte) bool {
	const s = ukPostcodeAreas
	for i := 0; i < len(s); {
		j := i
		for s[j] != ' ' {
			j++
		}
		if s[i] == a && (b == 0 && j-i == 1 || b != 0 && j-i == 2 && s[i+1] == b) {
			return true
		}
		i = j + 1
	}
	return false
}
