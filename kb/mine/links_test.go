package mine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// A built-in checklist made yours keeps its link to a built-in template:
// the copy's relative link names a file My pack does not have, so it is
// read against the pack of the item it replaces, in lint and in the
// library, as it was in the original.
func TestMadeMineKeepsLinksToTheOriginalsPack(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	if err := os.MkdirAll(packsDir, 0o700); err != nil {
		t.Fatal(err)
	}
	m, src := mine.Open(packsDir), mine.Sources{Builtin: content.FS, PacksDir: packsDir}
	lib, err := kb.LoadLibrary(content.FS, packsDir)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := m.MakeMine(lib, "builtin/checklists/warm-hand-off", src)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := m.Read(cp.File)
	if err != nil {
		t.Fatal(err)
	}
	const link = "../templates/hand-off-to-supervisor.md"
	if !strings.Contains(string(raw), "("+link+")") {
		t.Fatalf("the copy has no link %s to test:\n%s", link, raw)
	}

	c, err := m.Lint(cp.File, raw, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 0 {
		t.Errorf("lint of the unchanged copy: %+v", c.Problems)
	}

	lib, err = kb.LoadLibrary(content.FS, packsDir)
	if err != nil {
		t.Fatalf("library with the copy: %v", err)
	}
	it, ok := lib.Item(cp.ID)
	if !ok {
		t.Fatalf("no %s", cp.ID)
	}
	if id, ok := lib.ResolveLink(it, link); !ok || id != "builtin/templates/hand-off-to-supervisor" {
		t.Errorf("the copy's link opens %q, %v; want the built-in template", id, ok)
	}

	// A link that is in neither pack is still broken.
	bad := strings.Replace(string(raw), link, "../templates/no-such-template.md", 1)
	c, err = m.Lint(cp.File, []byte(bad), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Message, "no-such-template.md") {
		t.Errorf("lint of a link in neither pack: %+v", c.Problems)
	}
	// And in an item of your own, a link to a built-in file is broken.
	c, err = m.Lint("checklists/my-own.md", raw, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) == 0 {
		t.Error("a link of your own item to a built-in file is not reported")
	}
	// Once the template is yours too, the link opens your version.
	tcp, err := m.MakeMine(lib, "builtin/templates/hand-off-to-supervisor", src)
	if err != nil {
		t.Fatal(err)
	}
	lib, err = kb.LoadLibrary(content.FS, packsDir)
	if err != nil {
		t.Fatal(err)
	}
	it, _ = lib.Item(cp.ID)
	if id, ok := lib.ResolveLink(it, link); !ok || id != tcp.ID {
		t.Errorf("with the template yours, the link opens %q, %v; want %s", id, ok, tcp.ID)
	}

}
