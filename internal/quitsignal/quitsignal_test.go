package quitsignal

import "testing"

// Only a start that opens the window catches the signals from its init: a
// command caught them until it exited, and Ctrl-C no longer stopped it.
func TestOpensWindow(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want bool
	}{
		{"no arguments", nil, true},
		{"a data folder", []string{"--data-dir", "/tmp/d"}, true},
		{"a data folder with =", []string{"--data-dir=/tmp/d"}, true},
		{"a command", []string{"search", "refund"}, false},
		{"a command after the data folder", []string{"--data-dir", "/tmp/d", "journal", "add"}, false},
		{"the flag without its folder", []string{"--data-dir"}, false},
		{"help", []string{"--help"}, false},
		{"a mistyped command", []string{"serch"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := opensWindow(tt.args); got != tt.want {
				t.Errorf("opensWindow(%q) = %v, want %v", tt.args, got, tt.want)
			}
		})
	}
}

// Catch sets the handler once: a second call returns the same channel, so
// a signal caught before the app asked is not lost in another.
func TestCatchOnce(t *testing.T) {
	if a, b := Catch(), Catch(); a != b {
		t.Error("two channels for one process")
	}
}
