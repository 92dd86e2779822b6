package app

import (
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
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
