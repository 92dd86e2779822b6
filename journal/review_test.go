package journal_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/journal"
)

func TestReviewSavedEncrypted(t *testing.T) {
	dir := t.TempDir()
	j := journal.Open(dir)
	if _, err := j.Init("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	r, err := j.SaveReview(journal.Review{Month: "2026-10", WentWell: "Stayed calm with the refund queue", Goal: "Pause before quoting policy"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Saved.IsZero() {
		t.Error("saved time not set")
	}
	// A second save of the month replaces the first.
	if _, err := j.SaveReview(journal.Review{Month: "2026-10", Goal: "Breathe first"}); err != nil {
		t.Fatal(err)
	}
	if _, err := j.SaveReview(journal.Review{Month: "2026-11", LastGoal: journal.GoalMet}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "reviews", "*"))
	if len(files) != 2 {
		t.Errorf("%d review files, want 2", len(files))
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if strings.Contains(string(b), "Breathe") || !strings.HasPrefix(string(b), "age-encryption.org/v1") {
			t.Errorf("%s is not an age file hiding its text", f)
		}
	}
	j.Lock()
	if _, err := j.Reviews(); !errors.Is(err, journal.ErrLocked) {
		t.Errorf("Reviews while locked = %v, want ErrLocked", err)
	}
	if _, err := j.SaveReview(journal.Review{Month: "2026-12"}); !errors.Is(err, journal.ErrLocked) {
		t.Errorf("SaveReview while locked = %v, want ErrLocked", err)
	}
	if err := j.Unlock("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	rs, err := j.Reviews()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Goal != "Breathe first" || rs[1].LastGoal != journal.GoalMet {
		t.Errorf("reviews = %+v", rs)
	}
	if len(j.Problems()) != 0 {
		t.Errorf("reviews make unlock report problems: %v", j.Problems())
	}
	for _, bad := range []journal.Review{{Month: "2026-13"}, {Month: "2026-01", LastGoal: "maybe"}} {
		if _, err := j.SaveReview(bad); !errors.Is(err, journal.ErrInvalid) {
			t.Errorf("SaveReview(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}
