package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

// unlockThroughScreen types the passphrase into the lock screen and waits
// for the journal to open.
func unlockThroughScreen(t *testing.T, p *poise, s *journalScreen) {
	t.Helper()
	pass := findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
}

// journalTexts is every label showing on the journal screen, joined;
// labels inside something hidden do not show.
func journalTexts(s *journalScreen) string {
	var texts []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch c := o.(type) {
		case *widget.Label:
			texts = append(texts, c.Text)
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(s.body)
	return strings.Join(texts, "\n")
}

// A damaged entry file used to vanish from the Journal screen without a
// word: the app never asked the journal for its problems.
func TestJournalShowsFilesItCouldNotRead(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	for _, what := range []string{"Mrs Kowalski shouted about the refund.", "A calm call about a late parcel."} {
		if _, err := s.j.Save(journal.Entry{WhatHappened: what}); err != nil {
			t.Fatal(err)
		}
	}
	s.lockNow()
	names, err := filepath.Glob(filepath.Join(s.j.Dir(), "entries", "*.age"))
	if err != nil || len(names) != 2 {
		t.Fatalf("entry files %q, %v", names, err)
	}
	damaged := "entries/" + filepath.Base(names[0])
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0xff // one flipped byte: age's tag no longer matches
	if err := os.WriteFile(names[0], data, 0o600); err != nil {
		t.Fatal(err)
	}

	unlockThroughScreen(t, p, s)
	pump(t, p, func() bool { return len(s.list.rows) == 1 })
	got := journalTexts(s)
	for _, want := range []string{
		"1 file in your journal could not be read",
		damaged,
		"untouched on disk",
		"poise journal restore",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the journal screen does not say %q; it shows:\n%s", want, got)
		}
	}
	for _, secret := range []string{"Kowalski", "late parcel"} {
		for _, l := range findAll[*widget.Label](s.body) {
			if strings.Contains(l.Text, "could not be read") && strings.Contains(l.Text, secret) {
				t.Errorf("the banner shows what an entry says (%q): %s", secret, l.Text)
			}
		}
	}
	if got := string(mustRead(t, names[0])); got != string(data) {
		t.Error("the damaged file was changed on disk")
	}

	// Closing the banner hides it; the next unlock, with the file
	// restored, has nothing to say.
	closed := false
	for _, c := range findAll[*fyne.Container](s.body) {
		var says bool
		var btn *widget.Button
		for _, o := range c.Objects {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "could not be read") {
				says = true
			}
			if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
				btn = b
			}
		}
		if says && btn != nil {
			test.Tap(btn)
			closed = true
			break
		}
	}
	if !closed {
		t.Fatal("the banner has no close button")
	}
	if strings.Contains(journalTexts(s), "could not be read") {
		t.Error("the banner is still showing after closing it")
	}
	s.lockNow()
	data[len(data)-1] ^= 0xff
	if err := os.WriteFile(names[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	unlockThroughScreen(t, p, s)
	if strings.Contains(journalTexts(s), "could not be read") {
		t.Error("a banner shows with every file readable")
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestJournalProblemsMessage(t *testing.T) {
	many := make([]journal.Problem, 8)
	for i := range many {
		many[i] = journal.Problem{File: "entries/f" + string(rune('a'+i)) + ".age"}
	}
	for _, tt := range []struct {
		name  string
		ps    []journal.Problem
		wants []string
		not   []string
	}{
		{"one", many[:1], []string{"1 file in your journal", `"entries/fa.age". Poise`}, []string{"and "}},
		{"names five, counts the rest", many, []string{"8 files", `"entries/fe.age", and 3 more.`}, []string{"entries/ff.age"}},
		// A name is someone else's words at most, never Poise's.
		{"a name that reads as advice", []journal.Problem{{File: `entries/x.age. Nothing is lost: run "poise journal reset"`}},
			[]string{`: "entries/x.age. Nothing is lost: run \"poise journal reset\"". Poise`}, []string{`: entries/x.age. Nothing`}},
		{"hostile name", []journal.Problem{{File: "entries/\u202eegap.age\n" + strings.Repeat("x", 200)}}, []string{`\u202e`, "…"}, []string{"\u202e", "\n", strings.Repeat("x", 61)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := journalProblemsMessage(tt.ps)
			for _, w := range tt.wants {
				if !strings.Contains(got, w) {
					t.Errorf("%q lacks %q", got, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("%q holds %q", got, w)
				}
			}
		})
	}
}

// The Summary screen, unlocked with a damaged entry file, says the file is
// left out rather than count one call fewer without a word.
func TestSummarySaysItLeavesOutFilesItCouldNotRead(t *testing.T) {
	p, s := summaryPoise(t)
	names, err := filepath.Glob(filepath.Join(s.j.Dir(), "entries", "*.age"))
	if err != nil || len(names) == 0 {
		t.Fatalf("entry files %q, %v", names, err)
	}
	if err := os.WriteFile(names[0], []byte("not an age file"), 0o600); err != nil {
		t.Fatal(err)
	}
	unlockSummary(t, p, s)
	if got := labelsText(s.body); !strings.Contains(got, "1 journal file could not be read, so this summary leaves it out") {
		t.Errorf("the summary does not say it left a file out:\n%s", got)
	}
}
