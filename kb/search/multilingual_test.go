package search_test

import (
	"context"
	"strings"
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

// translatedPages is one documentation page, and one section of it, in
// several languages, as a translated vault holds them: the same product
// names ("Obsidian CLI", "Sync") in every language, the rest translated.
func translatedPages() []kb.Item {
	type page struct{ lang, title, body, section, sectionBody string }
	pages := []page{
		{"en", "Obsidian CLI", "The Obsidian CLI lets you control Obsidian from your terminal: open notes, search the vault and run commands from scripts. Sync settings and conflicts are explained on their own pages.",
			"Sync settings", "Choose which folders and file types Sync keeps up to date on each of your devices, and how conflicts are resolved."},
		{"sv", "Obsidian CLI", "Med Obsidian CLI kan du styra Obsidian från terminalen: öppna anteckningar, söka i valvet och köra kommandon.",
			"Inställningar för Sync", "Välj vilka mappar och filtyper som Sync håller uppdaterade på dina enheter och hur konflikter löses."},
		{"de", "Obsidian CLI", "Mit der Obsidian CLI steuerst du Obsidian aus dem Terminal: Notizen öffnen, den Tresor durchsuchen und Befehle ausführen.",
			"Einstellungen für Sync", "Wähle, welche Ordner und Dateitypen Sync auf deinen Geräten aktuell hält und wie Konflikte gelöst werden."},
		{"fr", "Obsidian CLI", "La CLI d'Obsidian vous permet de contrôler Obsidian depuis le terminal : ouvrir des notes, chercher dans le coffre et lancer des commandes.",
			"Paramètres de Sync", "Choisissez les dossiers et les types de fichiers que Sync garde à jour sur vos appareils, et comment les conflits sont résolus."},
		{"ru", "Obsidian CLI", "Obsidian CLI позволяет управлять Obsidian из терминала: открывать заметки, искать в хранилище и выполнять команды.",
			"Настройки синхронизации", "Выберите, какие папки и типы файлов Sync синхронизирует на ваших устройствах и как решаются конфликты."},
		{"zh", "Obsidian CLI", "Obsidian CLI 让你在终端中控制 Obsidian：打开笔记、搜索仓库并运行命令。",
			"同步冲突", "选择 Sync 在你的设备上同步哪些文件夹和文件类型，以及如何解决同步冲突。"},
		{"ja", "Obsidian CLI", "Obsidian CLI を使うと、ターミナルから Obsidian を操作できます。ノートを開き、保管庫を検索し、コマンドを実行します。",
			"同期の競合", "Sync がデバイス上で同期するフォルダーとファイルの種類、そして競合の解決方法を選びます。"},
	}
	var items []kb.Item
	for _, p := range pages {
		// Ids sort the English page last: among equal scores the smaller
		// id would lead, so only a preference for the reader's language
		// puts it first.
		id := "vault/" + map[string]string{"en": "z-en"}[p.lang]
		if p.lang != "en" {
			id = "vault/" + p.lang
		}
		id += "/obsidian-cli"
		items = append(items,
			kb.Item{ID: id, Pack: "vault", Kind: kb.KindGuide, Title: p.title, Language: p.lang, Body: p.body, Text: p.body},
			kb.Item{ID: id + "#sync", Pack: "vault", Kind: kb.KindGuide, Title: p.section, Language: p.lang, Body: p.sectionBody, Text: p.sectionBody},
		)
	}
	return items
}

// Translations of one page match a query about equally well; the reader's
// own language comes first: the query's language when its letters or
// words tell it, else the reader's, else English. No language is left out.
func TestSearchPrefersOwnLanguage(t *testing.T) {
	items := translatedPages()
	ix, err := search.OpenMemory(kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "vault"}, Items: items}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		name, text, reader, want string
	}{
		{"product name, no reader language: English", "Obsidian CLI", "", "vault/z-en/obsidian-cli"},
		{"product name, English reader", "Obsidian CLI", "en", "vault/z-en/obsidian-cli"},
		{"product name, German reader", "Obsidian CLI", "de", "vault/de/obsidian-cli"},
		{"product name, Swedish reader", "Obsidian CLI ", "sv", "vault/sv/obsidian-cli"},
		{"product name, Japanese reader", "Obsidian CLI", "ja", "vault/ja/obsidian-cli"},
		{"French words, English reader", "Paramètres de Sync", "en", "vault/fr/obsidian-cli#sync"},
		{"German word, English reader", "Einstellungen Sync", "en", "vault/de/obsidian-cli#sync"},
		{"Russian words, English reader", "Настройки синхронизации", "en", "vault/ru/obsidian-cli#sync"},
		{"Chinese, English reader", "同步冲突", "en", "vault/zh/obsidian-cli#sync"},
		{"Japanese, English reader", "同期の競合", "en", "vault/ja/obsidian-cli#sync"},
		{"English words, German reader", "Sync settings", "de", "vault/z-en/obsidian-cli#sync"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Query{Text: c.text, Language: c.reader, Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].ID != c.want {
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.ID)
				}
				t.Fatalf("%q for a %q reader: hits %v, want %s first", c.text, c.reader, got, c.want)
			}
		})
	}
	t.Run("every translation still found", func(t *testing.T) {
		res, err := ix.Search(context.Background(), search.Query{Text: "Obsidian CLI", Language: "de", Limit: 20, NoGroup: true})
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, h := range res.Hits {
			found[h.ID] = true
		}
		for _, it := range items {
			if !strings.Contains(it.ID, "#") && !found[it.ID] {
				t.Errorf("%s not found: a language is preferred, never the only one", it.ID)
			}
		}
	})
}
