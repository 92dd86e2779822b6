package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// TestLanguageLabel: a result in another language than the reader's says
// which (the obsidian-help vault's Khmer "hotkeys" section looked exactly
// like the English one); one in the reader's language says nothing.
func TestLanguageLabel(t *testing.T) {
	tests := []struct{ code, reader, want string }{
		{"km", "en", "Khmer"},
		{"zh", "en", "Chinese"},
		{"fr", "", "French"},
		{"en", "en", ""},
		{"en", "", ""},
		{"", "en", ""},
		{"fr", "fr", ""},
		{"not a code!", "en", ""},
	}
	for _, tt := range tests {
		if got := languageLabel(tt.code, tt.reader); got != tt.want {
			t.Errorf("languageLabel(%q, %q) = %q, want %q", tt.code, tt.reader, got, tt.want)
		}
	}
}

// TestSectionHeaderNamesItsPage: a section's preview names the page it is
// part of, and its language when that is not the reader's, so two
// "Hotkeys" sections of different pages can be told apart.
func TestSectionHeaderNamesItsPage(t *testing.T) {
	lib := kb.NewLibrary(&kb.Pack{
		Manifest: kb.Manifest{ID: "oh", Name: "Obsidian Help", Version: "1.0.0"},
		Items: []kb.Item{
			{ID: "oh/km/cli", Pack: "oh", Kind: kb.KindGuide, Title: "Obsidian CLI", Language: "km",
				Sections: []string{"oh/km/cli#hotkeys"}, Body: "x", Text: "x"},
			{ID: "oh/km/cli#hotkeys", Pack: "oh", Kind: kb.KindGuide, Title: "hotkeys", Language: "km",
				Parent: "oh/km/cli", Body: "List hotkeys.", Text: "List hotkeys."},
		},
	})
	p := newTestPoise(t, lib)
	it, _ := lib.Item("oh/km/cli#hotkeys")
	var meta string
	walk(p.itemHeader(it), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Guide") {
			meta = l.Text
		}
	})
	for _, want := range []string{"in Obsidian CLI", "Khmer"} {
		if !strings.Contains(meta, want) {
			t.Errorf("section header %q lacks %q", meta, want)
		}
	}
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walk(x, fn)
		}
	}
}

// TestRowSaysLanguage: a result row of a page in another language than
// the reader's names the language before the pack.
func TestRowSaysLanguage(t *testing.T) {
	lib := kb.NewLibrary(&kb.Pack{
		Manifest: kb.Manifest{ID: "oh", Name: "Obsidian Help", Version: "1.0.0"},
		Items: []kb.Item{
			{ID: "oh/km/cli", Pack: "oh", Kind: kb.KindGuide, Title: "Obsidian CLI quokka", Language: "km", Body: "x", Text: "x"},
		},
	})
	p := newTestPoise(t, lib)
	startSearch(t, p)
	typeQuery(t, p.find, "quokka")
	if rows := textIn(p.find.list); !strings.Contains(rows, "Khmer · Obsidian Help") {
		t.Errorf("rows show:\n%s\nwant the language before the pack", rows)
	}
}
