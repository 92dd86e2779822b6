package search_test

import (
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// BenchmarkAppHeapVault is what the app holds once the issue 10 vault
// (POISE_VAULT_FILES for another size) has loaded behind a window that
// opened on the index kept last time, as Run does it: OpenCurrent, the
// vault read as kept by the start before (kb.LoadLibraryKept: its items
// without the guides' bodies, no note parsed), and UseLibrary. It
// reports what that adds to the live heap after a collection
// (heap-live-MiB). The app's resident memory is this plus Fyne, the GL
// driver and the index's mapped files: the README ("Large libraries and
// memory") gives the figures.
func BenchmarkAppHeapVault(b *testing.B) {
	packs := vaultPacks(b)
	dir, kept := b.TempDir(), b.TempDir()
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil && lib == nil {
		b.Fatal(err)
	}
	ix, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	light := lib.WithoutBodies(func(p *kb.Pack) bool { return !p.Builtin })
	problems := map[string][]kb.Problem{}
	kb.LoadLibraryKept(nil, packs, kb.Kept{Loaded: func(p *kb.Pack, ps []kb.Problem, _ bool) { problems[p.Manifest.ID] = ps }})
	for _, p := range light.Packs {
		for _, ps := range state.Packs {
			if ps.Dir == p.Dir {
				if err := kb.StorePack(kept, p, ps, problems[p.Manifest.ID]); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	var held float64
	for b.Loop() {
		// What the process held before (the text engine's caches, warm
		// from building the index here) is not the start's.
		before := liveHeapMiB()
		ix, err := search.OpenCurrent(dir, state, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		fromKept := false
		lib, _ := kb.LoadLibraryKept(nil, packs, kb.Kept{Dir: kept, State: state, Loaded: func(_ *kb.Pack, _ []kb.Problem, k bool) { fromKept = k }})
		if !fromKept || !ix.UseLibrary(lib, state) {
			b.Fatal("the vault was not read as kept, or the index did not take it")
		}
		held = liveHeapMiB() - before
		runtime.KeepAlive(lib)
		ix.Close()
	}
	b.ReportMetric(held, "heap-live-MiB")
}

// liveHeapMiB is the heap that survives a collection.
func liveHeapMiB() float64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()) / (1 << 20)
}
