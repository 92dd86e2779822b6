package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/gaps"
)

// waitLog runs queued UI work until the gaps log at path holds n searches.
func waitLog(t *testing.T, p *poise, path string, n int) []gaps.Search {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		settle(p)
		list, err := gaps.Read(path)
		if err == nil && len(list) == n {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("gaps log = %+v, %v; want %d searches", list, err, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFindKeepsGaps follows the rule of kb/gaps.Session through the real
// Find screen: a query that found nothing, one replaced without being used
// and one copied from; the card number typed by mistake is masked.
func TestFindKeepsGaps(t *testing.T) {
	p, f := findReady(t)
	path := filepath.Join(t.TempDir(), gaps.FileName)
	p.gapLog.path = path

	typeQuery(t, f, "zzqv 4111 1111 1111 1111")
	if len(f.hits) != 0 {
		t.Fatalf("the fixture found %v, so this test proves nothing", hitIDs(f))
	}
	ch := waitApplied(f)
	f.clear() // Esc ends the query
	wait(t, p, ch, "")
	waitLog(t, p, path, 1)

	typeQuery(t, f, "refund")
	if len(f.hits) == 0 {
		t.Fatal("no hits for refund")
	}
	f.copySelected() // used: no gap
	settle(p)
	ch = waitApplied(f)
	f.entry.SetText("")
	wait(t, p, ch, "")

	typeQuery(t, f, "late")
	ch = waitApplied(f)
	f.entry.SetText("parcel abroad") // replaces "late" unused
	wait(t, p, ch, "parcel abroad")
	list := waitLog(t, p, path, 2)

	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "4111") {
		t.Errorf("the card number reached the disk:\n%s", raw)
	}
	got := map[string]gaps.Search{}
	for _, s := range list {
		got[s.Query] = s
	}
	if s := got["zzqv [card]"]; s.NoResults != 1 || s.NotUsed != 0 || s.Last != "2026-11-25" {
		t.Errorf("masked query = %+v in %+v", s, list)
	}
	if s := got["late"]; s.NotUsed != 1 {
		t.Errorf("late = %+v, want not used once", s)
	}
	if _, ok := got["refund"]; ok {
		t.Errorf("a query copied from was logged: %+v", list)
	}
	p.endGapQuery() // the window closes on "parcel abroad"
	if list := waitLog(t, p, path, 3); list[len(list)-1].Query == "" {
		t.Errorf("closing did not keep the last query: %+v", list)
	}
}

func TestGapsLogOff(t *testing.T) {
	p, f := findReady(t)
	path := filepath.Join(t.TempDir(), gaps.FileName)
	p.gapLog.path = path
	p.show(screenSettings)
	var box *widget.Check
	for _, c := range findAll[*widget.Check](p.views[screenSettings].content()) {
		if strings.HasPrefix(c.Text, "Keep a log of searches") {
			box = c
		}
	}
	if box == nil || !box.Checked {
		t.Fatalf("no ticked gaps setting on the Settings screen")
	}
	test.Tap(box)
	if p.settings.GapsLog {
		t.Fatal("unticking the box left the log on")
	}
	p.show(screenFind)
	typeQuery(t, f, "zzqv nothing here")
	ch := waitApplied(f)
	f.clear()
	wait(t, p, ch, "")
	p.endGapQuery()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("with the log off a gaps log was written: %v", err)
	}
}

// TestGapsScreen shows the log with counts and the export exactly as it
// will be written: weeks, not days, and no name.
func TestGapsScreen(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.settings.AgentName = "Robin Reyes"
	path := filepath.Join(t.TempDir(), gaps.FileName)
	p.gapLog.path = path
	day := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, g := range []gaps.Gap{
		{Query: "refund to card 4111 1111 1111 1111", Outcome: gaps.NoResults}, {Query: "warranty abroad", Outcome: gaps.NoResults},
		{Query: "warranty abroad", Outcome: gaps.NotUsed}, {Query: "warranty abroad", Outcome: gaps.NoResults},
	} {
		if err := gaps.Record(path, g.Query, g.Outcome, day); err != nil {
			t.Fatal(err)
		}
	}
	s := p.show(screenGaps).(*gapsScreen)
	pump(t, p, func() bool { return s.loaded > 0 })
	text := canvasText(p.win.Canvas())
	for _, want := range []string{"2 different searches, 4 times in all.", "warranty abroad", "refund to card [card]", "2026-11-24"} {
		if !strings.Contains(text, want) {
			t.Errorf("screen lacks %q:\n%s", want, text)
		}
	}
	if len(s.rows) != 2 || s.rows[0].Query != "warranty abroad" || s.rows[0].Count() != 3 {
		t.Errorf("rows = %+v, want warranty abroad first with 3", s.rows)
	}

	test.Tap(findButton(t, p.win.Canvas(), "Share with your team lead…"))
	text = canvasText(p.win.Canvas())
	if !strings.Contains(text, `"from": "2026-W48"`) || strings.Contains(text, `"2026-11-24"`) || strings.Contains(text, "Robin") || strings.Contains(text, "4111") {
		t.Errorf("the export shown is not anonymised:\n%s", text)
	}
}

// TestGapsScreenEmptyAndOff: with nothing logged the screen says how the
// list fills; with the log off it says so and leads to Settings.
func TestGapsScreenEmptyAndOff(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.gapLog.path = filepath.Join(t.TempDir(), gaps.FileName)
	p.win.Resize(fyne.NewSize(800, 600))
	s := p.show(screenGaps).(*gapsScreen)
	pump(t, p, func() bool { return s.loaded > 0 })
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "No gaps yet.") {
		t.Errorf("empty screen says:\n%s", text)
	}
	p.settings.GapsLog = false
	s.reload()
	pump(t, p, func() bool { return s.loaded > 1 })
	if text := canvasText(p.win.Canvas()); !strings.Contains(text, "The log is off") || !strings.Contains(text, "[Settings]") {
		t.Errorf("screen with the log off says:\n%s", text)
	}
}
