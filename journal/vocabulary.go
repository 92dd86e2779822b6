package journal

import (
	"slices"
	"strings"
)

// Each vocabulary of an entry has its parser and its label here, so the
// CLI and the desktop form read and show them the same way.

// vocabWord folds a typed word to the vocabulary's spelling: lower case,
// dashes for spaces and underscores ("Repeat contact" → "repeat-contact").
func vocabWord(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "-")
}

// ParseTrigger reads a trigger as a person types or a form shows it: any
// case, with spaces or dashes. Anything outside the vocabulary is a
// ValidationError on "triggers" (such words belong in tags).
func ParseTrigger(s string) (Trigger, error) {
	t := Trigger(vocabWord(s))
	if !slices.Contains(Triggers, t) {
		return "", invalid("triggers", "unknown trigger %q (use one of %s, or a tag)", s, strings.Join(strs(Triggers), ", "))
	}
	return t, nil
}

// Label is the outcome as a person reads it.
func (o Outcome) Label() string { return strings.ReplaceAll(string(o), "-", " ") }

// Label is the channel as a person reads it.
func (c Channel) Label() string { return strings.ReplaceAll(string(c), "-", " ") }

// Label is the goal result as a person reads it ("not met").
func (g GoalResult) Label() string { return strings.ReplaceAll(string(g), "-", " ") }

// ParseOutcome reads an outcome as typed or as its Label. Empty is "not
// noted".
func ParseOutcome(s string) (Outcome, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	o := Outcome(vocabWord(s))
	if !slices.Contains(Outcomes, o) {
		return "", invalid("outcome", "unknown outcome %q (use one of %s)", s, strings.Join(strs(Outcomes), ", "))
	}
	return o, nil
}

// ParseChannel reads a channel as typed. Empty is "not noted".
func ParseChannel(s string) (Channel, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	c := Channel(vocabWord(s))
	if !slices.Contains(Channels, c) {
		return "", invalid("channel", "unknown channel %q (use one of %s)", s, strings.Join(strs(Channels), ", "))
	}
	return c, nil
}

// ParseFollowUpPreset reads a quick follow-up choice: its Label as the form
// shows it ("in 3 days") or the short forms people type ("24h", "1d",
// "tomorrow", "3d", "1w", "7d"). ok is false for anything else, such as a
// date, which the caller reads itself.
func ParseFollowUpPreset(s string) (p FollowUpPreset, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "24h", "1d", "tomorrow":
		return FollowUpTomorrow, true
	case "3d":
		return FollowUp3Days, true
	case "1w", "7d":
		return FollowUp1Week, true
	}
	for _, p := range FollowUpPresets {
		if strings.EqualFold(strings.TrimSpace(s), p.Label()) {
			return p, true
		}
	}
	return 0, false
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
