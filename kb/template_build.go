package kb

import (
	"strings"

	"github.com/poisehq/poise/kb/internal/mdparse"
	"github.com/poisehq/poise/kb/internal/placeholder"
	"github.com/poisehq/poise/kb/template"
)

// template builds a template: its text is the markdown after the front
// matter, as written, so line breaks of a message survive copying.
func (b *builder) template() {
	title, skip := b.requireTitle()
	if len(b.doc.Blocks) > 0 && b.doc.Blocks[0].Kind == mdparse.Heading && b.doc.Blocks[0].Level == 1 {
		skip = 1 // a heading over the message is never part of what is copied
	}
	t := b.item(KindTemplate, b.rec.id, 1)
	t.Title = title
	start := b.bodyStart(skip)
	body := string(b.doc.Source[start:])
	lead := len(body) - len(strings.TrimLeft(body, " \t\r\n"))
	t.Text = strings.TrimSpace(body)
	t.Body = t.Text
	t.Summary = b.fm.Summary // a template's first line is a greeting, not a summary
	if t.Text == "" {
		b.l.ps.add(b.file, 1, "template has no text; write the message to copy after the front matter")
	}
	toks := b.checkPlaceholders(t.Text, start+lead, 1)
	t.Fields = b.fields(t.Text, toks)
	b.rec.anchors[""] = t.ID
	b.rec.items = []Item{t}
}

// fields lists the template's placeholders in order of first appearance,
// described by the front matter's fields where it has them
// (template.Fields), and reports described fields the text never uses.
func (b *builder) fields(text string, toks []placeholder.Token) []Field {
	declared := make([]Field, 0, len(b.fm.Fields))
	for _, s := range b.fm.Fields {
		declared = append(declared, Field{Name: s.Name, Label: s.Label, Default: s.Default, Choices: s.Choices, Multiline: s.Multiline})
	}
	used := map[string]bool{}
	for _, t := range toks {
		used[t.Name] = true
	}
	for _, s := range b.fm.Fields {
		if !used[s.Name] {
			b.l.ps.add(b.file, s.Line, "field %q is described in fields: but the text has no {{%s}}; remove it or use it in the text", s.Name, s.Name)
		}
	}
	return template.Fields(text, declared...)
}
