package kb_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/poisehq/poise/kb"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want kb.Period
		err  string
	}{
		{"6 months", kb.Period{Count: 6, Unit: kb.Months}, ""},
		{"1 year", kb.Period{Count: 1, Unit: kb.Years}, ""},
		{" 2  Weeks ", kb.Period{Count: 2, Unit: kb.Weeks}, ""},
		{"90 days", kb.Period{Count: 90, Unit: kb.Days}, ""},
		{"6", kb.Period{}, "write a number and a unit"},
		{"six months", kb.Period{}, "whole number"},
		{"0 days", kb.Period{}, "whole number of 1 or more"},
		{"-3 weeks", kb.Period{}, "whole number"},
		{"6 moons", kb.Period{}, "use days, weeks, months or years"},
		{"11 years", kb.Period{}, "longer than 10 years"},
		{"99999999999999999999 days", kb.Period{}, "whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := kb.ParsePeriod(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParsePeriod(%q) error = %v, want one saying %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if again, _ := kb.ParsePeriod(got.String()); again != got {
				t.Errorf("String() %q does not parse back to %v", got.String(), got)
			}
		})
	}
}

func TestDueForReview(t *testing.T) {
	today := day("2026-12-01")
	tests := []struct {
		name       string
		item, pack kb.Review
		due, never bool
		dueOn      string
	}{
		{"never reviewed", kb.Review{}, kb.Review{}, false, true, ""},
		{"pack default is a year", kb.Review{}, kb.Review{Reviewed: day("2025-12-02")}, false, false, "2026-12-02"},
		{"due on the day itself", kb.Review{}, kb.Review{Reviewed: day("2025-12-01")}, true, false, "2026-12-01"},
		{"pack interval", kb.Review{}, kb.Review{Reviewed: day("2026-05-01"), Every: kb.Period{Count: 6, Unit: kb.Months}}, true, false, "2026-11-01"},
		{"item date wins over the pack's", kb.Review{Reviewed: day("2026-11-01")},
			kb.Review{Reviewed: day("2026-01-01"), Every: kb.Period{Count: 6, Unit: kb.Months}}, false, false, "2027-05-01"},
		{"item interval wins over the pack's", kb.Review{Every: kb.Period{Count: 2, Unit: kb.Weeks}},
			kb.Review{Reviewed: day("2026-11-10"), Every: kb.Period{Count: 1, Unit: kb.Years}}, true, false, "2026-11-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := kb.DueForReview(tt.item, tt.pack, today)
			if f.Due != tt.due || f.Never() != tt.never {
				t.Errorf("Due = %v, Never = %v; want %v, %v (%+v)", f.Due, f.Never(), tt.due, tt.never, f)
			}
			if tt.dueOn != "" && !f.DueOn.Equal(day(tt.dueOn)) {
				t.Errorf("DueOn = %s, want %s", f.DueOn.Format(time.DateOnly), tt.dueOn)
			}
		})
	}
	t.Run("today late in the evening in another zone is still that day", func(t *testing.T) {
		late := time.Date(2026, 10, 31, 23, 30, 0, 0, time.FixedZone("UTC-10", -10*3600))
		f := kb.DueForReview(kb.Review{}, kb.Review{Reviewed: day("2026-05-01"), Every: kb.Period{Count: 6, Unit: kb.Months}}, late)
		if f.Due {
			t.Errorf("due on 31 October local time, a day before 1 November")
		}
	})
}

func TestReviewKeysParse(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"bad interval in pack.toml", map[string]string{
			"pack.toml":   manifest + "review_every = \"6 moons\"\n",
			"guides/a.md": "---\ntitle: A\n---\nA.\n",
		}, []want{{"pack.toml", 4, `Review_every "6 moons" has no unit Poise knows`}}},
		{"interval that is not text in pack.toml", map[string]string{
			"pack.toml":   manifest + "reviewed = 2026-05-01\nreview_every = 6\n",
			"guides/a.md": "---\ntitle: A\n---\nA.\n",
		}, []want{{"pack.toml", 5, "Review_every must be text"}}},
		{"bad date in front matter", map[string]string{
			"pack.toml":   manifest,
			"guides/a.md": "---\ntitle: A\nreviewed: 2026-13-01\n---\nA.\n",
		}, []want{{"guides/a.md", 3, `Reviewed "2026-13-01" is not a date`}}},
		{"bad interval in front matter", map[string]string{
			"pack.toml":   manifest,
			"guides/a.md": "---\ntitle: A\nreviewed: 2026-05-01\nreview_every: [6, months]\n---\nA.\n",
		}, []want{{"guides/a.md", 4, "Review_every must be one value"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kb.LoadDir(writePack(t, tt.files))
			var pe *kb.ProblemsError
			if !errors.As(err, &pe) || len(pe.Problems) != len(tt.want) {
				t.Fatalf("problems = %v, want %d", err, len(tt.want))
			}
			for i, w := range tt.want {
				p := pe.Problems[i]
				if p.File != w.file || p.Line != w.line || !strings.Contains(p.Message, w.says) {
					t.Errorf("problem %d = %s, want %s:%d saying %q", i, p, w.file, w.line, w.says)
				}
			}
		})
	}
	t.Run("a plain folder's own reviewed property is not a problem", func(t *testing.T) {
		p, err := kb.LoadFS(fstest.MapFS{"note.md": {Data: []byte("---\nreviewed: yes\n---\n# Note\n\nText.\n")}}, kb.LoadOptions{ID: "notes"})
		if err != nil {
			t.Fatalf("load: %v", err)
		}
		if len(p.Items) == 0 || p.Items[0].Review != nil {
			t.Fatalf("items = %+v, want one without a review", p.Items)
		}
	})
}

// staleLibrary is a pack reviewed on 1 May 2026 every 6 months, with one
// file reviewed since, one file on a shorter interval and a built-in pack
// that is current.
func staleLibrary(t *testing.T) *kb.Library {
	t.Helper()
	p, err := kb.LoadDir(writePack(t, map[string]string{
		"pack.toml":            manifest + "reviewed = 2026-05-01\nreview_every = \"6 months\"\n",
		"guides/refunds.md":    "---\ntitle: Refunds\n---\nHow refunds work.\n\n## Partial refunds\n\nWhen part of an order is refunded.\n",
		"guides/fresh.md":      "---\ntitle: Fresh\nreviewed: 2026-11-20\n---\nJust checked.\n",
		"templates/apology.md": "---\ntitle: Apology\nreview_every: 1 year\n---\nSorry for the wait.\n",
		"statements/calm.md":   "---\ntitle: Calm\nreviewed: 2026-10-01\nreview_every: 4 weeks\n---\n## Frustrated\n\n- I can hear how frustrating this is.\n- Let me sort this out now.\n",
	}))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return kb.NewLibrary(p)
}

func TestLibraryStale(t *testing.T) {
	lib := staleLibrary(t)
	stale := lib.Stale("", day("2026-12-01"))
	if len(stale) != 1 || stale[0].ID != "acme" || !stale[0].Freshness.Due {
		t.Fatalf("stale packs = %+v, want acme, due since 1 November", stale)
	}
	var files []string
	for _, f := range stale[0].Files {
		files = append(files, f.File+" "+f.Freshness.DueOn.Format(time.DateOnly))
	}
	// calm.md is overdue since 29 October, refunds.md since 1 November
	// (its section too, listed under the one file); fresh.md is current
	// and apology.md is due only on 1 May 2027.
	if got, want := strings.Join(files, ", "), "statements/calm.md 2026-10-29, guides/refunds.md 2026-11-01"; got != want {
		t.Errorf("stale files = %s, want %s", got, want)
	}
	if got := stale[0].Files[0].Title; got != "Calm" {
		t.Errorf("a bank of statements is listed as %q, want its file's title Calm", got)
	}
	if got := len(stale[0].Files[1].Items); got != 2 {
		t.Errorf("refunds.md lists %d items, want the guide and its section", got)
	}
	if s := lib.Stale("other", day("2026-12-01")); len(s) != 0 {
		t.Errorf("Stale(other) = %+v, want nothing", s)
	}
	if s := lib.Stale("", day("2026-10-15")); len(s) != 0 {
		t.Errorf("in mid October nothing is due, got %+v", s)
	}
}

// FuzzParsePeriod checks that review_every never panics, that what it
// accepts prints back to itself and stays within ten years.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"6 months", "1 year", "90 days", "2 weeks", "0 days", "-1 years", "9999999999 days", "3\tMONTHS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := kb.ParsePeriod(s)
		if err != nil {
			return
		}
		if again, err := kb.ParsePeriod(p.String()); err != nil || again != p {
			t.Fatalf("%q parsed as %v, which prints as %q and reads back as %v, %v", s, p, p.String(), again, err)
		}
		from := day("2026-01-01")
		if d := p.After(from).Sub(from); d <= 0 || d > 3700*24*time.Hour {
			t.Fatalf("%q spans %v", s, d)
		}
	})
}
