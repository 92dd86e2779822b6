package tone_test

import (
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/tone"
)

// builtinPack loads the built-in pack on its own, failing on any problem.
func builtinPack(t *testing.T) *kb.Pack {
	t.Helper()
	lib, err := kb.LoadLibrary(builtin(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lib.Packs {
		if p.Builtin {
			return p
		}
	}
	t.Fatal("no built-in pack in the library")
	return nil
}

// TestBuiltinScriptsFollowTheirOwnRules holds the built-in pack to the rules
// it teaches: every Say line, statement and template passes its own tone
// check, so an agent who copies one never sends a phrase the pack tells them
// to avoid.
func TestBuiltinScriptsFollowTheirOwnRules(t *testing.T) {
	p := builtinPack(t)
	c := tone.NewChecker(kb.NewLibrary(p))
	for _, f := range c.CheckScripts(p) {
		t.Errorf("%s:%d: %s says %q; %s suggests %q", f.File, f.Line, f.Where, f.Matched, f.ItemID, f.Try[0])
	}
}

// TestBuiltinRecommendedOptionsOfferOneThing checks the practice the matrix
// is built on: the recommended option makes one clear offer, and there are
// at least three alternatives to bring if it is declined.
func TestBuiltinRecommendedOptionsOfferOneThing(t *testing.T) {
	p := builtinPack(t)
	for _, it := range p.Items {
		if it.Kind != kb.KindMatrix {
			continue
		}
		if len(it.Options) < 4 {
			t.Errorf("%s: %d options; the built-in pack offers one recommended option and at least three alternatives", it.Source.File, len(it.Options))
		}
		for _, o := range it.Options {
			if !o.Recommended {
				continue
			}
			if words, menu := tone.OffersMenu(o.Say); menu {
				t.Errorf("%s:%d: the recommended option offers a choice (%q); offer one thing and move the other to an alternative", it.Source.File, o.Line, words)
			}
		}
	}
}

// TestBuiltinRewritesAreSendable checks every suggested rewrite of the
// built-in chart: it is copied into a reply with one key, so it must be
// whole sentences with no "…" gap, and must not itself use a phrase the
// chart tells agents to avoid.
func TestBuiltinRewritesAreSendable(t *testing.T) {
	p := builtinPack(t)
	c := tone.NewChecker(kb.NewLibrary(p))
	for _, it := range p.Items {
		if it.Kind != kb.KindPhrase {
			continue
		}
		// Find shows and copies the first suggestion on its own, so it
		// must be a whole sentence.
		if first := it.Phrase.Try[0]; !strings.ContainsAny(first[len(first)-1:], ".?!") {
			t.Errorf("%s:%d: the first rewrite %q is what Find copies; put a whole sentence first", it.Source.File, it.Source.Line, first)
		}
		whole := false
		for _, try := range it.Phrase.Try {
			if facts := tone.Invented(try, ""); len(facts) > 0 {
				t.Errorf("%s:%d: rewrite %q states %q, which no draft it replaces has said; use a {{placeholder}}", it.Source.File, it.Source.Line, try, facts)
			}
			last := try[len(try)-1:]
			whole = whole || strings.ContainsAny(last, ".?!")
			if try != tone.LeaveOut && !strings.ContainsAny(last, ".?!") && (len(strings.Fields(try)) > 8 || strings.Contains(try, "{{")) {
				t.Errorf("%s:%d: rewrite %q is neither a sentence nor a short lead-in; end it with a full stop", it.Source.File, it.Source.Line, try)
			}
			if strings.Contains(try, "…") || strings.Contains(try, "...") {
				t.Errorf("%s:%d: rewrite %q has a gap; write a sentence that can be sent as it is, with a {{placeholder}} for what changes", it.Source.File, it.Source.Line, try)
			}
			for _, f := range c.Check(try) {
				t.Errorf("%s:%d: rewrite %q uses %q, which %s tells agents to avoid", it.Source.File, it.Source.Line, try, f.Matched, f.ItemID)
			}
		}
		if !whole {
			t.Errorf("%s:%d: no rewrite is a whole sentence, so a draft with nothing after the phrase gets none", it.Source.File, it.Source.Line)
		}
	}
}

// TestBuiltinRewritesPromiseOnlyWhatTheAgentControls holds the built-in
// rewrites to what any agent can say in any channel and role: an offer or
// a next step of their own, never a transfer, a call at a time or a
// refund that someone else (or another channel) has to make happen.
func TestBuiltinRewritesPromiseOnlyWhatTheAgentControls(t *testing.T) {
	commits := []string{
		"connect you", "transfer you", "on the line now", "until they answer", "until they pick up",
		"i'll call you", "call you myself", "they'll call you", "will call you by", "i'll introduce you",
		"i'll bring them in", "join us", "i'll email them for you now", "check your next order myself",
		"i'll call you back at", "i'll stay on the line", "call you by", "call you at", "call me",
		"confirm by email",
	}
	p := builtinPack(t)
	for _, it := range p.Items {
		if it.Kind != kb.KindPhrase || it.Phrase == nil {
			continue
		}
		for _, try := range it.Phrase.Try {
			low := strings.ToLower(strings.ReplaceAll(try, "’", "'"))
			for _, c := range commits {
				if strings.Contains(low, c) {
					t.Errorf("%s:%d: %q rewrites to %q, which commits the agent to %q; offer it or name a step the agent controls", it.Source.File, it.Source.Line, it.Phrase.InsteadOf, try, c)
				}
			}
		}
	}
}
