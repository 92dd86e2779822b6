package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// writeNotesPack writes a folder of notes named name, one note with no
// heading of its own, so its title is its file name.
func writeNotesPack(t *testing.T, packsDir, name string) {
	t.Helper()
	dir := filepath.Join(packsDir, "obsidian", "en")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	toml := "id = \"obsidian\"\nname = \"" + name + "\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n"
	if err := os.WriteFile(filepath.Join(packsDir, "obsidian", "pack.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Obsidian CLI.md"), []byte("Obsidian CLI is a command line interface for Obsidian.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// While the packs load, Find answers from the kept index: its rows show
// the note's title as written and the pack's name, not "Obsidian cli"
// under "obsidian". When the library arrives the rows show its names at
// once (here the pack was renamed since the index was built), without a
// new key.
func TestFindRowsShowNamesWhileAndAfterPacksLoad(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	writeNotesPack(t, packsDir, "Obsidian Help")
	indexDir := filepath.Join(t.TempDir(), "index")
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packsDir)
	if lib == nil {
		t.Fatal(err)
	}
	built, err := search.Open(indexDir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	built.Close()
	ix, err := search.OpenCurrent(indexDir, state, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })

	p := newTestPoise(t, kb.NewLibrary()) // the packs have not loaded yet
	p.setSearcher(ix)
	typeQuery(t, p.find, "Obsidian CLI")
	rows := textIn(p.find.list)
	if !strings.Contains(rows, "Obsidian CLI\n") || !strings.Contains(rows, "Obsidian Help\n") {
		t.Fatalf("while loading, rows show:\n%s\nwant the title %q under the pack %q", rows, "Obsidian CLI", "Obsidian Help")
	}

	writeNotesPack(t, packsDir, "Obsidian Docs")
	renamed, err := kb.LoadLibrary(nil, packsDir)
	if renamed == nil {
		t.Fatal(err)
	}
	p.loadPacks = func() (*kb.Library, error) { return renamed, nil }
	var loaded atomic.Bool
	p.logf = func(format string, args ...any) {
		if strings.HasPrefix(format, "poise: packs loaded") {
			loaded.Store(true)
		}
	}
	p.started = fixedNow
	p.packsLoading = true
	p.loadLibrary(ix, packsDir, state, false)
	pump(t, p, func() bool { return loaded.Load() && !p.packsLoading })
	settle(p)
	pump(t, p, func() bool { return !p.find.running })
	if rows := textIn(p.find.list); !strings.Contains(rows, "Obsidian Docs\n") {
		t.Errorf("after the load, rows show:\n%s\nwant the pack's name %q", rows, "Obsidian Docs")
	}
}
