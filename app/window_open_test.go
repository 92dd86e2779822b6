package app

import (
	"strings"
	"testing"
)

// With WAYLAND_DISPLAY set and DISPLAY not, the sentence says what is
// missing rather than quoting GLFW ("NotInitialized: The GLFW library is
// not initialized"); with DISPLAY set, it names it.
func TestDisplayProblemSaysWhatIsMissing(t *testing.T) {
	glfw := "NotInitialized: The GLFW library is not initialized"
	for _, c := range []struct{ display, wayland, want string }{
		{"", "", "DISPLAY is not set"},
		{"", "wayland-0", "Xwayland"},
		{":99", "wayland-0", "DISPLAY=:99"},
		{":99", "", "DISPLAY=:99"},
	} {
		t.Setenv("DISPLAY", c.display)
		t.Setenv("WAYLAND_DISPLAY", c.wayland)
		got := displayProblem(glfw)
		if !strings.Contains(got, c.want) || strings.Contains(got, "GLFW") {
			t.Errorf("DISPLAY=%q WAYLAND_DISPLAY=%q: %q, want it to say %q and not quote GLFW", c.display, c.wayland, got, c.want)
		}
	}
}
