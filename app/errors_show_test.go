package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

func TestPackProblemsAreANoticeNotACrash(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"problems of a team pack", fmt.Errorf("pack /x/acme: %w", &kb.ProblemsError{Problems: []kb.Problem{
			{File: "matrix/a.md", Line: 3, Message: "A concern needs at least three options."},
			{File: "guides/b.md", Line: 1, Message: "Title is missing."},
		}}), "has 2 problems:"},
		{"a pack that did not load at all", errors.New("pack /x/acme: read pack.toml: permission denied"), "could not be fully loaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestPoise(t, fixtureLibrary())
			var logged []string
			p.logf = func(format string, args ...any) { logged = append(logged, fmt.Sprintf(format, args...)) }
			p.notifyPackProblems(tt.err)
			if len(p.notices.Objects) != 1 {
				t.Fatalf("%d notices, want 1", len(p.notices.Objects))
			}
			var text string
			var closeBtn *widget.Button
			for _, o := range test.LaidOutObjects(p.notices) {
				switch w := o.(type) {
				case *widget.Label:
					text = w.Text
				case *widget.Button:
					closeBtn = w
				}
			}
			if !strings.Contains(text, tt.want) || !strings.Contains(text, "poise pack lint") {
				t.Errorf("notice %q should contain %q and say what to run", text, tt.want)
			}
			if len(logged) != 1 || !strings.Contains(logged[0], tt.err.Error()) {
				t.Errorf("the full error chain was not logged: %q", logged)
			}
			if p.win.Canvas().Overlays().Top() != nil {
				t.Error("a pack problem must not open a blocking dialog")
			}
			test.Tap(closeBtn)
			if len(p.notices.Objects) != 0 {
				t.Error("the notice did not close")
			}
		})
	}
}
