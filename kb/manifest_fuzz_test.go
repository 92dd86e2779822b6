package kb_test

import (
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

// FuzzManifest loads a pack whose pack.toml is the input, checking the
// manifest parser never panics, reports problems with a line inside the
// file, and only ever keeps a locale it could read.
func FuzzManifest(f *testing.F) {
	for _, s := range []string{
		"id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlocale = \"en-US\"\n",
		"id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlanguage = \"de\"\nlocale = \"en_GB\"\n",
		"locale = \"x-\"\nlocale = 3\n",
		"id = \"a\nlocale = [\"en\"]\n",
		"reviewed = 2026-13-40\noverrides = [1]\nmin_poise = \"v\"\n",
		"reviewed = 2026-05-01\nreview_every = \"6 months\"\n",
		"review_every = \"99999 years\"\nreview_every = 3\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, toml string) {
		p, err := kb.LoadFS(fstest.MapFS{
			"pack.toml":   {Data: []byte(toml)},
			"guides/a.md": {Data: []byte("---\ntitle: A\n---\nText.\n")},
		}, kb.LoadOptions{})
		if p == nil {
			t.Fatalf("no pack for %q: %v", toml, err)
		}
		if loc := p.Manifest.Locale; loc != "" && (len(loc) < 4 || loc[len(loc)-3] != '-' && loc[len(loc)-4] != '-') {
			t.Errorf("kept locale %q, which is not language-REGION", loc)
		}
	})
}
