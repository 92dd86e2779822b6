package desktopx

import (
	"errors"
	"runtime"
	"testing"
)

func TestKeyString(t *testing.T) {
	tests := []struct {
		key  Key
		want string
	}{
		{Key{Ctrl: true, Alt: true, Name: "k"}, "Ctrl+Alt+K"},
		{Key{Super: true, Shift: true, Name: "space"}, "Shift+Super+Space"},
		{Key{Ctrl: true, Name: "7"}, "Ctrl+7"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.key.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if tt.key.keysym() == 0 {
				t.Errorf("%s has no keysym", tt.want)
			}
		})
	}
	if (Key{Name: "F13"}).keysym() != 0 {
		t.Error("an unknown key name has a keysym")
	}
}

// TestWithoutADisplaySaysUnsupported: with no X display (Wayland only, a
// server) Poise hears ErrUnsupported and says so, rather than failing
// oddly.
func TestWithoutADisplaySaysUnsupported(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if err := SetAbove(1, true); !errors.Is(err, ErrUnsupported) {
		t.Errorf("SetAbove without a display: %v, want ErrUnsupported", err)
	}
	if _, err := ListenKey(Key{Ctrl: true, Alt: true, Name: "k"}, func() {}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("ListenKey without a display: %v, want ErrUnsupported (%s)", err, runtime.GOOS)
	}
}
