package kb

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWalkPackDirMatchesWalkPackFiles: the parallel scan of a pack folder
// finds exactly the files, sizes and times the loader's walk does, in the
// same order, whatever the folder holds.
func TestWalkPackDirMatchesWalkPackFiles(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"pack.toml", "a.md", "b.markdown", "notes.txt", ".hidden.md", "_draft.md",
		"a/z.md", "a/b/c.md", "a/b/pack.toml", "a.d/x.md", "a-b/y.md",
		"_private/secret.md", ".obsidian/w.md", "中文/同步冲突.md", "français/Paramètres de Sync.md",
		"deep/1/2/3/4/note.md", "deep/1/.git/x.md", "Z/upper.md",
	}
	for i, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(fmt.Sprintf("# %d\n%s", i, f)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "a.md"), filepath.Join(dir, "a", "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	walk := func(w func(fn func(string, int64, int64)) error) []string {
		var out []string
		if err := w(func(p string, size, mtime int64) {
			out = append(out, fmt.Sprintf("%s %d %d", p, size, mtime))
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := walk(func(fn func(string, int64, int64)) error {
		return walkPackFiles(os.DirFS(dir), func(p string, info fs.FileInfo) { fn(p, info.Size(), info.ModTime().UnixNano()) })
	})
	got := walk(func(fn func(string, int64, int64)) error { return walkPackDir(dir, fn) })
	if !slices.Equal(got, want) {
		t.Fatalf("walkPackDir found\n%q\nwalkPackFiles found\n%q", got, want)
	}
	if len(want) < 10 {
		t.Fatalf("only %d files found: %q", len(want), want)
	}
	if err := walkPackDir(filepath.Join(dir, "missing"), func(string, int64, int64) {}); err == nil {
		t.Error("walking a missing folder succeeded")
	}
}

// walkPackDir calls fn for each file scanPackDir finds in dir, as
// walkPackFiles calls its fn.
func walkPackDir(dir string, fn func(path string, size, mtime int64)) error {
	files, err := scanPackDir(dir, nil, func(string) string { return "" })
	for _, f := range files {
		fn(f.Path, f.Size, f.ModTime)
	}
	return err
}
