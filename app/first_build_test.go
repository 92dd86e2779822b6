package app

import (
	"os"
	"path/filepath"
	"runtime/metrics"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// startFirstBuild does what Run does for a data folder without an index:
// scans the packs and, once the window is up (here at once), loads them
// (loadPacks) and builds the index from them (firstBuild).
// The returned function reports whether the build is over and its large
// packs kept.
func startFirstBuild(t testing.TB, p *poise, packsDir, indexDir string) (built func() bool) {
	t.Helper()
	store, err := packs.Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}
	state, err := packs.Scan(packs.Builtin(p.builtin, packsDir), packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := packs.NewKeptLoad(packs.Builtin(p.builtin, packsDir), packsDir, state, t.Logf)
	first.ParseAll = true
	uncapMemory()
	p.awaitFirstBuild(first, countFilesRead(first))
	loaded := loadPacks(first, search.FirstBuildHeap(state))
	var done atomic.Bool
	p.packs, p.libState = store, state
	p.firstBuilt = func() { done.Store(true) }
	p.setIndexing("Preparing search… reading your packs")
	p.firstBuild(first, loaded, indexDir)
	// Search answers before the build has written everything (the early
	// index): a test done by then would remove folders it still writes.
	t.Cleanup(func() { waitUI(t, p, done.Load) })
	return done.Load
}

// A data folder with a large folder pack and no index: the packs load
// from the start, the Find screen says it is preparing search meanwhile,
// and once built search answers from the packs loaded and the large pack
// is kept, so the next start does not parse it again.
func TestFirstBuildSearchesThePacksLoadedAtStart(t *testing.T) {
	packsDir := keptVault(t)
	p := newTestPoise(t, kb.NewLibrary())
	p.builtin = nil
	indexDir := filepath.Join(t.TempDir(), "index")
	built := startFirstBuild(t, p, packsDir, indexDir)
	gogcEnv := os.Getenv("GOGC") != ""
	if got := gcPercentNow(); got != firstBuildGCPercent && !gogcEnv {
		t.Errorf("the first build runs at GOGC %d, want %d", got, firstBuildGCPercent)
	}
	if got := p.find.info.Text; !strings.HasPrefix(got, "Preparing search") {
		t.Errorf("Find shows %q while the packs load, want that search is being prepared", got)
	}
	waitUI(t, p, func() bool { return p.search != nil })
	res, err := p.search.Search(t.Context(), search.Query{Text: "topic 42"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "notes/note-042" {
		t.Errorf("'topic 42' finds %v, want notes/note-042 first", resultIDs(res))
	}
	if _, ok := p.item("notes/note-042"); !ok {
		t.Error("the screens do not have the packs loaded")
	}
	waitUI(t, p, built)
	if got := gcPercentNow(); got != gcPercent && !gogcEnv {
		t.Errorf("once built the app runs at GOGC %d, want %d again", got, gcPercent)
	}
	kept, err := os.ReadDir(packs.KeptDir(packsDir))
	if err != nil || len(kept) == 0 {
		t.Errorf("the large pack is not kept for the next start (%v): %v", kept, err)
	}

	// The files were hashed as they loaded, not scanned first: the next
	// start still finds the index current and the pack kept for them.
	if c, ok := p.search.(interface{ Close() error }); ok {
		c.Close() // as the app does when it quits
	}
	recorded := search.ReadRecorded(indexDir)
	next, _ := packs.Scan(nil, packsDir, recorded.State())
	if recorded.State() == nil || p.libState.Unread() || p.libState.Key() != next.Key() {
		t.Fatalf("the state recorded (%v) or the screens' (unread %v) is not the next start's", recorded.State() != nil, p.libState.Unread())
	}
	ix, err := recorded.OpenCurrent(next, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the next start would build the index again: %v", err)
	}
	ix.Close()
	var parsed []string
	kb.LoadLibraryKept(nil, packsDir, kb.Kept{Dir: packs.KeptDir(packsDir), State: next, Loaded: func(pk *kb.Pack, _ []kb.Problem, kept bool) {
		if !kept {
			parsed = append(parsed, pk.Dir)
		}
	}})
	if len(parsed) > 0 {
		t.Errorf("the next start parses %v again, want them read as kept", parsed)
	}
}

// While a first build runs, Fyne's widgets show no animations: the Find
// field's text cursor fading in and out redrew the whole window about five
// times a second, each frame some 20 ms of a core the build wants under
// software rendering. Once search is ready they show again.
func TestFirstBuildHoldsAnimationsUntilSearchIsReady(t *testing.T) {
	packsDir := keptVault(t)
	p := newTestPoise(t, kb.NewLibrary())
	p.builtin = nil
	startFirstBuild(t, p, packsDir, filepath.Join(t.TempDir(), "index"))
	if fyne.CurrentApp().Settings().ShowAnimations() {
		t.Error("widgets animate while the first build runs")
	}
	waitUI(t, p, func() bool { return p.search != nil })
	if !fyne.CurrentApp().Settings().ShowAnimations() {
		t.Error("widgets still show no animations once search is ready")
	}
}

// While a first build reads the packs, the Find screen counts the files
// read out of those scanned, ending on all of them, before it counts the
// items indexed.
func TestFirstBuildCountsTheFilesRead(t *testing.T) {
	packsDir := keptVault(t)
	p := newTestPoise(t, kb.NewLibrary())
	p.builtin = nil
	built := startFirstBuild(t, p, packsDir, filepath.Join(t.TempDir(), "index"))
	var shown []string
	waitUI(t, p, func() bool {
		if text := p.find.info.Text; len(shown) == 0 || shown[len(shown)-1] != text {
			shown = append(shown, text)
		}
		return built()
	})
	reading := slices.IndexFunc(shown, func(s string) bool { return strings.Contains(s, "reading your packs: ") })
	last := slices.IndexFunc(shown, func(s string) bool { return s == "Preparing search… reading your packs: 250 of 250 files" })
	indexing := slices.IndexFunc(shown, func(s string) bool { return strings.HasSuffix(s, " items") })
	if reading < 0 || last < reading || (indexing >= 0 && indexing < last) {
		t.Errorf("Find showed %q; want counts of files read, ending on all 250, before items are indexed", shown)
	}
}

// resultIDs lists the ids of res's hits, for messages.
func resultIDs(res *search.Results) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// waitUI runs p's UI work until cond holds, polling cond, which other
// goroutines make true, as often as the queue; for as long as a build of
// the issue 10 vault takes on a busy machine.
func waitUI(t testing.TB, p *poise, cond func() bool) {
	t.Helper()
	q := queues[p]
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(5 * time.Minute)
	for !cond() {
		select {
		case fn := <-q:
			fn()
		case <-tick.C:
		case <-timeout:
			t.Fatal("timed out waiting for the first build")
		}
	}
}

// While the index builds, the Find screen counts the items indexed; once
// all are, it says the index is being finished rather than showing a
// count that no longer moves. Counts have their digits grouped ("55,802"
// in English; numtext's tests pin each locale).
func TestIndexingTextSaysWhenTheIndexIsFinishing(t *testing.T) {
	p := newTestPoise(t, kb.NewLibrary())
	n := numtext.Count
	for _, tc := range []struct {
		done, total int
		want        string
	}{
		{0, 55802, "Preparing search… 0 of " + n(55802) + " items"},
		{4650, 55802, "Preparing search… " + n(4650) + " of " + n(55802) + " items"},
		{55802, 55802, "Preparing search… all " + n(55802) + " items read; finishing the index"},
	} {
		if strings.Contains(tc.want, "55802") {
			t.Fatalf("want %q has an ungrouped count", tc.want)
		}
		p.setIndexing(indexingText(tc.done, tc.total))
		if got := p.find.info.Text; got != tc.want {
			t.Errorf("%d of %d: Find shows %q, want %q", tc.done, tc.total, got, tc.want)
		}
	}
}

// gcPercentNow is the collector's GOGC as set now.
func gcPercentNow() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// The Find screen's chips group a count's digits: "All 55802" was hard to
// read at a glance.
func TestFindChipsGroupDigits(t *testing.T) {
	test.NewTempApp(t)
	c := newChipRow("All", func(v string) string { return v }, func(string) {})
	c.set([]search.FacetCount{{Value: "Statements", Count: 12345}}, "All "+numtext.Count(55802))
	var texts []string
	for _, o := range c.box.Objects {
		texts = append(texts, o.(*widget.Button).Text)
	}
	want := []string{"All " + numtext.Count(55802), "Statements " + numtext.Count(12345)}
	if !slices.Equal(texts, want) || strings.Contains(strings.Join(texts, " "), "12345") {
		t.Errorf("chips read %q, want %q", texts, want)
	}
}
