package searchsock_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/kb/search"
)

// answerWith listens at path as a stand-in for the app (any process of
// the user's could have put a socket there) and answers every question
// with reply.
func answerWith(t *testing.T, path, reply string) {
	t.Helper()
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			bufio.NewReader(c).ReadString('\n')
			c.Write([]byte(reply))
			c.Close()
		}
	}()
}

// An answer is read within bounds made from the query, not from what
// the answer says: a forged one of a million empty hits (3 MB) would
// otherwise be decoded into a million Hit structs (hundreds of MB) and
// printed, whatever --limit asked for.
func TestAskRefusesAnAnswerBeyondTheQuery(t *testing.T) {
	path := searchsock.Path(t.TempDir())
	answerWith(t, path, `{"results":{"Total":1,"Hits":[{}`+strings.Repeat(`,{}`, 1_000_000)+`]}}`+"\n")
	res, err := searchsock.Ask(context.Background(), path, search.Query{Text: "late", Limit: 10}, 5*time.Second)
	if err == nil {
		t.Fatalf("a forged answer of %d hits for a limit of 10 was taken", len(res.Hits))
	}
}

// An answer with more hits than asked for, but small, is cut to the
// limit: the caller prints every hit it is given.
func TestAskCutsHitsToTheLimit(t *testing.T) {
	path := searchsock.Path(t.TempDir())
	answerWith(t, path, `{"results":{"Total":5,"Hits":[{"ID":"a"},{"ID":"b"},{"ID":"c"},{"ID":"d"},{"ID":"e"}]}}`+"\n")
	res, err := searchsock.Ask(context.Background(), path, search.Query{Text: "late", Limit: 2}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "a" {
		t.Errorf("hits %+v, want the first 2", res.Hits)
	}
}

// Braces in the texts of an answer are not objects: a template's
// {{placeholders}} or a note of JSON examples is answered as it is.
func TestAskTakesBracesInTexts(t *testing.T) {
	path := searchsock.Path(t.TempDir())
	answerWith(t, path, `{"results":{"Total":1,"Hits":[{"ID":"a","Snippet":"\"`+strings.Repeat("{{x}}", 100_000)+`"}]}}`+"\n")
	res, err := searchsock.Ask(context.Background(), path, search.Query{Text: "late", Limit: 1}, 5*time.Second)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("ask = %+v, %v", res, err)
	}
}
