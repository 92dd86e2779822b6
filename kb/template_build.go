package kb

import (
	"cmp"
	"strings"

	"github.com/poisehq/poise/kb/internal/mdparse"
	"github.com/poisehq/poise/kb/internal/placeholder"
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
	t.Fields = b.fields(toks, 1)
	b.rec.anchors[""] = t.ID
	b.rec.items = []Item{t}
}

// fields lists the template's placeholders in order of first appearance,
// described by the front matter's fields: where it has them.
func (b *builder) fields(toks []placeholder.Token, line int) []Field {
	specs := map[string]fieldSpec{}
	for _, s := range b.fm.Fields {
		specs[s.Name] = s
	}
	used := map[string]bool{}
	var out []Field
	for _, t := range toks {
		if used[t.Name] {
			continue
		}
		used[t.Name] = true
		f := Field{Name: t.Name, Computed: t.Computed, Label: placeholder.Label(t.Name)}
		if s, ok := specs[t.Name]; ok {
			f.Label = cmp.Or(s.Label, f.Label)
			f.Default, f.Choices, f.Multiline = s.Default, s.Choices, s.Multiline
		}
		out = append(out, f)
	}
	for _, s := range b.fm.Fields {
		if !used[s.Name] {
			b.l.ps.add(b.file, s.Line, "field %q is described in fields: but the text has no {{%s}}; remove it or use it in the text", s.Name, s.Name)
		}
	}
	return out
}
