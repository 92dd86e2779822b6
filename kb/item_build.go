package kb

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/textcase"
	"github.com/poisehq/poise/kb/internal/mdparse"
	"github.com/poisehq/poise/kb/internal/placeholder"
)

// builder turns one parsed file into items. Each kind's layout lives in its
// own file (guide_build.go, matrix_build.go, …); this file holds what they share.
type builder struct {
	l    *loader
	rec  *fileRec
	doc  *mdparse.Doc
	fm   frontMatter
	file string
	lang string // the file's language, for its items
	tags []string
	// src is doc.Source as one string: the bodies of a file's items are
	// slices of it, so a file's text is held once, not once per item.
	src string
}

// item starts an item of the file with the front matter's common fields.
func (b *builder) item(kind Kind, id string, line int) Item {
	return Item{
		ID: id, Pack: b.l.id, Kind: kind,
		Tags: b.tags, Situations: b.fm.Situations, Emotions: b.fm.Emotions,
		Channels: b.fm.Channels, Category: b.fm.Category,
		Language: b.lang,
		Review:   b.fm.Review,
		Source:   Source{File: b.file, Line: line},
	}
}

// title is the front matter's title, else the text of a leading H1. skip is
// how many blocks the H1 took, so the intro does not repeat it.
func (b *builder) title() (title string, skip int) {
	if b.fm.Title != "" {
		return b.fm.Title, 0
	}
	if len(b.doc.Blocks) > 0 && b.doc.Blocks[0].Kind == mdparse.Heading && b.doc.Blocks[0].Level == 1 {
		return b.doc.Blocks[0].Text, 1
	}
	return "", 0
}

// requireTitle reports a missing title and returns the one to use meanwhile.
func (b *builder) requireTitle() (string, int) {
	t, skip := b.title()
	if t == "" {
		b.l.ps.add(b.file, 1, "missing title; add title: to the front matter (between --- lines at the top of the file)")
		t = b.nameTitle()
	}
	return t, skip
}

// nameTitle is the title of a file that gives none: its name as written,
// so "Obsidian CLI.md" is "Obsidian CLI" and "late-delivery.md" "Late
// delivery" (the id is lower case), or the words of its front matter id.
func (b *builder) nameTitle() string {
	name := strings.TrimSpace(strings.TrimSuffix(path.Base(b.file), path.Ext(b.file)))
	if b.fm.ID != "" || name == "" || name == "." || name == "/" {
		return humanise(b.rec.id[strings.LastIndex(b.rec.id, "/")+1:])
	}
	return humanise(name)
}

// humanise turns a slug into words: "late-delivery" → "Late delivery".
func humanise(slug string) string {
	s := strings.ReplaceAll(strings.ReplaceAll(slug, "-", " "), "_", " ")
	if s == "" {
		return s
	}
	return textcase.UpperFirst(s)
}

// raw is the markdown source of blocks[from:to], as written.
func (b *builder) raw(blocks []mdparse.Block, from, to int) string {
	if from >= to || from >= len(blocks) {
		return ""
	}
	start := blocks[from].Start
	end := len(b.doc.Source)
	if to < len(blocks) {
		end = blocks[to].Start
	}
	if start > end {
		return ""
	}
	return strings.TrimSpace(b.src[start:end])
}

// plain is the plain text of blocks, a blank line apart.
func plain(blocks []mdparse.Block) string {
	var parts []string
	for _, bl := range blocks {
		if bl.Text != "" {
			parts = append(parts, bl.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

// firstSentence is a one-line summary from the first paragraph of blocks.
func firstSentence(blocks []mdparse.Block) string {
	for _, bl := range blocks {
		if bl.Kind != mdparse.Paragraph || bl.Text == "" {
			continue
		}
		return firstSentenceOf(bl.Text)
	}
	return ""
}

// firstSentenceOf is the first sentence of oneLine(s): up to the first '.', '!'
// or '?' past its 21st byte that a space follows, all of it when there is
// none. It reads s only as far as that sentence, a word at a time, rather
// than making all of s one line first (most of the CPU making summaries
// took, for the first paragraphs of a vault's sections).
func firstSentenceOf(s string) string {
	n := 0             // length of oneLine(s[:at])
	first, at := -1, 0 // where the first word starts; where reading is
	clean := true      // s[first:at] is oneLine(s[:at]): one space between words
	for at < len(s) {
		// The next word, s[start:end], after the white space before it.
		start := at
		for start < len(s) {
			r, size := utf8.DecodeRuneInString(s[start:])
			if !unicode.IsSpace(r) {
				break
			}
			start += size
		}
		if start == len(s) {
			break
		}
		end := start
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		if first < 0 {
			first = start
		} else {
			clean = clean && start == at+1 && s[at] == ' '
			n++
		}
		n += end - start
		at = end
		if c := s[end-1]; (c == '.' || c == '!' || c == '?') && n-1 > 20 && hasWord(s[end:]) {
			if clean {
				return s[first:end]
			}
			return oneLine(s[:end])
		}
	}
	if first < 0 {
		return ""
	}
	if clean {
		return s[first:at]
	}
	return oneLine(s)
}

// hasWord reports whether s has anything but white space.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) >= 0
}

// oneLine is s with every run of white space one space, and none at its
// ends: strings.Join(strings.Fields(s), " "), which copied the text of
// every item to make its summary even when it was one line already.
func oneLine(s string) string {
	prevSpace := true
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// sections splits blocks at headings of level <= maxLevel. The first part is
// the text before the first such heading; each later part starts with its heading.
// The parts share blocks' memory (capped, so appending to one copies it):
// copying every block was a twentieth of what loading a vault allocated.
func sections(blocks []mdparse.Block, maxLevel int) (intro []mdparse.Block, secs [][]mdparse.Block) {
	start := -1 // of the current section; -1 in the intro
	for i := range blocks {
		if bl := &blocks[i]; bl.Kind != mdparse.Heading || bl.Level > maxLevel {
			continue
		}
		if start < 0 {
			intro = blocks[:i:i]
		} else {
			secs = append(secs, blocks[start:i:i])
		}
		start = i
	}
	if start < 0 {
		return blocks[:len(blocks):len(blocks)], nil
	}
	return intro, append(secs, blocks[start:len(blocks):len(blocks)])
}

// checkPlaceholders reports malformed placeholders in text, which starts at
// byte offset off of the file when exact, or is placed at line when off < 0.
func (b *builder) checkPlaceholders(text string, off, line int) []placeholder.Token {
	toks, probs := placeholder.Scan(text, b.l.plain)
	if b.l.plain {
		// Notes show template syntax in code ("write {{date:YYYY}}"): only
		// what is written as text is a field; and a note with no field is
		// just a note, whatever braces it holds.
		inCode := func(start int) bool { return off >= 0 && b.doc.InCode(off+start) }
		toks = slices.DeleteFunc(toks, func(t placeholder.Token) bool { return inCode(t.Start) })
		probs = slices.DeleteFunc(probs, func(p placeholder.Problem) bool { return len(toks) == 0 || inCode(p.Start) })
	}
	for _, p := range probs {
		at := line
		if off >= 0 {
			at = b.doc.Line(off + p.Start)
		}
		b.l.ps.addTo(GroupPlaceholder, b.file, at, "%s", p.Message)
	}
	return toks
}

// anchor registers the fragments a link may use for id: the slug Poise uses
// and the anchor Git hosts generate for the heading.
func (b *builder) anchor(heading, id string) {
	b.anchorSlug(heading, slugify(heading), id)
}

// anchorSlug is anchor for a heading whose slug is made already.
func (b *builder) anchorSlug(heading, slug, id string) {
	b.rec.anchors[slug] = id
	b.rec.anchors[githubAnchor(heading)] = id
}

// githubAnchor is the fragment GitHub and GitLab give a heading.
func githubAnchor(h string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		switch {
		case r == ' ':
			sb.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '’':
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// uniqueSlug makes heading slugs unique within a file the way Git hosts do:
// the second "Notes" is "notes-1".
func uniqueSlug(seen map[string]int, s string) string {
	if s == "" {
		s = "section"
	}
	n, ok := seen[s]
	seen[s] = n + 1
	if !ok {
		return s
	}
	return s + "-" + strconv.Itoa(n)
}

// unquote strips one pair of quotes around words to say.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"‘", "’"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// mergeTags is a note's front matter tags and then its inline #tags, each
// once (case aside). It stops past MaxFileTags, which the caller reports:
// looking each up in those before it costs the square of their number.
func mergeTags(front, inline []string) []string {
	if len(inline) == 0 || len(front) > MaxFileTags {
		return front
	}
	out := slices.Clip(front)
	for _, t := range inline {
		if len(out) > MaxFileTags {
			break
		}
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}
