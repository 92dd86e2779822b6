package app

import (
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
)

// TestPreviewMarksItemsDueForReview: an item whose file was reviewed
// longer ago than its interval says so in the preview; one reviewed since
// does not, though its pack's date is the same.
func TestPreviewMarksItemsDueForReview(t *testing.T) {
	lib := fixtureLibrary()
	pk := lib.Packs[0]
	pk.Manifest.Reviewed = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	pk.Manifest.ReviewEvery = kb.Period{Count: 6, Unit: kb.Months}
	for i := range pk.Items {
		if pk.Items[i].ID == "builtin/matrix/double-charge" {
			pk.Items[i].Review = &kb.Review{Reviewed: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
		}
	}
	p := newTestPoise(t, lib) // fixedNow is 25 November 2026
	for _, tt := range []struct {
		id  string
		due bool
	}{
		{"builtin/matrix/late-delivery", true},
		{"builtin/matrix/double-charge", false},
	} {
		p.find.preview.show(tt.id)
		settle(p)
		text := canvasText(p.win.Canvas())
		if got := strings.Contains(text, "Due for review: last reviewed 1 May 2026, to be checked every 6 months."); got != tt.due {
			t.Errorf("%s: marked due = %v, want %v\n%s", tt.id, got, tt.due, text)
		}
	}
}
