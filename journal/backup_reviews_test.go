package journal

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// A backup carries the monthly reviews: a restore on a new machine must not
// lose a year of reflections and the goals the summaries follow up on.
func TestBackupCarriesReviews(t *testing.T) {
	src, _ := newTestJournal(t)
	if _, err := src.SaveReview(Review{Month: "2026-10", WentWell: "kept calm on the refund queue", Goal: "pause before quoting policy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SaveReview(Review{Month: "2026-11", LastGoal: GoalPartly}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}

	dst, _ := newTestJournal(t)
	// dst already reviewed November, later than the backup did: its own
	// newer review must survive the restore.
	dst.now = func() time.Time { return fixedNow.Add(48 * time.Hour) }
	if _, err := dst.SaveReview(Review{Month: "2026-11", TryNext: "newer, written here"}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := dst.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := dst.Reviews()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Goal != "pause before quoting policy" || rs[1].TryNext != "newer, written here" {
		t.Errorf("reviews after restoring twice = %+v, want October from the backup and the newer November", rs)
	}

	// Into a journal that was never set up (a new machine).
	fresh := Open(t.TempDir())
	if _, err := fresh.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
		t.Fatal(err)
	}
	rs, err = fresh.Reviews()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[1].LastGoal != GoalPartly {
		t.Errorf("reviews on a new machine = %+v, want both", rs)
	}
}

// The JSON export is for leaving Poise: it carries the reviews too, and
// importing it twice changes nothing.
func TestExportJSONCarriesReviews(t *testing.T) {
	src, _ := newTestJournal(t)
	if _, err := src.SaveReview(Review{Month: "2026-09", Goal: "breathe first"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := src.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	dst, _ := newTestJournal(t)
	for range 2 {
		if _, err := dst.ImportJSON(bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := dst.Reviews()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Goal != "breathe first" {
		t.Errorf("reviews after importing twice = %+v", rs)
	}
	// A hostile review is refused with its number, before anything is written.
	bad := []byte(`{"format":"poise-journal-export","version":1,"entries":[],"reviews":[{"month":"2026-13"}]}`)
	if _, err := dst.ImportJSON(bytes.NewReader(bad)); err == nil || !errors.Is(err, ErrInvalid) {
		t.Errorf("import of a review for month 13 = %v, want ErrInvalid", err)
	}
}
