package app

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// matrixScreen lists customer concerns by category; a concern shows the
// option to offer first, with the alternatives numbered below it; the
// keyboard drives it (see concernTree).
type matrixScreen struct {
	widget.BaseWidget
	p *poise

	tree     *concernTree
	order    []string // the concerns' ids as the tree lists them
	toggle   func()   // shows what the shown concern's alternatives say
	view     *container.Scroll
	content  fyne.CanvasObject
	branches map[string][]string
	current  string
}

func (p *poise) newMatrixScreen() fyne.CanvasObject {
	m := &matrixScreen{p: p, branches: map[string][]string{}}
	m.ExtendBaseWidget(m)
	p.matrix = m
	p.lib.Items(func(it *kb.Item) {
		if it.Kind != kb.KindMatrix {
			return
		}
		cat := "cat:" + orDefault(it.Category, "Other concerns")
		if _, ok := m.branches[cat]; !ok {
			m.branches[""] = append(m.branches[""], cat)
		}
		m.branches[cat] = append(m.branches[cat], it.ID)
	})
	sort.Strings(m.branches[""])
	for cat, ids := range m.branches {
		if cat != "" {
			sort.SliceStable(ids, func(i, j int) bool { return m.title(ids[i]) < m.title(ids[j]) })
		}
	}
	for _, cat := range m.branches[""] {
		m.order = append(m.order, m.branches[cat]...)
	}
	m.tree = &concernTree{m: m, ring: newFocusRing()}
	m.tree.ChildUIDs = func(id widget.TreeNodeID) []widget.TreeNodeID { return m.branches[id] }
	m.tree.IsBranch = func(id widget.TreeNodeID) bool { _, ok := m.branches[id]; return ok }
	m.tree.CreateNode = func(bool) fyne.CanvasObject {
		l := widget.NewLabel("Concern title")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	m.tree.UpdateNode = func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.title(id)) }
	m.tree.ExtendBaseWidget(m.tree)
	m.tree.OnSelected = func(id widget.TreeNodeID) {
		if it, ok := p.item(id); ok {
			m.show(it)
		}
	}
	m.tree.OpenAllBranches()
	m.view = container.NewVScroll(container.NewPadded(lowLabel("Pick a customer concern on the left to see what to offer first.")))
	split := container.NewHSplit(m.tree.ring.around(m.tree), m.view)
	split.Offset = 0.36
	m.content = split
	if cats := m.branches[""]; len(cats) > 0 && len(m.branches[cats[0]]) > 0 {
		m.tree.Select(m.branches[cats[0]][0])
	}
	return m
}

func (m *matrixScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.content)
}

func (m *matrixScreen) title(id string) string {
	if len(id) > 4 && id[:4] == "cat:" {
		return id[4:]
	}
	if it, ok := m.p.item(id); ok {
		return it.Title
	}
	return id
}

func (m *matrixScreen) openItem(it *kb.Item) {
	m.tree.Select(it.ID)
	m.tree.ScrollTo(it.ID)
	m.show(it)
}

func (m *matrixScreen) show(it *kb.Item) {
	m.current = it.ID
	obj, _ := m.p.itemView(it)
	m.toggle = nil
	if b := findAltToggle(obj); b != nil {
		m.toggle = b.OnTapped
	}
	m.view.Content = container.NewPadded(obj)
	m.view.ScrollToTop()
	m.view.Refresh()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
