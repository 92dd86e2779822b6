package app

import (
	"context"
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
// real Find screen (entry, search off the UI goroutine, chips and list
// update) on the 10,000-item corpus of the search benchmarks, with the
// index on disk as the app keeps it. Keys come back to back, as from a
// fast typist, so a preview superseded by the next key is skipped, as it
// is in the app. Reports p50 and p95 in milliseconds, and the search's and
// the screen's own p95.
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
	timed := &timedSearcher{s: ix}
	p.setSearcher(timed)
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

	// From the search's answer to the list showing it: the screen's share.
	var ui []time.Duration
	f.applied = func(q string) {
		ui = append(ui, time.Since(timed.last))
		ch <- q
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
	b.ReportMetric(quantile(lat, 0.50), "p50-ms")
	b.ReportMetric(quantile(lat, 0.95), "p95-ms")
	// The search alone, for telling the screen's share from the index's.
	b.ReportMetric(quantile(timed.lat, 0.95), "search-p95-ms")
	b.ReportMetric(quantile(ui, 0.95), "ui-p95-ms")
}

func quantile(lat []time.Duration, q float64) float64 {
	if len(lat) == 0 {
		return 0
	}
	lat = slices.Clone(lat)
	slices.Sort(lat)
	return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds()) / 1000
}

// timedSearcher records how long each search takes.
type timedSearcher struct {
	s    searcher
	lat  []time.Duration // written on the search goroutine, one at a time
	last time.Time       // when the latest answer came
}

func (t *timedSearcher) Search(ctx context.Context, q search.Query) (*search.Results, error) {
	start := time.Now()
	res, err := t.s.Search(ctx, q)
	t.last = time.Now()
	t.lat = append(t.lat, t.last.Sub(start))
	return res, err
}
