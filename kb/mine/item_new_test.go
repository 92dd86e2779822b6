package mine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestCreateEachKindLoadsClean(t *testing.T) {
	m, b, packsDir, _ := setup(t)
	if m.Exists() {
		t.Fatal("my pack exists before first use")
	}
	files := map[kb.Kind]string{}
	for _, k := range kb.Kinds {
		rel, err := m.Create(k, "My "+string(k))
		if err != nil {
			t.Fatalf("create %s: %v", k, err)
		}
		files[k] = rel
	}
	lib := load(t, b, packsDir) // fails on any problem
	for k, rel := range files {
		found := false
		lib.Items(func(it *kb.Item) {
			if it.Pack == "mine" && it.Source.File == rel {
				found = true
				if it.Kind != k {
					t.Errorf("%s: kind %s, want %s", rel, it.Kind, k)
				}
			}
		})
		if !found {
			t.Errorf("%s (%s) gave no item", rel, k)
		}
	}
	if it, ok := lib.Item("mine/templates/my-template"); !ok || len(it.Fields) == 0 {
		t.Errorf("template item %v %v, want one with fields", it, ok)
	}
}

func TestCreateNamesFilesSafelyFromHostileTitles(t *testing.T) {
	m, b, packsDir, _ := setup(t)
	for _, tc := range []struct{ title, want string }{
		{"../../../etc/passwd", "guides/etc-passwd.md"},
		{"Paramètres de Sync", "guides/paramètres-de-sync.md"},
		{"同步冲突", "guides/同步冲突.md"},
		{"", "guides/untitled.md"},
		{"...", "guides/untitled-2.md"},
		{".hidden\x00\nname", "guides/hidden-name.md"},
		{"Same", "guides/same.md"},
		{"same", "guides/same-2.md"},
		{strings.Repeat("long ", 100), "guides/" + strings.TrimRight(strings.Repeat("long-", 16), "-") + ".md"},
	} {
		rel, err := m.Create(kb.KindGuide, tc.title)
		if err != nil {
			t.Fatalf("create %q: %v", tc.title, err)
		}
		if rel != tc.want {
			t.Errorf("create %q = %q, want %q", tc.title, rel, tc.want)
		}
		if _, err := os.Stat(filepath.Join(m.Dir(), filepath.FromSlash(rel))); err != nil {
			t.Errorf("create %q: %v", tc.title, err)
		}
	}
	lib := load(t, b, packsDir)
	it, ok := lib.Item("mine/guides/hidden-name")
	if !ok || it.Title != ".hidden name" {
		t.Errorf("title of a hostile name = %+v, want \".hidden name\" (control characters gone)", it)
	}
	// Nothing was written outside My pack.
	entries, _ := os.ReadDir(packsDir)
	if len(entries) != 1 || entries[0].Name() != "mine" {
		t.Errorf("packs folder holds %v, want only mine", entries)
	}
}
