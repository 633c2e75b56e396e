package portal

import "strings"

// Block is one block of a post's text: a paragraph, a heading or a list. Its text is
// plain: the page escapes it (html/template), so no markup or script an author types
// ever reaches a reader's browser as code.
type Block struct {
	Kind  string // "p", "h" or "ul"
	Text  string
	Items []string
}

// Render reads the tiny markup of a post: blocks are separated by a blank line; a
// line starting "## " is a heading, lines starting "- " make a list, anything else is
// a paragraph (its lines joined). Nothing else is interpreted: "<b>" stays the four
// characters "<b>".
func Render(text string) []Block {
	var out []Block
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for _, chunk := range strings.Split(text, "\n\n") {
		var para []string
		flush := func() {
			if len(para) > 0 {
				out = append(out, Block{Kind: "p", Text: strings.Join(para, " ")})
				para = nil
			}
		}
		for _, line := range strings.Split(chunk, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
			case strings.HasPrefix(line, "## "):
				flush()
				out = append(out, Block{Kind: "h", Text: strings.TrimSpace(line[3:])})
			case strings.HasPrefix(line, "- "):
				flush()
				if n := len(out); n > 0 && out[n-1].Kind == "ul" {
					out[n-1].Items = append(out[n-1].Items, strings.TrimSpace(line[2:]))
				} else {
					out = append(out, Block{Kind: "ul", Items: []string{strings.TrimSpace(line[2:])}})
				}
			default:
				para = append(para, line)
			}
		}
		flush()
	}
	return out
}
