package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"github.com/poisehq/poise/kb"
)

// copyItem copies what the agent says for an item, asking for its
// placeholders first when it has any. A matrix concern copies its
// offer-first option.
func (p *poise) copyItem(it *kb.Item) {
	it = p.withBody(it)
	if it.Kind == kb.KindMatrix && len(it.Options) > 0 {
		p.copyOption(it, it.Options[0])
		return
	}
	p.copyText(it.ID, it.Title, it.Text, it.Fields)
}

// copyOption copies one option of a matrix concern, naming the option in
// the confirmation and keeping it with the recent copy, so copying the
// concern again from Recent gives this option, not the offer-first one.
func (p *poise) copyOption(it *kb.Item, o kb.Option) {
	p.copyAs(it.ID, o.ID, o.Title, o.Say, it.Fields)
}

// recentOption is the option of matrix concern it last copied, else its
// offer-first option; false when it has no options.
func (p *poise) recentOption(it *kb.Item) (kb.Option, bool) {
	if len(it.Options) == 0 {
		return kb.Option{}, false
	}
	if id := p.usage.RecentOption(it.ID); id != "" {
		for _, o := range it.Options {
			if o.ID == id {
				return o, true
			}
		}
	}
	return it.Options[0], true
}

// copyText copies text for item id, after a small form when text has
// placeholders the agent must fill. label names it in the confirmation.
func (p *poise) copyText(id, label, text string, declared []kb.Field) {
	p.copyAs(id, "", label, text, declared)
}

// copyAs is copyText for option (an option id of item id, or "").
func (p *poise) copyAs(id, option, label, text string, declared []kb.Field) {
	// Checked here too, as the idle timer may sleep with the laptop: the
	// last customer's name must not fill this customer's form. Find is left
	// as it is, since the agent is copying from it.
	if p.call.Idle(p.now()) {
		p.call.Reset()
	}
	f := newTemplateForm(p, id, text, declared)
	if !f.asks() {
		p.finishOptionCopy(id, option, label, f.rendered())
		return
	}
	done := false
	var d dialog.Dialog
	finish := func() {
		if done {
			return
		}
		done = true
		f.remember()
		p.finishOptionCopy(id, option, label, f.rendered())
	}
	f.onSubmit = func() {
		f.copyChecked(func() {
			finish()
			d.Hide()
		}, nil)
	}
	f.onCancel = func() { d.Hide() }
	// The fields scroll and what will be copied stays in view below them;
	// the dialog is as big as its content, within the window.
	ws := p.win.Canvas().Size()
	width := min(600, ws.Width-40)
	fields := container.NewVScroll(f.form)
	fields.SetMinSize(fyne.NewSize(min(420, width-40), min(f.form.MinSize().Height, max(ws.Height-360, 80))))
	body := container.NewBorder(nil, f.willCopy, nil, nil, fields)
	d = dialog.NewCustomConfirm("Fill in: "+label, "Copy", "Cancel", body, func(ok bool) {
		if ok {
			// The Copy button has closed the form: it opens again for
			// "Fill in".
			f.copyChecked(func() { finish(); p.refocus() }, func() { d.Show() })
			return
		}
		p.refocus()
	}, p.win)
	d.Resize(fyne.NewSize(width, min(body.MinSize().Height+110, ws.Height-40))) // 110: title and buttons
	d.Show()
	if f.first != nil {
		p.win.Canvas().Focus(f.first)
	}
}

// finishCopy puts text on the clipboard, remembers the copy and confirms.
func (p *poise) finishCopy(id, label, text string) {
	p.finishOptionCopy(id, "", label, text)
}

// finishOptionCopy is finishCopy for option, an option id of item id or "".
func (p *poise) finishOptionCopy(id, option, label, text string) {
	p.app.Clipboard().SetContent(text)
	if id == "" { // the agent's own text (the tone check's reply): no item to remember
		p.call.Touch(p.now())
		p.toast(fmt.Sprintf("Copied %s", shorten(label, 60)))
		return
	}
	p.call.RecordCopy(id, option, p.now()) // for the quick log; counts as activity
	p.gapUsed()
	if err := p.usage.RecordOptionCopy(id, option, p.now()); err != nil {
		p.logf("poise: record copy: %v", err)
	}
	p.toast(fmt.Sprintf("Copied: %s", shorten(label, 60)))
}

// refocus returns the keyboard to the Find field after a dialog closes,
// when Find is the screen showing.
func (p *poise) refocus() {
	if p.find != nil && p.current == screenFind {
		p.find.focus()
	}
}

// shorten cuts s to n runes with an ellipsis, on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
