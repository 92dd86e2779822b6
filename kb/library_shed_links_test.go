package kb_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A guide's body read back for a preview (Pack.LoadBodies, and LoadBodies
// without the pack) is what a load of the whole folder gives it: its
// wikilinks lead to the notes, headings and sections they name and its
// embeds show the embedded note, also for a note added or renamed after
// the pack's note names were first looked up, once the change reached
// the pack (UpdateFiles, as an edit outside Poise does), and for a pack
// read back as kept (StoredPack), which lists its names when first
// asked.
func TestLoadBodiesLinksAsFullLoad(t *testing.T) {
	packs := t.TempDir()
	dir := filepath.Join(packs, "notes")
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# Alpha\n\nSee [[b]], [[B#Part two]], [[sub/c|the C note]], [[New]] and [[later#Top]].\n\n![[b]]\n\n## Inside\n\nMore of [[b#part two]] and [[#Inside]].\n\n![[later]]\n")
	write("b.md", "# Bravo\n\nBravo words.\n\n## Part two\n\nSecond part words.\n")
	write("sub/b.md", "# Sub bravo\n\nThe other bravo.\n")
	write("sub/c.md", "# Charlie\n\nSee [[b]] nearby.\n\n## Top\n\nCharlie top.\n")

	full := func() *kb.Pack {
		t.Helper()
		lib, err := kb.LoadLibrary(nil, packs)
		if lib == nil {
			t.Fatal(err) // broken links are problems; the pack still loads
		}
		p, ok := lib.Pack("notes")
		if !ok {
			t.Fatal("no notes pack")
		}
		return p
	}
	check := func(when string, light, want *kb.Pack) {
		t.Helper()
		n := 0
		for i := range light.Items {
			it := &light.Items[i]
			if it.Kind != kb.KindGuide || it.Source.File == "sub/b.md" {
				continue
			}
			var w *kb.Item
			for j := range want.Items {
				if want.Items[j].ID == it.ID {
					w = &want.Items[j]
				}
			}
			if w == nil {
				t.Fatalf("%s: %s is not in the full load", when, it.ID)
			}
			fsys := os.DirFS(dir)
			viaPack, err := light.LoadBodies(fsys, kb.LoadOptions{ID: "notes"}, []*kb.Item{it})
			if err != nil || viaPack[0] == nil {
				t.Fatalf("%s: %s: %v", when, it.ID, err)
			}
			alone, err := kb.LoadBodies(fsys, kb.LoadOptions{ID: "notes"}, []*kb.Item{it})
			if err != nil || alone[0] == nil {
				t.Fatalf("%s: %s: %v", when, it.ID, err)
			}
			for _, got := range []*kb.Item{viaPack[0], alone[0]} {
				if got.Body != w.Body || got.Text != w.Text {
					t.Errorf("%s: %s read back:\n%q\n%q\nwant, as the whole folder loads it:\n%q\n%q", when, it.ID, got.Body, got.Text, w.Body, w.Text)
				}
				if len(got.Links) != len(w.Links) {
					t.Errorf("%s: %s links %v, want %v", when, it.ID, got.Links, w.Links)
				}
			}
			n++
		}
		if n < 5 {
			t.Fatalf("%s: %d guides read back, want the notes and their sections", when, n)
		}
	}

	before := full()
	light := kb.NewLibrary(before).WithoutBodies(func(*kb.Pack) bool { return true }).Packs[0]
	check("as loaded", light, before)
	// As the app starts: the pack read back as kept, without its names.
	st, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil || len(st.Packs) != 1 {
		t.Fatalf("scan: %v %+v", err, st)
	}
	store := t.TempDir()
	if err := kb.StorePack(store, light, st.Packs[0], nil); err != nil {
		t.Fatal(err)
	}
	kept, _, err := kb.StoredPack(store, st.Packs[0])
	if err != nil {
		t.Fatal(err)
	}
	check("read back as kept", kept, before)
	for _, want := range []string{"(<./b.md>)", "(<./b.md#part-two>)", "(<./sub/c.md>)", "Bravo words.", "Second part words."} {
		if !strings.Contains(before.Items[0].Body+before.Items[1].Body, want) {
			t.Errorf("the full load's a.md lacks %q: the test no longer covers it", want)
		}
	}

	// A note added, and one renamed, after the names were looked up.
	write("new.md", "# New\n\nNew words.\n")
	if err := os.Rename(filepath.Join(dir, "sub/c.md"), filepath.Join(dir, "later.md")); err != nil {
		t.Fatal(err)
	}
	next, _, err := kb.UpdateFiles(light, os.DirFS(dir), []string{"new.md", "sub/c.md", "later.md"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := full()
	check("after new.md was added and sub/c.md renamed later.md", next, after)
	body := after.Items[0].Body + after.Items[1].Body
	for _, want := range []string{"(<./new.md>)", "(<./later.md#top>)", "Charlie top."} {
		if !strings.Contains(body, want) {
			t.Errorf("the full load's a.md lacks %q after the change: the test no longer covers it", want)
		}
	}
	if strings.Contains(body, "(<./sub/c.md>)") {
		t.Error("the full load's a.md still links sub/c.md after its rename")
	}
}
