package journal

import (
	"errors"
	"testing"
)

func TestCheckNewPassphrase(t *testing.T) {
	tests := []struct {
		name, pass string
		wantErr    bool
	}{
		{"empty", "", true},
		{"one short", "1234567", true},
		{"exactly the minimum", "12345678", false},
		{"a few words", "blue kettle morning", false},
		{"only spaces", "          ", true},
		{"padded with spaces", "  1234567  ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckNewPassphrase(tt.pass)
			if got := errors.Is(err, ErrPassphraseTooShort); got != tt.wantErr {
				t.Errorf("CheckNewPassphrase(%q) = %v, want too-short %v", tt.pass, err, tt.wantErr)
			}
		})
	}
}
