package tone_test

import (
	"testing"

	"github.com/poisehq/poise/kb/tone"
)

func TestOffersMenu(t *testing.T) {
	tests := []struct {
		say  string
		menu bool
	}{
		{"I'm sending a replacement today by express delivery.", false},
		{"If it's lost or damaged, I'll replace it.", false},
		{"I can send a replacement, or I can refund you.", true},
		{"Would you like a refund or a replacement?", true},
		{"You can either keep it at a discount or send it back.", true},
		{"I'll refund it. If you'd rather keep it, I can take 20% off.", true},
		{"Which would you prefer?", true},
		{"Your options are a credit or a refund.", true},
		{"You can choose a new date online.", true},
		{"I'll call you back by Friday, whether or not the courier replies.", false},
	}
	for _, tt := range tests {
		t.Run(tt.say, func(t *testing.T) {
			if got, menu := tone.OffersMenu(tt.say); menu != tt.menu {
				t.Errorf("OffersMenu(%q) = %q, %v; want %v", tt.say, got, menu, tt.menu)
			}
		})
	}
}
