package kb_test

import (
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// TestBuiltinPack proves the bundled content validates clean and is as large
// as issue 3 promises.
func TestBuiltinPack(t *testing.T) {
	p, err := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true})
	if err != nil {
		t.Fatalf("the built-in pack has problems: %v", err)
	}
	if p.Manifest.ID != kb.BuiltinID {
		t.Errorf("built-in pack id = %q, want %q", p.Manifest.ID, kb.BuiltinID)
	}
	guides, emotions := 0, map[string]bool{}
	count := map[kb.Kind]int{}
	ids := map[string]bool{}
	for _, it := range p.Items {
		ids[it.ID] = true
		count[it.Kind]++
		if it.Kind == kb.KindGuide && it.Parent == "" {
			guides++
		}
		if it.Kind == kb.KindStatement {
			for _, e := range it.Emotions {
				emotions[e] = true
			}
		}
	}
	atLeast := []struct {
		what      string
		got, want int
	}{
		{"guides", guides, 29},
		{"matrix concerns", count[kb.KindMatrix], 49},
		{"empathy statements", count[kb.KindStatement], 400},
		{"emotions with statements", len(emotions), 22},
		{"positive-language rows", count[kb.KindPhrase], 125},
		{"checklists", count[kb.KindChecklist], 5},
		{"templates", count[kb.KindTemplate], 20},
	}
	for _, a := range atLeast {
		if a.got < a.want {
			t.Errorf("the built-in pack has %d %s, want at least %d", a.got, a.what, a.want)
		}
	}
	for _, id := range []string{
		"checklists/escalation-triggers", "checklists/can-do-cant-do", "checklists/calm-down-routine",
		"templates/hand-off-to-supervisor", "templates/interaction-note", "templates/summary-email",
		"templates/beyond-my-authority", "templates/delay-update",
		"templates/follow-up-24-hours", "templates/follow-up-3-days", "templates/follow-up-1-week",
	} {
		if !ids["builtin/"+id] {
			t.Errorf("the built-in pack has no builtin/%s", id)
		}
	}
	if len(p.Synonyms) == 0 {
		t.Error("the built-in pack has no synonyms")
	}
}

func BenchmarkLoadBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true}); err != nil {
			b.Fatal(err)
		}
	}
}
