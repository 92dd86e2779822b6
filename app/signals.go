package app

import (
	"log"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/poisehq/poise/kb/search"
)

// quitGrace bounds a shutdown once it has started. Poise holds the data
// folder's lock until its process ends, and a shutdown stuck on the way
// (Fyne's goroutine busy or blocked, an index or a watcher slow to close)
// once left a process that ignored SIGTERM and kept the lock, so the next
// start could not take it. The lock is a flock, which the system drops
// when the process exits, however it exits; what Poise must keep is on
// disk before this runs out: journal drafts are saved first thing, and
// every other write is atomic (a crash between them is survived).
const quitGrace = 5 * time.Second

// sameRequest is how soon a repeat of a signal is taken as the same
// request to quit, not a second one that cuts the shutdown short. GNU
// timeout forwards its SIGTERM to the app and then to the app's process
// group, so the app can see two within microseconds; taken as two, they
// ended a clean quit with status 1 (the smoke test failed 1 run in 5
// under load). A person pressing Ctrl-C twice on purpose waits at most
// quitGrace.
const sameRequest = time.Second

// quitOnSignal quits the app on SIGINT or SIGTERM (a session logout, a
// service manager, the smoke test), read from quit, where one sent while
// the window was being made waits: what is being typed in the journal is
// kept as a draft (p.onQuit), then the app quits so deferred saves and the
// unlock run. From the first signal on, the process exits after quitGrace
// whatever is still running, or at once on a second signal sent as a second
// request (see sameRequest).
func quitOnSignal(p *poise, quit <-chan os.Signal) {
	go func() {
		sig := <-quit
		p.logf("poise: %v: quitting", sig)
		boundShutdown(p.logf, quit)
		fyne.Do(func() {
			for _, keep := range p.onQuit {
				keep()
			}
			p.app.Quit()
		})
	}()
}

// quitBeforeWindow says whether a signal came before the window was made,
// when nothing can have been typed: Run then returns at once, which
// releases the data folder, rather than opening a window only to close it.
// Nothing is left half made: up to the window, Run only reads, but for
// packs.Open finishing or undoing a pack install, which survives being
// cut short. It closes opened, the index Run has opened, if any.
func quitBeforeWindow(quit <-chan os.Signal, opened *search.Index) bool {
	select {
	case sig := <-quit:
		log.Printf("poise: %v before the window opened: quitting", sig)
		boundShutdown(log.Printf, quit)
		if opened != nil {
			opened.Close()
		}
		return true
	default:
		return false
	}
}

// quitAlreadyRunning closes the window that says Poise is already running
// on a signal: they are caught from the start, so Fyne's own handler,
// set only once the window runs, may come too late for one.
func quitAlreadyRunning(a fyne.App, quit <-chan os.Signal) {
	<-quit
	fyne.Do(a.Quit)
}

// shutdownStarted arms the shutdown watchdog once per process: by a signal
// or by the window closing, whichever is first.
var shutdownStarted sync.Once

// boundShutdown makes sure the process ends within quitGrace from now, or
// at once when again delivers a signal (nil when no signal started it).
func boundShutdown(logf func(string, ...any), again <-chan os.Signal) {
	shutdownStarted.Do(func() {
		go exitAfter(quitGrace, sameRequest, again, os.Exit, logf)
	})
}

// exitAfter calls exit(1) after grace, or at once when again delivers a
// signal more than repeat after it started. A shutdown that finishes first
// ends the process before it fires.
func exitAfter(grace, repeat time.Duration, again <-chan os.Signal, exit func(int), logf func(string, ...any)) {
	start := time.Now()
	t := time.NewTimer(grace)
	defer t.Stop()
	for {
		select {
		case sig := <-again:
			if time.Since(start) < repeat {
				continue // the same request, sent twice
			}
			logf("poise: %v again: exiting now", sig)
		case <-t.C:
			logf("poise: still shutting down after %s: exiting, which releases the data folder", grace)
		}
		exit(1)
		return
	}
}
