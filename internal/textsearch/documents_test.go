package textsearch

import (
	"context"
	"fmt"
	"testing"
)

// testSynonyms are a few sets like a pack's.
var testSynonyms = [][]string{
	{"refund", "money back", "reimburse", "reimbursement"},
	{"angry", "furious", "upset", "irate", "livid"},
	{"manager", "supervisor", "someone senior"},
	{"parcel", "package", "delivery"},
}

func journalDocs() []Doc {
	return []Doc{
		{ID: "e1", Kind: "entry", Title: "Caller wanted a refund for a late parcel", Body: "She was **furious** about the delivery. I offered express replacement.", Tags: []string{"delivery"}, Emotions: []string{"angry"}},
		{ID: "e2", Kind: "entry", Title: "Supervisor hand-off went well", Body: "Warm hand-off; the customer did not have to repeat anything.", Tags: []string{"escalation"}},
		{ID: "e3", Kind: "draft", Title: "Billing mix-up", Body: "Charged twice for one order. Reimbursed the second charge.", Tags: []string{"billing"}, Emotions: []string{"confused"}},
	}
}

func ExampleDocuments() {
	syns := [][]string{{"refund", "money back", "reimburse"}}
	docs, err := NewDocuments(context.Background(), []Doc{
		{ID: "2026-11-24", Title: "Double charge", Body: "Reimbursed the second charge and apologised."},
		{ID: "2026-11-25", Title: "Late parcel", Body: "Sent a replacement by express."},
	}, syns)
	if err != nil {
		panic(err)
	}
	defer docs.Close()
	res, err := docs.Search(context.Background(), Query{Text: "money back"})
	if err != nil {
		panic(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Snippet)
	}
	// Output: 2026-11-24 Reimbursed the second charge and apologised.
}

func TestDocumentsSearch(t *testing.T) {
	docs, err := NewDocuments(context.Background(), journalDocs(), testSynonyms)
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"word in title", Query{Text: "supervisor"}, []string{"e2"}},
		{"synonym in body", Query{Text: "money back"}, []string{"e1", "e3"}},
		{"typo", Query{Text: "biling"}, []string{"e3"}},
		{"prefix", Query{Text: "escal"}, []string{"e2"}},
		{"kind filter", Query{Text: "refund", Kinds: []string{"draft"}}, []string{"e3"}},
		{"emotion filter", Query{Text: "refund", Emotions: []string{"Angry"}}, []string{"e1"}},
		{"blank lists defaults first", Query{Default: []string{"e3"}}, []string{"e3", "e1", "e2"}},
		{"sources filter ignored", Query{Text: "supervisor", Sources: []string{"builtin"}}, []string{"e2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := docs.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitIDs(res); !sameSet(got, tt.want) {
				t.Errorf("hits = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDocumentsPutDelete(t *testing.T) {
	docs, err := NewDocuments(context.Background(), journalDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	// Enough single changes to force a rebuild on the way.
	for i := range rebuildAfter + 3 {
		if err := docs.Put(Doc{ID: "e2", Title: fmt.Sprintf("Hand-off number %d", i), Body: "warm transfer"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := docs.Delete("e1", "missing"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"transfer", []string{"e2"}},
		{"supervisor", nil},
		{"parcel", nil},
		{fmt.Sprintf("number %d", rebuildAfter+2), []string{"e2"}},
	} {
		res, err := docs.Search(context.Background(), Query{Text: tt.text + " "})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); !sameSet(got, tt.want) {
			t.Errorf("%q: hits = %v, want %v", tt.text, got, tt.want)
		}
	}
	res, _ := docs.Search(context.Background(), Query{})
	if got := hitIDs(res); !sameSet(got, []string{"e2", "e3"}) || res.Total != 2 {
		t.Errorf("blank: hits %v total %d, want e2 e3", got, res.Total)
	}
}

func hitIDs(res *Results) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}
