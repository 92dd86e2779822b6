package search_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// BenchmarkBuildVault is the app's first index build for the issue 10
// vault (6,300 files, 33 MB, 35 languages; POISE_VAULT_FILES=18900 for
// three times that): loading every pack and building the index on disk.
// B/op is what it allocates; CPU time is what load on the machine cannot
// inflate.
func BenchmarkBuildVault(b *testing.B) {
	files := searchtest.DefaultVaultFiles
	if n, err := strconv.Atoi(os.Getenv("POISE_VAULT_FILES")); err == nil {
		files = n
	}
	packs := b.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Files: files, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		lib, err := kb.LoadLibrary(nil, packs)
		if err != nil {
			b.Fatal(err)
		}
		ix, err := search.Open(dir, lib, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if ix.InMemory() {
			b.Fatal("built in memory")
		}
		ix.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
}
