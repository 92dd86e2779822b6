package kb_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// loadVault loads testdata/packs/notes-vault: an Obsidian-style folder
// with no pack.toml, written for these tests.
func loadVault(t *testing.T) (*kb.Library, []kb.Problem) {
	t.Helper()
	p, err := kb.LoadDir("testdata/packs/notes-vault")
	var pe *kb.ProblemsError
	if err != nil && !errors.As(err, &pe) {
		t.Fatal(err)
	}
	if !p.Notes {
		t.Error("a folder without pack.toml is not loaded as notes")
	}
	var ps []kb.Problem
	if pe != nil {
		ps = pe.Problems
	}
	return kb.NewLibrary(p), ps
}

func item(t *testing.T, lib *kb.Library, id string) *kb.Item {
	t.Helper()
	it, ok := lib.Item(id)
	if !ok {
		var ids []string
		lib.Items(func(it *kb.Item) { ids = append(ids, it.ID) })
		t.Fatalf("no item %q; items: %q", id, ids)
	}
	return it
}

// The one problem a person would call one: a link to a note nobody wrote.
// Unknown properties, links to other apps, absolute paths and folders
// outside, pictures not in the folder and template syntax in code are not.
func TestNotesVaultProblems(t *testing.T) {
	_, ps := loadVault(t)
	want := []kb.Problem{{
		File: "Home.md", Line: 12, Group: kb.GroupMissingNote,
		Message: `Link "[[Loyalty scheme]]" names a note that does not exist; create Loyalty scheme.md or correct the name.`,
	}}
	if !slices.Equal(ps, want) {
		t.Errorf("problems:\n got %+v\nwant %+v", ps, want)
	}
	groups := kb.Summarize(ps, 5)
	if len(groups) != 1 || groups[0].Summary != "1 link points to a note or file that does not exist" {
		t.Errorf("summary = %+v", groups)
	}
}

func TestNotesVaultWikilinks(t *testing.T) {
	lib, _ := loadVault(t)
	home := item(t, lib, "notes-vault/home")
	if home.Title != "Home" {
		t.Errorf("title = %q", home.Title)
	}
	for _, tc := range []struct{ words, target string }{
		{"[Refund policy](<./Refund%20policy.md>)", "notes-vault/refund-policy"},
		{"[how late refunds work](<./Refund%20policy.md#late-refunds>)", "notes-vault/refund-policy#late-refunds"},
		{"[↪ Greeting](<./Greeting.md>)", "notes-vault/greeting"},
	} {
		if !strings.Contains(home.Body, tc.words) {
			t.Errorf("body lacks %s:\n%s", tc.words, home.Body)
			continue
		}
		href := tc.words[strings.Index(tc.words, "(<")+2 : strings.LastIndex(tc.words, ">)")]
		if id, ok := lib.ResolveLink(home, href); !ok || id != tc.target {
			t.Errorf("ResolveLink(%q) = %q, %v; want %q", href, id, ok, tc.target)
		}
	}
	// A missing note is its name as plain words; a link to a heading of
	// the same note opens its section.
	if !strings.Contains(home.Body, "Ask about Loyalty scheme\n") || strings.Contains(home.Body, "[[") {
		t.Errorf("wikilinks left in body:\n%s", home.Body)
	}
	contact := item(t, lib, "notes-vault/home#contact")
	if id, ok := lib.ResolveLink(contact, "#contact"); !ok || id != contact.ID {
		t.Errorf("[[#Contact]] resolves to %q, %v", id, ok)
	}
	// Non-Latin file names resolve both ways.
	hello := item(t, lib, "notes-vault/日本語/挨拶")
	if id, ok := lib.ResolveLink(hello, "./../Home.md"); !ok || id != home.ID {
		t.Errorf("[[Home]] from 日本語/挨拶.md resolves to %q, %v; body:\n%s", id, ok, hello.Body)
	}
	policy := item(t, lib, "notes-vault/refund-policy#late-refunds")
	if !strings.Contains(policy.Body, "[card scheme's times](<https://example.com/refund-times>)") {
		t.Errorf("a wikilink to a web address is not a web link:\n%s", policy.Body)
	}
	if !strings.Contains(policy.Text, "See the front page.") {
		t.Errorf("a labelled wikilink copies as its label: %q", policy.Text)
	}
}

// An embedded note shows its text under the link; a picture shows a
// placeholder; a callout shows its kind and title in bold in a quote.
func TestNotesVaultEmbedsAndCallouts(t *testing.T) {
	lib, _ := loadVault(t)
	home := item(t, lib, "notes-vault/home")
	for _, want := range []string{
		"[↪ Greeting](<./Greeting.md>)\n>\n> Good morning, thank you for calling the front desk. How can I help?",
		"*[image: floor plan.png]*",
		"> **Warning** Check the order first\n> A refund on an order still in transit is charged twice.",
	} {
		if !strings.Contains(home.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, home.Body)
		}
	}
	hello := item(t, lib, "notes-vault/日本語/挨拶")
	if !strings.Contains(hello.Body, "> **Note**\n> 丁寧に話しましょう。") {
		t.Errorf("callout without a title:\n%s", hello.Body)
	}
}

// Tags come from the front matter (with or without #) and from #tags in
// the text; aliases are kept for search; other properties are ignored.
func TestNotesVaultTagsAndAliases(t *testing.T) {
	lib, _ := loadVault(t)
	home := item(t, lib, "notes-vault/home")
	if want := []string{"onboarding", "desk", "vip", "front-desk/phones"}; !slices.Equal(home.Tags, want) {
		t.Errorf("tags = %q, want %q", home.Tags, want)
	}
	if want := []string{"Start here", "Concierge"}; !slices.Equal(home.Aliases, want) {
		t.Errorf("aliases = %q, want %q", home.Aliases, want)
	}
	if hello := item(t, lib, "notes-vault/日本語/挨拶"); !slices.Equal(hello.Tags, []string{"日本語"}) {
		t.Errorf("tags = %q", hello.Tags)
	}
}

// Support macros with {single} braces are templates with fields; template
// syntax shown in code is not.
func TestNotesVaultMacros(t *testing.T) {
	lib, _ := loadVault(t)
	m := item(t, lib, "notes-vault/macros/refund-delay")
	if m.Kind != kb.KindTemplate {
		t.Fatalf("kind = %s", m.Kind)
	}
	var names []string
	for _, f := range m.Fields {
		names = append(names, f.Name)
	}
	if want := []string{"customer_name", "order_number", "refund_date"}; !slices.Equal(names, want) {
		t.Errorf("fields = %q, want %q", names, want)
	}
	if !strings.HasPrefix(m.Text, "Hi {{customer_name}}, your refund for order {{order_number}}") {
		t.Errorf("text = %q", m.Text)
	}
	if home := item(t, lib, "notes-vault/home"); home.Kind != kb.KindGuide {
		t.Errorf("a note with {{date:YYYY-MM-DD}} in code became a %s", home.Kind)
	}
}

// Macros as support teams keep them in notes: fields named in words,
// inside a quote, under a "Use when" line.
func TestNotesVaultMacrosInWords(t *testing.T) {
	lib, _ := loadVault(t)
	for id, want := range map[string][]string{
		"notes-vault/macros/follow-ups#waiting-on-another-team": {"customer_name", "team_partner", "timeframe", "agent_name"},
		"notes-vault/macros/follow-ups#fixed":                   {"customer_name", "what_was_changed"},
	} {
		m := item(t, lib, id)
		var names, labels []string
		for _, f := range m.Fields {
			names = append(names, f.Name)
			labels = append(labels, f.Label)
		}
		if m.Kind != kb.KindTemplate || !slices.Equal(names, want) {
			t.Errorf("%s: %s with fields %q, want a template with %q", id, m.Kind, names, want)
		}
		if id == "notes-vault/macros/follow-ups#fixed" && (labels[1] != "What was changed" || !strings.Contains(m.Text, "I {{what_was_changed}}.")) {
			t.Errorf("labels %q, text %q", labels, m.Text)
		}
	}
}
