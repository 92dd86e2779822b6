package journal

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImportJSON feeds hostile export documents to the import: it never
// panics, and whatever it takes in is a valid entry with an id Poise makes,
// dated, and exported under a name that stays in its folder.
func FuzzImportJSON(f *testing.F) {
	f.Add(importDoc(`{"id":"/../../escaped","what_happened":"x","tags":["a"]}`))
	f.Add(importDoc(`{"what_happened":"x","emotions":["\u001b[2J"],"updated":"2020-01-01T00:00:00Z"}`))
	f.Add(importDoc(`{"id":"abcdefghijk2","what_happened":"y","when":"0001-01-01T00:00:00Z"}`))
	f.Add(`{"format":"poise-journal-export","version":1,"entries":null}`)
	j, _ := newTestJournal(f)
	f.Fuzz(func(t *testing.T, doc string) {
		if _, err := j.ImportJSON(strings.NewReader(doc)); err != nil {
			return
		}
		es, err := j.Entries()
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, e := range es {
			if !wellFormedID(e.ID) || e.Validate() != nil || e.When.IsZero() || e.Created.IsZero() || e.Updated.Before(e.Created) {
				t.Fatalf("imported %+v", e)
			}
			if name := exportName(e, used); !filepath.IsLocal(name) || filepath.Base(name) != name {
				t.Fatalf("export name %q", name)
			}
		}
	})
}

// FuzzVocabulary checks that the parsers only ever answer with a word of
// their vocabulary.
func FuzzVocabulary(f *testing.F) {
	for _, s := range []string{"delay", "Repeat contact", "follow up pending", "in 3 days", "1w", "moon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tr, err := ParseTrigger(s); err == nil && (Entry{WhatHappened: "x", Triggers: []Trigger{tr}}).Validate() != nil {
			t.Fatalf("ParseTrigger(%q) = %q", s, tr)
		}
		if o, err := ParseOutcome(s); err == nil && (Entry{WhatHappened: "x", Outcome: o}).Validate() != nil {
			t.Fatalf("ParseOutcome(%q) = %q", s, o)
		}
		if c, err := ParseChannel(s); err == nil && (Entry{WhatHappened: "x", Channel: c}).Validate() != nil {
			t.Fatalf("ParseChannel(%q) = %q", s, c)
		}
		if p, ok := ParseFollowUpPreset(s); ok && p <= 0 {
			t.Fatalf("ParseFollowUpPreset(%q) = %v", s, p)
		}
	})
}
