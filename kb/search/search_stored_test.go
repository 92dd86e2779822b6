package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// With the guides' bodies shed, a hit's snippet comes from what the index
// keeps, and it is read back only for the hits the grouped search keeps:
// it fetches groupFetch times the page, and the hits of situations past a
// full page are dropped without reading them back. Every hit kept still
// shows its snippet.
func TestShedHitsReadBackOnlyWhenKept(t *testing.T) {
	packs := t.TempDir()
	dir := filepath.Join(packs, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	const files = 30
	for i := range files {
		text := fmt.Sprintf("# Gate %d\n\nVisitors park by the zanzibar gate number %d.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gate-%02d.md", i)), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.TempDir(), lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if light := ix.ShedBodies(func(p *kb.Pack) bool { return !p.Builtin }); light == nil || !light.BodiesShed("notes") {
		t.Fatal("the notes pack's bodies were not shed")
	}

	before := storedReads.Load()
	res, err := ix.Search(context.Background(), Query{Text: "zanzibar gate", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	reads := storedReads.Load() - before
	kept := 0
	check := func(h Hit) {
		kept++
		if !strings.Contains(h.Snippet, "zanzibar") {
			t.Errorf("%s: snippet %q, want the section's text", h.ID, h.Snippet)
		}
		if h.Title == "" || h.Kind != kb.KindGuide || h.Pack != "notes" {
			t.Errorf("%s: %+v, want the library's title, kind and pack", h.ID, h)
		}
	}
	for _, h := range res.Hits {
		check(h)
		for _, m := range h.More {
			check(m)
		}
	}
	if res.Total < files || kept >= groupFetch*5 {
		t.Fatalf("%d found, %d kept: the test needs hits dropped by grouping", res.Total, kept)
	}
	if reads != int64(kept) {
		t.Errorf("%d documents read back from the index for %d hits kept of %d found", reads, kept, res.Total)
	}
}
