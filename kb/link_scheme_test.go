package kb_test

import (
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestLintRefusesLinksTheAppWillNotOpen: the app opens only http and https
// and mailto links (a pack is untrusted text), so lint must not pass a
// javascript: or file: link, nor a scheme-relative one, that the app refuses.
func TestLintRefusesLinksTheAppWillNotOpen(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml": manifest,
		"guides/a.md": "---\ntitle: A\n---\n[x](javascript:alert(1))\n[y](FILE:///etc/passwd)\n" +
			"[z](mailto:a@example.com)\n[w](//example.com/a)\n[ok](https://example.com/a)\n[ok2](HTTP://example.com)\n",
	})
	checkProblems(t, dir, []want{
		{"guides/a.md", 4, "javascript:"},
		{"guides/a.md", 5, "file:"},
		{"guides/a.md", 7, "starts with //"},
	})
	for scheme, opens := range map[string]bool{"http": true, "HTTPS": true, "mailto": true, "javascript": false, "file": false, "": false} {
		if kb.LinkOpens(scheme) != opens {
			t.Errorf("LinkOpens(%q) = %v, want %v", scheme, !opens, opens)
		}
	}
}
