package app

import "testing"

// TestClipWithNoRoom guards a crash: a narrow result row whose "N more
// like this" note is longer than the room left asked clip for a negative
// length, and the Find list panicked.
func TestClipWithNoRoom(t *testing.T) {
	for _, n := range []int{-20, 0, 1} {
		if got, _ := clip("Has had to explain their needs too many times", nil, n); got == "" {
			t.Errorf("clip(…, %d) = %q", n, got)
		}
	}
}
