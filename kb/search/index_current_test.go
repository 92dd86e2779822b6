package search_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// An index built for a library state opens again for the same state
// without the library, and answers as the library-backed index did.
func TestOpenCurrentWithoutTheLibrary(t *testing.T) {
	packs := t.TempDir()
	pack := filepath.Join(packs, "team")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "refunds.md"), []byte("# Refunds\n\nHow refunds work.\n\n## Late refund\n\nWhen the refund is late, check the date it was sent.\n\n## 同步冲突\n\n同步冲突时保留两个版本。\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "parcel.md"), []byte("# Parcel\n\nThe parcel is late again.\n"), 0o644)

	dir := filepath.Join(t.TempDir(), "index")
	if _, err := search.OpenCurrent(dir, nil, search.Options{}); !errors.Is(err, search.ErrStale) {
		t.Fatalf("no index yet: %v, want ErrStale", err)
	}
	state, err := kb.ScanLibrary(nil, packs, search.RecordedState(dir))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	full, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	q := search.Query{Text: "late refund"}
	want, err := full.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	full.Close()

	again, err := kb.ScanLibrary(nil, packs, search.RecordedState(dir))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.OpenCurrent(dir, again, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("OpenCurrent: %v", err)
	}
	got, err := ix.Search(context.Background(), q)
	ix.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Hits) == 0 || len(got.Hits) != len(want.Hits) || got.Total != want.Total {
		t.Fatalf("without the library: %d hits of %d, want %d of %d", len(got.Hits), got.Total, len(want.Hits), want.Total)
	}
	for i := range want.Hits {
		w, g := want.Hits[i], got.Hits[i]
		if w.ID != g.ID || w.Title != g.Title || w.Kind != g.Kind || w.Pack != g.Pack || w.Snippet != g.Snippet {
			t.Errorf("hit %d = %+v, want %+v", i, g, w)
		}
	}

	// An edit makes the recorded index stale.
	os.WriteFile(filepath.Join(pack, "parcel.md"), []byte("# Parcel\n\nThe parcel is early.\n"), 0o644)
	changed, _ := kb.ScanLibrary(nil, packs, search.RecordedState(dir))
	if _, err := search.OpenCurrent(dir, changed, search.Options{ReadOnly: true}); !errors.Is(err, search.ErrStale) {
		t.Errorf("after an edit: %v, want ErrStale", err)
	}
}
