package app

import (
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// TestPackProblemsMessageCountsTheRest: the banner of the obsidian-help
// vault after an outside edit read "…do not exist; …. Poise uses…": the
// sorts left out are counted instead, and the sentence ends once.
func TestPackProblemsMessageCountsTheRest(t *testing.T) {
	var ps []kb.Problem
	for range 3 {
		ps = append(ps, kb.Problem{File: "a.md", Line: 1, Message: "Link.", Group: kb.GroupMissingHeading})
	}
	for range 2 {
		ps = append(ps, kb.Problem{File: "b.md", Line: 1, Message: "Link.", Group: kb.GroupMissingNote})
	}
	ps = append(ps, kb.Problem{File: "c.md", Line: 2, Message: "Bad YAML.", Group: kb.GroupFrontMatter})
	msg := packProblemsMessage(ps)
	if strings.Contains(msg, "…") || strings.Contains(msg, "..") {
		t.Errorf("message %q ends a list with an ellipsis", msg)
	}
	if !strings.Contains(msg, "; and 1 other problem. ") {
		t.Errorf("message %q does not count the problem left out", msg)
	}
}

// The packs' problems banner says which packs have them, by the names the
// agent sees on the Packs screen: "A content pack has 2,886 problems" left
// them to guess which of their packs to lint. A name, the pack author's, is
// cut short; the packs without problems are not named.
func TestPackProblemsBannerNamesThePacks(t *testing.T) {
	pack := func(id, name string) *kb.Pack {
		return &kb.Pack{Manifest: kb.Manifest{ID: id, Name: name, Version: "1.0.0"}, Dir: id}
	}
	long := "Obsidian help " + strings.Repeat("and more ", 20)
	p := newTestPoise(t, kb.NewLibrary(pack("oh", long), pack("team", "Team scripts"), pack("clean", "Clean pack")))
	missing := kb.Problem{File: "a.md", Line: 1, Message: "Link.", Group: kb.GroupMissingNote}
	p.showLoadProblems(&packs.KeptLoad{Problems: map[string][]kb.Problem{"oh": {missing, missing}, "clean": nil}}, nil)
	msg := textIn(p.notices)
	if !strings.Contains(msg, "The pack “Obsidian help and more") || !strings.Contains(msg, "…” has 2 problems:") {
		t.Errorf("banner %q does not name the one pack with problems, cut short", msg)
	}
	if strings.Contains(msg, "Clean pack") || strings.Contains(msg, "A content pack") {
		t.Errorf("banner %q names a pack without problems, or none", msg)
	}

	p.setPackProblems("team", []kb.Problem{missing})
	msg = textIn(p.notices)
	if !strings.Contains(msg, "” and “Team scripts” have 3 problems:") || !strings.Contains(msg, "on their folders") {
		t.Errorf("banner %q does not name both packs with problems", msg)
	}

	names := []string{"One", "Two", "Three"}
	if got := packsProblemsMessage(names, []kb.Problem{missing, missing, missing}); !strings.HasPrefix(got, "3 packs (“One”, “Two” and others) have 3 problems:") {
		t.Errorf("three packs read %q", got)
	}
}
