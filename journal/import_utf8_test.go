package journal

import (
	"strings"
	"testing"
)

// JSON decoding quietly turns invalid UTF-8 into U+FFFD, so an import
// would change the user's text where add and the form refuse it. The file
// is refused instead, naming the line, and nothing is added.
func TestImportRefusesInvalidUTF8NamingTheLine(t *testing.T) {
	j, _ := newTestJournal(t)
	doc := "{\"format\":\"poise-journal-export\",\"version\":1,\n\"entries\":[\n{\"what_happened\":\"fine\"},\n{\"what_happened\":\"bad \xff here\",\"tags\":[\"\xc3\"]}\n]}"
	_, err := j.ImportJSON(strings.NewReader(doc))
	if err == nil || !strings.Contains(err.Error(), "line 4") || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("ImportJSON = %v, want an error naming line 4 and UTF-8", err)
	}
	if es, _ := j.Entries(); len(es) != 0 {
		t.Errorf("a refused file added %d entries", len(es))
	}
}

// A broken document says on which line, so the user can find it.
func TestImportSyntaxErrorNamesTheLine(t *testing.T) {
	j, _ := newTestJournal(t)
	for name, doc := range map[string]string{
		"syntax":     "{\"format\":\"poise-journal-export\",\"version\":1,\n\"entries\":[\n{\"what_happened\":\"a\"},\n{\"what_happened\" \"b\"}]}",
		"wrong type": "{\"format\":\"poise-journal-export\",\"version\":1,\n\"entries\":[\n{\"what_happened\":\"a\"},\n{\"what_happened\":5}]}",
	} {
		_, err := j.ImportJSON(strings.NewReader(doc))
		if err == nil || !strings.Contains(err.Error(), "line 4") {
			t.Errorf("%s: ImportJSON = %v, want an error naming line 4", name, err)
		}
	}
}
