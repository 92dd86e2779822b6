package app

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// A file saved in the editor while the packs still load behind the window
// stays as saved: the load, which read the file before the save, must not
// put the old text back into the library (preview) or search when it
// finishes.
func TestSaveWhilePacksLoadIsNotUndoneByTheLoad(t *testing.T) {
	b := mineBuiltin()
	packsDir := filepath.Join(t.TempDir(), "packs")
	store, err := packs.Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, kb.NewLibrary()) // the packs have not loaded yet
	p.packs, p.builtin = store, b
	rel, err := p.myPack().Create(kb.KindGuide, "Parking")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.myPack().Save(rel, []byte("---\ntitle: Parking\n---\nVisitors park by the north gate.\n")); err != nil {
		t.Fatal(err)
	}
	// What the load reads: the file before the save.
	before, err := store.LoadLibrary(b)
	if err != nil {
		t.Fatal(err)
	}
	state, err := kb.ScanLibrary(b, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(t.TempDir(), before, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	p.setSearcher(ix)

	read := make(chan struct{})
	p.loadPacks = func() (*kb.Library, error) {
		<-read // the save happens while the load is under way
		return before, nil
	}
	var loaded atomic.Bool
	p.logf = func(format string, args ...any) {
		if strings.HasPrefix(format, "poise: packs loaded") {
			loaded.Store(true)
		}
	}
	p.started = fixedNow // so the load logs when it is done
	p.packsLoading = true
	p.loadLibrary(ix, packsDir, state, false)

	// An agent reads a result while the packs load: the preview shows
	// what the index holds, and a save elsewhere must not empty it.
	typeQuery(t, p.find, "patiently")
	if len(p.find.hits) > 0 {
		p.find.preview.show(p.find.hits[0].ID)
	}
	if p.find.preview.id != "builtin/templates/thanks" || !strings.Contains(textIn(p.find.preview.stack), "still loading") {
		t.Fatalf("hits %v, preview %q", hitIDs(p.find), p.find.preview.id)
	}

	e := p.openEditor(rel)
	e.text.SetText("---\ntitle: Parking\n---\nVisitors park by the zanzibar gate.\n")
	e.save()
	pump(t, p, func() bool { return strings.Contains(e.status.Text, "search has it") })
	if p.find.preview.id != "builtin/templates/thanks" || !strings.Contains(textIn(p.find.preview.stack), "Thanks for waiting") {
		t.Errorf("saving while the packs load emptied the preview: %q shows %q", p.find.preview.id, textIn(p.find.preview.stack))
	}
	close(read)
	pump(t, p, func() bool { return loaded.Load() && !p.packsLoading })
	settle(p)
	// The saved file is read again once the load is in.
	pump(t, p, func() bool {
		it, _ := p.item("mine/guides/parking")
		return it != nil && strings.Contains(it.Text, "zanzibar") && finds(t, p, "zanzibar", "mine/guides/parking")
	})
	if it, _ := p.item("mine/guides/parking"); it == nil || !strings.Contains(it.Text, "zanzibar") {
		t.Fatalf("the library has the file as it was before the save: %+v", it)
	}
	res, err := ix.Search(context.Background(), search.Query{Text: "north"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.ID == "mine/guides/parking" {
			t.Fatal("search has the file as it was before the save")
		}
	}
}
