package app

import (
	"sync"
	"time"

	"github.com/poisehq/poise/internal/settings"
)

// settingsDelay is how long saving waits for the next change: typing a
// name is one write, not one per keystroke (each write is two fsyncs).
const settingsDelay = 400 * time.Millisecond

// settingsSaver writes the settings file off the UI goroutine. Changes
// within settingsDelay of each other are written once, the latest winning;
// writes never overlap.
type settingsSaver struct {
	path   string
	failed func(error) // called off the UI goroutine

	mu      sync.Mutex
	pending *settings.Settings
	timer   *time.Timer
	writing sync.Mutex
	writes  int // files written, for tests
}

// save schedules s to be written after settingsDelay.
func (w *settingsSaver) save(s settings.Settings) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending = &s
	if w.timer == nil {
		w.timer = time.AfterFunc(settingsDelay, w.write)
	} else {
		w.timer.Reset(settingsDelay)
	}
}

// write saves the latest pending settings, if any.
func (w *settingsSaver) write() {
	w.writing.Lock()
	defer w.writing.Unlock()
	w.mu.Lock()
	s := w.pending
	w.pending = nil
	w.mu.Unlock()
	if s == nil {
		return
	}
	w.writes++
	if err := settings.Save(w.path, *s); err != nil && w.failed != nil {
		w.failed(err)
	}
}

// flush writes what is pending now and waits for it: at quit, and in
// tests before reading the file.
func (w *settingsSaver) flush() {
	w.mu.Lock()
	if w.timer != nil {
		w.timer.Stop()
	}
	w.mu.Unlock()
	w.write()
}
