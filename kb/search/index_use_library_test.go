package search

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
)

// UseLibrary gives an index a library read without its guides' bodies
// only when the index is current for the files that library was read
// from; for other files the library must be indexed.
func TestUseLibraryOnlyForTheIndexedFiles(t *testing.T) {
	packsDir := t.TempDir()
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# Alpha\n\nThe zanzibar gate.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packsDir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(t.TempDir(), lib, Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	light := lib.WithoutBodies(func(*kb.Pack) bool { return true })

	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("# Beta\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other, err := kb.ScanLibrary(nil, packsDir, state)
	if err != nil {
		t.Fatal(err)
	}
	if ix.UseLibrary(light, other) || ix.Library() != lib {
		t.Fatal("the index took a library of files it has not indexed")
	}
	if !ix.UseLibrary(light, state) || ix.Library() != light {
		t.Fatal("the index did not take the library of its files")
	}
	res, err := ix.Search(t.Context(), Query{Text: "zanzibar"})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].Title != "Alpha" || res.Hits[0].Snippet == "" {
		t.Errorf("search: %+v %v", res, err)
	}
}
