package packs

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// BenchmarkImportVault imports a folder of notes the size of a large public
// documentation vault and indexes it on disk, as poise pack import and the
// first search after it do. The folder is POISE_IMPORT_VAULT when set (a
// real vault: docs/pack-format.md names the one measured), else the
// generated issue 10 vault (6,300 files, 35 languages).
func BenchmarkImportVault(b *testing.B) {
	dir := os.Getenv("POISE_IMPORT_VAULT")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "vault")
		if _, err := searchtest.WriteVault(dir, searchtest.VaultOptions{Seed: 7}); err != nil {
			b.Fatal(err)
		}
	}
	src, err := NotesSource(dir, "", "vault", "Vault")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s := openStore(b)
		s.Limits.MaxUnpacked = 200 << 20
		c, err := s.Fetch(context.Background(), src)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(c.Files), "notes")
		b.ReportMetric(float64(len(c.Problems)), "problems")
		if err := s.Install(c, InstallOptions{AllowUnsigned: true}); err != nil {
			b.Fatal(err)
		}
		lib, err := s.LoadLibrary(nil)
		if err != nil && lib == nil {
			b.Fatal(err)
		}
		n := 0
		lib.Items(func(*kb.Item) { n++ })
		b.ReportMetric(float64(n), "items")
		ix, err := search.Open(filepath.Join(b.TempDir(), "index"), lib, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}
