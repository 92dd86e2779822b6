package kb_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

// FuzzLoad loads one markdown file as every kind of item, and as a plain
// folder, checking the loader never panics and places what it reports.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nText.\n\n## Section\nMore [link](other.md#x).\n",
		matrixHead + option("One", `"One {{date+2d}}."`),
		"---\ntitle: S\n---\n## Situation\n- Sorry. `voice` `chat`\n",
		"| Instead of | Try | Why | Match |\n|---|---|---|---|\n| a | b<br>c | d | (x\\|y) [z] w* |\n",
		"- [ ] one\n- [x] two\n",
		"---\nfields:\n  a: { label: A }\n---\n{{a}} {b} {{",
		"---\ntitle: [unclosed\n---\n",
		"---\n",
		"\xef\xbb\xbf# BOM\r\n\r\nText\r\n",
		"# X\n\n[[x]] [[other/x#X|label]] [[gone]] #tag\n\n![[x]]\n\n![[pic.png]]\n\n> [!tip]- [[x]] title\n> body\n\n[[#X]]\n",
	} {
		f.Add(s)
	}
	folders := []string{"guides", "matrix", "statements", "phrases", "checklists", "templates", "other"}
	f.Fuzz(func(t *testing.T, md string) {
		for _, plain := range []bool{false, true} {
			fsys := fstest.MapFS{}
			if !plain {
				fsys["pack.toml"] = &fstest.MapFile{Data: []byte(manifest)}
			}
			for _, dir := range folders {
				fsys[dir+"/x.md"] = &fstest.MapFile{Data: []byte(md)}
			}
			fsys["synonyms.md"] = &fstest.MapFile{Data: []byte(md)}
			p, err := kb.LoadFS(fsys, kb.LoadOptions{ID: "fuzz"})
			if p == nil {
				t.Fatalf("no pack: %v", err)
			}
			lines := strings.Count(md, "\n") + 1
			seen := map[string]bool{}
			for _, it := range p.Items {
				if seen[it.ID] {
					t.Fatalf("duplicate id %s", it.ID)
				}
				seen[it.ID] = true
				if it.Source.File == "" || it.Source.Line < 1 || it.Source.Line > lines {
					t.Fatalf("item %s placed at %s:%d in a file of %d lines", it.ID, it.Source.File, it.Source.Line, lines)
				}
			}
			if pe, ok := err.(*kb.ProblemsError); ok {
				for _, pr := range pe.Problems {
					if pr.Line < 0 || pr.Line > lines && pr.File != "pack.toml" || pr.Message == "" {
						t.Fatalf("problem %v in a file of %d lines", pr, lines)
					}
				}
			}
		}
	})
}
