package packs

import (
	"os"
	"path/filepath"
	"testing"
)

// A pack folder linked into the packs folder from the person's home
// folder is loaded and searched, so List shows it (it left it out, and
// with it any way to disable or remove it); a link leading outside is
// refused by the load, and not listed.
func TestListShowsLinkedPack(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	data := filepath.Join(home, "data")
	packsDir := filepath.Join(data, "packs")
	notes := filepath.Join(home, "team notes")
	outside := t.TempDir() // not under HOME
	for _, d := range []string{packsDir, notes, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{notes, outside} {
		if err := os.WriteFile(filepath.Join(d, "Refunds.md"), []byte("Refunds take five days.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(notes, filepath.Join(packsDir, "team")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(packsDir, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	s, err := Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.List(nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range list {
		ids = append(ids, in.ID)
	}
	if len(list) != 1 || list[0].ID != "team" || list[0].Items != 1 {
		t.Errorf("listed %v, want the linked pack team with its 1 item, and not the link leading outside", ids)
	}
}
