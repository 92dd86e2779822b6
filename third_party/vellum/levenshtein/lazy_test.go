package levenshtein

import (
	"reflect"
	"sync"
	"testing"
)

// poise patch 1: a builder computes its parametric DFA at its first
// BuildDfa. Searches that correct a misspelt word at the same time share
// one builder (Bleve's scorch keeps two in package variables): the first
// uses must not race, and every DFA must be the one a builder computed
// at once (as upstream's constructor did) gives.
func TestLazyBuilderConcurrentFirstUse(t *testing.T) {
	for _, d := range []uint8{1, 2} {
		eager, err := NewLevenshteinAutomatonBuilder(d, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eager.parametric(); err != nil {
			t.Fatal(err)
		}
		lazy, _ := NewLevenshteinAutomatonBuilder(d, true)
		if lazy.MaxDistance() != d {
			t.Fatalf("MaxDistance %d, want %d", lazy.MaxDistance(), d)
		}
		words := []string{"sync", "synchronisation", "同步冲突", "paramètres", "", "a"}
		var wg sync.WaitGroup
		got := make([]*DFA, 8*len(words))
		for i := range got {
			wg.Go(func() {
				dfa, err := lazy.BuildDfa(words[i%len(words)], d)
				if err != nil {
					t.Error(err)
				}
				got[i] = dfa
			})
		}
		wg.Wait()
		for i, dfa := range got {
			want, err := eager.BuildDfa(words[i%len(words)], d)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(dfa, want) {
				t.Fatalf("distance %d, %q: the DFA differs from an eagerly built builder's", d, words[i%len(words)])
			}
		}
		if lazy.MaxDistance() != eager.pDfa.maxDistance {
			t.Fatalf("MaxDistance %d, the DFA's %d", lazy.MaxDistance(), eager.pDfa.maxDistance)
		}
	}
}
