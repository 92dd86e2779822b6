package search

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
)

func topID(t *testing.T, ix *Index, text string) string {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: text})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	if len(res.Hits) == 0 {
		return ""
	}
	return res.Hits[0].ID
}

// indexDirs lists the index directories Open left in dir.
func indexDirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

type progressLog struct {
	mu    sync.Mutex
	calls [][2]int
}

func (p *progressLog) fn(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, [2]int{done, total})
}

func TestOpenBuildsThenReuses(t *testing.T) {
	dir := t.TempDir()
	var first progressLog
	ix, err := Open(dir, fixtureLibrary(), Options{Progress: first.fn})
	if err != nil {
		t.Fatal(err)
	}
	if ix.inMemory() {
		t.Fatal("index built in memory, want on disk")
	}
	if got := topID(t, ix, "refund"); got != "builtin/matrix/refund-outside-policy" {
		t.Errorf("top hit = %q", got)
	}
	ix.Close()
	n := len(fixturePack().Items)
	if len(first.calls) == 0 || first.calls[len(first.calls)-1] != [2]int{n, n} {
		t.Errorf("progress calls = %v, want to end at %d/%d", first.calls, n, n)
	}

	var second progressLog
	ix, err = Open(dir, fixtureLibrary(), Options{Progress: second.fn})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(second.calls) != 0 {
		t.Errorf("reopening rebuilt the index (progress %v)", second.calls)
	}
	if got := topID(t, ix, "refund"); got != "builtin/matrix/refund-outside-policy" {
		t.Errorf("after reopen top hit = %q", got)
	}
	if got := indexDirs(t, dir); len(got) != 1 {
		t.Errorf("index dir holds %v, want one index", got)
	}
}

func TestOpenRebuildsWhenContentChanges(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, fixtureLibrary(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := indexDirs(t, dir)
	ix.Close()

	var prog progressLog
	ix, err = Open(dir, kb.NewLibrary(fixturePack(), teamPack()), Options{Progress: prog.fn})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(prog.calls) == 0 {
		t.Error("changed content did not rebuild")
	}
	if got := topID(t, ix, "voucher"); got != "acme/matrix/coupon-rejected" {
		t.Errorf("team pack item not found: top hit %q", got)
	}
	after := indexDirs(t, dir)
	if len(after) != 1 || slices.Equal(before, after) {
		t.Errorf("index dirs before %v after %v: want the old one replaced", before, after)
	}
}

func TestOpenRecoversFromBadIndex(t *testing.T) {
	hash := newCorpus(fixtureLibrary()).hash
	tests := []struct {
		name  string
		spoil func(t *testing.T, dir string)
	}{
		{"garbage files", func(t *testing.T, dir string) {
			p := filepath.Join(dir, hash)
			os.MkdirAll(filepath.Join(p, "store"), 0o700)
			os.WriteFile(filepath.Join(p, "index_meta.json"), []byte("{not json"), 0o600)
			os.WriteFile(filepath.Join(p, "store", "root.bolt"), []byte("garbage"), 0o600)
		}},
		{"empty directory", func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, hash), 0o700)
		}},
		{"truncated bolt file", func(t *testing.T, dir string) {
			buildThenClose(t, dir, fixtureLibrary())
			root := filepath.Join(dir, hash, "store", "root.bolt")
			if err := os.Truncate(root, 100); err != nil {
				t.Fatal(err)
			}
		}},
		{"segments deleted", func(t *testing.T, dir string) {
			buildThenClose(t, dir, fixtureLibrary())
			zaps, _ := filepath.Glob(filepath.Join(dir, hash, "store", "*.zap"))
			if len(zaps) == 0 {
				t.Fatal("no segment files to delete")
			}
			for _, z := range zaps {
				os.Remove(z)
			}
		}},
		{"foreign index under our name", func(t *testing.T, dir string) {
			// A valid index of other content, renamed into place.
			other := t.TempDir()
			buildThenClose(t, other, kb.NewLibrary(teamPack()))
			names := indexDirs(t, other)
			if err := os.Rename(filepath.Join(other, names[0]), filepath.Join(dir, hash)); err != nil {
				t.Fatal(err)
			}
		}},
		{"abandoned build", func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, buildPrefix+"deadbeef-000000", "store"), 0o700)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.spoil(t, dir)
			ix, err := Open(dir, fixtureLibrary(), Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer ix.Close()
			if ix.inMemory() {
				t.Error("fell back to memory; want the index rebuilt on disk")
			}
			if got := topID(t, ix, "where is my order"); got != "builtin/matrix/late-delivery" {
				t.Errorf("top hit = %q", got)
			}
			if got := indexDirs(t, dir); !slices.Equal(got, []string{hash}) {
				t.Errorf("index dir holds %v, want only %s", got, hash)
			}
		})
	}
}

func buildThenClose(t *testing.T, dir string, lib *kb.Library) {
	t.Helper()
	ix, err := Open(dir, lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
}

func TestOpenReadOnly(t *testing.T) {
	t.Run("missing index is built in memory and nothing written", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "index")
		ix, err := Open(dir, fixtureLibrary(), Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if !ix.inMemory() {
			t.Error("want in memory")
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("read-only open touched %s (%v)", dir, err)
		}
		if got := topID(t, ix, "manager"); got != "builtin/matrix/demand-for-manager" {
			t.Errorf("top hit = %q", got)
		}
	})
	t.Run("index held by another opener falls back to memory", func(t *testing.T) {
		dir := t.TempDir()
		app, err := Open(dir, fixtureLibrary(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer app.Close()
		start := time.Now()
		cli, err := Open(dir, fixtureLibrary(), Options{ReadOnly: true, openTimeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer cli.Close()
		if !cli.inMemory() {
			t.Error("want the read-only opener in memory while the index is held")
		}
		if waited := time.Since(start); waited > 5*time.Second {
			t.Errorf("read-only open blocked for %v", waited)
		}
		if got := topID(t, cli, "manager"); got != "builtin/matrix/demand-for-manager" {
			t.Errorf("top hit = %q", got)
		}
		if got := topID(t, app, "manager"); got != "builtin/matrix/demand-for-manager" {
			t.Errorf("app top hit = %q", got)
		}
	})
	t.Run("matching index is used when free", func(t *testing.T) {
		dir := t.TempDir()
		buildThenClose(t, dir, fixtureLibrary())
		ix, err := Open(dir, fixtureLibrary(), Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if ix.inMemory() {
			t.Error("want the index on disk used")
		}
	})
}

func TestUpdateAnswersDuringRebuild(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, fixtureLibrary(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	stop := make(chan struct{})
	errs := make(chan string, 100)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := ix.Search(context.Background(), Query{Text: "refund"})
				if err != nil {
					errs <- err.Error()
					return
				}
				if len(res.Hits) == 0 || res.Hits[0].ID != "builtin/matrix/refund-outside-policy" {
					errs <- "wrong or no hit during rebuild"
					return
				}
			}
		}()
	}
	if err := ix.Update(context.Background(), kb.NewLibrary(fixturePack(), teamPack())); err != nil {
		t.Fatalf("Update: %v", err)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if got := topID(t, ix, "coupon"); got != "acme/matrix/coupon-rejected" {
		t.Errorf("after update top hit = %q", got)
	}
	if got := indexDirs(t, dir); len(got) != 1 {
		t.Errorf("index dir holds %v after update", got)
	}
}

func TestUpdateCancelledKeepsOldIndex(t *testing.T) {
	ix := openFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.Update(ctx, kb.NewLibrary(fixturePack(), teamPack())); err == nil {
		t.Error("Update with a cancelled context succeeded")
	}
	if got := topID(t, ix, "refund"); got != "builtin/matrix/refund-outside-policy" {
		t.Errorf("old index lost: top hit %q", got)
	}
}

func TestSearchAfterClose(t *testing.T) {
	ix, err := OpenMemory(fixtureLibrary())
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := ix.Search(context.Background(), Query{Text: "refund"}); err != ErrClosed {
		t.Errorf("Search after Close: %v, want ErrClosed", err)
	}
}
