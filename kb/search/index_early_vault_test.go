package search_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// vaultEarlyQueries are queries of every kind over the issue 10 vault.
var vaultEarlyQueries = []search.Query{
	{Text: "sync"},
	{Text: "sync", Limit: 500},
	{Text: "canvas"},
	{Text: "sync conflict"},
	{Text: "publish your site", Limit: 50},
	{Text: "daily note template"},
	{Text: "synk conflcit"},
	{Text: "syn"},
	{Text: "plug", Limit: 100},
	{Text: "graph view", Kinds: []kb.Kind{kb.KindGuide}},
	{Text: "Paramètres de Sync"},
	{Text: "同步冲突"},
	{Text: "插件"},
	{Text: "синхронизация"},
	{Text: "заметки", Limit: 100},
	{Text: "المزامنة"},
	{Text: "ملاحظة"},
	{Text: "Einstellungen"},
	{Text: "attachment", NoGroup: true, Limit: 200},
	{Text: ""},
}

// TestEarlyVault: on a real vault (POISE_VAULT_DIR), the index handed out
// before the build's last merge answers every query with the bytes the
// built one gives, and how long it takes to (-v: p50 and p99 of each,
// early and built; queries run one at a time with the merge waiting).
func TestEarlyVault(t *testing.T) {
	real := os.Getenv("POISE_VAULT_DIR")
	if real == "" {
		t.Skip("POISE_VAULT_DIR not set")
	}
	packsDir := t.TempDir()
	if err := os.CopyFS(filepath.Join(packsDir, "vault"), os.DirFS(real)); err != nil {
		t.Fatal(err)
	}
	lib, _ := kb.LoadLibrary(nil, packsDir) // a real vault has broken links; it still loads
	const rounds = 30
	run := func(ix *search.Index) (answers []string, lat [][]time.Duration) {
		lat = make([][]time.Duration, len(vaultEarlyQueries))
		for r := range rounds {
			for i, q := range vaultEarlyQueries {
				start := time.Now()
				res, err := ix.Search(context.Background(), q)
				lat[i] = append(lat[i], time.Since(start))
				if err != nil {
					t.Fatal(err)
				}
				if r == 0 {
					b, _ := json.Marshal(res)
					answers = append(answers, string(b))
				}
			}
		}
		return answers, lat
	}
	var (
		early            []string
		earlyLat         [][]time.Duration
		written, handed  time.Time
		mergeStart, done time.Time
	)
	ix, err := search.Open(t.TempDir(), lib, search.Options{Progress: func(n, total int) {
		if n == total {
			written = time.Now()
		}
	}, Shed: packs.ShedPack, Early: func(ix *search.Index) {
		handed = time.Now()
		early, earlyLat = run(ix)
		mergeStart = time.Now()
	}})
	done = time.Now()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if early == nil {
		t.Fatal("not handed out early")
	}
	t.Logf("last segment written to early index: %v; merge and swap: %v", handed.Sub(written), done.Sub(mergeStart))
	built, builtLat := run(ix)
	pct := func(d []time.Duration, p int) time.Duration {
		d = slices.Clone(d)
		slices.Sort(d)
		return d[min(len(d)-1, len(d)*p/100)]
	}
	for i, q := range vaultEarlyQueries {
		if early[i] != built[i] {
			t.Errorf("%+v:\nearly %.400s\nbuilt %.400s", q, early[i], built[i])
		}
		t.Logf("%-24q early p50 %6.2f p99 %6.2f ms, built p50 %6.2f p99 %6.2f ms", q.Text,
			ms(pct(earlyLat[i], 50)), ms(pct(earlyLat[i], 99)), ms(pct(builtLat[i], 50)), ms(pct(builtLat[i], 99)))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
