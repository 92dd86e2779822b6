package kb_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// vault writes the issue 10 vault (6,300 files, 33 MB, 35 languages) once
// per benchmark into a packs folder.
func vault(b *testing.B) string {
	b.Helper()
	packs := b.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Seed: 7}); err != nil {
		b.Fatal(err)
	}
	return packs
}

// Loading the whole vault: time, and bytes allocated per run (B/op).
func BenchmarkLoadVault(b *testing.B) {
	packs := vault(b)
	b.ReportAllocs()
	for b.Loop() {
		lib, err := kb.LoadLibrary(nil, packs)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		lib.Items(func(*kb.Item) { n++ })
		b.ReportMetric(float64(n), "items")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "heap-sys-MiB")
}

// Whether the library changed since the last scan, when nothing did: the
// check the CLI and the app make at start instead of loading.
func BenchmarkScanUnchangedVault(b *testing.B) {
	packs := vault(b)
	prev, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, _ := kb.ScanLibrary(nil, packs, prev)
		if s.Key() != prev.Key() {
			b.Fatal("changed")
		}
	}
}
