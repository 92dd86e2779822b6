package textsearch

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
)

// manyLangCorpus is pages in a dozen languages, every one naming Sync, so
// a query's word is looked up in many language fields at once; each
// language has a different number of pages, so each field weighs its
// clause differently.
func manyLangCorpus() *Corpus {
	type page struct{ id, lang, title, body string }
	pages := []page{
		{"en/sync", "en", "Sync settings", "Choose which folders Sync keeps up to date. Resolve a sync conflict."},
		{"fr/sync", "fr", "Paramètres de Sync", "Choisissez les dossiers que Sync garde à jour. Un conflit de Sync."},
		{"de/sync", "de", "Einstellungen für Sync", "Wähle, welche Ordner Sync aktuell hält. Ein Sync-Konflikt."},
		{"es/sync", "es", "Ajustes de Sync", "Elige qué carpetas mantiene Sync al día. Un conflicto de Sync."},
		{"it/sync", "it", "Impostazioni di Sync", "Scegli quali cartelle Sync tiene aggiornate. Un conflitto di Sync."},
		{"nl/sync", "nl", "Sync-instellingen", "Kies welke mappen Sync bijhoudt. Een Sync-conflict oplossen."},
		{"pt/sync", "pt", "Configurações do Sync", "Escolha quais pastas o Sync mantém atualizadas. Um conflito do Sync."},
		{"sv/sync", "sv", "Sync-inställningar", "Välj vilka mappar Sync håller uppdaterade. En Sync-konflikt."},
		{"ru/sync", "ru", "Настройки Sync", "Выберите папки, которые Sync держит в актуальном виде. Конфликт Sync."},
		{"da/sync", "da", "Sync-indstillinger", "Vælg hvilke mapper Sync holder opdateret. En Sync-konflikt."},
		{"fi/sync", "fi", "Sync-asetukset", "Valitse, mitkä kansiot Sync pitää ajan tasalla. Sync-ristiriita."},
		{"ro/sync", "ro", "Setări Sync", "Alege ce dosare păstrează Sync la zi. Un conflict Sync."},
	}
	var all []page
	for i, p := range pages {
		for n := range i + 1 {
			q := p
			q.id = fmt.Sprintf("%s-%d", p.id, n)
			all = append(all, q)
		}
	}
	return &Corpus{Len: len(all), Doc: func(i int) (string, Document) {
		p := all[i]
		return p.id, Document{Title: p.title, Body: p.body, Lang: p.lang, Kind: "guide"}
	}}
}

// The same query on the same index scores every hit to the last bit each
// time the index is opened: the language fields a word is looked up in
// come in one order, not in the order of Bleve's map of field names (a
// different order sums the clauses' weights differently, and two runs of
// poise search printed scores that differed in their last digits).
func TestScoresRepeatExactlyAcrossOpens(t *testing.T) {
	e, err := BuildMemory(context.Background(), manyLangCorpus(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	im := e.bi.Mapping().(*mapping.IndexMappingImpl)
	for _, text := range []string{"sync conflict", "conflit", "konflikt", "sync conf"} {
		var first []Hit
		for range 30 {
			again, err := newEngine(e.bi, im, e.syn)
			if err != nil {
				t.Fatal(err)
			}
			res, err := again.Search(context.Background(), Query{Text: text, NoFacets: true}, storedOnly{})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = res.Hits
				if len(first) < 2 {
					t.Fatalf("%q: %d hits, want the pages of several languages", text, len(first))
				}
				continue
			}
			if len(res.Hits) != len(first) {
				t.Fatalf("%q: %d hits, then %d", text, len(first), len(res.Hits))
			}
			for i, h := range res.Hits {
				if h.ID != first[i].ID || h.Score != first[i].Score {
					t.Fatalf("%q: hit %d was %s %v, then %s %v", text, i, first[i].ID, first[i].Score, h.ID, h.Score)
				}
			}
		}
	}
}
