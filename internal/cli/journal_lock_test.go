package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/journal"
)

// The second of two writers waits for the lock instead of failing at once,
// so a script logging from two places loses nothing (issue 9, "Also").
func TestJournalAddWaitsForTheDataLock(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	held, err := datadir.Open(dd)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		held.Close()
	}()
	code, _, errOut := run(t, "--data-dir", dd, "journal", "add", "--what", "logged while another command wrote")
	if code != ExitOK || !strings.Contains(errOut, "waiting") {
		t.Errorf("add while the lock was held: exit %d, %q; want it to say it is waiting", code, errOut)
	}
	if out := mustRun(t, "--data-dir", dd, "journal", "list"); !strings.Contains(out, "logged while another") {
		t.Errorf("list:\n%s", out)
	}

	// One add holds the lock while scrypt unlocks the journal: over 10 s
	// on a busy two-core machine, where a 5 s wait lost two of three
	// concurrent adds' text.
	if lockWait < 30*time.Second {
		t.Errorf("lockWait = %s: shorter than one add on a busy machine", lockWait)
	}

	t.Run("gives up after the wait", func(t *testing.T) {
		old := lockWait
		lockWait = 200 * time.Millisecond
		t.Cleanup(func() { lockWait = old })
		held, err := datadir.Open(dd)
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		code, _, errOut := run(t, "--data-dir", dd, "journal", "add", "--what", "x")
		if code != ExitError || !strings.Contains(errOut, "waited") || !strings.Contains(errOut, "Close the app") {
			t.Errorf("exit %d, %s", code, errOut)
		}
	})
}

// Reading commands take no lock and write nothing, so they work beside a
// running Poise and leave the folder as it was (item 12).
func TestJournalReadingCommandsWriteNothing(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	mustRun(t, "--data-dir", dd, "journal", "add", "--what", "something to read")
	jdir := journal.PathIn(dd)
	os.Remove(filepath.Join(jdir, "filekeys.age")) // a reader would have rewritten it
	held, err := datadir.Open(dd)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	before := listFiles(t, jdir)
	out := t.TempDir()
	for _, args := range [][]string{
		{"journal", "list"}, {"journal", "list", "something"}, {"journal", "trash"},
		{"journal", "export", "--out", filepath.Join(out, "e.json")},
		{"journal", "export", "--format", "markdown", "--out", filepath.Join(out, "md")},
		{"journal", "backup", filepath.Join(out, "b.backup")},
	} {
		mustRun(t, append([]string{"--data-dir", dd}, args...)...)
	}
	if after := listFiles(t, jdir); after != before {
		t.Errorf("reading commands changed the journal folder:\nbefore %s\nafter  %s", before, after)
	}
}

// listFiles lists every file under dir with its size and modification time.
func listFiles(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			b.WriteString(p + " " + fi.ModTime().String() + "\n")
		}
		return nil
	})
	return b.String()
}

// A damaged recovery copy is reported at unlock, backup stops promising
// the recovery key, and rekey fixes it (item 4).
func TestJournalDamagedRecoveryCopyCLI(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	mustRun(t, "--data-dir", dd, "journal", "add", "--what", "still here")
	copyPath := filepath.Join(journal.PathIn(dd), "identity-recovery.age")
	if err := os.WriteFile(copyPath, []byte("age-encryption.org/v1\n-> X25519 garbage\n--- x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "--data-dir", dd, "journal", "list")
	if code != ExitOK || !strings.Contains(errOut, "recovery copy") || !strings.Contains(errOut, "poise journal rekey") {
		t.Errorf("list: exit %d, stderr %q", code, errOut)
	}
	backup := filepath.Join(t.TempDir(), "b.backup")
	if out := mustRun(t, "--data-dir", dd, "journal", "backup", backup); strings.Contains(out, "or recovery key") || !strings.Contains(out, "passphrase only") {
		t.Errorf("backup promised the recovery key:\n%s", out)
	}
	out := mustRun(t, "--data-dir", dd, "journal", "rekey")
	rk := recoveryKeyRe.FindString(out)
	if rk == "" {
		t.Fatalf("rekey did not show a key:\n%s", out)
	}
	if _, _, errOut := run(t, "--data-dir", dd, "journal", "list"); strings.Contains(errOut, "warning") {
		t.Errorf("still warned after rekey: %s", errOut)
	}
	setSecret(t, EnvRecoveryKeyFile, rk)
	setSecret(t, EnvPassphraseFile, "set with the new key")
	mustRun(t, "--data-dir", dd, "journal", "recover")
	if out := mustRun(t, "--data-dir", dd, "journal", "list"); !strings.Contains(out, "still here") {
		t.Errorf("list after recover:\n%s", out)
	}
}
