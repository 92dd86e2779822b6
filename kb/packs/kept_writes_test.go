package packs_test

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// Writes for one pack run one at a time, in the order asked, and one
// superseded before it started is skipped: the pack kept is always the
// last one asked for. Another pack's writes do not wait for them.
func TestKeptWritesKeepTheLatest(t *testing.T) {
	var w packs.KeptWrites
	var mu sync.Mutex
	var order []string
	record := func(name string) func() {
		return func() { mu.Lock(); order = append(order, name); mu.Unlock() }
	}
	started, release := make(chan struct{}), make(chan struct{})
	w.Go("vault", func() { close(started); <-release; record("first")() })
	<-started
	w.Go("vault", record("second"))
	w.Go("vault", record("third"))
	other := make(chan struct{})
	w.Go("other", func() { close(other) })
	<-other // not held up by the vault's first write
	close(release)
	w.Wait()
	if !slices.Equal(order, []string{"first", "third"}) {
		t.Errorf("writes ran as %v, want first, then third (second superseded)", order)
	}
}

// Through the real store: the kept pack is the state asked last, whatever
// order the writes' goroutines would have finished in.
func TestKeptWritesStoreTheLastState(t *testing.T) {
	keptDir := t.TempDir()
	pk := &kb.Pack{Dir: "vault", Manifest: kb.Manifest{ID: "vault", Name: "Vault"}}
	var w packs.KeptWrites
	var states []kb.PackState
	for i := range 20 {
		ps := kb.PackState{Dir: "vault", Files: []kb.FileState{{Path: "a.md", Size: int64(i + 1), ModTime: int64(i), Hash: "h"}}}
		states = append(states, ps)
		w.Go("vault", func() {
			if err := kb.StorePackShedding(keptDir, pk, ps, nil); err != nil {
				t.Error(err)
			}
		})
	}
	w.Wait()
	if _, _, err := kb.StoredPack(keptDir, states[len(states)-1]); err != nil {
		t.Errorf("the pack kept is not the last asked for: %v", err)
	}
	entries, _ := os.ReadDir(keptDir)
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Errorf("a write left %s", e.Name())
		}
	}
}
