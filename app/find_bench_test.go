package app

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// BenchmarkFindKeystroke measures what an agent feels while typing: from
// one typed character to the result list showing its answer, through the
// real Find screen (entry, search off the UI goroutine, list and preview
// update) on the 10,000-item corpus of the search benchmarks, with the
// index on disk as the app keeps it. Reports p50 and p95 in milliseconds.
func BenchmarkFindKeystroke(b *testing.B) {
	c := searchtest.Generate(10000, 8000, 1)
	p := newTestPoise(b, c.Library)
	ix, err := search.Open(b.TempDir(), c.Library, search.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	f := p.find
	ch := waitApplied(f)
	p.setSearcher(ix)
	wait(b, p, ch, "")

	// Phrases an agent might type: two or three words of the corpus.
	rng := rand.New(rand.NewPCG(3, 3))
	var phrases []string
	for range 64 {
		n := 2 + rng.IntN(2)
		s := ""
		for i := range n {
			if i > 0 {
				s += " "
			}
			s += c.Vocabulary[50+rng.IntN(2000)]
		}
		phrases = append(phrases, s)
	}

	lat := make([]time.Duration, 0, b.N)
	phrase, pos := 0, 0
	b.ResetTimer()
	for range b.N {
		if pos == len(phrases[phrase]) {
			b.StopTimer()
			f.entry.SetText("")
			wait(b, p, ch, "")
			phrase, pos = (phrase+1)%len(phrases), 0
			b.StartTimer()
		}
		r := phrases[phrase][pos : pos+1]
		pos++
		start := time.Now()
		test.Type(f.entry, r)
		wait(b, p, ch, f.entry.Text)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}
