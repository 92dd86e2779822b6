package app

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

// TestQuickLogFromAnyScreen guards issue 16: Ctrl+J on Find opens a short
// form with the items copied during this call attached by name; saving a
// locked journal asks for the passphrase, then saves the entry encrypted
// with those items.
func TestQuickLogFromAnyScreen(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	s.lockNow()
	p.show(screenFind)

	late, _ := p.item("builtin/matrix/late-delivery")
	p.copyOption(late, late.Options[1])
	stmt, _ := p.item("builtin/statements/angry#1")
	p.copyItem(stmt)

	c := p.win.Canvas()
	c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog) // from the search field
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("Ctrl+J opened nothing")
	}
	var names []string
	for i, ch := range findAll[*widget.Check](dlg) {
		if ch.Checked {
			names = append(names, findAll[*checkLabel](dlg)[i].Text)
		}
	}
	want := []string{"Late delivery: Refund the delivery charge", "Waited too long"}
	if !slices.Equal(names, want) {
		t.Errorf("attached %q, want %q", names, want)
	}
	what, ok := c.Focused().(*shortcutEntry)
	if !ok || !what.MultiLine {
		t.Fatalf("the keyboard is on %T, want the what-happened field", c.Focused())
	}
	test.Type(what, "Parcel late again; refunded the delivery.")
	what.TypedShortcut(keyJournalSave)

	unlock := c.Overlays().Top()
	if unlock == nil || len(findAll[*shortcutEntry](unlock)) != 1 {
		t.Fatal("saving to a locked journal did not ask for the passphrase")
	}
	pass := findAll[*shortcutEntry](unlock)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return strings.HasPrefix(p.status.Text, "Logged") })

	entries, err := s.j.Entries()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("journal holds %d entries, want 1", len(entries))
	}
	e := entries[0]
	if e.WhatHappened != "Parcel late again; refunded the delivery." {
		t.Errorf("what happened = %q", e.WhatHappened)
	}
	if want := []string{late.Options[1].ID, stmt.ID}; !slices.Equal(e.TriedItems, want) {
		t.Errorf("tried items = %q, want %q", e.TriedItems, want)
	}
}

// TestQuickLogBeforeSetUpSaysSoFirst: with no journal set up yet, Ctrl+J
// must say so before the agent types a line, not take the line and drop it
// on Save (it used to close the form and show the set-up screen, empty).
func TestQuickLogBeforeSetUpSaysSoFirst(t *testing.T) {
	p, _ := journalPoise(t)
	p.show(screenFind)
	c := p.win.Canvas()
	c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
	if top := c.Overlays().Top(); top != nil {
		t.Fatal("Ctrl+J opened a form whose line would be lost: the journal is not set up")
	}
	if !strings.Contains(p.status.Text, "Set up your journal first") {
		t.Errorf("status %q, want it to say to set up the journal first", p.status.Text)
	}
}

// TestQuickLogLongNamesWrapInANarrowWindow: in a 480 px window the name of
// a copied option ran past the dialog's edge, cut without an ellipsis
// (Fyne's Check neither wraps nor truncates): the names now wrap, whole,
// inside the window, and tapping a name still ticks its box.
func TestQuickLogLongNamesWrapInANarrowWindow(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	p.show(screenFind)
	p.win.Resize(fyne.NewSize(480, 700))
	late, _ := p.item("builtin/matrix/late-delivery")
	late.Options[1].Title = "Refund the delivery charge and add a goodwill credit for the trouble"
	p.copyOption(late, late.Options[1])

	c := p.win.Canvas()
	c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("Ctrl+J opened nothing")
	}
	if w := dlg.MinSize().Width; w > 480 {
		t.Errorf("the quick log needs %v px, wider than the 480 px window", w)
	}
	want := p.copiedName(p.call.Copies()[0]) // "Late delivery: Refund the delivery charge and add …"
	var label *checkLabel
	for _, l := range findAll[*checkLabel](dlg) {
		if l.Text == want {
			label = l
		}
	}
	if label == nil || label.Wrapping != fyne.TextWrapWord {
		t.Fatalf("no word-wrapped label reads %q in the quick log", want)
	}
	checks := findAll[*widget.Check](dlg)
	if len(checks) != 1 || !checks[0].Checked {
		t.Fatalf("want one ticked box for the copy, got %d", len(checks))
	}
	test.Tap(label)
	if checks[0].Checked {
		t.Error("tapping the name did not untick its box")
	}
}

// TestQuickLogSaysWhenALockedJournalCannotKeepIt: typed while the journal
// is locked, the quick log is kept sealed at a quit, except when it cannot
// be (here: the bound of drafts kept while locked is reached). Then the
// form says so under the field before a word is typed; when it can be
// kept, it says the journal is locked and the words will be kept.
func TestQuickLogSaysWhenALockedJournalCannotKeepIt(t *testing.T) {
	for _, tt := range []struct {
		name     string
		fill     bool // keep drafts while locked until no more can be
		wantNote bool
	}{
		{"a draft can be kept", false, false},
		{"no more drafts can be kept", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := journalPoise(t)
			setUpJournal(t, p, s)
			s.lockNow()
			for tt.fill {
				if _, err := s.j.KeepDraft(journal.Draft{Entry: journal.Entry{WhatHappened: "kept while locked"}}); err != nil {
					if !errors.Is(err, journal.ErrTooManyLockedDrafts) {
						t.Fatal(err)
					}
					break
				}
			}
			p.show(screenFind)
			c := p.win.Canvas()
			c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
			dlg := c.Overlays().Top()
			if dlg == nil {
				t.Fatal("Ctrl+J opened nothing")
			}
			var said, saidLocked bool
			for _, l := range findAll[*widget.Label](dlg) {
				said = said || l.Text == quickLogUnkeptText
				saidLocked = saidLocked || l.Text == quickLogLockedText
			}
			if said != tt.wantNote {
				t.Errorf("the quick log warns it cannot be kept: %v, want %v", said, tt.wantNote)
			}
			// When it can be kept, it says the journal is locked and what
			// becomes of the words.
			if saidLocked != !tt.wantNote {
				t.Errorf("the quick log says the journal is locked and keeps the words: %v, want %v", saidLocked, !tt.wantNote)
			}
			if _, ok := c.Focused().(*shortcutEntry); !ok {
				t.Errorf("the keyboard is on %T, want the what-happened field", c.Focused())
			}
		})
	}
}

// Saving the quick log to a locked journal asks for the passphrase; until
// it is given, the words are still only in the quick log. A quit then
// keeps them (sealed, offered after the next unlock), and Cancel brings
// the quick log back with them: both dropped them, as the quick log
// counted itself closed the moment Save was pressed.
func TestQuickLogKeptWhileAskingToUnlock(t *testing.T) {
	const typed = "Typed, then Save asked for the passphrase"
	for _, tt := range []struct {
		name string
		then func(t *testing.T, p *poise, unlock fyne.CanvasObject)
	}{
		{"quit", func(t *testing.T, p *poise, _ fyne.CanvasObject) {
			for _, keep := range p.onQuit {
				keep()
			}
			j := journal.Open(journal.PathIn(p.dataDir))
			if err := j.Unlock(journalPass); err != nil {
				t.Fatal(err)
			}
			ds, _ := j.Drafts()
			if len(ds) != 1 || !ds[0].WhileLocked || ds[0].Entry.WhatHappened != typed {
				t.Fatalf("drafts after a quit with the passphrase asked for: %+v, want the quick log's words", ds)
			}
		}},
		{"cancel", func(t *testing.T, p *poise, unlock fyne.CanvasObject) {
			test.Tap(buttonNamed(t, unlock, "Cancel"))
			what, ok := p.win.Canvas().Focused().(*shortcutEntry)
			if !ok || what != p.quickLog.what || what.Text != typed || p.quickLog.closed {
				t.Fatalf("after Cancel the keyboard is on %T, quick log closed %v; want the quick log back with its words", p.win.Canvas().Focused(), p.quickLog.closed)
			}
			for _, keep := range p.onQuit { // and still kept at a quit
				keep()
			}
			if names, _ := os.ReadDir(filepath.Join(journal.PathIn(p.dataDir), "locked-drafts")); len(names) != 1 {
				t.Errorf("%d drafts kept at a quit after Cancel, want 1", len(names))
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := journal.Open(journal.PathIn(dir)).Init(journalPass); err != nil {
				t.Fatal(err)
			}
			p := newTestPoise(t, fixtureLibrary())
			p.dataDir = dir
			c := p.win.Canvas()
			typeInQuickLog(p, typed).TypedShortcut(keyJournalSave)
			unlock := c.Overlays().Top()
			if unlock == nil || len(findAll[*shortcutEntry](unlock)) != 1 {
				t.Fatal("saving to a locked journal did not ask for the passphrase")
			}
			tt.then(t, p, unlock)
		})
	}
}

// Closed with Esc, the quick log keeps its words: the next Ctrl+J brings
// them back, and a quit keeps them as a draft. Each Ctrl+J made a new,
// empty quick log, and a quit kept nothing once it was closed.
func TestQuickLogClosedKeepsItsWords(t *testing.T) {
	const typed = "Customer hung up mid-refund; call back Friday"
	for _, tt := range []struct {
		name string
		then func(t *testing.T, p *poise, s *journalScreen)
	}{
		{"ctrl+j again", func(t *testing.T, p *poise, s *journalScreen) {
			c := p.win.Canvas()
			c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
			what, ok := c.Focused().(*shortcutEntry)
			if !ok || what != p.quickLog.what || what.Text != typed {
				t.Fatalf("Ctrl+J again shows %q, want the words typed before Esc", p.quickLog.what.Text)
			}
			what.TypedShortcut(keyJournalSave)
			pump(t, p, func() bool { return strings.HasPrefix(p.status.Text, "Logged") })
			c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
			if got := p.quickLog.what.Text; got != "" {
				t.Errorf("after saving, Ctrl+J shows %q, want an empty quick log", got)
			}
			for _, keep := range p.onQuit {
				keep()
			}
			if ds, _ := s.j.Drafts(); len(ds) != 0 {
				t.Errorf("a quit after saving kept %d drafts, want none", len(ds))
			}
		}},
		{"quit", func(t *testing.T, p *poise, s *journalScreen) {
			for _, keep := range p.onQuit {
				keep()
			}
			ds, _ := s.j.Drafts()
			if len(ds) != 1 || ds[0].Entry.WhatHappened != typed {
				t.Fatalf("drafts after a quit: %+v, want the words typed before Esc", ds)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := journalPoise(t)
			setUpJournal(t, p, s)
			c := p.win.Canvas()
			typeInQuickLog(p, typed).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if top := c.Overlays().Top(); top != nil {
				t.Fatal("Esc did not close the quick log")
			}
			p.show(screenFind)
			tt.then(t, p, s)
		})
	}
}

// A quit while Save asks whether to mask personal data keeps the words:
// the quick log counted itself saved from the moment Save was pressed.
func TestQuickLogKeptWhileAskingAboutPersonalData(t *testing.T) {
	const typed = "Refund promised to jane.doe@example.com by Friday"
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	c := p.win.Canvas()
	typeInQuickLog(p, typed).TypedShortcut(keyJournalSave)
	ask := c.Overlays().Top()
	if ask == nil || len(findAll[*widget.Button](ask)) == 0 {
		t.Fatal("saving words with an e-mail address did not ask about personal data")
	}
	for _, keep := range p.onQuit {
		keep()
	}
	ds, _ := s.j.Drafts()
	if len(ds) != 1 || ds[0].Entry.WhatHappened != typed {
		t.Fatalf("drafts after a quit during the personal-data question: %+v, want the quick log's words", ds)
	}
}

// typeInQuickLog opens the quick log from the Find screen with Ctrl+J, as
// an agent would, and types text into its field, which it returns.
func typeInQuickLog(p *poise, text string) *shortcutEntry {
	p.show(screenFind)
	c := p.win.Canvas()
	c.Focused().(*shortcutEntry).TypedShortcut(keyQuickLog)
	what := c.Focused().(*shortcutEntry)
	test.Type(what, text)
	return what
}
