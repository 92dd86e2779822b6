package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/textcase"
	"github.com/poisehq/poise/journal"
)

// whenLayout is how dates are typed in the form.
const whenLayout = "2006-01-02 15:04"

const followUpNone = "None"

var scaleOptions = []string{"1", "2", "3", "4", "5"}

// journalForm is the entry form: fast from the keyboard (Tab moves on, the
// long fields come first), only "what happened" required, autosaved as an
// encrypted draft while typing.
type journalForm struct {
	s    *journalScreen
	base journal.Entry // the entry being edited; zero for a new one

	title                                      *widget.Label
	what, tried, worked, didnt, takeaway       *wrapEditor
	when, emotions, tags, triedItems           *shortcutEntry
	channel, outcome, followUp                 *focusSelect
	difficulty, stressBefore, stressAfter, sat *widget.RadioGroup
	triggers                                   []*focusCheck
	followUpDone                               *focusCheck
	scroll                                     *container.Scroll
	msg                                        *widget.Label
	drafts                                     *fyne.Container
	// offered is the Restore button of the draft on offer, nil when none.
	offered *ringButton
	// undoDiscard, while set, puts back the draft just discarded: it is
	// only removed once its Undo is gone (journal_draft.go).
	undoDiscard func()
	finish      func() // removes the draft whose Undo is up
	keepPending func() // leaves it in place (a lock: offered again)
	deleteBtn   *widget.Button
	content     fyne.CanvasObject

	draftID string
	dirty   bool
	seq     int  // counts edits, to tell a stale autosave from a fresh one
	filling bool // true while the form is filled by code
}

func newJournalForm(s *journalScreen) *journalForm {
	f := &journalForm{s: s}
	changed := func(string) { f.changed() }
	f.title = widget.NewLabelWithStyle("New entry", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.what = s.editor(8)
	f.what.SetPlaceHolder("What happened? Only this is needed; the rest can wait.")
	f.tried, f.worked, f.didnt, f.takeaway = s.editor(3), s.editor(2), s.editor(2), s.editor(2)
	for _, e := range []*wrapEditor{f.what, f.tried, f.worked, f.didnt, f.takeaway} {
		e.onEdit = changed
	}
	f.when, f.emotions, f.tags, f.triedItems = s.entry(), s.entry(), s.entry(), s.entry()
	f.when.SetPlaceHolder(whenLayout)
	f.emotions.SetPlaceHolder(strings.Join(journal.Emotions[:4], ", "))
	f.tags.SetPlaceHolder("comma-separated")
	f.triedItems.SetPlaceHolder("knowledge-base ids, e.g. builtin/guides/staying-calm")
	for _, e := range []*shortcutEntry{f.when, f.emotions, f.tags, f.triedItems} {
		e.OnChanged = changed
	}
	radio := func(opts []string) *widget.RadioGroup {
		r := widget.NewRadioGroup(opts, changed)
		r.Horizontal = true
		return r
	}
	// Selects, not radio rows: they keep the form narrow enough for a
	// laptop screen beside the list.
	f.channel = s.selectField(channelLabels(), changed)
	f.channel.PlaceHolder = "(not noted)"
	f.outcome = s.selectField(outcomeLabels(), changed)
	f.outcome.PlaceHolder = "(not noted)"
	f.difficulty, f.stressBefore, f.stressAfter, f.sat = radio(scaleOptions), radio(scaleOptions), radio(scaleOptions), radio(scaleOptions)
	f.followUp = s.selectField(followUpLabels(), changed)
	f.followUpDone = s.checkField("done", func(bool) { f.changed() })
	// Checks flow into as many columns as fit.
	grid := container.NewGridWrap(fyne.NewSize(230, 36))
	for _, t := range journal.Triggers {
		c := s.checkField(t.Label(), func(bool) { f.changed() })
		f.triggers = append(f.triggers, c)
		grid.Add(c)
	}
	f.msg = widget.NewLabel("")
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Importance = widget.DangerImportance
	f.drafts = container.NewVBox()

	form := widget.NewForm(
		widget.NewFormItem("What happened", f.what),
		widget.NewFormItem("When", f.when),
		widget.NewFormItem("Channel", f.channel),
		widget.NewFormItem("Customer felt", f.emotions),
		widget.NewFormItem("Triggers", grid),
		widget.NewFormItem("Tags", f.tags),
		widget.NewFormItem("How hard (1–5)", f.difficulty),
		widget.NewFormItem("My stress before", f.stressBefore),
		widget.NewFormItem("My stress after", f.stressAfter),
		widget.NewFormItem("What I tried", f.tried),
		widget.NewFormItem("Guidance used", f.triedItems),
		widget.NewFormItem("What worked", f.worked),
		widget.NewFormItem("What didn't", f.didnt),
		widget.NewFormItem("Outcome", f.outcome),
		widget.NewFormItem("Satisfaction (1–5)", f.sat),
		widget.NewFormItem("Takeaway", f.takeaway),
		widget.NewFormItem("Follow up", container.NewHBox(f.followUp, f.followUpDone)),
	)
	saveBtn := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.save)
	saveBtn.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), s.startNew)
	lockBtn := widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), s.lockNow)
	keys := lowLabel(keyLabel(keyJournalSave) + " save · " + keyLabel(keyJournalNew) + " new · " + keyLabel(keyJournalLock) + " lock · Tab next field, Shift+Tab back")
	f.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), f.confirmDelete)
	f.deleteBtn.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil, f.title, container.NewHBox(saveBtn, newBtn, f.deleteBtn, lockBtn))
	// Scrolls both ways, so the form never forces a window docked beside a
	// CRM to grow: the radio rows and check grid are wider than 400 px.
	f.scroll = container.NewScroll(container.NewVBox(form, f.msg, keys))
	f.content = container.NewBorder(container.NewVBox(f.drafts, container.NewHScroll(bar)), nil, nil, nil, f.scroll)
	f.clear() // not focused: the form is not in the window yet
	return f
}

// channelLabel is a channel as the form and the list show it: "In person"
// for in-person. journal.ParseChannel reads it back.
func channelLabel(c journal.Channel) string {
	l := c.Label()
	if l == "" {
		return ""
	}
	return strings.ToUpper(l[:1]) + l[1:]
}

func channelLabels() []string {
	var out []string
	for _, c := range journal.Channels {
		out = append(out, channelLabel(c))
	}
	return out
}

func outcomeLabels() []string {
	var out []string
	for _, o := range journal.Outcomes {
		out = append(out, o.Label())
	}
	return out
}

func followUpLabels() []string {
	out := []string{followUpNone}
	for _, p := range journal.FollowUpPresets {
		out = append(out, p.Label())
	}
	return out
}

func (f *journalForm) focus() { f.s.p.win.Canvas().Focus(f.what) }

// changed marks the form edited and schedules an autosave: two seconds
// after the last keystroke, so typing never waits on the disk.
func (f *journalForm) changed() {
	if f.filling {
		return
	}
	f.s.touch()
	f.dirty = true
	f.seq++
	seq := f.seq
	if f.draftID == "" {
		// Named at the first key, so every autosave of this entry
		// rewrites one encrypted draft.
		f.draftID = journal.NewDraftID()
	}
	time.AfterFunc(2*time.Second, func() {
		f.s.p.do(func() {
			if seq == f.seq && f.dirty && f.s.form == f {
				f.saveDraft()
			}
		})
	})
}

// startNew empties the form for a new entry, keeping nothing of the last,
// and puts the keyboard on its first field.
func (f *journalForm) startNew() {
	f.clear()
	f.focus()
}

// clear empties the form for a new entry.
func (f *journalForm) clear() {
	f.fill(journal.Entry{When: f.s.p.now()})
	f.title.SetText("New entry")
	f.deleteBtn.Disable()
	f.scroll.ScrollToTop() // a new entry starts at its first field
}

// load shows a saved entry for editing.
func (f *journalForm) load(e journal.Entry) {
	f.fill(e)
	f.title.SetText("Entry of " + e.When.Local().Format("Mon 2 Jan 2006, 15:04"))
	f.deleteBtn.Enable()
}

// fill puts e in the form without counting as an edit.
func (f *journalForm) fill(e journal.Entry) {
	f.filling = true
	defer func() { f.filling = false }()
	f.base = e
	f.dirty, f.draftID = false, ""
	f.msg.SetText("")
	f.what.SetText(e.WhatHappened)
	f.tried.SetText(e.WhatITried)
	f.worked.SetText(e.WhatWorked)
	f.didnt.SetText(e.WhatDidnt)
	f.takeaway.SetText(e.Takeaway)
	f.when.SetText("")
	if !e.When.IsZero() {
		f.when.SetText(e.When.Local().Format(whenLayout))
	}
	f.emotions.SetText(strings.Join(e.Emotions, ", "))
	f.tags.SetText(strings.Join(e.Tags, ", "))
	f.triedItems.SetText(strings.Join(e.TriedItems, ", "))
	f.channel.ClearSelected()
	if e.Channel != "" {
		f.channel.SetSelected(channelLabel(e.Channel))
	}
	f.outcome.ClearSelected()
	if e.Outcome != "" {
		f.outcome.SetSelected(e.Outcome.Label())
	}
	for _, r := range []struct {
		g *widget.RadioGroup
		v int
	}{{f.difficulty, e.Difficulty}, {f.stressBefore, e.StressBefore}, {f.stressAfter, e.StressAfter}, {f.sat, e.Satisfaction}} {
		r.g.SetSelected("")
		if r.v > 0 {
			r.g.SetSelected(strconv.Itoa(r.v))
		}
	}
	for i, c := range f.triggers {
		c.SetChecked(slices.Contains(e.Triggers, journal.Triggers[i]))
	}
	opts := followUpLabels()
	sel := followUpNone
	if !e.FollowUp.IsZero() {
		sel = "on " + e.FollowUp.Local().Format("Mon 2 Jan 15:04")
		opts = append(opts, sel)
	}
	f.followUp.SetOptions(opts)
	f.followUp.SetSelected(sel)
	f.followUpDone.SetChecked(e.FollowUpDone)
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// read builds the entry the form shows, over the one being edited.
func (f *journalForm) read() (journal.Entry, error) {
	e := f.base
	e.WhatHappened = strings.TrimSpace(f.what.Text())
	e.WhatITried = strings.TrimSpace(f.tried.Text())
	e.WhatWorked = strings.TrimSpace(f.worked.Text())
	e.WhatDidnt = strings.TrimSpace(f.didnt.Text())
	e.Takeaway = strings.TrimSpace(f.takeaway.Text())
	e.Emotions = splitList(f.emotions.Text)
	e.Tags = splitList(f.tags.Text)
	e.TriedItems = splitList(f.triedItems.Text)
	// The select only offers labels, so this cannot fail.
	e.Channel, _ = journal.ParseChannel(f.channel.Selected)
	// The select only offers labels, so this cannot fail.
	e.Outcome, _ = journal.ParseOutcome(f.outcome.Selected)
	num := func(g *widget.RadioGroup) int { n, _ := strconv.Atoi(g.Selected); return n }
	e.Difficulty, e.StressBefore, e.StressAfter, e.Satisfaction = num(f.difficulty), num(f.stressBefore), num(f.stressAfter), num(f.sat)
	e.Triggers = nil
	for i, c := range f.triggers {
		if c.Checked {
			e.Triggers = append(e.Triggers, journal.Triggers[i])
		}
	}
	switch sel := f.followUp.Selected; {
	case sel == followUpNone || sel == "":
		e.FollowUp = time.Time{}
	case strings.HasPrefix(sel, "on "):
		// The date the entry already had.
	default:
		if p, ok := journal.ParseFollowUpPreset(sel); ok {
			e.FollowUp = p.From(f.s.p.now())
		}
	}
	e.FollowUpDone = f.followUpDone.Checked
	if w := strings.TrimSpace(f.when.Text); w != "" {
		t, err := time.ParseInLocation(whenLayout, w, time.Local)
		if err != nil {
			return e, &journal.ValidationError{Field: "when", Msg: fmt.Sprintf("write the date as %s, e.g. %s", whenLayout, f.s.p.now().Format(whenLayout))}
		}
		e.When = t
	}
	return e, nil
}

// save checks the entry, asks about personal data, then saves it.
func (f *journalForm) save() {
	e, err := f.read()
	if err == nil {
		err = e.Validate()
	}
	if err != nil {
		f.showInvalid(err)
		return
	}
	if found := e.PersonalData(); len(found) > 0 {
		f.askPrivacy(e, found)
		return
	}
	f.commit(e)
}

// showInvalid says what stops the save and puts the cursor in that field.
func (f *journalForm) showInvalid(err error) {
	var ve *journal.ValidationError
	if !errors.As(err, &ve) {
		f.msg.SetText(err.Error())
		return
	}
	msg := ve.Msg
	if msg != "" {
		msg = textcase.UpperFirst(msg) + "."
	}
	f.msg.SetText(msg)
	// The message sits below the form; the field may be at its top.
	f.s.p.toast(msg)
	if w := f.fieldWidget(ve.Field); w != nil {
		f.s.p.win.Canvas().Focus(w)
	}
}

// fieldWidget is the widget that edits an entry field, by its JSON name;
// nil for fields edited with radio buttons or checks.
func (f *journalForm) fieldWidget(field string) fyne.Focusable {
	switch field {
	case "what_happened":
		return f.what
	case "what_i_tried":
		return f.tried
	case "what_worked":
		return f.worked
	case "what_didnt":
		return f.didnt
	case "takeaway":
		return f.takeaway
	case "when":
		return f.when
	case "emotions":
		return f.emotions
	case "tags":
		return f.tags
	case "tried_items":
		return f.triedItems
	case "channel":
		return f.channel
	case "outcome":
		return f.outcome
	}
	return nil
}

// commit writes e off the UI goroutine; the form stays usable.
func (f *journalForm) commit(e journal.Entry) {
	s, seq, draftID := f.s, f.seq, f.draftID
	go func() {
		s.writeMu.Lock()
		saved, err := s.j.Save(e)
		if err == nil && draftID != "" {
			s.j.DiscardDraft(draftID)
		}
		s.writeMu.Unlock()
		s.p.do(func() {
			if err != nil {
				s.p.showError(err, "The entry could not be saved. It is kept as a draft; check that the data folder is writable and save again.")
				return
			}
			if s.form != f {
				return
			}
			if f.seq == seq {
				f.load(saved)
			} else {
				f.base = saved // typed on while saving: keep that text
			}
			if s.list != nil {
				s.list.reload()
			}
			s.p.toast("Entry saved, encrypted.")
		})
	}()
}

// askPrivacy offers to mask customer personal data before saving.
func (f *journalForm) askPrivacy(e journal.Entry, found []journal.FieldFinding) {
	var lines []string
	for _, x := range found {
		lines = append(lines, fmt.Sprintf("• %s in %s: %s → %s", x.Kind, strings.ReplaceAll(x.Field, "_", " "), x.Text, x.Mask))
	}
	text := widget.NewLabel("This entry holds what looks like a customer's personal data. Your journal is private, but it is safer not to keep it:\n\n" + strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	mask := newEnterButton("Mask and save", func() {
		d.Hide()
		f.filling = true
		m := e.MaskPersonalData()
		f.what.SetText(m.WhatHappened)
		f.tried.SetText(m.WhatITried)
		f.worked.SetText(m.WhatWorked)
		f.didnt.SetText(m.WhatDidnt)
		f.takeaway.SetText(m.Takeaway)
		f.tags.SetText(strings.Join(m.Tags, ", "))
		f.filling = false
		f.commit(m)
	})
	mask.Importance = widget.HighImportance
	keep := widget.NewButton("Save as written", func() { d.Hide(); f.commit(e) })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Personal data in this entry", container.NewBorder(nil, container.NewHBox(mask, keep, cancel), nil, nil, text), f.s.p.win)
	d.Resize(fyne.NewSize(560, 320))
	f.s.showDialog(d)
	f.s.p.win.Canvas().Focus(mask)
}

func (f *journalForm) confirmDelete() {
	id := f.base.ID
	if id == "" {
		return
	}
	f.s.showDialog(dialog.NewConfirm("Delete this entry?", fmt.Sprintf("It goes to the trash and can be restored for %d days.", journal.TrashDays), func(ok bool) {
		if !ok {
			return
		}
		if err := f.s.j.Delete(id); err != nil {
			f.s.p.showError(err, "The entry could not be deleted. Check that the data folder is writable.")
			return
		}
		f.startNew()
		f.s.list.reload()
		f.s.p.toast("Entry moved to the trash.")
	}, f.s.p.win))
}

// enterButton is a button that Enter presses too, not only Space, so the
// privacy prompt's default answer is one key away.
type enterButton struct{ widget.Button }

func newEnterButton(label string, tapped func()) *enterButton {
	b := &enterButton{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *enterButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}
