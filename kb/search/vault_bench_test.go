package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/poisehq/poise/internal/hugeheap"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// BenchmarkBuildVault is the app's first index build for the issue 10
// vault (6,300 files, 33 MB, 35 languages; POISE_VAULT_FILES=18900 for
// three times that; POISE_VAULT_DIR=/path for a real folder of notes):
// loading every pack and building the index on disk, its heap faulted in
// huge pages where the system allows (internal/hugeheap).
// B/op is what it allocates; CPU time is what load on the machine cannot
// inflate.
func BenchmarkBuildVault(b *testing.B) {
	real := os.Getenv("POISE_VAULT_DIR")
	realVault := real != ""
	var packs string
	if realVault {
		// A real vault of your own, to check the generated one's figures:
		// its vocabulary is what costs most in Bleve.
		packs = b.TempDir()
		if err := os.CopyFS(filepath.Join(packs, "vault"), os.DirFS(real)); err != nil {
			b.Fatal(err)
		}
	} else {
		packs = vaultPacks(b)
	}
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		// As "poise search" and the app do before a first build; the block
		// it allocates and frees at once is left out of B/op.
		stopHugeHeap := hugeheap.Reserve(search.FirstBuildHeap(state))
		b.StartTimer()
		lib, err := kb.LoadLibrary(nil, packs)
		if err != nil && !realVault {
			b.Fatal(err) // a real vault has broken links; they still load
		}
		ix, err := search.Open(dir, lib, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if ix.InMemory() {
			b.Fatal("built in memory")
		}
		stopHugeHeap()
		ix.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e9/float64(b.N), "cpu-s/op")
}

// BenchmarkUpdateFileVault edits one note of the issue 10 vault, installed
// as a folder pack and indexed on disk, and reindexes it (UpdateFiles, as
// the personal pack's editor does on save): the figure to keep under
// 200 ms whatever the size of the library.
func BenchmarkUpdateFileVault(b *testing.B) {
	packs := vaultPacks(b)
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(b.TempDir(), lib, search.Options{State: state})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	lib = nil
	note := filepath.Join(packs, "vault", "en", "sync conflict.md")
	src := search.Packs{Dir: packs}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		body := fmt.Sprintf("# Sync conflict\n\nWhen two devices edit one note, keep both copies (edit %d).\n\n## Resolve\nCompare them side by side.\n", n)
		if err := os.WriteFile(note, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := ix.UpdateFiles(context.Background(), src, "vault", []string{"en/sync conflict.md"}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	res, err := ix.Search(context.Background(), search.Query{Text: "side by side"})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "vault/en/sync-conflict#resolve" {
		b.Fatalf("after the edits: %v %v", res, err)
	}
}

// BenchmarkSearchKeptVault is "poise search" answering from the index kept
// for the issue 10 vault with the app closed, less the start of the
// process: read the record, check every pack file's size and time while
// the index opens, search, close. CPU time and allocations are what load
// on the machine cannot inflate.
func BenchmarkSearchKeptVault(b *testing.B) {
	packs := b.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Seed: 7}); err != nil {
		b.Fatal(err)
	}
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
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		rc := search.ReadRecorded(dir)
		rc.Preopen(search.Options{ReadOnly: true})
		st, err := kb.ScanLibrary(nil, packs, rc.State())
		if err != nil {
			b.Fatal(err)
		}
		ix, err := rc.OpenCurrent(st, search.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		res, err := ix.Search(ctx, search.Query{Text: "sync", Limit: 10, NoFacets: true})
		if err != nil || len(res.Hits) == 0 {
			b.Fatalf("search: %v %v", res, err)
		}
		ix.Close()
		rc.Close()
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
}

// vaultPacks writes the issue 10 vault as a folder pack (POISE_VAULT_FILES
// files, the default size otherwise) and returns the packs folder.
func vaultPacks(b *testing.B) string {
	files := searchtest.DefaultVaultFiles
	if n, err := strconv.Atoi(os.Getenv("POISE_VAULT_FILES")); err == nil {
		files = n
	}
	packs := b.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Files: files, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	return packs
}

// BenchmarkOpenVault is the index build alone (search.Open on a library
// loaded before): what kb/search and the text engine cost, without the
// loading BenchmarkBuildVault also measures. POISE_VAULT_DIR as there.
// gc-cpu-s/op is the collector's share of cpu-s/op; peak-MB the most
// memory the Go runtime held meanwhile, library included.
func BenchmarkOpenVault(b *testing.B) { benchmarkOpen(b, -1) }

// BenchmarkOpenVaultApp is BenchmarkOpenVault with the collector set as
// the app sets it (GOGC 50, app/item_bodies.go capMemory), which the
// build raises for its own time (buildGCPercent).
func BenchmarkOpenVaultApp(b *testing.B) { benchmarkOpen(b, 50) }

// benchmarkOpen builds the vault's index; gcPercent, unless negative, is
// the GOGC set before (and put back after).
func benchmarkOpen(b *testing.B, gcPercent int) {
	packs := os.Getenv("POISE_VAULT_DIR")
	if packs == "" {
		packs = vaultPacks(b)
	} else {
		dir := b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "vault"), os.DirFS(packs)); err != nil {
			b.Fatal(err)
		}
		packs = dir
	}
	if gcPercent >= 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if lib == nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ReportAllocs()
	m := startMeter()
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
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
	m.report(b)
}
