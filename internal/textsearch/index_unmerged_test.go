package textsearch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// unmergedCorpus is n documents in several languages and scripts, of
// several kinds, sources and tags, with repeated words for ties, near
// words for prefixes and typos, and phrases.
func unmergedCorpus(n int) *Corpus {
	rng := rand.New(rand.NewPCG(7, 11))
	langs := []struct{ lang, words string }{
		{"en", "refund late parcel delivery sync conflict settings vault plugin synchronise syntax canvas graph backlink"},
		{"fr", "paramètres synchronisation coffre conflit remboursement colis retard greffon"},
		{"zh", "同步 冲突 设置 插件 保险库 画布 链接 退款"},
		{"ru", "синхронизация конфликт настройки хранилище плагин возврат посылка"},
		{"ar", "مزامنة تعارض إعدادات خزنة مكوّن استرداد طرد"},
	}
	kinds := []string{"guide", "statement", "phrase", "tip"}
	docs := make([]Document, n)
	for i := range docs {
		l := langs[rng.IntN(len(langs))]
		w := strings.Fields(l.words)
		pick := func(k int) string {
			var b []string
			for range k {
				b = append(b, w[rng.IntN(len(w))])
			}
			return strings.Join(b, " ")
		}
		body := pick(3 + rng.IntN(20))
		if rng.IntN(4) == 0 {
			body += " late parcel refund" // a phrase
		}
		docs[i] = Document{
			Title:  pick(2 + rng.IntN(3)),
			Body:   body,
			Meta:   pick(1),
			Kind:   kinds[rng.IntN(len(kinds))],
			Source: fmt.Sprintf("pack%d", rng.IntN(3)),
			Tags:   []string{fmt.Sprintf("tag%d", rng.IntN(5))},
			Lang:   l.lang,
			Stored: []byte(body),
		}
	}
	return &Corpus{Hash: "unmerged-answers", Len: n, Synonyms: [][]string{{"refund", "money back"}},
		Doc: func(i int) (string, Document) { return fmt.Sprintf("d%05d", (i*7919)%n), docs[i] }}
}

// storedTexts makes hits and snippets from what the index stores, as
// kb/search does for an index opened without its library.
type storedTexts struct{ e *Index }

func (t storedTexts) Hit(id string) (Hit, []func() string, bool) {
	body := func() string {
		b, _ := t.e.Stored(id)
		return string(b)
	}
	return Hit{ID: id, Title: id}, []func() string{body}, true
}
func (storedTexts) Defaults(Query, int) []Hit { return nil }

// unmergedQueries are queries of every kind a person types: one word,
// several, a typo, a prefix, a phrase, filters with their facets,
// non-Latin scripts, a blank query.
var unmergedQueries = []Query{
	{Text: "refund"},
	{Text: "refund", Limit: 500},
	{Text: "late parcel refund"},
	{Text: "late parcel"},
	{Text: "refnud parcle"}, // typos
	{Text: "syn"},           // a prefix
	{Text: "sync confl"},
	{Text: "canvas", Kinds: []string{"guide", "tip"}},
	{Text: "plugin", Sources: []string{"pack1"}, Tags: []string{"tag2"}},
	{Text: "money back"}, // a synonym
	{Text: "同步冲突"},
	{Text: "同步"},
	{Text: "синхронизация", Limit: 200},
	{Text: "синх"},
	{Text: "مزامنة"},
	{Text: "paramètres synchronisation", Lang: "fr"},
	{Text: "", Kinds: []string{"statement"}},
}

// answers is what each query gives on e, as JSON.
func answers(t *testing.T, e *Index) []string {
	t.Helper()
	var out []string
	for _, q := range unmergedQueries {
		res, err := e.Search(context.Background(), q, storedTexts{e})
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestUnmergedAnswersAsMerged: the index a build opens on its segments
// before merging them gives the same bytes as the merged index for every
// kind of query (hits, order, scores, totals, facets, snippets), while
// nothing in the index directory is yet taken for an index, and the
// segments are gone once merged.
func TestUnmergedAnswersAsMerged(t *testing.T) {
	c := unmergedCorpus(4000)
	dir := t.TempDir()
	var (
		early    *Index
		before   []string
		segments int
	)
	hooks := BuildHooks{Unmerged: func(e *Index) {
		early = e
		before = answers(t, e)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, en := range entries {
			if !strings.HasPrefix(en.Name(), buildPrefix) {
				t.Errorf("%s in the index directory while the build merges", en.Name())
			}
			files, _ := filepath.Glob(filepath.Join(dir, en.Name(), "segments", "store", "*.zap"))
			segments = len(files)
		}
	}}
	merged, path, err := buildStored(context.Background(), dir, c.Hash, c, hooks, DefaultOpenTimeout, 97)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	if early == nil {
		t.Fatal("no unmerged index was given")
	}
	if segments < 20 {
		t.Errorf("%d segments: the test wants many", segments)
	}
	after := answers(t, merged)
	late := answers(t, early) // reading segment files since removed
	for i, q := range unmergedQueries {
		if before[i] != after[i] {
			t.Errorf("%+v:\nunmerged %s\nmerged   %s", q, before[i], after[i])
		}
		if late[i] != after[i] {
			t.Errorf("%+v once merged:\nunmerged %s\nmerged   %s", q, late[i], after[i])
		}
	}
	for i, q := range unmergedQueries {
		if strings.Contains(after[i], `"Total":0`) || !strings.Contains(after[i], `"Kinds":[{`) {
			t.Errorf("%+v matched nothing, or counted no kinds: %.200s", q, after[i])
		}
	}
	if err := early.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(path, "segments")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("segments left in the index: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("index directory holds %d entries, want the index only", len(entries))
	}
}

// TestUnmergedValuesAndCancel: the unmerged index has the values kept
// with the index, and a build cancelled while it is searched leaves
// nothing behind, the unmerged index still answering until closed.
func TestUnmergedValuesAndCancel(t *testing.T) {
	c := unmergedCorpus(1000)
	c.InternalFunc = func() map[string][]byte { return map[string][]byte{"k": []byte("v")} }
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var early *Index
	hooks := BuildHooks{Unmerged: func(e *Index) {
		early = e
		cancel()
	}}
	if _, _, err := buildStored(ctx, dir, c.Hash, c, hooks, DefaultOpenTimeout, 97); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	if early == nil {
		t.Fatal("no unmerged index was given")
	}
	defer early.Close()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled build left %d entries", len(entries))
	}
	if v, err := early.Internal("k"); err != nil || string(v) != "v" {
		t.Errorf("value k: %q, %v", v, err)
	}
	res, err := early.Search(context.Background(), Query{Text: "refund"}, noTexts{})
	if err != nil || res.Total == 0 {
		t.Errorf("unmerged index after the build ended: %v, %v", res, err)
	}
}

// TestUnmergedSearchedWhileMerging: searches on the unmerged index from
// other goroutines while the build merges and returns (-race).
func TestUnmergedSearchedWhileMerging(t *testing.T) {
	c := unmergedCorpus(2000)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var early *Index
	hooks := BuildHooks{Unmerged: func(e *Index) {
		early = e
		for range 2 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := e.Search(context.Background(), Query{Text: "sync"}, storedTexts{e}); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}}
	merged, _, err := buildStored(context.Background(), t.TempDir(), c.Hash, c, hooks, DefaultOpenTimeout, 97)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	merged.Close()
	early.Close()
}
