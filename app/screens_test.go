package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/poisehq/poise/internal/settings"
	"github.com/poisehq/poise/kb"
)

func TestTemplateFormFillsAndRemembers(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "hand-off supervisor")
	if len(f.hits) == 0 || f.hits[0].ID != "builtin/templates/hand-off" {
		t.Fatalf("want the hand-off template first, got %v", hitIDs(f))
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("Enter on a template did not ask for its fields")
	}
	fill := []string{"Sam", "Ana"} // agent_name, customer_name
	for _, v := range fill {
		test.Type(c.Focused(), v)
		c.FocusNext()
	}
	test.Type(c.Focused(), "a lost parcel") // concern, a choice field
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	want := "Hi, this is Sam. I have Ana about a lost parcel, since Wednesday 25 November."
	if got := p.app.Clipboard().Content(); got != want {
		t.Errorf("clipboard = %q, want %q", got, want)
	}
	if c.Overlays().Top() != nil {
		t.Error("the form is still open after Enter")
	}
	if p.settings.AgentName != "Sam" {
		t.Errorf("agent name not remembered in settings: %q", p.settings.AgentName)
	}
	p.flushSettings()
	saved, err := settings.Load(p.settingsPath)
	if err != nil || saved.AgentName != "Sam" {
		t.Errorf("settings file has agent name %q (err %v), want Sam", saved.AgentName, err)
	}
	// The customer's name stays in the call, never on the disk.
	dataDir := filepath.Dir(p.settingsPath)
	assertNoFileHolds(t, dataDir, "Ana")

	// The next form in the same call starts from what was typed.
	form := newTemplateForm(p, "builtin/templates/x", "{{agent_name}} for {{customer_name}}", nil)
	if got := form.rendered(); got != "Sam for Ana" {
		t.Errorf("second form starts as %q, want %q", got, "Sam for Ana")
	}

	// A new call forgets the customer, but not the agent.
	f.kinds.selected = string(kb.KindTemplate)
	ch := waitApplied(f)
	if !p.handleShortcut(keyNewCall) {
		t.Fatal("Ctrl+Shift+N is not an app-wide shortcut")
	}
	wait(t, p, ch, "")
	form = newTemplateForm(p, "builtin/templates/x", "{{agent_name}} for {{customer_name}}", nil)
	if got := form.rendered(); got != "Sam for [customer_name]" {
		t.Errorf("form after a new call starts as %q, want %q", got, "Sam for [customer_name]")
	}
	if f.kinds.selected != "" || f.entry.Text != "" {
		t.Errorf("a new call kept the filter %q and query %q", f.kinds.selected, f.entry.Text)
	}
}

// A call left idle for the time in Settings forgets the customer.
func TestIdleCallForgetsCustomer(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	now := fixedNow
	p.now = func() time.Time { return now }
	p.call.SetIdleAfter(15 * time.Minute)
	p.call.Remember(map[string]string{"customer_name": "Ana"}, now)
	now = now.Add(10 * time.Minute)
	p.endIdleCall()
	if got := p.call.Value("customer_name"); got != "Ana" {
		t.Fatalf("call ended before its idle time: %q", got)
	}
	now = now.Add(10 * time.Minute)
	p.endIdleCall()
	if got := p.call.Value("customer_name"); got != "" {
		t.Errorf("idle call still holds %q", got)
	}
}

// assertNoFileHolds fails when any file under dir contains s.
func assertNoFileHolds(t *testing.T, dir, s string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), s) {
			t.Errorf("%s holds %q", path, s)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no files in %s: the check proves nothing", dir)
	}
}

func TestTemplatePreviewIsLive(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	it, _ := p.item("builtin/templates/hand-off")
	form := newTemplateForm(p, it.ID, it.Text, it.Fields)
	if !strings.Contains(form.preview.Text, "[customer_name]") {
		t.Errorf("an empty field should show as [customer_name], preview is %q", form.preview.Text)
	}
	test.Type(form.first, "Jo")
	if !strings.HasPrefix(form.preview.Text, "Hi, this is Jo.") {
		t.Errorf("preview did not follow typing: %q", form.preview.Text)
	}
}

func TestPauseCountsDown(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.pauseTick = time.Millisecond
	p.find.entry.TypedShortcut(keyPause) // works from the focused search field
	if !p.pausing || p.pauseCount.Text != "5" {
		t.Fatalf("Ctrl+P did not start the pause at 5 (pausing=%v)", p.pausing)
	}
	var seen []string
	pump(t, p, func() bool {
		if len(seen) == 0 || seen[len(seen)-1] != p.pauseCount.Text {
			seen = append(seen, p.pauseCount.Text)
		}
		return !p.pausing
	})
	if got := strings.Join(seen, ","); got != "5,4,3,2,1" {
		t.Errorf("countdown showed %s, want 5,4,3,2,1", got)
	}
	if p.win.Canvas().Overlays().Top() != nil {
		t.Error("the pause is still shown after five seconds")
	}
}

func TestSettingsSaved(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.show(screenSettings)
	s := p.views[screenSettings].content().(*settingsScreen)
	test.Type(s.name, "Robin")
	s.lock.SetSelected("30 minutes")
	s.newCall.SetSelected("5 minutes")
	s.theme.SetSelected("Dark")
	p.flushSettings()
	// Five keystrokes and two choices in quick succession: the file is
	// written once or twice, not once per change on the UI goroutine.
	if n := p.settingsSaver.writes; n > 2 {
		t.Errorf("settings written %d times for 8 quick changes", n)
	}
	got, err := settings.Load(filepath.Clean(p.settingsPath))
	if err != nil {
		t.Fatal(err)
	}
	want := settings.Settings{AgentName: "Robin", AutoLockMinutes: 30, NewCallMinutes: 5, Theme: "dark", GapsLog: true, QuickFindAnywhere: true} // on by default
	if got != want {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	p.call.Remember(map[string]string{"x": "y"}, fixedNow)
	if !p.call.Idle(fixedNow.Add(5 * time.Minute)) {
		t.Error("the new-call idle time chosen in Settings is not used")
	}
	if v := fyne.CurrentApp().Settings().Theme().(variantTheme).variant; v != theme.VariantDark {
		t.Errorf("theme variant = %v, want dark", v)
	}
}
