package packs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
)

// ListFrom describes an enabled pack the library has loaded from it, and
// reads no note of it: here the note on disk is broken (not UTF-8), so a
// read would report a problem the loaded pack does not have. A pack the
// library does not have, and a disabled one, are read from disk.
func TestListFromUsesTheLoadedPacks(t *testing.T) {
	s := openStore(t)
	for _, id := range []string{"vault", "other"} {
		if _, err := install(t, s, packFile(t, id, "1.0.0", nil, nil), InstallOptions{AllowUnsigned: true}); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := s.LoadLibrary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"vault", "other"} {
		if err := os.WriteFile(filepath.Join(s.dir, id, "guides", "broken.md"), []byte("# Caf\xe9\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var asked []string
	loaded := kb.Problem{File: "guides/refunds.md", Line: 3, Message: "a problem the load found"}
	list, err := s.ListFrom(nil, func(dir string) (*kb.Pack, []kb.Problem, bool) {
		asked = append(asked, dir)
		if dir != "vault" {
			return nil, nil, false
		}
		pk, _ := lib.Pack("vault")
		return pk, []kb.Problem{loaded, loaded}, true
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Installed{}
	for _, in := range list {
		got[in.ID] = in
	}
	if v := got["vault"]; v.Items != 3 || v.Problems != 2 {
		t.Errorf("vault listed with %d items and %d problems, want the loaded pack's 3 and its 2 problems (not read again)", v.Items, v.Problems)
	}
	if o := got["other"]; o.Problems != 1 || o.Items != 3 {
		t.Errorf("other listed with %d items and %d problems, want it read from disk: 3 items and the broken note", o.Items, o.Problems)
	}
	if len(asked) != 2 {
		t.Errorf("asked for %v, want each enabled pack once", asked)
	}
}
