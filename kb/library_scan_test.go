package kb_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
)

func TestScanLibrary(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "a"), map[string]string{"x.md": "# X\n\nOne.\n", "sub/y.md": "# Y\n"})
	writeInto(t, filepath.Join(packs, "b"), map[string]string{"z.md": "# Z\n", "notes.txt": "not read"})
	first, err := kb.ScanLibrary(builtinFS, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Packs) != 2 || len(first.Packs[0].Files) != 2 || len(first.Packs[1].Files) != 1 || first.Builtin == "" {
		t.Fatalf("state = %+v, want a (2 files), b (1 file) and the built-in hash", first)
	}
	again, _ := kb.ScanLibrary(builtinFS, packs, first)
	if again.Key() != first.Key() {
		t.Error("an unchanged library changed key")
	}

	// Same size and modification time: the previous hash is trusted and
	// the file not read, which is what makes a scan cheap.
	x := filepath.Join(packs, "a", "x.md")
	info, _ := os.Stat(x)
	if err := os.WriteFile(x, []byte("# X\n\nTwo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(x, info.ModTime(), info.ModTime())
	if s, _ := kb.ScanLibrary(builtinFS, packs, first); s.Key() != first.Key() {
		t.Error("a file with the same size and time was read again")
	}
	fresh, _ := kb.ScanLibrary(builtinFS, packs, nil)
	if fresh.Key() == first.Key() {
		t.Error("a full scan missed the changed content")
	}

	// A touched file is read; a new pack and a removed one are changes.
	later := info.ModTime().Add(time.Second)
	os.Chtimes(x, later, later)
	writeInto(t, filepath.Join(packs, "c"), map[string]string{"w.md": "# W\n"})
	os.RemoveAll(filepath.Join(packs, "b"))
	now, _ := kb.ScanLibrary(builtinFS, packs, first)
	dirs, builtin := now.ChangedPacks(first)
	if !slices.Equal(dirs, []string{"a", "b", "c"}) || builtin {
		t.Errorf("changed = %v, builtin %v; want a, b, c and not the built-in pack", dirs, builtin)
	}
	if dirs, builtin := now.ChangedPacks(now); len(dirs) != 0 || builtin {
		t.Errorf("a state differs from itself: %v %v", dirs, builtin)
	}
}

// Rescanning a few files gives the state a full scan gives, whatever the
// order names sort in.
func TestRescanFilesMatchesScan(t *testing.T) {
	packs := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(packs, "team", filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/b.md", "# B\n")
	write("a-c.md", "# C\n")
	write("z.md", "# Z\n")
	before, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	write("a/b.md", "# B changed\n")
	write("a/a.md", "# New\n")
	write("a-b.md", "# New too\n")
	os.Remove(filepath.Join(packs, "team", "z.md"))
	got, err := before.RescanFiles(packs, "team", []string{"a/b.md", "a/a.md", "a-b.md", "z.md", "notes.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key() != want.Key() {
		t.Errorf("rescanned files give\n%+v\na full scan\n%+v", got.Packs, want.Packs)
	}
}

// A scan steps through the previous state alongside the folder: with
// files added before, between and after those it knew, and others gone,
// each file it knew unchanged in size and time keeps its previous hash
// (unread) and every other file is read.
func TestScanLibraryKeepsHashesAcrossAddedAndRemovedFiles(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "team"), map[string]string{
		"a.md": "# A\n", "c/x.md": "# X\n", "e.md": "# E\n", "g/h.md": "# H\n",
	})
	prev, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeInto(t, filepath.Join(packs, "team"), map[string]string{
		"b.md": "# B\n", "c/a.md": "# CA\n", "d-e.md": "# DE\n", "z.md": "# Z\n",
	})
	os.Remove(filepath.Join(packs, "team", "a.md"))
	// Same size and time, other words: only a read would see it.
	for _, f := range []string{"e.md", "g/h.md"} {
		p := filepath.Join(packs, "team", filepath.FromSlash(f))
		info, _ := os.Stat(p)
		os.WriteFile(p, []byte("# Q\n"), 0o644)
		os.Chtimes(p, info.ModTime(), info.ModTime())
	}
	got, err := kb.ScanLibrary(nil, packs, prev)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	hashes := func(s *kb.LibraryState) map[string]string {
		m := map[string]string{}
		for _, f := range s.Packs[0].Files {
			m[f.Path] = f.Hash
		}
		return m
	}
	before, now, want := hashes(prev), hashes(got), hashes(fresh)
	if len(now) != len(want) || len(now) != 7 {
		t.Fatalf("scanned %v, want the files of %v", now, want)
	}
	for p, h := range now {
		w := want[p]
		if p == "e.md" || p == "g/h.md" {
			w = before[p]
		}
		if h != w {
			t.Errorf("%s: hash %s, want %s", p, h, w)
		}
	}
}
