package journal

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	search "github.com/poisehq/poise/internal/textsearch"
)

func TestSearch(t *testing.T) {
	j, _ := newTestJournal(t)
	a, _ := j.Save(fullEntry())
	b, _ := j.Save(Entry{WhatHappened: "Refund refused by policy", Triggers: []Trigger{TriggerPolicyLimit}})
	tests := []struct {
		name, q string
		want    []string
	}{
		{"word", "parcel", []string{a.ID}},
		{"prefix as typed", "refu", []string{b.ID}},
		{"trigger label", "policy limit", []string{b.ID}},
		{"blank gives all", " ", []string{b.ID, a.ID}},
		{"nothing", "zebra", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := j.Search(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	if err := j.Delete(b.ID); err != nil {
		t.Fatal(err)
	}
	if es, _ := j.Search("refund"); len(es) != 0 {
		t.Error("deleted entry still found by search")
	}
	t.Run("synonyms from the packs", func(t *testing.T) {
		c, _ := j.Save(Entry{WhatHappened: "Gave a refund for the broken kettle"})
		j.UseSynonyms([][]string{{"refund", "money back"}})
		es, err := j.Search("money back")
		if err != nil || len(es) != 1 || es[0].ID != c.ID {
			t.Errorf("Search(money back) = %v, %v", es, err)
		}
	})
	t.Run("typo", func(t *testing.T) {
		if es, _ := j.Search("kettel"); len(es) != 1 {
			t.Errorf("Search(kettel) = %v", es)
		}
	})
	t.Run("locked", func(t *testing.T) {
		j.Lock()
		if _, err := j.Search("parcel"); !errors.Is(err, ErrLocked) {
			t.Errorf("err = %v, want ErrLocked", err)
		}
	})
}

func TestSearchWhileSaving(t *testing.T) {
	j, _ := newTestJournal(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 20 {
			if _, err := j.Save(Entry{WhatHappened: fmt.Sprintf("kettle number %d", i)}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for range 5 {
		if _, err := j.Search("kettle"); err != nil {
			t.Fatal(err)
		}
	}
	<-done
	if es, _ := j.Search("kettle"); len(es) != 20 {
		t.Errorf("found %d of 20 entries after the saves", len(es))
	}
}

func TestSearchAnswersWhileTheIndexBuilds(t *testing.T) {
	j, _ := newTestJournal(t)
	a, _ := j.Save(Entry{WhatHappened: "Parcel lost in the depot"})
	j.Save(Entry{WhatHappened: "Billing mix-up"})
	// An index whose build has not finished.
	j.mu.Lock()
	j.index = &searchIndex{ready: make(chan struct{}), pending: map[string]*Entry{}}
	j.mu.Unlock()
	es, err := j.Search("parc dep")
	if err != nil || len(es) != 1 || es[0].ID != a.ID {
		t.Errorf("Search while building = %v, %v", es, err)
	}
}

// TestLockWhileTheIndexBuilds locks (as Ctrl+L or auto-lock do) while the
// search index is being built in the background. Under -race this caught
// the build writing the index while the lock read it; the built index must
// also end closed, not left holding private text.
func TestLockWhileTheIndexBuilds(t *testing.T) {
	j, _ := newTestJournal(t)
	j.mu.Lock()
	for i := range 3000 {
		e := fullEntry()
		e.ID = fmt.Sprintf("e%04d", i)
		e.WhatHappened = fmt.Sprintf("Call number %d about a late parcel and a refund that never came", i)
		j.entries[e.ID] = &stored{e: e, file: e.ID}
	}
	j.mu.Unlock()
	warmed := make(chan error)
	go func() { warmed <- j.WarmSearch() }()
	var ix *searchIndex
	for ix == nil {
		j.mu.Lock()
		ix = j.index
		j.mu.Unlock()
	}
	j.Lock()
	if err := <-warmed; !errors.Is(err, ErrLocked) {
		t.Errorf("WarmSearch after a lock = %v, want ErrLocked", err)
	}
	<-ix.ready
	ix.mu.Lock()
	docs := ix.docs
	ix.mu.Unlock()
	if docs != nil {
		if _, err := docs.Search(context.Background(), search.Query{Text: "parcel"}); !errors.Is(err, search.ErrClosed) {
			t.Errorf("the index built for a locked journal still answers: %v", err)
		}
	}
}
