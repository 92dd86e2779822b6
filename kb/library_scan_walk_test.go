package kb

import (
	"bytes"
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
	// Larger than the buffer files are hashed through, and a multiple of it.
	for name, size := range map[string]int{"big.md": 100_000, "even.md": 64 << 10} {
		if err := os.WriteFile(filepath.Join(dir, name), bytes.Repeat([]byte("word "), size/5+1)[:size], 0o644); err != nil {
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
	// Each file is hashed as hashFile hashes it through os.DirFS; the
	// link, which hashFile refuses, has no hash.
	scanned, err := scanPackDir(dir, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	hashed := 0
	for _, f := range scanned {
		want, _ := hashFile(os.DirFS(dir), f.Path)
		if f.Hash != want {
			t.Errorf("%s: hash %q, hashFile says %q", f.Path, f.Hash, want)
		}
		if want != "" {
			hashed++
		}
	}
	if hashed != len(scanned)-1 {
		t.Errorf("%d of %d files hashed, want all but the link", hashed, len(scanned))
	}
}

// walkPackDir calls fn for each file scanPackDir finds in dir, as
// walkPackFiles calls its fn.
func walkPackDir(dir string, fn func(path string, size, mtime int64)) error {
	files, err := scanPackDir(dir, nil, false)
	for _, f := range files {
		fn(f.Path, f.Size, f.ModTime)
	}
	return err
}
