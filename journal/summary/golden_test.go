package summary

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/journal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// fixedSummary is the planted journal's November with a review, titles
// from a stand-in knowledge base and what to read next.
func fixedSummary(t *testing.T) *Summary {
	t.Helper()
	titles := map[string]string{itemPaymentPlan: "offer a payment plan"}
	b := New(plantedJournal(), Options{
		Now: at(2026, time.December, 1, 9), Location: time.UTC,
		Reviews: []journal.Review{{Month: "2026-10", Goal: "Pause before quoting policy"}},
		Title:   func(id string) string { return titles[id] },
	})
	s := b.Month(nov2026)
	kb := FinderFunc(func(_ context.Context, q string, limit int) ([]Reading, error) {
		return []Reading{
			{ID: itemPaymentPlan, Kind: "matrix", Title: "Payment plan"},
			{ID: "builtin/matrix/" + strings.ReplaceAll(q, " ", "-"), Kind: "matrix", Title: "When it is " + q},
			{ID: "builtin/statements/" + strings.ReplaceAll(q, " ", "-") + "#1", Kind: "statement", Title: "Saying sorry for " + q},
		}, nil
	})
	if err := s.FindReading(context.Background(), kb); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGolden(t *testing.T) {
	s := fixedSummary(t)
	golden(t, "november.md", []byte(s.Markdown()))
	js, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "november.json", append(js, '\n'))
	golden(t, "year-2026.md", []byte(book(plantedJournal()).Year(2026).Markdown()))
	for _, r := range s.ReadNext {
		if r.ID == itemPaymentPlan {
			t.Errorf("what to read next offers the payment plan, which already works for this agent")
		}
	}
}
