package app

import (
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/journal"
)

// A shutdown that does not finish still ends the process: after the grace
// period, or at once on a second signal. A stuck shutdown once kept the
// data folder locked until the process was killed.
func TestShutdownIsBounded(t *testing.T) {
	logf := func(string, ...any) {}
	t.Run("grace runs out", func(t *testing.T) {
		exited := make(chan int, 1)
		go exitAfter(10*time.Millisecond, 0, nil, func(code int) { exited <- code }, logf)
		select {
		case code := <-exited:
			if code == 0 {
				t.Error("a shutdown cut short exits 0")
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the process was not ended after the grace period")
		}
	})
	t.Run("second signal", func(t *testing.T) {
		exited := make(chan int, 1)
		again := make(chan os.Signal, 1)
		go exitAfter(time.Hour, 0, again, func(code int) { exited <- code }, logf)
		select {
		case <-exited:
			t.Fatal("exited before the second signal")
		case <-time.After(20 * time.Millisecond):
		}
		again <- syscall.SIGTERM
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Fatal("a second signal did not end the process")
		}
	})
	// GNU timeout sends SIGTERM to the app and again to its process
	// group: one request, which must let the quit finish cleanly.
	t.Run("the same signal twice at once", func(t *testing.T) {
		exited := make(chan int, 1)
		again := make(chan os.Signal, 2)
		again <- syscall.SIGTERM
		go exitAfter(time.Hour, time.Hour, again, func(code int) { exited <- code }, logf)
		again <- syscall.SIGTERM
		for deadline := time.Now().Add(10 * time.Second); len(again) > 0; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the signals were not read")
			}
		}
		select {
		case <-exited:
			t.Fatal("a repeat sent with the first signal cut the shutdown short")
		case <-time.After(100 * time.Millisecond):
		}
	})
}

// What is being typed in the journal when a signal quits the app is kept
// as a draft at once, not only by the autosave two seconds after the last
// key, which a quit does not wait for.
func TestQuitKeepsJournalDraft(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	test.Type(s.form.what, "Typed just before the logout")
	if len(p.onQuit) == 0 {
		t.Fatal("nothing runs before a signal quits")
	}
	for _, keep := range p.onQuit {
		keep()
	}
	ds, err := s.j.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Entry.WhatHappened != "Typed just before the logout" {
		t.Fatalf("drafts after quitting: %+v, want the typed entry", ds)
	}
}

// What is typed in the quick log (Ctrl+J) when a signal quits the app is
// kept as a draft too: it was lost, as only the Journal screen's form was
// kept. Closed unsaved (Esc, Cancel), it is kept all the same: an Esc
// pressed by reflex mid-call lost the words (TestQuickLogClosedKeepsItsWords).
func TestQuitKeepsQuickLogDraft(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	p.show(screenFind)
	p.openQuickLog()
	what, ok := p.win.Canvas().Focused().(*shortcutEntry)
	if !ok || !what.MultiLine {
		t.Fatalf("the keyboard is on %T, want the quick log", p.win.Canvas().Focused())
	}
	test.Type(what, "Typed in the quick log before the logout")
	for _, keep := range p.onQuit {
		keep()
	}
	ds, err := s.j.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Entry.WhatHappened != "Typed in the quick log before the logout" {
		t.Fatalf("drafts after quitting: %+v, want the quick log's text", ds)
	}
	for _, keep := range p.onQuit { // a second request keeps no second draft
		keep()
	}
	if ds, _ := s.j.Drafts(); len(ds) != 1 {
		t.Errorf("%d drafts after quitting twice, want 1", len(ds))
	}

	p.openQuickLog()
	what = p.win.Canvas().Focused().(*shortcutEntry)
	test.Type(what, "Typed, then closed unsaved")
	p.quickLog.d.Hide()
	for _, keep := range p.onQuit {
		keep()
	}
	ds, _ = s.j.Drafts()
	var texts []string
	for _, d := range ds {
		texts = append(texts, d.Entry.WhatHappened)
	}
	if !slices.Contains(texts, "Typed, then closed unsaved") || len(ds) != 2 {
		t.Errorf("drafts after quitting with the quick log closed unsaved: %q, want its words kept too", texts)
	}
}

// What is typed in the quick log when a signal quits the app while the
// journal is locked is kept too, sealed to the journal's draft-only key,
// and after a restart and an unlock the Journal screen offers it back,
// marked as typed while locked, to review and save. It was lost: no
// draft could be written without the journal's keys.
func TestQuitKeepsQuickLogDraftWhileLocked(t *testing.T) {
	dir := t.TempDir()
	if _, err := journal.Open(journal.PathIn(dir)).Init(journalPass); err != nil {
		t.Fatal(err)
	}
	const typed = "Typed in the quick log while the journal was locked"

	// This run never unlocks the journal: no key of it in memory.
	p := newTestPoise(t, fixtureLibrary())
	p.dataDir = dir
	p.show(screenFind)
	p.win.Canvas().Focused().(*shortcutEntry).TypedShortcut(keyQuickLog) // Ctrl+J in the search field
	what, ok := p.win.Canvas().Focused().(*shortcutEntry)
	if !ok || !what.MultiLine {
		t.Fatalf("the keyboard is on %T, want the quick log", p.win.Canvas().Focused())
	}
	test.Type(what, typed)
	for _, keep := range p.onQuit {
		keep()
	}

	// The next run: unlock on the Journal screen.
	p2 := newTestPoise(t, fixtureLibrary())
	p2.dataDir = dir
	s := p2.show(screenJournal).(*journalScreen)
	pass := findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p2, func() bool { return s.form != nil })
	offer := labelsText(s.form.drafts)
	if !strings.Contains(offer, "Typed while locked") || !strings.Contains(offer, typed) {
		t.Fatalf("offered after unlocking: %q, want the quick log's text, marked as typed while locked", offer)
	}
	if es, _ := s.j.Entries(); len(es) != 0 {
		t.Fatalf("entries before the person saved: %+v", es)
	}
	test.Tap(buttonNamed(t, s.form.drafts, "Restore"))
	if got := s.form.what.Text(); got != typed {
		t.Fatalf("restored %q, want %q", got, typed)
	}
	s.save()
	pump(t, p2, func() bool { es, _ := s.j.Entries(); return len(es) == 1 })
	pump(t, p2, func() bool { ds, _ := s.j.Drafts(); return len(ds) == 0 })
	if es, _ := s.j.Entries(); es[0].WhatHappened != typed {
		t.Errorf("saved %+v", es[0])
	}
}

// Unlocked from another screen (the quick log's Save asks for the
// passphrase where the person is), the app says that a quick log typed
// while locked waits on the Journal screen.
func TestUnlockElsewhereTellsOfLockedDraft(t *testing.T) {
	dir := t.TempDir()
	if _, err := journal.Open(journal.PathIn(dir)).Init(journalPass); err != nil {
		t.Fatal(err)
	}
	if _, err := journal.Open(journal.PathIn(dir)).KeepDraft(journal.Draft{Entry: journal.Entry{WhatHappened: "typed while locked"}}); err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, fixtureLibrary())
	p.dataDir = dir
	p.show(screenJournal)
	p.show(screenFind)
	if err := p.sharedJournal().Unlock(journalPass); err != nil {
		t.Fatal(err)
	}
	p.journalChanged()
	if !strings.Contains(p.status.Text, "while the journal was locked") {
		t.Errorf("status after unlocking on the Find screen: %q, want word of the kept quick log", p.status.Text)
	}
}
