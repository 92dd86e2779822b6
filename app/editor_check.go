package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// maxPreviewItems bounds the live preview of a file with many items (a
// statements file): building widgets for hundreds on every pause in
// typing would make typing lag.
const maxPreviewItems = 12

// showCheck shows the lint of the text and what it will look like.
func (e *editorScreen) showCheck(c *mine.Checked, err error) {
	e.checked++
	e.problems.RemoveAll()
	e.preview.RemoveAll()
	if err != nil {
		e.problems.Add(wrapLabel(mineErrorText(err)))
		return
	}
	if len(c.Problems) == 0 {
		ok := widget.NewLabelWithStyle("No problems. "+keyLabel(keySave)+" saves.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		e.problems.Add(ok)
	}
	for _, pr := range c.Problems {
		e.problems.Add(e.problemRow(pr))
	}
	if fields := fieldNames(c.Items); fields != "" {
		e.problems.Add(lowLabel("Placeholders filled in when copied: " + fields))
	}
	for i := range c.Items {
		if i == maxPreviewItems {
			e.preview.Add(lowLabel(fmt.Sprintf("… and %d more items in this file.", len(c.Items)-maxPreviewItems)))
			break
		}
		view, _ := e.p.itemView(&c.Items[i])
		e.preview.Add(view)
		e.preview.Add(widget.NewSeparator())
	}
	if len(c.Items) == 0 && len(c.Problems) == 0 {
		e.preview.Add(lowLabel("Nothing to show yet."))
	}
}

// problemRow is one problem: a "Line 5" button that puts the cursor on
// that line, and the message, wrapped.
func (e *editorScreen) problemRow(pr kb.Problem) fyne.CanvasObject {
	where := "File"
	if pr.Line > 0 {
		where = fmt.Sprintf("Line %d", pr.Line)
	}
	b := widget.NewButtonWithIcon(where, theme.WarningIcon(), func() { e.goToLine(pr.Line) })
	b.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewVBox(b), nil, wrapLabel(pr.Message))
}

func (e *editorScreen) goToLine(line int) {
	if line < 1 {
		return
	}
	e.text.CursorRow, e.text.CursorColumn = line-1, 0
	e.text.Refresh()
	e.win.Canvas().Focus(e.text)
}

// fieldNames lists the template fields of items, as the form will ask.
func fieldNames(items []kb.Item) string {
	var names []string
	seen := map[string]bool{}
	for _, it := range items {
		for _, f := range it.Fields {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, "{{"+f.Name+"}}")
			}
		}
	}
	return strings.Join(names, ", ")
}
