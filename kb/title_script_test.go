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
