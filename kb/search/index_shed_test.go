package search_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Once indexed, the library's guides may shed their bodies: search still
// finds them by the words of their bodies and shows snippets of them (from
// what the index stores), refuses to index the light library, and takes
// in an edited file as before.
func TestShedBodiesKeepsSearchWhole(t *testing.T) {
	packs := t.TempDir()
	dir := filepath.Join(packs, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("parking.md", "# Parking\n\nWhere to park.\n\n## Visitors\n\nVisitors park by the zanzibar gate.\n")
	write("lunch.md", "# Lunch\n\nThe canteen opens at noon.\n")
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(t.TempDir(), lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	light := ix.ShedBodies(func(p *kb.Pack) bool { return !p.Builtin })
	if light == nil || !light.BodiesShed("notes") || ix.Library() != light {
		t.Fatal("the index does not answer for the light library")
	}
	if it, _ := light.Item("notes/parking#visitors"); it.Body != "" {
		t.Fatalf("body kept: %q", it.Body)
	}
	res, err := ix.Search(ctx, search.Query{Text: "zanzibar"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "notes/parking#visitors" || !strings.Contains(res.Hits[0].Snippet, "zanzibar") {
		t.Fatalf("hits = %+v, want the visitors section with its snippet", res.Hits)
	}
	if err := ix.UpdateLibrary(ctx, light, nil); !errors.Is(err, search.ErrShed) {
		t.Fatalf("indexing the light library: %v, want ErrShed", err)
	}
	write("lunch.md", "# Lunch\n\nThe canteen opens at quokka o'clock.\n")
	if err := ix.UpdateFiles(ctx, search.Packs{Dir: packs}, "notes", []string{"lunch.md"}); err != nil {
		t.Fatal(err)
	}
	for word, id := range map[string]string{"quokka": "notes/lunch", "zanzibar": "notes/parking#visitors"} {
		res, err := ix.Search(ctx, search.Query{Text: word})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != id || !strings.Contains(res.Hits[0].Snippet, word) {
			t.Errorf("%s after an edit: hits %+v, want %s with a snippet", word, res.Hits, id)
		}
	}
}
