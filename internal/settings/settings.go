// Package settings is Poise's settings file, settings.toml in the data
// directory: plain TOML so a person can read and fix it by hand.
package settings

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/BurntSushi/toml"

	"github.com/poisehq/poise/internal/atomicfile"
)

// FileName is the settings file's name inside the data directory.
const FileName = "settings.toml"

// Settings are the user's choices. The zero value is not valid: use Default.
type Settings struct {
	// AgentName fills {{agent_name}} in templates.
	AgentName string `toml:"agent_name"`
	// AutoLockMinutes locks the journal after this much idle time; 0 never.
	AutoLockMinutes int `toml:"auto_lock_minutes"`
	// NewCallMinutes starts a new call, forgetting the customer's details
	// typed into forms, after this much idle time; 0 never.
	NewCallMinutes int `toml:"new_call_after_minutes"`
	// Theme is "system", "light" or "dark".
	Theme string `toml:"theme"`
	// GapsLog keeps the local, masked log of searches that did not help
	// (kb/gaps) for the Content gaps screen; false stops it. It is never
	// sent anywhere.
	GapsLog bool `toml:"gaps_log"`
	// AlwaysOnTop asks the desktop to keep Poise's window above others,
	// for agents who dock it beside the ticket. X11 desktops only.
	AlwaysOnTop bool `toml:"always_on_top"`
	// QuickFindAnywhere listens for Ctrl+Alt+K in every application and
	// brings up the quick-find panel. X11 desktops only; elsewhere the tray
	// menu's Quick find does it.
	QuickFindAnywhere bool `toml:"quick_find_anywhere"`
}

// Default returns the settings a new user starts with.
func Default() Settings {
	return Settings{AutoLockMinutes: 10, NewCallMinutes: 15, Theme: "system", GapsLog: true, QuickFindAnywhere: true}
}

// Load reads path; a missing file gives Default. Unknown keys are an error
// naming the key, so a typo in a hand edit does not silently do nothing.
func Load(path string) (Settings, error) {
	s := Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read settings: %w", err)
	}
	md, err := toml.Decode(string(data), &s)
	if err != nil {
		return Default(), fmt.Errorf("read settings %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return Default(), fmt.Errorf("read settings %s: unknown setting %q", path, und[0].String())
	}
	return s, nil
}

// Save writes s to path atomically.
func Save(path string, s Settings) error {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(s); err != nil {
		return fmt.Errorf("encode settings: %w", err)
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}
