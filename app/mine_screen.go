package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/watch"
)

// newKinds are the kinds "New" makes, with the words on their buttons.
var newKinds = []struct {
	kind  kb.Kind
	label string
}{
	{kb.KindStatement, "Statement"},
	{kb.KindTemplate, "Template"},
	{kb.KindMatrix, "Matrix concern"},
	{kb.KindChecklist, "Checklist"},
	{kb.KindGuide, "Guide note"},
	{kb.KindPhrase, "Positive-language row"},
}

// mineScreen is My pack, at the top of the Packs screen: new items of
// every kind, and the list of yours with Edit and, for your versions,
// Revert.
type mineScreen struct {
	widget.BaseWidget
	p       *poise
	list    *fyne.Container
	content fyne.CanvasObject
}

// newMineSection builds My pack's section; nil without a data folder.
func (p *poise) newMineSection() fyne.CanvasObject {
	m := p.myPack()
	if m == nil {
		return nil
	}
	s := &mineScreen{p: p}
	s.ExtendBaseWidget(s)
	p.my().screen = s
	head := widget.NewLabelWithStyle(mine.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	about := lowLabel("Your own items, and your versions of other packs' items: updates of those packs never touch them. " +
		"They are markdown files in " + m.Dir() + ", so another editor can change them too, and Poise picks the change up.")
	buttons := container.NewHBox(widget.NewLabel("New:"))
	for _, k := range newKinds {
		b := p.listButton(k.label, theme.ContentAddIcon(), func() { s.onNew(k.kind, k.label) })
		b.Importance = widget.LowImportance
		buttons.Add(b)
	}
	s.list = container.NewVBox()
	s.content = container.NewVBox(head, about, container.NewHScroll(buttons), s.list, widget.NewSeparator())
	s.refresh()
	return s
}

func (s *mineScreen) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.content) }

// refresh lists My pack's files from the library, one row each.
func (s *mineScreen) refresh() {
	if s.list == nil {
		return
	}
	s.list.RemoveAll()
	var files []string
	first := map[string]*kb.Item{}
	if pk, ok := s.p.lib.Pack(mine.ID); ok {
		for i := range pk.Items {
			it := &pk.Items[i]
			if _, ok := first[it.Source.File]; !ok {
				first[it.Source.File] = it
				files = append(files, it.Source.File)
			}
		}
	}
	slices.Sort(files)
	if len(files) == 0 {
		s.list.Add(lowLabel("Nothing here yet. Start a new item, or open any item in Find and choose \"Make it mine\" to keep your own version of it."))
		return
	}
	for _, f := range files {
		s.list.Add(s.row(f, first[f]))
	}
}

func (s *mineScreen) row(file string, it *kb.Item) fyne.CanvasObject {
	p := s.p
	what := kindName(it.Kind)
	title := it.Title
	if it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase {
		title = it.Category
	}
	edit := p.listButton("Edit", theme.DocumentCreateIcon(), func() { p.openEditor(file) })
	buttons := container.NewHBox(edit)
	if orig, ok := p.lib.Replaces(it.ID); ok {
		what = fmt.Sprintf("%s · your version of %s", what, orig)
		buttons.Add(p.listButton("Revert to the original", nil, func() { p.confirmRevert(it.ID) }))
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(buttons),
		container.NewVBox(boldLabel(cmpOr(title, file)), lowLabel(what+" · "+file)))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// onNew asks for a title and makes a new item of kind from a starter.
func (s *mineScreen) onNew(kind kb.Kind, label string) {
	p := s.p
	title := widget.NewEntry()
	title.SetPlaceHolder("What it is called")
	items := []*widget.FormItem{widget.NewFormItem("Title", title)}
	d := dialog.NewForm("New "+lower(label), "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		rel, err := p.myPack().Create(kind, title.Text)
		if err != nil {
			p.showError(err, mineErrorText(err))
			return
		}
		p.reloadPack(p.myPack().Dir(), nil, func(_ *watch.Reloaded, err error) {
			if err == nil {
				p.openEditor(rel)
			}
		}, nil)
	}, p.win)
	title.OnSubmitted = func(string) { d.Submit() } // Enter creates, as the button does
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	p.win.Canvas().Focus(title)
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
