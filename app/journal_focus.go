package app

import "fyne.io/fyne/v2"

// focusField is what takes the keys when the Journal screen is shown: the
// Restore button of a draft on offer (an agent back after a crash or a
// locked quit deals with it first; it took some 20 Tabs to reach), else
// the form's first field, else the set-up or unlock view's. Switching to an
// unlocked journal left nothing focused, so typing did nothing.
func (s *journalScreen) focusField() fyne.Focusable {
	if s.form != nil {
		if s.form.offered != nil {
			return s.form.offered
		}
		return s.form.what
	}
	return s.gateField
}
