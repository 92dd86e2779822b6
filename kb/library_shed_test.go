package kb_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// A folder pack's guides shed their bodies and get them back from their
// file; the built-in pack and items that are not guides keep theirs.
func TestWithoutBodiesAndLoadBody(t *testing.T) {
	packs := t.TempDir()
	dir := filepath.Join(packs, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	note := "# Parking\n\nWhere to park.\n\n## Visitors\n\nVisitors park by the [north gate](#staff).\n\n## Staff\n\nStaff park behind.\n\n## Reply\n\nHi {name}, park by the gate.\n"
	if err := os.WriteFile(filepath.Join(dir, "parking.md"), []byte(note), 0o600); err != nil {
		t.Fatal(err)
	}
	full, err := kb.LoadLibrary(content.FS, packs)
	if err != nil {
		t.Fatal(err)
	}
	light := full.WithoutBodies(func(p *kb.Pack) bool { return !p.Builtin })
	if !light.BodiesShed("notes") || light.BodiesShed(kb.BuiltinID) || !light.HasShed() || full.HasShed() {
		t.Fatal("the folder pack alone should be marked as shed, in the light library only")
	}
	n := 0
	full.Items(func(want *kb.Item) {
		got, ok := light.Item(want.ID)
		if !ok {
			t.Fatalf("%s is missing from the light library", want.ID)
		}
		shed := want.Pack == "notes" && want.Kind == kb.KindGuide
		if shed != (got.Body == "" && got.Text == "") || got.Title != want.Title || len(got.Links) != len(want.Links) {
			t.Errorf("%s: shed %v, body %q, title %q", want.ID, shed, got.Body, got.Title)
		}
		if !shed {
			return
		}
		n++
		back, err := kb.LoadBody(os.DirFS(dir), kb.LoadOptions{ID: "notes"}, got)
		if err != nil {
			t.Fatal(err)
		}
		if back.Body != want.Body || back.Text != want.Text || back.ID != want.ID || len(back.Links) != len(want.Links) {
			t.Errorf("%s back: body %q text %q, want %q %q", want.ID, back.Body, back.Text, want.Body, want.Text)
		}
	})
	if n != 3 {
		t.Errorf("%d guides shed, want 3 (the note and two sections; the reply is a template)", n)
	}
	if tpl, ok := light.Item("notes/parking#reply"); !ok || tpl.Kind != kb.KindTemplate || tpl.Text == "" {
		t.Errorf("the template lost its text: %+v", tpl)
	}
}
