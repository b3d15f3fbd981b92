package detect

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// An Engine is a compiled, immutable set of detectors. It is safe for
// concurrent use by multiple goroutines: share one Engine and give each
// goroutine its own Scanner.
type Engine struct {
	opts   Options
	chunk  int
	margin int // bytes of overlap kept on each side of an owned chunk
	maxLen int // largest MaxLen of any detector

	dets   []compiled
	groups []group
	byID   map[string]int

	// Prefilter: pairs maps each pair of adjacent bytes (b[i] | b[i+1]<<8)
	// to an action index (0: nothing). Single-byte triggers fill the 256
	// entries of their byte; keywords are anchored on their rarest
	// case-folded bigram.
	pairs   *[1 << 16]uint16
	actions []action
	lone    []kwCheck // per action: the candidate filter's keyword check (filterCands); nil when no action is a lone keyword
	// digitRuns: every pair starting with a digit triggers exactly one
	// group (digitGroup), a runStarts group of the ten digits, so the
	// vector pass hands over only the first digit of each run.
	digitRuns  bool
	digitGroup int
	// nib, when not nil, drives the vector pre-pass (shufti.go) that
	// finds the positions worth looking up in pairs, 32 at a time.
	nib *nibbleTables

	pool sync.Pool // *scratch for AppendFind
}

type compiled struct {
	d    Detector
	spec Spec
	cueSet
	// line, when some cues are SameLine and the set is not, holds those
	// cues (searched on the match's lines only); cueSet the others.
	line *cueSet
	// anyCues: cueSet or line has a cue; maxUpAll: their positive deltas.
	anyCues  bool
	maxUpAll int
}

// compileCues splits cs into the cues searched in the whole radius and,
// when there are any, those searched on the match's lines only.
func compileCues(cs Cues) (cueSet, *cueSet) {
	if cs.SameLine {
		return newCueSet(cs), nil
	}
	all, line := cs, cs
	all.Words, line.Words, line.SameLine = nil, nil, true
	for _, w := range cs.Words {
		if w.SameLine {
			line.Words = append(line.Words, w)
		} else {
			all.Words = append(all.Words, w)
		}
	}
	if len(line.Words) == 0 {
		return newCueSet(cs), nil
	}
	l := newCueSet(line)
	return newCueSet(all), &l
}

// A group is a set of detectors with identical triggers; they share one
// hit list and one set of windows.
type group struct {
	pad     int // window half-width: max MaxLen+Radius+1 of the members
	maxLen  int // max MaxLen of the members
	members []int
	sorted  bool  // hits arrive in order (no keyword triggers)
	gate    *gate // run filter table, when members are RunFilters (runs.go)
	// runStarts: every member is gated, so hits need only be the first
	// byte of each run of trigger bytes (processRuns finds the rest);
	// the prefilter does that for the digit group (Engine.digitRuns).
	runStarts bool
}

type action struct {
	groups []uint16   // groups triggered by this byte
	kws    []kwAnchor // keywords anchored on this byte
	single int32      // the only group, when there is one and no keyword; else -1
	// one is kws[0] when it is the only keyword and there are no groups
	// (most keyword anchors): the prefilter checks it in line.
	one *kwAnchor
}

type kwAnchor struct {
	lower []byte // the keyword in lower case
	at    int    // offset of the anchor (bigram or byte) in the keyword
	group uint16
	// The first min(8, len) bytes as a little-endian word: a candidate u
	// matches them iff u&keep|fold == head. fold sets the case bit at
	// letter positions only, so the test is exact.
	head, fold, keep uint64
}

func newAnchor(low []byte, at int, g int) kwAnchor {
	a := kwAnchor{lower: low, at: at, group: uint16(g)}
	for i := 0; i < len(low) && i < 8; i++ {
		a.head |= uint64(low[i]) << (8 * i)
		a.keep |= 0xFF << (8 * i)
		if 'a' <= low[i] && low[i] <= 'z' {
			a.fold |= 0x20 << (8 * i)
		}
	}
	return a
}

// scratch is per-scan working memory, reused across steps.
type scratch struct {
	hits   [][]int32 // per group, offsets in the view
	win    Window
	masks  [256]uint32     // vector pre-pass output, one word per 32 positions
	cands  []uint64        // the candidates filterCands keeps (and room for its list), grown to the largest batch
	cueBuf cueBuf          // cueDeltaBuf's records
	dmask  [256 + 3]uint32 // with digitRuns: the digits (and room for zeros past them)
	fused  bool            // the prefilter classified the digit group's runs (druns)
	druns  []gateRun       // with fused: the digit group's accepted runs
	gated  [65][]int32     // per gated member of the current group, its hits (and spareMember)
	gatedN [65]int32       // processRuns: the length of each member's hits in gated
	runs   []gateRun       // the current group's classified runs
	keys   []uint64        // sortFindings' keys
	keys2  []uint64        // sortKeys' output buffer
	counts []int32         // sortKeys' buckets
	// The newlines of the last view's positions [nlLo, nlHi), from the
	// vector pre-pass (countNewlines): word k has a bit per newline of
	// the 32 positions from nlLo+32k and, in its high half, the newlines
	// of view[nlLo:nlLo+32k]; a last word has the count up to nlHi.
	nl         []uint64
	nlLo, nlHi int
	nlView     *byte // &view[0]: the masks are used for that view only
}

// Compile validates the detectors' specs and builds the shared prefilter.
// It is the expensive step: do it once and reuse the Engine. Errors are
// *SpecError values wrapping ErrSpec or ErrDuplicateID.
func Compile(ds []Detector, opts *Options) (*Engine, error) {
	e := &Engine{byID: make(map[string]int, len(ds))}
	if opts != nil {
		e.opts = *opts
	}
	if e.opts.ChunkSize < 0 || e.opts.ChunkSize > 1<<30 {
		return nil, specErr("", "ChunkSize %d out of range 0..1 GiB", e.opts.ChunkSize)
	}
	if e.opts.MinScore < 0 || e.opts.MinScore > 100 {
		return nil, specErr("", "MinScore %d out of range 0..100", e.opts.MinScore)
	}
	if e.opts.Binary > BinaryScan {
		return nil, specErr("", "unknown BinaryMode %d", e.opts.Binary)
	}
	e.chunk = e.opts.ChunkSize
	if e.chunk == 0 {
		e.chunk = DefaultChunkSize
	}

	groupOf := map[string]int{}
	for _, d := range ds {
		if d == nil {
			return nil, specErr("", "nil detector")
		}
		sp := d.Spec()
		if err := validateSpec(&sp); err != nil {
			return nil, err
		}
		if _, dup := e.byID[sp.ID]; dup {
			return nil, &SpecError{ID: sp.ID, Err: ErrDuplicateID}
		}
		if len(sp.Cues.Words) > 255 {
			return nil, specErr(sp.ID, "more than 255 cue words")
		}
		c := compiled{d: d, spec: sp}
		c.cueSet, c.line = compileCues(sp.Cues)
		c.anyCues, c.maxUpAll = len(sp.Cues.Words) > 0, c.maxUp
		if c.line != nil {
			c.maxUpAll += c.line.maxUp
		}
		e.byID[sp.ID] = len(e.dets)
		e.dets = append(e.dets, c)

		key := triggerKey(sp.Triggers)
		g, ok := groupOf[key]
		if !ok {
			g = len(e.groups)
			groupOf[key] = g
			e.groups = append(e.groups, group{sorted: len(sp.Triggers.Keywords) == 0})
		}
		gr := &e.groups[g]
		gr.members = append(gr.members, len(e.dets)-1)
		gr.pad = max(gr.pad, sp.MaxLen+sp.Cues.Radius+1)
		gr.maxLen = max(gr.maxLen, sp.MaxLen)
		e.maxLen = max(e.maxLen, sp.MaxLen)
		// margin must cover a trigger's full window for any match whose
		// start is owned: see DESIGN.md, "Chunk ownership".
		e.margin = max(e.margin, 2*sp.MaxLen+sp.Cues.Radius+2)
	}
	if len(e.groups) > 1<<16 {
		return nil, specErr("", "too many distinct trigger sets (%d)", len(e.groups))
	}
	if err := e.buildPrefilter(); err != nil {
		return nil, err
	}
	for g := range e.groups {
		if gr := &e.groups[g]; gr.sorted {
			gr.gate = buildGate(gr.members, e.dets)
			gr.runStarts = gr.gate != nil && gr.gate.full
		}
	}
	e.digitRuns = e.onlyDigitRuns()
	if e.digitRuns {
		e.digitGroup = int(e.actions[e.pairs['0']].single)
	}
	e.pool.New = func() any { return e.newScratch() }
	return e, nil
}

// MustCompile is like Compile but panics on error. It simplifies
// initialisation of package-level engines in programs and tests.
func MustCompile(ds []Detector, opts *Options) *Engine {
	e, err := Compile(ds, opts)
	if err != nil {
		panic(err)
	}
	return e
}

func validateSpec(sp *Spec) error {
	if !validID(sp.ID) {
		return specErr(sp.ID, "ID must be non-empty lower-case [a-z0-9./_-] with a '/'")
	}
	if sp.Kind == "" {
		return specErr(sp.ID, "empty Kind")
	}
	if sp.MaxLen <= 0 || sp.MaxLen > MaxMaxLen {
		return specErr(sp.ID, "MaxLen %d out of range 1..%d", sp.MaxLen, MaxMaxLen)
	}
	if sp.Triggers.Bytes == "" && len(sp.Triggers.Keywords) == 0 {
		return specErr(sp.ID, "no triggers")
	}
	for _, k := range sp.Triggers.Keywords {
		if len(k) == 0 || len(k) > MaxKeywordLen || len(k) > sp.MaxLen || !isASCII(k) {
			return specErr(sp.ID, "keyword %q must be ASCII, 1..%d bytes and no longer than MaxLen", k, MaxKeywordLen)
		}
	}
	if sp.Cues.Radius < 0 || sp.Cues.Radius > MaxRadius {
		return specErr(sp.ID, "cue radius %d out of range 0..%d", sp.Cues.Radius, MaxRadius)
	}
	if len(sp.Cues.Words) > 0 && sp.Cues.Radius == 0 {
		return specErr(sp.ID, "cue words need a radius")
	}
	for _, c := range sp.Cues.Words {
		if len(c.Word) == 0 || len(c.Word) > MaxKeywordLen || !isASCII(c.Word) || c.Word[0] == ' ' || c.Word[len(c.Word)-1] == ' ' {
			return specErr(sp.ID, "cue word %q must be ASCII, 1..%d bytes, no outer spaces", c.Word, MaxKeywordLen)
		}
		if c.Delta < -100 || c.Delta > 100 {
			return specErr(sp.ID, "cue %q delta %d out of range -100..100", c.Word, c.Delta)
		}
		if c.Side > After {
			return specErr(sp.ID, "cue %q has unknown side %d", c.Word, c.Side)
		}
	}
	return nil
}

func validID(id string) bool {
	if id == "" || len(id) > 128 || !bytes.Contains([]byte(id), []byte("/")) {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/') {
			return false
		}
	}
	return id[0] != '/' && id[len(id)-1] != '/'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func triggerKey(t Triggers) string {
	var set [256]bool
	for i := 0; i < len(t.Bytes); i++ {
		set[t.Bytes[i]] = true
	}
	var b []byte
	for i, ok := range set {
		if ok {
			b = append(b, byte(i))
		}
	}
	kws := make([]string, len(t.Keywords))
	for i, k := range t.Keywords {
		kws[i] = string(bytes.ToLower([]byte(k)))
	}
	slices.Sort(kws)
	kws = slices.Compact(kws)
	return fmt.Sprintf("%q|%q", b, kws)
}

// buildPrefilter builds the pair table: each trigger byte maps, whatever
// byte follows it, to an action listing the groups it triggers; each
// keyword is anchored on its rarest bigram (by a static English frequency
// estimate), in every case combination, so that common letters alone
// never wake the slow path. A one-byte keyword is anchored on its byte.
//
// Entries without keywords depend only on their first byte, so actions
// are built per byte first; only pairs that anchor keywords get actions
// of their own. Compile time is O(65536 + keywords), whatever the number
// of trigger bytes.
func (e *Engine) buildPrefilter() error {
	var byteGroups [256][]uint16
	kwAt := map[uint16][]kwAnchor{}
	kwPrev := map[uint16][2]uint16{} // an anchor pair's bytes before it, as nibble sets
	for g := range e.groups {
		t := e.dets[e.groups[g].members[0]].spec.Triggers
		addByte := func(c byte) {
			if !slices.Contains(byteGroups[c], uint16(g)) {
				byteGroups[c] = append(byteGroups[c], uint16(g))
			}
		}
		for i := 0; i < len(t.Bytes); i++ {
			addByte(t.Bytes[i])
		}
		seenKw := map[string]bool{}
		for _, k := range t.Keywords {
			low := bytes.ToLower([]byte(k))
			if seenKw[string(low)] {
				continue
			}
			seenKw[string(low)] = true
			if len(low) == 1 {
				for _, c := range caseVariants(low[0]) {
					addByte(c)
				}
				continue
			}
			// The rarest pair after the keyword's first byte, when it
			// has three or more: the vector pre-pass also checks the
			// byte before the anchor (kwPrev).
			at := min(1, len(low)-2)
			for i := at; i+1 < len(low); i++ {
				if pairRank(low[i], low[i+1]) < pairRank(low[at], low[at+1]) {
					at = i
				}
			}
			anchor := newAnchor(low, at, g)
			var lo, hi uint16 = anyPrev, anyPrev
			if at > 0 {
				lo, hi = 0, 0
				for _, c := range caseVariants(low[at-1]) {
					lo, hi = lo|1<<(c&15), hi|1<<(c>>4)
				}
			}
			for _, c0 := range caseVariants(low[at]) {
				for _, c1 := range caseVariants(low[at+1]) {
					idx := uint16(c0) | uint16(c1)<<8
					kwAt[idx] = append(kwAt[idx], anchor)
					kwPrev[idx] = [2]uint16{kwPrev[idx][0] | lo, kwPrev[idx][1] | hi}
				}
			}
		}
	}
	e.pairs = new([1 << 16]uint16)
	e.actions = []action{{}}
	newAction := func(groups []uint16, kws []kwAnchor) (uint16, error) {
		if len(e.actions) == 1<<16 {
			return 0, specErr("", "too many trigger combinations")
		}
		single := int32(-1)
		if len(groups) == 1 && len(kws) == 0 {
			single = int32(groups[0])
		}
		a := action{groups: groups, kws: kws, single: single}
		if len(groups) == 0 && len(kws) == 1 {
			a.one = &kws[0]
		}
		e.actions = append(e.actions, a)
		return uint16(len(e.actions) - 1), nil
	}
	// One action per distinct set of byte groups.
	var byteAction [256]uint16
	bySet := map[string]uint16{}
	for c := range 256 {
		gs := byteGroups[c]
		if len(gs) == 0 {
			continue
		}
		slices.Sort(gs)
		key := fmt.Sprint(gs)
		ai, ok := bySet[key]
		if !ok {
			var err error
			if ai, err = newAction(gs, nil); err != nil {
				return err
			}
			bySet[key] = ai
		}
		byteAction[c] = ai
	}
	for idx := range e.pairs {
		e.pairs[idx] = byteAction[idx&0xFF]
	}
	// Keyword anchors, on top of the first byte's groups.
	for idx, kws := range kwAt {
		ai, err := newAction(byteGroups[idx&0xFF], kws)
		if err != nil {
			return err
		}
		e.pairs[idx] = ai
	}
	if haveAVX2 {
		e.nib, _ = buildNibbleTablesPrev(func(p uint16) bool { return e.pairs[p] != 0 }, func(p uint16) (uint16, uint16) {
			if len(byteGroups[p&0xFF]) > 0 {
				return anyPrev, anyPrev // a byte trigger: any byte before it
			}
			m := kwPrev[p]
			return m[0], m[1]
		})
	}
	e.lone = make([]kwCheck, len(e.actions))
	anyLone := false
	for c, a := range e.actions {
		if kw := a.one; kw != nil && c != 0 {
			e.lone[c] = kwCheck{head: kw.head, keep: kw.keep, fold: kw.fold, at: int64(kw.at)}
			anyLone = true
		}
	}
	e.lone[0].head = 1
	if !anyLone {
		// The check would pass every candidate with an action: the
		// filter only drops action 0 (names, which trigger on letters).
		e.lone = nil
	}
	return nil
}

func caseVariants(c byte) []byte {
	if 'a' <= c && c <= 'z' {
		return []byte{c, c - 'a' + 'A'}
	}
	return []byte{c}
}

// pairRank estimates how common a lower-case bigram is in English text:
// lower is rarer. It only chooses keyword anchors, so rough is enough.
func pairRank(a, b byte) int {
	r := byteRank(a) + byteRank(b)
	switch string([]byte{a, b}) {
	case "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed",
		"is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co", "me",
		"de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "li", "ch", "ll", "be", "ma", "si", "om", "ur":
		r += 100
	}
	return r
}

// byteRank is a rough frequency rank of bytes in English text and logs:
// higher is more common. It only chooses keyword anchors.
func byteRank(c byte) int {
	const common = " etaoinshrdlcumwfgypbvkjxqz"
	if i := bytes.IndexByte([]byte(common), c); i >= 0 {
		return 200 - i
	}
	switch {
	case '0' <= c && c <= '9':
		return 120
	case c == '\n' || c == '.' || c == ',':
		return 150
	}
	return 50
}

func (e *Engine) newScratch() *scratch {
	return &scratch{hits: make([][]int32, len(e.groups))}
}

// Detectors returns the IDs of the engine's detectors in the order given
// to Compile.
func (e *Engine) Detectors() []string {
	ids := make([]string, len(e.dets))
	for i, c := range e.dets {
		ids[i] = c.spec.ID
	}
	return ids
}

// Spec returns the spec of the detector with the given ID.
func (e *Engine) Spec(id string) (Spec, bool) {
	i, ok := e.byID[id]
	if !ok {
		return Spec{}, false
	}
	return e.dets[i].spec, true
}

// Detail returns typed detail about f from the detector that reported it,
// when that detector implements Detailer; match is the matched bytes. It
// returns nil, nil when the detector offers no detail.
func (e *Engine) Detail(f Finding, match []byte) (any, error) {
	i, ok := e.byID[f.Rule]
	if !ok {
		return nil, fmt.Errorf("detect: no detector %q in this engine", f.Rule)
	}
	if d, ok := e.dets[i].d.(Detailer); ok {
		return d.Detail(f, match)
	}
	return nil, nil
}

// Margin reports the overlap in bytes the engine keeps on each side of a
// chunk. A Scanner holds at most ChunkSize + 2*Margin bytes of input (and
// at least SniffLen).
func (e *Engine) Margin() int { return e.margin }

// prefilter runs the single trigger pass over view[lo:hi] and fills
// sc.hits with view offsets for every group.
func (e *Engine) prefilter(sc *scratch, view []byte, lo, hi int, atStart, atEnd bool) {
	for g := range sc.hits {
		sc.hits[g] = sc.hits[g][:0]
	}
	tab := e.pairs
	n := len(view)
	i := lo
	var ds digitState
	sc.fused = false
	sc.nlLo, sc.nlHi, sc.nlView = lo, lo, unsafe.SliceData(view)
	if e.nib != nil {
		nlc := 0 // the newlines of view[lo:i]
		if want := (hi-lo)/32 + 1; len(sc.nl) < want {
			sc.nl = make([]uint64, want+want/4)
		}
		if e.digitRuns {
			// The digit group's runs are classified as the kernel
			// finds them (classifyDigits); the hits of the view's tail are
			// classified after the loops below.
			sc.fused = true
			sc.druns = sc.druns[:0]
			ds = digitState{dropTo: -1, cs: classState{e: -1, tokEnd: -1}}
		}
		for {
			// Each block of 32 positions reads one byte past its end.
			nb := min((hi-i)/32, (n-1-i)/32, len(sc.masks))
			if nb <= 0 {
				break
			}
			nl, ok := nlc, false
			nout := sc.nl[(i-lo)/32:]
			prev := byte(0) // no byte before the view (see pairMasks)
			if i > 0 {
				prev = view[i-1]
			}
			if e.digitRuns {
				// The kernel hands over the digits apart from the
				// other candidates; they all belong to the digit group.
				if nl, ok = pairMasksDigits(view[i:], prev, e.nib, sc.masks[:nb], sc.dmask[:nb], nout, nlc); !ok {
					break
				}
				e.classifyDigits(sc, view, i, nb, atStart, atEnd, &ds)
			} else if nl, ok = pairMasks(view[i:], prev, e.nib, sc.masks[:nb], nout, nlc); !ok {
				break
			}
			nout[nb] = uint64(nl) << 32 // the count at the end, until the next batch
			nlc = nl
			e.candidates(sc, view, i, nb)
			i += 32 * nb
			sc.nlHi = i
		}
	}
	// Eight positions per step; a block with any hit is handled from the
	// eight values already looked up.
	for ; i+8 < n && i+8 <= hi; i += 8 {
		u := binary.LittleEndian.Uint64(view[i:])
		if tab[uint16(u)]|tab[uint16(u>>8)]|tab[uint16(u>>16)]|tab[uint16(u>>24)]|
			tab[uint16(u>>32)]|tab[uint16(u>>40)]|tab[uint16(u>>48)]|tab[uint16(u>>56)|uint16(view[i+8])<<8] == 0 {
			continue
		}
		for k := range 8 {
			if c := tab[uint16(view[i+k])|uint16(view[i+k+1])<<8]; c != 0 {
				if g := e.actions[c].single; g >= 0 {
					sc.hits[g] = append(sc.hits[g], int32(i+k))
				} else {
					e.act(sc, view, i+k, c)
				}
			}
		}
	}
	for ; i < hi; i++ {
		idx := uint16(view[i])
		if i+1 < n {
			idx |= uint16(view[i+1]) << 8
		}
		if c := tab[idx]; c != 0 {
			e.act(sc, view, i, c)
		}
	}
	if sc.fused {
		// The tail's hits are every digit: skip those inside the last
		// run looked at or a token dropped whole (the table alone
		// would have dropped it from its first run too).
		gt := e.groups[e.digitGroup].gate
		ds.cs.e = max(ds.cs.e, ds.dropTo)
		sc.druns = gt.classifyMore(sc.druns, view, sc.hits[e.digitGroup], atStart, atEnd, true, &ds.cs)
		sc.hits[e.digitGroup] = sc.hits[e.digitGroup][:0]
	}
	for g := range sc.hits {
		if !e.groups[g].sorted && len(sc.hits[g]) > 1 {
			h := sc.hits[g]
			if !slices.IsSorted(h) {
				slices.Sort(h)
			}
			sc.hits[g] = slices.Compact(h)
		}
	}
}

// candidates records the hits of the candidate positions the vector
// pre-pass marked in sc.masks for the nb blocks from view[i]. filterCands
// first drops the positions without an action and the lone keyword
// anchors whose keyword is not there (most of them: common bigrams).
func (e *Engine) candidates(sc *scratch, view []byte, i, nb int) {
	if len(sc.cands) < 32*nb+8 {
		sc.cands = make([]uint64, 32*nb+8) // (small for a small input)
	}
	cnt := filterCands(sc.masks[:nb], view, i, e.pairs, e.lone, sc.cands)
	n := len(view)
	// The hits of the last single group are kept in a local
	// slice (registers, not memory) until another group fires.
	// (A runStarts group other than the digit group gets every
	// trigger byte here; classify skips the hits inside a run.)
	lg, lh := int32(-1), []int32(nil)
	for _, x := range sc.cands[:cnt] {
		p, c := int(uint32(x)), uint16(x>>32)
		g := e.actions[c].single
		if g == lg && g >= 0 {
			lh = append(lh, int32(p))
			continue
		}
		if g < 0 {
			// A lone keyword is checked here rather than in act
			// (which also takes the edges of the view): its hit is
			// that of a single group, or nothing.
			if kw := e.actions[c].one; kw != nil && p-kw.at >= 0 && p-kw.at+max(8, len(kw.lower)) <= n {
				s := p - kw.at
				if binary.LittleEndian.Uint64(view[s:])&kw.keep|kw.fold != kw.head ||
					len(kw.lower) > 8 && !equalFoldLower(view[s+8:s+len(kw.lower)], kw.lower[8:]) {
					continue
				}
				g, p = int32(kw.group), s
				if g == lg {
					lh = append(lh, int32(p))
					continue
				}
			}
		}
		if lg >= 0 {
			sc.hits[lg] = lh
		}
		lg, lh = -1, nil
		if g >= 0 {
			lg, lh = g, append(sc.hits[g], int32(p))
		} else {
			e.act(sc, view, p, c)
		}
	}
	if lg >= 0 {
		sc.hits[lg] = lh
	}
}

// A kwCheck is an action's keyword check in filterCands: a candidate p is
// kept when the eight bytes at p-at, masked by keep and folded by fold,
// equal head (kwAnchor's test, when the action is one keyword anchored at
// offset at), or when they are not all in the view (the caller decides).
// Every other action's check passes whatever the bytes (at, keep, fold
// and head 0), and action 0's (no action) never does (head 1): the same
// test for every candidate, without a branch on its kind.
type kwCheck struct {
	head, keep, fold uint64
	at               int64
}

// filterCandsGo returns how many of the candidates marked in masks (bit b
// of masks[k]: position i+32k+b of view) it writes to out, in order, as p
// | c<<32 (c the pair table's action at p): those with an action, less
// the lone keyword anchors whose first eight bytes are in the view and
// are not the keyword's (lone). view must hold the pair of every marked
// position, out 32 entries per mask (the assembly wants eight more).
func filterCandsGo(masks []uint32, view []byte, i int, tab *[1 << 16]uint16, lone []kwCheck, out []uint64) int {
	cnt := 0
	for k, m := range masks {
		for ; m != 0; m &= m - 1 {
			p := i + 32*k + bits.TrailingZeros32(m)
			c := tab[uint16(view[p])|uint16(view[p+1])<<8]
			if c == 0 {
				continue
			}
			if lone != nil {
				l := &lone[c]
				if s := p - int(l.at); s >= 0 && s+8 <= len(view) && binary.LittleEndian.Uint64(view[s:])&l.keep|l.fold != l.head {
					continue
				}
			}
			out[cnt] = uint64(p) | uint64(c)<<32
			cnt++
		}
	}
	return cnt
}

// digitState carries the digit group's pass (classifyDigits) from one batch of
// blocks to the next, and on to the hits of the view's tail.
type digitState struct {
	prev   uint64     // 1 when the byte before the next batch is a digit
	dropTo int        // the runs before dropTo are in a token no one accepts
	cs     classState // the run classifier's
}

func isTokenSep(c byte) bool { return c == ':' || c == '/' }

// tokenSides are the classes beside a run that make runMask classify its
// token.
const tokenSides = 1<<ClassColon | 1<<ClassSlash

// chatStampSpan is how many bytes of the view from a run start the chat
// timestamp check needs: the 16 bytes fastToken reads for the clock at offset 12.
const chatStampSpan = 28

// The separators of a chat timestamp in the two words read from its first
// digit: '/' at bytes 2 and 5 of "12/03/20"; ", " at bytes 2-3 and ':' at
// byte 6 of "21, 09:1".
const (
	stampXSep, stampXWant = 0x0000_FF00_00FF_0000, 0x0000_2F00_002F_0000
	stampYSep, stampYWant = 0x00FF_0000_FFFF_0000, 0x003A_0000_202C_0000
)

// allDigits reports whether the bytes of u (little-endian) selected by
// sel (0xFF per byte) are all ASCII digits.
func allDigits(u, sel uint64) bool {
	const hi, lo, six, carry = 0xF0F0_F0F0_F0F0_F0F0, 0x0F0F_0F0F_0F0F_0F0F, 0x0606_0606_0606_0606, 0x1010_1010_1010_1010
	// A digit is 0x30..0x39: high nibble 3, and low nibble + 6 below 16.
	return u&hi&sel == 0x3030_3030_3030_3030&sel && (u&lo+six)&carry&sel == 0
}

// act records the hits of action c at view[i].
func (e *Engine) act(sc *scratch, view []byte, i int, c uint16) {
	a := &e.actions[c]
	for _, g := range a.groups {
		sc.hits[g] = append(sc.hits[g], int32(i))
	}
	for k := range a.kws {
		kw := &a.kws[k]
		s := i - kw.at
		if s < 0 || s+len(kw.lower) > len(view) {
			continue
		}
		if s+8 <= len(view) {
			if binary.LittleEndian.Uint64(view[s:])&kw.keep|kw.fold != kw.head ||
				len(kw.lower) > 8 && !equalFoldLower(view[s+8:s+len(kw.lower)], kw.lower[8:]) {
				continue
			}
		} else if !equalFoldLower(view[s:s+len(kw.lower)], kw.lower) {
			continue
		}
		sc.hits[kw.group] = append(sc.hits[kw.group], int32(s))
	}
}

// processView runs every detector over the view (the input bytes
// [vs, vs+len(view))) and appends to dst the findings whose Start lies in
// the owned range [ownStart, ownEnd), scored, filtered and sorted. Line is
// left zero.
func (e *Engine) processView(sc *scratch, dst []Finding, view []byte, vs int64, atStart, atEnd bool, ownStart, ownEnd int64, st *Stats) []Finding {
	n := len(view)
	ol, oh := int(ownStart-vs), int(ownEnd-vs)
	if oh <= ol {
		sc.nlView = nil // no newline masks for this view
		return dst
	}
	// Only hits within maxLen of the owned range can belong to an owned match.
	e.prefilter(sc, view, max(0, ol-e.maxLen), min(n, oh+e.maxLen), atStart, atEnd)
	base := len(dst)
	w := &sc.win
	for g := range e.groups {
		gr := &e.groups[g]
		if sc.fused && g == e.digitGroup {
			// Classified by the prefilter: keep the runs that start
			// where an owned match can begin.
			runs := sc.druns
			if len(runs) == 0 {
				continue
			}
			lo := sort.Search(len(runs), func(i int) bool { return int(runs[i].s) >= ol-gr.maxLen })
			hi := sort.Search(len(runs), func(i int) bool { return int(runs[i].s) >= oh+gr.maxLen })
			dst = e.processRuns(sc, dst, gr, view, vs, runs[lo:hi], atStart, atEnd, ownStart, ownEnd, st)
			continue
		}
		hits := sc.hits[g]
		if len(hits) == 0 {
			continue
		}
		pad := gr.pad
		// Drop hits that cannot belong to an owned match of this group.
		lo := sort.Search(len(hits), func(i int) bool { return int(hits[i]) >= ol-gr.maxLen })
		hi := sort.Search(len(hits), func(i int) bool { return int(hits[i]) >= oh+gr.maxLen })
		hits = hits[lo:hi]
		if gr.gate != nil && gr.gate.full {
			runs := gr.gate.classify(sc, view, hits, atStart, atEnd, true)
			dst = e.processRuns(sc, dst, gr, view, vs, runs, atStart, atEnd, ownStart, ownEnd, st)
			continue
		}
		for j := 0; j < len(hits); {
			ws, we := max(0, int(hits[j])-pad), min(n, int(hits[j])+pad)
			k := j + 1
			// Hits up to joinGap pads apart share a window, as runs do
			// in processRuns.
			for k < len(hits) && int(hits[k])-pad <= we+joinGap*pad {
				we = min(n, int(hits[k])+pad)
				k++
			}
			ws, we = runeEdges(view, ws, we)
			wh := hits[j:k]
			if gr.gate != nil {
				gr.gate.gateHits(sc, view, wh, ws, atStart, atEnd)
			}
			for x := range wh {
				wh[x] -= int32(ws)
			}
			win := Window{Text: view[ws:we:we], Base: vs + int64(ws), Hits: wh, AtStart: atStart && ws == 0, AtEnd: atEnd && we == n}
			for mi, di := range gr.members {
				*w = win // each member gets the window afresh, whatever the last did to it
				if gr.gate != nil {
					if gm := gr.gate.member[mi]; gm >= 0 {
						// A gated member sees only the hits of the runs it
						// accepts, and is not called without any.
						if len(sc.gated[gm]) == 0 {
							continue
						}
						w.Hits = sc.gated[gm]
					}
				}
				dst = e.call(sc, dst, di, w, st, view, vs, ownStart, ownEnd)
			}
			for x := range wh {
				wh[x] += int32(ws)
			}
			j = k
		}
	}
	sortFindings(sc, dst[base:], vs)
	return dst
}

// sortFindings sorts fs (findings of the view starting at vs) by
// compareFindings. It sorts packed integer keys (start in the view, then
// longer first, then position in fs) and permutes the findings in place
// once, instead of moving 72-byte findings through a comparison sort;
// only findings with equal Start and End (different detectors) are then
// ordered by Rule and Kind. The keys are in order but for interleaved
// runs (each group's findings, each member's in a window), and are sorted
// by distributing them into buckets of start positions (about one
// finding per bucket), then by insertion within the buckets (sortKeys).
func sortFindings(sc *scratch, fs []Finding, vs int64) {
	const idxBits, lenBits = 20, 13
	n := len(fs)
	if n < 2 {
		return
	}
	if n >= 1<<idxBits {
		slices.SortFunc(fs, compareFindings)
		return
	}
	keys := slices.Grow(sc.keys[:0], n)[:n]
	var prev, maxRel uint64
	descents := 0
	for i := range fs {
		rel, l := fs[i].Start-vs, fs[i].End-fs[i].Start
		if rel < 0 || rel >= 1<<(64-idxBits-lenBits) || l < 0 || l >= 1<<lenBits {
			slices.SortFunc(fs, compareFindings)
			return
		}
		k := uint64(rel)<<(idxBits+lenBits) | uint64(1<<lenBits-1-l)<<idxBits | uint64(i)
		keys[i] = k
		if k < prev {
			descents++
		}
		prev, maxRel = k, max(maxRel, uint64(rel))
	}
	if descents > 0 {
		keys = sortKeys(sc, keys, maxRel, idxBits+lenBits)
		// Each finding moves once: the cycles of the permutation are
		// followed, and a placed position's key gets its own index.
		const idx = 1<<idxBits - 1
		for i := range keys {
			src := int(keys[i] & idx)
			if src == i {
				continue
			}
			tmp, j := fs[i], i
			for src != i {
				fs[j] = fs[src]
				keys[j] = keys[j]&^idx | uint64(j)
				j = src
				src = int(keys[j] & idx)
			}
			fs[j] = tmp
			keys[j] = keys[j]&^idx | uint64(j)
		}
	}
	sc.keys = keys
	// Ties on (Start, End) are ordered by Rule, then Kind.
	for i := 1; i < n; i++ {
		if keys[i]>>idxBits == keys[i-1]>>idxBits {
			j := i + 1
			for j < n && keys[j]>>idxBits == keys[i]>>idxBits {
				j++
			}
			slices.SortStableFunc(fs[i-1:j], compareFindings)
			i = j - 1
		}
	}
}

// sortKeys sorts keys (distinct; bits from relShift up: a start position,
// at most maxRel) and returns them, in keys or in sc.keys2 (the other is
// then sc's spare buffer). The keys are counted into buckets of start
// positions (between half and twice as many buckets as keys), placed
// bucket by bucket in their order, and each then moved down past the
// larger keys of its bucket. Insertion that has moved more than four keys
// per key (many findings in one bucket) hands over to slices.Sort.
func sortKeys(sc *scratch, keys []uint64, maxRel uint64, relShift int) []uint64 {
	n := len(keys)
	shift := relShift + max(0, bits.Len64(maxRel)-bits.Len(uint(n)))
	nb := int(maxRel<<relShift>>shift) + 1
	counts := slices.Grow(sc.counts[:0], nb+1)[:nb+1]
	clear(counts)
	for _, k := range keys {
		counts[k>>shift+1]++
	}
	for b := 1; b < nb; b++ {
		counts[b] += counts[b-1]
	}
	out := slices.Grow(sc.keys2[:0], n)[:n]
	for _, k := range keys {
		b := k >> shift
		out[counts[b]] = k
		counts[b]++
	}
	moves, budget := 0, 4*n
	for i := 1; i < n; i++ {
		x, j := out[i], i
		for ; j > 0 && out[j-1] > x; j-- {
			out[j] = out[j-1]
		}
		out[j] = x
		if moves += i - j; moves > budget {
			slices.Sort(out)
			break
		}
	}
	sc.counts, sc.keys2 = counts[:0], keys[:0]
	return out
}

// processRuns is processView's loop for a group whose members are all
// gated, given its accepted runs (classified by classify, or for the
// digit group by the prefilter): windows are formed around them only, so a stretch of text whose runs
// no member accepts (chat timestamps) costs no window at all. Each
// accepted run [s, e) gets the window a hit at each of its bytes would
// have: [s-pad, e-1+pad).
func (e *Engine) processRuns(sc *scratch, dst []Finding, gr *group, view []byte, vs int64, runs []gateRun, atStart, atEnd bool, ownStart, ownEnd int64, st *Stats) []Finding {
	n, pad, w := len(view), gr.pad, &sc.win
	for j := 0; j < len(runs); {
		k, lim, union := joinRuns(runs[j:], pad)
		k += j
		ws, we := runeEdges(view, max(0, int(runs[j].s)-pad), min(n, lim-pad))
		gr.gate.distributeRuns(sc, runs[j:k], ws, union)
		text, base, as, ae := view[ws:we:we], vs+int64(ws), atStart && ws == 0, atEnd && we == n
		// Only the members with a run here, in group order (gate bits
		// follow it). The window is written field by field: a copy of
		// a Window built aside reads 16 bytes at a time what was just
		// stored 8 at a time (a store-forwarding stall).
		for ; union != 0; union &= union - 1 {
			gm := bits.TrailingZeros64(union) & 63
			w.Text, w.Base, w.AtStart, w.AtEnd = text, base, as, ae
			w.Hits = sc.gated[gm][:sc.gatedN[gm]]
			dst = e.call(sc, dst, gr.gate.det[gm], w, st, view, vs, ownStart, ownEnd)
		}
		j = k
	}
	return dst
}

// joinGap is how far apart, in pads, two runs' (or hits') own windows
// may be and still share one window (processRuns, processView). A
// detector's decision about a match depends only on the bytes within its
// cue radius of the match (the Detector contract), so a window wider than
// its runs' own windows gives the same findings; a member then gets one
// call for the runs of a stretch of text instead of one per cluster of
// runs. Chat text has a number every line or two: on the typical corpus,
// 8 pads gave +11% to the pii set, and wider no more.
const joinGap = 8

// joinRuns returns how many of runs (at least one) form one window with
// the first, the limit of the last one in and the union of their masks.
// A run joins the window when its own window [s-pad, e-1+pad) starts at
// most joinGap pads after the window's end: s <= lim + joinGap*pad, with
// lim = e-1+2*pad of the last run in. The end is clipped to the view
// afterwards (a run starts inside the view, so clipping first would not
// change who joins). (A function of its own, so that its loop keeps its
// values in registers.)
//
//go:noinline
func joinRuns(runs []gateRun, pad int) (k, lim int, union uint64) {
	lim, union = int(runs[0].e)-1+2*pad, runs[0].mask
	for k = 1; k < len(runs) && int(runs[k].s) <= lim+joinGap*pad; k++ {
		lim, union = int(runs[k].e)-1+2*pad, union|runs[k].mask
	}
	return k, lim, union
}

// runeEdges widens the window view[ws:we] so that it splits no rune.
func runeEdges(view []byte, ws, we int) (int, int) {
	for c := 0; c < 3 && ws > 0 && !utf8.RuneStart(view[ws]); c++ {
		ws--
	}
	for c := 0; c < 3 && we < len(view) && !utf8.RuneStart(view[we]); c++ {
		we++
	}
	return ws, we
}

// call runs detector di on window w and checks what it appended.
func (e *Engine) call(sc *scratch, dst []Finding, di int, w *Window, st *Stats, view []byte, vs, ownStart, ownEnd int64) []Finding {
	st.Windows++
	before := len(dst)
	dst, err := e.dets[di].d.Detect(dst, w)
	if err != nil {
		st.Incomplete++
	}
	if len(dst) == before {
		return dst // most calls find nothing
	}
	return e.checkNew(sc, dst, before, di, w, st, view, vs, ownStart, ownEnd)
}

// checkNew validates the findings a detector appended after index before,
// fills in Rule and Kind, drops contract violations and findings outside
// the owned range [ownStart, ownEnd), applies cues (unless the finding is
// Final) and the score floor.
func (e *Engine) checkNew(sc *scratch, dst []Finding, before, di int, w *Window, st *Stats, view []byte, vs, ownStart, ownEnd int64) []Finding {
	c := &e.dets[di]
	sp := &c.spec
	lo, hi := w.Base, w.Base+int64(len(w.Text))
	// Compacted in place: findings are 72 bytes, and most are kept
	// where they are.
	out := before
	for i := before; i < len(dst); i++ {
		f := &dst[i]
		if f.Start < lo || f.End > hi || f.Start >= f.End || f.End-f.Start > int64(sp.MaxLen) {
			st.Invalid++
			continue
		}
		if f.Start < ownStart || f.Start >= ownEnd {
			continue
		}
		f.Rule = sp.ID
		if f.Kind == "" {
			f.Kind = sp.Kind
		}
		if c.anyCues && !f.Final {
			if e.opts.MinScore > 0 && f.Score+c.maxUpAll < e.opts.MinScore {
				// No set of cues can lift it to the floor: skip the scan.
				// (With MinScore 0 every finding stays, clamped to 0.)
				st.Dropped++
				continue
			}
			s, end := int(f.Start-vs), int(f.End-vs)
			if len(c.cues) > 0 {
				f.Score += c.cueDeltaBuf(&sc.cueBuf, view, s, end)
			}
			if c.line != nil {
				f.Score += c.line.cueDeltaBuf(&sc.cueBuf, view, s, end)
			}
		}
		f.Score = clampScore(f.Score)
		if f.Score < e.opts.MinScore {
			st.Dropped++
			continue
		}
		if out != i {
			dst[out] = *f
		}
		out++
	}
	return dst[:out]
}

// onlyDigitRuns reports whether every pair of bytes starting with a digit
// has the same single-group action, for a runStarts group triggered by
// the ten digits (and nothing else).
func (e *Engine) onlyDigitRuns() bool {
	c := e.pairs['0']
	if c == 0 || e.actions[c].single < 0 {
		return false
	}
	g := e.groups[e.actions[c].single]
	if !g.runStarts || e.dets[g.members[0]].spec.Triggers.Bytes != Digits {
		return false
	}
	for d := '0'; d <= '9'; d++ {
		for x := range 256 {
			if e.pairs[uint16(d)|uint16(x)<<8] != c {
				return false
			}
		}
	}
	return true
}

func clampScore(s int) int { return min(100, max(0, s)) }

// compareFindings orders findings by Start, longer first, then Rule.
func compareFindings(a, b Finding) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(b.End, a.End); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return cmp.Compare(a.Kind, b.Kind)
}

func (e *Engine) sniffBinary(head []byte) bool {
	return e.opts.Binary == BinaryStop && bytes.IndexByte(head[:min(len(head), SniffLen)], 0) >= 0
}

// AppendFind scans the whole of text and appends its findings to dst in
// order of Start, with lines numbered. The results are those a Scanner
// gives for the same bytes. It returns ErrBinary (and no findings) for
// binary-looking text under BinaryStop. It does not retain text.
func (e *Engine) AppendFind(dst []Finding, text []byte) ([]Finding, error) {
	return e.AppendFindStats(dst, text, nil)
}

// AppendFindStats is AppendFind that also adds the scan's counters to st
// (when st is not nil), for callers that need Stats.Incomplete or
// Stats.Dropped.
func (e *Engine) AppendFindStats(dst []Finding, text []byte, st *Stats) ([]Finding, error) {
	if e.sniffBinary(text) {
		return dst, ErrBinary
	}
	sc := e.pool.Get().(*scratch)
	defer e.pool.Put(sc)
	var local Stats
	if st == nil {
		st = &local
	}
	n := int64(len(text))
	line, lineOff := int64(1), int64(0)
	for own := int64(0); own < n; {
		ownEnd := min(n, own+int64(e.chunk))
		vs, ve := max(0, own-int64(e.margin)), min(n, ownEnd+int64(e.margin))
		first := len(dst)
		dst = e.processView(sc, dst, text[vs:ve:ve], vs, vs == 0, ve == n, own, ownEnd, st)
		st.Bytes += ownEnd - own
		st.Findings += int64(len(dst) - first)
		// Line numbers: each finding's from the last one's. Where the
		// vector pass's newline masks cover both, the newlines before
		// the last one are already known (nlTo at nlAt).
		masks := sc.nlView == unsafe.SliceData(text[vs:ve]) && sc.nlLo < sc.nlHi
		nlAt, nlTo := -1, 0
		for i := first; i < len(dst); i++ {
			if lineOff < vs {
				// From the last chunk's last finding.
				line += int64(bytes.Count(text[lineOff:vs], newline))
				lineOff = vs
			}
			a, b := int(lineOff-vs), int(dst[i].Start-vs)
			if masks && a >= sc.nlLo && b <= sc.nlHi {
				if a != nlAt {
					nlTo = sc.newlinesTo(a)
				}
				to := sc.newlinesTo(b)
				line += int64(to - nlTo)
				nlAt, nlTo = b, to
			} else {
				line += int64(sc.countNewlines(text[vs:ve], a, b))
			}
			lineOff = dst[i].Start
			dst[i].Line = line
		}
		own = ownEnd
	}
	return dst, nil
}

var newline = []byte{'\n'}

// countNewlines returns the newlines of view[a:b], the view the last
// prefilter call saw: from the vector pre-pass's newline masks where it
// covered them, with bytes.Count elsewhere.
func (sc *scratch) countNewlines(view []byte, a, b int) int {
	lo, hi := max(a, sc.nlLo), min(b, sc.nlHi)
	if lo >= hi || unsafe.SliceData(view) != sc.nlView {
		return bytes.Count(view[a:b], newline)
	}
	n := 0
	if a < lo {
		n = bytes.Count(view[a:lo], newline)
	}
	if hi < b {
		n += bytes.Count(view[hi:b], newline)
	}
	return n + sc.newlinesTo(hi) - sc.newlinesTo(lo)
}

// newlinesTo returns the newlines of view[nlLo:p], nlLo <= p <= nlHi.
func (sc *scratch) newlinesTo(p int) int {
	x := p - sc.nlLo
	w := sc.nl[x>>5]
	return int(w>>32) + bits.OnesCount32(uint32(w)&(1<<(x&31)-1))
}
