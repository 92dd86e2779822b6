package app

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/poisehq/poise/kb"
)

// languageLabel is the English name of the language code an item is
// written in, for a result or preview to show when it is not the reader's
// language: a vault kept in 35 languages has many pages and sections of
// the same title ("hotkeys" in English and in Khmer), which otherwise
// read the same. "" when the item is in the reader's language, has none,
// or the code is not one (a reader with no language set reads English).
func languageLabel(code, reader string) string {
	if reader == "" {
		reader = "en"
	}
	if code == "" || code == reader {
		return ""
	}
	tag, err := language.Parse(code)
	if err != nil {
		return ""
	}
	return display.English.Languages().Name(tag)
}

// itemPlace is what says where an item sits beyond its pack: the page a
// section is part of ("in Obsidian CLI") and its language when that is
// not the reader's.
func (p *poise) itemPlace(it *kb.Item) []string {
	var place []string
	if it.Parent != "" {
		if g, ok := p.lib.Item(it.Parent); ok && g.Title != "" {
			place = append(place, "in "+g.Title)
		}
	}
	if l := languageLabel(it.Language, readerLanguage()); l != "" {
		place = append(place, l)
	}
	return place
}
