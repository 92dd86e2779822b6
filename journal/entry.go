package journal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Channel is how the conversation happened.
type Channel string

// The channels an entry can name.
const (
	ChannelVoice    Channel = "voice"
	ChannelChat     Channel = "chat"
	ChannelEmail    Channel = "email"
	ChannelInPerson Channel = "in-person"
	ChannelSocial   Channel = "social"
	ChannelOther    Channel = "other"
)

// Channels lists every channel in the order forms show them.
var Channels = []Channel{ChannelVoice, ChannelChat, ChannelEmail, ChannelInPerson, ChannelSocial, ChannelOther}

// Trigger is what set the customer off, from a short shared vocabulary so
// that monthly summaries can count them. Anything else goes in Tags.
type Trigger string

// The trigger vocabulary.
const (
	TriggerDelay            Trigger = "delay"
	TriggerBilling          Trigger = "billing"
	TriggerDefect           Trigger = "defect"
	TriggerPolicyLimit      Trigger = "policy-limit"
	TriggerRepeatContact    Trigger = "repeat-contact"
	TriggerCommunication    Trigger = "communication-breakdown"
	TriggerUnmetExpectation Trigger = "unmet-expectation"
	TriggerBadPast          Trigger = "bad-past-experience"
	TriggerPersonalStress   Trigger = "personal-stress"
	TriggerAbuse            Trigger = "abuse"
	TriggerWaitTime         Trigger = "wait-time"
	TriggerMisinformation   Trigger = "misinformation"
	TriggerOther            Trigger = "other"
)

// Triggers lists the vocabulary in the order forms show it.
var Triggers = []Trigger{
	TriggerDelay, TriggerBilling, TriggerDefect, TriggerPolicyLimit, TriggerRepeatContact,
	TriggerCommunication, TriggerUnmetExpectation, TriggerBadPast, TriggerPersonalStress,
	TriggerAbuse, TriggerWaitTime, TriggerMisinformation, TriggerOther,
}

// Label is the trigger as a person reads it.
func (t Trigger) Label() string { return strings.ReplaceAll(string(t), "-", " ") }

// Emotions suggests the customer emotions the knowledge base uses; an entry
// may name others.
var Emotions = []string{
	"angry", "anxious", "confused", "disappointed", "impatient", "embarrassed",
	"grieving", "distrustful", "overwhelmed", "sceptical", "frustrated", "sad",
}

// Outcome is how the conversation ended.
type Outcome string

// The outcomes an entry can record.
const (
	OutcomeResolved        Outcome = "resolved"
	OutcomeEscalated       Outcome = "escalated"
	OutcomeUnresolved      Outcome = "unresolved"
	OutcomeFollowUpPending Outcome = "follow-up-pending"
)

// Outcomes lists every outcome in the order forms show them.
var Outcomes = []Outcome{OutcomeResolved, OutcomeEscalated, OutcomeUnresolved, OutcomeFollowUpPending}

// Entry is one journal entry. Only WhatHappened is required; every scale is
// 1–5 with 0 meaning "not recorded", so summaries can skip unknowns.
type Entry struct {
	// ID is assigned by Save and never changes.
	ID string `json:"id"`
	// When the conversation happened.
	When     time.Time `json:"when,omitzero"`
	Channel  Channel   `json:"channel,omitempty"`
	Emotions []string  `json:"emotions,omitempty"`
	Triggers []Trigger `json:"triggers,omitempty"`
	// Tags are free words for what the vocabulary does not cover.
	Tags         []string `json:"tags,omitempty"`
	Difficulty   int      `json:"difficulty,omitempty"`
	StressBefore int      `json:"stress_before,omitempty"`
	StressAfter  int      `json:"stress_after,omitempty"`

	WhatHappened string `json:"what_happened"`
	WhatITried   string `json:"what_i_tried,omitempty"`
	// TriedItems are knowledge-base item ids, such as
	// "builtin/guides/active-listening".
	TriedItems []string `json:"tried_items,omitempty"`
	WhatWorked string   `json:"what_worked,omitempty"`
	WhatDidnt  string   `json:"what_didnt,omitempty"`

	Outcome      Outcome `json:"outcome,omitempty"`
	Satisfaction int     `json:"satisfaction,omitempty"`
	Takeaway     string  `json:"takeaway,omitempty"`

	// FollowUp is when to get back to the customer; zero for none.
	FollowUp     time.Time `json:"follow_up,omitzero"`
	FollowUpDone bool      `json:"follow_up_done,omitempty"`

	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// ErrInvalid wraps every reason an entry cannot be saved.
var ErrInvalid = errors.New("invalid entry")

// MaxTextLen bounds each text field, far above what anyone types after a
// call, so a runaway paste cannot make a file of many megabytes.
const MaxTextLen = 200_000

// Validate reports the first problem that would stop e being saved.
func (e Entry) Validate() error {
	if strings.TrimSpace(e.WhatHappened) == "" {
		return fmt.Errorf("%w: say what happened", ErrInvalid)
	}
	return e.validateDraft()
}

// validateDraft checks everything but the required field, since a draft is
// by nature unfinished.
func (e Entry) validateDraft() error {
	scales := []struct {
		name string
		v    int
	}{{"difficulty", e.Difficulty}, {"stress before", e.StressBefore}, {"stress after", e.StressAfter}, {"satisfaction", e.Satisfaction}}
	for _, s := range scales {
		if s.v < 0 || s.v > 5 {
			return fmt.Errorf("%w: %s %d is not between 1 and 5", ErrInvalid, s.name, s.v)
		}
	}
	if e.Channel != "" && !slices.Contains(Channels, e.Channel) {
		return fmt.Errorf("%w: unknown channel %q", ErrInvalid, e.Channel)
	}
	if e.Outcome != "" && !slices.Contains(Outcomes, e.Outcome) {
		return fmt.Errorf("%w: unknown outcome %q", ErrInvalid, e.Outcome)
	}
	for _, t := range e.Triggers {
		if !slices.Contains(Triggers, t) {
			return fmt.Errorf("%w: unknown trigger %q (use a tag instead)", ErrInvalid, t)
		}
	}
	for _, s := range []string{e.WhatHappened, e.WhatITried, e.WhatWorked, e.WhatDidnt, e.Takeaway} {
		if len(s) > MaxTextLen {
			return fmt.Errorf("%w: a text is longer than %d bytes", ErrInvalid, MaxTextLen)
		}
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w: a text is not valid UTF-8", ErrInvalid)
		}
	}
	return nil
}

// FollowUpPreset is one of the quick choices for a follow-up date.
type FollowUpPreset time.Duration

// The follow-up presets the form offers.
const (
	FollowUpTomorrow FollowUpPreset = FollowUpPreset(24 * time.Hour)
	FollowUp3Days    FollowUpPreset = FollowUpPreset(3 * 24 * time.Hour)
	FollowUp1Week    FollowUpPreset = FollowUpPreset(7 * 24 * time.Hour)
)

// FollowUpPresets lists the presets in the order forms show them.
var FollowUpPresets = []FollowUpPreset{FollowUpTomorrow, FollowUp3Days, FollowUp1Week}

// From is the follow-up time the preset gives, counted from t.
func (p FollowUpPreset) From(t time.Time) time.Time { return t.Add(time.Duration(p)) }

// Label is the preset as a person reads it.
func (p FollowUpPreset) Label() string {
	switch p {
	case FollowUpTomorrow:
		return "in 24 hours"
	case FollowUp3Days:
		return "in 3 days"
	case FollowUp1Week:
		return "in 1 week"
	}
	return "in " + time.Duration(p).String()
}

// Title is a one-line summary for lists: the first line of WhatHappened.
func (e Entry) Title() string {
	s := strings.TrimSpace(e.WhatHappened)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:79]) + "…"
	}
	return s
}
