package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/watch"
)

// A vault edited outside Poise: its thousands of links to missing notes
// or headings are no news since the edit and cost no items, so they put
// up no banner; and a pack whose many files broke names a few of them,
// not all (a banner naming 700 files froze the window for minutes while
// Fyne wrapped 68 KB of text).
func TestBrokenBannerIsShortAndLeavesOldLinkProblemsOut(t *testing.T) {
	p := newTestPoise(t, kb.NewLibrary())
	var links []kb.Problem
	for i := range 3000 {
		links = append(links, kb.Problem{File: fmt.Sprintf("en/note %d.md", i), Line: 3, Group: kb.GroupMissingHeading,
			Message: "Link \"[[Other#Heading]]\" names a heading that Other.md does not have; correct the heading's words."})
	}
	p.showBroken(&watch.Reloaded{PackID: "vault", Problems: links})
	if len(p.notices.Objects) != 0 {
		t.Fatalf("links to missing headings put up a banner: %s", textIn(p.notices))
	}

	var broken []kb.Problem
	var kept []string
	for i := range 700 {
		f := fmt.Sprintf("en/a rather long folder name/note number %d.md", i)
		broken = append(broken, kb.Problem{File: f, Line: 2, Group: kb.GroupFrontMatter, Message: "Front matter is not valid YAML."})
		kept = append(kept, f)
	}
	p.showBroken(&watch.Reloaded{PackID: "vault", Problems: append(links, broken...), Kept: kept})
	if len(p.notices.Objects) != 1 {
		t.Fatalf("%d banners, want 1", len(p.notices.Objects))
	}
	msg := textIn(p.notices)
	if len(msg) > 1000 {
		t.Errorf("the banner has %d characters:\n%.300s…", len(msg), msg)
	}
	if !strings.Contains(msg, "has 700 problems since") || !strings.Contains(msg, "note number 0.md line 2") || !strings.Contains(msg, "697 more") {
		t.Errorf("the banner does not say what broke:\n%s", msg)
	}
}
