package packs

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/poisehq/poise/kb"
)

// Change is one item an update adds, rewrites or removes.
type Change struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Kind  kb.Kind `json:"kind"`
	// Old and New are short content hashes; Old is "" for an added item
	// and New is "" for a removed one.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// Changes is what an update does to a pack's items, each list sorted by id.
type Changes struct {
	Added   []Change `json:"added"`
	Changed []Change `json:"changed"`
	Removed []Change `json:"removed"`
}

// Empty reports whether no item changes.
func (c Changes) Empty() bool { return len(c.Added)+len(c.Changed)+len(c.Removed) == 0 }

// diffItems compares the items of two versions of a pack by id and
// content hash; old may be nil for a first install.
func diffItems(old, new *kb.Pack) Changes {
	before := map[string]*kb.Item{}
	if old != nil {
		for i := range old.Items {
			before[old.Items[i].ID] = &old.Items[i]
		}
	}
	c := Changes{Added: []Change{}, Changed: []Change{}, Removed: []Change{}}
	seen := map[string]bool{}
	for i := range new.Items {
		it := &new.Items[i]
		seen[it.ID] = true
		h := ItemHash(it)
		prev, ok := before[it.ID]
		switch {
		case !ok:
			c.Added = append(c.Added, Change{ID: it.ID, Title: it.Title, Kind: it.Kind, New: h})
		case ItemHash(prev) != h:
			c.Changed = append(c.Changed, Change{ID: it.ID, Title: it.Title, Kind: it.Kind, Old: ItemHash(prev), New: h})
		}
	}
	for id, it := range before {
		if !seen[id] {
			c.Removed = append(c.Removed, Change{ID: id, Title: it.Title, Kind: it.Kind, Old: ItemHash(it)})
		}
	}
	for _, l := range []*[]Change{&c.Added, &c.Changed, &c.Removed} {
		slices.SortFunc(*l, func(a, b Change) int { return cmp.Compare(a.ID, b.ID) })
	}
	return c
}

// ItemHash is a short hash of what an item says and does, leaving out
// where in its file it sits (a line moving is not a change).
func ItemHash(it *kb.Item) string {
	cp := *it
	cp.Source = kb.Source{}
	b, err := json.Marshal(cp)
	if err != nil {
		panic(err) // plain data
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// countKinds counts a pack's items by kind; guide sections count as guides.
func countKinds(p *kb.Pack) map[kb.Kind]int {
	n := map[kb.Kind]int{}
	for i := range p.Items {
		n[p.Items[i].Kind]++
	}
	return n
}
