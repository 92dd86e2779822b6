package gaps

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestExportIsAnonymised(t *testing.T) {
	log := []Search{
		{Query: "refund late", NoResults: 3, NotUsed: 1, First: "2026-10-28", Last: "2026-11-25"},
		// A log edited by hand (or older) with personal data in it.
		{Query: "card 4111 1111 1111 1111 declined", NoResults: 1, First: "2026-11-02", Last: "2026-11-02"},
		{Query: "card 5555555555554444 declined", NotUsed: 2, First: "2026-11-03", Last: "2026-11-03"},
	}
	e := NewExport(log)
	raw := string(e.JSON())
	if e.From != "2026-W44" || e.To != "2026-W48" {
		t.Errorf("period %s to %s, want 2026-W44 to 2026-W48", e.From, e.To)
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(raw) || strings.Contains(raw, "4111") || strings.Contains(raw, "4444") {
		t.Errorf("the export holds a day or a card number:\n%s", raw)
	}
	got := fmt.Sprint(e.Searches)
	if want := "[{refund late 3 1} {card [card] declined 1 2}]"; got != want {
		t.Errorf("searches = %s, want %s (the two cards masked to one query)", got, want)
	}
	back, err := ParseExport("me.json", []byte(raw))
	if err != nil || fmt.Sprint(back) != fmt.Sprint(e) {
		t.Errorf("the export does not read back: %v\n%+v", err, back)
	}
}

func TestMerge(t *testing.T) {
	ana := NewExport([]Search{
		{Query: "refund late", NoResults: 2, First: "2026-11-02", Last: "2026-11-20"},
		{Query: "warranty abroad", NotUsed: 1, First: "2026-11-10", Last: "2026-11-10"},
	}).JSON()
	ben := NewExport([]Search{{Query: "warranty abroad", NoResults: 4, First: "2026-11-23", Last: "2026-11-24"}}).JSON()
	cal := NewExport([]Search{{Query: "Warranty  ABROAD", NoResults: 1, First: "2026-10-01", Last: "2026-10-01"}}).JSON()
	m, err := Merge([]string{"ana.json", "ben.json", "cal.json", "ana-again.json"}, [][]byte{ana, ben, cal, ana})
	if err != nil {
		t.Fatal(err)
	}
	if m.Files != 3 || fmt.Sprint(m.Duplicates) != "[ana-again.json]" || m.From != "2026-W40" || m.To != "2026-W48" {
		t.Errorf("merged %d files, duplicates %v, %s to %s", m.Files, m.Duplicates, m.From, m.To)
	}
	if got, want := fmt.Sprint(m.Gaps), "[{warranty abroad 3 5 1} {refund late 1 2 0}]"; got != want {
		t.Errorf("gaps = %s, want %s", got, want)
	}
}

// TestParseExportRefusesHostileFiles: a file from anyone is read strictly,
// and the error names the file and the line.
func TestParseExportRefusesHostileFiles(t *testing.T) {
	head := `{"format": "poise-gaps-export", "version": 1, "from": "2026-W44", "to": "2026-W48",` + "\n"
	entry := func(q string) string {
		b, _ := json.Marshal(q)
		return fmt.Sprintf(`{"query": %s, "no_results": 1, "not_used": 0}`, b)
	}
	many := make([]string, MaxSearches+1)
	for i := range many {
		many[i] = entry(fmt.Sprintf("q%d", i))
	}
	tests := []struct {
		name, data, says string
	}{
		{"too big", head + `"searches": [` + strings.Repeat(" ", MaxFileSize) + "]}", "more than the"},
		{"not JSON", "refund late\n", "x.json:1: not valid JSON"},
		{"cut short", head + `"searches": [`, "x.json:2: the file ends too early"},
		{"trailing data", head + `"searches": []}` + "\n{}", "x.json:3: there is more after the end"},
		{"unknown key", head + `"user": "ana", "searches": []}`, `x.json:2: unknown key "user"`},
		{"key twice", head + `"searches": [], "searches": []}`, `x.json:2: "searches" is given twice`},
		{"unknown field in an entry", head + `"searches": [` + "\n" + `{"query": "a b c", "no_results": 1, "not_used": 0, "who": "ana"}]}`, `x.json:3: json: unknown field "who"`},
		{"escape sequence", head + `"searches": [` + "\n" + entry("late\x1b[2J refund") + "]}", "x.json:3: query \"late\\x1b[2J refund\" holds a control character"},
		{"bidi override", head + `"searches": [` + "\n\n" + entry("refund \u202e late") + "]}", "x.json:4: query"},
		{"negative count", head + `"searches": [{"query": "a b c", "no_results": -5, "not_used": 9}]}`, "count -5 is out of range"},
		{"huge count", head + `"searches": [{"query": "a b c", "no_results": 1e30, "not_used": 0}]}`, "no_results has the wrong type"},
		{"no count", head + `"searches": [{"query": "a b c", "no_results": 0, "not_used": 0}]}`, "no count"},
		{"query twice", head + `"searches": [` + entry("abc") + "," + entry("abc") + "]}", `query "abc" is listed twice`},
		{"long query", head + `"searches": [` + entry(strings.Repeat("a", MaxQueryRunes+1)) + "]}", "a query has 1 to 120"},
		{"too many", head + `"searches": [` + strings.Join(many, ",\n") + "]}", "more than 500 searches"},
		{"a log is not an export", `{"format": "poise-gaps-log", "version": 1, "searches": []}`, "make the file with poise gaps export"},
		{"no format", `{"searches": []}`, `x.json:1: no "format"`},
		{"week of day precision", strings.Replace(head, "2026-W44", "2026-11-02", 1) + `"searches": []}`, "not an ISO week"},
		{"a list, not an object", `[1, 2]`, `expected "{"`},
		{"not UTF-8", head + `"searches": [{"query": "caf` + "\xe9" + `", "no_results": 1, "not_used": 0}]}`, "x.json:2: the text is not UTF-8"},
		{"wrong version", `{"format": "poise-gaps-export", "version": 2, "searches": []}`, "version 2 is not one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseExport("x.json", []byte(tt.data))
			if !errors.Is(err, ErrBadFile) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error = %v, want ErrBadFile saying %q", err, tt.says)
			}
			if _, err := Merge([]string{"x.json"}, [][]byte{[]byte(tt.data)}); !errors.Is(err, ErrBadFile) {
				t.Errorf("Merge took it: %v", err)
			}
		})
	}
}

func FuzzParseExport(f *testing.F) {
	f.Add(string(NewExport([]Search{{Query: "refund late", NoResults: 2, First: "2026-11-02", Last: "2026-11-20"}}).JSON()))
	f.Add(`{"format": "poise-gaps-export", "version": 1, "searches": [{"query": "a\u001bb", "no_results": 1, "not_used": 0}]}`)
	f.Add(`{"format": "poise-gaps-export", "searches": [{}], "searches": 1}`)
	f.Fuzz(func(t *testing.T, data string) {
		e, err := ParseExport("f.json", []byte(data))
		if err != nil {
			if !errors.Is(err, ErrBadFile) || !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("error %v does not name the file or wrap ErrBadFile", err)
			}
			return
		}
		if len(e.Searches) > MaxSearches {
			t.Fatalf("kept %d searches", len(e.Searches))
		}
		for _, s := range e.Searches {
			if strings.ContainsFunc(s.Query, unsafeRune) || s.NoResults < 0 || s.NotUsed < 0 {
				t.Fatalf("kept %+v", s)
			}
		}
		if _, err := ParseExport("again.json", e.JSON()); err != nil {
			t.Fatalf("an accepted export does not read back once written: %v", err)
		}
	})
}

func FuzzParseLog(f *testing.F) {
	f.Add(`{"format": "poise-gaps-log", "version": 1, "searches": [{"query": "refund late", "no_results": 1, "not_used": 0, "first": "2026-11-02", "last": "2026-11-02"}]}`)
	f.Add(`{"format": "poise-gaps-log", "version": 1, "searches": [{"query": "x", "no_results": 1, "not_used": 0, "first": "2026-02-30", "last": ""}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		l, err := parseLog("gaps.json", []byte(data))
		if err != nil {
			if !errors.Is(err, ErrBadFile) {
				t.Fatalf("error %v does not wrap ErrBadFile", err)
			}
			return
		}
		for _, s := range l.Searches {
			if checkQuery(s.Query) != nil || checkDay("first", s.First) != nil || s.Count() <= 0 {
				t.Fatalf("kept %+v", s)
			}
		}
	})
}
