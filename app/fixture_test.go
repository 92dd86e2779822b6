package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/internal/settings"
	"github.com/poisehq/poise/internal/usage"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// fixedNow keeps dates in rendered templates and golden files stable.
var fixedNow = time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)

// fixtureLibrary is a small hand-made library with one or more items of
// every kind, so screen tests do not change when the bundled content does.
func fixtureLibrary() *kb.Library {
	src := func(f string) kb.Source { return kb.Source{File: f, Line: 1} }
	return kb.NewLibrary(&kb.Pack{
		Manifest: kb.Manifest{ID: "builtin", Name: "Built-in", Version: "1.0.0"},
		Builtin:  true,
		Items: []kb.Item{
			{ID: "builtin/statements/angry#1", Pack: "builtin", Kind: kb.KindStatement, Title: "Waited too long",
				Text:     "You've waited far too long for this, and I'm sorry. Let's get it sorted now.",
				Emotions: []string{"angry"}, Situations: []string{"Waited too long"}, Channels: []string{"voice", "chat"},
				Source: src("statements/angry.md")},
			{ID: "builtin/statements/angry#2", Pack: "builtin", Kind: kb.KindStatement, Title: "Refund delayed",
				Text:     "I understand why the late refund has made you angry; I'd feel the same.",
				Emotions: []string{"angry"}, Situations: []string{"Refund delayed"}, Channels: []string{"email"},
				Source: src("statements/angry.md")},
			{ID: "builtin/statements/anxious#1", Pack: "builtin", Kind: kb.KindStatement, Title: "Worried about money",
				Text:     "I can hear this is worrying you. Let's check exactly where your refund is.",
				Emotions: []string{"anxious"}, Situations: []string{"Refund delayed"},
				Source: src("statements/anxious.md")},
			{ID: "builtin/matrix/late-delivery", Pack: "builtin", Kind: kb.KindMatrix, Title: "Late delivery",
				Summary: "The order has not arrived by the promised date.", Category: "Orders and delivery",
				Text:     "I'm sending a replacement today by express, so it reaches you by {{date+2d}}.",
				Emotions: []string{"angry", "anxious"}, Tags: []string{"delivery", "late"},
				Signals: []string{"Where is my order?"},
				Options: []kb.Option{
					{ID: "builtin/matrix/late-delivery#1", Title: "Send a replacement by express", Recommended: true,
						Say: "I'm sending a replacement today by express, so it reaches you by {{date+2d}}.", When: "The parcel is lost.", Authority: "agent"},
					{ID: "builtin/matrix/late-delivery#2", Title: "Refund the delivery charge",
						Say: "I've refunded the delivery charge.", When: "They still want the parcel.", Authority: "agent"},
					{ID: "builtin/matrix/late-delivery#3", Title: "Trace the parcel and call back",
						Say: "I'll trace it and call you back by {{time}}.", When: "Tracking stopped.", Authority: "agent"},
				},
				Source: src("matrix/late-delivery.md")},
			{ID: "builtin/matrix/double-charge", Pack: "builtin", Kind: kb.KindMatrix, Title: "Charged twice",
				Summary: "The customer sees the same payment twice.", Category: "Billing",
				Text:     "I can see the second charge, and I'm refunding it now.",
				Emotions: []string{"angry"}, Tags: []string{"billing", "refund"},
				Options: []kb.Option{
					{ID: "builtin/matrix/double-charge#1", Title: "Refund the duplicate", Recommended: true, Say: "I can see the second charge, and I'm refunding it now.", Authority: "agent"},
					{ID: "builtin/matrix/double-charge#2", Title: "Credit the account", Say: "I've added a credit to your account.", Authority: "team lead"},
					{ID: "builtin/matrix/double-charge#3", Title: "Escalate to billing", Say: "I've asked billing to reverse it today.", Authority: "billing team"},
				},
				Source: src("matrix/double-charge.md")},
			{ID: "builtin/guides/staying-calm", Pack: "builtin", Kind: kb.KindGuide, Title: "Staying calm",
				Summary: "A pause and a breath that steady your voice.",
				Body:    "Your calm is the one thing on the call you control.\n\n## The five-second pause\nBefore you answer, count five slow seconds.\n\n## After the call\nStand up, and see [late delivery](../matrix/late-delivery.md).",
				Text:    "Your calm is the one thing on the call you control.", Emotions: []string{"angry"},
				Sections: []string{"builtin/guides/staying-calm#the-five-second-pause", "builtin/guides/staying-calm#after-the-call"},
				Links:    []kb.Link{{Href: "../matrix/late-delivery.md", Target: "builtin/matrix/late-delivery"}},
				Source:   src("guides/staying-calm.md")},
			{ID: "builtin/guides/staying-calm#the-five-second-pause", Pack: "builtin", Kind: kb.KindGuide, Title: "The five-second pause",
				Parent: "builtin/guides/staying-calm", Body: "Before you answer, count five slow seconds.",
				Text: "Before you answer, count five slow seconds.", Source: src("guides/staying-calm.md")},
			{ID: "builtin/guides/staying-calm#after-the-call", Pack: "builtin", Kind: kb.KindGuide, Title: "After the call",
				Parent: "builtin/guides/staying-calm", Body: "Stand up, and see [late delivery](../matrix/late-delivery.md).",
				Text: "Stand up, and see late delivery.", Links: []kb.Link{{Href: "../matrix/late-delivery.md", Target: "builtin/matrix/late-delivery"}}, Source: src("guides/staying-calm.md")},
			{ID: "builtin/phrases/limits#1", Pack: "builtin", Kind: kb.KindPhrase, Title: "I can't do that.",
				Text:   "What I can do is …",
				Phrase: &kb.PhraseRule{InsteadOf: "I can't do that.", Try: []string{"What I can do is …", "Here's what I can offer …"}, Why: "Leads with what is possible.", Patterns: []string{"I can't do that"}},
				Source: src("phrases/limits.md")},
			{ID: "builtin/phrases/limits#2", Pack: "builtin", Kind: kb.KindPhrase, Title: "That's our policy.",
				Text:   "The reason we do it this way is …",
				Phrase: &kb.PhraseRule{InsteadOf: "That's our policy.", Try: []string{"The reason we do it this way is …"}, Why: "Explains instead of hiding behind a rule.", Patterns: []string{"(that's|it's) [our|the] policy"}},
				Source: src("phrases/limits.md")},
			{ID: "builtin/checklists/escalation-triggers", Pack: "builtin", Kind: kb.KindChecklist, Title: "Escalation triggers",
				Text:   "- The customer mentions legal action.\n- You hear a threat.",
				Steps:  []kb.ChecklistStep{{Group: "Escalate now", Text: "The customer mentions legal action."}, {Group: "Escalate now", Text: "You hear a threat."}},
				Source: src("checklists/escalation-triggers.md")},
			{ID: "builtin/templates/hand-off", Pack: "builtin", Kind: kb.KindTemplate, Title: "Hand-off to a supervisor",
				Summary: "A warm hand-off so the customer never repeats themselves.",
				Text:    "Hi, this is {{agent_name}}. I have {{customer_name}} about {{concern}}, since {{date}}.",
				Fields: []kb.Field{
					{Name: "agent_name", Label: "Your name"},
					{Name: "customer_name", Label: "Customer's name"},
					{Name: "concern", Label: "Their concern", Choices: []string{"a late refund", "a lost parcel"}},
					{Name: "date", Computed: true},
				},
				Tags: []string{"escalation", "manager"}, Source: src("templates/hand-off.md")},
		},
	})
}

// newTestPoise opens the app's shell in a test window over lib, with its
// data in a temporary folder.
func newTestPoise(t testing.TB, lib *kb.Library) *poise {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("Poise")
	p := newPoise(a, w, lib)
	p.now = func() time.Time { return fixedNow }
	p.logf = t.Logf
	q := make(uiQueue, 4096)
	p.do = q.do
	queues[p] = q
	dir := t.TempDir()
	p.loadState(filepath.Join(dir, settings.FileName), filepath.Join(dir, usage.FileName))
	w.SetContent(p.buildShell())
	p.shown = true
	p.find.focus()
	w.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(w.Close)
	return p
}

// startSearch gives p an in-memory index of its library.
func startSearch(t testing.TB, p *poise) {
	t.Helper()
	ix, err := search.OpenMemory(p.lib)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	p.setSearcher(ix)
}

// uiQueue holds work sent to Fyne's goroutine until the test runs it, so
// the test goroutine is the only one touching widgets.
type uiQueue chan func()

func (q uiQueue) do(fn func()) { q <- fn }

var queues = map[*poise]uiQueue{}

// pump runs queued UI work until cond holds. The deadline only catches a
// hang: work done off the UI goroutine (an index build, a pack kept on
// disk) took more than 27 s under -race at load 18 in CI, and 10 s failed.
func pump(t testing.TB, p *poise, cond func() bool) {
	t.Helper()
	q := queues[p]
	timeout := time.After(2 * time.Minute)
	for !cond() {
		select {
		case fn := <-q:
			fn()
		case <-timeout:
			t.Fatal("timed out waiting for the UI")
		}
	}
}

// settle runs the UI work queued so far.
func settle(p *poise) {
	q := queues[p]
	for {
		select {
		case fn := <-q:
			fn()
		default:
			return
		}
	}
}
