// Package source reads the inputs an auditor is handed — plain text files,
// WhatsApp chat exports, e-mail (.eml and mbox) and .zip archives of those —
// and scans them with a [detect.Engine], attributing every finding to where
// it was found: the file, the archive member, the chat message (index,
// sender, timestamp) or the e-mail message, MIME part and header field.
//
// # Formats
//
// [Sniff] guesses a [Format] from a file name and its first bytes;
// [Options].Format overrides it. Plain text is streamed through a
// [detect.Scanner] (memory is bounded however long its lines); UTF-16 with
// a byte-order mark and Windows-1252 are decoded to UTF-8 first. Chats and
// e-mail are parsed by the subpackages [github.com/tidemark/tidemark/detect/source/whatsapp]
// and [github.com/tidemark/tidemark/detect/source/mail], and each message
// body, part or header is scanned as a unit of its own.
//
// Delimited files with a header row (CSV: .csv and .tsv, comma, tab or
// semicolon) are streamed with each field preceded by its column's header
// ("dob: 12/03/1961"), so a value hundreds of rows below the header is
// scored with the header as its context; offsets are mapped back to the
// file's bytes. Redact treats them as plain text (without the labels).
//
// # Offsets
//
// [Finding].Start and End are byte offsets into the unit named by the
// finding's [Location]: for plain text and chat files, the file itself (after
// decoding, for UTF-16 and Windows-1252 files); for e-mail, the decoded body
// of the MIME part named by Location.Part, or the unfolded header line
// "Name: value" when Location.Field names a header.
//
// # Limits
//
// Hostile inputs are bounded by [Limits]: total decompressed bytes,
// archive nesting depth, number of archive members and MIME parts, and line
// length for the line-oriented parsers. Exceeding one gives a [*LimitError]
// that names the file and the limit; the other files of a scan go on.
// Binary files (see [detect.ErrBinary]) are skipped and reported to
// [Options].Skip, not treated as errors.
//
// # Redaction
//
// [Redact] writes a redacted copy of an input in its own format, using a
// [github.com/tidemark/tidemark/detect/redact.Redactor]: a redacted chat
// is still a chat (senders replaced by tokens, see [NewValueRedactor]), a
// redacted mailbox still a mailbox of valid messages, a redacted archive
// still an archive.
//
// # Privacy
//
// Errors and notes name files, archive members, messages and parts, never
// matched values or input lines.
package source
