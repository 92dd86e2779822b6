package textsearch

import (
	"context"
	"slices"
	"strings"
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

// A set opened by a phrase of the query stands for what the query means
// ("turn down" is about saying no, though its words are a filler verb and
// a stop word): it is a group of its own, marked whole, with its single
// words; a set one plain word touches adds only its phrases.
func TestSynonymExpandGroups(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := im.AnalyzerNamed(analyzerEn)
	syn := newSynonyms([][]string{
		{"saying no", "turn down", "refuse", "decline"},
		{"request", "ask for", "asking for"},
	}, an)
	words := []string{"how", "do", "i", "turn", "down", "a", "request"}
	ex := syn.expand(stemsOf(an, strings.Join(words, " ")), words, nil)
	if len(ex.groups) != 2 {
		t.Fatalf("got %d groups %+v, want one per set", len(ex.groups), ex.groups)
	}
	no, req := ex.groups[0], ex.groups[1]
	if !no.whole || !slices.Contains(no.words, "refus") || !slices.Contains(no.phrases, "saying no") {
		t.Errorf("saying-no group %+v: want it whole, with refuse and \"saying no\"", no)
	}
	if req.whole || len(req.words) != 0 || !slices.Contains(req.phrases, "ask for") {
		t.Errorf("request group %+v: want only its phrases", req)
	}
}

// A phrasal verb's particle is its meaning: "keeps cutting me off" is an
// interruption, not the fault "keeps cutting out", though without their
// stop words both are "keep cut".
func TestSynonymParticleMustMatch(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := im.AnalyzerNamed(analyzerEn)
	syn := newSynonyms([][]string{
		{"broken", "faulty", "keeps cutting out"},
		{"interrupting", "cutting me off", "talking over me"},
	}, an)
	opened := func(text string) []bool {
		words := strings.Fields(text)
		ex := syn.expand(stemsOf(an, text), words, nil)
		var whole []bool
		for _, g := range ex.groups {
			whole = append(whole, g.whole && slices.Contains(g.words, "broken"))
		}
		return whole
	}
	if slices.Contains(opened("she keeps cutting me off"), true) {
		t.Error("'she keeps cutting me off' opened the broken set")
	}
	if !slices.Contains(opened("the line keeps cutting out"), true) {
		t.Error("'the line keeps cutting out' did not open the broken set")
	}
}
