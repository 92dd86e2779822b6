package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// vault is a folder of notes as an imported vault has them: one note has
// a link to a note that does not exist, a problem the pack had from the
// start.
func vault(t *testing.T) (packsDir, dir string) {
	t.Helper()
	packsDir = filepath.Join(t.TempDir(), "packs")
	dir = filepath.Join(packsDir, "vault")
	files := map[string]string{
		"pack.toml":         "id = \"vault\"\nname = \"Vault\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n",
		"Sync/Conflicts.md": "# Conflicts\nSync merges the changes with the wombat method.\n\nSee [[Nowhere]].\n",
		"Sync/Settings.md":  "# Settings\nSettings of sync live in the panel.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return packsDir, dir
}

func (a *app) ids(t *testing.T, text string) []string {
	t.Helper()
	res, err := a.ix.Search(context.Background(), search.Query{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// A note that had a broken link from the start is not "broken since its
// last edit": an edit of it reaches search, as in a real vault where
// thousands of notes link to headings that do not exist.
func TestEditOfANoteWithAnOldLinkProblemReachesSearch(t *testing.T) {
	packsDir, dir := vault(t)
	lib, err := kb.LoadLibrary(nil, packsDir)
	if lib == nil {
		t.Fatal(err) // the link problem is reported and the pack loads
	}
	a := start(t, packsDir, lib)
	file := filepath.Join(dir, "Sync", "Conflicts.md")
	if err := os.WriteFile(file, []byte("# Conflicts\nSync merges the changes with the quokka method.\n\nSee [[Nowhere]].\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := a.next(t)
	if len(r.Kept) != 0 {
		t.Errorf("an edit of a note with an old link problem was kept at its last version: kept %v", r.Kept)
	}
	if ids := a.ids(t, "quokka"); len(ids) == 0 {
		t.Error("search does not find the edit of a note with a link problem")
	}
}

// A note renamed in the folder while Poise runs leaves search under its
// old id and comes back under its new one.
func TestRenamedNoteLeavesSearchUnderItsOldID(t *testing.T) {
	packsDir, dir := vault(t)
	lib, err := kb.LoadLibrary(nil, packsDir)
	if lib == nil {
		t.Fatal(err) // the link problem is reported and the pack loads
	}
	a := start(t, packsDir, lib)
	if err := os.Rename(filepath.Join(dir, "Sync", "Settings.md"), filepath.Join(dir, "Sync", "Panel.md")); err != nil {
		t.Fatal(err)
	}
	a.next(t)
	ids := a.ids(t, "panel")
	if len(ids) == 0 {
		t.Fatal("the renamed note is not found")
	}
	for _, id := range ids {
		if strings.Contains(id, "sync/settings") {
			t.Errorf("search still has the note under its old id: %v", ids)
		}
	}
}
