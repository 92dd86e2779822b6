package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal/summary"
)

// showExport prepares an anonymised export of sum for a team lead. The
// agent ticks the takeaways to include, sees the exact file (masked by the
// privacy guard) as it changes, and only then chooses where to save it.
func (s *summaryScreen) showExport(sum *summary.Summary) {
	picked := map[int]bool{}
	// A selectable label: it can be copied but not edited, so what is shown
	// is what is written.
	preview := widget.NewLabel("")
	preview.TextStyle = fyne.TextStyle{Monospace: true}
	// Indented JSON has short lines; wrapping thousands of characters is
	// slow in Fyne, and a scroll both ways shows the file as it is.
	preview.Wrapping = fyne.TextWrapOff
	preview.Selectable = true
	var data []byte
	var exportID string // one file, one id, however often a tick changes it
	update := func() {
		var idx []int
		for i := range sum.Takeaways {
			if picked[i] {
				idx = append(idx, i)
			}
		}
		var err error
		x := sum.Anonymise(idx)
		if exportID == "" {
			exportID = x.ID
		}
		x.ID = exportID
		if data, err = x.JSON(); err != nil {
			s.p.showError(err, "The export could not be prepared.")
			return
		}
		preview.SetText(string(data))
	}
	checks := container.NewVBox()
	if len(sum.Takeaways) == 0 {
		checks.Add(caption("No takeaways this month: nothing you wrote is included."))
	} else {
		checks.Add(caption("Nothing you wrote is included unless you tick it. Ticked takeaways are masked for e-mail addresses and phone, card and account numbers."))
	}
	for i, t := range sum.Takeaways {
		c := widget.NewCheck(t.When.Format("Jan 2")+": "+t.Text, func(on bool) { picked[i] = on; update() })
		checks.Add(c)
	}
	update()
	var d dialog.Dialog
	save := widget.NewButtonWithIcon("Save to a folder…", theme.DocumentSaveIcon(), func() {
		out := append([]byte(nil), data...)
		name := "poise-summary-" + sum.Month + ".json"
		s.p.saveToFolder(name, out, "Choose a folder outside Poise's data folder: only encrypted files belong there.", func(path string) {
			d.Hide()
			s.p.toast(fmt.Sprintf("Anonymised summary saved as %s.", path))
		})
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	// The choices above, the file below, each scrolling on its own, so
	// many takeaways never squeeze the preview out of an 800×600 window.
	split := container.NewVSplit(container.NewVScroll(checks),
		container.NewBorder(sectionHead("This is exactly what will be written:"), nil, nil, nil, container.NewScroll(preview)))
	split.Offset = 0.4
	body := container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil, split)
	d = dialog.NewCustomWithoutButtons("Share "+sum.Label+" with your team lead", body, s.p.win)
	d.Resize(fyne.NewSize(640, 520))
	s.dialog = d
	d.Show()
}
