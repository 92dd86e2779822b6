package journal

import (
	"errors"
	"testing"
)

func TestVocabularyParsers(t *testing.T) {
	for _, tr := range Triggers {
		for _, typed := range []string{string(tr), tr.Label(), "  " + tr.Label() + " "} {
			if got, err := ParseTrigger(typed); err != nil || got != tr {
				t.Errorf("ParseTrigger(%q) = %q, %v", typed, got, err)
			}
		}
	}
	if got, err := ParseTrigger("Repeat Contact"); err != nil || got != TriggerRepeatContact {
		t.Errorf("ParseTrigger(Repeat Contact) = %q, %v", got, err)
	}
	var ve *ValidationError
	if _, err := ParseTrigger("moon"); !errors.As(err, &ve) || ve.Field != "triggers" {
		t.Errorf("ParseTrigger(moon): %v", err)
	}
	for _, o := range Outcomes {
		for _, typed := range []string{string(o), o.Label()} {
			if got, err := ParseOutcome(typed); err != nil || got != o {
				t.Errorf("ParseOutcome(%q) = %q, %v", typed, got, err)
			}
		}
	}
	if OutcomeFollowUpPending.Label() != "follow up pending" {
		t.Errorf("label = %q", OutcomeFollowUpPending.Label())
	}
	if _, err := ParseOutcome("won"); !errors.As(err, &ve) || ve.Field != "outcome" {
		t.Errorf("ParseOutcome(won): %v", err)
	}
	if got, err := ParseChannel("In person"); err != nil || got != ChannelInPerson {
		t.Errorf("ParseChannel(In person) = %q, %v", got, err)
	}
	for _, p := range FollowUpPresets {
		if got, ok := ParseFollowUpPreset(p.Label()); !ok || got != p {
			t.Errorf("ParseFollowUpPreset(%q) = %v, %v", p.Label(), got, ok)
		}
	}
	for typed, want := range map[string]FollowUpPreset{"24h": FollowUpTomorrow, "Tomorrow": FollowUpTomorrow, "3d": FollowUp3Days, "1W": FollowUp1Week} {
		if got, ok := ParseFollowUpPreset(typed); !ok || got != want {
			t.Errorf("ParseFollowUpPreset(%q) = %v, %v", typed, got, ok)
		}
	}
	if _, ok := ParseFollowUpPreset("2026-12-01 09:00"); ok {
		t.Error("a date read as a preset")
	}
}

func TestIndexTextControl(t *testing.T) {
	for s, want := range map[string]int{
		"plain\nline\ttab": -1, "café ✓ ¡hola! ©": -1, "a\x1bb": 1, "\x00": 0, "ab\x7f": 2,
		"é\u0085": 2, "x\u009b": 1, "\r": 0, "\u00a0nbsp": -1,
	} {
		if got := indexTextControl(s); got != want {
			t.Errorf("indexTextControl(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestVocabularyLabels(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{TriggerRepeatContact.Label(), "repeat contact"},
		{TriggerBilling.Label(), "billing"},
		{OutcomeFollowUpPending.Label(), "follow up pending"},
		{ChannelInPerson.Label(), "in person"},
		{ChannelEmail.Label(), "email"},
		{GoalMet.Label(), "met"},
		{GoalPartly.Label(), "partly"},
		{GoalNotMet.Label(), "not met"},
	} {
		if c.got != c.want {
			t.Errorf("label = %q, want %q", c.got, c.want)
		}
	}
	for _, g := range GoalResults {
		if g.Label() == "" || g.Label() == string(GoalNotMet) {
			t.Errorf("goal result %q has label %q", g, g.Label())
		}
	}
}
