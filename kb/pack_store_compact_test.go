package kb

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"unsafe"
)

// keptTestPack is a kept pack of n guides, each with a section, a link,
// tags and aliases, as a folder of notes has them.
func keptTestPack(n int) (*Pack, PackState) {
	st := PackState{Dir: "notes", Files: []FileState{{Path: "a.md", Size: 3, Hash: "h"}}}
	pk := &Pack{Manifest: Manifest{ID: "notes"}, Dir: "notes", Shed: true, Notes: true}
	for i := range n {
		file := fmt.Sprintf("note-%d.md", i/2)
		guide := fmt.Sprintf("notes/note-%d", i)
		pk.Items = append(pk.Items,
			Item{ID: guide, Pack: "notes", Kind: KindGuide, Title: fmt.Sprintf("Note %d", i), Summary: fmt.Sprintf("What note %d says.", i),
				Sections: []string{guide + "#one"}, Tags: []string{"sync"}, Aliases: []string{fmt.Sprintf("n%d", i)},
				Links:  []Link{{Href: "other.md", Target: "notes/other"}, {Href: fmt.Sprintf("#x%d", i), Target: guide + "#one"}},
				Source: Source{File: file, Line: 1}, Language: "en"},
			Item{ID: guide + "#one", Pack: "notes", Kind: KindGuide, Title: "One", Parent: guide, Source: Source{File: file, Line: 3}, Language: "en"},
		)
	}
	pk.Items = append(pk.Items, Item{ID: "notes/other", Pack: "notes", Kind: KindTemplate, Title: "Other", Body: "Hi {{name}}", Text: "Hi {{name}}",
		Fields: []Field{{Name: "name"}}, Source: Source{File: "other.md", Line: 1}})
	return pk, st
}

// A kept pack read back has every item as it was kept, its strings shared
// where the items repeat them.
func TestStoredPackItemsAsKept(t *testing.T) {
	store := t.TempDir()
	pk, st := keptTestPack(50)
	if err := StorePack(store, pk, st, nil); err != nil {
		t.Fatal(err)
	}
	got, _, err := StoredPack(store, st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Items, pk.Items) {
		for i := range pk.Items {
			if !reflect.DeepEqual(got.Items[i], pk.Items[i]) {
				t.Fatalf("item %d read back as\n%+v\nwant\n%+v", i, got.Items[i], pk.Items[i])
			}
		}
		t.Fatalf("%d items read back, want %d", len(got.Items), len(pk.Items))
	}
	a, b := got.Items[0], got.Items[2]
	if unsafe.StringData(a.Links[0].Href) != unsafe.StringData(b.Links[0].Href) || unsafe.StringData(a.Tags[0]) != unsafe.StringData(b.Tags[0]) ||
		unsafe.StringData(a.Links[0].Target) != unsafe.StringData(got.Items[len(got.Items)-1].ID) {
		t.Error("items read back hold a copy each of a link or tag they share")
	}
	// One item's sections or links grown do not write over the next's.
	grown := append(got.Items[0].Sections, "notes/extra")
	grownLinks := append(got.Items[0].Links, Link{Href: "x.md"})
	if got.Items[2].Sections[0] != "notes/note-1#one" || got.Items[2].Links[0].Href != "other.md" || len(grown) != 2 || len(grownLinks) != 3 {
		t.Errorf("appending to an item's sections or links changed the next item's: %v %v", got.Items[2].Sections, got.Items[2].Links)
	}
}

// A kept pack read back is a few large objects, not several small ones
// per item: what decoding leaves spread over the heap's pages keeps them
// part used for as long as the app runs.
func TestStoredPackItemsInFewObjects(t *testing.T) {
	store := t.TempDir()
	const n = 4000
	pk, st := keptTestPack(n)
	if err := StorePack(store, pk, st, nil); err != nil {
		t.Fatal(err)
	}
	pk = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, _, err := StoredPack(store, st)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	objects := int64(after.HeapObjects) - int64(before.HeapObjects)
	// Without compactItems: about 10 objects an item (its strings, its
	// sections, links, tags and aliases).
	t.Logf("objects %d", objects)
	if objects > 2*n {
		t.Errorf("%d items read back are %d heap objects, want at most %d", len(got.Items), objects, 2*n)
	}
	runtime.KeepAlive(got)
}
