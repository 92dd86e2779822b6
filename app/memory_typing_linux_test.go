//go:build linux

package app

import (
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/internal/residency"
	"github.com/poisehq/poise/internal/residency/smapstest"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// The pages of the index's files a search read while the agent types are
// let go once its results are on screen, not only when typing pauses: a
// real index on disk, searched through the Find screen, and the kernel's
// count of that index's resident pages in this process.
func TestFindLetsGoOfIndexPagesWhileTyping(t *testing.T) {
	// Enough items that one search reads many pages of the index, well
	// above what the index's own goroutines may read meanwhile.
	c := searchtest.Generate(3000, 4000, 1)
	p := newTestPoise(t, c.Library)
	dataDir := t.TempDir()
	indexDir := filepath.Join(dataDir, "index")
	ix, err := search.Open(indexDir, p.lib, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })

	var enabled atomic.Bool
	var calls atomic.Int32
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	p.pages = &pageDropper{
		drop: func() {
			if enabled.Load() {
				_, _ = residency.DropMapped(indexDir)
			}
			calls.Add(1)
		},
		// Every search comes an interval after the last: each may drop.
		now: func() time.Time { clock = clock.Add(dropPagesEvery); return clock },
	}
	f := p.show(screenFind).(*findScreen)
	ch := waitApplied(f)
	p.setSearcher(ix)
	wait(t, p, ch, "")
	waitCalls := func(n int32) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); calls.Load() < n; {
			if time.Now().After(deadline) {
				t.Fatalf("%d searches let go of pages, want %d", calls.Load(), n)
			}
			time.Sleep(time.Millisecond)
		}
	}

	// Without letting go, the pages a search read stay resident: what
	// this test would see if the screen did not drop them.
	before := calls.Load()
	first, second := c.Vocabulary[60], c.Vocabulary[70]
	test.Type(f.entry, first)
	wait(t, p, ch, first)
	waitCalls(before + 1)
	kept := smapstest.UnderKB(t, indexDir)
	if kept < 256 {
		t.Fatalf("%d kB of the index resident after a search: too few for the test to see pages let go", kept)
	}

	enabled.Store(true)
	f.entry.SetText(second)
	wait(t, p, ch, second)
	waitCalls(before + 2)
	if left := smapstest.UnderKB(t, indexDir); left > kept/8 {
		t.Errorf("%d kB of the index still resident after the search's results showed, want next to none (one search left %d kB)", left, kept)
	}
	if len(f.hits) == 0 {
		t.Errorf("no results for %q", second)
	}
}
