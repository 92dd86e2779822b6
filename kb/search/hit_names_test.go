package search_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// A hit read from a kept index, before the library has loaded, shows
// what the loaded library would: the title as the note's name writes it
// ("Obsidian CLI", not "Obsidian cli") and the pack's name, not its id.
// Find showed "obsidian" under every row while the packs loaded.
func TestKeptIndexHitCarriesTitleCaseAndPackName(t *testing.T) {
	packs := t.TempDir()
	pack := filepath.Join(packs, "obsidian")
	os.MkdirAll(filepath.Join(pack, "en"), 0o755)
	os.WriteFile(filepath.Join(pack, "pack.toml"), []byte("id = \"obsidian\"\nname = \"Obsidian Help\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "en", "Obsidian CLI.md"), []byte("Obsidian CLI is a command line interface for Obsidian.\n\n## Install Obsidian CLI\n\nUpgrade first.\n"), 0o644)

	dir := filepath.Join(t.TempDir(), "index")
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if lib == nil {
		t.Fatal(err)
	}
	full, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	full.Close()

	ix, err := search.OpenCurrent(dir, state, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("OpenCurrent: %v", err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), search.Query{Text: "Obsidian CLI", NoGroup: true})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, h := range res.Hits {
		titles[h.Title] = true
		if h.Pack != "obsidian" || h.PackName != "Obsidian Help" {
			t.Errorf("hit %s: pack %q named %q, want obsidian named %q", h.ID, h.Pack, h.PackName, "Obsidian Help")
		}
	}
	if !titles["Obsidian CLI"] {
		t.Errorf("no hit titled %q from the kept index; got %v", "Obsidian CLI", titles)
	}
}
