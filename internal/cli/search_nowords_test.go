package cli

import (
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// A query with no word in it ("[[", "?", "") gets the same answer whether
// the app is running or not. The app's index, which holds the library,
// answered it with its blank-query list (every statement); the kept index,
// which has no library, with nothing: a script saw a different answer
// depending on whether Poise was open.
func TestSearchWithoutWordsIsTheSameWithTheAppRunning(t *testing.T) {
	for _, text := range []string{"[[", "?", "!!", "", "  ", "🎉"} {
		t.Run(text, func(t *testing.T) {
			dataDir := t.TempDir()
			closedCode, closedOut, closedErr := run(t, "--data-dir", dataDir, "search", "--json", text)

			lib := kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "app"}, Items: []kb.Item{
				{ID: "app/s#1", Pack: "app", Kind: kb.KindStatement, Title: "Waited", Body: "Sorry for the wait."},
			}})
			ix, err := search.OpenMemory(lib)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			srv, err := searchsock.Listen(searchsock.Path(dataDir), ix)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			openCode, openOut, openErr := run(t, "--data-dir", dataDir, "search", "--json", text)

			if openCode != closedCode || openOut != closedOut || openErr != closedErr {
				t.Errorf("app closed: exit %d, stdout %q, stderr %q\napp open: exit %d, stdout %q, stderr %q",
					closedCode, closedOut, closedErr, openCode, openOut, openErr)
			}
			if closedCode != ExitUsage || !strings.Contains(closedErr, "no words to search for") {
				t.Errorf("exit %d, stderr %q; want a usage error saying there are no words to search for", closedCode, closedErr)
			}
		})
	}
}
