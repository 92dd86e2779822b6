package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestScreensRender keeps a markup golden file of every screen in a known
// state, so a change to what a person sees shows up in review. Refresh them
// by deleting testdata/*.xml and copying testdata/failed/*.xml over.
func TestScreensRender(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, p *poise)
	}{
		{"find_empty", func(t *testing.T, p *poise) {}},
		{"find_query", func(t *testing.T, p *poise) { typeQuery(t, p.find, "refund") }},
		{"guides_section", func(t *testing.T, p *poise) {
			p.open("builtin/guides/staying-calm#after-the-call")
		}},
		{"matrix_alternatives", func(t *testing.T, p *poise) {
			p.open("builtin/matrix/late-delivery")
			test.Tap(findAltToggle(p.matrix.view.Content))
		}},
		{"statements_angry", func(t *testing.T, p *poise) {
			p.open("builtin/statements/angry#2")
		}},
		{"tone_marked", func(t *testing.T, p *poise) {
			p.show(screenTone)
			test.Type(p.tone.draft, "I can't do that. That's our policy.")
		}},
		{"settings", func(t *testing.T, p *poise) { p.show(screenSettings) }},
		{"pause", func(t *testing.T, p *poise) {
			// The golden file holds the pause's first second: a tick of
			// an hour keeps it there however slowly a loaded machine
			// renders (at load 16 it showed "3" and "Breathe out…").
			p.pauseTick = time.Hour
			p.startPause()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := findReady(t)
			p.win.Resize(fyne.NewSize(800, 600))
			tt.setup(t, p)
			settle(p)
			p.status.SetText("")
			test.AssertRendersToMarkup(t, tt.name+".xml", p.win.Canvas())
		})
	}
}

// findButton finds a button by its text anywhere on the canvas.
func findButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(c.Content()) {
		if b, ok := asButton(o); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}
