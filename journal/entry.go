package journal

import (
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
