package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/template"
)

// agentNameField is filled from Settings, so the agent types it once.
const agentNameField = "agent_name"

// templateForm asks for a text's placeholders, one field each, and shows
// the text as it will be copied while the agent types.
type templateForm struct {
	p      *poise
	locale string // of the item's pack, for computed dates and times
	text   string
	fields []kb.Field // every placeholder, computed ones included
	get    map[string]func() string
	// entries are the fields' widgets, to mark the ones left blank.
	entries map[string]*widget.Entry
	focus   map[string]fyne.Focusable
	marking bool            // blanks are marked once a copy was tried with them
	marked  map[string]bool // the fields outlined as blank now
	head    *widget.Label
	first   fyne.Focusable
	preview *widget.Label
	content fyne.CanvasObject // fields above what will be copied
	// form and willCopy are content's two parts, for the copy dialog,
	// which scrolls the fields and keeps what will be copied in view.
	form, willCopy fyne.CanvasObject
	onSubmit       func()
	// onCancel, if set, runs on Esc in any field.
	onCancel func()
}

// newTemplateForm makes the form for text of the item with id itemID.
func newTemplateForm(p *poise, itemID, text string, declared []kb.Field) *templateForm {
	f := &templateForm{p: p, locale: p.lib.Locale(kb.PackOf(itemID)), text: text, fields: template.Fields(text, declared...), get: map[string]func() string{}, entries: map[string]*widget.Entry{}, focus: map[string]fyne.Focusable{}}
	f.preview = widget.NewLabel("")
	f.preview.Wrapping = fyne.TextWrapWord
	form := widget.NewForm()
	for _, fld := range f.fields {
		if fld.Computed {
			continue
		}
		val := f.initial(fld)
		var obj fyne.CanvasObject
		switch {
		case len(fld.Choices) > 0:
			s := widget.NewSelectEntry(fld.Choices)
			s.SetText(val)
			s.OnChanged = func(string) { f.update() }
			s.OnSubmitted = func(string) { f.submit() }
			f.get[fld.Name] = func() string { return s.Text }
			f.entries[fld.Name], f.focus[fld.Name] = &s.Entry, s
			obj = s
			f.focusFirst(s)
		default:
			e := newShortcutEntry(p)
			if fld.Multiline {
				e.MultiLine = true
				e.Wrapping = fyne.TextWrapWord
				e.SetMinRowsVisible(3)
			}
			e.SetText(val)
			e.OnChanged = func(string) { f.update() }
			e.OnSubmitted = func(string) { f.submit() }
			e.onKey = func(k *fyne.KeyEvent) bool {
				if k.Name == fyne.KeyEscape && f.onCancel != nil {
					f.onCancel()
					return true
				}
				return false
			}
			f.get[fld.Name] = func() string { return e.Text }
			f.entries[fld.Name], f.focus[fld.Name] = &e.Entry, e
			obj = e
			f.focusFirst(e)
		}
		form.Append(fld.Label, obj)
	}
	f.head = widget.NewLabelWithStyle("Will copy:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.form = form
	f.willCopy = container.NewVBox(widget.NewSeparator(), f.head, f.preview)
	f.content = container.NewVBox(form, f.head, f.preview)
	f.update()
	return f
}

// initial is what a field starts with: the agent's own name, else the
// value typed for a field of that name earlier in this call, else the
// pack's default.
func (f *templateForm) initial(fld kb.Field) string {
	if fld.Name == agentNameField && f.p.settings.AgentName != "" {
		return f.p.settings.AgentName
	}
	if v := f.p.call.Value(fld.Name); v != "" {
		return v
	}
	return fld.Default
}

func (f *templateForm) focusFirst(o fyne.Focusable) {
	if f.first == nil {
		f.first = o
	}
}

// asks reports whether the form has anything for the agent to fill.
func (f *templateForm) asks() bool { return len(f.get) > 0 }

func (f *templateForm) values() map[string]string {
	v := map[string]string{}
	for name, get := range f.get {
		v[name] = get()
	}
	return v
}

// rendered is the text with every placeholder filled.
func (f *templateForm) rendered() string {
	return renderTemplate(f.locale, f.text, f.values(), f.p.now())
}

func (f *templateForm) update() {
	f.preview.SetText(f.rendered())
	head := "Will copy:"
	if n := len(f.blanks()); n > 0 {
		head = "Will copy (" + blanksLeft(n) + "):"
	}
	f.head.SetText(head)
	if f.marking {
		f.markBlanks()
	}
}

// errBlank marks a field the agent has not filled yet.
var errBlank = errors.New("not filled in yet")

// blanks are the fields still to fill; kb/template says what is blank.
func (f *templateForm) blanks() []kb.Field {
	return template.Blanks(f.fields, f.values())
}

// markBlanks outlines the blank fields, and from now on as they change.
func (f *templateForm) markBlanks() {
	f.marking = true
	f.marked = map[string]bool{}
	for _, b := range f.blanks() {
		f.marked[b.Name] = true
	}
	for name, e := range f.entries {
		e.AlwaysShowValidationError = true // it has no Validator to make it dirty
		if f.marked[name] {
			e.SetValidationError(errBlank)
		} else {
			e.SetValidationError(nil)
		}
	}
}

// firstBlank is the first blank field's widget, to type into.
func (f *templateForm) firstBlank() fyne.Focusable {
	for _, b := range f.blanks() {
		if o, ok := f.focus[b.Name]; ok {
			return o
		}
	}
	return f.first
}

// blanksLeft is "1 blank left", "2 blanks left".
func blanksLeft(n int) string {
	if n == 1 {
		return "1 blank left"
	}
	return strconv.Itoa(n) + " blanks left"
}

// copyChecked runs copyFn when every field is filled; otherwise it marks
// the blanks and asks first, since "[amount]" must never reach a customer
// unnoticed. fillIn runs when the agent chooses to fill them.
func (f *templateForm) copyChecked(copyFn, fillIn func()) {
	blanks := f.blanks()
	if len(blanks) == 0 {
		copyFn()
		return
	}
	f.markBlanks()
	var names []string
	for _, b := range blanks {
		names = append(names, b.Label)
	}
	msg := fmt.Sprintf("Not filled in: %s.\nThe copied text will show [%s] there. Copy anyway?", strings.Join(names, ", "), blanks[0].Name)
	if len(blanks) > 1 {
		msg = fmt.Sprintf("Not filled in: %s.\nThe copied text will show [%s] and the others in brackets. Copy anyway?", strings.Join(names, ", "), blanks[0].Name)
	}
	askSafeFirst(f.p.win, blanksLeft(len(blanks)), msg, "Fill in", "Copy anyway", func(ok bool) {
		if ok {
			copyFn()
			return
		}
		if fillIn != nil {
			fillIn()
		}
		blank := f.firstBlank()
		f.p.win.Canvas().Focus(blank)
		// The field may have kept the keyboard under the dialog, so
		// Focus gains nothing: mark it as just taken anyway, or the space
		// of a Space on "Fill in" lands in it.
		if e, ok := blank.(*shortcutEntry); ok {
			e.freshFocus = true
		}
	})
}

func (f *templateForm) submit() {
	if f.onSubmit != nil {
		f.onSubmit()
	}
}

// remember keeps the values for the rest of the call, in memory only, and
// the agent's name in Settings: the one value that is not the customer's.
func (f *templateForm) remember() {
	vals := f.values()
	if name := vals[agentNameField]; name != "" && name != f.p.settings.AgentName {
		f.p.settings.AgentName = name
		f.p.saveSettings()
	}
	delete(vals, agentNameField)
	f.p.call.Remember(vals, f.p.now())
}
