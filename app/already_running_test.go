package app

import (
	"strings"
	"testing"
)

// While "poise search" builds the index (half a minute on a large
// library) it holds the data folder, and the app said "Switch to that
// window" of a window that does not exist.
func TestAlreadyRunningNamesACommandToo(t *testing.T) {
	msg := alreadyRunningText("/home/ana/.local/share/poise")
	for _, want := range []string{"/home/ana/.local/share/poise", "poise search", "wait"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}
