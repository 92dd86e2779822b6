package clocale

import "testing"

func TestIsC(t *testing.T) {
	tests := []struct {
		loc  string
		want bool
	}{
		{"C", true}, {"C.UTF-8", true}, {"C.utf8", true}, {"POSIX", true},
		{"en_US.UTF-8", false}, {"de_DE", false}, {"", false}, {"Ca_ES", false},
	}
	for _, tt := range tests {
		t.Run(tt.loc, func(t *testing.T) {
			if got := IsC(tt.loc); got != tt.want {
				t.Errorf("IsC(%q) = %v, want %v", tt.loc, got, tt.want)
			}
		})
	}
}
