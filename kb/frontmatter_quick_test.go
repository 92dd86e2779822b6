package kb

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// yamlTree writes what parseFrontMatter reads of n: kinds, values, lines.
func yamlTree(sb *strings.Builder, n *yaml.Node, depth int) {
	fmt.Fprintf(sb, "%s%d %q line %d\n", strings.Repeat(" ", depth), n.Kind, n.Value, n.Line)
	for _, c := range n.Content {
		yamlTree(sb, c, depth+1)
	}
}

// sameAsYAML fails t when quickFrontMatter reads raw and yaml.Unmarshal
// reads it otherwise, and reports whether quickFrontMatter read it.
func sameAsYAML(t *testing.T, name string, raw []byte) bool {
	t.Helper()
	quick, ok := quickFrontMatter(raw)
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %q read quickly, but yaml says %v", name, raw, err)
	}
	var got, exp strings.Builder
	yamlTree(&got, quick, 0)
	yamlTree(&exp, &want, 0)
	if got.String() != exp.String() {
		t.Fatalf("%s: %q read quickly as\n%s\nyaml reads\n%s", name, raw, got.String(), exp.String())
	}
	return true
}

// keys is front matter of n keys, k0: v to kn-1: v.
func keys(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "k%d: v\n", i)
	}
	return sb.String()
}

func TestQuickFrontMatter(t *testing.T) {
	for _, c := range []struct {
		raw   string
		quick bool
	}{
		{"permalink: bases/create-base\naliases:\n  - Create a base\n", true},
		{"permalink: headless\ndescription: Obsidian Headless é um cliente: de linha\n", false},
		{"description: Aprenda como estender o Obsidian, com plugins.\nmobile: false\naliases:\n- a\n- b c\ntitle: https://obsidian.md/x\n", true},
		{"tags: [a, b]\ndate: 2023-06-01\ntitle: \"1.3.5\"\n", true}, {"title: 'quoted # not a comment'\n", true},
		{"tags: []\n", true}, {"tags: [a, [b]]\n", false}, {"tags: [a,,b]\n", false}, {"tags: [a: b]\n", false},
		{"title: 'it''s'\n", false}, {strings.Repeat("k: v\n", 1) + keys(maxQuickKeys-1), true}, {keys(maxQuickKeys + 1), false}, {strings.Repeat("k", 1100) + ": v\n", false}, {"title: \"a\\tb\"\n", false}, {"title: \"a\" b\n", false}, {"title: a # comment\n", false},
		{"title: two\n  lines\n", false}, {"aliases:\n", false}, {"aliases:\ntitle: x\n", false},
		{"title: x\n\nsummary: y\n", false}, {"fields:\n  - a\n", false}, {"title: x\ntitle: y\n", false},
		{"title:\tx\n", false}, {"aliases:\n  - a\n    - b\n", false}, {"key:value\n", false},
		{"Title: It's [fine] {here} & *there*, 100%\n", true}, {"reviewed: 2026-05-01\nreview_every: 6 months\n", true},
	} {
		if got := sameAsYAML(t, "case", []byte(c.raw)); got != c.quick {
			t.Errorf("%q read quickly: %v, want %v", c.raw, got, c.quick)
		}
	}
}

// Every front matter of the repository's markdown (bundled content, test
// packs), and of POISE_VAULT_DIR when it is set (a real vault), reads
// quickly as yaml reads it; on the real vault nearly all are quick.
func TestQuickFrontMatterAsYAML(t *testing.T) {
	roots := []string{".."}
	if v := os.Getenv("POISE_VAULT_DIR"); v != "" {
		roots = append(roots, v)
	}
	for _, root := range roots {
		n, quick := 0, 0
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if front := mdparse.Parse(src).Front; front != nil {
				n++
				if sameAsYAML(t, p, front) {
					quick++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d of %d front matters read quickly", root, quick, n)
		if root != ".." && quick < n*9/10 {
			t.Errorf("%s: only %d of %d front matters read quickly", root, quick, n)
		}
	}
}

// FuzzQuickFrontMatter checks that front matter quickFrontMatter reads is
// valid YAML that yaml.Unmarshal reads to the same keys, values and lines.
func FuzzQuickFrontMatter(f *testing.F) {
	for _, s := range []string{
		"permalink: bases/create-base\naliases:\n  - Create a base\n", "a: b\nc:\n- d\n- e\nf: g", "a: b:c\n", "a: x -\n",
		"a: b\n\u00a0c: d\n", "a: \u2028\n", "a:  b  \n", "a: null\nb: ~\nc: 1e3\n", "a: ...\n", "a: b\n...\n", "a: b\n---\n",
		"A: é\nB:\n   - x y\n   - z\n", "t: [a, b ,c]\n", "t: [ ]\n", "t: ['a']\n", "t: \"\"\n", "t: ''\n", "l:\n - \"a b\"\n - 'c'\n", "a: [b\n", "a: b]\n", "a: {b\n", "-a: b\n", "a-: b\n", "_a: b\n", "a: !b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if len(raw) > 2048 {
			return
		}
		sameAsYAML(t, "fuzz", []byte(raw))
	})
}
