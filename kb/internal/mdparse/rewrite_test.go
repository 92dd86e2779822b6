package mdparse

import (
	"reflect"
	"strings"
	"testing"
)

var linkEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)

// notesEdits rewrites doc's wikilinks and callouts as kb does: every
// third wikilink as words (a missing note), embeds of pictures as a
// placeholder, the others as links; callouts as a bold type and title.
func notesEdits(doc *Doc) []Edit {
	var edits []Edit
	for i, w := range doc.Wikilinks {
		words := linkEscaper.Replace(w.Display())
		switch {
		case w.Embed && strings.HasSuffix(w.Target, ".png"):
			edits = append(edits, Edit{Start: w.Start, End: w.End, With: "*[image: " + linkEscaper.Replace(w.Target) + "]*", Text: "[image: " + w.Target + "]"})
		case i%3 == 2:
			edits = append(edits, Edit{Start: w.Start, End: w.End, With: words, Text: w.Display()})
		default:
			edits = append(edits, Edit{Start: w.Start, End: w.End, With: "[" + words + "](<./" + strings.ReplaceAll(w.Target, " ", "%20") + ".md>)", Text: w.Display()})
		}
	}
	for _, c := range doc.Callouts {
		kind := strings.ToUpper(c.Type[:1]) + c.Type[1:]
		title := ""
		if c.Title != "" {
			title = " " + c.Title
		}
		edits = append(edits, Edit{Start: c.Start, End: c.End, With: "**" + kind + "**" + title, Text: kind})
	}
	sortEdits(&edits)
	return edits
}

func sortEdits(edits *[]Edit) {
	es := *edits
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Start < es[j-1].Start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	kept, last := es[:0], 0
	for _, e := range es {
		if e.Start >= last {
			kept = append(kept, e)
			last = e.End
		}
	}
	*edits = kept
}

// rewriteBothWays rewrites src on its one parse and by parsing the
// rewritten source, and reports whether the one parse was used.
func rewriteBothWays(t *testing.T, src string) bool {
	t.Helper()
	doc := ScanNotes([]byte(src))
	edits := notesEdits(doc)
	want := ParseNotes(apply(doc.Source, edits))
	want.Tags = doc.Tags
	fast := doc.root != nil && doc.canRewrite(edits)
	got := ScanNotes([]byte(src)).Rewrite(notesEdits(ScanNotes([]byte(src))))
	if string(got.Source) != string(want.Source) {
		t.Fatalf("source %q, want %q", got.Source, want.Source)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"blocks", got.Blocks, want.Blocks}, {"links", got.Links, want.Links}, {"code", got.code, want.code},
		{"front", string(got.Front), string(want.Front)}, {"body start", got.BodyStart, want.BodyStart},
		{"lines", got.lineStarts, want.lineStarts},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%q: %s differ (one parse: %v):\n got %+v\nwant %+v", src, f.name, fast, f.got, f.want)
		}
	}
	// A note not rewritten has the blocks and links of ParseNotes once
	// FillBlocks makes them.
	scanned, parsed := ScanNotes([]byte(src)), ParseNotes([]byte(src))
	scanned.FillBlocks()
	if !reflect.DeepEqual(scanned.Blocks, parsed.Blocks) || !reflect.DeepEqual(scanned.Links, parsed.Links) {
		t.Errorf("%q: scanned and filled:\n%+v\n%+v\nparsed:\n%+v\n%+v", src, scanned.Blocks, scanned.Links, parsed.Blocks, parsed.Links)
	}
	// A folder of notes needs the blocks' text alone: it is the text of
	// the lists and tables made of their items and cells.
	full := parseDoc(want.Source, notesParsers, true, false, nil)
	if len(full.Blocks) != len(want.Blocks) {
		t.Fatalf("%q: %d blocks with items, %d without", src, len(full.Blocks), len(want.Blocks))
	}
	for i, b := range full.Blocks {
		b.parts = nil
		if !reflect.DeepEqual(b, want.Blocks[i]) {
			t.Errorf("%q: block %d with items %+v, without %+v", src, i, b, want.Blocks[i])
		}
	}
	return fast
}

func TestRewriteOnOneParse(t *testing.T) {
	for _, src := range []string{
		"# Title [[Note]]\n\nSee [[Note|the note]] and [[Missing]], [[Other#Part]].\n",
		"---\ntags: [a]\n---\n> [!tip] Be kind\n> [[Note]] first.\n\n> [!note]\n> Body `[[code]]`\n",
		"- [[Note]] `tag`\n- [ ] [[Other]] item\n  - [[Missing]] nested\n\n| a | b |\n|---|---|\n| [[Note\\|x]] | ![[pic.png]] |\n",
		"```\n[[in a fence]]\n```\n\n![[pic.png]]\n\n> [!info] Title with *emphasis* and [[Note]]\n> text\n",
		"Σημείωση [[Σημείωση]] 注意 [[注意|ノート]] [[Заметка]] [[ملاحظة]] [[নোট]].\n",
		"3. [[Note]]\n4. [x] done\n   - [ ] open\n\n     more\n5.\n\n| h | [[Other]] |\n|---|---|\n| a<br>b | c |\n| d |\n",
	} {
		if !rewriteBothWays(t, src) {
			t.Errorf("%q was parsed again; its edits are all ones the one parse can make", src)
		}
	}
	for _, src := range []string{
		"[outer [[Note]]](x) and _[[Missing]]_ [[Note]] [[Missing]]\n",
		"a*[[x]] [[y]] [[Missing]]*b\n",
		"[[a]] [[b]] [[ref]]\n\n[ref]: https://example.com\n",
		"> [!tip] Trailing spaces  \n> break\n",
	} {
		if rewriteBothWays(t, src) {
			t.Errorf("%q was not parsed again; its edits read differently in place", src)
		}
	}
}

// FuzzRewrite checks that a note rewritten on its one parse is what
// parsing the rewritten note gives, whatever the note.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{
		"See [[Note|the note]] and [[Missing]].\n", "> [!tip] Title [[x]]\n> y\n", "*[[a]]* _[[b]]_ [[c]]\n",
		"| [[a\\|b]] | ![[p.png]] |\n|---|---|\n", "[x [[y]]](z) ![[p.png]]. [[q]]", "<a [[b]] c>\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 || strings.ContainsRune(src, '\r') {
			return
		}
		rewriteBothWays(t, src)
	})
}
