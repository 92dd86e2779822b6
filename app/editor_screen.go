package app

import (
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/watch"
)

// keySave saves in the editor.
var keySave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// editorScreen edits one file of My pack in its own window: the markdown
// on the left; on the right what it will look like and the pack's lint of
// it, both as you type; Ctrl+S saves it atomically and puts just My pack
// again into search. The rules (what is a problem, where files may go)
// are kb/mine's.
type editorScreen struct {
	p    *poise
	m    *mine.Pack
	rel  string
	win  fyne.Window
	text *shortcutEntry

	preview  *fyne.Container
	problems *fyne.Container
	status   *widget.Label
	cursor   *widget.Label
	saveBtn  *widget.Button

	saved string // the text as last saved
	// seq numbers the edits; a lint of an older one is dropped.
	seq       atomic.Int64
	lintDelay time.Duration
	timer     *time.Timer
	// checked counts lints shown, for tests.
	checked int
}

// openEditor opens rel of My pack in an editor window, or brings forward
// the one already open on it.
func (p *poise) openEditor(rel string) *editorScreen {
	m := p.myPack()
	if m == nil {
		return nil
	}
	s := p.my()
	if s.editors == nil {
		s.editors = map[string]*editorScreen{}
		p.onQuit = append(p.onQuit, p.keepUnsavedEdits)
	}
	if e, ok := s.editors[rel]; ok {
		e.win.Show()
		e.win.RequestFocus()
		return e
	}
	src, err := m.Read(rel)
	if err != nil {
		p.showError(err, mineErrorText(err))
		return nil
	}
	e := &editorScreen{p: p, m: m, rel: rel, saved: string(src), lintDelay: 250 * time.Millisecond}
	e.win = p.app.NewWindow("Edit " + rel + " · " + mine.Name)
	e.win.SetContent(e.build())
	e.text.SetText(e.saved)
	if typed, ok := e.m.TakeUnsaved(e.rel); ok && typed != e.saved {
		e.text.SetText(typed)
		e.status.SetText("These are your changes from when Poise was closed, not saved yet. " + keyLabel(keySave) + " saves them; Close discards them.")
	}
	e.win.Canvas().AddShortcut(keySave, func(fyne.Shortcut) { e.save() })
	e.win.SetCloseIntercept(e.close)
	e.win.Resize(fyne.NewSize(1100, 720))
	s.editors[rel] = e
	e.win.Show()
	e.win.Canvas().Focus(e.text)
	e.check(e.text.Text)
	return e
}

func (e *editorScreen) build() fyne.CanvasObject {
	e.text = newShortcutEntry(nil)
	e.text.MultiLine = true
	e.text.Wrapping = fyne.TextWrapOff // lines on screen are the file's, as problems count them
	e.text.TextStyle = fyne.TextStyle{Monospace: true}
	e.text.onShortcut = func(s fyne.Shortcut) bool {
		if s.ShortcutName() == keySave.ShortcutName() {
			e.save()
			return true
		}
		return false
	}
	e.text.OnChanged = e.changed
	e.cursor = widget.NewLabel("Line 1")
	secondary(e.cursor)
	e.text.OnCursorChanged = func() { e.cursor.SetText(fmt.Sprintf("Line %d", e.text.CursorRow+1)) }
	e.preview = container.NewVBox()
	e.problems = container.NewVBox()
	e.status = lowLabel("")
	e.saveBtn = widget.NewButtonWithIcon("Save ("+keyLabel(keySave)+")", theme.DocumentSaveIcon(), e.save)
	e.saveBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButton("Close", func() { e.close() })
	path := widget.NewLabel(mine.Name + " · " + e.rel)
	secondary(path)
	path.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, container.NewHBox(e.saveBtn, closeBtn), e.cursor, path)

	right := container.NewVSplit(
		container.NewBorder(boldLabel("Preview"), nil, nil, nil, container.NewVScroll(e.preview)),
		container.NewBorder(boldLabel("Problems"), nil, nil, nil, container.NewVScroll(e.problems)),
	)
	right.Offset = 0.62
	split := container.NewHSplit(e.text, right)
	split.Offset = 0.55
	return container.NewBorder(bar, e.status, nil, nil, split)
}

// changed runs on every keystroke: the lint waits for a pause in typing,
// and runs off the UI goroutine.
func (e *editorScreen) changed(text string) {
	e.setStatus()
	e.check(text)
}

func (e *editorScreen) check(text string) {
	n := e.seq.Add(1)
	if e.timer != nil {
		e.timer.Stop()
	}
	e.timer = time.AfterFunc(e.lintDelay, func() {
		if e.seq.Load() != n {
			return
		}
		c, err := e.m.Lint(e.rel, []byte(text), e.p.sources())
		e.p.do(func() {
			if e.seq.Load() != n {
				return
			}
			e.showCheck(c, err)
		})
	})
}

// save writes the text atomically and puts My pack again into the
// library and search, saying how long search took.
func (e *editorScreen) save() {
	text := e.text.Text
	if err := e.m.Save(e.rel, []byte(text)); err != nil {
		e.p.showError(err, mineErrorText(err))
		return
	}
	e.saved = text
	e.status.SetText("Saved. Updating search…")
	start := time.Now()
	broken := false
	e.p.reloadPack(e.m.Dir(), []string{e.rel}, func(r *watch.Reloaded, err error) {
		if err != nil {
			e.status.SetText("Saved, but My pack could not be read again. Check the file, then save again.")
			return
		}
		broken = slices.Contains(r.Kept, e.rel)
	}, func(_ time.Duration, err error) {
		if err != nil || e.text.Text != e.saved {
			return
		}
		if broken {
			e.status.SetText("Saved with problems: search keeps the last good version until they are fixed.")
			return
		}
		e.setSaved(time.Since(start))
	})
}

func (e *editorScreen) setSaved(took time.Duration) {
	e.status.SetText(fmt.Sprintf("Saved; search has it (%d ms).", took.Milliseconds()))
}

func (e *editorScreen) setStatus() {
	if e.text.Text != e.saved {
		e.status.SetText("Unsaved changes. " + keyLabel(keySave) + " saves.")
	} else {
		e.status.SetText("")
	}
}

// close closes the window, asking first when there are unsaved changes.
func (e *editorScreen) close() {
	done := func() {
		if e.timer != nil {
			e.timer.Stop()
		}
		delete(e.p.my().editors, e.rel)
		e.win.Close()
	}
	if e.text.Text == e.saved {
		done()
		return
	}
	dialog.ShowConfirm("Close without saving?", "Your changes to "+e.rel+" are not saved.", func(ok bool) {
		if ok {
			done()
		}
	}, e.win)
}
