package app

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb/gaps"
)

// gapsShown is how many searches the screen lists, most frequent first.
const gapsShown = 100

// gapsScreen is Content gaps: the searches this agent made that found
// nothing, or nothing they used (kb/gaps decides which), with counts, and
// the anonymised export for a team lead. It reads the log off the UI
// goroutine; the rules and the masking live in kb/gaps.
type gapsScreen struct {
	widget.BaseWidget
	p       *poise
	status  *widget.Label
	list    *widget.List
	empty   *fyne.Container
	rows    []gaps.Search
	content fyne.CanvasObject
	// loaded counts finished reloads, for tests.
	loaded int
}

func (p *poise) newGapsScreen() fyne.CanvasObject {
	s := &gapsScreen{p: p}
	s.ExtendBaseWidget(s)
	p.gapLog.view = s
	head := widget.NewLabelWithStyle(screenGaps, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	about := lowLabel("What you searched for and did not find, or found and did not use: nothing opened or copied " +
		"before the search was cleared or replaced. Kept on this computer only, with e-mail addresses, phone, card " +
		"and account numbers masked; never sent. Share it with your team lead so the next version of your pack answers it.")
	export := widget.NewButtonWithIcon("Share with your team lead…", theme.MailSendIcon(), s.onExport)
	export.Importance = widget.HighImportance
	tools := container.NewHBox(export,
		widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), s.reload),
		widget.NewButtonWithIcon("Clear…", theme.DeleteIcon(), s.onClear))
	s.status = lowLabel("")
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			return gapRow(false, "search", "no results", "not used", "2026-12-31")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			r := s.rows[i]
			setGapRow(o, r.Query, strconv.Itoa(r.NoResults), strconv.Itoa(r.NotUsed), r.Last)
		})
	header := gapRow(true, "Search, most missed first", "No results", "Not used", "Last seen")
	toSettings := widget.NewButton("Settings", func() { p.show(screenSettings) })
	s.empty = container.NewVBox(wrapLabel(""), container.NewHBox(toSettings))
	s.empty.Hide()
	top := container.NewVBox(head, about, tools, s.status, widget.NewSeparator(), header)
	s.content = container.NewBorder(top, nil, nil, nil, container.NewStack(s.list, s.empty))
	s.reload()
	return s
}

func (s *gapsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// gapRow lays out one line of the list: the query takes the room left by
// three equal columns of figures, as wide in every row as in the header
// (sized by its widest title), so the columns line up.
func gapRow(bold bool, query, none, unused, last string) *fyne.Container {
	q := widget.NewLabelWithStyle(query, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	q.Truncation = fyne.TextTruncateEllipsis
	figures := container.NewGridWithColumns(3)
	for _, t := range []string{none, unused, last} {
		figures.Add(widget.NewLabelWithStyle(t, fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold}))
	}
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(3*widget.NewLabelWithStyle("No results", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}).MinSize().Width, 0))
	return container.NewBorder(nil, nil, nil, container.NewStack(width, figures), q)
}

func setGapRow(o fyne.CanvasObject, query string, figures ...string) {
	row := o.(*fyne.Container)
	for _, c := range row.Objects {
		switch w := c.(type) {
		case *widget.Label:
			w.SetText(query)
		case *fyne.Container: // the stack of the width and the figures
			for i, l := range w.Objects[1].(*fyne.Container).Objects {
				l.(*widget.Label).SetText(figures[i])
			}
		}
	}
}

// reload reads the log off the UI goroutine and shows it.
func (s *gapsScreen) reload() {
	path, on := s.p.gapLog.path, s.p.settings.GapsLog
	go func() {
		var list []gaps.Search
		var err error
		if path != "" {
			list, err = gaps.Read(path)
		}
		s.p.do(func() { s.show(list, err, on) })
	}()
}

func (s *gapsScreen) show(list []gaps.Search, err error, on bool) {
	s.loaded++
	s.rows = gaps.Top(list, gapsShown)
	total := 0
	for _, r := range list {
		total += r.Count()
	}
	switch {
	case err != nil:
		s.p.logf("poise: read gaps log: %v", err)
		s.status.SetText("The gaps log could not be read. Clear it to start afresh.")
	case !on:
		s.status.SetText("The log is off: new searches are not kept. Turn it on in Settings.")
	case len(list) == 0:
		s.status.SetText("")
	case len(list) > gapsShown:
		s.status.SetText(fmt.Sprintf("%s different searches, %s times in all; the %d most frequent are shown.", numtext.Count(len(list)), numtext.Count(total), gapsShown))
	default:
		s.status.SetText(fmt.Sprintf("%s different searches, %s times in all.", numtext.Count(len(list)), numtext.Count(total)))
	}
	msg, toSettings := s.empty.Objects[0].(*widget.Label), s.empty.Objects[1]
	switch {
	case len(list) > 0:
		s.empty.Hide()
	case !on:
		msg.SetText("Nothing is kept while the log is off. Turn on \"Keep a log of searches that find nothing\" in Settings.")
		toSettings.Show()
		s.empty.Show()
	default:
		msg.SetText("No gaps yet. When a search finds nothing, or nothing you open or copy, it appears here.")
		toSettings.Hide()
		s.empty.Show()
	}
	s.list.Refresh()
}

// onExport shows exactly what the export holds, then saves it to a folder
// the agent picks, outside the data folder (see summary_export.go for why
// a folder picker and not a save dialog).
func (s *gapsScreen) onExport() {
	list := s.rows
	if len(list) == 0 {
		dialog.ShowInformation("Nothing to share", "The gaps log is empty: there is nothing to export yet.", s.p.win)
		return
	}
	full, err := gaps.Read(s.p.gapLog.path)
	if err != nil {
		s.p.showError(err, "The gaps log could not be read. Clear it to start afresh.")
		return
	}
	e := gaps.NewExport(full)
	data := e.JSON()
	preview := widget.NewLabel(string(data))
	preview.TextStyle = fyne.TextStyle{Monospace: true}
	preview.Selectable = true
	var d dialog.Dialog
	name := "poise-gaps-" + e.To + ".json"
	save := widget.NewButtonWithIcon("Save to a folder…", theme.DocumentSaveIcon(), func() {
		s.p.saveToFolder(name, data, "Choose a folder outside Poise's data folder, where you keep files to share.", func(path string) {
			d.Hide()
			s.p.toast("Content gaps saved as " + path + ".")
		})
	})
	save.Importance = widget.HighImportance
	body := container.NewBorder(
		caption("No name, no computer and no date finer than a week: the searches, masked, and how often each did not help. Your team lead merges everyone's with poise gaps merge."),
		container.NewHBox(save, widget.NewButton("Cancel", func() { d.Hide() })), nil, nil,
		container.NewScroll(preview))
	d = dialog.NewCustomWithoutButtons("Share content gaps with your team lead", body, s.p.win)
	d.Resize(fyne.NewSize(620, 480))
	d.Show()
}

// onClear empties the log once the agent confirms.
func (s *gapsScreen) onClear() {
	dialog.ShowConfirm("Clear the gaps log?", "Every search listed here is forgotten. This cannot be undone.", func(ok bool) {
		if !ok {
			return
		}
		path := s.p.gapLog.path
		go func() {
			err := errors.New("no data folder")
			if path != "" {
				err = gaps.Clear(path)
			}
			s.p.do(func() {
				if err != nil {
					s.p.showError(err, "The gaps log could not be cleared. Check that the data folder is writable.")
					return
				}
				s.reload()
			})
		}()
	}, s.p.win)
}
