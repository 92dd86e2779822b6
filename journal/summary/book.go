package summary

import (
	"fmt"
	"time"

	"github.com/poisehq/poise/journal"
)

// MinUses is how often something must have been tried before the summary
// says whether it works: below it, "2 of 2" is shown as too few to tell.
const MinUses = 4

// hardDifficulty is the difficulty from which a call counts as hard.
const hardDifficulty = 4

// Options are what a Book needs beyond the entries.
type Options struct {
	// Now decides which months are in the future; zero means time.Now.
	Now time.Time
	// Location is the time zone months and hours are counted in; nil
	// means time.Local.
	Location *time.Location
	// Reviews are the monthly reviews, for the goals they set.
	Reviews []journal.Review
	// Title names a knowledge-base item id for sentences; nil shows the id
	// made readable.
	Title func(id string) string
}

// Book is a journal sorted into months, ready to summarise any of them.
// Build one per unlock (or change) and ask it for months and years; it
// holds decrypted text only in memory and writes nothing.
type Book struct {
	opts    Options
	now     Month
	months  map[Month][]*placed
	undated int
	reviews map[string]journal.Review
}

// placed is an entry with the month and time it is counted at.
type placed struct {
	e *journal.Entry
	t time.Time
	// timed is false when t is when the entry was written, not the call,
	// so the hour is not the call's.
	timed bool
}

// New sorts entries into months.
func New(entries []journal.Entry, opts Options) *Book {
	if opts.Location == nil {
		opts.Location = time.Local
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	b := &Book{opts: opts, now: MonthOf(opts.Now.In(opts.Location)), months: map[Month][]*placed{}, reviews: map[string]journal.Review{}}
	for i := range entries {
		e := &entries[i]
		p := &placed{e: e, t: e.When, timed: true}
		if p.t.IsZero() {
			p.t, p.timed = e.Created, false
		}
		if p.t.IsZero() {
			b.undated++
			continue
		}
		p.t = p.t.In(opts.Location)
		m := MonthOf(p.t)
		b.months[m] = append(b.months[m], p)
	}
	for _, r := range opts.Reviews {
		b.reviews[r.Month] = r
	}
	return b
}

// Months lists the months that have entries, oldest first.
func (b *Book) Months() []Month {
	var out []Month
	for m := range b.months {
		out = append(out, m)
	}
	sortMonths(out)
	return out
}

// Month summarises m.
func (b *Book) Month(m Month) *Summary {
	s := &Summary{Month: m.String(), Label: m.Label(), Undated: b.undated}
	s.Triggers, s.Emotions, s.Channels, s.Outcomes = []Count{}, []Count{}, []Count{}, []Count{}
	s.Pairs, s.WhatWorks, s.Words, s.Takeaways = []Pair{}, []Works{}, []Word{}, []Takeaway{}
	s.Stress.Trend, s.Stress.Drops, s.Headlines, s.Notes, s.ReadNext = []StressMonth{}, []Drop{}, []Headline{}, []string{}, []Reading{}
	if b.undated > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%s no date at all, so %s in no month.", plural(b.undated, "entry has", "entries have"), pick(b.undated, "it is", "they are")))
	}
	if b.now.Before(m) {
		s.Future = true
		s.Headlines = append(s.Headlines, Headline{Text: m.Label() + " has not happened yet, so there is nothing to summarise."})
		return s
	}
	cur := b.months[m]
	s.Entries = len(cur)
	s.PrevEntries = len(b.months[m.Add(-1)])
	s.Avg3Entries = float64(len(b.months[m.Add(-1)])+len(b.months[m.Add(-2)])+len(b.months[m.Add(-3)])) / 3
	s.Difficulty = meanOf(cur, func(e *journal.Entry) int { return e.Difficulty })
	s.PrevDifficulty = meanOf(b.months[m.Add(-1)], func(e *journal.Entry) int { return e.Difficulty })
	for _, p := range cur {
		if !p.timed {
			s.DatedByWriting++
		}
	}
	if s.DatedByWriting > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%s no call time, so %s counted in the month %s written and left out of the weekday and hour grid.",
			plural(s.DatedByWriting, "entry has", "entries have"), pick(s.DatedByWriting, "it is", "they are"), pick(s.DatedByWriting, "it was", "they were")))
	}
	b.counts(s, m)
	b.stress(s, m)
	b.works(s, cur)
	s.Timing = timing(cur)
	s.Words = b.words(m)
	s.Takeaways = takeaways(cur)
	s.FollowUps = followUps(cur, b.opts.Now)
	if r, ok := b.reviews[m.Add(-1).String()]; ok && r.Goal != "" {
		s.Goal = &Goal{Text: r.Goal}
		if next, ok := b.reviews[m.String()]; ok {
			s.Goal.Result = next.LastGoal
		}
	}
	s.Headlines = b.headlines(s, m)
	switch {
	case s.Entries == 0:
	case s.Difficulty.N == 0 && s.Stress.Before.N == 0 && s.BaseRate.Of == 0:
		s.Notes = append(s.Notes, "No difficulty, stress, outcome or satisfaction was recorded this month, so only counts are shown.")
	case s.Stress.Before.N == 0:
		s.Notes = append(s.Notes, "No entry this month recorded stress both before and after the call.")
	}
	return s
}

func meanOf(ps []*placed, v func(*journal.Entry) int) Mean {
	var sum, n int
	for _, p := range ps {
		if x := v(p.e); x > 0 {
			sum += x
			n++
		}
	}
	if n == 0 {
		return Mean{}
	}
	return Mean{Value: float64(sum) / float64(n), N: n}
}

// plural writes n with the singular or plural phrase: "1 entry has".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
