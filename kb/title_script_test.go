package kb_test

import (
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/poisehq/poise/kb"
)

// TestTitleFromFileNameKeepsItsFirstLetter: a note with no heading takes
// its title from its file name, capitalised. Upper-casing the first byte
// cut the first letter of every Cyrillic, Greek or Arabic name in half,
// and Find showed "��сылки" for a whole imported vault.
func TestTitleFromFileNameKeepsItsFirstLetter(t *testing.T) {
	fsys := fstest.MapFS{
		"ru/ссылки.md":    {Data: []byte("Текст без заголовка.\n")},
		"el/σύνδεσμοι.md": {Data: []byte("Κείμενο.\n")},
		"ar/روابط.md":     {Data: []byte("نص.\n")},
		"fr/éléments.md":  {Data: []byte("Du texte.\n")},
	}
	lib, err := kb.LoadLibrary(fsys, "")
	if lib == nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Ссылки": true, "Σύνδεσμοι": true, "روابط": true, "Éléments": true}
	got := map[string]bool{}
	lib.Items(func(it *kb.Item) {
		if !utf8.ValidString(it.Title) {
			t.Errorf("%s: title %q is not valid UTF-8", it.ID, it.Title)
		}
		got[it.Title] = true
	})
	for title, present := range want {
		if present && !got[title] {
			t.Errorf("no item titled %q; got %v", title, got)
		}
	}
}

// TestTitleFromFileNameKeepsItsCase: a note titled by its file name keeps
// the name as written. Titles were made from the lower-cased id, and an
// imported vault's "Obsidian CLI.md" showed as "Obsidian cli".
func TestTitleFromFileNameKeepsItsCase(t *testing.T) {
	fsys := fstest.MapFS{
		"en/Obsidian CLI.md":       {Data: []byte("Text with no heading.\n\n## Install Obsidian CLI\n\nSteps.\n")},
		"en/late-delivery.md":      {Data: []byte("Text.\n")},
		"fr/Paramètres de Sync.md": {Data: []byte("Du texte.\n")},
	}
	lib, err := kb.LoadLibrary(fsys, "")
	if lib == nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	lib.Items(func(it *kb.Item) { got[it.Title] = true })
	for _, title := range []string{"Obsidian CLI", "Late delivery", "Paramètres de Sync", "Install Obsidian CLI"} {
		if !got[title] {
			t.Errorf("no item titled %q; got %v", title, got)
		}
	}
}
