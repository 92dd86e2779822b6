package app

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// guidesScreen browses the guides of every pack and reads one, with links
// between items working and a search hit landing on its section.
type guidesScreen struct {
	widget.BaseWidget
	p *poise

	tree    *widget.Tree
	view    *container.Scroll
	content *fyne.Container // the split, or one pane of it when narrow
	split   *container.Split
	back    *escButton // back to the list from a guide, when narrow
	// narrow shows one pane at a time (guides_narrow.go); reading is the
	// guide's, rather than the list's.
	narrow, reading bool

	branches map[string][]string // tree node id → child ids
	current  string              // the guide shown
	section  string              // the section scrolled to, if any
	anchors  map[string]fyne.CanvasObject
}

func (p *poise) newGuidesScreen() fyne.CanvasObject {
	g := &guidesScreen{p: p, branches: map[string][]string{}}
	g.ExtendBaseWidget(g)
	p.guides = g
	g.collect()
	g.tree = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return g.branches[id] },
		func(id widget.TreeNodeID) bool { _, ok := g.branches[id]; return ok },
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("Guide title")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(g.nodeTitle(id, branch))
		},
	)
	g.tree.OnSelected = func(id widget.TreeNodeID) {
		if _, branch := g.branches[id]; !branch {
			g.showGuide(id, "")
			g.read()
		}
	}
	for _, pk := range g.branches[""] {
		g.tree.OpenBranch(pk)
	}
	empty := lowLabel("Pick a guide on the left. Guides explain the why behind what to say; search finds the section you need.")
	g.view = container.NewVScroll(container.NewPadded(empty))
	g.split = container.NewHSplit(g.tree, g.view)
	g.split.Offset = 0.36
	// Esc goes back too, as it closes Find's full text (escButton).
	back := func() { g.closeGuide() }
	g.back = newEscButton("All guides", back, back)
	g.back.Icon = theme.NavigateBackIcon()
	g.back.Importance = widget.LowImportance
	g.content = container.NewStack(g.split)
	return g
}

func (g *guidesScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(g.content)
}

// collect groups the guides by pack; the tree's root lists packs.
func (g *guidesScreen) collect() {
	g.p.lib.Items(func(it *kb.Item) {
		if it.Kind != kb.KindGuide || it.Parent != "" {
			return
		}
		pk := "pack:" + it.Pack
		if _, ok := g.branches[pk]; !ok {
			g.branches[""] = append(g.branches[""], pk)
		}
		g.branches[pk] = append(g.branches[pk], it.ID)
	})
	for pk, ids := range g.branches {
		if pk == "" {
			continue
		}
		sort.SliceStable(ids, func(i, j int) bool { return g.guideTitle(ids[i]) < g.guideTitle(ids[j]) })
	}
}

// nodeTitle is a row of the list: a pack's name, or a guide's title with
// its language when that is not the reader's, as Find shows it (a vault
// kept in 35 languages has eight pages titled "Obsidian CLI").
func (g *guidesScreen) nodeTitle(id string, branch bool) string {
	if branch {
		return g.p.packName(id[len("pack:"):])
	}
	if it, ok := g.p.item(id); ok {
		if l := languageLabel(it.Language, readerLanguage()); l != "" {
			return it.Title + " · " + l
		}
		return it.Title
	}
	return id
}

// guideTitle is what the list is sorted by: the title alone, so the
// translations of a page stay together.
func (g *guidesScreen) guideTitle(id string) string {
	if it, ok := g.p.item(id); ok {
		return it.Title
	}
	return id
}

// openItem shows a guide, or the guide a section belongs to at that section.
func (g *guidesScreen) openItem(it *kb.Item) {
	if it.Parent != "" {
		g.tree.Select(it.Parent)
		g.showGuide(it.Parent, it.ID)
		g.read()
		return
	}
	g.tree.Select(it.ID)
	g.showGuide(it.ID, "")
	g.read()
}

func (g *guidesScreen) showGuide(id, section string) {
	it, ok := g.p.item(id)
	if !ok {
		return
	}
	it = g.p.withBody(it)
	if g.current != id {
		g.current = id
		g.anchors = map[string]fyne.CanvasObject{}
		box := container.NewVBox(g.p.itemHeader(it), g.p.markdown(it, introOf(it.Body)))
		for _, sid := range it.Sections {
			s, ok := g.p.item(sid)
			if !ok {
				continue
			}
			s = g.p.withBody(s)
			head := widget.NewRichText(&widget.TextSegment{Text: s.Title, Style: widget.RichTextStyleSubHeading})
			head.Wrapping = fyne.TextWrapWord
			cp := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() { g.p.copyItem(s) })
			row := container.NewBorder(nil, nil, nil, cp, head)
			g.anchors[sid] = row
			box.Add(row)
			box.Add(g.p.markdown(s, s.Body))
		}
		g.view.Content = container.NewPadded(box)
		g.view.Refresh()
	}
	g.section = section
	g.scrollTo(section)
}

// scrollTo brings a section's heading to the top of the view.
func (g *guidesScreen) scrollTo(section string) {
	anchor, ok := g.anchors[section]
	if !ok {
		g.view.ScrollToTop()
		return
	}
	g.view.Refresh()
	g.view.Offset = fyne.NewPos(0, anchor.Position().Y)
	g.view.Refresh()
}
