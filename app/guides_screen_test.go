package app

import (
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

func TestGuideLinksOpenItems(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.open("builtin/guides/staying-calm#after-the-call")
	var link *widget.Hyperlink
	for _, o := range test.LaidOutObjects(p.guides.view) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "late delivery" {
			link = h
		}
	}
	if link == nil {
		t.Fatal("the link to late delivery is not shown")
	}
	test.TapAt(link, fyne.NewPos(link.Size().Width/2, link.Size().Height/2))
	if p.current != screenMatrix || p.matrix.current != "builtin/matrix/late-delivery" {
		t.Errorf("tapping the link showed %s at %q, want the late-delivery concern in Matrix", p.current, p.matrix.current)
	}
}

// TestResolveLink opens links the way the loader resolved them (and lint
// checked them): percent-escapes, anchors written as Git hosts make them,
// files whose front matter sets their own id, links to the same file.
func TestResolveLink(t *testing.T) {
	pack, err := kb.LoadFS(fstest.MapFS{
		"pack.toml": {Data: []byte("id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n")},
		"guides/calm.md": {Data: []byte("---\ntitle: Calm\n---\nIntro.\n\n## The pause\nSee [late](../matrix/late%20delivery.md), " +
			"[renamed](../matrix/renamed.md), [after](#after-the-call) and [gone](../matrix/nothing.md).\n\n## After the call\nStand up.\n")},
		"matrix/late delivery.md": {Data: []byte("---\ntitle: Late delivery\n---\nLate.\n")},
		"matrix/renamed.md":       {Data: []byte("---\ntitle: Renamed\nid: refund-window\n---\nOld.\n")},
	}, kb.LoadOptions{ID: "acme"})
	if pack == nil {
		t.Fatalf("load: %v", err)
	}
	p := newTestPoise(t, kb.NewLibrary(pack))
	guide, ok := p.item("acme/guides/calm")
	if !ok {
		t.Fatal("no guide")
	}
	tests := []struct {
		name, href, frag string
		want             bool
	}{
		{"escaped file name", "../matrix/late delivery.md", "", true},
		{"front matter id", "../matrix/renamed.md", "", true},
		{"section of the same file", "", "after-the-call", true},
		{"broken link", "../matrix/nothing.md", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.resolveLink(guide, tt.href, tt.frag)
			if (got != "") != tt.want {
				t.Fatalf("resolveLink(%q, %q) = %q", tt.href, tt.frag, got)
			}
			if _, ok := p.item(got); tt.want && !ok {
				t.Errorf("resolveLink(%q, %q) = %q, which is not an item", tt.href, tt.frag, got)
			}
		})
	}
	if got := p.resolveLink(guide, "../matrix/renamed.md", ""); !strings.HasSuffix(got, "refund-window") {
		t.Errorf("front matter id: got %q", got)
	}
}

// TestGuidesTreeSaysLanguage: the Guides list of a vault kept in many
// languages names a page's language when it is not the reader's, as Find
// does: the obsidian-help vault listed "Obsidian CLI" eight times in a
// row with nothing to tell the English page from the Swedish one.
func TestGuidesTreeSaysLanguage(t *testing.T) {
	reader := readerLanguage()
	other := "sv"
	if reader == other {
		other = "km"
	}
	lib := kb.NewLibrary(&kb.Pack{
		Manifest: kb.Manifest{ID: "oh", Name: "Obsidian Help", Version: "1.0.0"},
		Items: []kb.Item{
			{ID: "oh/mine/cli", Pack: "oh", Kind: kb.KindGuide, Title: "Obsidian CLI", Language: reader, Body: "x", Text: "x"},
			{ID: "oh/other/cli", Pack: "oh", Kind: kb.KindGuide, Title: "Obsidian CLI", Language: other, Body: "x", Text: "x"},
		},
	})
	p := newTestPoise(t, lib)
	p.open("oh/other/cli")
	p.guides.tree.Refresh()
	rows := textIn(p.guides.tree)
	want := "Obsidian CLI · " + languageLabel(other, reader)
	if !strings.Contains(rows, want+"\n") {
		t.Errorf("the Guides list shows:\n%s\nwant a row %q", rows, want)
	}
	if !strings.Contains(rows, "Obsidian CLI\n") {
		t.Errorf("the Guides list shows:\n%s\nwant the reader's own page as just its title", rows)
	}
}

// In a window narrower than narrowWidth, Guides shows the list alone, then
// the guide picked alone with a way back, all from the keyboard: side by
// side at 480 px the list cut every title after ten letters beside an
// empty pane. Wide again, both show.
func TestGuidesNarrowOnePaneAtATime(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.win.Resize(fyne.NewSize(480, 700))
	p.show(screenGuides)
	g := p.guides
	g.Resize(fyne.NewSize(440, 600))
	shown := func() string {
		switch o := g.content.Objects[0]; {
		case o == fyne.CanvasObject(g.tree):
			return "list"
		case o == fyne.CanvasObject(g.split):
			return "split"
		default:
			return "guide"
		}
	}
	if got := shown(); got != "list" {
		t.Fatalf("narrow Guides shows the %s, want the list alone", got)
	}
	if p.win.Canvas().Focused() != fyne.Focusable(g.tree) {
		t.Errorf("switching to Guides focused %T, want the list", p.win.Canvas().Focused())
	}
	g.tree.Select("builtin/guides/staying-calm")
	if got := shown(); got != "guide" || g.current != "builtin/guides/staying-calm" {
		t.Fatalf("picking a guide shows the %s (%q), want the guide alone", got, g.current)
	}
	if p.win.Canvas().Focused() != fyne.Focusable(g.back) {
		t.Errorf("the guide opened with %T focused, want the way back", p.win.Canvas().Focused())
	}
	g.back.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := shown(); got != "list" || p.win.Canvas().Focused() != fyne.Focusable(g.tree) {
		t.Fatalf("Esc shows the %s with %T focused, want the list, focused", got, p.win.Canvas().Focused())
	}
	// The guide read last can be opened again at once.
	g.tree.Select("builtin/guides/staying-calm")
	if shown() != "guide" {
		t.Error("picking the same guide again does not open it")
	}
	g.Resize(fyne.NewSize(900, 600))
	if shown() != "split" {
		t.Errorf("wide Guides shows the %s, want the list beside the guide", shown())
	}
}
