package app

import (
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// markdown renders an item's prose. Links to other items open them in
// Poise; links to the web open the browser.
func (p *poise) markdown(it *kb.Item, md string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(md)
	rt.Wrapping = fyne.TextWrapWord
	p.linkSegments(it, rt.Segments)
	return rt
}

func (p *poise) linkSegments(it *kb.Item, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			if s.URL != nil && s.URL.Scheme != "" && s.URL.Scheme != "http" && s.URL.Scheme != "https" {
				// A pack is untrusted text: file:, javascript: or an
				// app's own scheme must not reach the system's opener.
				scheme := s.URL.Scheme
				s.OnTapped = func() { p.toast("Poise opens only web (http and https) links, not " + scheme + ": ones.") }
				continue
			}
			if s.URL == nil || s.URL.Scheme != "" {
				continue // a web link: Fyne opens the browser when clicked
			}
			target := p.resolveLink(it, s.URL.Path, s.URL.Fragment)
			s.OnTapped = func() {
				if target == "" {
					p.toast("That link points to an item that is not installed.")
					return
				}
				p.open(target)
			}
		case *widget.ListSegment:
			p.linkSegments(it, s.Items)
		case *widget.ParagraphSegment:
			p.linkSegments(it, s.Texts)
		}
	}
}

// resolveLink turns a relative markdown link into an item id, the way the
// pack format writes them: ../matrix/late-delivery.md#fragment.
func (p *poise) resolveLink(it *kb.Item, href, frag string) string {
	file := href
	if file == "" {
		file = path.Base(it.Source.File)
	}
	rel := path.Clean(path.Join(path.Dir(it.Source.File), file))
	rel = strings.TrimSuffix(rel, ".md")
	id := it.Pack + "/" + rel
	if frag != "" {
		if _, ok := p.item(id + "#" + frag); ok {
			return id + "#" + frag
		}
	}
	if _, ok := p.item(id); ok {
		return id
	}
	// A file whose front matter sets its own id: trust the loader's links.
	base := path.Base(rel)
	for _, l := range it.Links {
		if strings.HasSuffix(strings.SplitN(l, "#", 2)[0], "/"+base) {
			return l
		}
	}
	return ""
}
