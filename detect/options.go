package detect

// Options configure an Engine. A nil or zero Options holds the defaults.
type Options struct {
	// ChunkSize is the number of input bytes a Scanner takes per step,
	// besides the fixed overlap. Zero means DefaultChunkSize. Results do not
	// depend on it; memory and latency do.
	ChunkSize int
	// MinScore drops findings scoring below it (counted in Stats.Dropped).
	// Zero keeps everything.
	MinScore int
	// Binary says what to do with input that looks binary.
	Binary BinaryMode
}

// DefaultChunkSize is the chunk size used when Options.ChunkSize is zero.
// See DESIGN.md for the measurements behind it.
const DefaultChunkSize = 64 << 10

// SniffLen is how many leading bytes are checked for NUL when deciding
// whether input looks binary.
const SniffLen = 8 << 10

// BinaryMode is the policy for input that looks binary: a NUL byte in its
// first SniffLen bytes (the rule git and ripgrep use).
type BinaryMode uint8

const (
	// BinaryStop, the default, stops before scanning: Scan returns false
	// and Err returns ErrBinary.
	BinaryStop BinaryMode = iota
	// BinaryScan scans binary input like any other.
	BinaryScan
)
