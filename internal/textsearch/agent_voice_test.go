package textsearch

import (
	"slices"
	"testing"
)

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

func TestAgentLeadFramesOnly(t *testing.T) {
	tests := []struct {
		text string
		i, j int
		want bool
	}{
		{"how to say sorry properly", 0, 3, true},     // "how to say": the frame
		{"how to say sorry properly", 1, 4, false},    // "to say sorry" holds what it is about
		{"how to say sorry properly", 2, 4, false},    // starts after the lead
		{"customer keeps saying how to", 3, 5, false}, // no lead at the start
	}
	for _, tt := range tests {
		p := &plan{words: parseWords(tt.text)}
		for k := range p.words {
			p.words[k].stem = p.words[k].text
			p.words[k].weight = 1
		}
		for _, k := range []int{0, 1, 2} { // stop and light words
			if k < len(p.words) && (p.words[k].text == "how" || p.words[k].text == "to" || p.words[k].text == "say") {
				p.words[k].weight = 0
			}
		}
		if got := p.inLead(tt.i, tt.j); got != tt.want {
			t.Errorf("%q [%d,%d): in lead %v, want %v", tt.text, tt.i, tt.j, got, tt.want)
		}
	}
}

func TestNamedKinds(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"transfer to supervisor script ", []string{"kind:template"}},
		{"transfer to supervisor script", []string{"kind:template"}},
		{"empathy statement billing ", []string{"kind:statement"}},
		{"two charges on my bank statement ", nil},
		{"refund late angry ", nil},
	} {
		got := namedKinds(parseWords(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("namedKinds(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
