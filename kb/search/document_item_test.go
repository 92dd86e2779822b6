package search

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// documentItems are items of every shape itemDocument meets: the bundled
// content (statements, phrases, templates, matrices with options,
// checklists), a generated vault in several scripts (notes, their
// sections, aliases, long guides) and a few made by hand for the edges.
func documentItems(t *testing.T) []*kb.Item {
	t.Helper()
	var items []*kb.Item
	lib, err := kb.LoadLibrary(content.FS, "")
	if err != nil {
		t.Fatal(err)
	}
	lib.Items(func(it *kb.Item) { items = append(items, it) })
	packs := t.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Files: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	vault, _ := kb.LoadLibrary(nil, packs) // a vault has broken links; it still loads
	vault.Items(func(it *kb.Item) { items = append(items, it) })
	long := strings.Repeat("A line of the guide with a [link](x.md) and **bold** words: été, 同步.\n\n", 200)
	items = append(items,
		&kb.Item{ID: "p/long", Pack: "p", Kind: kb.KindGuide, Title: " Long ", Summary: "A line of the guide",
			Text: "Intro", Body: "Intro\n\n## One\n" + long, Sections: []string{"p/long#one"},
			Aliases: []string{" other name ", ""}},
		&kb.Item{ID: "p/section", Pack: "p", Kind: kb.KindGuide, Title: "One", Text: "a" + strings.Repeat("é", 1500), Body: "a" + strings.Repeat("é", 1500)},
		&kb.Item{ID: "p/edges", Pack: "p", Kind: kb.KindGuide, Title: "Edges", Text: "- lead *", Body: "  -  lead <br>\n\n| a | b |\n|---|---|\n| c | d |",
			Tags: []string{" ", "t"}, Signals: []string{"  "}, Situations: []string{"when"}, Category: "c"},
		&kb.Item{ID: "p/phrase", Pack: "p", Kind: kb.KindPhrase, Title: "Calm", Category: "Tone", Text: "Say this",
			Phrase: &kb.PhraseRule{InsteadOf: "Calm down", Try: []string{"I hear you", "Let's fix it"}, Why: "It names the feeling."}},
		&kb.Item{ID: "p/matrix", Pack: "p", Kind: kb.KindMatrix, Title: "Late", Summary: "Late.",
			Options: []kb.Option{{Title: "Replace", Say: "I'll send **a new one**."}}, Steps: []kb.ChecklistStep{{Text: "Check tracking"}}},
		&kb.Item{ID: "p/empty", Pack: "p", Kind: kb.KindGuide},
	)
	return items
}

// TestItemDocumentFields: the fields itemDocument builds in reused
// buffers are what joining the parts one by one gives (textsearch.JoinText
// of the parts made plain), the way it was written before it was made
// lean; a change here changes what every index holds.
func TestItemDocumentFields(t *testing.T) {
	for _, it := range documentItems(t) {
		got, want := itemDocument(it), joinedDocument(it)
		if got.Title != want.Title || got.Signals != want.Signals || got.Meta != want.Meta || got.Body != want.Body {
			t.Errorf("%s: itemDocument\n title %q signals %q meta %q body %q\nwant\n title %q signals %q meta %q body %q",
				it.ID, got.Title, got.Signals, got.Meta, got.Body, want.Title, want.Signals, want.Meta, want.Body)
		}
		if got.Kind != string(it.Kind) || got.Source != it.Pack || got.Lang != it.Language {
			t.Errorf("%s: kind, source, lang %q %q %q", it.ID, got.Kind, got.Source, got.Lang)
		}
	}
}

// joinedDocument is itemDocument's fields made the plain way.
func joinedDocument(it *kb.Item) textsearch.Document {
	join := textsearch.JoinText
	title := it.Title
	if it.Category != "" && (it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase) {
		title = join(it.Title, it.Category)
	}
	if len(it.Aliases) > 0 {
		title = join(title, join(it.Aliases...))
	}
	meta := join(join(it.Tags...), join(it.Emotions...))
	if it.Kind != kb.KindStatement && it.Kind != kb.KindPhrase {
		meta = join(meta, it.Category)
	}
	text, body := textsearch.PlainText(it.Text), ""
	if len(it.Sections) == 0 {
		body = textsearch.PlainText(it.Body)
	}
	if body == text {
		body = ""
	}
	var extra []string
	if it.Phrase != nil {
		extra = append(append(extra, it.Phrase.InsteadOf), it.Phrase.Try...)
		extra = append(extra, it.Phrase.Why)
	}
	if it.Body == "" {
		for _, o := range it.Options {
			extra = append(extra, o.Title, textsearch.PlainText(o.Say))
		}
		for _, s := range it.Steps {
			extra = append(extra, s.Text)
		}
	}
	return textsearch.Document{
		Title:   title,
		Signals: join(join(it.Signals...), join(it.Situations...)),
		Meta:    meta,
		Body:    join(it.Summary, text, body, join(extra...)),
	}
}

// TestStoredHitSnippets: the index stores, for a hit shown without the
// library (the CLI, a pack whose bodies were let go), the very snippet
// texts the library gives (snippetSources), cut at maxStoredSnippet, and
// its kind, pack and title; and it stores each repeated text once.
func TestStoredHitSnippets(t *testing.T) {
	repeated := 0
	for _, it := range documentItems(t) {
		raw := itemDocument(it).Stored
		h, err := decodeHit(raw)
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		if h.Kind != string(it.Kind) || h.Pack != it.Pack || h.Title != it.Title {
			t.Errorf("%s: stored %q %q %q", it.ID, h.Kind, h.Pack, h.Title)
		}
		srcs := snippetSources(it, textsearch.PlainText)
		if len(h.Snippets) != len(srcs) {
			t.Fatalf("%s: %d snippets stored, want %d", it.ID, len(h.Snippets), len(srcs))
		}
		size := 0
		for i, src := range srcs {
			want := src()
			if len(want) > maxStoredSnippet {
				cut := maxStoredSnippet
				for want[cut]&0xC0 == 0x80 {
					cut--
				}
				want = want[:cut]
			}
			if h.Snippets[i] != want {
				t.Errorf("%s: snippet %d stored %q, want %q", it.ID, i, h.Snippets[i], want)
			}
			size += len(want)
		}
		if len(raw) < size {
			repeated++
		}
	}
	if repeated == 0 {
		t.Error("no item stored a repeated snippet text once")
	}
}

// FuzzDecodeHit: a stored hit read from an index on disk, which may be
// damaged, is read or refused, never trusted: no panic, no text beyond
// the value, and what encodeHit writes reads back.
func FuzzDecodeHit(f *testing.F) {
	sc := new(docScratch)
	// A copy: encodeHit's result is sc's buffer, which the fuzz function reuses.
	f.Add(slices.Clone(sc.encodeHit(&kb.Item{Kind: kb.KindGuide, Pack: "p", Title: "T", Summary: "Sum", Body: "x"}, []byte("Sum and more"), []byte("Sum and more"))), "t", "s")
	f.Add([]byte{storedFormat, 0, 0, 0, 2, 3, 1, 1}, "", "")
	f.Fuzz(func(t *testing.T, raw []byte, text, body string) {
		if h, err := decodeHit(raw); err == nil {
			if len(h.Snippets) > len(raw) || len(h.Kind)+len(h.Pack)+len(h.Title) > len(raw) {
				t.Fatalf("decodeHit(%q) read more than it was given: %+v", raw, h)
			}
		}
		it := &kb.Item{Kind: kb.KindStatement, Pack: "p", Title: text, Summary: body, Text: text, Body: body}
		h, err := decodeHit(sc.encodeHit(it, []byte(text), []byte(body)))
		if err != nil {
			t.Fatalf("encoded %q, %q: %v", text, body, err)
		}
		if h.Title != text || len(h.Snippets) != 4 || h.Snippets[0] != cutSnippet(text) || h.Snippets[2] != cutSnippet(body) {
			t.Fatalf("encoded %q, %q, read %+v", text, body, h)
		}
	})
}
