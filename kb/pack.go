package kb

import (
	"strings"
	"time"
)

// Manifest is a pack's pack.toml.
type Manifest struct {
	ID          string
	Name        string
	Version     string
	Description string
	Authors     []string
	Reviewed    time.Time // zero when never reviewed
	ReviewedBy  string
	// Language is the language the pack is written in, a base code such
	// as "de"; "" lets Poise detect it per file. See docs/languages.md.
	Language string
	// Locale is the regional variety the pack is written in, such as
	// "en-US": one spelling and one way of writing dates and times for
	// the whole pack. "" when the pack does not say.
	Locale string
}

// SynonymSet is a group of words or phrases that mean the same to a
// customer. It is a plain []string so the library's sets go to the text
// engine (and to the journal) as they are.
type SynonymSet = []string

// Pack is a loaded pack: its manifest, items and synonyms.
type Pack struct {
	Manifest Manifest
	Items    []Item
	Synonyms []SynonymSet
	// Builtin is true for the pack bundled with Poise.
	Builtin bool
}

// Library is the set of installed packs that Poise searches and shows.
type Library struct {
	Packs []*Pack
	byID  map[string]*Item
}

// NewLibrary indexes the items of packs by id. Later packs win over earlier
// ones on the same id, so a team's pack can override built-in items.
func NewLibrary(packs ...*Pack) *Library {
	lib := &Library{Packs: packs, byID: map[string]*Item{}}
	for _, p := range packs {
		for i := range p.Items {
			lib.byID[p.Items[i].ID] = &p.Items[i]
		}
	}
	return lib
}

// Item returns the item with the given id.
func (l *Library) Item(id string) (*Item, bool) {
	it, ok := l.byID[id]
	return it, ok
}

// Items calls fn for every item of every pack, in pack order.
func (l *Library) Items(fn func(*Item)) {
	for _, p := range l.Packs {
		for i := range p.Items {
			fn(&p.Items[i])
		}
	}
}

// Synonyms returns the synonym sets of all packs together.
func (l *Library) Synonyms() []SynonymSet {
	var all []SynonymSet
	for _, p := range l.Packs {
		all = append(all, p.Synonyms...)
	}
	return all
}

// PackOf is the pack id an item id starts with ("builtin" for
// "builtin/matrix/late-delivery").
func PackOf(itemID string) string {
	pack, _, _ := strings.Cut(itemID, "/")
	return pack
}

// Locale is the locale of the pack with the given id ("" when it has none or
// is not in the library), for writing computed template fields in its voice.
func (l *Library) Locale(packID string) string {
	for _, p := range l.Packs {
		if p.Manifest.ID == packID {
			return p.Manifest.Locale
		}
	}
	return ""
}
