package kb_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// TestBuiltinEmotionsHaveSynonyms: every emotion a built-in statement bank
// is for has a synonym set holding it, so the other words agents use for
// the feeling ("passed away", "in tears", "I'm terrified") find its
// statements. Issue 15 found seven of twelve emotions without one.
func TestBuiltinEmotionsHaveSynonyms(t *testing.T) {
	p, err := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true})
	if err != nil {
		t.Fatalf("the built-in pack has problems: %v", err)
	}
	inASet := func(word string) bool {
		for _, set := range p.Synonyms {
			if slices.ContainsFunc(set, func(m string) bool { return strings.EqualFold(strings.TrimSpace(m), word) }) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for _, it := range p.Items {
		if it.Kind != kb.KindStatement {
			continue
		}
		for _, e := range it.Emotions {
			if e = strings.ToLower(e); seen[e] {
				continue
			}
			seen[e] = true
			if !inASet(e) {
				t.Errorf("%s: emotion %q has no synonym set; add one to content/synonyms.md", it.Source.File, e)
			}
		}
	}
	for _, e := range []string{"scared", "tearful", "desperate", "humiliated", "resigned", "relieved", "grateful", "sarcastic", "suspicious", "in crisis"} {
		if !seen[e] {
			t.Errorf("no built-in statements for customers who are %s", e)
		}
	}
}
