package app

import "fyne.io/fyne/v2/widget"

// imagesAsText puts a note's images as their names in italics, as the
// loader does for "![[a.png]]": Fyne loads an image segment's URL itself,
// over the network for http and https, so a note with "![x](https://…)"
// told its author's server who read which note and when, each time the
// preview was drawn (nine requests for one note under Xvfb), and a local
// path read any file the process can. Nothing in a pack makes Poise
// fetch or open a file by showing it.
func imagesAsText(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for i, s := range segs {
		switch s := s.(type) {
		case *widget.ImageSegment:
			name := s.Title
			if name == "" && s.Source != nil {
				name = s.Source.Name()
			}
			segs[i] = &widget.TextSegment{Text: "[image: " + name + "]", Style: widget.RichTextStyleEmphasis}
		case *widget.ListSegment:
			s.Items = imagesAsText(s.Items)
		case *widget.ParagraphSegment:
			s.Texts = imagesAsText(s.Texts)
		}
	}
	return segs
}
