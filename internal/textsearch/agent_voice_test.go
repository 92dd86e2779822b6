package textsearch

import "testing"

func TestAgentVoice(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"how do i say no nicely", true},
		{"how to tell a customer no", true},
		{"no fix yet, what do I tell them", true},
		{"im so sorry i messed up their order", true},
		{"tell the customer", false}, // nothing after the lead yet
		{"customer says no to everything", false},
		{"I don't know how to use this", false},
		{"he said I'm useless", false},
		{"I want my money back", false},
	}
	for _, tt := range tests {
		if got := agentVoice(parseWords(tt.text)); got != tt.want {
			t.Errorf("%q: agent voice %v, want %v", tt.text, got, tt.want)
		}
	}
}
