package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

const journalPass = "a long test passphrase"

// journalPoise opens the app with an empty data folder and returns it with
// its journal screen showing.
func journalPoise(t testing.TB) (*poise, *journalScreen) {
	t.Helper()
	p := newTestPoise(t, fixtureLibrary())
	p.dataDir = t.TempDir()
	s := p.show(screenJournal).(*journalScreen)
	return p, s
}

// visible finds the first widget of type T under o that is showing.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(c)
			for _, k := range r.Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

func buttonNamed(t testing.TB, o fyne.CanvasObject, prefix string) *widget.Button {
	t.Helper()
	for _, b := range findAll[*widget.Button](o) {
		if strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	for _, b := range findAll[*ringButton](o) {
		if strings.HasPrefix(b.Text, prefix) {
			return &b.Button
		}
	}
	t.Fatalf("no button %q", prefix)
	return nil
}

// setUpJournal goes through set-up and the recovery key dialog.
func setUpJournal(t testing.TB, p *poise, s *journalScreen) string {
	t.Helper()
	pass := findAll[*shortcutEntry](s.body)
	if len(pass) != 2 {
		t.Fatalf("set-up shows %d fields, want 2", len(pass))
	}
	test.Type(pass[0], journalPass)
	test.Type(pass[1], journalPass)
	pass[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	pump(t, p, func() bool { return c.Overlays().Top() != nil })
	dlg := c.Overlays().Top()
	var key string
	for _, e := range findAll[*widget.Entry](dlg) {
		if strings.HasPrefix(e.Text, "AGE-SECRET-KEY-1") {
			key = e.Text
		}
	}
	if key == "" {
		t.Fatal("the recovery key is not shown")
	}
	open := buttonNamed(t, dlg, "Open my journal")
	if !open.Disabled() {
		t.Error("the journal opens before the person says they kept the key")
	}
	findAll[*widget.Check](dlg)[0].SetChecked(true)
	test.Tap(open)
	if s.form == nil {
		t.Fatal("the journal did not open after set-up")
	}
	return key
}

func TestJournalSetUpAndSaveEveryField(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	f := s.form
	test.Type(f.what, "Parcel two weeks late; third call.")
	f.when.SetText("2026-11-24 14:05")
	f.channel.SetSelected("Voice")
	test.Type(f.emotions, "angry, anxious")
	f.triggers[0].SetChecked(true) // delay
	test.Type(f.tags, "parcel")
	f.difficulty.SetSelected("4")
	f.stressBefore.SetSelected("2")
	f.stressAfter.SetSelected("5")
	test.Type(f.tried, "Let her vent")
	test.Type(f.triedItems, "builtin/guides/staying-calm")
	test.Type(f.worked, "naming the delay")
	test.Type(f.didnt, "the voucher")
	f.outcome.SetSelected("follow up pending")
	f.sat.SetSelected("3")
	test.Type(f.takeaway, "check tracking first")
	f.followUp.SetSelected(journal.FollowUp3Days.Label())
	s.shortcut(keyJournalSave)
	pump(t, p, func() bool { return len(s.list.rows) == 1 })

	es, _ := s.j.Entries()
	if len(es) != 1 {
		t.Fatalf("%d entries saved", len(es))
	}
	e := es[0]
	when := time.Date(2026, 11, 24, 14, 5, 0, 0, time.Local)
	checks := []struct {
		name string
		ok   bool
	}{
		{"what happened", e.WhatHappened == "Parcel two weeks late; third call."},
		{"when", e.When.Equal(when)},
		{"channel", e.Channel == journal.ChannelVoice},
		{"emotions", strings.Join(e.Emotions, ",") == "angry,anxious"},
		{"triggers", len(e.Triggers) == 1 && e.Triggers[0] == journal.TriggerDelay},
		{"tags", len(e.Tags) == 1 && e.Tags[0] == "parcel"},
		{"scales", e.Difficulty == 4 && e.StressBefore == 2 && e.StressAfter == 5 && e.Satisfaction == 3},
		{"texts", e.WhatITried == "Let her vent" && e.WhatWorked == "naming the delay" && e.WhatDidnt == "the voucher" && e.Takeaway == "check tracking first"},
		{"guidance", len(e.TriedItems) == 1 && e.TriedItems[0] == "builtin/guides/staying-calm"},
		{"outcome", e.Outcome == journal.OutcomeFollowUpPending},
		{"follow-up", e.FollowUp.Equal(fixedNow.Add(72 * time.Hour))},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s not saved right: %+v", c.name, e)
		}
	}
	if f.dirty || f.title.Text == "New entry" {
		t.Errorf("after saving, the form shows dirty=%v title %q", f.dirty, f.title.Text)
	}
}

func TestJournalSaveNeedsWhatHappened(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	s.save()
	if !strings.Contains(s.form.msg.Text, "what happened") {
		t.Errorf("message = %q", s.form.msg.Text)
	}
	if es, _ := s.j.Entries(); len(es) != 0 {
		t.Error("an empty entry was saved")
	}
}

// A validation error names its field, and the form puts the cursor there
// instead of reading the field out of the message (issue 17).
func TestJournalInvalidFieldIsFocused(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	f := s.form
	test.Type(f.what, "A call")
	f.tags.SetText(strings.Repeat("x", journal.MaxWordLen+1))
	p.win.Canvas().Focus(f.what)
	s.save()
	if got := p.win.Canvas().Focused(); got != fyne.Focusable(f.tags) {
		t.Errorf("focus on %T, want the tags field", got)
	}
	if !strings.HasPrefix(f.msg.Text, "A tag is longer") || strings.Contains(f.msg.Text, "invalid entry") {
		t.Errorf("message = %q", f.msg.Text)
	}
	if p.status.Text != f.msg.Text {
		t.Errorf("status bar = %q; the message below the form may be out of sight", p.status.Text)
	}
	f.tags.SetText("")
	f.when.SetText("next tuesday")
	s.save()
	if got := p.win.Canvas().Focused(); got != fyne.Focusable(f.when) {
		t.Errorf("focus on %T, want the date field", got)
	}
	if es, _ := s.j.Entries(); len(es) != 0 {
		t.Error("an invalid entry was saved")
	}
}

func TestJournalPrivacyGuardMasks(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	test.Type(s.form.what, "She read out card 4111 1111 1111 1111.")
	s.save()
	c := p.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("no privacy prompt before saving a card number")
	}
	// Enter takes the default answer.
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return len(s.list.rows) == 1 })
	es, _ := s.j.Entries()
	if want := "She read out card [card •••• 1111]."; es[0].WhatHappened != want {
		t.Errorf("saved %q, want %q", es[0].WhatHappened, want)
	}
}

func TestJournalAutoLockKeepsDraft(t *testing.T) {
	p, s := journalPoise(t)
	now := fixedNow
	p.now = func() time.Time { return now }
	p.settings.AutoLockMinutes = 5
	setUpJournal(t, p, s)
	test.Type(s.form.what, "Half-written when the phone rang")

	now = now.Add(4 * time.Minute)
	s.checkIdle()
	if s.j.Locked() {
		t.Fatal("locked before the idle time")
	}
	now = now.Add(2 * time.Minute)
	s.checkIdle()
	if !s.j.Locked() || s.form != nil {
		t.Fatal("not locked after the idle time")
	}
	for _, l := range findAll[*widget.Label](s.body) {
		if strings.Contains(l.Text, "Half-written") {
			t.Error("decrypted text still on screen after locking")
		}
	}

	pass := findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, "wrong passphrase")
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return !s.unlocking })
	if s.form != nil || !s.j.Locked() {
		t.Fatal("a wrong passphrase opened the journal")
	}
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
	if len(s.form.drafts.Objects) == 0 {
		t.Fatal("the draft is not offered back after unlocking")
	}
	test.Tap(buttonNamed(t, s.form.drafts, "Restore"))
	if got := s.form.what.Text(); got != "Half-written when the phone rang" {
		t.Errorf("restored %q", got)
	}
}

func TestJournalSearchAndFollowUps(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	for _, e := range []journal.Entry{
		{WhatHappened: "Refund refused by policy"},
		{WhatHappened: "Parcel lost again", FollowUp: fixedNow.Add(-time.Hour)},
	} {
		if _, err := s.j.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	l := s.list
	if err := s.j.WarmSearch(); err != nil { // typo matching needs the full index
		t.Fatal(err)
	}
	test.Type(l.search, "parcl")
	pump(t, p, func() bool { return l.status.Text != "Searching…" })
	if len(l.rows) != 1 || l.rows[0].Entry.Title() != "Parcel lost again" {
		t.Errorf("search rows = %+v (status %q)", l.rows, l.status.Text)
	}
	l.mode.SetSelected(listFollowUps)
	if len(l.rows) != 1 || !strings.Contains(l.meta(l.rows[0]), "follow-up due") {
		t.Errorf("follow-ups = %+v", l.rows)
	}
}

func TestJournalRecoverWithRecoveryKey(t *testing.T) {
	p, s := journalPoise(t)
	key := setUpJournal(t, p, s)
	s.lockNow()
	test.Tap(buttonNamed(t, s.body, "Forgot your passphrase"))
	fields := findAll[*shortcutEntry](s.body)
	if len(fields) != 3 {
		t.Fatalf("recovery shows %d fields, want 3", len(fields))
	}
	test.Type(fields[0], key)
	test.Type(fields[1], "a brand new passphrase")
	test.Type(fields[2], "a brand new passphrase")
	fields[2].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
	s.lockNow()
	if err := s.j.Unlock("a brand new passphrase"); err != nil {
		t.Errorf("the new passphrase does not open the journal: %v", err)
	}
}

// BenchmarkJournalFormTyping is one keystroke at the end of a 10,000-letter
// "what happened" in the real form, inside its scroll and beside the list.
func BenchmarkJournalFormTyping(b *testing.B) {
	p, s := journalPoise(b)
	setUpJournal(b, p, s)
	w := s.form.what
	w.SetText(longParagraph(10000))
	p.win.Canvas().Focus(w)
	w.CursorRow, w.CursorColumn = rowCol([]rune(w.Entry.Text), len(w.Entry.Text))
	for b.Loop() {
		// TypedRune, as a key press arrives; test.Type would also refocus
		// the field on every call, doubling the cost.
		w.TypedRune('a')
	}
}

func TestJournalDeleteAndRestoreFromTrash(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	e, err := s.j.Save(journal.Entry{WhatHappened: "An entry to delete"})
	if err != nil {
		t.Fatal(err)
	}
	s.list.reload()
	s.list.list.Select(0)
	if s.form.base.ID != e.ID {
		t.Fatalf("selecting the row did not open the entry")
	}
	c := p.win.Canvas()
	s.form.confirmDelete()
	test.Tap(buttonNamed(t, c.Overlays().Top(), "Yes"))
	if es, _ := s.j.Entries(); len(es) != 0 {
		t.Fatal("the entry was not deleted")
	}
	s.list.mode.SetSelected(listTrash)
	if len(s.list.rows) != 1 || !strings.Contains(s.list.meta(s.list.rows[0]), "deleted") {
		t.Fatalf("trash rows = %+v", s.list.rows)
	}
	s.list.list.Select(0)
	test.Tap(buttonNamed(t, c.Overlays().Top(), "Yes"))
	if es, _ := s.j.Entries(); len(es) != 1 {
		t.Error("the entry was not restored from the trash")
	}
}

// TestJournalRenders keeps markup golden files of the journal's gates, the
// screens a person sees before any entry (so without dates or secrets).
func TestJournalRenders(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, s *journalScreen)
	}{
		{"journal_setup", func(t *testing.T, s *journalScreen) {}},
		{"journal_locked", func(t *testing.T, s *journalScreen) {
			if _, err := s.j.Init(journalPass); err != nil {
				t.Fatal(err)
			}
			s.j.Lock()
			s.showGate()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, s := journalPoise(t)
			p.win.Resize(fyne.NewSize(800, 600))
			tt.setup(t, s)
			settle(p)
			test.AssertRendersToMarkup(t, tt.name+".xml", p.win.Canvas())
		})
	}
}

// Unlocking with a damaged recovery copy says so (issue 9, item 4).
func TestJournalWarnsOfADamagedRecoveryCopy(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	before := len(p.notices.Objects)
	s.lockNow()
	if err := os.WriteFile(filepath.Join(s.j.Dir(), "identity-recovery.age"), []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	pass := findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
	if len(p.notices.Objects) <= before {
		t.Fatal("no notice about the recovery copy")
	}
	var texts []string
	for _, l := range findAll[*widget.Label](p.notices) {
		texts = append(texts, l.Text)
	}
	if !strings.Contains(strings.Join(texts, " "), "poise journal rekey") {
		t.Errorf("notices = %q", texts)
	}
}

// TestJournalChannelsReadAsLabels: the form offers channels as a person
// writes them ("In person", not "in-person"), saves the vocabulary's
// word, and the list and a reopened entry show the label again.
func TestJournalChannelsReadAsLabels(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	f := s.form
	if !slices.Contains(f.channel.Options, "In person") || slices.Contains(f.channel.Options, "in-person") {
		t.Fatalf("channel choices are %q, want labels such as \"In person\"", f.channel.Options)
	}
	test.Type(f.what, "Came to the desk upset.")
	f.channel.SetSelected("In person")
	s.shortcut(keyJournalSave)
	pump(t, p, func() bool { return len(s.list.rows) == 1 })
	es, _ := s.j.Entries()
	if len(es) != 1 || es[0].Channel != journal.ChannelInPerson {
		t.Fatalf("saved %+v, want the channel in-person", es)
	}
	if meta := s.list.meta(s.list.rows[0]); !strings.Contains(meta, "In person") || strings.Contains(meta, "in-person") {
		t.Errorf("the list row reads %q, want the channel as \"In person\"", meta)
	}
	f.load(es[0])
	if f.channel.Selected != "In person" {
		t.Errorf("the reopened entry shows channel %q, want \"In person\"", f.channel.Selected)
	}
}
