package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

var builtinFS = fstest.MapFS{
	"pack.toml":   {Data: []byte("id = \"builtin\"\nname = \"Essentials\"\nversion = \"1.0.0\"\n")},
	"guides/a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
}

func TestLoadLibrary(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "acme"), map[string]string{
		"pack.toml":   manifest,
		"guides/b.md": "---\ntitle: B\n---\nText.\n",
	})
	writeInto(t, filepath.Join(packs, "broken"), map[string]string{
		"pack.toml":   "id = \"broken\"\nname = \"Broken\"\nversion = \"1.0.0\"\n",
		"guides/c.md": "---\ntitle: C\n---\nText.\n",
		"guides/d.md": "No title.\n",
	})
	writeInto(t, filepath.Join(packs, "impostor"), map[string]string{
		"pack.toml": "id = \"builtin\"\nname = \"Not really\"\nversion = \"1.0.0\"\n",
	})
	writeInto(t, filepath.Join(packs, ".staging"), map[string]string{"pack.toml": "broken"})

	lib, err := kb.LoadLibrary(builtinFS, packs)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0].File != "guides/d.md" {
		t.Errorf("error = %v, want the broken pack's one problem", err)
	}
	if !errors.Is(err, kb.ErrReservedID) || !strings.Contains(err.Error(), "impostor") {
		t.Errorf("error = %v, want it to refuse the pack that takes the built-in id", err)
	}
	var ids []string
	for _, p := range lib.Packs {
		ids = append(ids, p.Manifest.ID)
	}
	if got := strings.Join(ids, " "); got != "builtin acme broken" {
		t.Errorf("packs = %s, want builtin acme broken", got)
	}
	if !lib.Packs[0].Builtin || lib.Packs[1].Builtin {
		t.Error("only the first pack should be marked built-in")
	}
	for _, id := range []string{"builtin/guides/a", "acme/guides/b", "broken/guides/c"} {
		if _, ok := lib.Item(id); !ok {
			t.Errorf("library has no item %s", id)
		}
	}
}

func TestLoadLibraryWithoutPacksDir(t *testing.T) {
	lib, err := kb.LoadLibrary(builtinFS, filepath.Join(t.TempDir(), "packs"))
	if err != nil {
		t.Fatalf("LoadLibrary: %v", err)
	}
	if len(lib.Packs) != 1 {
		t.Errorf("got %d packs, want only the built-in one", len(lib.Packs))
	}
}

func writeInto(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	src := writePack(t, files)
	if err := copyDir(src, dir); err != nil {
		t.Fatal(err)
	}
}

func TestLoadLibraryWithoutBuiltin(t *testing.T) {
	packs := t.TempDir()
	for _, id := range []string{"zeta", "alpha"} {
		writeInto(t, filepath.Join(packs, id), map[string]string{
			"pack.toml":   "id = \"" + id + "\"\nname = \"P\"\nversion = \"1.0.0\"\n",
			"guides/a.md": "---\ntitle: A\n---\nText.\n",
		})
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatalf("LoadLibrary: %v", err)
	}
	if len(lib.Packs) != 2 || lib.Packs[0].Manifest.ID != "alpha" || lib.Packs[0].Builtin {
		t.Errorf("packs = %v, want alpha then zeta, neither built-in", lib.Packs)
	}
}

// A pack folder linked into the packs folder loads when the link leads
// inside the home folder, and is refused with the reason when it does not.
func TestLoadLibraryFollowsLinkedPacks(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	data := t.TempDir()
	packs := filepath.Join(data, "packs")
	writeInto(t, filepath.Join(home, "Documents", "team"), map[string]string{"how-to.md": "# How to\n\nText.\n"})
	writeInto(t, filepath.Join(t.TempDir(), "elsewhere"), map[string]string{"x.md": "# X\n"})
	outside := t.TempDir()
	writeInto(t, outside, map[string]string{"x.md": "# X\n"})
	if err := os.MkdirAll(packs, 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"team": filepath.Join(home, "Documents", "team"), "etc": outside} {
		if err := os.Symlink(target, filepath.Join(packs, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if _, ok := lib.Item("team/how-to"); !ok {
		t.Errorf("the linked pack in the home folder was not loaded (err %v)", err)
	}
	if err == nil || !strings.Contains(err.Error(), "outside your home folder") || len(lib.Packs) != 1 {
		t.Errorf("err = %v, packs = %d; want the link outside home refused with its reason", err, len(lib.Packs))
	}
}

// A load tells of every markdown file it parses from an installed pack's
// folder, so a person waiting on a large one sees a count: one call per
// file (the built-in pack and pack.toml not counted), none for a pack read
// as kept.
func TestLoadLibraryKeptCountsFilesLoaded(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "acme"), map[string]string{
		"pack.toml":   manifest,
		"guides/b.md": "---\ntitle: B\n---\nText.\n",
		"guides/c.md": "---\ntitle: C\n---\nText.\n",
	})
	writeInto(t, filepath.Join(packs, "notes"), map[string]string{
		"one.md":       "# One\n\nText.\n",
		"two.md":       "# Two\n\nText.\n",
		"sub/three.md": "# Three\n\nText.\n",
	})
	st, err := kb.ScanLibrary(builtinFS, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded := 0
	if _, err := kb.LoadLibraryKept(builtinFS, packs, kb.Kept{State: st, FileLoaded: func() { loaded++ }}); err != nil {
		t.Fatal(err)
	}
	if loaded != 5 {
		t.Errorf("FileLoaded was called %d times, want 5 (the installed packs' markdown files)", loaded)
	}

	// Kept, the notes pack is read from the store: its files are not loaded.
	store := t.TempDir()
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	notes, _ := lib.Pack("notes")
	i := slices.IndexFunc(st.Packs, func(ps kb.PackState) bool { return ps.Dir == "notes" })
	if err := kb.StorePackShedding(store, notes, st.Packs[i], nil); err != nil {
		t.Fatal(err)
	}
	loaded = 0
	if _, err := kb.LoadLibraryKept(builtinFS, packs, kb.Kept{Dir: store, State: st, FileLoaded: func() { loaded++ }}); err != nil {
		t.Fatal(err)
	}
	if loaded != 2 {
		t.Errorf("with the notes pack kept, FileLoaded was called %d times, want 2 (acme's files)", loaded)
	}
}
