package journal

import (
	"reflect"
	"testing"
	"time"
)

func TestFollowUpState(t *testing.T) {
	at := fixedNow
	tests := []struct {
		name string
		e    Entry
		now  time.Time
		want FollowUpState
	}{
		{"none", Entry{}, at, FollowUpNone},
		{"upcoming", Entry{FollowUp: at}, at.Add(-time.Second), FollowUpUpcoming},
		{"due at its time", Entry{FollowUp: at}, at, FollowUpDue},
		{"overdue after a day", Entry{FollowUp: at}, at.Add(24 * time.Hour), FollowUpOverdue},
		{"done", Entry{FollowUp: at, FollowUpDone: true}, at.Add(48 * time.Hour), FollowUpDone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.FollowUpState(tt.now); got != tt.want {
				t.Errorf("state = %v, want %v", got, tt.want)
			}
		})
	}
	if got := FollowUp3Days.From(at); !got.Equal(at.Add(72 * time.Hour)) {
		t.Errorf("3-day preset = %v", got)
	}
}

func TestFollowUpsAndWatcher(t *testing.T) {
	j, _ := newTestJournal(t)
	mk := func(what string, in time.Duration) Entry {
		e, err := j.Save(Entry{WhatHappened: what, FollowUp: fixedNow.Add(in)})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	overdue := mk("overdue", -48*time.Hour)
	soon := mk("soon", time.Hour)
	later := mk("later", 72*time.Hour)
	var fell []string
	w := j.NewFollowUpWatcher(fixedNow, func(e Entry) { fell = append(fell, e.ID) })
	w.Check(fixedNow.Add(30 * time.Minute))
	if len(fell) != 0 {
		t.Errorf("fell before its time: %v", fell)
	}
	w.Check(fixedNow.Add(2 * time.Hour))
	if !reflect.DeepEqual(fell, []string{soon.ID}) {
		t.Errorf("fell = %v, want only %q (the overdue one was already due at start)", fell, soon.ID)
	}
	w.Check(fixedNow.Add(3 * time.Hour))
	if len(fell) != 1 {
		t.Errorf("reported twice: %v", fell)
	}

	if err := j.MarkFollowUpDone(overdue.ID); err != nil {
		t.Fatal(err)
	}
	open, err := j.FollowUps()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range open {
		ids = append(ids, e.ID)
	}
	if want := []string{soon.ID, later.ID}; !reflect.DeepEqual(ids, want) {
		t.Errorf("open follow-ups = %v, want %v", ids, want)
	}
}
