package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/journal"
)

func (c *cli) journalInitCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Set up the journal with a passphrase and show its recovery key once",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := c.openDataWait()
			if err != nil {
				return err
			}
			defer d.Close()
			j := journal.Open(journal.PathIn(d.Path))
			if j.IsSetUp() {
				return journalHint(alreadySetUp(j))
			}
			pass, err := c.secret(EnvPassphraseFile, "New journal passphrase", true)
			if err != nil {
				return err
			}
			rk, err := j.Init(pass)
			if err != nil {
				return journalHint(err)
			}
			j.Lock()
			w := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(w, map[string]string{"recovery_key": rk, "journal": j.Dir()})
			}
			fmt.Fprintf(w, "Journal set up in %s.\n\n", j.Dir())
			fmt.Fprintf(w, "Your recovery key, shown only this once:\n\n    %s\n\n", rk)
			fmt.Fprintln(w, "Write it down or keep it in a password manager. If you forget your passphrase,")
			fmt.Fprintln(w, "'poise journal recover' sets a new one with this key. Without either, nobody")
			fmt.Fprintln(w, "(not even Poise) can read your journal.")
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the recovery key as JSON")
	return cmd
}

func (c *cli) journalPasswdCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "passwd",
		Short: "Change the journal passphrase (entries are not rewritten)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, release, err := c.setUpJournal(true)
			if err != nil {
				return err
			}
			defer release()
			old, err := c.secret(EnvPassphraseFile, "Current passphrase", false)
			if err != nil {
				return err
			}
			nw, err := c.secret(EnvNewPassphraseFile, "New passphrase", true)
			if err != nil {
				return err
			}
			if err := j.ChangePassphrase(old, nw); err != nil {
				return journalHint(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), "Passphrase changed. Your recovery key still works.")
			return nil
		},
	}
}

func (c *cli) journalRecoverCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "recover",
		Short: "Set a new passphrase with the recovery key shown at setup",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, release, err := c.setUpJournal(true)
			if err != nil {
				return err
			}
			defer release()
			rk, err := c.secret(EnvRecoveryKeyFile, "Recovery key", false)
			if err != nil {
				return err
			}
			nw, err := c.secret(EnvPassphraseFile, "New passphrase", true)
			if err != nil {
				return err
			}
			if err := j.Recover(rk, nw); err != nil {
				return journalHint(err)
			}
			j.Lock()
			fmt.Fprintln(cmd.OutOrStdout(), "New passphrase set. Your recovery key stays the same: keep it.")
			return nil
		},
	}
}

// alreadySetUp says why init refuses a folder: a whole journal, or one that
// lost a key file and needs recover or restore rather than a fresh start.
func alreadySetUp(j *journal.Journal) error {
	err := j.CheckKeys()
	if err == nil || errors.Is(err, journal.ErrRecoveryCopyMissing) {
		return journal.ErrAlreadySetUp
	}
	return fmt.Errorf("%w: %w", journal.ErrAlreadySetUp, err)
}

func (c *cli) journalRekeyCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rekey",
		Short: "Make a new recovery key and recovery copy, and show the key once",
		Long: "Make a new recovery key: for when the recovery copy (identity-recovery.age) is missing or\n" +
			"damaged, or the old key may have been seen. Every file is resealed for the new key, and the\n" +
			"old key stops working. Your passphrase stays the same.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, release, err := c.setUpJournal(true)
			if err != nil {
				return err
			}
			defer release()
			pass, err := c.secret(EnvPassphraseFile, "Journal passphrase", false)
			if err != nil {
				return err
			}
			if err := j.Unlock(pass); err != nil {
				return journalHint(err)
			}
			defer j.Lock()
			rk, err := j.Rekey(pass)
			if err != nil {
				return journalHint(err)
			}
			w := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(w, map[string]string{"recovery_key": rk, "journal": j.Dir()})
			}
			fmt.Fprintf(w, "Your new recovery key, shown only this once:\n\n    %s\n\n", rk)
			fmt.Fprintln(w, "Keep it where you kept the old one, and throw the old one away: it no longer works.")
			fmt.Fprintln(w, "Backups made before now still open with the old key; make a new backup.")
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the recovery key as JSON")
	return cmd
}
