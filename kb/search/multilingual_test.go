package search_test

import (
	"context"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Text in scripts written without spaces, and in scripts with spacing
// vowel signs, is found by the words in it, not only by a whole title.
func TestSearchInEveryScript(t *testing.T) {
	items := []kb.Item{
		{ID: "p/zh", Kind: kb.KindGuide, Title: "文件恢复", Body: "如果发生同步冲突，两个版本都会保留，你可以在设置中选择。"},
		{ID: "p/ja", Kind: kb.KindGuide, Title: "ファイル", Body: "同期の競合が起きたときは、両方のファイルが保存されます。"},
		{ID: "p/hi", Kind: kb.KindGuide, Title: "फ़ाइलें", Body: "सिंक में टकराव होने पर दोनों फ़ाइलें सहेजी जाती हैं।"},
		{ID: "p/fr", Kind: kb.KindGuide, Title: "Paramètres de Sync", Body: "Choisissez les dossiers."},
		{ID: "p/en", Kind: kb.KindGuide, Title: "Sync", Body: "Conflicts keep both files."},
	}
	for i := range items {
		items[i].Pack = "p"
	}
	ix, err := search.OpenMemory(kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "p"}, Items: items}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"同步冲突 ":      "p/zh",
		"同步冲突":       "p/zh",
		"競合":         "p/ja",
		"टकराव":      "p/hi",
		"paramètres": "p/fr",
	} {
		res, err := ix.Search(context.Background(), search.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != want {
			t.Errorf("%q: hits %v, want %s first", q, res.Hits, want)
		}
	}
}

// A body is stemmed for its language: a French or Russian word finds the
// other forms of itself, typed by an agent in that language.
func TestSearchStemsEachLanguage(t *testing.T) {
	items := []kb.Item{
		{ID: "p/fr", Kind: kb.KindGuide, Title: "Réglages", Language: "fr", Body: "Les dossiers synchronisés apparaissent dans la liste des paramètres."},
		{ID: "p/ru", Kind: kb.KindGuide, Title: "Настройки", Language: "ru", Body: "Настройки синхронизации хранилища можно изменить."},
		{ID: "p/de", Kind: kb.KindGuide, Title: "Einstellungen", Language: "de", Body: "Die Synchronisierung der Dateien läuft im Hintergrund."},
		{ID: "p/el", Kind: kb.KindGuide, Title: "Ρυθμίσεις", Language: "el", Body: "Ο συγχρονισμός των αρχείων."},
		{ID: "p/en", Kind: kb.KindGuide, Title: "Settings", Language: "en", Body: "Synchronised folders appear in the list."},
	}
	for i := range items {
		items[i].Pack = "p"
	}
	ix, err := search.OpenMemory(kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "p"}, Items: items}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"synchronisé ":   "p/fr", // the body says synchronisés
		"синхронизация ": "p/ru", // the body says синхронизации
		"Dateien ":       "p/de",
		"συγχρονισμός ":  "p/el",
		"synchronised ":  "p/en",
	} {
		res, err := ix.Search(context.Background(), search.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != want {
			t.Errorf("%q: hits %v, want %s first", q, res.Hits, want)
		}
	}
}
