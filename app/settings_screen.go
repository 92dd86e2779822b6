package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// autoLockChoices are the idle times offered for locking the journal.
var autoLockChoices = []int{0, 5, 10, 15, 30, 60}

var themeChoices = []struct{ value, label string }{
	{"system", "Follow the system"},
	{"light", "Light"},
	{"dark", "Dark"},
}

// settingsScreen edits the agent's name used in templates, the journal's
// auto-lock and the theme. Every change is saved (see saveSettings).
type settingsScreen struct {
	widget.BaseWidget
	p       *poise
	name    *shortcutEntry
	lock    *widget.Select
	newCall *widget.Select
	theme   *widget.RadioGroup
	form    *widget.Form
	content fyne.CanvasObject
	// wideMin is the width the form needs with each label beside its
	// field and the theme's choices side by side (wide); narrower, they
	// go one under another, so a window docked at 480 px is not made
	// wider (it was made 758 px wide, and still cut).
	wideMin float32
	wide    bool
}

func (p *poise) newSettingsScreen() fyne.CanvasObject {
	s := &settingsScreen{p: p}
	s.ExtendBaseWidget(s)

	s.name = newShortcutEntry(p)
	s.name.SetPlaceHolder("e.g. Sam")
	s.name.SetText(p.settings.AgentName)
	s.name.OnChanged = func(v string) {
		p.settings.AgentName = strings.TrimSpace(v)
		p.saveSettings()
	}

	var lockLabels []string
	for _, m := range autoLockChoices {
		lockLabels = append(lockLabels, lockLabel(m))
	}
	s.lock = widget.NewSelect(lockLabels, nil)
	s.lock.SetSelected(lockLabel(p.settings.AutoLockMinutes))
	s.lock.OnChanged = func(v string) {
		for _, m := range autoLockChoices {
			if lockLabel(m) == v {
				p.settings.AutoLockMinutes = m
			}
		}
		p.saveSettings()
	}

	s.newCall = widget.NewSelect(lockLabels, nil)
	s.newCall.SetSelected(lockLabel(p.settings.NewCallMinutes))
	s.newCall.OnChanged = func(v string) {
		for _, m := range autoLockChoices {
			if lockLabel(m) == v {
				p.settings.NewCallMinutes = m
			}
		}
		p.call.SetIdleAfter(time.Duration(p.settings.NewCallMinutes) * time.Minute)
		p.saveSettings()
	}

	var themeLabels []string
	for _, t := range themeChoices {
		themeLabels = append(themeLabels, t.label)
	}
	s.theme = widget.NewRadioGroup(themeLabels, nil)
	s.theme.Horizontal = true // measured wide below, then arranged by width
	s.theme.Required = true
	for _, t := range themeChoices {
		if t.value == p.settings.Theme {
			s.theme.SetSelected(t.label)
		}
	}
	s.theme.OnChanged = func(v string) {
		for _, t := range themeChoices {
			if t.label == v {
				p.settings.Theme = t.value
			}
		}
		p.saveSettings()
		p.applyTheme()
	}

	gapsLog := widget.NewCheck("Keep a log of searches that find nothing", func(on bool) {
		p.settings.GapsLog = on
		p.saveSettings()
		if v := p.gapLog.view; v != nil {
			v.reload()
		}
	})
	gapsLog.Checked = p.settings.GapsLog

	desktopNote := lowLabel(p.desktopNote)
	desktopNote.Importance = widget.WarningImportance
	showNote := func(msg string) {
		p.desktopNote = msg
		desktopNote.SetText(msg)
	}
	onTop := widget.NewCheck("Keep Poise's window above other windows", func(on bool) {
		p.settings.AlwaysOnTop = on
		p.saveSettings()
		showNote(p.applyAlwaysOnTop())
	})
	onTop.Checked = p.settings.AlwaysOnTop
	anywhere := widget.NewCheck(keyQuickFindAnywhere.String()+" brings up quick find from any program", func(on bool) {
		p.settings.QuickFindAnywhere = on
		p.saveSettings()
		showNote(p.applyQuickFindAnywhere())
	})
	anywhere.Checked = p.settings.QuickFindAnywhere

	// Hints are wrapping labels under their fields, not the form's
	// HintText: a form's hint is one line that sets its width (544 px for
	// the longest), too wide for a window docked at 480 px.
	hinted := func(w fyne.CanvasObject, hint string) fyne.CanvasObject {
		return container.NewVBox(w, lowLabel(hint))
	}
	form := widget.NewForm(
		widget.NewFormItem("Your name", hinted(s.name, "Fills {{agent_name}} in templates.")),
		widget.NewFormItem("Lock the journal after", hinted(s.lock, "Idle time before the journal asks for your passphrase again.")),
		widget.NewFormItem("Start a new call after", hinted(s.newCall, fmt.Sprintf("Forgets the customer's details; %s does it at once.", keyLabel(keyNewCall)))),
		widget.NewFormItem("Theme", s.theme),
		widget.NewFormItem("Content gaps", hinted(gapsLog, "On this computer only, masked, never sent; see Content gaps.")),
		widget.NewFormItem("Always on top", hinted(onTop, "For a window docked beside the ticket. X11 desktops; elsewhere use your window manager's own setting.")),
		widget.NewFormItem("Quick find anywhere", hinted(anywhere, "Enter copies and hides the panel. X11 desktops; elsewhere use the tray menu's Quick find.")),
	)
	keys := lowLabel(fmt.Sprintf("Keys: %s find · Up/Down choose · Enter copy · Alt+1…9 copy an option · Ctrl+Enter open · Esc clear · Ctrl+D star · %s make it mine or edit yours · %s new call · %s quick log · %s five-second pause · Ctrl+1…9 switch screens.",
		keyLabel(keyFind), keyLabel(keyMakeMine), keyLabel(keyNewCall), keyLabel(keyQuickLog), keyLabel(keyPause)))
	where := lowLabel("Your data is kept in " + p.dataDir + ".")
	if p.dataDir == "" {
		where.Hide()
	}
	s.form = form
	s.wideMin, s.wide = form.MinSize().Width, true
	s.arrange(0) // narrow until the screen is given its width
	head := widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.content = container.NewVScroll(container.NewVBox(head, form, desktopNote, widget.NewSeparator(), keys, where))
	return s
}

func (s *settingsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// Resize arranges the form for the width it is given.
func (s *settingsScreen) Resize(size fyne.Size) {
	s.arrange(size.Width)
	s.BaseWidget.Resize(size)
}

// arrange puts the labels beside their fields and the theme's choices
// side by side when width holds them, else one under another.
func (s *settingsScreen) arrange(width float32) {
	wide := width >= s.wideMin+2*theme.Padding()
	if wide == s.wide {
		return
	}
	s.wide = wide
	s.theme.Horizontal = wide
	s.form.Orientation = widget.Vertical
	if wide {
		s.form.Orientation = widget.Horizontal
	}
	s.theme.Refresh()
	s.form.Refresh()
	if s.content != nil {
		s.content.Refresh()
	}
}

func lockLabel(m int) string {
	switch m {
	case 0:
		return "Never"
	case 1:
		return "1 minute"
	}
	return strconv.Itoa(m) + " minutes"
}

// saveSettings saves the settings off the UI goroutine, a moment after the
// last change (see settingsSaver), saying so when it cannot.
func (p *poise) saveSettings() {
	if p.settingsPath == "" {
		return
	}
	if p.settingsSaver == nil {
		p.settingsSaver = &settingsSaver{path: p.settingsPath, failed: func(err error) {
			p.do(func() {
				p.showError(err, "Your settings could not be saved. Check that the data folder is writable.")
			})
		}}
	}
	p.settingsSaver.save(p.settings)
}

// flushSettings writes settings still waiting to be saved, and waits.
func (p *poise) flushSettings() {
	if p.settingsSaver != nil {
		p.settingsSaver.flush()
	}
}

func (s *settingsScreen) focusField() fyne.Focusable { return s.name }
