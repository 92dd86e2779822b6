package app

import (
	"os"
	"path/filepath"
	"testing"
)

// A plain folder of notes installs from the Packs screen as from the CLI;
// its preview says what was left out and sums the problems up by sort.
func TestPacksScreenInstallsFolderOfNotes(t *testing.T) {
	p, s := newPacksPoise(t)
	dir := filepath.Join(t.TempDir(), "desk")
	for name, body := range map[string]string{
		"Home.md":    "See [[Refunds]], [[Nowhere]] and [[Gone]].\n\n![[map.png]]\n",
		"Refunds.md": "Refunds reach the card in five days.\n",
		"map.png":    "\x89PNG",
	} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	previewAndConfirm(t, p, s, dir, "Install unsigned pack",
		"Left out: 1 pictures",
		"2 links point to notes or files that do not exist, such as Home.md:1: Link \"[[Nowhere]]\"")
	if _, ok := p.lib.Item("desk/home"); !ok {
		t.Fatal("the folder of notes is not installed")
	}
}
