package watch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A pack the library holds without its guides' bodies reloads only the
// files that changed: the others keep the items they had (a change to
// one of them not reported is not read), the edited file's items come
// without bodies, and its problems replace those it had.
func TestReloadFilesReadsOnlyTheChangedFiles(t *testing.T) {
	packsDir := t.TempDir()
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
	full, err := kb.LoadLibrary(nil, packsDir)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 {
		t.Fatalf("load: %v", err)
	}
	lib := full.WithoutBodies(func(*kb.Pack) bool { return true })

	write("b.md", "# Bravo\n\nSecond, not reported.\n")
	write("a.md", "# Alpha\n\nFirst, fixed. See [[b]].\n")
	r, err := ReloadFiles(lib, dir, []string{"a.md"}, pe.Problems)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems %v after the fix, want none", r.Problems)
	}
	if it, ok := r.Library.Item("notes/b"); !ok || it.Title != "Beta" {
		t.Errorf("b is %+v: a file not reported was read", it)
	}
	a, ok := r.Library.Item("notes/a")
	if !ok || a.Body != "" || !strings.Contains(a.Summary, "fixed") || !r.Library.BodiesShed("notes") {
		t.Errorf("a is %+v, want the edit without its body", a)
	}
	if len(a.Links) != 1 || a.Links[0].Target != "notes/b" {
		t.Errorf("a's links %+v, want b", a.Links)
	}

	// A change of pack.toml loads the whole pack.
	write("pack.toml", "id = \"notes\"\nname = \"Notes\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n")
	r, err = ReloadFiles(lib, dir, []string{"pack.toml"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := r.Library.Item("notes/b"); !ok || it.Title != "Bravo" {
		t.Errorf("b is %+v after pack.toml changed, want the pack read whole", it)
	}
}
