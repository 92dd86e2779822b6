package app

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/internal/quitsignal"
)

// earlySignalDir names the data folder of the process
// TestSignalBeforeWindowQuitsCleanly starts.
const earlySignalDir = "POISE_TEST_EARLY_SIGNAL_DIR"

// A SIGTERM sent before the window exists (a logout or GNU timeout in the
// app's first few hundred milliseconds) quits cleanly: status 0, the data
// folder's lock released, no window opened. It ended the process with
// status 143, the signal's default action, until the handler was set once
// the window was made. The test runs Run in a process of its own, with no
// display, so a window Run tried to open would fail it.
func TestSignalBeforeWindowQuitsCleanly(t *testing.T) {
	if dir := os.Getenv(earlySignalDir); dir != "" {
		quit := quitsignal.Catch() // as cmd/poise does, before main
		if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(10 * time.Second); len(quit) == 0; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the signal never arrived")
			}
		}
		if err := Run(Config{DataDir: dir}); err != nil {
			t.Fatalf("Run after an early signal: %v", err)
		}
		return
	}
	dir, home := t.TempDir(), t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), earlySignalDir+"="+dir, "DISPLAY=", "WAYLAND_DISPLAY=",
		"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("SIGTERM before the window: %v, want status 0\n%s", err, out)
	}
	if !strings.Contains(string(out), "before the window opened: quitting") {
		t.Errorf("the early signal was not reported:\n%s", out)
	}
	d, err := datadir.Open(dir)
	if err != nil {
		t.Fatalf("the next start cannot take the data folder: %v", err)
	}
	d.Close()
}
