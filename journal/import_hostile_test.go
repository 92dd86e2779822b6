package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// importDoc is an export document holding the given entries as raw JSON.
func importDoc(entries ...string) string {
	return `{"format":"poise-journal-export","version":1,"entries":[` + strings.Join(entries, ",") + `]}`
}

// An id from an imported file never reaches a file name: ids that Save
// would not make get a new one, and the markdown export stays inside its
// folder whatever the id (issue 9, item 3).
func TestImportedIDsCannotEscapeTheExportFolder(t *testing.T) {
	j, _ := newTestJournal(t)
	doc := importDoc(
		`{"id":"/../../escaped","what_happened":"secret one"}`,
		`{"id":"..","what_happened":"secret two"}`,
		`{"id":"abcdefghijk2","what_happened":"kept id"}`,
	)
	res, err := j.ImportJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 3 || len(res.Renamed) != 2 || res.Renamed[0].From != "/../../escaped" || !wellFormedID(res.Renamed[0].To) {
		t.Errorf("import = %+v, want 3 added and the two odd ids renamed", res)
	}
	if _, err := j.Entry("abcdefghijk2"); err != nil {
		t.Errorf("a well-formed id was not kept: %v", err)
	}
	root := t.TempDir()
	out := filepath.Join(root, "a", "b", "out")
	if n, err := j.ExportMarkdown(out); err != nil || n != 3 {
		t.Fatalf("ExportMarkdown = %d, %v", n, err)
	}
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		if filepath.Dir(f) != out {
			t.Errorf("export wrote %s, outside %s", f, out)
		}
	}
	if len(files) != 3 {
		t.Errorf("export wrote %d files, want 3: %v", len(files), files)
	}
}

func TestExportNamesAreSafeForAnyID(t *testing.T) {
	used := map[string]bool{}
	for _, id := range []string{"/../../x", "..", "", "a/b", "ab\x00c", "ÄÖ", strings.Repeat("z", 500), "abc", "a-b-c"} {
		name := exportName(Entry{ID: id, When: fixedNow}, used)
		if !filepath.IsLocal(name) || strings.ContainsAny(name, "/\\\x00") || filepath.Base(name) != name || len(name) > 64 {
			t.Errorf("exportName(%q) = %q", id, name)
		}
	}
	if len(used) != 9 {
		t.Errorf("names are not unique: %v", used)
	}
}

// Save does not take a made-up id for a new entry either.
func TestSaveRefusesAnIDItWouldNotMake(t *testing.T) {
	j, _ := newTestJournal(t)
	e := fullEntry()
	e.ID = "../../x"
	_, err := j.Save(e)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "id" || !errors.Is(err, ErrInvalid) {
		t.Errorf("Save: err = %v, want a ValidationError on id", err)
	}
}

// Every field is bounded, not only the text fields (item 5), on save and
// on import, and the error names the field.
func TestEveryFieldIsBounded(t *testing.T) {
	big := strings.Repeat("x", 2<<20) // a 50 MB tag is refused the same way, only slower
	many := make([]string, MaxListLen+1)
	for i := range many {
		many[i] = "t" + strings.Repeat("y", i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	tests := []struct {
		name, field string
		edit        func(*Entry)
	}{
		{"a 2 MB tag", "tags", func(e *Entry) { e.Tags = []string{big} }},
		{"a long emotion", "emotions", func(e *Entry) { e.Emotions = []string{strings.Repeat("a", MaxWordLen+1)} }},
		{"a long tried item", "tried_items", func(e *Entry) { e.TriedItems = []string{strings.Repeat("a", MaxItemIDLen+1)} }},
		{"too many tags", "tags", func(e *Entry) { e.Tags = many }},
		{"too many emotions", "emotions", func(e *Entry) { e.Emotions = many }},
		{"too many tried items", "tried_items", func(e *Entry) { e.TriedItems = many }},
		{"a long text", "takeaway", func(e *Entry) { e.Takeaway = strings.Repeat("a", MaxTextLen+1) }},
		{"too much in all", "what_happened", func(e *Entry) {
			s := strings.Repeat("a", MaxTextLen)
			e.WhatHappened, e.WhatITried, e.WhatWorked, e.WhatDidnt, e.Takeaway = s, s, s, s, s
		}},
	}
	j, _ := newTestJournal(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fullEntry()
			tt.edit(&e)
			_, err := j.Save(e)
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != tt.field {
				t.Errorf("Save: err = %v, want a ValidationError on %s", err, tt.field)
			}
			if _, err := j.SaveDraft(Draft{Entry: e}); !errors.Is(err, ErrInvalid) {
				t.Errorf("SaveDraft: err = %v, want ErrInvalid", err)
			}
			doc, _ := json.Marshal(exportFile{Format: formatExport, Version: 1, Entries: []Entry{e}})
			if _, err := j.ImportJSON(bytes.NewReader(doc)); !errors.Is(err, ErrInvalid) {
				t.Errorf("ImportJSON: err = %v, want ErrInvalid", err)
			}
		})
	}
	if es, _ := j.Entries(); len(es) != 0 {
		t.Errorf("%d oversized entries were saved", len(es))
	}
}

// Imported one-line values cannot carry terminal escapes, line breaks or
// NUL bytes, and invalid UTF-8 is refused in tags as in text (item 8).
func TestControlCharactersAreRefused(t *testing.T) {
	j, _ := newTestJournal(t)
	for _, doc := range []string{
		importDoc(`{"what_happened":"x","tags":["ok\nforged row"]}`),
		importDoc(`{"what_happened":"x","emotions":["\u001b[31mred"]}`),
		importDoc(`{"what_happened":"x","tried_items":["a\u0000b"]}`),
		importDoc(`{"what_happened":"x","tags":["\u202egnp.exe"]}`),
		importDoc(`{"what_happened":"\u001b]0;title\u0007x"}`),
		importDoc(`{"what_happened":"x","takeaway":"a\u009bb"}`),
	} {
		if _, err := j.ImportJSON(strings.NewReader(doc)); !errors.Is(err, ErrInvalid) {
			t.Errorf("import %s: err = %v, want ErrInvalid", doc, err)
		}
	}
	e := fullEntry()
	e.Tags = []string{"bad \xff utf-8"}
	if _, err := j.Save(e); !errors.Is(err, ErrInvalid) {
		t.Errorf("Save with invalid UTF-8 in a tag: err = %v, want ErrInvalid", err)
	}
	// Line breaks and tabs in text are fine; a carriage return becomes a
	// line break, so it cannot overwrite a line on a terminal.
	e = fullEntry()
	e.WhatHappened = "first\r\nsecond\rthird\twith a tab"
	saved, err := j.Save(e)
	if err != nil || saved.WhatHappened != "first\nsecond\nthird\twith a tab" {
		t.Errorf("Save = %q, %v", saved.WhatHappened, err)
	}
}

// Imported entries without dates get sensible ones (item 9).
func TestImportFillsMissingDates(t *testing.T) {
	older := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	when := time.Date(2024, 2, 28, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name, doc              string
		wantWhen, wantC, wantU time.Time
	}{
		{"no dates", `{"what_happened":"x"}`, fixedNow, fixedNow, fixedNow},
		{"only updated", `{"what_happened":"x","updated":"2024-03-01T10:00:00Z"}`, older, older, older},
		{"only when", `{"what_happened":"x","when":"2024-02-28T09:00:00Z"}`, when, when, when},
		{"updated before created", `{"what_happened":"x","created":"2024-03-01T10:00:00Z","updated":"2024-02-28T09:00:00Z"}`, older, older, older},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := newTestJournal(t)
			if _, err := j.ImportJSON(strings.NewReader(importDoc(tt.doc))); err != nil {
				t.Fatal(err)
			}
			es, _ := j.Entries()
			if len(es) != 1 {
				t.Fatalf("%d entries", len(es))
			}
			e := es[0]
			if !e.When.Equal(tt.wantWhen) || !e.Created.Equal(tt.wantC) || !e.Updated.Equal(tt.wantU) {
				t.Errorf("when %v, created %v, updated %v; want %v, %v, %v", e.When, e.Created, e.Updated, tt.wantWhen, tt.wantC, tt.wantU)
			}
		})
	}
}
