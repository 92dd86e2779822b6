package watch_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/watch"
)

// BenchmarkMyPackEditReachesSearch is a one-item edit in My pack, beside
// the built-in pack, from save to the edit being found: save the file,
// load My pack again, swap it into the library, update the index on disk
// (what Ctrl+S in the editor does: only the saved file is read again for
// search), then search for the new word. The target is under 200 ms.
func BenchmarkMyPackEditReachesSearch(b *testing.B) {
	packsDir := filepath.Join(b.TempDir(), "packs")
	m := mine.Open(packsDir)
	rel, err := m.Create(kb.KindTemplate, "Callback")
	if err != nil {
		b.Fatal(err)
	}
	lib, err := kb.LoadLibrary(content.FS, packsDir)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(b.TempDir(), lib, search.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	update := watch.IndexUpdate(ix, search.Packs{Builtin: content.FS, Dir: packsDir})
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		word := fmt.Sprintf("zebra%dq", i)
		src := fmt.Sprintf("---\ntitle: Callback\n---\nHi {{customer_name}}, I will call you about the %s today.\n", word)
		if err := m.Save(rel, []byte(src)); err != nil {
			b.Fatal(err)
		}
		r, err := watch.ReloadPack(lib, m.Dir())
		if err != nil {
			b.Fatal(err)
		}
		lib = r.Library
		if err := update(ctx, []watch.Job{{PackID: mine.ID, Files: []string{rel}, Kept: r.Kept}}); err != nil {
			b.Fatal(err)
		}
		res, err := ix.Search(ctx, search.Query{Text: word})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != "mine/templates/callback" {
			b.Fatalf("search for %s found %v", word, res.Hits)
		}
	}
}
