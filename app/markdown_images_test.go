package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// A note's image is shown as its name, never loaded: Fyne fetched
// "![250](https://…/Engelbart.jpg)" from the network each time the
// preview of the obsidian-help note "Embed files" was drawn.
func TestMarkdownImagesAreNotLoaded(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	md := "Before.\n\n![250](https://publish.example.invalid/Engelbart.jpg)\n\n- an item ![x](/etc/passwd) in a list\n\nAfter."
	rt := p.markdownText(nil, md)
	var images int
	var texts []string
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.ImageSegment:
				images++
			case *widget.TextSegment:
				texts = append(texts, s.Text)
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	walk(rt.Segments)
	if images > 0 {
		t.Errorf("%d image segments left: Fyne would load them", images)
	}
	if text := strings.Join(texts, "|"); !strings.Contains(text, "[image: Engelbart.jpg]") || !strings.Contains(text, "[image: passwd]") {
		t.Errorf("the images are not named in the text: %q", text)
	}
}
