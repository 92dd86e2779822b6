package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// While the packs load behind a Find screen that answers from the index,
// a result's preview says so and shows what the index holds, never an
// empty pane; once they have loaded without the large pack's bodies, the
// preview reads the body from the note's file, and Copy copies it.
func TestPreviewWhilePacksLoadAndBodiesFromDisk(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	note := "# Parking\n\nWhere to park.\n\n## Visitors\n\nVisitors park by the zanzibar gate, left of the barrier.\n"
	if err := os.WriteFile(filepath.Join(dir, "parking.md"), []byte(note), 0o600); err != nil {
		t.Fatal(err)
	}
	full, err := kb.LoadLibrary(nil, packsDir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.OpenMemory(full)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	store, err := packs.Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}

	p := newTestPoise(t, kb.NewLibrary()) // the packs have not loaded yet
	p.packs = store
	p.packsLoading = true
	p.setSearcher(ix)
	typeQuery(t, p.find, "zanzibar")
	if len(p.find.hits) == 0 || p.find.hits[0].ID != "notes/parking#visitors" {
		t.Fatalf("hits = %v", hitIDs(p.find))
	}
	p.find.preview.show(p.find.hits[0].ID)
	shown := textIn(p.find.preview.stack)
	if !strings.Contains(shown, "still loading") || !strings.Contains(shown, "Visitors") || !strings.Contains(shown, "zanzibar") {
		t.Fatalf("preview while loading shows %q, want the title, the snippet and that the packs are loading", shown)
	}
	if !p.find.preview.copyBtn.Disabled() {
		t.Error("Copy is offered before there is anything to copy")
	}

	// Loaded, with the folder pack's guides shedding their bodies.
	light := full.WithoutBodies(func(pk *kb.Pack) bool { return !pk.Builtin })
	if it, _ := light.Item("notes/parking#visitors"); it.Body != "" {
		t.Fatal("the body was kept")
	}
	p.setLibrary(light)
	p.packsLoading = false
	p.refreshPreview()
	shown = textIn(p.find.preview.stack)
	if strings.Contains(shown, "still loading") || !strings.Contains(shown, "left of the barrier") {
		t.Fatalf("preview once loaded shows %q, want the section's body read from its file", shown)
	}
	if p.find.preview.copyBtn.Disabled() {
		t.Error("Copy stays disabled once the item is there")
	}
	it, _ := p.item("notes/parking#visitors")
	got := p.withBody(it)
	if got.Text == "" || !p.isLibraryItem(got) || got == it {
		t.Errorf("withBody gave %+v, want the library's item with its text", got)
	}
	if p.withBody(it) != got {
		t.Error("the body is read from disk again for the same item")
	}
	// The note was read once for all its guides: its own item comes from
	// what was read with the section.
	whole, _ := p.item("notes/parking")
	if b, ok := p.bodies["notes/parking"]; !ok || b.light != whole || !strings.Contains(b.full.Body, "## Visitors") {
		t.Errorf("the note's body was not read with its section's: %+v", p.bodies)
	}
}
