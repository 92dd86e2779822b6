package summary

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/poisehq/poise/journal"
)

// at is a call time in UTC.
func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

var (
	itemPaymentPlan = "builtin/matrix/payment-plan"
	itemPause       = "builtin/guides/staying-calm#the-five-second-pause"
	tagCallback     = "callback-offer"
)

// background is an ordinary month: 40 calls on weekday afternoons, four
// triggers in turn, one in three resolved, stress unchanged, few hard
// calls and those spread out.
func background(y int, m time.Month, rnd *rand.Rand) []journal.Entry {
	bg := []journal.Trigger{journal.TriggerDelay, journal.TriggerDefect, journal.TriggerPolicyLimit, journal.TriggerWaitTime}
	emos := []string{"frustrated", "confused", "impatient", "anxious"}
	var out []journal.Entry
	for i := range 40 {
		day := 1 + i%27
		t := at(y, m, day, 13+i%4)
		for t.Weekday() == time.Monday || t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
			t = t.AddDate(0, 0, 1)
		}
		e := journal.Entry{
			ID: fmt.Sprintf("bg-%d-%02d-%02d", y, m, i), When: t, Channel: journal.Channels[i%3],
			Triggers: []journal.Trigger{bg[i%4]}, Emotions: []string{emos[i%3]},
			Difficulty: 1 + i%3, StressBefore: 3, StressAfter: 3,
			WhatHappened: "Customer called about the order status and wanted an update.",
			Outcome:      journal.Outcomes[1+i%3],
		}
		if i%3 == 0 {
			e.Outcome = journal.OutcomeResolved
		}
		if i%9 == 4 {
			e.Difficulty = 4
		}
		if rnd != nil {
			e.StressAfter = 2 + rnd.IntN(2)
		}
		out = append(out, e)
	}
	return out
}

// billing adds n billing calls to a month.
func billing(y int, m time.Month, n int) []journal.Entry {
	var out []journal.Entry
	for i := range n {
		out = append(out, journal.Entry{
			ID: fmt.Sprintf("bill-%d-%02d-%02d", y, m, i), When: at(y, m, 1+i%28, 14), Channel: journal.ChannelVoice,
			Triggers: []journal.Trigger{journal.TriggerBilling}, Emotions: []string{"angry"}, Difficulty: 3,
			WhatHappened: "Disputed a charge on the invoice.", Outcome: journal.OutcomeUnresolved,
		})
	}
	return out
}

// plantedJournal is twelve ordinary months up to November 2026, with in
// November: billing doubled (15 → 30), a payment-plan offer that resolved
// all 6 calls it was used in, a pause technique followed by a 4-point
// stress drop in 5 calls, 8 hard calls on Monday mornings, and a callback
// offer tried twice with success (too few to judge).
func plantedJournal() []journal.Entry {
	var es []journal.Entry
	for i := range 12 {
		m := Month{2025, time.December}.Add(i)
		es = append(es, background(m.Year, m.Month, nil)...)
		n := 15
		if m == (Month{2026, time.November}) {
			n = 30
		}
		es = append(es, billing(m.Year, m.Month, n)...)
	}
	for i := range 6 {
		// The payment plan resolves the first six of November's billing calls.
		e := &es[len(es)-30+i]
		e.TriedItems = []string{itemPaymentPlan}
		e.Outcome = journal.OutcomeResolved
	}
	for i := range 5 {
		es = append(es, journal.Entry{
			ID: fmt.Sprintf("pause-%d", i), When: at(2026, time.November, 3+i*5, 15), Channel: journal.ChannelChat,
			Triggers: []journal.Trigger{journal.TriggerDelay}, Emotions: []string{"frustrated"}, Difficulty: 2,
			StressBefore: 5, StressAfter: 1, TriedItems: []string{itemPause},
			WhatHappened: "Long wait, shouting at first.", Outcome: journal.OutcomeEscalated,
		})
	}
	mondays := []int{2, 9, 16, 23, 30}
	for i := range 8 {
		es = append(es, journal.Entry{
			ID: fmt.Sprintf("monday-%d", i), When: at(2026, time.November, mondays[i%5], 8+i%3), Channel: journal.ChannelVoice,
			Triggers: []journal.Trigger{journal.TriggerWaitTime}, Emotions: []string{"impatient"}, Difficulty: 5,
			WhatHappened: "Weekend backlog, queue of callers.", Outcome: journal.OutcomeEscalated,
		})
	}
	for i := range 2 {
		es = append(es, journal.Entry{
			ID: fmt.Sprintf("callback-%d", i), When: at(2026, time.November, 11+i, 11), Channel: journal.ChannelEmail,
			Triggers: []journal.Trigger{journal.TriggerDefect}, Tags: []string{tagCallback}, Difficulty: 2,
			WhatHappened: "Broken part; offered to call back.", Outcome: journal.OutcomeResolved,
		})
	}
	return es
}

var textWords = strings.Fields(`refund order parcel courier invoice charge account manager supervisor
	delivery warranty replacement screen battery password login subscription cancel renewal discount
	voucher queue hold transfer callback email chat branch appointment booking ticket store shelf
	payment plan instalment overdue reminder letter fee promise apology escalation policy exception`)

// tenYearJournal is 6,000 entries over ten years with free text, for
// benchmarks and the long-journal edge case.
func tenYearJournal() []journal.Entry {
	rnd := rand.New(rand.NewPCG(1, 2))
	start := at(2016, time.December, 1, 0)
	es := make([]journal.Entry, 6000)
	for i := range es {
		t := start.Add(time.Duration(rnd.Int64N(int64(10 * 365 * 24 * time.Hour))))
		words := make([]string, 40)
		for k := range words {
			words[k] = textWords[rnd.IntN(len(textWords))]
		}
		es[i] = journal.Entry{
			ID: fmt.Sprintf("e%04d", i), When: t, Channel: journal.Channels[rnd.IntN(len(journal.Channels))],
			Triggers:   []journal.Trigger{journal.Triggers[rnd.IntN(len(journal.Triggers))]},
			Emotions:   []string{journal.Emotions[rnd.IntN(len(journal.Emotions))]},
			Tags:       []string{fmt.Sprint("tag", rnd.IntN(20))},
			TriedItems: []string{fmt.Sprint("builtin/guides/g", rnd.IntN(30))},
			Difficulty: 1 + rnd.IntN(5), StressBefore: 1 + rnd.IntN(5), StressAfter: 1 + rnd.IntN(5),
			WhatHappened: strings.Join(words[:25], " "), WhatWorked: strings.Join(words[25:33], " "),
			Takeaway: strings.Join(words[33:], " "), Outcome: journal.Outcomes[rnd.IntN(4)], Satisfaction: rnd.IntN(6),
		}
	}
	return es
}
