// Package detect is tidemark's core: the detector contract, the engine
// that runs many detectors over text in one pass, and a streaming scanner
// whose results do not depend on how the input is chunked.
//
// # Model
//
// A [Detector] describes itself with a [Spec]: a stable ID, a [Kind], the
// triggers that must occur near every match (bytes such as '@' or digits,
// or case-insensitive keywords such as "secret"), the longest match it can
// report, and optional context [Cues]. [Compile] validates a set of
// detectors and builds one shared prefilter; the resulting [Engine] is
// immutable and safe for concurrent use. Scan text with
// [Engine.NewScanner] (any io.Reader, bounded memory), [Engine.AppendFind]
// (a buffer the caller already holds) or [Engine.ScanAt] (one large
// io.ReaderAt split across goroutines). A [Registry] selects detectors by
// ID or glob ("pii/*").
//
// # Offsets
//
// Findings carry byte offsets into the original input: input[Start:End] is
// the match. Offsets are int64, so inputs may exceed 2 GiB. When the
// reader given to a Scanner decodes its input (UTF-16, Windows-1252: see
// package decode) and implements [OffsetMapper], offsets still refer to
// the original bytes. Line numbers count '\n' bytes before Start, plus one.
//
// # How a scan works
//
// The input is read in chunks of Options.ChunkSize bytes. Each step shows
// the detectors a view of the chunk plus a fixed overlap (the engine's
// Margin) on each side, and keeps only the findings whose Start lies in the
// chunk it owns. The overlap is 2*MaxLen + Cues.Radius + 2 bytes of the
// largest detector, which is enough for every owned match, its trigger
// and its context to lie wholly inside the view. So nothing is missed or
// reported twice, and results are identical for any chunk size and any
// split of reads. A Scanner holds ChunkSize + 2*Margin bytes (at least
// SniffLen), whatever the length of the input or of its lines.
//
// Within a view, one pass of the prefilter finds every detector's
// triggers: a table indexed by each pair of adjacent bytes, in which
// trigger bytes and each keyword's rarest bigram (in every case) are
// marked. On amd64 CPUs with AVX2 a vector pre-pass flags candidate
// positions 32 bytes at a time and the table checks only those (build
// with -tags purego to use the table alone). Hits of detectors with the
// same triggers are shared; windows of MaxLen + Radius + 1 bytes around
// hits are merged, and each detector is called once per window.
//
// Detectors that share byte triggers (all the digit-triggered identifier
// detectors, say) can implement [RunFilter]: the engine then computes the
// shape of each run of trigger bytes once (its length and the classes of
// its neighbours) and hands each detector only the runs it can match,
// from one table lookup per run. The cost of a scan is linear in the input
// plus the work detectors do on their hits; see DESIGN.md for
// measurements.
//
// # Scores
//
// A detector sets a base score (0..100) from the evidence in the match:
// shape, checksums, structure. The engine then adds the deltas of the
// detector's cues found within Cues.Radius bytes (whole words, ASCII case
// ignored), clamps to 0..100 and drops findings below Options.MinScore,
// counting them in [Stats.Dropped]. A detector whose score already weighs
// the context (a chat export's sender field) marks the finding
// [Finding.Final] and no cues apply to it. Scores are integers so that results are
// identical on every platform.
//
// # Bad input
//
// Invalid UTF-8 is scanned as bytes; offsets stay exact and window edges
// never split a valid rune. Input with a NUL byte in its first SniffLen
// bytes is treated as binary: under the default [BinaryStop] the scan
// stops with [ErrBinary]; [BinaryScan] scans it anyway. Read errors are
// sticky and reported as a [*ReadError] with the offset where they
// happened, after every finding owned before it. Nothing in the package
// panics on input; detectors that break their contract have the offending
// findings dropped and counted in [Stats.Invalid].
//
// # Concurrency and allocation
//
// An Engine is safe for concurrent use; a Scanner is not (use one per
// goroutine, and Reset it to reuse its buffers). The package starts no
// goroutines except inside ScanAt and keeps no global state; at init it
// only reads the CPU's features (CPUID) and fills two 256-byte tables. Once warm, a Scanner allocates nothing per chunk.
//
// # Compatibility
//
// Detector IDs and Kinds are stable: they appear in configuration and
// reports, and renaming one is a breaking change. Scores may be retuned in
// minor versions; golden-file differences are called out in release notes.
// New fields may be added to Spec, Options and Stats.
package detect
