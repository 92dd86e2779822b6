package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pauseSteps are the five seconds of the pause: a slow breath in and out
// before answering an angry customer.
var pauseSteps = []string{
	"Breathe in slowly…",
	"…and hold.",
	"Breathe out…",
	"…all the way.",
	"Now answer, calmly.",
}

// startPause shows the five-second breathing countdown over the window.
func (p *poise) startPause() {
	if p.pausing {
		return
	}
	p.pausing = true
	count := canvas.NewText("5", theme.Color(theme.ColorNameForeground))
	count.TextSize = 72
	count.Alignment = fyne.TextAlignCenter
	words := widget.NewLabelWithStyle(pauseSteps[0], fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	var pop *widget.PopUp
	stop := make(chan struct{})
	done := func() {
		if !p.pausing {
			return
		}
		p.pausing = false
		close(stop)
		pop.Hide()
		p.refocus()
	}
	skip := widget.NewButton("Done", done)
	box := container.NewVBox(
		widget.NewLabelWithStyle("A five-second pause", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		count, words, container.NewCenter(skip))
	pop = widget.NewModalPopUp(container.NewPadded(box), p.win.Canvas())
	pop.Resize(fyne.NewSize(360, 260))
	pop.Show()
	p.win.Canvas().Focus(skip)
	p.pauseCount = count
	p.pauseWords = words
	// Read before the goroutine, so each pause owns its tick.
	tick := p.pauseTick
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for left := 4; left >= 0; left-- {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			p.do(func() {
				if !p.pausing {
					return
				}
				if left == 0 {
					done()
					return
				}
				count.Text = strconv.Itoa(left)
				count.Refresh()
				words.SetText(pauseSteps[5-left])
			})
		}
	}()
}
