package kb_test

import (
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// TestBuiltinCoverageConcerns: the concerns issue 15 found missing are in the
// built-in pack, each with a recommended option and at least three
// alternatives, and every option says when it fits and who may grant it.
func TestBuiltinCoverageConcerns(t *testing.T) {
	p, err := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true})
	if err != nil {
		t.Fatalf("the built-in pack has problems: %v", err)
	}
	byID := map[string]*kb.Item{}
	for i := range p.Items {
		byID[p.Items[i].ID] = &p.Items[i]
	}
	for _, slug := range []string{
		"financial-hardship", "chargeback", "scammed-customer", "suspected-refund-abuse",
		"accessibility-needs", "language-barrier", "legal-threat", "social-media-escalation",
		"b2b-sla-dispute", "third-party-caller", "refuses-every-option",
		"recording-or-agent-name", "discriminatory-agent-request",
	} {
		it := byID["builtin/matrix/"+slug]
		if it == nil {
			t.Errorf("the built-in pack has no builtin/matrix/%s", slug)
			continue
		}
		if len(it.Options) < 4 {
			t.Errorf("%s has %d options, want a recommended one and at least three alternatives", it.ID, len(it.Options))
		}
		if len(it.Signals) < 5 {
			t.Errorf("%s has %d signals, want at least five ways customers say it", it.ID, len(it.Signals))
		}
		for _, o := range it.Options {
			if o.When == "" || o.Authority == "" {
				t.Errorf("%s: option %q needs both a When and an Authority line", it.ID, o.Title)
			}
		}
	}
	channels := map[string]int{}
	for _, it := range p.Items {
		for _, c := range it.Channels {
			channels[c]++
		}
	}
	for _, c := range []string{"voice", "chat", "email", "social", "sms", "in-person"} {
		if channels[c] == 0 {
			t.Errorf("nothing in the built-in pack is tagged for the %s channel", c)
		}
	}
	for _, slug := range []string{
		"templates/social-public-reply", "templates/social-private-message",
		"templates/chat-idle-check-in", "templates/chat-idle-close", "templates/email-reply",
		"templates/sms-update", "templates/cross-team-request",
		"templates/feedback-rating-and-question", "templates/payment-plan-confirmation",
		"guides/social-media-replies", "guides/chat-support", "guides/email-structure",
		"guides/sales-conversations", "guides/working-with-other-departments",
	} {
		if byID["builtin/"+slug] == nil {
			t.Errorf("the built-in pack has no builtin/%s", slug)
		}
	}
}
