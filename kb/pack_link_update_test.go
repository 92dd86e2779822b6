package kb_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A note that became a symbolic link after the pack was loaded (planted
// between two syncs) reaches LoadFilesChecked as a changed file, and a
// note can link to it: neither may read what it leads to, outside the
// pack, as LoadDir never does (TestLoadDirDoesNotFollowLinkedNotes).
func TestLoadFilesCheckedDoesNotFollowLinkedNotes(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("# Outsidesecretheading\n\nHi, outsidesecretword.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "notes")
	writeInto(t, dir, map[string]string{
		"a.md": "# Alpha\n\nSee [the secret](secret.md#outsidesecretheading).\n",
	})
	if err := os.Symlink(secret, filepath.Join(dir, "secret.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	p, problems, err := kb.LoadFilesChecked(os.DirFS(dir), kb.LoadOptions{ID: "notes"}, []string{"a.md", "secret.md"})
	if p == nil {
		t.Fatalf("files did not load: %v", err)
	}
	for _, it := range p.Items {
		if strings.Contains(it.Body, "outsidesecretword") || strings.Contains(strings.ToLower(it.Title), "outsidesecret") {
			t.Errorf("the linked note was read: %s %q", it.ID, it.Title)
		}
		for _, l := range it.Links {
			if l.Target != "" && strings.Contains(l.Target, "secret") {
				t.Errorf("%s links to %s, an item of a note outside the pack", it.ID, l.Target)
			}
		}
	}
	found := false
	for _, pr := range problems {
		if pr.File == "secret.md" && strings.Contains(pr.Message, "symbolic link") {
			found = true
		}
	}
	if !found {
		t.Errorf("problems %v, want one naming secret.md as a symbolic link", problems)
	}
}
