package textsearch

import (
	"context"
	"fmt"
	"testing"
)

// The word being typed is looked up in bodies as the most frequent words
// it starts; one of them found in a single short body ("SettingGroup" in
// a release note) must not outrank the pages titled with the word meant
// ("Settings") just because it is rare. On the obsidian-help vault "setti"
// put "Developers" (Fixed how SettingGroup renders…) first.
func TestRarePrefixWordDoesNotLead(t *testing.T) {
	e := rarePrefixIndex(t)
	for _, text := range []string{"setti", "settin"} {
		res, err := e.Search(context.Background(), Query{Text: text, NoFacets: true}, storedOnly{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID == "developers" {
			var ids []string
			for _, h := range res.Hits[:min(5, len(res.Hits))] {
				ids = append(ids, fmt.Sprintf("%s %.4f", h.ID, h.Score))
			}
			t.Errorf("%q: first hits %v, want a Settings page first", text, ids)
		}
	}
}

// rarePrefixIndex holds 30 Settings pages, 200 others whose bodies say
// settings, and one release note naming SettingGroup and SettingTab.
func rarePrefixIndex(t *testing.T) *Index {
	type page struct{ id, title, body string }
	var pages []page
	for i := range 30 {
		pages = append(pages, page{fmt.Sprintf("settings-%d", i), "Settings", fmt.Sprintf("View %d settings can be configured in View settings.", i)})
	}
	for i := range 200 {
		pages = append(pages, page{fmt.Sprintf("other-%d", i), fmt.Sprintf("Other page %d", i), "Notes, links and folders in your vault, with settings for each of them."})
	}
	pages = append(pages, page{"developers", "Developers", "Fixed how SettingGroup renders when used outside of a SettingTab."})
	c := &Corpus{Len: len(pages), Doc: func(i int) (string, Document) {
		p := pages[i]
		return p.id, Document{Title: p.title, Body: p.body, Kind: "guide"}
	}}
	e, err := BuildMemory(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}
