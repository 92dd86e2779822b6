package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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

func TestResolveLink(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	guide, _ := p.item("builtin/guides/staying-calm")
	tests := []struct {
		name, href, frag, want string
	}{
		{"relative file", "../matrix/late-delivery.md", "", "builtin/matrix/late-delivery"},
		{"section of another file", "staying-calm.md", "the-five-second-pause", "builtin/guides/staying-calm#the-five-second-pause"},
		{"section of the same file", "", "after-the-call", "builtin/guides/staying-calm#after-the-call"},
		{"missing item", "../matrix/nothing.md", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.resolveLink(guide, tt.href, tt.frag); got != tt.want {
				t.Errorf("resolveLink(%q, %q) = %q, want %q", tt.href, tt.frag, got, tt.want)
			}
		})
	}
}
