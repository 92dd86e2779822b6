package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/watch"
)

const note = "---\ntitle: Parking\n---\nWhere to park.\n\n## Visitors\nVisitors park by the %s gate.\n"

// app is the running side of an external edit: a watcher feeding
// ReloadPack and a real Bleve index, as the app wires them.
type app struct {
	mu       sync.Mutex
	lib      *kb.Library
	ix       *search.Index
	indexDir string
	reloaded chan *watch.Reloaded
}

func start(t *testing.T, packsDir string, lib *kb.Library) *app {
	t.Helper()
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	indexDir := t.TempDir()
	ix, err := search.Open(indexDir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	a := &app{lib: lib, ix: ix, indexDir: indexDir, reloaded: make(chan *watch.Reloaded, 16)}
	re := watch.NewReindexer(watch.IndexUpdate(ix, search.Packs{Dir: packsDir}))
	w, err := watch.New(packsDir, watch.Options{Debounce: 50 * time.Millisecond}, func(changes []watch.Change) {
		for _, c := range changes {
			a.mu.Lock()
			r, err := watch.ReloadPack(a.lib, filepath.Join(packsDir, c.Dir))
			if err != nil {
				a.mu.Unlock()
				t.Errorf("reload %s: %v", c.Dir, err)
				continue
			}
			a.lib = r.Library
			a.mu.Unlock()
			re.Submit(watch.Job{PackID: r.PackID, Files: c.Files, Kept: r.Kept}, func(err error) {
				if err != nil {
					t.Errorf("reindex: %v", err)
				}
				a.reloaded <- r
			})
		}
	}, func(err error) { t.Errorf("watch: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return a
}

func (a *app) next(t *testing.T) *watch.Reloaded {
	t.Helper()
	select {
	case r := <-a.reloaded:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("the edit was not picked up")
		return nil
	}
}

// recorded reports whether the index recorded the packs as they are on
// disk now, so the next start opens it without loading the library.
func (a *app) recorded(t *testing.T, packsDir string) bool {
	t.Helper()
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := search.RecordedState(a.indexDir)
	return rec != nil && rec.Key() == state.Key()
}

func (a *app) finds(t *testing.T, text string) bool {
	t.Helper()
	res, err := a.ix.Search(context.Background(), search.Query{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return len(res.Hits) > 0 && strings.HasPrefix(res.Hits[0].ID, "mine/guides/parking")
}

func TestExternalEditIsPickedUpAndABrokenOneKeepsTheLastGood(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	m := mine.Open(packsDir)
	rel, err := m.Create(kb.KindGuide, "Parking")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(m.Dir(), filepath.FromSlash(rel))
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(strings.ReplaceAll(note, "%s", "north"))
	lib, err := kb.LoadLibrary(nil, packsDir)
	if err != nil {
		t.Fatal(err)
	}
	a := start(t, packsDir, lib)

	// Edited in another editor while Poise runs.
	write(strings.ReplaceAll(note, "%s", "zanzibar"))
	if r := a.next(t); r.PackID != "mine" || len(r.Problems) != 0 || r.Pack.Dir != "mine" {
		t.Fatalf("reloaded %s (folder %q) with problems %v", r.PackID, r.Pack.Dir, r.Problems)
	}
	if !a.finds(t, "zanzibar") {
		t.Fatal("search does not find the edit")
	}
	if !a.recorded(t, packsDir) {
		t.Error("the edit was indexed without recording the library state: the next start loads every pack")
	}

	// A broken edit: reported with its line, and search keeps the last
	// good version.
	write("---\ntitle: [Parking\n---\nVisitors park by the quokka gate.\n")
	r := a.next(t)
	if len(r.Problems) == 0 || r.Problems[0].File != rel || r.Problems[0].Line == 0 || !slices.Equal(r.Kept, []string{rel}) {
		t.Fatalf("broken edit: problems %v, kept %v", r.Problems, r.Kept)
	}
	if !a.finds(t, "zanzibar") {
		t.Error("a broken edit took the last good version out of search")
	}
	if a.finds(t, "quokka") {
		t.Error("the broken text reached search")
	}

	// Fixed: the new text is in.
	write(strings.ReplaceAll(note, "%s", "quokka"))
	if r := a.next(t); len(r.Kept) != 0 {
		t.Fatalf("fixed edit still kept %v", r.Kept)
	}
	if !a.finds(t, "quokka") || a.finds(t, "zanzibar") {
		t.Error("search does not follow the fixed edit")
	}
	if !a.recorded(t, packsDir) {
		t.Error("after a broken edit and its fix, the library state is not recorded: the next start loads every pack")
	}
}

func TestWatcherDebouncesAndSeesNewFolders(t *testing.T) {
	packsDir := t.TempDir()
	var mu sync.Mutex
	var reports [][]watch.Change
	got := make(chan struct{}, 64)
	w, err := watch.New(packsDir, watch.Options{Debounce: 150 * time.Millisecond, MaxWait: time.Minute}, func(changes []watch.Change) {
		mu.Lock()
		reports = append(reports, changes)
		mu.Unlock()
		got <- struct{}{}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// A new pack folder with a sub-folder, then a burst of saves in it.
	sub := filepath.Join(packsDir, "acme", "guides", "billing")
	if err := os.MkdirAll(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	<-got
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(sub, "refunds.md"), []byte(strings.Repeat("x", i)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("the save in a new sub-folder was not reported")
	}
	// Hidden files (atomic writes' temporaries, the store's .poise) are not changes.
	os.WriteFile(filepath.Join(sub, ".refunds.md.tmp-1"), []byte("x"), 0o600)
	os.MkdirAll(filepath.Join(packsDir, ".poise", "staging"), 0o700)
	time.Sleep(500 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	// The new folder is read whole; the saves name their one file, so
	// search reads only it. The burst of 20 saves is one report on a quiet
	// machine; a loaded one (CI under -race, load 18) paused the loop
	// between saves for longer than the debounce and made three, still
	// far fewer than the saves.
	saves := []watch.Change{{Dir: "acme", Files: []string{"guides/billing/refunds.md"}}}
	if len(reports) < 2 || !reflect.DeepEqual(reports[0], []watch.Change{{Dir: "acme"}}) {
		t.Fatalf("reports = %v, want the new folder first, then its saves", reports)
	}
	for _, r := range reports[1:] {
		if !reflect.DeepEqual(r, saves) {
			t.Errorf("report %v, want %v: only the saved file (a hidden file is no change)", r, saves)
		}
	}
	if n := len(reports) - 1; n > 5 {
		t.Errorf("20 saves in a burst gave %d reports: the watcher does not wait for the files to be quiet", n)
	}
}

func TestWatcherIsBounded(t *testing.T) {
	packsDir := t.TempDir()
	for i := range 10 {
		os.MkdirAll(filepath.Join(packsDir, "p", string(rune('a'+i))), 0o700)
	}
	var errs []error
	w, err := watch.New(packsDir, watch.Options{MaxFolders: 4}, func([]watch.Change) {}, func(err error) { errs = append(errs, err) })
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "too many folders") {
		t.Errorf("errors = %v, want one saying too many folders", errs)
	}
}

// A team keeps its pack where it syncs and links it into the packs
// folder: edits there are picked up under the link's name.
func TestWatcherFollowsALinkedPackFolder(t *testing.T) {
	packsDir, elsewhere := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(elsewhere, "guides"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(packsDir, "team")); err != nil {
		t.Fatal(err)
	}
	got := make(chan []watch.Change, 8)
	w, err := watch.New(packsDir, watch.Options{Debounce: 50 * time.Millisecond}, func(changes []watch.Change) { got <- changes }, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := os.WriteFile(filepath.Join(elsewhere, "guides", "a.md"), []byte("# A\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case changes := <-got:
		if want := []watch.Change{{Dir: "team", Files: []string{"guides/a.md"}}}; !reflect.DeepEqual(changes, want) {
			t.Errorf("reported %v, want %v", changes, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("an edit in a linked pack folder was not picked up")
	}
}

// An atomic save (sed -i, and many editors: write a temporary file, rename
// it over the note) names the note alone: the rename of the temporary file
// read the whole pack again. A folder that goes still does.
func TestWatcherAtomicSaveNamesTheNote(t *testing.T) {
	packsDir := t.TempDir()
	sub := filepath.Join(packsDir, "vault", "guides")
	gone := filepath.Join(packsDir, "vault", "old")
	for _, d := range []string{sub, gone} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	note := filepath.Join(sub, "refunds.md")
	if err := os.WriteFile(note, []byte("# Refunds\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []watch.Change, 16)
	w, err := watch.New(packsDir, watch.Options{Debounce: 100 * time.Millisecond, MaxWait: time.Minute}, func(changes []watch.Change) { got <- changes }, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	next := func() []watch.Change {
		select {
		case c := <-got:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("the change was not reported")
			return nil
		}
	}

	tmp := filepath.Join(sub, "sedX4k2Qp") // as sed -i names it
	if err := os.WriteFile(tmp, []byte("# Refunds within 14 days\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, note); err != nil {
		t.Fatal(err)
	}
	if c, want := next(), []watch.Change{{Dir: "vault", Files: []string{"guides/refunds.md"}}}; !reflect.DeepEqual(c, want) {
		t.Errorf("an atomic save reported %v, want %v: the note alone", c, want)
	}

	if err := os.RemoveAll(gone); err != nil {
		t.Fatal(err)
	}
	if c, want := next(), []watch.Change{{Dir: "vault"}}; !reflect.DeepEqual(c, want) {
		t.Errorf("a folder removed reported %v, want %v: the whole pack", c, want)
	}
}
