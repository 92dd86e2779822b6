package textsearch

import (
	"context"
	"testing"
)

// langCorpus is a few pages of a vault translated into English, French,
// German and Russian, each in its language's body field.
func langCorpus() *Corpus {
	type page struct{ id, lang, title, body string }
	pages := []page{
		{"en/sync", "en", "Sync settings", "Choose which folders Sync keeps up to date on your devices. Settings are kept per device."},
		{"en/cli", "en", "Obsidian CLI", "Control Obsidian from the terminal and run commands from scripts."},
		{"en/themes", "en", "Themes", "Change how the app looks with themes and settings for fonts."},
		{"fr/sync", "fr", "Paramètres de Sync", "Choisissez les dossiers que Sync garde à jour sur vos appareils. Les paramètres sont gardés par appareil."},
		{"fr/cli", "fr", "Obsidian CLI", "Contrôlez Obsidian depuis le terminal et lancez des commandes."},
		{"fr/themes", "fr", "Thèmes", "Changez l'apparence de l'application avec des thèmes et des paramètres de police."},
		{"de/sync", "de", "Einstellungen für Sync", "Wähle, welche Ordner Sync auf deinen Geräten aktuell hält. Einstellungen gelten je Gerät."},
		{"de/cli", "de", "Obsidian CLI", "Steuere Obsidian aus dem Terminal und führe Befehle aus."},
		{"de/themes", "de", "Designs", "Ändere das Aussehen der App mit Designs und Einstellungen für Schriften."},
		{"ru/sync", "ru", "Настройки синхронизации", "Выберите папки, которые Sync синхронизирует на ваших устройствах. Настройки хранятся для каждого устройства."},
		{"ru/cli", "ru", "Obsidian CLI", "Управляйте Obsidian из терминала и выполняйте команды."},
		{"ru/themes", "ru", "Темы", "Измените вид приложения с помощью тем и настроек шрифтов."},
	}
	return &Corpus{Len: len(pages), Doc: func(i int) (string, Document) {
		p := pages[i]
		return p.id, Document{Title: p.title, Body: p.body, Lang: p.lang, Kind: "guide"}
	}}
}

// The query's language is told from the index's own vocabulary when its
// words plainly belong to one language; words every language uses (product
// names) leave the reader's language.
func TestPreferredLang(t *testing.T) {
	e, err := BuildMemory(context.Background(), langCorpus(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, c := range []struct{ text, reader, want string }{
		{"Obsidian CLI", "", "en"},
		{"Obsidian CLI", "de", "de"},
		{"Obsidian CLI", "pl", "pl"}, // no Polish pages: still the reader's
		{"Sync", "fr", "fr"},
		{"Paramètres de Sync", "en", "fr"},
		{"paramètres", "de", "fr"},
		{"Einstellungen", "en", "de"},
		{"Настройки папки", "en", "ru"},
		{"sync settings", "de", "en"},
		{"sync settings", "en", "en"},
		{"nothing matches zzzz", "ru", "ru"},
	} {
		p, err := e.buildPlan(c.text)
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.reader()
		if err != nil {
			t.Fatal(err)
		}
		got := e.preferredLang(r, p, "", c.reader)
		r.Close()
		if got != c.want {
			t.Errorf("%q for a %q reader prefers %q, want %q", c.text, c.reader, got, c.want)
		}
	}
}

// Of pages that match equally well, the one in the preferred language leads;
// the others are still found.
func TestSearchPrefersLanguage(t *testing.T) {
	e, err := BuildMemory(context.Background(), langCorpus(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, reader := range []string{"en", "fr", "de", "ru"} {
		res, err := e.Search(context.Background(), Query{Text: "Obsidian CLI", Lang: reader}, storedOnly{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) < 4 || res.Hits[0].ID != reader+"/cli" {
			t.Errorf("reader %s: hits %v, want %s/cli first and all four pages", reader, res.Hits, reader)
		}
	}
}

// storedOnly gives every hit its id only.
type storedOnly struct{}

func (storedOnly) Hit(id string) (Hit, []func() string, bool) { return Hit{ID: id}, nil, true }
func (storedOnly) Defaults(Query, int) []Hit                  { return nil }
