package app

// keepUnsavedEdits keeps the text of every editor with unsaved changes
// (mine.Pack.KeepUnsaved), at a quit that does not ask.
func (p *poise) keepUnsavedEdits() {
	if p.myState == nil {
		return
	}
	for rel, e := range p.myState.editors {
		if e.text.Text == e.saved {
			continue
		}
		path, err := e.m.KeepUnsaved(rel, e.text.Text)
		if err != nil {
			p.logf("poise: %v", err)
			continue
		}
		p.logf("poise: the unsaved text of %s is kept in %s; the next editor on it offers it back", rel, path)
	}
}
