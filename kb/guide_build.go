package kb

import (
	"cmp"
	"slices"
	"strings"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// guide builds a guide and one item per H2 section.
func (b *builder) guide() {
	title, skip := b.requireTitle()
	blocks := b.doc.Blocks[skip:]
	intro, secs := sections(blocks, 2)
	g := b.item(KindGuide, b.rec.id, 1)
	g.Title = title
	g.Summary = cmp.Or(b.fm.Summary, firstSentence(intro))
	g.Body = strings.TrimSpace(b.src[b.bodyStart(skip):])
	g.Text = plain(intro)
	b.rec.anchors[""] = g.ID
	b.anchorDeeper(intro, g.ID)

	seen := map[string]int{}
	var items []Item
	found := blockFinder{blocks: blocks}
	for _, sec := range secs {
		h := sec[0]
		slug := slugify(h.Text)
		s := b.item(KindGuide, g.ID+"#"+uniqueSlug(seen, slug), h.Line)
		s.Title = h.Text
		s.Parent = g.ID
		s.Summary = firstSentence(sec[1:])
		i := found.find(h.Start)
		s.Body = b.raw(blocks, i+1, i+len(sec))
		s.Text = plain(sec[1:])
		b.anchorSlug(h.Text, slug, s.ID)
		b.anchorDeeper(sec[1:], s.ID)
		g.Sections = append(g.Sections, s.ID)
		items = append(items, s)
	}
	b.rec.items = append([]Item{g}, items...)
}

// bodyStart is where the markdown after the front matter and skipped title starts.
func (b *builder) bodyStart(skip int) int {
	if skip > 0 && skip < len(b.doc.Blocks) {
		return b.doc.Blocks[skip].Start
	}
	if skip > 0 {
		return len(b.doc.Source)
	}
	return b.doc.BodyStart
}

// blockFinder finds blocks by where they start, for headings taken in
// the note's order: each search goes on from the block the last one
// found, so a note's headings cost its blocks once, not once each (a
// note of 40,000 headings took 5 s to load).
type blockFinder struct {
	blocks []mdparse.Block
	next   int // where the next search starts
	read   int // blocks looked at, for tests
}

// find is the index of the first block starting at start, len(blocks)
// when there is none.
func (f *blockFinder) find(start int) int {
	for _, from := range []int{f.next, 0} {
		for i := from; i < len(f.blocks); i++ {
			f.read++
			if f.blocks[i].Start == start {
				f.next = i
				return i
			}
		}
		if from == 0 {
			break
		}
	}
	return len(f.blocks)
}

// plainFile builds the items of a folder with no pack.toml: the file is a
// guide, and every heading is an item of its own, a template when its text
// has placeholders ({{name}} or {name}). A file without headings is one item.
func (b *builder) plainFile() {
	title := b.fm.Title
	if title == "" {
		title = b.nameTitle()
	}
	blocks := b.doc.Blocks
	if b.fm.Title == "" && len(blocks) > 1 && blocks[0].Kind == mdparse.Heading && blocks[0].Level == 1 &&
		!slices.ContainsFunc(blocks[1:], func(bl mdparse.Block) bool { return bl.Kind == mdparse.Heading && bl.Level == 1 }) {
		// A note that starts with its one title, "# Refund policy", is
		// that note: the title is not a section of its own. (A file of
		// macros, one per # heading, keeps each as an item.)
		title, blocks = blocks[0].Text, blocks[1:]
	}
	intro, secs := sections(blocks, 6)
	if len(secs) == 1 && len(intro) == 0 && b.fm.Title == "" {
		// A file that is one heading and its text: the heading is the title.
		title, intro, secs = secs[0][0].Text, secs[0][1:], nil
		blocks = blocks[1:]
	}
	f := b.item(KindGuide, b.rec.id, 1)
	f.Title = title
	f.Aliases = b.fm.Aliases
	// Texts are slices of the note's text (Doc.Text); a summary, which
	// a library that sheds its bodies keeps, is a copy.
	f.Summary = cmp.Or(b.fm.Summary, b.doc.Own(firstSentence(intro)))
	// The body is what follows the title taken above: the preview shows
	// the title already, and a guide's body up to its first "## ".
	f.Body = strings.TrimSpace(b.src[b.doc.BodyStart:])
	if len(blocks) < len(b.doc.Blocks) {
		f.Body = b.raw(blocks, 0, len(blocks))
	}
	f.Text = b.doc.Text(intro)
	b.rec.anchors[""] = f.ID
	if len(secs) == 0 {
		b.plainTemplate(&f, b.raw(blocks, 0, len(intro)), intro)
		b.rec.items = append(b.l.itemRoom(1), f)
		return
	}
	seen := map[string]int{}
	items := b.l.itemRoom(1 + len(secs))[:1]
	found := blockFinder{blocks: blocks}
	for _, sec := range secs {
		h := sec[0]
		slug := slugify(h.Text)
		s := b.item(KindGuide, f.ID+"#"+uniqueSlug(seen, slug), h.Line)
		s.Title = h.Text
		s.Parent = f.ID
		s.Summary = b.doc.Own(firstSentence(sec[1:]))
		i := found.find(h.Start)
		s.Body = b.raw(blocks, i+1, i+len(sec))
		s.Text = b.doc.Text(sec[1:])
		b.plainTemplate(&s, s.Body, sec[1:])
		b.anchorSlug(h.Text, slug, s.ID)
		f.Sections = append(f.Sections, s.ID)
		items = append(items, s)
	}
	items[0] = f
	b.rec.items = items
}

// plainTemplate makes it a template when raw has placeholders. Its text is
// the markdown as written, with {name} rewritten as {{name}} so one renderer
// fills both.
func (b *builder) plainTemplate(it *Item, raw string, blocks []mdparse.Block) {
	off := -1
	if len(blocks) > 0 {
		off = blocks[0].Start
	}
	toks := b.checkPlaceholders(raw, off, it.Source.Line)
	if len(toks) == 0 {
		return
	}
	var sb strings.Builder
	last := 0
	for _, t := range toks {
		sb.WriteString(raw[last:t.Start])
		sb.WriteString("{{" + t.Name + "}}")
		last = t.End
	}
	sb.WriteString(raw[last:])
	it.Kind = KindTemplate
	it.Text = sb.String()
	it.Fields = b.fields(it.Text, toks)
}

// anchorDeeper lets links name a ### (or deeper) heading: they land on the
// item the heading sits in.
func (b *builder) anchorDeeper(blocks []mdparse.Block, id string) {
	for _, bl := range blocks {
		if bl.Kind == mdparse.Heading {
			slug := slugify(bl.Text)
			if _, taken := b.rec.anchors[slug]; !taken {
				b.anchorSlug(bl.Text, slug, id)
			}
		}
	}
}
