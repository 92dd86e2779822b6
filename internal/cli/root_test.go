package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/datadir"
)

// run runs the CLI as a person would type it and returns exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, Env{
		Stdin:   strings.NewReader(""),
		Stdout:  &out,
		Stderr:  &errOut,
		Version: "1.2.3-test",
	})
	return code, out.String(), errOut.String()
}

func TestRootCommandLine(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"version", []string{"version"}, ExitOK, "poise 1.2.3-test\n", ""},
		{"help lists the commands", []string{"--help"}, ExitOK, "search", ""},
		{"help works on subcommands", []string{"journal", "--help"}, ExitOK, "journal", ""},
		{"unknown command", []string{"serch", "refund"}, ExitUsage, "", "unknown command \"serch\""},
		{"unknown flag", []string{"--colour"}, ExitUsage, "", "unknown flag: --colour"},
		{"unknown flag on a subcommand", []string{"version", "--bogus"}, ExitUsage, "", "unknown flag: --bogus"},
		{"group without a command", []string{"journal"}, ExitUsage, "", "needs a command"},
		{"no window in this build", nil, ExitError, "", "no desktop window"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stdout, tt.wantStdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tt.wantStdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantStderr)
			}
			if tt.wantCode == ExitUsage && !strings.Contains(stderr, "poise --help") {
				t.Errorf("usage error without a hint to read --help: %q", stderr)
			}
		})
	}
}

func TestOpenGUIGetsResolvedDataDir(t *testing.T) {
	var got string
	code := Run([]string{"--data-dir", "/tmp/somewhere"}, Env{
		Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		OpenGUI: func(dir string) error { got = dir; return nil },
	})
	if code != ExitOK || got != "/tmp/somewhere" {
		t.Errorf("code %d, OpenGUI got %q; want 0 and /tmp/somewhere", code, got)
	}
}

func TestGUIAlreadyRunningSaysWhatToDo(t *testing.T) {
	var errOut bytes.Buffer
	code := Run(nil, Env{
		Stdout: &bytes.Buffer{}, Stderr: &errOut,
		OpenGUI: func(dir string) error {
			return fmt.Errorf("lock data directory %s: %w", dir, datadir.ErrLocked)
		},
	})
	if code != ExitError {
		t.Errorf("exit code = %d, want %d", code, ExitError)
	}
	if !strings.Contains(errOut.String(), "already open") {
		t.Errorf("stderr = %q, want a hint to switch to the open window", errOut.String())
	}
}
