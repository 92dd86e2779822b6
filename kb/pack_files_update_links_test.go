package kb_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

// TestUpdateFilesRechecksLinksToWhatWent: deleting or renaming a note, or
// changing a heading, outside Poise breaks the links other notes have to
// it. The obsidian-help vault's banner still said 2886 problems after such
// edits while "poise pack lint" said 2918: the linking notes' problems
// were kept from before. They are checked again.
func TestUpdateFilesRechecksLinksToWhatWent(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.toml":  {Data: []byte("id = \"notes\"\nname = \"Notes\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n")},
		"a.md":       {Data: []byte("# Alpha\n\nSee [[Bravo]] and [[Charlie#Sub heading]].\n")},
		"Bravo.md":   {Data: []byte("# Bravo\n\nBee.\n")},
		"Charlie.md": {Data: []byte("# Charlie\n\nSee.\n\n## Sub heading\n\nMore.\n")},
		"d.md":       {Data: []byte("# Delta\n\nNo links.\n")},
	}
	p, err := kb.LoadFS(fsys, kb.LoadOptions{ID: "notes"})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	shed := kb.NewLibrary(p).WithoutBodies(func(*kb.Pack) bool { return true }).Packs[0]

	delete(fsys, "Bravo.md")
	fsys["Charlie.md"] = &fstest.MapFile{Data: []byte("# Charlie\n\nSee.\n\n## Another heading\n\nMore.\n")}
	next, problems, err := kb.UpdateFiles(shed, fsys, []string{"Bravo.md", "Charlie.md"}, nil)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	var inA []string
	for _, pr := range problems {
		if pr.File == "a.md" {
			inA = append(inA, pr.Message)
		}
	}
	if len(inA) != 2 {
		t.Fatalf("problems of a.md after Bravo.md went and Charlie's heading changed: %q, want two (a missing note, a missing heading); all: %v", inA, problems)
	}
	if !strings.Contains(strings.Join(inA, " "), "Bravo") {
		t.Errorf("a.md's problems %q do not name Bravo", inA)
	}
	for _, it := range next.Items {
		if it.Source.File == "d.md" && it.Title != "Delta" {
			t.Errorf("d.md's item changed: %+v", it)
		}
	}
}
