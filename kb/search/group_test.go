package search

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestGroupOneAnswerPerSituation guards issue 11: "waited too long" filled
// the first three results with statements for that one situation, from
// the angry, frustrated and impatient banks, leaving no room for the
// concern or anything else. Grouped, the first three are three different
// answers and the statements wait under the first as "N more like this".
func TestGroupOneAnswerPerSituation(t *testing.T) {
	ix := openBundled(t)
	ctx := context.Background()
	const q = "waited too long"
	flat, err := ix.Search(ctx, Query{Text: q, Limit: 10, NoGroup: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(flat.Hits) < 3 || !sameSituation(key(flat.Hits[0]), key(flat.Hits[2])) {
		t.Fatalf("ungrouped, the first three no longer share a situation, so this test shows nothing; got %v", ids(flat.Hits))
	}
	res, err := ix.Search(ctx, Query{Text: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 3 {
		t.Fatalf("want at least 3 results, got %v", ids(res.Hits))
	}
	for i := range 3 {
		for j := range i {
			if sameSituation(key(res.Hits[i]), key(res.Hits[j])) {
				t.Errorf("results %d and %d answer one situation: %v", j+1, i+1, ids(res.Hits[:3]))
			}
		}
	}
	first := res.Hits[0]
	if first.ID != flat.Hits[0].ID {
		t.Errorf("the best hit moved: grouped %s, ungrouped %s", first.ID, flat.Hits[0].ID)
	}
	if len(first.More) < 2 {
		t.Fatalf("want the other statements for the situation under the first result, got %v", ids(first.More))
	}
	for _, m := range first.More {
		if m.Kind != kb.KindStatement || !sameSituation(key(first), key(m)) {
			t.Errorf("%s (%q) is not a statement for %q", m.ID, m.Title, first.Title)
		}
	}
	// A short page still fills: more hits are fetched when the first
	// batch folds into fewer results than asked for.
	short, err := ix.Search(ctx, Query{Text: q, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(short.Hits) != 3 {
		t.Errorf("limit 3: got %d results %v, want 3", len(short.Hits), ids(short.Hits))
	}
	// Every ungrouped hit is still there, as a result or under one.
	var all []string
	for _, h := range res.Hits {
		all = append(all, h.ID)
		all = append(all, ids(h.More)...)
	}
	for _, h := range flat.Hits {
		if !slices.Contains(all, h.ID) {
			t.Errorf("%s was lost by grouping", h.ID)
		}
	}
}

// TestGroupKeepsOrder: grouping only takes hits out of the list, so the
// results keep their ungrouped order (crisis content first) whatever the
// query.
func TestGroupKeepsOrder(t *testing.T) {
	ix := openBundled(t)
	for _, q := range []string{"talking about ending it all", "angry customer refund", "can't go on", "lost parcel"} {
		t.Run(q, func(t *testing.T) {
			flat, err := ix.Search(context.Background(), Query{Text: q, Limit: 60, NoGroup: true})
			if err != nil {
				t.Fatal(err)
			}
			res, err := ix.Search(context.Background(), Query{Text: q, Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			at := map[string]int{}
			for i, h := range flat.Hits {
				at[h.ID] = i
			}
			for i := 1; i < len(res.Hits); i++ {
				a, okA := at[res.Hits[i-1].ID]
				b, okB := at[res.Hits[i].ID]
				if !okA || !okB || a >= b {
					t.Fatalf("results out of their ungrouped order at %d: %v", i, ids(res.Hits))
				}
			}
		})
	}
}

func TestGroupHits(t *testing.T) {
	st := func(id, title string) Hit { return Hit{ID: id, Kind: kb.KindStatement, Title: title} }
	mx := func(id string) Hit { return Hit{ID: id, Kind: kb.KindMatrix, Title: "Waited too long"} }
	hits := []Hit{
		st("a#1", "Waited too long"),
		st("b#1", "Waited too long already"),
		mx("m/long-wait"),
		st("a#2", "waited too long!"),
		st("c#1", "Waited too"), // a shorter wording, still the same
		st("d#1", "Wants a refund"),
		st("e#1", "Waited"),
		st("d#2", "Wants a refund"),
	}
	got := groupHits(hits, 3)
	want := [][]string{{"a#1", "b#1", "a#2", "c#1"}, {"m/long-wait"}, {"d#1", "d#2"}}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d: %v", len(got), len(want), ids(got))
	}
	for i, w := range want {
		g := append([]string{got[i].ID}, ids(got[i].More)...)
		if !slices.Equal(g, w) {
			t.Errorf("result %d: got %v, want %v", i, g, w)
		}
	}
}

func ids(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func key(h Hit) string { return situationKey(h.Kind, h.Title, h.ID) }

// TestGroupGuideSections guards issue 11: "customer wants compensation"
// listed sections of one guide in most of the first six results, so the
// concern rows that answer it fell off the screen. A guide's sections fold
// under its best one ("more from this guide"), like statements under a
// situation; a second section stands on its own only when it answers
// nearly as well as the best.
func TestGroupGuideSections(t *testing.T) {
	ix := openBundled(t)
	ctx := context.Background()
	const q = "customer wants compensation"
	flat, err := ix.Search(ctx, Query{Text: q, Limit: 10, NoGroup: true})
	if err != nil {
		t.Fatal(err)
	}
	guides := map[string]int{}
	for _, h := range flat.Hits[:6] {
		if h.Kind == kb.KindGuide {
			guides[guideOf(h.ID)]++
		}
	}
	if slices.Max(append(slices.Collect(maps.Values(guides)), 0)) < 2 {
		t.Fatalf("ungrouped, no guide has two sections in the first six, so this test shows nothing; got %v", ids(flat.Hits))
	}
	res, err := ix.Search(ctx, Query{Text: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, h := range res.Hits {
		if h.Kind != kb.KindGuide {
			continue
		}
		g := guideOf(h.ID)
		if seen[g]++; seen[g] > 2 {
			t.Errorf("guide %s is listed more than twice: %v", g, ids(res.Hits))
		}
		for _, m := range h.More {
			if guideOf(m.ID) != g {
				t.Errorf("%s is folded under %s, another guide", m.ID, h.ID)
			}
		}
	}
}

func guideOf(id string) string { g, _, _ := strings.Cut(id, "#"); return g }

// TestGroupGuideSecondSection: a guide's second section keeps a row of its
// own only when it scores nearly as well as the best; the rest fold.
func TestGroupGuideSecondSection(t *testing.T) {
	hits := []Hit{
		{ID: "g/a#one", Kind: kb.KindGuide, Score: 1},
		{ID: "g/a#two", Kind: kb.KindGuide, Score: 0.9},
		{ID: "g/a#three", Kind: kb.KindGuide, Score: 0.85},
		{ID: "g/b#one", Kind: kb.KindGuide, Score: 0.8},
		{ID: "g/b#two", Kind: kb.KindGuide, Score: 0.5},
		{ID: "m/x", Kind: kb.KindMatrix, Score: 0.4},
	}
	got := groupHits(hits, 10)
	want := []string{"g/a#one", "g/a#two", "g/b#one", "m/x"}
	if !slices.Equal(ids(got), want) {
		t.Fatalf("got %v, want %v", ids(got), want)
	}
	if !slices.Equal(ids(got[0].More), []string{"g/a#three"}) || !slices.Equal(ids(got[2].More), []string{"g/b#two"}) {
		t.Errorf("folded: %v under %s, %v under %s", ids(got[0].More), got[0].ID, ids(got[2].More), got[2].ID)
	}
}
