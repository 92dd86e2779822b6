package kb

import (
	"slices"
	"unsafe"
)

// compactItems lays out the items of a kept pack read back (p) the way
// they are used, once decoded: for as long as the app runs they are the
// largest thing it holds (about 45 MB of heap for the issue 10 vault's
// 55,000 items).
//
// Decoding gives every item its own copy of every string: its pack, kind,
// file and language, the ids its parent, sections and links name, and the
// links' targets as written (15,900 different ones among 46,000). Here
// each is kept once, as a load from the files has them, and every string
// the items keep is copied into a few large blocks, as are their lists of
// sections, tags, aliases and links: decoding left them in some 300,000 small objects spread over
// the heap's pages among the decoder's garbage, and those pages stayed
// part used (15-20 MB of the heap reserved but holding nothing while the
// agent typed).
func compactItems(p *Pack) {
	var ar itemArena
	ids := make(map[string]string, len(p.Items))
	nStrings, nLinks := 0, 0
	for i := range p.Items {
		it := &p.Items[i]
		ids[it.ID] = ar.copy(it.ID)
		nStrings += len(it.Sections) + len(it.Tags) + len(it.Aliases)
		nLinks += len(it.Links)
	}
	other := map[string]string{}
	shared := func(s string) string { // a string met before, or kept for later
		if v, ok := other[s]; ok {
			return v
		}
		v := ar.copy(s)
		other[s] = v
		return v
	}
	id := func(s string) string {
		if v, ok := ids[s]; ok {
			return v
		}
		return shared(s)
	}
	strs := make([]string, 0, nStrings)
	// list is the strings of l, each as keep makes it, in strs: capped, so
	// an append to one item's list copies it rather than writing over the
	// next item's.
	list := func(l []string, keep func(string) string) []string {
		if len(l) == 0 {
			return l
		}
		start := len(strs)
		for _, s := range l {
			strs = append(strs, keep(s))
		}
		return strs[start:len(strs):len(strs)]
	}
	links := make([]Link, 0, nLinks)
	for i := range p.Items {
		it := &p.Items[i]
		it.ID = ids[it.ID]
		it.Pack = p.Manifest.ID
		if k := slices.Index(Kinds, it.Kind); k >= 0 {
			it.Kind = Kinds[k]
		}
		it.Title = shared(it.Title)
		it.Summary = ar.copy(it.Summary)
		it.Source.File = shared(it.Source.File)
		it.Language = shared(it.Language)
		it.Parent = id(it.Parent)
		it.Sections = list(it.Sections, id)
		it.Tags = list(it.Tags, shared)
		it.Aliases = list(it.Aliases, ar.copy)
		if len(it.Links) > 0 {
			start := len(links)
			for _, l := range it.Links {
				links = append(links, Link{Href: shared(l.Href), Target: id(l.Target)})
			}
			it.Links = links[start:len(links):len(links)]
		}
	}
}

// itemArenaBlock is the size of each block itemArena copies strings into.
const itemArenaBlock = 1 << 20

// itemArena holds copies of strings in large blocks. A block is never
// written again where a string was copied to, so the strings made from it
// stay as they were; a block lives as long as any of its strings does.
type itemArena struct {
	block []byte
}

// copy is s, copied into the arena.
func (a *itemArena) copy(s string) string {
	if s == "" {
		return ""
	}
	if len(a.block)+len(s) > cap(a.block) {
		a.block = make([]byte, 0, max(itemArenaBlock, len(s)))
	}
	start := len(a.block)
	a.block = append(a.block, s...)
	return unsafe.String(&a.block[start], len(s))
}
