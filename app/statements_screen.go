package app

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
)

// statementsPage is how many statements show before "Show more": wrapping
// hundreds of paragraphs at once takes seconds in Fyne.
const statementsPage = 40

const (
	allFeelings   = "All feelings"
	allSituations = "All situations"
	allChannels   = "Any channel"
)

// statementsScreen is the empathy statement bank, narrowed by the
// customer's feeling, the situation and the channel, each with Copy.
type statementsScreen struct {
	widget.BaseWidget
	p *poise

	all       []*kb.Item
	emotion   *widget.Select
	situation *widget.Select
	channel   *widget.Select
	count     *widget.Label
	rows      *fyne.Container
	view      *container.Scroll
	content   fyne.CanvasObject
	shown     []string
	allRows   []fyne.CanvasObject
	more      *widget.Button
	rowOf     map[string]fyne.CanvasObject
	rings     map[string]*focusRing
	cursor    int  // index in shown of the statement the keys work on
	focused   bool // the list has the keyboard
}

func (p *poise) newStatementsScreen() fyne.CanvasObject {
	s := &statementsScreen{p: p, rowOf: map[string]fyne.CanvasObject{}}
	s.ExtendBaseWidget(s)
	p.stmts = s
	emotions := map[string]bool{}
	p.lib.Items(func(it *kb.Item) {
		if it.Kind == kb.KindStatement {
			s.all = append(s.all, it)
			for _, e := range it.Emotions {
				emotions[strings.ToLower(e)] = true
			}
		}
	})
	s.emotion = widget.NewSelect(append([]string{allFeelings}, sortedKeys(emotions)...), func(string) {
		s.fillSituations()
		s.filter()
	})
	s.situation = widget.NewSelect([]string{allSituations}, func(string) { s.filter() })
	s.channel = widget.NewSelect(append([]string{allChannels}, kb.Channels...), func(string) { s.filter() })
	s.emotion.SetSelectedIndex(0)
	s.situation.SetSelectedIndex(0)
	s.channel.SetSelectedIndex(0)
	s.count = lowLabel("")
	s.rows = container.NewVBox()
	s.view = container.NewVScroll(s.rows)
	filters := container.NewGridWithColumns(3, s.emotion, s.situation, s.channel)
	s.content = container.NewBorder(container.NewVBox(filters, s.count), nil, nil, nil, s.view)
	s.fillSituations()
	s.filter()
	return s
}

func (s *statementsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// fillSituations offers the situations of the chosen feeling only.
func (s *statementsScreen) fillSituations() {
	if s.situation == nil {
		return
	}
	sits := map[string]bool{}
	for _, it := range s.all {
		if s.matchEmotion(it) {
			for _, x := range it.Situations {
				sits[x] = true
			}
		}
	}
	keep := s.situation.Selected
	s.situation.Options = append([]string{allSituations}, sortedKeys(sits)...)
	if !sits[keep] {
		keep = allSituations
	}
	s.situation.Selected = keep
	s.situation.Refresh()
}

func (s *statementsScreen) matchEmotion(it *kb.Item) bool {
	e := s.emotion.Selected
	return e == "" || e == allFeelings || slices.ContainsFunc(it.Emotions, func(x string) bool { return strings.EqualFold(x, e) })
}

func (s *statementsScreen) match(it *kb.Item) bool {
	if !s.matchEmotion(it) {
		return false
	}
	if sit := s.situation.Selected; sit != "" && sit != allSituations && !slices.Contains(it.Situations, sit) {
		return false
	}
	ch := s.channel.Selected
	return ch == "" || ch == allChannels || len(it.Channels) == 0 || slices.Contains(it.Channels, ch)
}

// filter rebuilds the list; there are a few hundred statements at most.
func (s *statementsScreen) filter() {
	if s.rows == nil || s.channel == nil || s.situation == nil {
		return
	}
	s.shown = s.shown[:0]
	s.rowOf = map[string]fyne.CanvasObject{}
	s.rings = map[string]*focusRing{}
	s.cursor = 0
	s.more = nil
	var objs []fyne.CanvasObject
	for _, it := range s.all {
		if !s.match(it) {
			continue
		}
		s.shown = append(s.shown, it.ID)
		ring := newFocusRing()
		row := ring.around(s.row(it))
		s.rowOf[it.ID], s.rings[it.ID] = row, ring
		objs = append(objs, row)
	}
	s.rows.Objects = objs
	s.limit(statementsPage)
	s.count.SetText(countLabel(len(s.shown), "statement"))
	s.view.ScrollToTop()
	s.showCursor()
}

// limit shows the first n rows and a button for the next page.
func (s *statementsScreen) limit(n int) {
	all := s.rows.Objects
	if s.more != nil {
		all = s.allRows
	}
	s.allRows = all
	if len(all) <= n {
		s.more = nil
		s.rows.Objects = all
		s.rows.Refresh()
		return
	}
	s.more = widget.NewButton("Show more ("+numtext.Count(len(all)-n)+" left)", func() { s.limit(n + statementsPage) })
	s.rows.Objects = append(append([]fyne.CanvasObject(nil), all[:n]...), s.more)
	s.rows.Refresh()
}

func (s *statementsScreen) row(it *kb.Item) fyne.CanvasObject {
	text := wrapLabel(it.Text)
	meta := lowLabel(strings.Join(append(slices.Clone(it.Emotions), strings.Join(it.Situations, ", "), channels(it.Channels)), " · "))
	cp := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { s.p.copyItem(it) })
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(cp), container.NewVBox(text, meta))
}

// openItem shows a statement among those for the same feeling and
// situation, scrolled into view.
func (s *statementsScreen) openItem(it *kb.Item) {
	if len(it.Emotions) > 0 {
		s.emotion.SetSelected(strings.ToLower(it.Emotions[0]))
	}
	if len(it.Situations) > 0 {
		s.situation.SetSelected(it.Situations[0])
	}
	s.channel.SetSelected(allChannels)
	for i, id := range s.shown {
		if id == it.ID && i >= len(s.rows.Objects)-1 {
			s.limit(i + statementsPage)
		}
	}
	if i := slices.Index(s.shown, it.ID); i >= 0 {
		s.cursor = i
		s.showCursor()
	}
	if row, ok := s.rowOf[it.ID]; ok {
		s.view.Offset = fyne.NewPos(0, row.Position().Y)
		s.view.Refresh()
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func countLabel(n int, noun string) string {
	switch n {
	case 0:
		return "No " + noun + "s match. Choose another feeling, situation or channel."
	case 1:
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// plural is "1 entry", "2 entries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
