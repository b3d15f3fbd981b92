// Package markings detects and parses government protective and
// security classification markings.
//
// # Schemes
//
// UK Government Security Classifications (2014, 2023/2024 update), the
// legacy UK Government Protective Marking Scheme, NATO, EU (EUCI), US
// (banner lines, portion marks, CUI), Australia (PSPF levels, the Email
// Protective Marking Standard subject and X-Protective-Marking header),
// New Zealand and Canada. The reference is MARKINGS.md in the project's
// shared documents.
//
// # Detectors
//
// The detectors are split by the form of the marking, because the level
// words are shared between schemes (SECRET is in all of them) and the
// engine calls every detector whose triggers fire: one detector per
// scheme would examine every "secret" eight times. Each finding carries
// its scheme in [detect.Finding.Info] (see [InfoScheme]) and in the
// [Marking] returned by [detect.Engine.Detail].
//
//   - markings/classification ([NewClassification]): level-word markings
//     of every scheme, in banners, subjects, chat messages, labels and
//     prose.
//   - markings/portion ([NewPortion]): portion marks "(S//NF)", "(O:S)".
//   - markings/au-epms ([NewEPMS]): "[SEC=...]" and X-Protective-Marking.
//   - markings/obfuscated ([NewObfuscated]): the same markings written
//     with homoglyphs, fullwidth letters or zero-width characters.
//
// # Normalisation
//
// Candidates are read through a folding function (norm.go) rather than
// copied: fullwidth forms (x/text/width), Cyrillic and Greek look-alikes,
// dashes, spaces and format characters are folded character by character,
// so offsets always point at the original bytes and nothing is allocated.
// Letter-spaced text ("S E C R E T") is joined by the word reader.
//
// # Triggers and speed
//
// The engine anchors each keyword on its rarest bigram. The classification
// keywords anchor on ff, cr, nf, ct, cl and "c " (see [NewClassification]),
// which occur a few thousand times per megabyte of English; the
// obfuscated detector triggers on the lead bytes of Cyrillic (0xD0 0xD1),
// Greek (0xCE 0xCF) and fullwidth forms (0xEF) and on the continuation
// bytes of zero-width characters (0x8B-0x8F, 0x81) and the soft hyphen
// (0xAD), which are rare in English text and cost nothing there (but every
// letter of Russian or Greek text wakes it). Detect rejects prose uses of
// "official", "secret", "restricted" with a look at the next word before
// any parsing; BenchmarkMarkings in bench_test.go measures the result
// against the engine's own floor.
package markings
