package detect

// A Kind names the sort of data found, in dotted lower case: "email",
// "phone", "uk.nino", "person.name", "marking". Kinds are stable: they
// appear in configuration, reports and golden files.
type Kind string

// A Finding is one match. Offsets are byte offsets into the original
// input, counted from its first byte, so input[Start:End] is the match
// (see [OffsetMapper] for decoded inputs).
//
// A Finding is a small value with no pointers into the input; it may be
// kept after the scan. The matched bytes are available from
// [Scanner.Bytes] while the scanner still holds them.
type Finding struct {
	Start int64  // first byte of the match
	End   int64  // one past the last byte of the match
	Line  int64  // 1-based line number of Start ('\n' counted)
	Rule  string // ID of the detector that reported it, e.g. "pii/email"
	Kind  Kind   // what was found
	Score int    // confidence 0..100, after context cues
	// Info is detector-defined detail packed into 32 bits (for example a
	// marking's placement and level). It is opaque to the engine; the
	// detector's documentation, or [Engine.Detail], interprets it.
	Info uint32
	// Final, set by a detector, says its Score already weighs the
	// context: the engine applies no cues to the finding (it still clamps
	// the score and applies Options.MinScore). The phone detector sets it
	// on a chat export's sender field, a number by the line's structure
	// whatever words the message holds. (It takes the struct's padding:
	// a Finding stays 72 bytes.)
	Final bool
}

// Len reports the length of the match in bytes.
func (f Finding) Len() int64 { return f.End - f.Start }

// Stats are counters for one scan, for tuning and monitoring. They are
// exact and deterministic for a given engine and input, except Reads.
type Stats struct {
	Bytes      int64 // input bytes scanned
	Windows    int64 // candidate windows handed to detectors
	Findings   int64 // findings delivered
	Dropped    int64 // findings scored below Options.MinScore and dropped
	Incomplete int64 // windows a detector could not fully examine (see Detector)
	Invalid    int64 // findings rejected for breaking the Detector contract
}

func (s *Stats) add(o Stats) {
	s.Bytes += o.Bytes
	s.Windows += o.Windows
	s.Findings += o.Findings
	s.Dropped += o.Dropped
	s.Incomplete += o.Incomplete
	s.Invalid += o.Invalid
}
