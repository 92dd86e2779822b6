package journal_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/journal"
)

func Example() {
	dir, _ := os.MkdirTemp("", "journal")
	defer os.RemoveAll(dir)

	j := journal.Open(filepath.Join(dir, "journal"))
	recoveryKey, err := j.Init("a long passphrase")
	if err != nil {
		log.Fatal(err)
	}
	_ = recoveryKey // show it once; the person keeps it

	e, err := j.Save(journal.Entry{
		WhatHappened: "Third call about a late parcel.",
		Triggers:     []journal.Trigger{journal.TriggerDelay, journal.TriggerRepeatContact},
		Difficulty:   4,
		Outcome:      journal.OutcomeResolved,
	})
	if err != nil {
		log.Fatal(err)
	}
	j.Lock()

	fmt.Println(j.Unlock("a wrong guess"))
	if err := j.Unlock("a long passphrase"); err != nil {
		log.Fatal(err)
	}
	got, _ := j.Entry(e.ID)
	fmt.Println(got.Title())
	// Output:
	// unlock journal: wrong passphrase
	// Third call about a late parcel.
}

func ExampleEntry_PersonalData() {
	e := journal.Entry{WhatHappened: "Card 4111 1111 1111 1111 was charged twice; reply to sam@example.com."}
	for _, f := range e.PersonalData() {
		fmt.Println(f.Field, f.Kind, f.Mask)
	}
	fmt.Println(e.MaskPersonalData().WhatHappened)
	// Output:
	// what_happened card [card •••• 1111]
	// what_happened email •••@example.com
	// Card [card •••• 1111] was charged twice; reply to •••@example.com.
}

func ExampleFollowUpPreset_From() {
	call := time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC)
	for _, p := range journal.FollowUpPresets {
		fmt.Println(p.Label(), p.From(call).Format("Mon 2 Jan 15:04"))
	}
	// Output:
	// in 24 hours Wed 25 Nov 16:00
	// in 3 days Fri 27 Nov 16:00
	// in 1 week Tue 1 Dec 16:00
}
