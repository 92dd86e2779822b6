package packs

import (
	"os"
	"testing"
	"time"
)

// TestListReviewDueFollowsReviewEvery: the Packs screen's "due for review"
// is kb.DueForReview's rule, so review_every in pack.toml moves it.
func TestListReviewDueFollowsReviewEvery(t *testing.T) {
	s := openStore(t)
	s.Now = func() time.Time { return time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC) }
	manifest := "id = \"builtin\"\nname = \"Built-in\"\nversion = \"1.0.0\"\nreviewed = 2026-05-01\n"
	tests := []struct {
		name, extra string
		due         bool
	}{
		{"a year by default", "", false},
		{"every 6 months", "review_every = \"6 months\"\n", true},
		{"every 2 years", "review_every = \"2 years\"\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			builtin := os.DirFS(writePack(t, t.TempDir(), "builtin", "1.0.0", map[string]string{"pack.toml": manifest + tt.extra}))
			list, err := s.List(builtin)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || list[0].ReviewDue != tt.due {
				t.Errorf("ReviewDue = %+v, want %v", list, tt.due)
			}
		})
	}
}
