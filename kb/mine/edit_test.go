package mine_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

func TestLintReportsTheEditedFilesProblemsWithLines(t *testing.T) {
	m, _, _, _ := setup(t)
	rel, err := m.Create(kb.KindTemplate, "Callback")
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Lint(rel, []byte("---\ntitle: Callback\n---\nHi {{customer_name}},\nI'll call at {{Call Time}} on {{date+3x}}.\n"), mine.Sources{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	if len(c.Problems) != 2 || c.Problems[0].Line != 5 || c.Problems[1].Line != 5 ||
		!strings.Contains(all, "{{Call Time}}") || !strings.Contains(all, "date+3x") {
		t.Errorf("problems:\n%s\nwant two on line 5, naming {{Call Time}} and date+3x", all)
	}
	if len(c.Items) != 1 || c.Items[0].ID != "mine/templates/callback" {
		t.Errorf("items = %+v", c.Items)
	}
	// Lint writes nothing.
	saved, _ := m.Read(rel)
	if strings.Contains(string(saved), "Call Time") {
		t.Error("lint wrote the text")
	}
	clean, err := m.Lint(rel, []byte("---\ntitle: Callback\n---\nHi {{customer_name}}, I'll call at {{call_time}}.\n"), mine.Sources{})
	if err != nil || len(clean.Problems) != 0 {
		t.Errorf("clean text: %v, %v", clean.Problems, err)
	}
}

func TestSaveStaysInsideMyPack(t *testing.T) {
	m, _, packsDir, _ := setup(t)
	if _, err := m.Create(kb.KindGuide, "First"); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(m.Dir(), "guides", "out")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		"../evil.md", "/etc/evil.md", "guides/../../evil.md", `guides\evil.md`, "C:/evil.md",
		"guides/.hidden.md", "_drafts/x.md", "guides/evil.txt", "guides/out/evil.md", "", "guides//x.md",
		"guides/a\x00.md",
	} {
		if err := m.Save(rel, []byte("# x\n")); !errors.Is(err, mine.ErrBadPath) {
			t.Errorf("save %q = %v, want ErrBadPath", rel, err)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("a file was written through the link: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(packsDir, "evil.md")); !os.IsNotExist(err) {
		t.Error("a file was written outside My pack")
	}
	if err := m.Save("guides/über/ß.md", []byte("# Straße\nText.\n")); err != nil {
		t.Errorf("a Unicode name: %v", err)
	}
	if err := m.Save("guides/big.md", make([]byte, mine.MaxFileSize+1)); !errors.Is(err, mine.ErrTooLarge) {
		t.Errorf("a huge file = %v, want ErrTooLarge", err)
	}
}

func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"guides/a.md", "../a.md", "a/../../b.md", "同步.md", "/x.md", ".a/b.md"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		got, err := mine.CleanPath(rel)
		if err != nil {
			return
		}
		root := filepath.Join(string(filepath.Separator), "pack")
		full := filepath.Join(root, filepath.FromSlash(got))
		if !strings.HasPrefix(full, root+string(filepath.Separator)) {
			t.Fatalf("CleanPath(%q) = %q leaves the pack: %s", rel, got, full)
		}
		for _, part := range strings.Split(got, "/") {
			if part == "" || part[0] == '.' || part[0] == '_' {
				t.Fatalf("CleanPath(%q) = %q has part %q", rel, got, part)
			}
		}
	})
}
