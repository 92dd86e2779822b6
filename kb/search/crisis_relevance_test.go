package search_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

var bundled struct {
	once sync.Once
	ix   *search.Index
	err  error
}

// bundledIndex indexes the content shipped with Poise, once per test run.
func bundledIndex(t *testing.T) *search.Index {
	t.Helper()
	bundled.once.Do(func() {
		lib, err := kb.LoadLibrary(content.FS, "")
		if lib == nil {
			bundled.err = err
			return
		}
		bundled.ix, bundled.err = search.OpenMemory(lib)
	})
	if bundled.err != nil {
		t.Fatalf("index bundled content: %v", bundled.err)
	}
	return bundled.ix
}

// crisisIDs are the items written for a customer in crisis: the matrix
// concern, the guide and its sections, and the statements.
var crisisIDs = []string{
	"builtin/matrix/customer-in-crisis",
	"builtin/guides/customer-in-crisis",
	"builtin/statements/in-crisis#",
}

// endsTheCall are the items whose words end a contact: right for abuse,
// dangerous for a customer at risk. (The abusive-customer concern may rank
// below the crisis one: it opens with a boundary, not a goodbye, and sends
// talk of self-harm to the crisis concern.)
var endsTheCall = map[string]bool{
	"builtin/templates/ending-an-abusive-call":                                true,
	"builtin/guides/boundaries-with-abusive-customers#ending-the-call-safely": true,
	"builtin/guides/boundaries-with-abusive-customers#giving-a-clear-warning": true,
}

func isCrisis(id string) bool {
	for _, p := range crisisIDs {
		if id == p || strings.HasPrefix(id, p+"#") || strings.HasSuffix(p, "#") && strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// TestCrisisRanksFirst guards issue 15: "want to end my life" ranked
// "Ending an abusive call" first, routing an agent towards hanging up on a
// customer at risk, and "suicide" found nothing. Every way a customer or an
// agent says it must put the crisis content first, and nothing that ends the
// contact in the first three.
func TestCrisisRanksFirst(t *testing.T) {
	ix := bundledIndex(t)
	for _, q := range []string{
		"want to end my life",
		"I want to end my life",
		"suicide",
		"suicidal",
		"customer is suicidal",
		"kill myself",
		"I'm going to kill myself",
		"no point going on",
		"can't go on",
		"I can't go on like this",
		"hurt myself",
		"wants to hurt themselves",
		"self-harm",
		"take my own life",
		"better off without me",
		"want to die",
		"customer in crisis",
		// How an agent describes it, and a relative calling about someone.
		"threatening suicide",
		"customer threatened to kill himself",
		"says she will kill herself",
		"mentions self harm",
		"talking about ending it all",
		"doesn't want to live anymore",
		// Made up by a reviewer playing a stressed agent mid-call: indirect
		// words, methods, slang and the verbs abuse also uses ("threatening").
		"customer said he'd be better off dead",
		"wishes she was dead",
		"says she's going to do something stupid",
		"overdose",
		"he said he's going to take all his pills",
		"threatening to jump",
		"jump off a bridge",
		"says nobody would miss him",
		"he said he won't be around much longer",
		"he's going to end it tonight",
		"thinking of ending it all",
		"kms",
		// Missed in the last review: methods named in passing, hopelessness
		// without the word "suicide", and a threat to a child's safety.
		"cutting herself",
		"customer said she's been cutting herself",
		"hanging herself",
		"he talked about hanging himself",
		"she doesn't see the point in anything",
		"threatening to hurt her kids",
		"caller says he'll hurt his children",
	} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Query{Text: q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, h := range res.Hits {
				if i == 5 {
					break
				}
				got = append(got, h.ID)
			}
			if len(got) == 0 || !isCrisis(got[0]) {
				t.Errorf("first hit is not crisis content; got %v", got)
			}
			for i, h := range res.Hits {
				if i == 3 {
					break
				}
				if endsTheCall[h.ID] {
					t.Errorf("%s, which ends the contact, is in the top 3; got %v", h.ID, got)
				}
			}
		})
	}
}

// TestHopelessnessShowsCrisis: "doesn't see the point anymore" is as often
// about a complaint as about a life, so the resigned statements may lead, but
// the crisis concern must be in sight, in the top three, for the agent to
// recognise the other meaning.
func TestHopelessnessShowsCrisis(t *testing.T) {
	ix := bundledIndex(t)
	for _, q := range []string{"doesn't see the point anymore", "customer says there's no point anymore"} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Query{Text: q, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, h := range res.Hits {
				if i < 3 && isCrisis(h.ID) {
					return
				}
				got = append(got, h.ID)
			}
			t.Errorf("no crisis content in the top 3; got %v", got)
		})
	}
}

// TestThreatsOfViolenceStayWithAbuse checks the other side of the line: a
// threat against the agent still finds the abuse concern, not the crisis one.
func TestThreatsOfViolenceStayWithAbuse(t *testing.T) {
	ix := bundledIndex(t)
	for _, q := range []string{"threat of violence", "customer threatening me", "customer swearing at me", "he said he knows where I live", "customer said he'll smash the place up"} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), search.Query{Text: q, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if len(got) == 0 || isCrisis(got[0]) || !strings.Contains(strings.Join(got[:min(3, len(got))], " "), "abusive") {
				t.Errorf("want abuse content in the top 3 and no crisis content first; got %v", got)
			}
		})
	}
}

// TestCrisisStatementsForSomeoneElse: a relative calling about a person at
// risk was a signal in the crisis concern, but every crisis statement spoke
// to the person at risk ("thank you for telling me, are you safe?"). The
// agent needs words for the caller: is the person with you, are they safe.
func TestCrisisStatementsForSomeoneElse(t *testing.T) {
	ix := bundledIndex(t)
	res, err := ix.Search(context.Background(), search.Query{Text: "relative calling about someone who wants to kill himself", Kinds: []kb.Kind{kb.KindStatement}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, top := range res.Hits {
		// Statements for one situation come as one result: look at them all.
		for _, h := range append([]search.Hit{top}, top.More...) {
			got = append(got, h.Title+": "+h.Snippet)
			if isCrisis(h.ID) && strings.Contains(h.Title+h.Snippet, "person you're worried about") {
				return
			}
		}
	}
	t.Errorf("no crisis statement for someone calling about another person in the top 5; got %q", got)
}
