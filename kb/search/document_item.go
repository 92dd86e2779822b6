package search

import (
	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// itemDocument turns an item into what the index sees. Titles and what
// customers say rank above tags, and tags above body text.
func itemDocument(it *kb.Item) textsearch.Document {
	title := it.Title
	if it.Category != "" && (it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase) {
		// A bank's title ("When the customer is grieving") names what
		// each of its short statements is for.
		title = textsearch.JoinText(it.Title, it.Category)
	}
	if len(it.Aliases) > 0 { // other names of a note rank as its title does
		title = textsearch.JoinText(title, textsearch.JoinText(it.Aliases...))
	}
	signals := textsearch.JoinText(textsearch.JoinText(it.Signals...), textsearch.JoinText(it.Situations...))
	meta := textsearch.JoinText(textsearch.JoinText(it.Tags...), textsearch.JoinText(it.Emotions...))
	if it.Kind != kb.KindStatement && it.Kind != kb.KindPhrase {
		meta = textsearch.JoinText(meta, it.Category)
	}
	// The stored snippet texts (encodeHit) are made plain from the same
	// markdown: once is enough.
	plainText, plainBody := "", ""
	plain := func(md string) string {
		switch {
		case md == it.Text && plainText != "":
			return plainText
		case md == it.Body && plainBody != "":
			return plainBody
		}
		return textsearch.PlainText(md)
	}
	text := plain(it.Text)
	plainText = text
	body := ""
	if len(it.Sections) == 0 {
		// A guide's body holds its sections, which are items of their own
		// with those words: its own text (the intro) is enough, and the
		// words of a large library are analysed and stored once, not twice.
		body = plain(it.Body)
		plainBody = body
	}
	if body == text {
		body = ""
	}
	var extra []string
	if it.Phrase != nil {
		extra = append(extra, it.Phrase.InsteadOf)
		extra = append(extra, it.Phrase.Try...)
		extra = append(extra, it.Phrase.Why)
	}
	if it.Body == "" {
		// Kinds whose body the loader leaves empty still carry their words.
		for _, o := range it.Options {
			extra = append(extra, o.Title, textsearch.PlainText(o.Say))
		}
		for _, s := range it.Steps {
			extra = append(extra, s.Text)
		}
	}
	return textsearch.Document{
		Title:    title,
		Signals:  signals,
		Meta:     meta,
		Body:     textsearch.JoinText(it.Summary, text, body, textsearch.JoinText(extra...)),
		Kind:     string(it.Kind),
		Source:   it.Pack,
		Emotions: it.Emotions,
		Tags:     it.Tags,
		Lang:     it.Language,
		Stored:   encodeHit(it, plain),
	}
}
