package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// mineBuiltin is a small built-in pack read from files, as My pack copies
// from the real files of a pack.
func mineBuiltin() fstest.MapFS {
	return fstest.MapFS{
		"pack.toml":           {Data: []byte("id = \"builtin\"\nname = \"Built-in\"\nversion = \"1.0.0\"\n")},
		"templates/thanks.md": {Data: []byte("---\ntitle: Thanks for waiting\n---\nHi {{customer_name}}, thanks for waiting so patiently.\n")},
		"statements/angry.md": {Data: []byte("---\ntitle: Angry\nemotions: [angry]\n---\n## Waited\n- I'm sorry you waited so long. `voice`\n")},
	}
}

// minePoise is the app over a real packs folder with an in-memory index.
func minePoise(t *testing.T) (*poise, fstest.MapFS) {
	t.Helper()
	return minePoiseWith(t, mineBuiltin())
}

// minePoiseWith is minePoise over the built-in pack b.
func minePoiseWith(t *testing.T, b fstest.MapFS) (*poise, fstest.MapFS) {
	t.Helper()
	store, err := packs.Open(filepath.Join(t.TempDir(), "packs"))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := store.LoadLibrary(b)
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, lib)
	p.packs, p.builtin = store, b
	startSearch(t, p)
	return p, b
}

// buttonIn finds a visible button by its text inside o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	if b := maybeButton(o, text); b != nil {
		return b
	}
	t.Fatalf("no button %q", text)
	return nil
}

func maybeButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := asButton(c); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// asButton is o as a button: a plain one, or one that scrolls itself into
// view when focused (packs_focus.go).
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	if r, ok := o.(*revealButton); ok {
		return &r.Button, true
	}
	b, ok := o.(*widget.Button)
	return b, ok
}

// textIn is every label and rich text inside o, joined.
func textIn(o fyne.CanvasObject) string {
	var sb strings.Builder
	for _, c := range test.LaidOutObjects(o) {
		switch w := c.(type) {
		case *widget.Label:
			sb.WriteString(w.Text + "\n")
		case *widget.RichText:
			sb.WriteString(w.String() + "\n")
		}
	}
	return sb.String()
}

func finds(t *testing.T, p *poise, text, id string) bool {
	res, err := p.search.Search(context.Background(), search.Query{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return len(res.Hits) > 0 && res.Hits[0].ID == id
}

func TestMakeItMineShowTheOriginalAndRevert(t *testing.T) {
	p, b := minePoise(t)
	v := p.find.preview
	f := p.find
	typeQuery(t, f, "waiting")
	for i, h := range f.hits {
		if h.ID == "builtin/templates/thanks" {
			f.list.Select(i)
		}
	}
	settle(p)
	if v.id != "builtin/templates/thanks" {
		t.Fatalf("preview shows %q", v.id)
	}
	applied := waitApplied(f)
	buttonIn(t, v, "Make it mine (Ctrl+E)").OnTapped()
	pump(t, p, func() bool { _, ok := p.item("mine/templates/thanks"); return ok })
	if _, ok := p.item("builtin/templates/thanks"); ok {
		t.Error("the original is still in the library beside your version")
	}
	if v.id != "mine/templates/thanks" {
		t.Errorf("preview shows %q, want your version", v.id)
	}
	if e := p.my().editors["templates/thanks.md"]; e == nil {
		t.Error("making it mine did not open the copy in the editor")
	}
	got := textIn(v)
	if !strings.Contains(got, yourVersion) || strings.Contains(got, "changed since") {
		t.Errorf("preview of your version says:\n%s", got)
	}
	buttonIn(t, v, "Show the original")
	buttonIn(t, v, "Revert to the original")
	if src := p.hitSource(search.Hit{ID: "mine/templates/thanks", Pack: "mine"}); src != yourVersion {
		t.Errorf("result row says %q, want %q", src, yourVersion)
	}
	pump(t, p, func() bool { return finds(t, p, "patiently", "mine/templates/thanks") })
	wait(t, p, applied, "waiting") // Find searched again
	if v.id != "mine/templates/thanks" {
		t.Errorf("after search took the copy in, the preview shows %q, want your version still", v.id)
	}

	// The built-in pack changes (a new Poise): the preview says so and
	// offers the two side by side.
	b["templates/thanks.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Thanks for waiting\n---\nHi {{customer_name}}, thank you for holding.\n")}
	lib, err := p.packs.LoadLibrary(b)
	if err != nil {
		t.Fatal(err)
	}
	p.setLibrary(lib)
	p.refreshPreview()
	if got := textIn(v); !strings.Contains(got, "The original changed since you copied it.") {
		t.Fatalf("preview after the original changed says:\n%s", got)
	}
	buttonIn(t, v, "Compare side by side").OnTapped()
	var sides string
	for _, w := range p.app.Driver().AllWindows() {
		if w.Title() == "Your version and the original" {
			sides = textIn(w.Content())
		}
	}
	if !strings.Contains(sides, "thanks for waiting so patiently") || !strings.Contains(sides, "thank you for holding") {
		t.Errorf("side by side shows:\n%s", sides)
	}

	settle(p)
	applied = waitApplied(f)
	p.revert("mine/templates/thanks")
	pump(t, p, func() bool { _, ok := p.item("builtin/templates/thanks"); return ok })
	if _, ok := p.item("mine/templates/thanks"); ok {
		t.Error("your version is still there after revert")
	}
	if v.id != "builtin/templates/thanks" || maybeButton(v, "Make it mine (Ctrl+E)") == nil {
		t.Errorf("after revert the preview shows %q without Make it mine", v.id)
	}
	pump(t, p, func() bool { return finds(t, p, "holding", "builtin/templates/thanks") })
	wait(t, p, applied, "waiting")
	if v.id != "builtin/templates/thanks" {
		t.Errorf("after search took the revert in, the preview shows %q", v.id)
	}
}

func TestNewItemOfEachKindFromThePacksScreen(t *testing.T) {
	p, _ := minePoise(t)
	p.show(screenPacks)
	settle(p)
	s := p.my().screen
	if s == nil {
		t.Fatal("the Packs screen has no My pack section")
	}
	for _, k := range newKinds {
		buttonIn(t, s, k.label)
	}
	rel, err := p.myPack().Create(kb.KindChecklist, "Before I hang up")
	if err != nil {
		t.Fatal(err)
	}
	p.reloadPack(p.myPack().Dir(), nil, nil, nil)
	pump(t, p, func() bool { _, ok := p.item("mine/checklists/before-i-hang-up"); return ok })
	s = p.my().screen // the Packs screen is built again on the new library
	if !strings.Contains(textIn(s), "Before I hang up") {
		t.Fatalf("My pack lists:\n%s", textIn(s))
	}
	buttonIn(t, s, "Edit").OnTapped()
	if e := p.my().editors[rel]; e == nil || !strings.Contains(e.text.Text, "- [ ]") {
		t.Errorf("Edit did not open %s", rel)
	}
}

func TestPackFilesEditedOutsideArePickedUp(t *testing.T) {
	p, _ := minePoise(t)
	rel, err := p.myPack().Create(kb.KindGuide, "Parking")
	if err != nil {
		t.Fatal(err)
	}
	p.reloadPack(p.myPack().Dir(), nil, nil, nil)
	pump(t, p, func() bool { _, ok := p.item("mine/guides/parking"); return ok })
	p.watchPacks()
	t.Cleanup(p.stopWatching)
	file := filepath.Join(p.myPack().Dir(), filepath.FromSlash(rel))
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("---\ntitle: Parking\n---\nVisitors park by the zanzibar gate.\n")
	// The library and search both take it in (search may read the file
	// first, through the reindex of the file's creation).
	pump(t, p, func() bool {
		it, _ := p.item("mine/guides/parking")
		return it != nil && strings.Contains(it.Text, "zanzibar") && finds(t, p, "zanzibar", "mine/guides/parking")
	})
	if len(p.notices.Objects) != 0 {
		t.Errorf("a clean edit put up a notice")
	}

	write("---\ntitle: [Parking\n---\nVisitors park by the quokka gate.\n")
	pump(t, p, func() bool { return len(p.notices.Objects) == 1 })
	banner := textIn(p.notices)
	if !strings.Contains(banner, rel+" line ") || !strings.Contains(banner, "Search keeps the last good version") {
		t.Errorf("banner says:\n%s", banner)
	}
	buttonIn(t, p.notices, "Fix it")
	if it, _ := p.item("mine/guides/parking"); it == nil || !strings.Contains(it.Text, "zanzibar") {
		t.Errorf("the broken edit replaced the last good version: %+v", it)
	}

	write("---\ntitle: Parking\n---\nVisitors park by the quokka gate.\n")
	pump(t, p, func() bool { return len(p.notices.Objects) == 0 && finds(t, p, "quokka", "mine/guides/parking") })
}

// TestMakeItMineByKey: Ctrl+E makes the item on screen yours, from the
// search field, as the button does; the button names the key.
func TestMakeItMineByKey(t *testing.T) {
	p, _ := minePoise(t)
	f := p.find
	typeQuery(t, f, "waiting")
	for i, h := range f.hits {
		if h.ID == "builtin/templates/thanks" {
			f.list.Select(i)
		}
	}
	settle(p)
	buttonIn(t, f.preview, "Make it mine (Ctrl+E)")
	p.win.Canvas().Focus(f.entry)
	f.entry.TypedShortcut(keyMakeMine)
	pump(t, p, func() bool { _, ok := p.item("mine/templates/thanks"); return ok })
	if e := p.my().editors["templates/thanks.md"]; e == nil {
		t.Error("Ctrl+E did not open the copy in the editor")
	}

	// On another screen with no item, the key says what it does.
	p.show(screenJournal)
	p.handleShortcut(keyMakeMine)
	if !strings.Contains(p.status.Text, "Ctrl+E") {
		t.Errorf("Ctrl+E with no item shown says %q", p.status.Text)
	}
}

// The keys listed in Settings name the Make it mine key, as the README's
// key table does.
func TestSettingsKeysNameMakeItMine(t *testing.T) {
	p, _ := minePoise(t)
	p.show(screenSettings)
	settle(p)
	text := canvasText(p.win.Canvas())
	want := keyLabel(keyMakeMine) + " make it mine"
	if !strings.Contains(text, "Keys:") || !strings.Contains(text, want) {
		t.Errorf("Settings keys do not name %q:\n%s", want, text)
	}
}
