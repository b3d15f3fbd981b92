package source

import (
	"errors"
	"fmt"

	"github.com/tidemark/tidemark/detect"
)

// A Format is an input format. The zero value, Auto, asks [Sniff] to guess.
type Format string

// The input formats.
const (
	Auto     Format = ""         // guess from the name and the first bytes
	Text     Format = "text"     // plain text: UTF-8, UTF-16 with BOM, Windows-1252
	WhatsApp Format = "whatsapp" // WhatsApp chat export (.txt), iOS or Android layout
	Mbox     Format = "mbox"     // mailbox of messages separated by "From " lines
	EML      Format = "eml"      // one RFC 5322 e-mail message
	CSV      Format = "csv"      // delimited text with a header row (.csv, .tsv): fields labelled by their column
	Zip      Format = "zip"      // .zip archive of any of these
)

// Formats lists the formats that can be named in [Options].Format, for
// flag help and validation.
var Formats = []Format{Text, WhatsApp, Mbox, EML, CSV, Zip}

// ParseFormat parses a format name; "auto" and "" give Auto.
func ParseFormat(s string) (Format, error) {
	if s == "" || s == "auto" {
		return Auto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return Auto, fmt.Errorf("source: unknown input format %q (want auto, text, whatsapp, mbox, eml, csv or zip)", s)
}

// A Location says where a finding was found. Fields that do not apply to
// the format are zero. Sender and the header values it carries are
// personal data: print them masked unless asked otherwise.
type Location struct {
	// Path is the input's name as given to Scan (a file path, or "-").
	Path string
	// Entry is the member path inside a .zip archive, with "!" between the
	// levels of nested archives ("inner.zip!_chat.txt"); empty otherwise.
	Entry string
	// Format is the format the unit was read as.
	Format Format
	// Message is the 1-based index of the chat message or of the e-mail in
	// its mailbox (1 for a .eml file); 0 for plain text.
	Message int
	// Sender is the chat message's sender as written in the export.
	Sender string
	// Time is the chat message's timestamp as written in the export, or
	// the e-mail's Date header.
	Time string
	// MessageID is the e-mail's Message-ID header, without angle brackets.
	MessageID string
	// Part is the e-mail MIME part: "1" for a single-part body, "1.2" for
	// the second part of the first multipart, and so on; empty for headers.
	Part string
	// ContentType is the media type of the e-mail part ("text/html").
	ContentType string
	// Field is the e-mail header scanned ("Subject", "From"), or empty for
	// a body.
	Field string
	// Line is the line of the input file on which the unit starts (1-based),
	// for chat messages; the finding's own Line counts from the start of
	// the file for text and chats, and from the start of the unit
	// otherwise.
	Line int64
}

// A Finding is a detector finding with its location.
type Finding struct {
	detect.Finding
	// Loc says where the finding was found. It is shared by the findings
	// of one unit: do not modify it.
	Loc *Location
}

// Errors.
var (
	// ErrLimit is wrapped by every *LimitError.
	ErrLimit = errors.New("source: limit exceeded")
	// ErrFormat is wrapped by errors about malformed input.
	ErrFormat = errors.New("source: malformed input")
)

// A LimitError reports an input that exceeds one of the [Limits].
type LimitError struct {
	Path  string // the file (and archive member) concerned
	Limit string // the limit's name, as in the CLI flag: "max-bytes"
	Value int64  // the limit's value
	Line  int64  // the line where it was exceeded, if known
}

func (e *LimitError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: exceeds limit %s=%d", e.Path, e.Line, e.Limit, e.Value)
	}
	return fmt.Sprintf("%s: exceeds limit %s=%d", e.Path, e.Limit, e.Value)
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// An Error is an error about one input (or archive member), with its name.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Limits bound the resources one top-level input may use. A zero field
// takes its default.
type Limits struct {
	// MaxBytes bounds the bytes decompressed from archives and decoded from
	// e-mail transfer encodings, in total per top-level input. Default 1 GiB.
	MaxBytes int64
	// MaxDepth bounds the nesting of archives in archives and of multipart
	// MIME parts. Default 8.
	MaxDepth int
	// MaxParts bounds the number of archive members plus MIME parts per
	// top-level input. Default 10000.
	MaxParts int
	// MaxLine bounds the length of a line in chat exports and e-mail
	// headers. Plain text has no line limit. Default 1 MiB.
	MaxLine int
	// MaxMessage bounds what is held in memory at once: one chat message, one
	// mbox message, one decoded e-mail part, one archive nested in an
	// archive (or read from a pipe), a whole chat being redacted. Default
	// 64 MiB.
	MaxMessage int64
}

// Defaults for Limits.
const (
	DefaultMaxBytes   = 1 << 30
	DefaultMaxDepth   = 8
	DefaultMaxParts   = 10000
	DefaultMaxLine    = 1 << 20
	DefaultMaxMessage = 64 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxParts <= 0 {
		l.MaxParts = DefaultMaxParts
	}
	if l.MaxLine <= 0 {
		l.MaxLine = DefaultMaxLine
	}
	if l.MaxMessage <= 0 {
		l.MaxMessage = DefaultMaxMessage
	}
	return l
}

// Options configure a scan. A nil or zero Options holds the defaults.
type Options struct {
	// Format forces the input format; Auto guesses with Sniff. Members of
	// archives are always sniffed.
	Format Format
	// Limits bound the resources used.
	Limits Limits
	// Workers is the number of goroutines ScanFile uses for one large
	// plain-text file (see detect.Engine.ScanAt); 0 or 1 scans it with one.
	Workers int
	// Skip, if set, is called for each input or unit skipped without error:
	// binary files (reason wraps detect.ErrBinary) and archive members
	// that are directories or media.
	Skip func(path string, reason error)
	// Progress, if set, is called now and then with the number of input
	// bytes of the top-level file consumed so far.
	Progress func(n int64)
}

// Sender and header-name detector IDs reported by this package. Their
// findings have Score 100 and Kind person.name (or phone/email when the
// sender is a phone number or the header a bare address).
const (
	// WhatsAppSenderID reports the sender names of a chat, once per sender
	// and conversation, at the sender's first message.
	WhatsAppSenderID = "source/whatsapp-sender"
	// MailNameID reports the display names in From, To, Cc, Bcc, Reply-To
	// and Sender headers.
	MailNameID = "source/mail-name"
)

// Kinds of the findings this package reports itself.
const (
	KindPersonName detect.Kind = "person.name"
	KindPhone      detect.Kind = "phone"
)
