package kb

import (
	"bytes"
	"cmp"
	"regexp"
	"strconv"
	"strings"

	"github.com/poisehq/poise/kb/internal/mdparse"
	"github.com/poisehq/poise/kb/internal/pattern"
)

// statements builds one item per bullet, each ## heading being the
// situation it fits; trailing channel tags (`voice`, `sms`, …, see ParseChannel) are
// its channels.
func (b *builder) statements() {
	title, skip := b.requireTitle()
	situation := ""
	var pending []string
	n := 0
	for _, bl := range b.doc.Blocks[skip:] {
		if bl.Kind == mdparse.Heading {
			situation = bl.Text
			pending = append(pending, bl.Text)
			continue
		}
		for _, li := range bl.Items() {
			n++
			it := b.item(KindStatement, b.rec.id+"#"+strconv.Itoa(n), li.Line)
			b.firstItem(&pending, it.ID, n)
			it.Title = cmp.Or(situation, title)
			it.Category = cmp.Or(b.fm.Category, title)
			if situation != "" {
				it.Situations = append([]string{situation}, b.fm.Situations...)
			}
			it.Text = li.Lead
			if it.Text == "" {
				it.Text = li.Text
			}
			it.Body = it.Text
			it.Channels = nil
			for _, tag := range li.Tail {
				c, ok := ParseChannel(tag)
				if !ok {
					b.l.ps.add(b.file, li.Line, "unknown channel tag `%s`; end a statement with `voice`, `chat`, `email`, `social`, `sms` or `in-person`, or with none when it fits every channel", tag)
					continue
				}
				it.Channels = append(it.Channels, c)
			}
			if len(it.Channels) == 0 {
				it.Channels = b.fm.Channels
			}
			b.checkPlaceholders(it.Text, -1, li.Line)
			b.rec.items = append(b.rec.items, it)
		}
	}
	if n == 0 {
		b.l.ps.add(b.file, 1, "no statements found; write each statement as a bullet (- ...) under a ## heading naming the situation")
	}
}

// phrases builds one item per table row of the positive-language chart.
func (b *builder) phrases() {
	title, _ := b.requireTitle()
	var pending []string
	n := 0
	for _, bl := range b.doc.Blocks {
		if bl.Kind == mdparse.Heading {
			pending = append(pending, bl.Text)
		}
		if bl.Kind != mdparse.Table {
			continue
		}
		col := map[string]int{}
		for i, h := range bl.Header() {
			col[strings.ToLower(strings.TrimSpace(h.Text))] = i
		}
		_, okOf := col["instead of"]
		_, okTry := col["try"]
		if !okOf || !okTry {
			b.l.ps.add(b.file, bl.Line, "table needs the columns Instead of, Try and Why (and optionally Match)")
			continue
		}
		cell := func(r mdparse.Row, name string) mdparse.Cell {
			if i, ok := col[name]; ok && i < len(r.Cells) {
				return r.Cells[i]
			}
			return mdparse.Cell{}
		}
		for _, r := range bl.Rows() {
			n++
			it := b.item(KindPhrase, b.rec.id+"#"+strconv.Itoa(n), r.Line)
			b.firstItem(&pending, it.ID, n)
			rule := &PhraseRule{InsteadOf: cell(r, "instead of").Text, Why: cell(r, "why").Text}
			for _, t := range strings.Split(cell(r, "try").Text, "\n") {
				if t = strings.TrimSpace(t); t != "" {
					rule.Try = append(rule.Try, t)
				}
			}
			if rule.InsteadOf == "" || len(rule.Try) == 0 {
				b.l.ps.add(b.file, r.Line, "row needs both an Instead of phrase and at least one Try suggestion")
			}
			rule.Patterns = pattern.Split(cell(r, "match").Raw)
			if len(rule.Patterns) == 0 && rule.InsteadOf != "" {
				rule.Patterns = []string{literalPattern(rule.InsteadOf)}
			}
			for _, p := range rule.Patterns {
				if _, err := pattern.Compile(p); err != nil {
					b.l.ps.add(b.file, r.Line, "%s", strings.TrimPrefix(err.Error(), "bad pattern: "))
				}
			}
			for _, t := range rule.Try {
				b.checkPlaceholders(t, -1, r.Line)
			}
			it.Title = rule.InsteadOf
			it.Summary = rule.Why
			it.Category = cmp.Or(b.fm.Category, title)
			if len(rule.Try) > 0 {
				it.Text = rule.Try[0]
			}
			it.Body = cell(r, "try").Text
			it.Phrase = rule
			b.rec.items = append(b.rec.items, it)
		}
	}
	if n == 0 {
		b.l.ps.add(b.file, 1, "no phrase rows found; write a table with the columns Instead of, Try, Why and Match")
	}
}

// firstItem registers the n-th item of a statements or phrases file for
// links: by its number, by the headings above it that had no item yet, and,
// for the first, by the file itself.
func (b *builder) firstItem(pending *[]string, id string, n int) {
	b.rec.anchors[strconv.Itoa(n)] = id
	if n == 1 {
		b.rec.anchors[""] = id
	}
	for _, h := range *pending {
		b.anchor(h, id)
	}
	*pending = (*pending)[:0]
}

// literalPattern makes Instead-of text a pattern that means just its words.
func literalPattern(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("()[]|*", r) {
			return ' '
		}
		return r
	}, s)
}

// checklist builds one item whose steps are the file's task-list items,
// grouped by the ## heading above them.
func (b *builder) checklist() {
	title, skip := b.requireTitle()
	blocks := b.doc.Blocks[skip:]
	c := b.item(KindChecklist, b.rec.id, 1)
	c.Title = title
	c.Body = strings.TrimSpace(string(b.doc.Source[b.bodyStart(skip):]))
	b.rec.anchors[""] = c.ID
	group := ""
	var text []string
	var intro []mdparse.Block
	for _, bl := range blocks {
		switch bl.Kind {
		case mdparse.Heading:
			group = bl.Text
			b.anchor(bl.Text, c.ID)
			text = append(text, "", group)
		case mdparse.List:
			for _, it := range bl.Items() {
				step := ChecklistStep{Group: group, Text: it.Text}
				if md := stepMarkdown(b.doc.Source, it.Start); md != it.Text {
					step.Markdown = md
				}
				c.Steps = append(c.Steps, step)
				text = append(text, "- [ ] "+it.Text)
			}
		case mdparse.Paragraph:
			if len(c.Steps) == 0 && group == "" {
				intro = append(intro, bl)
			}
		}
	}
	c.Summary = cmp.Or(b.fm.Summary, firstSentence(intro))
	c.Text = strings.TrimSpace(strings.Join(text, "\n"))
	if len(c.Steps) == 0 {
		b.l.ps.add(b.file, 1, "checklist has no tasks; write each as a task-list bullet: - [ ] what to check")
	}
	b.rec.items = []Item{c}
}

// maxSynonymSet bounds the words of one synonym set (the largest bundled
// set has 52).
const maxSynonymSet = 100

// maxSynonymSets bounds the sets of one pack (157 bundled): a word opens
// every set it is in, and 50,000 sets holding "refund" made a search for
// it take a minute.
const maxSynonymSets = 1000

// synonyms reads synonyms.md: each bullet is one comma-separated set.
func (l *loader) synonyms(file string, doc *mdparse.Doc) []SynonymSet {
	var sets []SynonymSet
	for _, bl := range doc.Blocks {
		for _, it := range bl.Items() {
			var set SynonymSet
			for _, w := range strings.Split(it.Text, ",") {
				if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
					set = append(set, w)
				}
			}
			if len(set) < 2 {
				l.ps.add(file, it.Line, "a synonym set needs at least two words or phrases, separated by commas")
				continue
			}
			if len(sets) == maxSynonymSets {
				l.ps.add(file, it.Line, "more than %d synonym sets; the rest are left out: merge sets of words that mean the same", maxSynonymSets)
				return sets
			}
			if len(set) > maxSynonymSet {
				// Every word of a query opens its whole set: a set of
				// 200,000 words hung each search past a minute.
				l.ps.add(file, it.Line, "a synonym set holds %d words; at most %d fit: split it into sets of words that mean the same", len(set), maxSynonymSet)
				continue
			}
			sets = append(sets, set)
		}
	}
	return sets
}

// stepMarker is a list item's marker and task box at the start of its line.
var stepMarker = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?`)

// stepMarkdown is the markdown of the list item starting at start: the
// rest of its line, without the marker and box.
func stepMarkdown(src []byte, start int) string {
	if start < 0 || start > len(src) {
		return ""
	}
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	return strings.TrimSpace(stepMarker.ReplaceAllString(string(src[lineStart:start+end]), ""))
}
