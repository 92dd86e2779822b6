package textsearch

import (
	"context"
	"slices"
	"testing"
)

// A synonym member of several words is a phrase even when only one of its
// words is not a stop word. Before, "hanging myself" made every "hang" a
// synonym of suicide ("hung up on me" found crisis help), "don't believe
// you" every "believe", and "say no", whose "no" is a stop word, could not
// be matched at all.
func TestSynonymPhrasesKeepStopWords(t *testing.T) {
	sets := [][]string{
		{"suicide", "hanging myself", "in crisis"},
		{"saying no", "say no", "refuse", "decline"},
	}
	docs, err := NewDocuments(context.Background(), []Doc{
		{ID: "crisis", Title: "Customer in crisis", Body: "Talks about suicide. Stay on the line."},
		{ID: "rude", Title: "Colleague was rude", Body: "The last agent would not hang around to help."},
		{ID: "no", Title: "Turning a request down", Body: "How to refuse politely and offer something else."},
	}, sets)
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	for _, c := range []struct {
		text      string
		want, not string
	}{
		{"how do i say no nicely", "no", ""},
		{"he talked about hanging myself", "crisis", ""},
		{"agent would not hang up", "rude", "crisis"},
	} {
		res, err := docs.Search(context.Background(), Query{Text: c.text + " "})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q: got %v, want %s first", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q: got %v, want no %s", c.text, got, c.not)
		}
	}
}
