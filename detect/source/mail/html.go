package mail

import (
	"bytes"
	"html"
	"strings"
)

// HTMLText reduces an HTML document to its text: tags are removed (block
// elements and <br> become line breaks), the contents of <script>, <style>
// and <head> are dropped, comments are dropped, character references are
// decoded and no-break spaces become spaces. It is not a full HTML parser but never
// fails, on any input.
func HTMLText(src []byte) []byte {
	out := make([]byte, 0, len(src)/2)
	var text []byte
	flush := func() {
		if len(text) > 0 {
			t := html.UnescapeString(string(text))
			out = append(out, strings.ReplaceAll(t, "\u00a0", " ")...)
			text = text[:0]
		}
	}
	skipUntil := "" // closing tag whose content is dropped
	for i := 0; i < len(src); {
		c := src[i]
		if c != '<' {
			if skipUntil == "" {
				if c == '\r' || c == '\n' || c == '\t' {
					c = ' '
				}
				text = append(text, c)
			}
			i++
			continue
		}
		// A comment.
		if bytes.HasPrefix(src[i:], []byte("<!--")) {
			end := bytes.Index(src[i+4:], []byte("-->"))
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := bytes.IndexByte(src[i:], '>')
		if end < 0 {
			if skipUntil == "" {
				text = append(text, src[i:]...)
			}
			break
		}
		tag := src[i+1 : i+end]
		i += end + 1
		closing := len(tag) > 0 && tag[0] == '/'
		if closing {
			tag = tag[1:]
		}
		name := tagName(tag)
		if skipUntil != "" {
			if closing && name == skipUntil {
				skipUntil = ""
			}
			continue
		}
		switch name {
		case "script", "style", "head":
			if !closing {
				flush()
				skipUntil = name
			}
			continue
		case "title":
			// Kept: it is often the subject. (Only reached outside <head>.)
		}
		if blockTags[name] {
			flush()
			if len(out) > 0 && out[len(out)-1] != '\n' {
				out = append(out, '\n')
			}
		} else if name != "" {
			text = append(text, ' ')
		}
	}
	flush()
	return collapse(out)
}

var blockTags = map[string]bool{
	"br": true, "p": true, "div": true, "li": true, "tr": true, "td": true, "th": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true,
	"blockquote": true, "pre": true, "hr": true, "title": true, "body": true, "html": true, "section": true,
	"article": true, "header": true, "footer": true,
}

func tagName(tag []byte) string {
	j := 0
	for j < len(tag) && (tag[j] >= 'a' && tag[j] <= 'z' || tag[j] >= 'A' && tag[j] <= 'Z' || tag[j] >= '0' && tag[j] <= '9') {
		j++
	}
	return string(bytes.ToLower(tag[:j]))
}

// collapse squeezes runs of spaces and blank lines.
func collapse(b []byte) []byte {
	out := b[:0]
	space := false
	for _, c := range b {
		switch c {
		case ' ':
			space = true
			continue
		case '\n':
			space = false
			for len(out) > 0 && out[len(out)-1] == ' ' {
				out = out[:len(out)-1]
			}
			if len(out) >= 2 && out[len(out)-1] == '\n' && out[len(out)-2] == '\n' {
				continue
			}
			if len(out) == 0 {
				continue
			}
		default:
			if space && len(out) > 0 && out[len(out)-1] != '\n' {
				out = append(out, ' ')
			}
			space = false
		}
		out = append(out, c)
	}
	return bytes.TrimSpace(out)
}
