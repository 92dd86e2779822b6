package mine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb/mine"
)

// Unsaved text is kept inside My pack's hidden folder and taken back
// once; a path that leaves the pack keeps nothing anywhere.
func TestUnsavedTextKeptInsideMyPack(t *testing.T) {
	packsDir := t.TempDir()
	m := mine.Open(packsDir)
	path, err := m.KeepUnsaved("templates/callback.md", "typed, not saved")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(path, m.Dir()+string(filepath.Separator)) {
		t.Errorf("kept at %s, outside %s", path, m.Dir())
	}
	if text, ok := m.TakeUnsaved("templates/callback.md"); !ok || text != "typed, not saved" {
		t.Errorf("took %q, %v", text, ok)
	}
	if _, ok := m.TakeUnsaved("templates/callback.md"); ok {
		t.Error("the kept text was taken twice")
	}
	for _, rel := range []string{"../../escape.md", "/etc/passwd.md", "a/../../b.md"} {
		if _, err := m.KeepUnsaved(rel, "x"); err == nil {
			t.Errorf("KeepUnsaved(%q) kept it", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(packsDir, "escape.md")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside My pack: %v", err)
	}
}
