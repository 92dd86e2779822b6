package kb_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// vault writes the issue 10 vault (6,300 files, 33 MB, 35 languages) once
// per benchmark into a packs folder; POISE_VAULT_DIR=/path copies a real
// folder of notes instead, as kb/search's BenchmarkBuildVault does.
func vault(b *testing.B) string {
	b.Helper()
	packs := b.TempDir()
	if real := os.Getenv("POISE_VAULT_DIR"); real != "" {
		if err := os.CopyFS(filepath.Join(packs, "vault"), os.DirFS(real)); err != nil {
			b.Fatal(err)
		}
		return packs
	}
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Seed: 7}); err != nil {
		b.Fatal(err)
	}
	return packs
}

// Loading the whole vault: time, and bytes allocated per run (B/op).
func BenchmarkLoadVault(b *testing.B) {
	packs := vault(b)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		lib, err := kb.LoadLibrary(nil, packs)
		if err != nil && os.Getenv("POISE_VAULT_DIR") == "" {
			b.Fatal(err) // a real vault has broken links; it still loads
		}
		n := 0
		lib.Items(func(*kb.Item) { n++ })
		b.ReportMetric(float64(n), "items")
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
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

// The first scan of the library, with no state before: every file read
// and hashed, what a first index build does before loading.
func BenchmarkScanFirstVault(b *testing.B) {
	packs := vault(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kb.ScanLibrary(nil, packs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// Reading one guide's body back from its note in the vault, as the app
// does for a preview once the vault's bodies are out of memory
// (Library.WithoutBodies): it must stay well under a keystroke's time.
func BenchmarkLoadBodyVault(b *testing.B) {
	packs := vault(b)
	lib := loadVaultPacks(b, packs)
	light := lib.WithoutBodies(func(*kb.Pack) bool { return true })
	var items []*kb.Item
	light.Items(func(it *kb.Item) {
		if it.Kind == kb.KindGuide && len(items) < 200 && len(it.ID)%7 == 0 {
			items = append(items, it)
		}
	})
	fsys := os.DirFS(filepath.Join(packs, "vault"))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := kb.LoadBody(fsys, kb.LoadOptions{ID: "vault"}, items[i%len(items)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// Reading back the body of one guide that links to other notes, as a
// preview does while the agent moves through results (Pack.LoadBodies):
// it should cost what its note costs, not a listing of every note of the
// folder (B/op; 5.9 MB on the obsidian-help vault before the pack kept
// its note names).
func BenchmarkLoadBodiesVault(b *testing.B) {
	packs := vault(b)
	lib := loadVaultPacks(b, packs)
	light := lib.WithoutBodies(func(*kb.Pack) bool { return true })
	pack, _ := light.Pack("vault")
	var items []*kb.Item
	light.Items(func(it *kb.Item) {
		if it.Kind == kb.KindGuide && len(it.Links) > 0 && len(items) < 200 && len(it.ID)%5 == 0 {
			items = append(items, it)
		}
	})
	if len(items) == 0 {
		b.Fatal("no guide links to another")
	}
	fsys := os.DirFS(filepath.Join(packs, "vault"))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		got, err := pack.LoadBodies(fsys, kb.LoadOptions{ID: "vault"}, items[i%len(items):i%len(items)+1])
		if err != nil || got[0] == nil {
			b.Fatal(err)
		}
		i++
	}
}

// loadVaultPacks loads the benchmark's packs. A real vault (POISE_VAULT_DIR)
// has broken links, which are load problems, not failures: it still loads.
func loadVaultPacks(b *testing.B, packs string) *kb.Library {
	b.Helper()
	lib, err := kb.LoadLibrary(nil, packs)
	if lib == nil || err != nil && os.Getenv("POISE_VAULT_DIR") == "" {
		b.Fatal(err)
	}
	return lib
}
