package kb

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unsafe"
)

// A kept pack is read back only for the files it was kept for: a file
// edited, added or unread since makes the pack load from its files.
func TestStoredPackOnlyForItsFiles(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# Alpha\n\nFirst.\n\n## One\n\nSee [[gone]].\n")
	write("b.md", "# Beta\n\nSecond.\n")
	state, err := ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var problems []Problem
	lib, _ := LoadLibraryKept(nil, packsDir, Kept{Loaded: func(p *Pack, ps []Problem, kept bool) {
		if kept {
			t.Error("read as kept with nothing kept")
		}
		problems = ps
	}})
	light := lib.WithoutBodies(func(*Pack) bool { return true })
	pk, _ := light.Pack("notes")
	store := filepath.Join(t.TempDir(), "kept")
	if err := StorePack(store, pk, state.Packs[0], problems); err != nil {
		t.Fatal(err)
	}
	full, _ := lib.Pack("notes")
	if err := StorePack(store, full, state.Packs[0], nil); err == nil {
		t.Error("a pack with its bodies was kept")
	}

	var fromKept bool
	got, err := LoadLibraryKept(nil, packsDir, Kept{Dir: store, State: state, Loaded: func(p *Pack, ps []Problem, kept bool) {
		fromKept = kept
		if len(ps) != 1 {
			t.Errorf("kept problems %v, want the broken link", ps)
		}
	}})
	var pe *ProblemsError
	if !fromKept || !errors.As(err, &pe) || len(pe.Problems) != 1 {
		t.Fatalf("kept %v, err %v: want the kept pack and its problem", fromKept, err)
	}
	it, ok := got.Item("notes/a#one")
	if !ok || it.Title != "One" || it.Body != "" || !got.BodiesShed("notes") {
		t.Fatalf("kept item %+v", it)
	}
	// One copy of each id and file name, as a load from the files has.
	guide, _ := got.Item("notes/a")
	if unsafe.StringData(it.Parent) != unsafe.StringData(guide.ID) || unsafe.StringData(guide.Sections[0]) != unsafe.StringData(it.ID) ||
		unsafe.StringData(it.Source.File) != unsafe.StringData(guide.Source.File) {
		t.Error("the kept items hold a copy of a string per item")
	}

	write("b.md", "# Beta\n\nSecond, edited.\n")
	edited, err := ScanLibrary(nil, packsDir, state)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := StoredPack(store, edited.Packs[0]); !errors.Is(err, ErrNotStored) {
		t.Errorf("an edited pack reads as kept: %v", err)
	}
	unread := state.Packs[0]
	unread.Files = append([]FileState(nil), unread.Files...)
	unread.Files[0].Hash = ""
	if _, _, err := StoredPack(store, unread); !errors.Is(err, ErrNotStored) {
		t.Errorf("a pack with an unread file reads as kept: %v", err)
	}
	// A pack removed: its copy goes, the others' stay.
	PruneStoredPacks(store, []string{"other"})
	if _, err := os.Stat(storedPackPath(store, "notes")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy of a pack no longer there stays: %v", err)
	}
	if err := StorePack(store, pk, state.Packs[0], problems); err != nil {
		t.Fatal(err)
	}
	PruneStoredPacks(store, []string{"notes"})
	if _, _, err := StoredPack(store, state.Packs[0]); err != nil {
		t.Errorf("pruning removed the copy of a pack still there: %v", err)
	}
	if err := os.WriteFile(storedPackPath(store, "notes"), []byte("not gob"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := StoredPack(store, state.Packs[0]); !errors.Is(err, ErrNotStored) {
		t.Errorf("a damaged kept file: %v", err)
	}
}

// FuzzStoredPack: a kept pack's file is read at every start, and anything
// may have been written over it; a damaged one is never served, and never
// stops the start.
func FuzzStoredPack(f *testing.F) {
	store := f.TempDir()
	st := PackState{Dir: "notes", Files: []FileState{{Path: "a.md", Size: 3, Hash: "h"}}}
	pk := &Pack{Manifest: Manifest{ID: "notes"}, Dir: "notes", Shed: true, Items: []Item{{ID: "notes/a", Pack: "notes", Kind: KindGuide, Title: "A"}}}
	if err := StorePack(store, pk, st, []Problem{{File: "a.md", Line: 1, Message: "m"}}); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(storedPackPath(store, "notes"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(storedPackPath(dir, "notes"), b, 0o600); err != nil {
			t.Fatal(err)
		}
		p, _, err := StoredPack(dir, st)
		if err == nil && (p == nil || !p.Shed || p.Dir != "notes") {
			t.Fatalf("served %+v", p)
		}
	})
}

// A kept pack whose files changed since is read with only those files
// parsed again: a note edited while Poise was closed costs that note.
func TestStoredPackUpdatedReadsOnlyChangedFiles(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# Alpha\n\nFirst. See [[gone]].\n")
	write("b.md", "# Beta\n\nSecond.\n")
	state, err := ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := LoadLibrary(nil, packsDir)
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("load: %v", err)
	}
	light := lib.WithoutBodies(func(*Pack) bool { return true })
	pk, _ := light.Pack("notes")
	store := filepath.Join(t.TempDir(), "kept")
	if err := StorePack(store, pk, state.Packs[0], pe.Problems); err != nil {
		t.Fatal(err)
	}

	// b.md changes so that only reading it shows (same size and time);
	// a.md is edited and fixed.
	info, _ := os.Stat(filepath.Join(dir, "b.md"))
	write("b.md", "# Bzta\n\nSecond.\n")
	if err := os.Chtimes(filepath.Join(dir, "b.md"), info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	write("a.md", "# Alpha\n\nFirst, fixed. See [[b]].\n")
	now, err := ScanLibrary(nil, packsDir, state)
	if err != nil {
		t.Fatal(err)
	}
	var fromKept bool
	got, err := LoadLibraryKept(nil, packsDir, Kept{Dir: store, State: now, Loaded: func(_ *Pack, _ []Problem, k bool) { fromKept = k }})
	if err != nil || fromKept {
		t.Fatalf("err %v, read as kept %v: want the pack updated, fixed, to be kept again", err, fromKept)
	}
	if b, _ := got.Item("notes/b"); b == nil || b.Title != "Beta" {
		t.Errorf("b is %+v: a file that did not change was parsed", b)
	}
	a, _ := got.Item("notes/a")
	if a == nil || a.Body != "" || len(a.Links) != 1 || a.Links[0].Target != "notes/b" || !got.BodiesShed("notes") {
		t.Errorf("a is %+v, want the edit, its link resolved, without its body", a)
	}

	write("pack.toml", "id = \"notes\"\nname = \"Notes\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n")
	again, err := ScanLibrary(nil, packsDir, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := StoredPackUpdated(store, dir, again.Packs[0]); !errors.Is(err, ErrNotStored) {
		t.Errorf("a new pack.toml was settled from the kept pack: %v", err)
	}
}

// TestStorePackSheddingKeepsWhatStorePackKeeps checks a pack kept with its
// guides' bodies, left out as it is written, is the same file, byte for
// byte, as the pack without them (WithoutBodies) kept by StorePack, over
// more than one chunk of items, and leaves the pack it was given alone.
func TestStorePackSheddingKeepsWhatStorePackKeeps(t *testing.T) {
	packsDir := t.TempDir()
	dir := filepath.Join(packsDir, "notes")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for i := range keptChunk/2 + 10 { // two items a file: two chunks
		text := fmt.Sprintf("# Note %d\n\nBody of %d.\n\n## Part\n\nMore of %d, see [[gone]].\n", i, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%04d.md", i)), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	state, err := ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := LoadLibrary(nil, packsDir)
	full, _ := lib.Pack("notes")
	if len(full.Items) <= keptChunk {
		t.Fatalf("%d items, want more than one chunk", len(full.Items))
	}
	light, _ := lib.WithoutBodies(func(*Pack) bool { return true }).Pack("notes")
	problems := []Problem{{File: "n0000.md", Line: 7, Message: "m"}}

	stored, shed := filepath.Join(t.TempDir(), "kept"), filepath.Join(t.TempDir(), "kept")
	if err := StorePack(stored, light, state.Packs[0], problems); err != nil {
		t.Fatal(err)
	}
	if err := StorePackShedding(shed, full, state.Packs[0], problems); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(storedPackPath(stored, "notes"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(storedPackPath(shed, "notes"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("kept shedding: %d bytes, differ from the %d kept without bodies", len(got), len(want))
	}
	if full.Shed || full.Items[0].Body == "" {
		t.Error("the pack given lost its bodies")
	}
}
