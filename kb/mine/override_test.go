package mine_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/packs"
)

func TestMakeMineOverridesAndRevertBringsTheOriginalBack(t *testing.T) {
	m, b, packsDir, src := setup(t)
	lib := load(t, b, packsDir)
	cp, err := m.MakeMine(lib, "builtin/statements/angry#2", src)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID != "mine/statements/angry#2" || cp.File != "statements/angry.md" {
		t.Fatalf("copy = %+v", cp)
	}
	// Twice is the same copy.
	if again, err := m.MakeMine(lib, "builtin/statements/angry#1", src); err != nil || again.File != cp.File {
		t.Fatalf("make mine again = %+v, %v", again, err)
	}

	if again, err := m.MakeMine(load(t, b, packsDir), "builtin/statements/angry#2", src); err != nil || again != cp {
		t.Fatalf("make mine again, the library loaded since = %+v, %v", again, err)
	}

	edited := strings.Replace(string(b["statements/angry.md"].Data), "Let's fix it now.", "Right, let's sort it out together.", 1)
	if err := m.Save(cp.File, []byte(edited)); err != nil {
		t.Fatal(err)
	}
	lib = load(t, b, packsDir)
	for _, id := range []string{"builtin/statements/angry#1", "builtin/statements/angry#2"} {
		if _, ok := lib.Item(id); ok {
			t.Errorf("%s is still in the library beside your version", id)
		}
	}
	it, ok := lib.Item(cp.ID)
	if !ok || it.Text != "Right, let's sort it out together." {
		t.Fatalf("your version = %+v, %v", it, ok)
	}
	st := m.StatusOf(lib, cp.ID, src)
	if !st.Mine || st.Original != "builtin/statements/angry#2" || st.OriginalChanged || st.OriginalGone {
		t.Errorf("status = %+v", st)
	}
	if orig, ok := lib.Original(cp.ID); !ok || orig.Text != "Let's fix it now." {
		t.Errorf("original = %+v, %v", orig, ok)
	}

	back, err := m.Revert(lib, cp.ID)
	if err != nil || back != "builtin/statements/angry#2" {
		t.Fatalf("revert = %q, %v", back, err)
	}
	lib = load(t, b, packsDir)
	if _, ok := lib.Item(cp.ID); ok {
		t.Error("your version is still there after revert")
	}
	if it, ok := lib.Item(back); !ok || it.Text != "Let's fix it now." {
		t.Errorf("original after revert = %+v, %v", it, ok)
	}
	if _, err := os.Stat(filepath.Join(m.Dir(), "statements", "angry.md")); !os.IsNotExist(err) {
		t.Errorf("the copy's file is still there: %v", err)
	}
	if _, err := m.Revert(lib, "mine/statements/angry#2"); !errors.Is(err, mine.ErrNotOverride) {
		t.Errorf("revert twice = %v, want ErrNotOverride", err)
	}
}

func TestMakeMineRefusals(t *testing.T) {
	m, b, packsDir, src := setup(t)
	writeFiles(t, filepath.Join(packsDir, "notes"), map[string]string{"refunds.md": "# Refunds\nSay sorry.\n"})
	own, err := m.Create(kb.KindMatrix, "Late")
	if err != nil || own != "matrix/late.md" {
		t.Fatalf("create = %q, %v", own, err)
	}
	lib := load(t, b, packsDir)
	for _, tc := range []struct {
		id   string
		want error
	}{
		{"builtin/matrix/late", mine.ErrTaken},     // your own item has that file
		{"mine/matrix/late", mine.ErrAlreadyMine},  // already yours
		{"notes/refunds", mine.ErrNotCopyable},     // a plain folder
		{"builtin/matrix/nothing", os.ErrNotExist}, // no such item
	} {
		if _, err := m.MakeMine(lib, tc.id, src); !errors.Is(err, tc.want) {
			t.Errorf("make %s mine = %v, want %v", tc.id, err, tc.want)
		}
	}
}

// TestUpdateOfTheOriginalPack installs a team pack, updates it to a
// version that changes an item, once with no personal version (the update
// shows) and once with one (yours stays, and says the original changed).
func TestUpdateOfTheOriginalPack(t *testing.T) {
	for _, withOverride := range []bool{false, true} {
		t.Run(map[bool]string{false: "without override", true: "with override"}[withOverride], func(t *testing.T) {
			_, b, _, _ := setup(t)
			data := t.TempDir()
			store, err := packs.Open(filepath.Join(data, "packs"))
			if err != nil {
				t.Fatal(err)
			}
			packsDir := store.Dir()
			m := mine.Open(packsDir)
			src := mine.Sources{Builtin: b, PacksDir: packsDir}
			team := filepath.Join(t.TempDir(), "acme")
			writeFiles(t, team, map[string]string{
				"pack.toml":          "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n",
				"templates/sorry.md": "---\ntitle: Sorry\n---\nSorry, {{customer_name}}, version one.\n",
			})
			install := func() {
				t.Helper()
				s, err := packs.ParseSource(team, "")
				if err != nil {
					t.Fatal(err)
				}
				c, err := store.Fetch(context.Background(), s)
				if err != nil {
					t.Fatal(err)
				}
				if err := store.Install(c, packs.InstallOptions{AllowUnsigned: true}); err != nil {
					t.Fatal(err)
				}
			}
			install()
			lib := load(t, b, packsDir)
			if withOverride {
				cp, err := m.MakeMine(lib, "acme/templates/sorry", src)
				if err != nil {
					t.Fatal(err)
				}
				if err := m.Save(cp.File, []byte("---\ntitle: Sorry\n---\nSorry {{customer_name}}, my words.\n")); err != nil {
					t.Fatal(err)
				}
			}
			writeFiles(t, team, map[string]string{
				"pack.toml":          "id = \"acme\"\nname = \"Acme\"\nversion = \"1.1.0\"\n",
				"templates/sorry.md": "---\ntitle: Sorry\n---\nSorry, {{customer_name}}, version two.\n",
			})
			c, err := store.CheckUpdate(context.Background(), "acme")
			if err != nil {
				t.Fatal(err)
			}
			if err := store.Install(c, packs.InstallOptions{AllowUnsigned: true}); err != nil {
				t.Fatal(err)
			}
			lib = load(t, b, packsDir)
			if !withOverride {
				if it, ok := lib.Item("acme/templates/sorry"); !ok || !strings.Contains(it.Text, "version two") {
					t.Fatalf("updated item = %+v, %v", it, ok)
				}
				return
			}
			if _, ok := lib.Item("acme/templates/sorry"); ok {
				t.Error("the update brought the original back beside your version")
			}
			it, ok := lib.Item("mine/templates/sorry")
			if !ok || !strings.Contains(it.Text, "my words") {
				t.Fatalf("your version after the update = %+v, %v", it, ok)
			}
			st := m.StatusOf(lib, it.ID, src)
			if !st.OriginalChanged || st.Original != "acme/templates/sorry" {
				t.Errorf("status = %+v, want the original changed", st)
			}
			yours, orig, err := m.Sides(lib, it.ID, src)
			if err != nil || !strings.Contains(string(yours), "my words") || !strings.Contains(string(orig), "version two") {
				t.Errorf("sides = %q | %q, %v", yours, orig, err)
			}
		})
	}
}

func TestAPackCannotInstallOverMyPack(t *testing.T) {
	store, err := packs.Open(filepath.Join(t.TempDir(), "packs"))
	if err != nil {
		t.Fatal(err)
	}
	team := filepath.Join(t.TempDir(), "evil")
	writeFiles(t, team, map[string]string{
		"pack.toml":   "id = \"mine\"\nname = \"Totally mine\"\nversion = \"1.0.0\"\n",
		"guides/a.md": "---\ntitle: A\n---\nText.\n",
	})
	s, err := packs.ParseSource(team, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Fetch(context.Background(), s); !errors.Is(err, packs.ErrHostile) {
		t.Errorf("fetch of a pack with id mine = %v, want ErrHostile", err)
	}
}
