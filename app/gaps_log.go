package app

import (
	"github.com/poisehq/poise/kb/gaps"
)

// gapLog connects the Find screen to the gaps log (kb/gaps): the Find
// screen reports each result list it shows and every copy or open, the
// Session decides when a query was a gap, and the gap is written off the
// UI goroutine, once per query, never per keystroke.
type gapLog struct {
	session gaps.Session
	// path is the log in the data folder; "" keeps nothing (tests that do
	// not ask for it, a window without a data folder).
	path string
	view *gapsScreen // nil until the Content gaps screen is built
}

// gapShown notes the result list for text; total counts what the query
// finds without filters.
func (p *poise) gapShown(text string, total int) {
	if g, ok := p.gapLog.session.Shown(text, total); ok {
		p.recordGap(g, false)
	}
}

// gapUsed notes that the agent copied or opened something.
func (p *poise) gapUsed() { p.gapLog.session.Used() }

// endGapQuery ends the query in Find as the window closes, writing its gap
// before returning.
func (p *poise) endGapQuery() {
	if g, ok := p.gapLog.session.End(); ok {
		p.recordGap(g, true)
	}
}

// recordGap writes g unless the log is off. It is masked inside
// gaps.Record before anything reaches the disk.
func (p *poise) recordGap(g gaps.Gap, wait bool) {
	path := p.gapLog.path
	if path == "" || !p.settings.GapsLog {
		return
	}
	today := p.now()
	write := func() {
		if err := gaps.Record(path, g.Query, g.Outcome, today); err != nil {
			p.logf("poise: gaps log: %v", err)
			return
		}
		if !wait {
			p.do(func() {
				if v := p.gapLog.view; v != nil {
					v.reload()
				}
			})
		}
	}
	if wait {
		write()
		return
	}
	go write()
}
