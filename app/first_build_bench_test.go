//go:build unix

package app

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// BenchmarkFirstBuildVault is the app's first start on a data folder with
// the issue 10 vault installed as a folder pack and no index, as Run does
// it (startFirstBuild) but without a real window: scanning the packs,
// loading them, building the index, keeping the large pack. Set
// POISE_VAULT_DIR to a folder of notes to use it instead of the generated
// vault. ready-s/op is the time until search answers; ns/op runs until the
// large pack is kept too. Against kb/search's BenchmarkBuildVault (loading
// and building alone) it shows what the app adds; what the window adds
// is measured on the real app (its log says "search ready … after start").
func BenchmarkFirstBuildVault(b *testing.B) {
	vault := b.TempDir()
	if real := os.Getenv("POISE_VAULT_DIR"); real != "" {
		if err := os.CopyFS(filepath.Join(vault, "vault"), os.DirFS(real)); err != nil {
			b.Fatal(err)
		}
	} else if _, err := searchtest.WriteVault(filepath.Join(vault, "vault"), searchtest.VaultOptions{Seed: 7}); err != nil {
		b.Fatal(err)
	}
	if os.Getenv("GOGC") == "" {
		// As Run sets it (capMemory); each build runs uncapped and caps it
		// again once built (startFirstBuild, openIndex).
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	b.ReportAllocs()
	var ready time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		home := b.TempDir()
		packsDir := filepath.Join(home, "packs")
		if err := os.Rename(vault, packsDir); err != nil {
			b.Fatal(err)
		}
		p := newTestPoise(b, kb.NewLibrary())
		p.logf = func(string, ...any) {} // the vault's problems
		b.StartTimer()
		start := time.Now()
		built := startFirstBuild(b, p, packsDir, filepath.Join(home, "index"))
		waitUI(b, p, func() bool { return p.search != nil })
		ready += time.Since(start)
		waitUI(b, p, built)
		b.StopTimer()
		if c, ok := p.search.(interface{ Close() error }); ok {
			c.Close()
		}
		if err := os.Rename(packsDir, vault); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(ready.Seconds()/float64(b.N), "ready-s/op")
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
