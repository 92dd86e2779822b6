package app

import "github.com/poisehq/poise/journal"

// sharedJournal is the one journal of this data folder, shared by the
// Journal and Summary screens so that unlocking or locking on one is
// unlocking or locking on both. Nil without a data folder.
func (p *poise) sharedJournal() *journal.Journal {
	if p.jnl == nil && p.dataDir != "" {
		p.jnl = journal.Open(journal.PathIn(p.dataDir))
	}
	return p.jnl
}

// onJournalChange calls fn, on Fyne's goroutine, after the journal is
// unlocked or locked on any screen.
func (p *poise) onJournalChange(fn func()) { p.journalWatchers = append(p.journalWatchers, fn) }

// journalChanged tells every screen that the journal locked or unlocked.
func (p *poise) journalChanged() {
	for _, fn := range p.journalWatchers {
		fn()
	}
}
