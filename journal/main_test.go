package journal

import (
	"os"
	"testing"
	"time"
)

// testPass is the passphrase of every test journal.
const testPass = "correct horse battery staple"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		runSavingChild(dir)
		return
	}
	os.Exit(m.Run())
}

// fixedNow is the clock of test journals.
var fixedNow = time.Date(2026, 11, 24, 15, 30, 0, 0, time.UTC)

// newTestJournal sets up an unlocked journal in a temp folder.
func newTestJournal(t testing.TB) (*Journal, string) {
	t.Helper()
	j := Open(t.TempDir())
	j.now = func() time.Time { return fixedNow }
	rk, err := j.Init(testPass)
	if err != nil {
		t.Fatal(err)
	}
	return j, rk
}

// fullEntry has every field set.
func fullEntry() Entry {
	return Entry{
		When:         time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC),
		Channel:      ChannelVoice,
		Emotions:     []string{"angry", "anxious"},
		Triggers:     []Trigger{TriggerDelay, TriggerRepeatContact},
		Tags:         []string{"parcel", "third call"},
		Difficulty:   4,
		StressBefore: 2,
		StressAfter:  5,
		WhatHappened: "Customer's parcel is two weeks late; third call.\nShe shouted at first.",
		WhatITried:   "Let her vent, then paraphrased.",
		TriedItems:   []string{"builtin/guides/active-listening", "builtin/matrix/late-delivery"},
		WhatWorked:   "Naming the delay before she did.",
		WhatDidnt:    "Offering the standard voucher.",
		Outcome:      OutcomeFollowUpPending,
		Satisfaction: 3,
		Takeaway:     "Check the tracking before answering.",
		FollowUp:     time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC),
		FollowUpDone: false,
	}
}
