package summary

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/journal"
)

func TestWordsThatStandOut(t *testing.T) {
	var es []journal.Entry
	for i := range 4 {
		m := Month{2026, time.August}.Add(i)
		es = append(es, background(m.Year, m.Month, nil)...)
	}
	for i := range 6 {
		es = append(es, journal.Entry{ID: "cb" + string(rune('a'+i)), When: at(2026, time.November, 3+i, 10),
			WhatHappened: "Another Chargeback dispute; the bank reversed it."})
	}
	s := book(es).Month(nov2026)
	if len(s.Words) == 0 || s.Words[0].Entries != 6 || !strings.Contains(s.Words[0].Text, "chargeback") {
		t.Fatalf("words = %+v, want the chargeback phrase first", s.Words)
	}
	for _, w := range s.Words {
		if strings.Contains(w.Text, "order") || strings.Contains(w.Text, "customer") {
			t.Errorf("%q stands out, but every month uses it", w.Text)
		}
	}
	for _, h := range s.Headlines {
		if strings.Contains(h.Text, "chargeback") && !h.Private {
			t.Errorf("a headline quoting free text is not marked private: %q", h.Text)
		}
	}
}

func TestAnonymiseKeepsNoFreeText(t *testing.T) {
	es := plantedJournal()
	es = append(es, journal.Entry{ID: "secret", When: at(2026, time.November, 20, 10), WhatHappened: "Mrs Smith was upset",
		Emotions: []string{"furious-smith"}, Tags: []string{"smith-account"}, Takeaway: "Call jane@example.com back on 0161 496 0000"})
	b := New(es, Options{Now: at(2026, time.December, 1, 9), Location: time.UTC,
		Reviews: []journal.Review{{Month: "2026-10", Goal: "My private goal"}}})
	s := b.Month(nov2026)
	out, err := s.Anonymise(nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Smith", "smith", "jane", "0161", "private goal", "callback-offer"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("export holds %q:\n%s", secret, out)
		}
	}
	picked := -1
	for i, tk := range s.Takeaways {
		if strings.Contains(tk.Text, "jane") {
			picked = i
		}
	}
	x := s.Anonymise([]int{picked, 99, -1})
	if len(x.Takeaways) != 1 || strings.Contains(x.Takeaways[0], "jane@") || strings.Contains(x.Takeaways[0], "496 0000") {
		t.Errorf("picked takeaway not masked: %q", x.Takeaways)
	}
	if !strings.Contains(x.Markdown(), mdText(x.Takeaways[0])) {
		t.Errorf("the preview does not show what will be written")
	}
	if _, err := ParseExport(out); err != nil {
		t.Errorf("an export does not read back: %v", err)
	}
}

func TestMergeThreeExports(t *testing.T) {
	var xs []Export
	for agent := range 3 {
		b := New(plantedJournal(), Options{Now: at(2026, time.December, 1, 9), Location: time.UTC, Title: plantedTitles})
		s := b.Month(nov2026)
		if agent == 2 {
			s = b.Month(Month{2026, time.October})
		}
		data, err := s.Anonymise(nil).JSON()
		if err != nil {
			t.Fatal(err)
		}
		x, err := ParseExport(data)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	team := Merge(xs)
	golden(t, "team.md", []byte(team.Markdown()))
	if team.Agents != 3 || team.Entries != 85+85+55 {
		t.Errorf("team = %d agents, %d entries", team.Agents, team.Entries)
	}
	if team.Triggers[0].Name != "billing" || team.Triggers[0].Count != 75 || team.Triggers[0].Agents != 3 {
		t.Errorf("top trigger = %+v, want billing 75 calls, 3 people", team.Triggers[0])
	}
	w := team.WhatWorks[0]
	if w.Name != itemPaymentPlan || w.Rate != (Rate{12, 12}) || w.Agents != 2 || w.Verdict != VerdictBetter {
		t.Errorf("what works = %+v", w)
	}
	if !strings.Contains(strings.Join(team.Headlines, "\n"), "works across people: it ended well in 12 of 12 calls for 2 people") {
		t.Errorf("headlines = %q", team.Headlines)
	}
}

func TestParseExportRejects(t *testing.T) {
	good, _ := book(plantedJournal()).Month(nov2026).Anonymise(nil).JSON()
	var base map[string]any
	json.Unmarshal(good, &base)
	tests := []struct {
		name string
		edit func(m map[string]any)
	}{
		{"other format", func(m map[string]any) { m["format"] = "poise-journal-entry" }},
		{"newer version", func(m map[string]any) { m["version"] = 9 }},
		{"bad month", func(m map[string]any) { m["month"] = "2026-13" }},
		{"negative count", func(m map[string]any) { m["entries"] = -1 }},
		{"no agents", func(m map[string]any) { m["agents"] = 0 }},
		{"unknown trigger", func(m map[string]any) {
			m["triggers"] = []any{map[string]any{"name": "\x1b[31mhack", "count": 1}}
		}},
		{"more successes than uses", func(m map[string]any) {
			m["what_works"] = []any{map[string]any{"name": "x", "rate": map[string]any{"successes": 5, "of": 1}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]any{}
			json.Unmarshal(good, &m)
			tt.edit(m)
			data, _ := json.Marshal(m)
			if _, err := ParseExport(data); !errors.Is(err, ErrBadExport) {
				t.Errorf("ParseExport = %v, want ErrBadExport", err)
			}
		})
	}
	if _, err := ParseExport([]byte(strings.Repeat(" ", MaxExportBytes+1))); !errors.Is(err, ErrBadExport) {
		t.Errorf("a huge file is accepted: %v", err)
	}
}

func FuzzParseExport(f *testing.F) {
	good, _ := book(plantedJournal()).Month(nov2026).Anonymise(nil).JSON()
	f.Add(good)
	f.Add([]byte(`{"format":"poise-summary-export","version":1,"month":"2026-01","agents":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := ParseExport(data)
		if err != nil {
			return
		}
		team := Merge([]Export{x, x})
		want := 2 * x.Agents
		if x.ID != "" {
			want = x.Agents // the same export twice counts once
		}
		if team.Agents != want {
			t.Fatalf("merge of the export twice: %d agents, want %d", team.Agents, want)
		}
		team.Markdown()
		x.Markdown()
	})
}

// A tried item the library does not know is the agent's own typing (the
// CLI takes any id), so it must stay out of an export, headlines included.
func TestAnonymiseLeavesOutItemsTheLibraryDoesNotKnow(t *testing.T) {
	es := plantedJournal()
	for i := range 5 {
		es = append(es, journal.Entry{ID: fmt.Sprintf("typed%d", i), When: at(2026, time.November, 20+i, 10), WhatHappened: "x",
			TriedItems: []string{"jane.roe@example.com", "call-back-4111111111111111"}, Outcome: journal.OutcomeResolved,
			StressBefore: 5, StressAfter: 1})
	}
	s := New(es, Options{Now: at(2026, time.December, 1, 9), Location: time.UTC, Title: plantedTitles}).Month(nov2026)
	out, err := s.Anonymise(nil).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"jane", "4111"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("export holds %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(string(out), itemPaymentPlan) {
		t.Errorf("export lost the known item %s:\n%s", itemPaymentPlan, out)
	}
}

// plantedTitles is a library that knows the planted journal's items.
func plantedTitles(id string) string {
	if id == itemPaymentPlan || id == itemPause {
		return ItemLabel(id)
	}
	return ""
}

// A lead who merges the same file twice (a forwarded copy, a glob that
// matches it twice) must not see that agent's calls counted twice; two
// exports with equal figures from two people are still two.
func TestMergeCountsOneExportOnce(t *testing.T) {
	s := book(plantedJournal()).Month(nov2026)
	a, _ := s.Anonymise(nil).JSON()
	b, _ := s.Anonymise(nil).JSON()
	var xs []Export
	for _, data := range [][]byte{a, a, b} {
		x, err := ParseExport(data)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	team := Merge(xs)
	if team.Agents != 2 || team.Entries != 85+85 || team.Duplicates != 1 {
		t.Errorf("merge of a, a, b = %d agents, %d entries, %d duplicates; want 2, 170, 1", team.Agents, team.Entries, team.Duplicates)
	}
	if !strings.Contains(team.Markdown(), "1 export was given twice") {
		t.Errorf("team markdown does not say a duplicate was left out:\n%s", team.Markdown())
	}
	bad := strings.Replace(string(a), `"id": "`, `"id": "../`, 1)
	if _, err := ParseExport([]byte(bad)); !errors.Is(err, ErrBadExport) {
		t.Errorf("an export id with a path in it = %v, want ErrBadExport", err)
	}
}
