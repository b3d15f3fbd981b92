package source

import (
	"errors"
	"io"

	"github.com/tidemark/tidemark/detect"
	"github.com/tidemark/tidemark/detect/source/whatsapp"
)

func whatsappSniff(head []byte) bool { return whatsapp.Sniff(head) }

// chat scans a WhatsApp export message by message. Each body is a unit of
// its own (offsets, mapped to the original bytes, and lines still count
// from the start of the file); each
// distinct sender is reported once, at their first message.
func (s *run) chat(loc *Location, r io.Reader) error {
	dr := decodeText(r)
	wr := whatsapp.NewReader(dr, &whatsapp.Options{MaxLine: s.lim.MaxLine, MaxMessage: s.lim.MaxMessage})
	seen := map[string]bool{}
	for {
		m, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *whatsapp.ParseError
			if errors.As(err, &pe) {
				switch {
				case errors.Is(err, whatsapp.ErrLineTooLong):
					return &LimitError{Path: displayPath(loc), Limit: "max-line", Value: pe.Limit, Line: pe.Line}
				case errors.Is(err, whatsapp.ErrMessageTooLong):
					return &LimitError{Path: displayPath(loc), Limit: "max-message", Value: pe.Limit, Line: pe.Line}
				}
			}
			return err
		}
		ml := *loc
		ml.Message, ml.Sender, ml.Time, ml.Line = m.Index, m.Sender, m.Time, m.Line
		mloc := &ml
		if m.Sender != "" && !seen[m.Sender] && !IsToken(m.Sender) {
			if len(seen) < 10000 {
				seen[m.Sender] = true
			}
			f := detect.Finding{
				Start: dr.MapOffset(m.SenderOffset), End: dr.MapOffset(m.SenderOffset + int64(len(m.Sender))),
				Line: m.Line, Rule: WhatsAppSenderID, Kind: senderKind(m.Sender), Score: 100,
			}
			if err := s.emit(f, mloc, []byte(m.Sender)); err != nil {
				return err
			}
		}
		if err := s.findIn(mloc, m.Body, m.BodyOffset, m.Line, nil, dr); err != nil {
			return err
		}
	}
}

// senderKind is phone for a sender written as a phone number (a contact
// not in the exporter's address book), else person.name.
func senderKind(s string) detect.Kind {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == '+' || c == ' ' || c == '-' || c == '(' || c == ')':
		case c == 0xe2 || c == 0x80 || c == 0xaa || c == 0xac || c == 0x8e: // U+202A/U+202C/U+200E marks
		default:
			return KindPersonName
		}
	}
	if digits >= 7 {
		return KindPhone
	}
	return KindPersonName
}
