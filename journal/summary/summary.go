package summary

import (
	"time"

	"github.com/poisehq/poise/journal"
)

// Summary is one month of a journal, counted. Every figure comes with the
// count behind it, so a reader can see "2 of 2" for what it is.
type Summary struct {
	Month string `json:"month"`
	Label string `json:"label"`
	// Future is set for a month that has not begun; nothing is counted.
	Future bool `json:"future,omitempty"`

	Entries int `json:"entries"`
	// PrevEntries and Avg3Entries are the previous month's count and the
	// mean of the three months before this one.
	PrevEntries int     `json:"previous_month_entries"`
	Avg3Entries float64 `json:"three_month_average_entries"`
	Difficulty  Mean    `json:"difficulty"`
	// PrevDifficulty is the previous month's mean difficulty.
	PrevDifficulty Mean `json:"previous_month_difficulty"`
	// DatedByWriting counts entries without a call time, placed in the
	// month they were written.
	DatedByWriting int `json:"dated_by_writing,omitempty"`
	// Undated counts entries in the whole journal with no date at all:
	// they are in no month.
	Undated int `json:"undated,omitempty"`

	Triggers []Count `json:"triggers"`
	Emotions []Count `json:"emotions"`
	Channels []Count `json:"channels"`
	Outcomes []Count `json:"outcomes"`
	// Pairs are trigger and emotion that came together this month and in
	// earlier months too.
	Pairs []Pair `json:"pairs"`

	Stress Stress `json:"stress"`
	// BaseRate is how often any call this month ended well: resolved, or a
	// satisfaction of 4 or 5.
	BaseRate  Rate    `json:"base_rate"`
	WhatWorks []Works `json:"what_works"`

	Timing    Timing     `json:"timing"`
	Words     []Word     `json:"words"`
	Takeaways []Takeaway `json:"takeaways"`
	FollowUps FollowUps  `json:"follow_ups"`
	// Goal is the goal set in the previous month's review, if any.
	Goal *Goal `json:"goal,omitempty"`

	Headlines []Headline `json:"headlines"`
	// Notes say what could not be counted and why.
	Notes    []string  `json:"notes"`
	ReadNext []Reading `json:"read_next"`
}

// Mean is an average over N recorded values; N is 0 when none were.
type Mean struct {
	Value float64 `json:"value"`
	N     int     `json:"n"`
}

// Count is how often a name (a trigger, emotion, channel or outcome) came
// up this month, the month before, and on average in the three before.
type Count struct {
	Name  string  `json:"name"`
	Label string  `json:"label"`
	Count int     `json:"count"`
	Prev  int     `json:"previous_month"`
	Avg3  float64 `json:"three_month_average"`
}

// Pair is a trigger and an emotion recorded on the same entry.
type Pair struct {
	Trigger string `json:"trigger"`
	Emotion string `json:"emotion"`
	Count   int    `json:"count"`
	// EarlierMonths is how many of the three months before also had it.
	EarlierMonths int `json:"earlier_months"`
}

// Rate is Successes out of Of.
type Rate struct {
	Successes int `json:"successes"`
	Of        int `json:"of"`
}

// Fraction is Successes/Of, 0 when Of is 0.
func (r Rate) Fraction() float64 {
	if r.Of == 0 {
		return 0
	}
	return float64(r.Successes) / float64(r.Of)
}

// Verdict is what the counts allow one to say about something tried.
type Verdict string

// The verdicts. TooFew is the honest answer below MinUses.
const (
	VerdictBetter Verdict = "better than usual"
	VerdictUsual  Verdict = "about as usual"
	VerdictWorse  Verdict = "worse than usual"
	VerdictTooFew Verdict = "too few to tell"
)

// Works is one thing tried (a knowledge-base item or a tag) and how the
// calls where it was tried ended.
type Works struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	// Kind is "item" for a knowledge-base item, "tag" for a tag.
	Kind    string  `json:"kind"`
	Rate    Rate    `json:"rate"`
	Verdict Verdict `json:"verdict"`
	// shareable is true for an item the library knows: any other name is
	// the agent's own typing and never goes into an export.
	shareable bool
}

// Stress is the agent's own stress this month and over the last year.
type Stress struct {
	// Before and After are over entries that recorded both.
	Before Mean          `json:"before"`
	After  Mean          `json:"after"`
	Trend  []StressMonth `json:"trend"`
	// Drops are what was tried before the calls, ranked by the stress drop
	// that followed.
	Drops []Drop `json:"drops"`
}

// StressMonth is one month of the trend.
type StressMonth struct {
	Month  string  `json:"month"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
	N      int     `json:"n"`
}

// Drop is the mean fall in stress after calls where something was tried.
type Drop struct {
	Name  string  `json:"name"`
	Label string  `json:"label"`
	Kind  string  `json:"kind"`
	Uses  int     `json:"uses"`
	Mean  float64 `json:"mean_drop"`
	// Judged is false below MinUses: shown, never claimed.
	Judged bool `json:"judged"`
	// shareable is as for Works.
	shareable bool
}

// Timing is when calls happen, by weekday (Sunday first) and hour.
type Timing struct {
	Hard [7][24]int `json:"hard"`
	All  [7][24]int `json:"all"`
	// Peak is where hard calls cluster beyond the share of all calls, if
	// they clearly do.
	Peak *Slot `json:"peak,omitempty"`
}

// Slot is part of a weekday.
type Slot struct {
	Weekday time.Weekday `json:"weekday"`
	Part    string       `json:"part"`
	Hard    int          `json:"hard"`
	AllHard int          `json:"all_hard"`
	All     int          `json:"all"`
	Total   int          `json:"total"`
}

// Word is a word or two-word phrase used this month far more than in the
// agent's other months.
type Word struct {
	Text    string  `json:"text"`
	Entries int     `json:"entries"`
	Ratio   float64 `json:"ratio"`
}

// Takeaway is one the agent wrote this month.
type Takeaway struct {
	EntryID string    `json:"entry_id"`
	When    time.Time `json:"when"`
	Text    string    `json:"text"`
}

// FollowUps are the follow-ups that fell due this month.
type FollowUps struct {
	Due      int `json:"due"`
	Kept     int `json:"kept"`
	KeptLate int `json:"kept_late"`
	Missed   int `json:"missed"`
	Open     int `json:"open"`
}

// Goal is the goal a review set for this month, and how the next review
// said it went.
type Goal struct {
	Text string `json:"text"`
	// Result is empty until this month is reviewed.
	Result journal.GoalResult `json:"result,omitempty"`
}

// Headline is one plain sentence the numbers support. Private headlines
// quote free text or tags and never go into an anonymised export.
type Headline struct {
	Text    string `json:"text"`
	Private bool   `json:"private,omitempty"`
}

// Reading is guidance that fits a recurring trigger or emotion.
type Reading struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// For is the trigger or emotion it was found for.
	For string `json:"for"`
}
