package app

import (
	"bytes"
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

var packsBuiltin = fstest.MapFS{
	"pack.toml":   {Data: []byte("id = \"builtin\"\nname = \"Essentials\"\nversion = \"1.0.0\"\nreviewed = 2026-10-01\n")},
	"guides/a.md": {Data: []byte("---\ntitle: Calm basics\n---\nBreathe.\n")},
}

// writeTeamPack writes a pack folder and builds it, signed with key (or
// unsigned when key is nil), returning the .poisepack path.
func writeTeamPack(t *testing.T, version, refund string, key *packs.Key) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "acme")
	files := map[string]string{
		"pack.toml":         "id = \"acme\"\nname = \"Acme playbook\"\nversion = \"" + version + "\"\nauthors = [\"Dana Reyes\"]\nreviewed = 2024-01-10\n",
		"guides/refunds.md": "---\ntitle: Refund script\n---\n" + refund + "\n",
		"templates/note.md": "---\ntitle: Refund note\n---\nHi {{customer_name}}, your refund is on its way.\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, _, err := packs.Build(dir, &buf, packs.Limits{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "acme-"+version+packs.Ext)
	os.WriteFile(file, buf.Bytes(), 0o644)
	if key != nil {
		sig, err := packs.Sign(key.Private, "", buf.Bytes(), "acme", version)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(file+packs.SigExt, sig, 0o644)
	}
	return file
}

func newPacksPoise(t *testing.T) (*poise, *packsScreen) {
	t.Helper()
	store, err := packs.Open(filepath.Join(t.TempDir(), "packs"))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := store.LoadLibrary(packsBuiltin)
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, lib)
	p.builtin, p.packs = packsBuiltin, store
	ix, err := search.OpenMemory(p.lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	p.setSearcher(ix)
	p.win.Resize(fyne.NewSize(1000, 760))
	s := p.show(screenPacks).(*packsScreen)
	pump(t, p, func() bool { return s.listed > 0 })
	return p, s
}

// previewAndConfirm fetches src, checks the preview and taps its button.
func previewAndConfirm(t *testing.T, p *poise, s *packsScreen, src, button string, want ...string) {
	t.Helper()
	s.previewing = nil
	s.fetchSource(src, "")
	pump(t, p, func() bool { return s.previewing != nil })
	text := canvasText(p.win.Canvas())
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("preview lacks %q:\n%s", w, text)
		}
	}
	status, listed := p.status.Text, s.listed
	test.Tap(overlayButton(t, p.win.Canvas(), button))
	pump(t, p, func() bool { return p.status.Text != status && p.status.Text != "" && s.listed > listed })
}

func canvasText(c fyne.Canvas) string {
	var b strings.Builder
	objs := test.LaidOutObjects(c.Content())
	for _, o := range c.Overlays().List() {
		objs = append(objs, test.LaidOutObjects(o)...)
	}
	for _, o := range objs {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *escButton:
			b.WriteString("[" + w.Text + "]\n")
		case *revealButton:
			b.WriteString("[" + w.Text + "]\n")
		}
	}
	return b.String()
}

func searchIDs(t *testing.T, p *poise, q string) string {
	t.Helper()
	res, err := p.search.Search(t.Context(), search.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return strings.Join(ids, " ")
}

func TestPacksScreenInstallUpdateRollBackRemove(t *testing.T) {
	p, s := newPacksPoise(t)
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "Essentials  1.0.0") || !strings.Contains(text, "Comes with Poise.") || strings.Contains(text, "[Remove]") {
		t.Fatalf("packs screen before installing:\n%s", text)
	}
	key, err := packs.GenerateKey("")
	if err != nil {
		t.Fatal(err)
	}
	v1 := writeTeamPack(t, "1.0.0", "Offer the refund today.", &key)
	previewAndConfirm(t, p, s, v1, "Trust key "+key.ID+" and install",
		"Acme playbook  1.0.0", "Authors: Dana Reyes", "not yet trusted", "2 items: 1 guide, 1 template")
	if _, ok := p.lib.Item("acme/guides/refunds"); !ok {
		t.Fatal("the installed pack is not in the library")
	}
	pump(t, p, func() bool { return strings.Contains(searchIDs(t, p, "refund script"), "acme/guides/refunds") })
	text := canvasText(p.win.Canvas())
	for _, want := range []string{"Acme playbook  1.0.0", "Signed by key " + key.ID + ", trusted", "due for review", "[Update]", "[Remove]"} {
		if !strings.Contains(text, want) {
			t.Errorf("list lacks %q:\n%s", want, text)
		}
	}

	v2 := writeTeamPack(t, "1.1.0", "Offer the refund today, and a voucher.", &key)
	previewAndConfirm(t, p, s, v2, "Update", "the key you trust", "~ rewritten: Refund script (acme/guides/refunds)")
	if it, _ := p.lib.Item("acme/guides/refunds"); !strings.Contains(it.Body, "voucher") {
		t.Fatalf("the update did not reach the library: %q", it.Body)
	}
	tapAndWait(t, p, findButton(t, p.win.Canvas(), "Roll back to 1.0.0"))
	if it, _ := p.lib.Item("acme/guides/refunds"); strings.Contains(it.Body, "voucher") {
		t.Fatal("rollback did not restore 1.0.0")
	}
	// The rollback says what it undid, as the update's preview said what it would do.
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "Rolled back from 1.1.0 to 1.0.0.") ||
		!strings.Contains(text, "~ rewritten: Refund script (acme/guides/refunds)") {
		t.Errorf("after the rollback the screen says:\n%s", text)
	}
	test.Tap(overlayButton(t, p.win.Canvas(), "Close"))
	findButton(t, p.win.Canvas(), "Return to 1.1.0") // rolling back again undoes it

	other, _ := packs.GenerateKey("")
	v3 := writeTeamPack(t, "1.2.0", "Tampered.", &other)
	s.previewing = nil
	s.fetchSource(v3, "")
	pump(t, p, func() bool { return s.previewing != nil })
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "SIGNING KEY HAS CHANGED") || !strings.Contains(text, "[Trust the new key and install]") {
		t.Errorf("changed key preview:\n%s", text)
	}
	test.Tap(overlayButton(t, p.win.Canvas(), "Cancel"))

	buttons := func(text string) []*widget.Button {
		var out []*widget.Button
		for _, o := range test.LaidOutObjects(p.win.Canvas().Content()) {
			if b, ok := asButton(o); ok && b.Text == text {
				out = append(out, b)
			}
		}
		return out
	}
	tapAndWait(t, p, buttons("Disable")[0]) // the built-in pack comes first
	if _, ok := p.lib.Item("builtin/guides/a"); ok {
		t.Error("the disabled built-in pack is still in the library")
	}
	tapAndWait(t, p, buttons("Enable")[0])
	test.Tap(buttons("Remove")[0])
	tapAndWait(t, p, overlayButton(t, p.win.Canvas(), "Yes"))
	if _, ok := p.lib.Item("acme/guides/refunds"); ok {
		t.Error("the removed pack is still in the library")
	}
	if _, ok := p.lib.Item("builtin/guides/a"); !ok {
		t.Error("the built-in pack did not come back")
	}
}

func TestPacksScreenUnsignedNeedsItsOwnConfirmation(t *testing.T) {
	p, s := newPacksPoise(t)
	v1 := writeTeamPack(t, "1.0.0", "Offer the refund today.", nil)
	previewAndConfirm(t, p, s, v1, "Install unsigned pack", "UNSIGNED")
	if _, ok := p.lib.Item("acme/guides/refunds"); !ok {
		t.Fatal("the confirmed unsigned pack is not installed")
	}
	lib := p.lib
	hostile := filepath.Join(t.TempDir(), "evil"+packs.Ext)
	os.WriteFile(hostile, []byte("not a zip"), 0o644)
	s.fetchSource(hostile, "")
	pump(t, p, func() bool { return len(p.win.Canvas().Overlays().List()) > 0 })
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "Nothing was installed.") {
		t.Errorf("refusal said:\n%s", text)
	}
	if p.lib != lib {
		t.Error("a refused pack reloaded the library")
	}
}

// overlayButton finds a button in the window's dialogs.
func overlayButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for _, ov := range c.Overlays().List() {
		for _, o := range test.LaidOutObjects(ov) {
			if b, ok := asButton(o); ok && b.Text == text && b.Visible() {
				return b
			}
			if b, ok := o.(*escButton); ok && b.Text == text && b.Visible() {
				return &b.Button
			}
		}
	}
	t.Fatalf("no button %q in a dialog", text)
	return nil
}

func TestOnlyWebLinksOpenOutsidePoise(t *testing.T) {
	p, _ := newPacksPoise(t)
	it := &kb.Item{ID: "acme/guides/a", Pack: "acme", Source: kb.Source{File: "guides/a.md"}}
	rt := p.markdownText(it, "[run](file:///usr/bin/xterm) and [web](https://example.com) and [js](javascript:alert(1)) and [mail](mailto:a@example.com)")
	var tapped []string
	var walk func(segs []widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.ParagraphSegment:
				walk(s.Texts)
			case *widget.HyperlinkSegment:
				if s.OnTapped != nil {
					s.OnTapped()
					tapped = append(tapped, s.URL.Scheme+":"+p.status.Text)
				} else {
					tapped = append(tapped, s.URL.Scheme+": opens in the browser")
				}
			}
		}
	}
	walk(rt.Segments)
	got := strings.Join(tapped, "\n")
	for _, want := range []string{"file:Poise opens only web", "https: opens in the browser", "javascript:Poise opens only web", "mailto: opens in the browser"} {
		if !strings.Contains(got, want) {
			t.Errorf("links:\n%s\nwant %q", got, want)
		}
	}
}

// tapAndWait taps b and runs UI work until the library has been reloaded.
func tapAndWait(t *testing.T, p *poise, b *widget.Button) {
	t.Helper()
	lib, listed := p.lib, p.packsView.listed
	test.Tap(b)
	pump(t, p, func() bool { return p.lib != lib && p.packsView.listed > listed })
}

// TestPackPreviewEscapeCancels: keyboard only, the preview opens with a
// button focused and Esc cancels it, installing nothing.
func TestPackPreviewEscapeCancels(t *testing.T) {
	p, s := newPacksPoise(t)
	file := writeTeamPack(t, "1.0.0", "Refund within 30 days.", nil)
	s.previewing = nil
	s.fetchSource(file, "")
	pump(t, p, func() bool { return s.previewing != nil })
	c := p.win.Canvas()
	if b, ok := c.Focused().(*escButton); !ok || b.Text != "Cancel" {
		t.Fatalf("the preview opened with %T focused, want its Cancel button", c.Focused())
	}
	c.FocusNext() // onto the other button: Esc still cancels
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	if len(c.Overlays().List()) != 0 {
		t.Fatalf("Esc left the preview open:\n%s", canvasText(c))
	}
	if list, err := p.packs.List(nil); err != nil || len(list) != 0 {
		t.Fatalf("after Esc the packs are %+v, %v; want none", list, err)
	}
}

// TestPacksAddressFieldUsableWhenNarrow: docked at 460 px the address field
// shrank to about 65 px beside its label, too small to read an address.
func TestPacksAddressFieldUsableWhenNarrow(t *testing.T) {
	p, s := newPacksPoise(t)
	p.win.Resize(fyne.NewSize(460, 600))
	if got := s.address.Size().Width; got < 150 {
		t.Errorf("address field is %.0f px wide in a 400 px window; want room to read an address", got)
	}
}
