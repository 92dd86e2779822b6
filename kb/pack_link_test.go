package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A note inside a pack folder that is a symbolic link (planted, or left by
// a sync tool) is never read: it could lead anywhere, /etc/passwd or a
// private file, and its text would reach search and the lint's messages.
// The pack says so with the file's name, and loads everything else.
func TestLoadDirDoesNotFollowLinkedNotes(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: Secret\n---\nHi {{customer_name}}, outsidesecretword.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "team")
	writeInto(t, dir, map[string]string{
		"pack.toml":           "id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n",
		"templates/thanks.md": "---\ntitle: Thanks\n---\nHi {{customer_name}}, thanks.\n",
	})
	if err := os.Symlink(secret, filepath.Join(dir, "templates", "secret.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	p, err := kb.LoadDir(dir)
	if p == nil {
		t.Fatalf("pack did not load: %v", err)
	}
	for _, it := range p.Items {
		if strings.Contains(it.Body, "outsidesecretword") || it.Title == "Secret" {
			t.Fatalf("the linked note was read: %s", it.ID)
		}
	}
	if len(p.Items) != 1 {
		t.Errorf("items = %d, want the one real note", len(p.Items))
	}
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0].File != "templates/secret.md" || !strings.Contains(pe.Problems[0].Message, "link") {
		t.Errorf("err = %v, want one problem naming templates/secret.md as a link", err)
	}
}
