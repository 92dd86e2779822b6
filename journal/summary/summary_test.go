package summary

import (
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/mdhtml"
	"github.com/poisehq/poise/journal"
)

var nov2026 = Month{2026, time.November}

func book(es []journal.Entry) *Book {
	return New(es, Options{Now: at(2026, time.December, 1, 9), Location: time.UTC})
}

func headlineText(s *Summary) string {
	var b strings.Builder
	for _, h := range s.Headlines {
		b.WriteString(h.Text + "\n")
	}
	return b.String()
}

func TestPlantedPatterns(t *testing.T) {
	s := book(plantedJournal()).Month(nov2026)
	heads := headlineText(s)
	t.Logf("headlines:\n%s", heads)

	t.Run("trigger that doubles", func(t *testing.T) {
		if !strings.Contains(heads, "Billing doubled since October: 30 calls, up from 15.") {
			t.Errorf("no billing headline in\n%s", heads)
		}
		if s.Triggers[0].Name == "" {
			t.Fatal("no triggers")
		}
	})
	t.Run("tried item that always resolves", func(t *testing.T) {
		w := findWorks(t, s, itemPaymentPlan)
		if w.Rate != (Rate{6, 6}) || w.Verdict != VerdictBetter {
			t.Errorf("payment plan = %+v, want 6 of 6, better", w)
		}
		if !strings.Contains(heads, "Payment plan ended well in 6 of the 6 calls where you used it") {
			t.Errorf("no payment-plan headline in\n%s", heads)
		}
	})
	t.Run("stress drop after one technique", func(t *testing.T) {
		d := s.Stress.Drops[0]
		if d.Name != itemPause || d.Uses != 5 || d.Mean != 4 || !d.Judged {
			t.Errorf("largest drop = %+v, want the pause, 5 uses, 4 points", d)
		}
		if !strings.Contains(heads, "after calls where you used staying calm: the five second pause (5 calls)") {
			t.Errorf("no stress headline in\n%s", heads)
		}
	})
	t.Run("Monday mornings", func(t *testing.T) {
		p := s.Timing.Peak
		if p == nil || p.Weekday != time.Monday || p.Part != "morning" || p.Hard != 8 {
			t.Fatalf("peak = %+v, want 8 hard calls on Monday morning", p)
		}
		if !strings.Contains(heads, "Hard calls cluster on Monday mornings: 8 of your") {
			t.Errorf("no timing headline in\n%s", heads)
		}
	})
	t.Run("too few to judge", func(t *testing.T) {
		w := findWorks(t, s, tagCallback)
		if w.Rate != (Rate{2, 2}) || w.Verdict != VerdictTooFew {
			t.Errorf("callback = %+v, want 2 of 2, too few", w)
		}
		if strings.Contains(heads, "callback") {
			t.Errorf("a headline claims the two-call strategy:\n%s", heads)
		}
		if !strings.Contains(s.Markdown(), "| \\#callback-offer | 2 of 2 | too few to tell |") {
			t.Errorf("markdown does not show the small numbers as such:\n%s", s.Markdown())
		}
	})
}

// TestNoPatternsNoClaims guards against headlines the numbers do not
// support: an ordinary month says how many calls there were, and no more.
func TestNoPatternsNoClaims(t *testing.T) {
	var es []journal.Entry
	for i := range 4 {
		m := Month{2026, time.August}.Add(i)
		es = append(es, background(m.Year, m.Month, nil)...)
	}
	s := book(es).Month(nov2026)
	if len(s.Headlines) != 1 || !strings.HasPrefix(s.Headlines[0].Text, "You logged 40 calls in November;") {
		t.Errorf("headlines = %q, want only the count", headlineText(s))
	}
	if s.Timing.Peak != nil {
		t.Errorf("peak = %+v in a month without one", s.Timing.Peak)
	}
}

func findWorks(t *testing.T, s *Summary, name string) Works {
	t.Helper()
	for _, w := range s.WhatWorks {
		if w.Name == name {
			return w
		}
	}
	t.Fatalf("%s not in what works: %+v", name, s.WhatWorks)
	return Works{}
}

func TestEdgeMonths(t *testing.T) {
	one := journal.Entry{ID: "a", When: at(2026, time.November, 4, 10), WhatHappened: "x", Triggers: []journal.Trigger{journal.TriggerDelay}}
	noWhen := journal.Entry{ID: "b", Created: at(2026, time.November, 5, 22), WhatHappened: "y"}
	undated := journal.Entry{ID: "c", WhatHappened: "z"}
	tests := []struct {
		name    string
		es      []journal.Entry
		month   Month
		heads   []string
		notes   []string
		entries int
	}{
		{"empty month", []journal.Entry{one}, Month{2026, time.March}, []string{"No entries in March 2026."}, nil, 0},
		{"one entry, no scales", []journal.Entry{one}, nov2026,
			[]string{"One entry in November 2026: too few to see patterns yet."},
			[]string{"No difficulty, stress, outcome or satisfaction was recorded this month, so only counts are shown."}, 1},
		{"entries without When", []journal.Entry{one, noWhen, undated}, nov2026,
			[]string{"You logged 2 calls in November."},
			[]string{"1 entry has no date at all, so it is in no month.",
				"1 entry has no call time, so it is counted in the month it was written and left out of the weekday and hour grid.",
				"No difficulty, stress, outcome or satisfaction was recorded this month, so only counts are shown."}, 2},
		{"future month", []journal.Entry{one}, Month{2027, time.January},
			[]string{"January 2027 has not happened yet, so there is nothing to summarise."}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := book(tt.es).Month(tt.month)
			var heads []string
			for _, h := range s.Headlines {
				heads = append(heads, h.Text)
			}
			if strings.Join(heads, "\n") != strings.Join(tt.heads, "\n") {
				t.Errorf("headlines = %q, want %q", heads, tt.heads)
			}
			if strings.Join(s.Notes, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes = %q, want %q", s.Notes, tt.notes)
			}
			if s.Entries != tt.entries {
				t.Errorf("entries = %d, want %d", s.Entries, tt.entries)
			}
			md := s.Markdown()
			if !strings.Contains(md, tt.heads[0]) {
				t.Errorf("markdown lacks the headline:\n%s", md)
			}
		})
	}
	t.Run("ten-year journal", func(t *testing.T) {
		b := New(tenYearJournal(), Options{Now: at(2026, time.December, 1, 9), Location: time.UTC})
		if n := len(b.Months()); n != 120 {
			t.Errorf("%d months, want 120", n)
		}
		s := b.Month(Month{2026, time.June})
		if len(s.Stress.Trend) != 12 || s.Stress.Trend[0].Month != "2025-07" || s.Stress.Trend[11].Month != "2026-06" {
			t.Errorf("trend = %+v, want the 12 months to June 2026", s.Stress.Trend)
		}
		if s.Entries < 20 || len(s.WhatWorks) > maxListed || len(s.Emotions) > maxListed {
			t.Errorf("entries %d, %d works, %d emotions", s.Entries, len(s.WhatWorks), len(s.Emotions))
		}
		for _, h := range s.Headlines {
			if strings.Contains(h.Text, "doubled") || strings.Contains(h.Text, "ended well in") {
				t.Errorf("random journal claims a pattern: %q", h.Text)
			}
		}
	})
}

func TestParseMonth(t *testing.T) {
	for _, s := range []string{"2026-13", "2026-00", "last week", "2026-1", "26-11", "", "0999-01"} {
		if _, err := ParseMonth(s); err == nil {
			t.Errorf("ParseMonth(%q) accepted", s)
		}
	}
	m, err := ParseMonth("2026-02")
	if err != nil || m != (Month{2026, time.February}) || m.Add(-2).String() != "2025-12" || m.Add(11).String() != "2027-01" {
		t.Errorf("ParseMonth(2026-02) = %v, %v", m, err)
	}
}

func TestYear(t *testing.T) {
	y := book(plantedJournal()).Year(2026)
	if len(y.Months) != 12 || y.Months[10].Entries != 40+30+5+8+2 || y.Months[11].Future || !book(nil).Year(2027).Months[0].Future {
		t.Fatalf("year months = %+v", y.Months)
	}
	if y.Triggers[0].Name == "" || y.Triggers[0].Total == 0 {
		t.Errorf("year triggers = %+v", y.Triggers)
	}
	if md := y.Markdown(); !strings.Contains(md, "| Calls | 55 | 55 |") {
		t.Errorf("year markdown:\n%s", md)
	}
}

func TestGoalFromLastReview(t *testing.T) {
	reviews := []journal.Review{
		{Month: "2026-10", Goal: "Pause before quoting policy"},
		{Month: "2026-11", LastGoal: journal.GoalPartly},
	}
	b := New(plantedJournal(), Options{Now: at(2026, time.December, 1, 9), Location: time.UTC, Reviews: reviews})
	s := b.Month(nov2026)
	if s.Goal == nil || s.Goal.Text != "Pause before quoting policy" || s.Goal.Result != "partly" {
		t.Fatalf("goal = %+v", s.Goal)
	}
	if !strings.Contains(headlineText(s), "Your goal for November was “Pause before quoting policy”; you said: partly.") {
		t.Errorf("headlines:\n%s", headlineText(s))
	}
	if g := b.Month(Month{2026, time.December}).Goal; g != nil {
		t.Errorf("December has goal %+v, though November's review set none", g)
	}
}

func TestHostileTextIsInert(t *testing.T) {
	e := journal.Entry{ID: "x", When: at(2026, time.November, 3, 10), WhatHappened: "x",
		Emotions: []string{"\x1b[2J| evil <script>"}, Takeaway: "line\nbreak \x1b]0;title\x07 [link](javascript:alert(1))"}
	s := book([]journal.Entry{e}).Month(nov2026)
	md := s.Markdown()
	if strings.ContainsAny(md, "\x1b\x07") {
		t.Errorf("control characters reach the output: %q", md)
	}
	h, err := mdhtml.Page(s.Label, md)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(h), "<script>") || strings.Contains(string(h), `href="javascript`) {
		t.Errorf("html carries live markup:\n%s", h)
	}
}
