package kb

import "time"

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
