package textsearch

import (
	"context"
	"fmt"
	"testing"
)

// TestInformativeWordOutranksFiller guards issue 11: common words of the
// domain in a title ("customer", "call", "again") beat the one rare word
// that carried the query.
func TestInformativeWordOutranksFiller(t *testing.T) {
	docs := []Doc{
		{ID: "generic", Kind: "entry", Title: "Customer calls back again", Body: "When a customer calls back again about the same thing."},
		{ID: "coupon", Kind: "entry", Title: "Coupon rejected", Body: "The coupon code was refused at checkout."},
	}
	// Filler words are common in the content, as in a real pack.
	for i := range 20 {
		docs = append(docs, Doc{ID: fmt.Sprint("n", i), Kind: "entry", Title: fmt.Sprint("Note ", i),
			Body: "The customer called back again, this time about something else."})
	}
	ix, err := NewDocuments(context.Background(), docs, [][]string{{"customer", "client", "account holder"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"customer calls back again about a coupon", "customer coupon "} {
		res, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != "coupon" {
			var got []string
			for _, h := range res.Hits[:min(3, len(res.Hits))] {
				got = append(got, h.ID)
			}
			t.Errorf("%q: first hits %v, want coupon first", q, got)
		}
	}
}
