package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/journal"
)

// The CLI cannot set a passphrase shorter than the journal's minimum, at
// init, passwd or recover (issue 9, item 1).
func TestJournalRefusesShortPassphrases(t *testing.T) {
	for _, short := range []string{"abc", "   ", "xy"} {
		t.Run(short, func(t *testing.T) {
			dd := journalEnv(t, short)
			code, _, errOut := run(t, "--data-dir", dd, "journal", "init")
			if code == ExitOK || !strings.Contains(errOut, "at least 8") {
				t.Errorf("init: exit %d, %s", code, errOut)
			}
			if journal.Open(journal.PathIn(dd)).IsSetUp() {
				t.Error("init with a short passphrase set the journal up")
			}
			setSecret(t, EnvPassphraseFile, "a good passphrase")
			rk := recoveryKeyRe.FindString(mustRun(t, "--data-dir", dd, "journal", "init"))
			setSecret(t, EnvNewPassphraseFile, short)
			if code, _, errOut := run(t, "--data-dir", dd, "journal", "passwd"); code == ExitOK || !strings.Contains(errOut, "at least 8") {
				t.Errorf("passwd: exit %d, %s", code, errOut)
			}
			setSecret(t, EnvRecoveryKeyFile, rk)
			setSecret(t, EnvPassphraseFile, short)
			if code, _, errOut := run(t, "--data-dir", dd, "journal", "recover"); code == ExitOK || !strings.Contains(errOut, "at least 8") {
				t.Errorf("recover: exit %d, %s", code, errOut)
			}
			setSecret(t, EnvPassphraseFile, "a good passphrase")
			mustRun(t, "--data-dir", dd, "journal", "list")
		})
	}
}

// With identity.age gone, the CLI sends the person to recover, recover
// works, and init refuses to touch the recovery copy (item 2).
func TestJournalLostIdentityCLI(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	rk := recoveryKeyRe.FindString(mustRun(t, "--data-dir", dd, "journal", "init"))
	mustRun(t, "--data-dir", dd, "journal", "add", "--what", "kept through it all")
	jdir := journal.PathIn(dd)
	if err := os.Remove(filepath.Join(jdir, "identity.age")); err != nil {
		t.Fatal(err)
	}
	escrow, _ := os.ReadFile(filepath.Join(jdir, "identity-recovery.age"))
	if code, _, errOut := run(t, "--data-dir", dd, "journal", "list"); code == ExitOK || !strings.Contains(errOut, "poise journal recover") {
		t.Errorf("list: exit %d, %s", code, errOut)
	}
	if code, _, errOut := run(t, "--data-dir", dd, "journal", "init"); code == ExitOK || !strings.Contains(errOut, "poise journal recover") {
		t.Errorf("init: exit %d, %s", code, errOut)
	}
	if now, _ := os.ReadFile(filepath.Join(jdir, "identity-recovery.age")); string(now) != string(escrow) {
		t.Fatal("init replaced the recovery copy")
	}
	setSecret(t, EnvRecoveryKeyFile, rk)
	setSecret(t, EnvPassphraseFile, "a new passphrase")
	mustRun(t, "--data-dir", dd, "journal", "recover")
	if out := mustRun(t, "--data-dir", dd, "journal", "list"); !strings.Contains(out, "kept through it all") {
		t.Errorf("list after recover:\n%s", out)
	}
}
