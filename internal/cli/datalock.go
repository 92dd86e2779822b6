package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/poisehq/poise/internal/datadir"
)

// lockWait is how long a command that writes waits for the data
// directory's lock before giving up: long enough for a few other poise
// commands (a script logging from two places) to finish, each of which
// unlocks with scrypt while it holds the lock, over 10 s on a busy
// machine. The command says at once that it is waiting, so the wait never
// looks like a hang while the desktop app holds the lock.
var lockWait = 30 * time.Second

// lockPoll is how often the lock is tried while waiting.
const lockPoll = 50 * time.Millisecond

// openDataWait takes the data directory's lock, waiting up to lockWait
// while another Poise holds it.
func (c *cli) openDataWait() (*datadir.Dir, error) {
	deadline := time.Now().Add(lockWait)
	for said := false; ; said = true {
		d, err := datadir.Open(c.dataDir())
		if !errors.Is(err, datadir.ErrLocked) {
			return d, err
		}
		if !said {
			fmt.Fprintf(c.env.Stderr, "poise: another Poise is writing to this data directory; waiting up to %s (close the desktop app if it is open)\n", lockWait)
		}
		if time.Now().After(deadline) {
			return nil, withHint(fmt.Errorf("%w (waited %s)", err, lockWait),
				"Another Poise is writing to this data directory: the desktop app, or a poise command still running. "+
					"Close the app or wait for the command, then try again; or pass --data-dir to use another one.")
		}
		time.Sleep(lockPoll)
	}
}
