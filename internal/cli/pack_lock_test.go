package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/datadir"
)

// TestPackCommandsWaitForTheDataLock: two pack commands run at once (a
// script installing while an agent disables a pack) refused the second at
// once with "Poise is already running", which was not true and lost the
// command. Pack commands that write wait for the lock, as journal ones do.
func TestPackCommandsWaitForTheDataLock(t *testing.T) {
	dd := t.TempDir()
	held, err := datadir.Open(dd)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		held.Close()
	}()
	code, _, errOut := run(t, "--data-dir", dd, "pack", "disable", "builtin")
	if code != ExitOK || !strings.Contains(errOut, "waiting") {
		t.Errorf("disable while the lock was held: exit %d, %q; want it to wait, say so, then work", code, errOut)
	}
}
