package search

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// earlyLibrary is a generated multilingual vault of files notes, loaded.
func earlyLibrary(t *testing.T, files int) *kb.Library {
	t.Helper()
	packs := t.TempDir()
	if _, err := searchtest.WriteVault(filepath.Join(packs, "vault"), searchtest.VaultOptions{Files: files, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// earlyQueries are what a person types: one word, several, a typo, a
// prefix, a phrase, a kind filter with its facets, other scripts.
var earlyQueries = []Query{
	{Text: "sync"},
	{Text: "sync conflict", Limit: 200},
	{Text: "sync confilct"},
	{Text: "sett"},
	{Text: "conflict", Kinds: []kb.Kind{kb.KindGuide}},
	{Text: "Paramètres de Sync"},
	{Text: "同步冲突"},
	{Text: "синхронизация"},
	{Text: "المزامنة"},
	{Text: "plugin", Limit: 3, NoGroup: true},
	{Text: ""},
}

func earlyAnswers(t *testing.T, ix *Index) []string {
	t.Helper()
	var out []string
	for _, q := range earlyQueries {
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestOpenEarlyAnswersAsBuilt: Options.Early has the Index Open returns
// before the build's last merge, answering as it does once built, with
// nothing recorded or in the place of an index until the build is in;
// with the guides' bodies left out from the first (Options.Shed), as
// once built.
func TestOpenEarlyAnswersAsBuilt(t *testing.T) {
	lib := earlyLibrary(t, 400)
	dir := t.TempDir()
	state, err := kb.ScanLibrary(nil, filepath.Dir(lib.Packs[len(lib.Packs)-1].Dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	var (
		early  *Index
		before []string
	)
	ix, err := Open(dir, lib, Options{State: state, Shed: func(*kb.Pack) bool { return true }, Early: func(e *Index) {
		early = e
		if !e.Library().HasShed() {
			t.Error("the index handed out early answers for the guides' bodies")
		}
		before = earlyAnswers(t, e)
		if _, err := readRecord(dir); err == nil {
			t.Error("an index is recorded before it is built")
		}
		for _, name := range indexDirs(t, dir) {
			if !strings.HasPrefix(name, ".build-") {
				t.Errorf("%s in the index folder before the build is in", name)
			}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if early != ix {
		t.Fatalf("Early had %p, Open returned %p", early, ix)
	}
	if ix.inMemory() {
		t.Error("built in memory")
	}
	if !ix.Library().HasShed() {
		t.Error("the index built answers for the guides' bodies")
	}
	after := earlyAnswers(t, ix)
	for i, q := range earlyQueries {
		if before[i] != after[i] {
			t.Errorf("%+v:\nearly %s\nbuilt %s", q, before[i], after[i])
		}
		if strings.Contains(after[i], `"Total":0`) {
			t.Errorf("%+v matched nothing", q)
		}
	}
	if r, err := readRecord(dir); err != nil || r.Hash == "" {
		t.Errorf("built index not recorded: %v", err)
	}
	if names := indexDirs(t, dir); len(names) != 2 { // the index and its record
		t.Errorf("index folder holds %v", names)
	}
}

// TestOpenEarlyClosedMidBuild: an Index closed while its build merges
// cancels the build, which leaves nothing behind; Open says it was closed.
func TestOpenEarlyClosedMidBuild(t *testing.T) {
	lib := earlyLibrary(t, 200)
	dir := t.TempDir()
	closed := make(chan error, 1)
	_, err := Open(dir, lib, Options{Early: func(e *Index) {
		go func() { closed <- e.Close() }()
	}})
	if !errors.Is(err, ErrClosed) {
		t.Fatalf("Open of an index closed while built: %v", err)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if names := indexDirs(t, dir); len(names) != 0 {
		t.Errorf("a cancelled build left %v", names)
	}
}

// TestOpenEarlySearchedAndUpdated: searches from the moment the Index is
// handed out early until after it is built, and an update sent early,
// which waits for the build (-race).
func TestOpenEarlySearchedAndUpdated(t *testing.T) {
	lib := earlyLibrary(t, 200)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	updated := make(chan error, 1)
	ix, err := Open(t.TempDir(), lib, Options{Early: func(e *Index) {
		for range 2 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := e.Search(context.Background(), Query{Text: "sync"}); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		go func() { updated <- e.Update(context.Background(), fixtureLibrary()) }()
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := <-updated; err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()
	if got := topID(t, ix, "refund"); got != "builtin/matrix/refund-outside-policy" {
		t.Errorf("after the update, top hit %q", got)
	}
	if _, err := os.Stat(ix.current().path); err != nil {
		t.Error(err)
	}
}
