package kb_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// rewriteNotes are notes whose wikilinks and callouts are rewritten, in
// every shape the one-parse rewrite must read as the second parse did, and
// shapes it must leave to a second parse.
var rewriteNotes = map[string]string{
	"Home.md": "# Home\n\nSee [[Refund policy]], [[guides/Late delivery#When it is late|the late guide]] and [[Missing note]].\n\n" +
		"![[Refund policy]]\n\n![[Diagram.png]]\n\nText ![[photo.jpg]] inline, *[[Refund policy]]* and _[[Missing]]_ and a*[[Missing]]*b.\n\n" +
		"Code: `[[not a link]]` and\n\n```\n[[Refund policy]] in a fence\n```\n\n    [[indented code]]\n\n" +
		"[outer [[Refund policy]]](https://example.com) ![alt [[Refund policy]]](x.png)\n\n" +
		"| Note | Why |\n|---|---|\n| [[Refund policy\\|refunds]] | [[Missing\\|gone]] |\n| ![[Diagram.png]] | `[[x]]` |\n\n" +
		"[[ https://example.com/path?q=1 | the site ]] and [[https://example.com/a<b>]]\n\n" +
		"Labels: [[Refund policy|**bold** label]], [[Refund policy|a & b]], [[Refund policy|with `code`]], [[Refund policy|#tag/]], [[Refund policy|x_y_z]].\n\n" +
		"Words: [[1. Missing]] and\n[[- Missing]]\n[[===]]\n\n- [[Refund policy]]\n- [[Missing]] item `code`\n  - [[#Section two]]\n\n" +
		"## Section two\n\n[[#Section two]] [[#^block-id]] [[Home#Section two|here]] #tag and #1\n",
	"Refund policy.md": "---\ntags: [money]\n---\n# Refund policy\n\n> [!note]\n> Refunds take [[Home|five days]].\n\n> [!warning] Late refunds\n> Ask first.\n\n" +
		"> [!tip]- Folded tip  \n> Trailing spaces make a line break.\n\n> [!info] Title with [[Home]] in it\n> Body.\n\n" +
		"> [!example] *Emphasis* title\n> x\n\n> [!faq](x)\n> a link, not a title\n\n> [!todo] Todo\n> Same as its type.\n\n> [!quote]\n===\n\n" +
		"## Διαδικασία επιστροφής\n\n[[Home]] στα ελληνικά.\n\n## 返金の手順\n\n[[Home#Section two]] 日本語。\n\n## Возврат\n\n![[Home#Section two]]\n\n## استرداد\n\nنص [[Home]].\n\n## ফেরত\n\n[[Home]] বাংলা।\n",
	"guides/Late delivery.md": "# Late delivery\n\n## When it is late\n\n[[Refund policy]] first. [ref]: x\n",
	"With refs.md":            "[[Missing]] and [[Diagram.png]] and [a][ref].\n\n![[Diagram.png]]\n\n[ref]: https://example.com\n",
	"Plain.md":                "No note syntax here, only [a link](Home.md).\n",
	"ja/ノート.md":               "# ノート\n\n[[Home]] と [[返金]]。\n\n> [!note] 注意\n> [[Refund policy#返金の手順]]\n",
}

// loadBothWays loads dir as it loads now and with every rewritten note
// parsed again, and fails on any difference in items, links or problems.
func loadBothWays(t *testing.T, dir string) int {
	t.Helper()
	*kb.ReparseNotes = true
	want, wantErr := kb.LoadDir(dir)
	*kb.ReparseNotes = false
	got, gotErr := kb.LoadDir(dir)
	if want == nil || got == nil {
		t.Fatalf("load %s: %v / %v", dir, wantErr, gotErr)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("problems differ:\n got %v\nwant %v", gotErr, wantErr)
	}
	if len(got.Items) != len(want.Items) {
		t.Fatalf("%d items, want %d", len(got.Items), len(want.Items))
	}
	bad := 0
	for i := range want.Items {
		if !reflect.DeepEqual(got.Items[i], want.Items[i]) && bad < 5 {
			bad++
			t.Errorf("item %d differs:\n got %#v\nwant %#v", i, got.Items[i], want.Items[i])
		}
	}
	if !reflect.DeepEqual(got.OriginalLinks, want.OriginalLinks) {
		t.Errorf("original links differ:\n got %v\nwant %v", got.OriginalLinks, want.OriginalLinks)
	}
	return len(got.Items)
}

// Each note is parsed once now, its wikilinks and callouts rewritten on
// that parse: what loads must be what parsing the rewritten note again
// loaded, to the byte.
func TestNotesRewriteLoadsAsReparse(t *testing.T) {
	dir := t.TempDir()
	for name, text := range rewriteNotes {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n := loadBothWays(t, dir); n < 10 {
		t.Errorf("%d items: the notes did not load", n)
	}

	vault := filepath.Join(t.TempDir(), "vault")
	if _, err := searchtest.WriteVault(vault, searchtest.VaultOptions{Seed: 3, Files: 400}); err != nil {
		t.Fatal(err)
	}
	loadBothWays(t, vault)

	if real := os.Getenv("POISE_VAULT_DIR"); real != "" {
		t.Logf("%s: %d items", real, loadBothWays(t, real))
	}
}
