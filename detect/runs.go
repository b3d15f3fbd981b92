package detect

import "math/bits"

// Run gating: letting detectors that share byte triggers skip the runs of
// trigger bytes they can never match, decided once per run for all of
// them by one table lookup (see DESIGN.md, "Run gating").

// A RunFilter is a [Detector] whose triggers are bytes (digits, say) and
// that can tell from the shape of a run of consecutive trigger bytes alone
// that the run cannot be part of any match it reports.
//
// [Compile] calls AcceptRun once for every possible shape and builds one
// table for all the filters of a trigger group. While scanning, the
// engine computes the shape of each run of trigger bytes once and hands
// each filter one hit per run it accepts: the offset of the run's first
// byte. A detector none of whose runs in a window are accepted is not
// called for that window. Detectors without the method get every hit.
//
// So a RunFilter's Detect must find a match from the first byte of any of
// its runs (the usual loop, which skips the hits inside a run it has
// examined, does), and AcceptRun must be sound: it may return false only
// for shapes that no run inside a reported match can have. Keyword
// triggers are not gated. The
// [github.com/tidemark/tidemark/detect/detecttest] kit checks both
// empirically by comparing results with and without the filter.
type RunFilter interface {
	Detector
	AcceptRun(s RunShape) bool
}

// RunShape is what the engine knows about a run of consecutive trigger
// bytes before any detector looks at it: its length and the classes of the
// bytes on either side. The bytes beside a run are never trigger bytes of
// its group (runs are maximal).
type RunShape struct {
	Len    int       // bytes in the run, 1..MaxRunLen; MaxRunLen means that many or more
	Before ByteClass // the byte just before the run
	After  ByteClass // the byte just after the run
}

// MaxRunLen is the longest run length a [RunShape] distinguishes.
const MaxRunLen = 15

// A ByteClass is a coarse class of a byte next to a run.
type ByteClass uint8

// Byte classes. ClassLineEdge also stands for the start and the end of
// the input.
const (
	ClassSpace    ByteClass = iota // ' ' or '\t'
	ClassLineEdge                  // '\n', '\r', '\f', '\v', or the edge of the input
	ClassUpper                     // 'A'..'Z'
	ClassLower                     // 'a'..'z'
	ClassDigit                     // '0'..'9' (when digits are not the group's triggers)
	ClassDot                       // '.'
	ClassComma                     // ','
	ClassDash                      // '-' or '_'
	ClassSlash                     // '/' or '\\'
	ClassColon                     // ':' or ';'
	ClassOpen                      // '(' '[' '{' '<'
	ClassClose                     // ')' ']' '}' '>'
	ClassPlus                      // '+'
	ClassPunct                     // other printable ASCII: ! " # $ % & ' * = ? @ ^ ` | ~
	ClassNonASCII                  // a byte of a multi-byte UTF-8 sequence, or invalid UTF-8
	ClassControl                   // NUL, DEL and other control bytes
	numClasses
)

var byteClasses = func() (t [256]ByteClass) {
	for c := range 256 {
		var k ByteClass
		switch {
		case c == ' ' || c == '\t':
			k = ClassSpace
		case c == '\n' || c == '\r' || c == '\f' || c == '\v':
			k = ClassLineEdge
		case 'A' <= c && c <= 'Z':
			k = ClassUpper
		case 'a' <= c && c <= 'z':
			k = ClassLower
		case '0' <= c && c <= '9':
			k = ClassDigit
		case c == '.':
			k = ClassDot
		case c == ',':
			k = ClassComma
		case c == '-' || c == '_':
			k = ClassDash
		case c == '/' || c == '\\':
			k = ClassSlash
		case c == ':' || c == ';':
			k = ClassColon
		case c == '(' || c == '[' || c == '{' || c == '<':
			k = ClassOpen
		case c == ')' || c == ']' || c == '}' || c == '>':
			k = ClassClose
		case c == '+':
			k = ClassPlus
		case c >= 0x80:
			k = ClassNonASCII
		case c < 0x20 || c == 0x7F:
			k = ClassControl
		default:
			k = ClassPunct
		}
		t[c] = k
	}
	return t
}()

// ClassOf returns the class of byte c.
func ClassOf(c byte) ByteClass { return byteClasses[c] }

const numShapes = (MaxRunLen + 1) * int(numClasses) * int(numClasses)

func shapeIndex(n int, before, after ByteClass) int {
	return (min(n, MaxRunLen)*int(numClasses)+int(before))*int(numClasses) + int(after)
}

// gate is a trigger group's run filter table.
type gate struct {
	// accept[shape] has bit m set when gated member m accepts the shape.
	accept *[numShapes]uint64
	// member maps a position in group.members to its gate bit, or -1.
	member []int8
	all    uint64 // every gated member's bit
	trig   [256]bool
}

// buildGate returns the gate for a group of byte-triggered detectors, or
// nil when none of them is a RunFilter.
func buildGate(members []int, dets []compiled) *gate {
	g := &gate{member: make([]int8, len(members))}
	var filters []RunFilter
	for i, di := range members {
		g.member[i] = -1
		if f, ok := dets[di].d.(RunFilter); ok && len(filters) < 64 {
			g.member[i] = int8(len(filters))
			filters = append(filters, f)
		}
	}
	if len(filters) == 0 {
		return nil
	}
	g.all = 1<<len(filters) - 1
	if len(filters) == 64 {
		g.all = ^uint64(0)
	}
	g.accept = new([numShapes]uint64)
	for n := 1; n <= MaxRunLen; n++ {
		for b := range numClasses {
			for a := range numClasses {
				var m uint64
				for k, f := range filters {
					if f.AcceptRun(RunShape{Len: n, Before: b, After: a}) {
						m |= 1 << k
					}
				}
				g.accept[shapeIndex(n, b, a)] = m
			}
		}
	}
	t := dets[members[0]].spec.Triggers.Bytes
	for i := 0; i < len(t); i++ {
		g.trig[t[i]] = true
	}
	return g
}

// gateHits splits the hits of one window (view offsets, ascending) among
// the group's gated members: sc.gated[k] gets, as offsets in the window
// starting at ws, the first byte of each run member k accepts. A run whose
// neighbours are not known (it touches the edge of the view but not of the
// input, or the edge of the scanned range) goes to every member. Runs
// never straddle windows: adjacent hits are always merged.
func (gt *gate) gateHits(sc *scratch, view []byte, hits []int32, ws int, atStart, atEnd bool) {
	for k := range sc.gated {
		sc.gated[k] = sc.gated[k][:0]
	}
	n := len(view)
	for j := 0; j < len(hits); {
		k := j + 1
		for k < len(hits) && hits[k] == hits[k-1]+1 {
			k++
		}
		s, e := int(hits[j]), int(hits[k-1])+1
		mask := gt.all
		before, after := ClassLineEdge, ClassLineEdge
		known := true
		if s > 0 {
			before = byteClasses[view[s-1]]
			known = !gt.trig[view[s-1]]
		} else {
			known = atStart
		}
		if e < n {
			after = byteClasses[view[e]]
			known = known && !gt.trig[view[e]]
		} else {
			known = known && atEnd
		}
		if known {
			mask = gt.accept[shapeIndex(e-s, before, after)]
		}
		for mask != 0 {
			b := bits.TrailingZeros64(mask)
			mask &= mask - 1
			sc.gated[b] = append(sc.gated[b], int32(s-ws))
		}
		j = k
	}
}
