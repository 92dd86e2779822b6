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

// A search of a kept index opened without its library reads the pack
// names from the record it opens by, not the per-file values kept for
// updates: on a 6,300-file vault reading those (5.5 MB) was a quarter of
// what "poise search" did. With that file gone, hits still carry names.
func TestKeptIndexNamesPacksWithoutItsValuesFile(t *testing.T) {
	packs := t.TempDir()
	pack := filepath.Join(packs, "obsidian")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "pack.toml"), []byte("id = \"obsidian\"\nname = \"Obsidian Help\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "Sync.md"), []byte("Sync keeps your vault the same on every device.\n"), 0o644)

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
	values, _ := filepath.Glob(filepath.Join(dir, "*", "poise-values"))
	if len(values) != 1 {
		t.Fatalf("values files %v, want one", values)
	}
	if err := os.Remove(values[0]); err != nil {
		t.Fatal(err)
	}

	ix, err := search.OpenCurrent(dir, state, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("OpenCurrent: %v", err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), search.Query{Text: "sync", NoGroup: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if h.PackName != "Obsidian Help" {
			t.Errorf("hit %s: pack named %q, want %q", h.ID, h.PackName, "Obsidian Help")
		}
	}
}

// The names recorded follow the packs an update in place adds, without
// the library loaded (Sync, as "poise search" does after packs changed).
func TestKeptIndexNamesPackAddedBySync(t *testing.T) {
	packs := t.TempDir()
	write := func(p, s string) {
		os.MkdirAll(filepath.Dir(filepath.Join(packs, p)), 0o755)
		if err := os.WriteFile(filepath.Join(packs, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("team/pack.toml", "id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n")
	write("team/guides/refunds.md", "---\ntitle: Refunds\n---\nA refund takes five days.\n")
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

	write("extra/pack.toml", "id = \"extra\"\nname = \"Extra Help\"\nversion = \"1.0.0\"\n")
	write("extra/guides/vouchers.md", "---\ntitle: Vouchers\n---\nWhen a voucher code fails.\n")
	state, err = kb.ScanLibrary(nil, packs, search.RecordedState(dir))
	if err != nil {
		t.Fatal(err)
	}
	up, err := search.OpenRecorded(dir, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := up.Sync(context.Background(), search.Packs{Dir: packs}, state); err != nil {
		t.Fatal(err)
	}
	up.Close()
	values, _ := filepath.Glob(filepath.Join(dir, "*", "poise-values"))
	for _, v := range values {
		os.Remove(v)
	}

	ix, err := search.OpenCurrent(dir, state, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("OpenCurrent: %v", err)
	}
	defer ix.Close()
	for q, want := range map[string]string{"voucher": "Extra Help", "refund": "Team"} {
		res, err := ix.Search(context.Background(), search.Query{Text: q, NoGroup: true})
		if err != nil || len(res.Hits) == 0 {
			t.Fatalf("search %q: %v, %v", q, res, err)
		}
		if got := res.Hits[0].PackName; got != want {
			t.Errorf("search %q: first hit's pack named %q, want %q", q, got, want)
		}
	}
}
