package app

import (
	"testing"
	"time"
)

// The variables set are Fyne's own: they hold its minute before the app
// shortens it (a variable of the app's would hold zero), and a FYNE_CACHE
// the person set wins.
func TestFyneCacheIsShortenedUnlessThePersonSetIt(t *testing.T) {
	saved, savedClean := fyneValidDuration, fyneCleanEvery
	t.Cleanup(func() { fyneValidDuration, fyneCleanEvery = saved, savedClean })
	if saved != time.Minute || savedClean != 30*time.Second {
		t.Fatalf("Fyne's cache duration %v, cleaned every %v: want its default minute and 30 s", saved, savedClean)
	}

	t.Setenv("FYNE_CACHE", "2m")
	shortenFyneCache()
	if fyneValidDuration != saved {
		t.Fatalf("with FYNE_CACHE set, cache duration %v, want it left at %v", fyneValidDuration, saved)
	}

	t.Setenv("FYNE_CACHE", "")
	shortenFyneCache()
	if fyneValidDuration != fyneCacheFor || fyneCleanEvery != fyneCacheFor/2 {
		t.Fatalf("cache duration %v cleaned every %v, want %v and %v", fyneValidDuration, fyneCleanEvery, fyneCacheFor, fyneCacheFor/2)
	}
}
