package kb_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestOverridesReplaceAnotherPacksItem(t *testing.T) {
	packs := t.TempDir()
	concern := "---\ntitle: %s\n---\nLate.\n\n## Options\n### A\n- Say: a\n### B\n- Say: b\n### C\n- Say: c\n"
	writeInto(t, filepath.Join(packs, "acme"), map[string]string{
		"pack.toml":      "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\noverrides = [\"builtin/guides/a\"]\n",
		"guides/a.md":    "---\ntitle: Acme's A\n---\nOur way.\n\n## Section\nText.\n",
		"matrix/late.md": strings.ReplaceAll(concern, "%s", "Acme late"),
	})
	// A second pack with the same item ids, namespaced by its own id, and no
	// override: both stay.
	writeInto(t, filepath.Join(packs, "zeta"), map[string]string{
		"pack.toml":      "id = \"zeta\"\nname = \"Zeta\"\nversion = \"1.0.0\"\n",
		"guides/a.md":    "---\ntitle: Zeta's A\n---\nTheirs.\n",
		"matrix/late.md": strings.ReplaceAll(concern, "%s", "Zeta late"),
	})
	lib, err := kb.LoadLibrary(builtinFS, packs)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Item("builtin/guides/a"); ok {
		t.Error("the overridden built-in item is still in the library")
	}
	for _, id := range []string{"acme/guides/a", "acme/guides/a#section", "zeta/guides/a", "acme/matrix/late", "zeta/matrix/late"} {
		if _, ok := lib.Item(id); !ok {
			t.Errorf("%s missing", id)
		}
	}
	lib.Items(func(it *kb.Item) {
		if it.ID == "builtin/guides/a" {
			t.Error("Items still lists the overridden item")
		}
	})
	if got, ok := lib.Replaces("acme/guides/a#section"); !ok || got != "builtin/guides/a" {
		t.Errorf("Replaces = %q %v, want builtin/guides/a", got, ok)
	}
	if _, ok := lib.Replaces("zeta/guides/a"); ok {
		t.Error("zeta replaces nothing")
	}
}

func TestOverrideWithoutOwnItemIsAProblem(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "acme")
	writeInto(t, dir, map[string]string{
		"pack.toml":   "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\noverrides = [\"builtin/matrix/late-delivery\", \"acme/guides/a\", \"Not An Id\"]\nhomepage = \"javascript:alert(1)\"\nmin_poise = \"soon\"\n",
		"guides/a.md": "---\ntitle: A\n---\nText.\n",
	})
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	var msgs []string
	for _, pr := range pe.Problems {
		msgs = append(msgs, pr.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`no item "acme/matrix/late-delivery"`, "this pack's own item", `"Not An Id" is not an item id`, "not a web address", "oldest Poise version"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	if len(p.Manifest.Overrides) != 0 || p.Manifest.Homepage != "" {
		t.Errorf("bad entries kept: %+v", p.Manifest)
	}
}

func TestWithPackSwapsOnePackAndItsOverrides(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "acme"), map[string]string{
		"pack.toml":   "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n",
		"guides/a.md": "---\ntitle: Acme A\n---\nOurs.\n\n## Part\nText.\n",
	})
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "mine")
	writeInto(t, dir, map[string]string{
		"pack.toml":   "id = \"mine\"\nname = \"My pack\"\nversion = \"1.0.0\"\noverrides = [\"acme/guides/a\"]\n",
		"guides/a.md": "---\ntitle: My A\n---\nMine.\n\n## Part\nMy text.\n",
	})
	mine, err := kb.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	with := lib.WithPack(mine)
	if _, ok := with.Item("acme/guides/a#part"); ok {
		t.Error("the replaced section is still found")
	}
	if orig, ok := with.Original("mine/guides/a#part"); !ok || orig.ID != "acme/guides/a#part" {
		t.Errorf("Original = %+v, %v", orig, ok)
	}
	if orig, ok := with.Original("mine/guides/a#gone"); !ok || orig.ID != "acme/guides/a" {
		t.Errorf("Original of a fragment the original lacks = %+v, %v, want the file's first item", orig, ok)
	}
	// Without the override, the next swap brings the original back.
	mine.Manifest.Overrides = nil
	again := with.WithPack(mine)
	if _, ok := again.Item("acme/guides/a#part"); !ok {
		t.Error("the original did not come back when the override went")
	}
	if len(again.Packs) != 2 || again.Packs[0].Manifest.ID != "acme" || again.Packs[1].Manifest.ID != "mine" {
		t.Errorf("packs after two swaps: %d", len(again.Packs))
	}
}
