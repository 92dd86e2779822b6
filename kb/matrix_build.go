package kb

import (
	"strconv"
	"strings"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// minOptions is how many solutions a concern needs: one to offer first and
// at least two to fall back on.
const minOptions = 3

// matrix builds one solution-matrix concern: signals, options, notes.
func (b *builder) matrix() {
	title, skip := b.requireTitle()
	blocks := b.doc.Blocks[skip:]
	intro, secs := sections(blocks, 2)
	m := b.item(KindMatrix, b.rec.id, 1)
	m.Title = title
	m.Summary = b.fm.Summary
	if m.Summary == "" {
		for _, bl := range intro {
			if bl.Kind == mdparse.Paragraph {
				m.Summary = bl.Text
				break
			}
		}
	}
	m.Body = strings.TrimSpace(string(b.doc.Source[b.bodyStart(skip):]))
	b.rec.anchors[""] = m.ID
	optionsLine := 0
	for _, sec := range secs {
		h := sec[0]
		b.anchor(h.Text, m.ID)
		switch strings.ToLower(strings.TrimSpace(h.Text)) {
		case "signals":
			for _, bl := range sec[1:] {
				for _, it := range bl.Items() {
					if s := unquote(it.Text); s != "" {
						m.Signals = append(m.Signals, s)
					}
				}
			}
		case "options":
			optionsLine = h.Line
			b.options(&m, sec[1:])
		}
	}
	switch {
	case optionsLine == 0:
		b.l.ps.add(b.file, 1, "concern has no \"## Options\" section; add one with at least %d options, each under a ### heading", minOptions)
	case len(m.Options) < minOptions:
		b.l.ps.add(b.file, optionsLine, "concern has %d option(s) but needs at least %d; add alternatives under ### headings so the agent has something to offer if the first is declined", len(m.Options), minOptions)
	}
	if len(m.Options) > 0 {
		m.Text = m.Options[0].Say
	}
	b.rec.items = []Item{m}
}

// options reads the ### options of a concern; the first is recommended.
func (b *builder) options(m *Item, blocks []mdparse.Block) {
	intro, opts := sections(blocks, 3)
	_ = intro
	for _, sec := range opts {
		h := sec[0]
		n := len(m.Options) + 1
		o := Option{ID: m.ID + "#" + strconv.Itoa(n), Title: h.Text, Recommended: n == 1}
		b.rec.anchors[strconv.Itoa(n)] = m.ID
		b.anchor(h.Text, m.ID)
		sayLine := h.Line
		for _, bl := range sec[1:] {
			for _, it := range bl.Items() {
				label, value, ok := strings.Cut(it.Text, ":")
				if !ok {
					continue
				}
				switch strings.ToLower(strings.TrimSpace(label)) {
				case "say":
					o.Say = unquote(value)
					sayLine = it.Line
				case "when":
					o.When = strings.TrimSpace(value)
				case "authority":
					o.Authority = strings.TrimSpace(value)
				}
			}
		}
		if o.Say == "" {
			b.l.ps.add(b.file, h.Line, "option %q has no words to say; add a bullet \"- **Say:** ...\" with what the agent says, word for word", h.Text)
		} else {
			b.checkPlaceholders(o.Say, -1, sayLine)
		}
		o.Line = sayLine
		m.Options = append(m.Options, o)
	}
}
