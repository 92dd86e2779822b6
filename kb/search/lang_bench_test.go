package search_test

import (
	"context"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// BenchmarkSearchLanguagesVault measures as-you-type queries on the issue
// 10 vault (35 languages) as readers of different languages type them:
// what choosing the preferred language (the query's words looked up in
// each language's bodies) and scoring up its hits cost per query.
func BenchmarkSearchLanguagesVault(b *testing.B) {
	packs := vaultPacks(b)
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		b.Fatal(err)
	}
	ix, err := search.Open(b.TempDir(), lib, search.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct{ name, text, reader string }{
		{"product-name-en", "sync plugin", "en"},
		{"product-name-de", "sync plugin", "de"},
		{"french-words", "Paramètres de Sync", "en"},
		{"german-word-typing", "Einstellu", "en"},
		{"chinese", "同步冲突", "en"},
	} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			q := search.Query{Text: c.text, Language: c.reader}
			for range 8 { // warm up, as a session would be
				ix.Search(ctx, q)
			}
			lat := make([]time.Duration, 0, b.N)
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if _, err := ix.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			reportLatency(b, lat)
		})
	}
}
