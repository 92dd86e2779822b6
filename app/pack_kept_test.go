package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// keptVault writes a folder of notes large enough to be shed (packs.ShedPack):
// 250 notes of a guide and four sections, one with a link to a note that
// does not exist.
func keptVault(t *testing.T) (packsDir string) {
	t.Helper()
	packsDir = filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for i := range 250 {
		var sb strings.Builder
		fmt.Fprintf(&sb, "# Topic %03d\n\nAbout topic %d.\n", i, i)
		for _, s := range []string{"Setup", "Usage", "Limits", "Help"} {
			fmt.Fprintf(&sb, "\n## %s\n\n%s of topic %d: read this first.\n", s, s, i)
		}
		if i == 7 {
			sb.WriteString("\nSee [[nowhere]].\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note-%03d.md", i)), []byte(sb.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return packsDir
}

// loadBehind runs p.loadLibrary as Run does after the window is up, and
// waits until the packs have loaded.
func loadBehind(t *testing.T, p *poise, ix *search.Index, packsDir string, state *kb.LibraryState) {
	t.Helper()
	var loaded atomic.Bool
	logf := p.logf
	p.logf = func(format string, args ...any) {
		if strings.HasPrefix(format, "poise: packs loaded") {
			loaded.Store(true)
		}
		logf(format, args...)
	}
	p.started = fixedNow
	p.packsLoading = true
	p.loadLibrary(ix, packsDir, state, false)
	// Loaded is logged just before the last UI work of the load (which
	// reads again what was saved meanwhile) is queued: wait for that too,
	// or an edit the test makes next is read twice, once by that replay,
	// and the test saw the second read still in flight (CI, -race, load 15).
	pump(t, p, func() bool { return loaded.Load() && p.savedWhileLoading == nil })
	settle(p)
}

// A start on an index that matches the packs does not parse a large
// folder pack: it is read as kept by the start before (what it shows,
// without the guides' bodies), and Guides lists it all. An edit outside
// Poise then reads only the file edited, for the screens as for search,
// and the problems banner says what the pack has after it.
func TestStartReadsKeptPackAndEditReadsOnlyItsFile(t *testing.T) {
	packsDir := keptVault(t)
	indexDir := t.TempDir()
	store, err := packs.Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}

	// The first start parses the pack, builds the index, and keeps it.
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := kb.LoadLibrary(nil, packsDir)
	ix, err := search.Open(indexDir, full, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, kb.NewLibrary())
	p.packs, p.builtin, p.libState = store, nil, state
	loadBehind(t, p, ix, packsDir, state)
	if !p.lib.BodiesShed("notes") {
		t.Fatal("the large pack keeps its bodies")
	}
	ix.Close()

	// A note changed so that only parsing it shows: same size, same
	// time, other words.
	note := filepath.Join(packsDir, "notes", "note-042.md")
	info, err := os.Stat(note)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(note)
	if err := os.WriteFile(note, []byte(strings.Replace(string(b), "# Topic", "# Tzpic", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(note, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}

	// The next start: the index matches, and the pack is not parsed.
	rec := search.ReadRecorded(indexDir)
	state2, err := kb.ScanLibrary(nil, packsDir, rec.State())
	if err != nil {
		t.Fatal(err)
	}
	ix2, err := rec.OpenCurrent(state2, search.Options{})
	if err != nil {
		t.Fatalf("the index is not current: %v", err)
	}
	t.Cleanup(func() { ix2.Close() })
	p2 := newTestPoise(t, kb.NewLibrary())
	p2.packs, p2.builtin, p2.libState = store, nil, state2
	p2.setSearcher(ix2)
	loadBehind(t, p2, ix2, packsDir, state2)
	if it, ok := p2.item("notes/note-042"); !ok || it.Title != "Topic 042" {
		t.Fatalf("note-042 is %+v: the start parsed the pack's files", it)
	}
	if !p2.lib.BodiesShed("notes") || ix2.Library() == nil {
		t.Fatal("the kept pack is not what the screens and search show")
	}
	p2.show(screenGuides)
	if n := len(p2.guides.branches["pack:notes"]); n != 250 {
		t.Errorf("Guides lists %d notes, want 250", n)
	}
	if shown := textIn(p2.notices); !strings.Contains(shown, "has 1 problem:") {
		t.Errorf("banner %q, want the kept pack's one problem", shown)
	}
	// A guide's body is read from its note when shown.
	p2.guides.showGuide("notes/note-003", "")
	if shown := textIn(p2.guides.view); !strings.Contains(shown, "Limits of topic 3") {
		t.Errorf("guide shows %q, want its sections' text from the note", shown)
	}

	// An edit outside Poise fixes the broken link and adds a section. The
	// test reads it as the pack watcher would (reloadPack), with the
	// watcher itself stopped, so its reload is the only one; two at once
	// are TestTwoReloadsAtOnceKeepThePack's.
	p2.stopWatching()
	broken := filepath.Join(packsDir, "notes", "note-007.md")
	b, _ = os.ReadFile(broken)
	fixed := strings.Replace(string(b), "See [[nowhere]].", "See [[note-003#Usage]].\n\n## Zanzibar gate\n\nPark by the zanzibar gate.", 1)
	if err := os.WriteFile(broken, []byte(fixed), 0o600); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(broken, future, future); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	p2.reloadPack(filepath.Join(packsDir, "notes"), []string{"note-007.md"}, nil, func(_ time.Duration, err error) { done <- err })
	var indexErr error
	pump(t, p2, func() bool {
		select {
		case indexErr = <-done:
			return true
		default:
			return false
		}
	})
	if indexErr != nil {
		t.Fatal(indexErr)
	}
	settle(p2)
	if shown := textIn(p2.notices); strings.Contains(shown, "problem") {
		t.Errorf("banner %q after the fix, want none", shown)
	}
	if it, ok := p2.item("notes/note-042"); !ok || it.Title != "Topic 042" {
		t.Errorf("note-042 is %+v: the edit of another note parsed the pack", it)
	}
	sec, ok := p2.item("notes/note-007#zanzibar-gate")
	if !ok || sec.Body != "" {
		t.Fatalf("the new section is %+v, want it without its body", sec)
	}
	if got := p2.withBody(sec); !strings.Contains(got.Text, "Park by the zanzibar gate") {
		t.Errorf("the new section reads %q", got.Text)
	}
	guide, _ := p2.item("notes/note-007")
	if id, ok := p2.lib.ResolveLink(guide, "note-003.md#usage"); !ok || id != "notes/note-003#usage" {
		// The link as the loader rewrote the wikilink.
		found := false
		for _, s := range guide.Sections {
			if it, _ := p2.item(s); it != nil {
				for _, l := range it.Links {
					found = found || l.Target == "notes/note-003#usage"
				}
			}
		}
		for _, l := range guide.Links {
			found = found || l.Target == "notes/note-003#usage"
		}
		if !found {
			t.Errorf("the edited note's link to another note does not open it: %+v", guide.Links)
		}
	}
	if ix2.Library() != p2.lib {
		t.Error("search keeps its own copy of the pack's items after the edit")
	}
	res, err := ix2.Search(t.Context(), search.Query{Text: "zanzibar"})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "notes/note-007#zanzibar-gate" {
		t.Errorf("search after the edit: %v %v", res, err)
	}

	// What is kept now is the pack after the edit, for its files now.
	pump(t, p2, func() bool {
		st, err := kb.ScanLibrary(nil, packsDir, p2.libState)
		if err != nil {
			t.Fatal(err)
		}
		pk, problems, err := kb.StoredPack(packs.KeptDir(packsDir), st.Packs[0])
		if err != nil {
			time.Sleep(10 * time.Millisecond) // kept off the UI goroutine
			return false
		}
		if len(problems) != 0 {
			t.Fatalf("kept problems %v after the fix", problems)
		}
		for _, it := range pk.Items {
			if it.ID == "notes/note-007#zanzibar-gate" {
				return true
			}
		}
		t.Fatal("the kept pack does not have the edit")
		return false
	})
}

// Two edits outside Poise read at once (the pack watcher reporting a
// second edit while the first is read): the later reload starts from
// the library and the files' description the first left, so the
// library has both edits and the pack is kept again for both, rather
// than dropped and parsed at the next start.
func TestTwoReloadsAtOnceKeepThePack(t *testing.T) {
	packsDir := keptVault(t)
	state, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := kb.LoadLibrary(nil, packsDir)
	ix, err := search.Open(t.TempDir(), full, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	store, err := packs.Open(packsDir)
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoise(t, kb.NewLibrary())
	p.packs, p.builtin, p.libState = store, nil, state
	p.setSearcher(ix)
	loadBehind(t, p, ix, packsDir, state)
	p.stopWatching() // the test reads its edits as the watcher would
	if !p.lib.BodiesShed("notes") {
		t.Fatal("the large pack keeps its bodies")
	}

	future := time.Now().Add(time.Minute)
	done := make(chan error, 2)
	for _, e := range []struct{ file, title string }{{"note-011.md", "Alpha"}, {"note-012.md", "Bravo"}} {
		name := filepath.Join(packsDir, "notes", e.file)
		b, _ := os.ReadFile(name)
		if err := os.WriteFile(name, []byte(strings.Replace(string(b), "# Topic", "# "+e.title, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, future, future); err != nil {
			t.Fatal(err)
		}
		p.reloadPack(filepath.Join(packsDir, "notes"), []string{e.file}, nil, func(_ time.Duration, err error) { done <- err })
	}
	indexed := 0
	pump(t, p, func() bool {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			indexed++
		default:
		}
		return indexed == 2
	})
	settle(p)
	for id, want := range map[string]string{"notes/note-011": "Alpha 011", "notes/note-012": "Bravo 012"} {
		if it, ok := p.item(id); !ok || it.Title != want {
			t.Errorf("%s is %+v in the library, want %q", id, it, want)
		}
	}
	now, err := kb.ScanLibrary(nil, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.libState.Key() != now.Key() {
		t.Fatal("the files' description is not the files as both edits left them")
	}

	// Kept off the UI goroutine: wait for it, a while.
	var pk *kb.Pack
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if pk, _, err = kb.StoredPack(packs.KeptDir(packsDir), now.Packs[0]); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("the pack is not kept for its files after both edits: %v", err)
	}
	titles := map[string]string{}
	for _, it := range pk.Items {
		titles[it.ID] = it.Title
	}
	if titles["notes/note-011"] != "Alpha 011" || titles["notes/note-012"] != "Bravo 012" {
		t.Errorf("kept titles %q, %q, want both edits", titles["notes/note-011"], titles["notes/note-012"])
	}
}

// The packs' problems banner groups its counts' digits as the rest of the
// app does, and says "problems", not "problem(s)": a large vault opened on
// "A content pack has 2886 problem(s): 2118 links …" beside "55,802 items".
func TestPackProblemsBannerGroupsDigits(t *testing.T) {
	var ps []kb.Problem
	for i := range 2886 {
		g := kb.GroupMissingHeading
		if i >= 2118 {
			g = kb.GroupMissingNote
		}
		ps = append(ps, kb.Problem{File: fmt.Sprintf("n%d.md", i), Line: 1, Group: g, Message: "x"})
	}
	msg := packProblemsMessage(ps)
	for _, want := range []string{"has " + numtext.Count(2886) + " problems:", numtext.Count(2118) + " links name headings", "768 links point"} {
		if !strings.Contains(msg, want) {
			t.Errorf("banner %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "2886") || strings.Contains(msg, "problem(s)") {
		t.Errorf("banner %q has an ungrouped count or problem(s)", msg)
	}
	if got := packProblemsMessage(ps[:1]); !strings.Contains(got, "has 1 problem:") {
		t.Errorf("one problem reads %q", got)
	}
}
