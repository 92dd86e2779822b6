package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/poisehq/poise/internal/datadir"
)

// lockWait is how long a command that writes waits for the data
// directory's lock before giving up: long enough for another poise command
// (a script logging from two places) to finish, short enough that a
// command does not seem to hang while the desktop app holds the lock.
var lockWait = 5 * time.Second

// lockPoll is how often the lock is tried while waiting.
const lockPoll = 50 * time.Millisecond

// openDataWait takes the data directory's lock, waiting up to lockWait
// while another Poise holds it.
func (c *cli) openDataWait() (*datadir.Dir, error) {
	deadline := time.Now().Add(lockWait)
	for {
		d, err := datadir.Open(c.dataDir())
		if !errors.Is(err, datadir.ErrLocked) {
			return d, err
		}
		if time.Now().After(deadline) {
			return nil, withHint(fmt.Errorf("%w (waited %s)", err, lockWait),
				"Another Poise is writing to this data directory: the desktop app, or a poise command still running. "+
					"Close the app or wait for the command, then try again; or pass --data-dir to use another one.")
		}
		time.Sleep(lockPoll)
	}
}
