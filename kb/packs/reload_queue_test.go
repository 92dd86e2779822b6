package packs

import (
	"slices"
	"testing"
)

func TestReloadQueueRunsAPacksReloadsOneAfterAnother(t *testing.T) {
	var q ReloadQueue
	var ran []string
	reload := func(name string) func() { return func() { ran = append(ran, name) } }
	q.Run("notes", reload("notes 1"))
	q.Run("notes", reload("notes 2")) // waits for the first
	q.Run("team", reload("team 1"))   // another pack: at once
	q.Run("notes", reload("notes 3"))
	if want := []string{"notes 1", "team 1"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q before any was done, want %q", ran, want)
	}
	q.Done("notes")
	if want := []string{"notes 1", "team 1", "notes 2"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q once the first was done, want %q", ran, want)
	}
	q.Done("team")
	q.Done("notes")
	q.Done("notes")
	q.Done("notes") // none running: nothing
	q.Run("notes", reload("notes 4"))
	if want := []string{"notes 1", "team 1", "notes 2", "notes 3", "notes 4"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q, want %q", ran, want)
	}
}
