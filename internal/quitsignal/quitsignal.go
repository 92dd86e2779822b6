// Package quitsignal catches SIGINT and SIGTERM from the very start of the
// desktop app. Until a program asks for them, Go gives these signals their
// default action, which ends the process at once (status 143 for
// SIGTERM): a logout, a service manager or GNU timeout in the app's first
// few hundred milliseconds, before its window and its own handler existed,
// ended it so, however far it had got. Caught from here on, a signal waits
// on Caught until the app reads it and quits cleanly.
//
// Like internal/startgc it imports almost nothing, so that Go initialises
// it among the first packages, right after os/signal: Go takes the
// packages ready to initialise in import-path order, those with no init
// of their own too, so even "strings" (ready after "unicode", and after
// every ready "github.com/…" and "golang.org/…" package) put this init
// after some 70 others, 30 ms later under load. cmd/poise imports it. Only a start
// that opens the window is caught: the commands ("poise search") keep the
// default action, so Ctrl-C still ends them at once.
package quitsignal

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// dataDirFlag is the one flag that can come with a start that opens the
// window (internal/cli's root command).
const dataDirFlag = "--data-dir"

var (
	mu sync.Mutex
	ch chan os.Signal
)

func init() {
	if opensWindow(os.Args[1:]) {
		Catch()
	}
}

// Catch catches SIGINT and SIGTERM from now on, once per process, and
// returns the channel they arrive on. It holds two: GNU timeout sends its
// SIGTERM to the app and again to its process group.
func Catch() <-chan os.Signal {
	mu.Lock()
	defer mu.Unlock()
	if ch == nil {
		ch = make(chan os.Signal, 2)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	}
	return ch
}

// opensWindow says whether the arguments open the window: no command, at
// most the data folder. Anything else is a command, or a mistake the
// command line reports at once.
func opensWindow(args []string) bool {
	for len(args) > 0 {
		switch {
		case args[0] == dataDirFlag && len(args) > 1:
			args = args[2:]
		case len(args[0]) > len(dataDirFlag) && args[0][:len(dataDirFlag)+1] == dataDirFlag+"=":
			args = args[1:]
		default:
			return false
		}
	}
	return true
}
