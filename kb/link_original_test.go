package kb_test

import (
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

// A link of an override's file to a section of the original's pack opens
// that section; the same link in a file that overrides nothing is broken.
func TestOverrideLinksReadAgainstTheOriginalsPack(t *testing.T) {
	team, err := kb.LoadFS(fstest.MapFS{
		"pack.toml":          {Data: []byte("id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n")},
		"guides/calm.md":     {Data: []byte("---\ntitle: Calm\n---\nIntro.\n\n## After the call\nStand up.\n")},
		"checklists/hand.md": {Data: []byte("---\ntitle: Hand\n---\n- [ ] Breathe (see [after](../guides/calm.md#after-the-call)).\n")},
	}, kb.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	step := "---\ntitle: Hand\n---\n- [ ] Breathe (see [after](../guides/calm.md#after-the-call)).\n"
	mine, err := kb.LoadFS(fstest.MapFS{
		"pack.toml":          {Data: []byte("id = \"mine\"\nname = \"My pack\"\nversion = \"1.0.0\"\noverrides = [\"team/checklists/hand\"]\n")},
		"checklists/hand.md": {Data: []byte(step)},
	}, kb.LoadOptions{})
	if err != nil {
		t.Fatalf("an override's link to the original's pack is reported: %v", err)
	}
	lib := kb.NewLibrary(team, mine)
	it, ok := lib.Item("mine/checklists/hand")
	if !ok {
		t.Fatal("no mine/checklists/hand")
	}
	if id, ok := lib.ResolveLink(it, "../guides/calm.md#after-the-call"); !ok || id != "team/guides/calm#after-the-call" {
		t.Errorf("link opens %q, %v; want team/guides/calm#after-the-call", id, ok)
	}
	if it.Steps[0].Markdown != "Breathe (see [after](../guides/calm.md#after-the-call))." {
		t.Errorf("step markdown = %q", it.Steps[0].Markdown)
	}

	_, err = kb.LoadFS(fstest.MapFS{
		"pack.toml":         {Data: []byte("id = \"mine\"\nname = \"My pack\"\nversion = \"1.0.0\"\n")},
		"checklists/own.md": {Data: []byte(step)},
	}, kb.LoadOptions{})
	if err == nil {
		t.Error("a link to a missing file in a file that overrides nothing is not reported")
	}
}
