package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// markdown renders an item's prose, word-wrapped, with the text after a
// link kept whole (markdown_wrap.go).
func (p *poise) markdown(it *kb.Item, md string) fyne.CanvasObject {
	return wrapLinks(p.markdownText(it, md))
}

// markdownText is an item's prose as rich text. Links to other items open
// them in Poise; links to the web open the browser.
func (p *poise) markdownText(it *kb.Item, md string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(tablesAsRows(md))
	rt.Segments = imagesAsText(joinQuoteSplits(rt.Segments))
	p.linkSegments(it, rt.Segments)
	return rt
}

// joinQuoteSplits mends quoted text that Fyne broke into lines. Fyne makes
// each piece of text in a quote (a callout's body) its own block, and the
// markdown parser cuts text at characters that might start markup, so
// "> Yes! In a callout" showed "Yes" and "! In a callout" on two lines,
// with a space added after "Yes". A piece starting with such a character
// mid-line is joined back to the one before; a new line of the quote
// starts with a word and stays its own line.
func joinQuoteSplits(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := segs[:0]
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if ok && ts.Style == widget.RichTextStyleBlockquote && ts.Text != "" && strings.ContainsRune("!&*_]\\", []rune(ts.Text)[0]) && len(out) > 0 {
			if prev, ok := out[len(out)-1].(*widget.TextSegment); ok && prev.Style == widget.RichTextStyleBlockquote {
				prev.Text = strings.TrimSuffix(prev.Text, " ") + ts.Text
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func (p *poise) linkSegments(it *kb.Item, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.HyperlinkSegment:
			if s.URL != nil && s.URL.Scheme != "" && !kb.LinkOpens(s.URL.Scheme) {
				scheme := s.URL.Scheme
				s.OnTapped = func() {
					p.toast("Poise opens only web (http, https) and e-mail (mailto) links, not " + scheme + ": ones.")
				}
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
				p.followLink(target)
			}
		case *widget.ListSegment:
			p.linkSegments(it, s.Items)
		case *widget.ParagraphSegment:
			p.linkSegments(it, s.Texts)
		}
	}
}

// followLink shows a linked item: in the Find preview when the link is
// there, so what Enter copies is what the agent reads, else on its screen.
func (p *poise) followLink(id string) {
	if p.current == screenFind && p.find != nil {
		p.find.preview.follow(id)
		return
	}
	p.open(id)
}

// resolveLink is the item a relative link of it opens, "" when none: the
// link as the loader resolved it (kb.Library.ResolveLink), so the app opens
// what lint checked.
func (p *poise) resolveLink(it *kb.Item, href, frag string) string {
	id, _ := p.lib.ResolveLink(it, (&url.URL{Path: href, Fragment: frag}).String())
	return id
}
