package packs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// writeBigPack writes a pack of 5,000 items: 2,500 one-section guides
// (a guide and its section are two items) at version version.
func writeBigPack(b *testing.B, dir, version string) {
	b.Helper()
	writePack(b, dir, "big", version, map[string]string{"guides/refunds.md": "", "templates/refund-note.md": ""})
	if err := os.MkdirAll(filepath.Join(dir, "guides"), 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range 2500 {
		body := fmt.Sprintf("---\ntitle: Situation %d\ntags: [refund, late, case%d]\n---\nWhat to do when case %d comes up on a call.\n\n## What to say\nI can see what happened with order %d, and I am sorting it out now.\n", i, i, i, i)
		p := filepath.Join(dir, "guides", fmt.Sprintf("situation-%04d.md", i))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// installBig builds dir, installs it and returns the loaded library's
// item count.
func installBig(b *testing.B, s *Store, dir string, opts InstallOptions) {
	b.Helper()
	file := filepath.Join(b.TempDir(), "big"+Ext)
	buildPack(b, dir, file)
	src, _ := ParseSource(file, "")
	c, err := s.Fetch(context.Background(), src)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Install(c, opts); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkInstall5000 builds, installs and indexes (on disk) a 5,000-item
// pack. Target: under 15 s.
func BenchmarkInstall5000(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "big")
	writeBigPack(b, dir, "1.0.0")
	for b.Loop() {
		s := openStore(b)
		installBig(b, s, dir, InstallOptions{AllowUnsigned: true})
		lib, err := s.LoadLibrary(nil)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		lib.Items(func(_ *kb.Item) { n++ })
		if n != 5000 {
			b.Fatalf("%d items, want 5000", n)
		}
		ix, err := search.Open(filepath.Join(b.TempDir(), "index"), lib, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

// BenchmarkUpdateOneItem5000 updates one item of an installed 5,000-item
// pack: build, fetch, install and reindex that pack (Store.Reindex, as the
// app and the CLI do after an install), while another goroutine
// keeps searching as an agent types. Target: under 3 s, with every search
// answered; the phases are reported separately.
func BenchmarkUpdateOneItem5000(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "big")
	writeBigPack(b, dir, "1.0.0")
	s := openStore(b)
	installBig(b, s, dir, InstallOptions{AllowUnsigned: true})
	lib, err := s.LoadLibrary(nil)
	if err != nil {
		b.Fatal(err)
	}
	state, err := kb.ScanLibrary(nil, s.Dir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(b.TempDir(), "index"), lib, search.Options{State: state})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()

	var stop atomic.Bool
	var searches, failures atomic.Int64
	var worst atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
			start := time.Now()
			res, err := ix.Search(context.Background(), search.Query{Text: "order sorting"})
			if err != nil || len(res.Hits) == 0 {
				failures.Add(1)
			}
			searches.Add(1)
			if d := int64(time.Since(start)); d > worst.Load() {
				worst.Store(d)
			}
			time.Sleep(20 * time.Millisecond) // an agent typing: a query every keystroke or so
		}
	})
	minor := 0
	var phases [4]time.Duration
	for b.Loop() {
		minor++
		version := fmt.Sprintf("1.0.%d", minor)
		manifest := filepath.Join(dir, "pack.toml")
		m, _ := os.ReadFile(manifest)
		m = regexp.MustCompile(`version = "[^"]*"`).ReplaceAll(m, []byte(fmt.Sprintf("version = %q", version)))
		os.WriteFile(manifest, m, 0o644)
		os.WriteFile(filepath.Join(dir, "guides", "situation-0007.md"), []byte(fmt.Sprintf("---\ntitle: Situation 7\n---\nRewritten %d.\n\n## What to say\nNew words %d.\n", minor, minor)), 0o644)

		t0 := time.Now()
		file := filepath.Join(b.TempDir(), "big"+Ext)
		buildPack(b, dir, file)
		t1 := time.Now()
		src, _ := ParseSource(file, "")
		c, err := s.Fetch(context.Background(), src)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if len(c.Changes.Changed) != 2 || len(c.Changes.Added)+len(c.Changes.Removed) != 0 {
			b.Fatalf("changes %+v, want the guide and its section", c.Changes)
		}
		if err := s.Install(c, InstallOptions{AllowUnsigned: true}); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		// What the app and the CLI do after an install: reindex that pack.
		if err := s.Reindex(context.Background(), ix, nil, "big"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		res, err := ix.Search(context.Background(), search.Query{Text: "rewritten"})
		if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "big/guides/situation-0007" {
			b.Fatalf("after the update the search for the new words gave %v, %v", res, err)
		}
		b.StartTimer()
		phases[0] += t1.Sub(t0)
		phases[1] += t2.Sub(t1)
		phases[2] += t3.Sub(t2)
		phases[3] += time.Since(t3)
	}
	for i, name := range []string{"build", "fetch", "install", "reindex"} {
		b.ReportMetric(float64(phases[i].Milliseconds())/float64(b.N), name+"-ms")
	}
	stop.Store(true)
	wg.Wait()
	if failures.Load() > 0 {
		b.Fatalf("%d of %d searches failed during updates", failures.Load(), searches.Load())
	}
	b.ReportMetric(float64(searches.Load()), "searches")
	b.ReportMetric(float64(worst.Load())/1e6, "worst-search-ms")
}
