package search_test

import (
	"context"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// BenchmarkAppHeapVault is what the app holds once the issue 10 vault
// (POISE_VAULT_FILES for another size) has loaded behind a window that
// opened on the index kept last time, as Run does it: OpenCurrent, the
// library loaded, UpdateLibrary, then the library without the vault's
// guide bodies (read from disk when shown). It reports the live heap with
// the whole library held (loaded-MiB) and with the bodies shed
// (heap-live-MiB), each after a collection. The app's resident memory is
// this plus Fyne, the GL driver and the index's mapped files: the README
// ("Large libraries and memory") gives the figures and what is reachable.
func BenchmarkAppHeapVault(b *testing.B) {
	packs := vaultPacks(b)
	dir := b.TempDir()
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		b.Fatal(err)
	}
	ix.Close()
	lib = nil
	var loaded, shed float64
	for b.Loop() {
		ix, err := search.OpenCurrent(dir, state, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		full, err := kb.LoadLibrary(nil, packs)
		if err != nil {
			b.Fatal(err)
		}
		light := full.WithoutBodies(func(p *kb.Pack) bool { return !p.Builtin })
		if err := ix.UpdateLibrary(context.Background(), full, state); err != nil {
			b.Fatal(err)
		}
		loaded = liveHeapMiB()
		if !ix.UseShed(light) {
			b.Fatal("the index did not take the light library")
		}
		shed = liveHeapMiB()
		runtime.KeepAlive(light)
		ix.Close()
	}
	b.ReportMetric(loaded, "loaded-MiB")
	b.ReportMetric(shed, "heap-live-MiB")
}

// liveHeapMiB is the heap that survives a collection.
func liveHeapMiB() float64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()) / (1 << 20)
}
