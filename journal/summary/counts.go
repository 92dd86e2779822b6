package summary

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/poisehq/poise/journal"
)

// maxListed bounds each list a summary shows, so a journal with hundreds
// of made-up emotions or tags still gives a summary one can read.
const maxListed = 10

// names returns the names one entry counts under for a measure.
type names func(e *journal.Entry) []string

func triggerNames(e *journal.Entry) []string {
	out := make([]string, 0, len(e.Triggers))
	for _, t := range e.Triggers {
		out = append(out, string(t))
	}
	return out
}

func emotionNames(e *journal.Entry) []string {
	out := make([]string, 0, len(e.Emotions))
	for _, x := range e.Emotions {
		if x = strings.ToLower(strings.TrimSpace(x)); x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func channelNames(e *journal.Entry) []string {
	if e.Channel == "" {
		return nil
	}
	return []string{string(e.Channel)}
}

func outcomeNames(e *journal.Entry) []string {
	if e.Outcome == "" {
		return nil
	}
	return []string{string(e.Outcome)}
}

// tally counts names over a month's entries.
func tally(ps []*placed, f names) map[string]int {
	m := map[string]int{}
	for _, p := range ps {
		for _, n := range f(p.e) {
			m[n]++
		}
	}
	return m
}

// compare builds the Count list for a measure: this month against the
// previous one and the mean of the three before. fixed lists names that
// always appear (the outcomes), in order.
func (b *Book) compare(m Month, f names, label func(string) string, fixed []string) []Count {
	cur := tally(b.months[m], f)
	prev := tally(b.months[m.Add(-1)], f)
	p2, p3 := tally(b.months[m.Add(-2)], f), tally(b.months[m.Add(-3)], f)
	seen := map[string]bool{}
	var out []Count
	add := func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		out = append(out, Count{Name: n, Label: label(n), Count: cur[n], Prev: prev[n], Avg3: float64(prev[n]+p2[n]+p3[n]) / 3})
	}
	for _, n := range fixed {
		add(n)
	}
	if fixed != nil {
		return out
	}
	for n := range cur {
		add(n)
	}
	for n := range prev {
		add(n)
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Prev, a.Prev), strings.Compare(a.Name, b.Name))
	})
	if len(out) > maxListed {
		out = out[:maxListed]
	}
	return out
}

// The labels of each measure come from the vocabulary's owner in journal;
// emotions are free words, so only their dashes become spaces.
func triggerLabel(n string) string { return journal.Trigger(n).Label() }
func channelLabel(n string) string { return journal.Channel(n).Label() }
func outcomeLabel(n string) string { return journal.Outcome(n).Label() }
func emotionLabel(n string) string { return strings.ReplaceAll(n, "-", " ") }

func (b *Book) counts(s *Summary, m Month) {
	s.Triggers = b.compare(m, triggerNames, triggerLabel, nil)
	s.Emotions = b.compare(m, emotionNames, emotionLabel, nil)
	s.Channels = b.compare(m, channelNames, channelLabel, nil)
	var outs []string
	for _, o := range journal.Outcomes {
		outs = append(outs, string(o))
	}
	s.Outcomes = b.compare(m, outcomeNames, outcomeLabel, outs)
	s.Pairs = b.pairs(m)
}

// minPair is how often a trigger and emotion must meet in a month, and
// how many of the three months before must have them too, to be a pair
// that keeps coming together rather than a coincidence.
const (
	minPair       = 3
	minPairMonths = 1
)

// pairLift is how much more often a pair must meet than its trigger and
// emotion would by chance, given how common each is.
const pairLift = 2.0

func expected(ps []*placed, k [2]string) float64 {
	var t, e int
	for _, p := range ps {
		if containsTrigger(p.e, k[0]) {
			t++
		}
		for _, x := range emotionNames(p.e) {
			if x == k[1] {
				e++
			}
		}
	}
	if len(ps) == 0 {
		return 0
	}
	return float64(t) * float64(e) / float64(len(ps))
}

func containsTrigger(e *journal.Entry, t string) bool {
	for _, x := range e.Triggers {
		if string(x) == t {
			return true
		}
	}
	return false
}

func pairsIn(ps []*placed) map[[2]string]int {
	out := map[[2]string]int{}
	for _, p := range ps {
		for _, t := range p.e.Triggers {
			for _, em := range emotionNames(p.e) {
				out[[2]string{string(t), em}]++
			}
		}
	}
	return out
}

func (b *Book) pairs(m Month) []Pair {
	cur := pairsIn(b.months[m])
	earlier := []map[[2]string]int{pairsIn(b.months[m.Add(-1)]), pairsIn(b.months[m.Add(-2)]), pairsIn(b.months[m.Add(-3)])}
	out := []Pair{}
	for k, n := range cur {
		if n < minPair {
			continue
		}
		months := 0
		for _, e := range earlier {
			if e[k] > 0 {
				months++
			}
		}
		if months < minPairMonths || float64(n) < pairLift*expected(b.months[m], k) {
			continue
		}
		out = append(out, Pair{Trigger: k[0], Emotion: k[1], Count: n, EarlierMonths: months})
	}
	slices.SortFunc(out, func(a, b Pair) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Trigger, b.Trigger), strings.Compare(a.Emotion, b.Emotion))
	})
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

func takeaways(ps []*placed) []Takeaway {
	out := []Takeaway{}
	for _, p := range ps {
		if t := strings.TrimSpace(p.e.Takeaway); t != "" {
			out = append(out, Takeaway{EntryID: p.e.ID, When: p.t, Text: t})
		}
	}
	slices.SortFunc(out, func(a, b Takeaway) int { return cmp.Or(a.When.Compare(b.When), strings.Compare(a.EntryID, b.EntryID)) })
	return out
}

// followUps counts the follow-ups of this month's entries. The journal
// keeps no time of completion, so an entry last changed more than a day
// after its follow-up was due counts as kept late: an edit made later
// still reads as late, which errs towards modesty.
func followUps(ps []*placed, now time.Time) FollowUps {
	var f FollowUps
	for _, p := range ps {
		e := p.e
		if e.FollowUp.IsZero() {
			continue
		}
		f.Due++
		switch e.FollowUpState(now) {
		case journal.FollowUpDone:
			if !e.Updated.IsZero() && e.Updated.After(e.FollowUp.Add(24*time.Hour)) {
				f.KeptLate++
			} else {
				f.Kept++
			}
		case journal.FollowUpOverdue:
			f.Missed++
		default:
			f.Open++
		}
	}
	return f
}

func sortMonths(ms []Month) {
	slices.SortFunc(ms, func(a, b Month) int { return cmp.Compare(a.index(), b.index()) })
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Prev, a.Prev), strings.Compare(a.Name, b.Name))
	})
}
