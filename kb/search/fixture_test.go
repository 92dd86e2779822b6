package search

import (
	"testing"

	"github.com/poisehq/poise/kb"
)

// fixturePack is a small hand-written pack: enough to test behaviour
// without depending on the bundled content.
func fixturePack() *kb.Pack {
	return &kb.Pack{
		Manifest: kb.Manifest{ID: "builtin", Name: "Fixture"},
		Builtin:  true,
		Synonyms: []kb.SynonymSet{
			{"refund", "money back", "reimburse", "reimbursement"},
			{"angry", "furious", "upset", "irate", "livid"},
			{"manager", "supervisor", "someone senior"},
			{"cancel", "close my account", "terminate"},
			{"parcel", "package", "delivery"},
		},
		Items: []kb.Item{
			{
				ID: "builtin/matrix/late-delivery", Pack: "builtin", Kind: kb.KindMatrix,
				Title:    "Late delivery",
				Summary:  "The order has not arrived by the date we gave.",
				Text:     "I'm sending a replacement out today by express delivery.",
				Body:     "The order has not arrived by the date we gave.\n\n## Options\n### Send a replacement\n- **Say:** \"I'm sending a replacement out today by express delivery.\"",
				Tags:     []string{"delivery", "shipping", "where is my order"},
				Emotions: []string{"angry", "anxious"},
				Signals:  []string{"Where is my order?", "Tracking hasn't moved in four days."},
				Category: "Orders and delivery",
			},
			{
				ID: "builtin/matrix/refund-outside-policy", Pack: "builtin", Kind: kb.KindMatrix,
				Title:    "Refund outside policy",
				Summary:  "The customer asks for a refund after the return window closed.",
				Text:     "I can't refund the full amount, but here is what I can do.",
				Body:     "The customer asks for a refund after the return window closed. See [late delivery](late-delivery.md).",
				Tags:     []string{"refund", "policy"},
				Emotions: []string{"disappointed"},
				Signals:  []string{"I want my money back.", "Your policy is ridiculous."},
				Category: "Billing",
			},
			{
				ID: "builtin/matrix/demand-for-manager", Pack: "builtin", Kind: kb.KindMatrix,
				Title:    "Demand for a manager",
				Summary:  "The customer insists on a supervisor before you have tried.",
				Text:     "I'll do everything I can right now, and if you still want a supervisor I'll arrange it.",
				Tags:     []string{"escalation"},
				Emotions: []string{"angry"},
				Signals:  []string{"Let me speak to your manager.", "Put someone senior on."},
			},
			{
				ID: "builtin/matrix/repeated-contact", Pack: "builtin", Kind: kb.KindMatrix,
				Title:    "Repeated contact",
				Summary:  "The customer has contacted us several times about the same problem.",
				Text:     "You shouldn't have had to call again. I've read the notes from your earlier calls.",
				Tags:     []string{"repeat", "follow-up"},
				Emotions: []string{"frustrated", "angry"},
				Signals:  []string{"This is the third time I've called.", "Nobody ever calls back."},
			},
			{
				ID: "builtin/statements/angry#1", Pack: "builtin", Kind: kb.KindStatement,
				Title:    "Waited too long",
				Text:     "You've been kept waiting far longer than anyone should, and I'm sorry.",
				Emotions: []string{"angry"},
				Tags:     []string{"anger", "waiting"},
			},
			{
				ID: "builtin/guides/staying-calm#the-five-second-pause", Pack: "builtin", Kind: kb.KindGuide,
				Title:  "The five-second pause",
				Parent: "builtin/guides/staying-calm",
				Body:   "Before you answer a heated remark, count five slow seconds in your head. The pause stops you replying to the tone instead of the content.",
				Text:   "Before you answer a heated remark, count five slow seconds in your head. The pause stops you replying to the tone instead of the content.",
				Tags:   []string{"calm", "self-care"},
			},
			{
				ID: "builtin/phrases/limits#1", Pack: "builtin", Kind: kb.KindPhrase,
				Title: "I can't do that.",
				Text:  "What I can do is …",
				Phrase: &kb.PhraseRule{
					InsteadOf: "I can't do that.",
					Try:       []string{"What I can do is …", "Here's what I can offer …"},
					Why:       "Leads with what is possible.",
				},
				Tags: []string{"policy", "limits"},
			},
			{
				ID: "builtin/templates/hand-off-to-supervisor", Pack: "builtin", Kind: kb.KindTemplate,
				Title:   "Hand-off to a supervisor",
				Summary: "A warm hand-off so the customer never has to repeat themselves.",
				Text:    "Hi {{supervisor_name}}, I have {{customer_name}} with me about {{concern}}.",
				Tags:    []string{"escalation", "hand-off"},
			},
		},
	}
}

func fixtureLibrary() *kb.Library { return kb.NewLibrary(fixturePack()) }

// teamPack overrides one built-in item and adds its own.
func teamPack() *kb.Pack {
	return &kb.Pack{
		Manifest: kb.Manifest{ID: "acme", Name: "Acme"},
		Synonyms: []kb.SynonymSet{{"voucher", "coupon", "promo code"}},
		Items: []kb.Item{
			{
				ID: "acme/matrix/coupon-rejected", Pack: "acme", Kind: kb.KindMatrix,
				Title:   "Coupon rejected at checkout",
				Summary: "A voucher that should work is refused.",
				Signals: []string{"My coupon doesn't work."},
				Tags:    []string{"checkout"},
			},
		},
	}
}

func openFixture(t testing.TB) *Index {
	t.Helper()
	ix, err := OpenMemory(fixtureLibrary())
	if err != nil {
		t.Fatalf("OpenMemory: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// What the engine promises about snippets and builds, as callers see it.
const (
	snippetLen  = 180 // bytes, before ellipses
	ellipsis    = "…"
	buildPrefix = ".build-" // directories of unfinished builds
)

func hitIDs(res *Results) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}
