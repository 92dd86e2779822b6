package textsearch

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

type noTexts struct{}

func (noTexts) Hit(id string) (Hit, []func() string, bool) { return Hit{ID: id}, nil, true }
func (noTexts) Defaults(Query, int) []Hit                  { return nil }

// Facet counts stay right once segments are merged. zapx v17 merged the
// doc values of a field indexed with SkipDVCompression as if each chunk
// of 1,024 documents were one document (see facetOptions), so on a large
// persisted library "All" and "Guides" disagreed. This builds more than
// ten segments, forces them into one, and checks every facet count
// against the total of the query filtered on that value.
func TestFacetCountsSurviveMerges(t *testing.T) {
	const n, batch = 6000, 400 // 15 segments
	kinds := []string{"guide", "matrix", "statement", "phrase", "template"}
	c := &Corpus{Hash: "facet-merge-test", Len: n, Doc: func(i int) (string, Document) {
		d := Document{
			Title:  fmt.Sprintf("item %d", i),
			Body:   "common words",
			Kind:   kinds[(i*7/3)%len(kinds)],
			Source: fmt.Sprintf("pack%d", i%3),
		}
		if i%4 == 0 {
			d.Body += " alpha"
		}
		if i%11 == 0 {
			d.Tags = []string{"rare"}
		}
		return fmt.Sprintf("id-%05d", i), d
	}}
	ix, _, err := buildStored(context.Background(), t.TempDir(), c.Hash, c, BuildHooks{}, DefaultOpenTimeout, batch)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	adv, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		t.Fatalf("index is %T, not scorch", adv)
	}
	if err := sc.ForceMerge(context.Background(), &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// A query matching every document hides the bug (the values are all
	// there, on the wrong documents); one matching a quarter shows it.
	for _, text := range []string{"", "common", "alpha"} {
		all, err := ix.Search(ctx, Query{Text: text + " ", Limit: 1}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		if all.Total != n && text == "common" {
			t.Errorf("%q: total %d, want %d", text, all.Total, n)
		}
		check := func(field string, counts []FacetCount, filter func(v string) Query) {
			sum := 0
			for _, fc := range counts {
				sum += fc.Count
				res, err := ix.Search(ctx, filter(fc.Value), noTexts{})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != fc.Count {
					t.Errorf("%q: %s %s counted %d, but filtering on it finds %d", text, field, fc.Value, fc.Count, res.Total)
				}
			}
			if field != "tag" && sum != all.Total {
				t.Errorf("%q: %s counts add up to %d, want %d", text, field, sum, all.Total)
			}
		}
		check("kind", all.Facets.Kinds, func(v string) Query { return Query{Text: text + " ", Kinds: []string{v}, Limit: 1} })
		check("source", all.Facets.Sources, func(v string) Query { return Query{Text: text + " ", Sources: []string{v}, Limit: 1} })
		check("tag", all.Facets.Tags, func(v string) Query { return Query{Text: text + " ", Tags: []string{v}, Limit: 1} })
	}
}
