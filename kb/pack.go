package kb

import (
	"slices"
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
	// ReviewEvery is how often the pack's content is due for review; zero
	// when pack.toml does not say (DefaultReviewEvery applies).
	ReviewEvery Period `json:",omitzero"`
	ReviewedBy  string
	License     string
	Homepage    string // an http(s) address, or ""
	// MinPoise is the oldest Poise version that can read the pack, or "".
	MinPoise string
	// Overrides are ids of other packs' items that this pack's item of the
	// same folder and slug replaces in results.
	Overrides []string
	// Language is the language the pack is written in, a base code such
	// as "de"; "" lets Poise detect it per file. See docs/languages.md.
	Language string
	// Locale is the regional variety the pack is written in, such as
	// "en-US": one spelling and one way of writing dates and times for
	// the whole pack. "" when the pack does not say.
	Locale string
	// Layout is LayoutNotes for a folder of notes given a pack.toml by
	// poise pack import: loaded as a folder without one is (headings
	// become items, note-app syntax is read). "" is LayoutPack.
	Layout string `json:",omitempty"`
}

// The layouts of pack.toml's layout key.
const (
	LayoutPack  = "pack"  // folders by kind, as docs/pack-format.md describes
	LayoutNotes = "notes" // a plain folder of notes
)

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
	// Dir is the name of the pack's folder in the packs folder, for
	// LoadLibrary's packs ("" for the built-in pack and packs loaded
	// alone): what reloads one pack from disk.
	Dir string `json:"-"`
	// Notes is true for a plain folder of notes: no pack.toml (or one
	// written by poise pack import), headings become items and note-app
	// syntax is read. Its lint is best read summed up (Summarize).
	Notes bool `json:",omitempty"`
	// OriginalLinks are the links of this pack's override files that
	// name files of the original's pack, resolved by the library.
	OriginalLinks []OriginalLink `json:"-"`
	// Shed is true when the Body and Text of the pack's guides were left
	// out to save memory (Library.WithoutBodies); LoadBody reads them.
	Shed bool `json:"-"`
	// names is the lookup of a plain folder's note names, for reading a
	// note's body back (Pack.LoadBodies).
	names *noteNames
}

// Library is the set of installed packs that Poise searches and shows.
type Library struct {
	Packs []*Pack
	byID  map[string]*Item
	// replaces maps an item to the other pack's item it stands in for.
	replaces map[string]string
	// given are the packs as NewLibrary was given them, replaced items
	// included, so WithPack can build the library again with one pack
	// swapped and an override that went away brings its original back.
	given []*Pack
	// originals are the items other packs replace, by id, so "show the
	// original" can still render them.
	originals map[string]*Item
	// originalLinks are the resolved OriginalLinks of every pack, by the
	// id of the item they sit in.
	originalLinks map[string][]Link
}

// NewLibrary indexes the items of packs by id. Later packs win over earlier
// ones on the same id. A pack's manifest overrides take the named items of
// other packs (with their sections and options) out of the library, so
// only the pack's own item of the same folder and slug is found.
func NewLibrary(packs ...*Pack) *Library {
	n := 0
	for _, p := range packs {
		n += len(p.Items)
	}
	// Sized once: grown from empty, the map of a vault's 55,000 items
	// was rehashed a dozen times while the index build waited for it.
	lib := &Library{byID: make(map[string]*Item, n), replaces: map[string]string{}, given: slices.Clone(packs), originals: map[string]*Item{}}
	hidden := map[string]string{} // replaced id → the pack replacing it
	for _, p := range packs {
		for _, o := range p.Manifest.Overrides {
			_, rest, _ := strings.Cut(o, "/")
			hidden[o] = p.Manifest.ID
			lib.replaces[p.Manifest.ID+"/"+rest] = o
		}
	}
	for _, p := range packs {
		if len(hidden) > 0 {
			p = withoutReplaced(p, hidden, lib.originals)
		}
		lib.Packs = append(lib.Packs, p)
		for i := range p.Items {
			lib.byID[p.Items[i].ID] = &p.Items[i]
		}
	}
	lib.resolveOriginalLinks()
	return lib
}

// withoutReplaced returns p, or a copy of it without the items other packs
// replace, which it records in originals.
func withoutReplaced(p *Pack, hidden map[string]string, originals map[string]*Item) *Pack {
	gone := func(it Item) bool {
		base, _, _ := strings.Cut(it.ID, "#")
		by, ok := hidden[base]
		return ok && by != p.Manifest.ID
	}
	if !slices.ContainsFunc(p.Items, gone) {
		return p
	}
	for i := range p.Items {
		if gone(p.Items[i]) {
			it := &p.Items[i]
			originals[it.ID] = it
			// The file's first item also answers for the file as a whole.
			if base, _, _ := strings.Cut(it.ID, "#"); originals[base] == nil {
				originals[base] = it
			}
		}
	}
	cp := *p
	cp.Items = slices.DeleteFunc(slices.Clone(p.Items), gone)
	return &cp
}

// Original returns the item that the item id stands in for through its
// pack's overrides (the same fragment of the replaced item: for
// "mine/statements/angry#3", "builtin/statements/angry#3", or the first
// item of the replaced file when it has no such fragment). It is out of
// search and the browse screens, but a person may still ask to see it.
func (l *Library) Original(id string) (*Item, bool) {
	replaced, ok := l.Replaces(id)
	if !ok {
		return nil, false
	}
	if _, frag, found := strings.Cut(id, "#"); found {
		if it, ok := l.originals[replaced+"#"+frag]; ok {
			return it, true
		}
	}
	it, ok := l.originals[replaced]
	return it, ok
}

// WithPack is the library with p in place of the pack of the same id (or
// added, in id order after the built-in pack), as NewLibrary makes it, so
// overrides p adds or drops take effect. Reloading one pack this way costs
// its own load, not the whole library's.
func (l *Library) WithPack(p *Pack) *Library {
	packs := make([]*Pack, 0, len(l.given)+1)
	added := false
	for _, q := range l.given {
		switch {
		case q.Manifest.ID == p.Manifest.ID:
			packs = append(packs, p)
			added = true
			continue
		case !added && !q.Builtin && q.Manifest.ID > p.Manifest.ID:
			packs = append(packs, p)
			added = true
		}
		packs = append(packs, q)
	}
	if !added {
		packs = append(packs, p)
	}
	return NewLibrary(packs...)
}

// Pack returns the pack with the given id as it was loaded, with the
// items other packs replace still in it.
func (l *Library) Pack(id string) (*Pack, bool) {
	for _, p := range l.given {
		if p.Manifest.ID == id {
			return p, true
		}
	}
	return nil, false
}

// Replaces returns the id of the other pack's item that the item id stands
// in for, through its pack's overrides.
func (l *Library) Replaces(id string) (string, bool) {
	base, _, _ := strings.Cut(id, "#")
	r, ok := l.replaces[base]
	return r, ok
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
