package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/internal/textcase"
	"github.com/poisehq/poise/journal"
)

func (c *cli) journalExportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every entry DECRYPTED, as JSON or markdown files",
		Long: "Write every entry decrypted: as one JSON document (to standard output, or --out FILE),\n" +
			"or as one markdown file per entry (--format markdown --out FOLDER).\n" +
			"The result is plain text: keep it somewhere private. For a backup, use 'poise journal backup'.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" && format != "markdown" {
				return usageError{fmt.Errorf("--format must be json or markdown, not %q", format)}
			}
			if format == "markdown" && out == "" {
				return usageError{errors.New("--format markdown needs --out FOLDER")}
			}
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			if format == "markdown" {
				n, err := j.ExportMarkdown(out)
				if err != nil {
					return err
				}
				fmt.Fprintf(c.env.Stderr, "Wrote %d entries, decrypted, to %s.\n", n, out)
				return nil
			}
			if out == "" {
				return j.ExportJSON(cmd.OutOrStdout())
			}
			var buf bytes.Buffer
			if err := j.ExportJSON(&buf); err != nil {
				return err
			}
			return atomicfile.Write(out, buf.Bytes(), 0o600)
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json or markdown")
	cmd.Flags().StringVar(&out, "out", "", "file (json) or folder (markdown) to write")
	return cmd
}

func (c *cli) journalImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Add entries from a JSON export ('-' reads standard input)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, closeIn, err := c.openInput(args[0])
			if err != nil {
				return err
			}
			defer closeIn()
			j, done, err := c.openJournal(true)
			if err != nil {
				return err
			}
			defer done()
			res, err := j.ImportJSON(r)
			if err != nil {
				return withHint(fmt.Errorf("%s: %w", args[0], err), "Import reads the JSON that 'poise journal export' writes.")
			}
			printImport(cmd.OutOrStdout(), "", res)
			return nil
		},
	}
}

func (c *cli) openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return c.env.Stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

func (c *cli) journalBackupCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write the whole journal, encrypted, to one file",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			var buf bytes.Buffer
			if err := j.Backup(&buf); err != nil {
				return err
			}
			if err := atomicfile.Write(args[0], buf.Bytes(), 0o600); err != nil {
				return err
			}
			// The backup carries the recovery copy as it is: promise the
			// recovery key only when that copy works.
			if j.CheckRecoveryCopy() != nil {
				fmt.Fprintf(cmd.OutOrStdout(), "Backed up to %s. It opens with your passphrase only: the recovery copy is missing or damaged.\n"+
					"Run 'poise journal rekey', then back up again, for a backup your new recovery key also opens.\n", termText(args[0], false))
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Backed up to %s. It opens with your passphrase or recovery key.\n", termText(args[0], false))
			return nil
		},
	}
}

func (c *cli) journalRestoreCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Bring entries back from a backup (into a new or an existing journal)",
		Long: "Restore a backup. Into a data directory without a journal, the backup's passphrase and\n" +
			"recovery key come along. Into an existing journal, entries are merged: newer copies win and\n" +
			"older ones are kept in the history. The secret asked for opens the backup: its passphrase\n" +
			"or its recovery key.",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			d, err := c.openDataWait()
			if err != nil {
				return err
			}
			defer d.Close()
			j := journal.Open(journal.PathIn(d.Path))
			switch err := j.CheckKeys(); {
			case errors.Is(err, journal.ErrIdentityMissing):
				// Restoring would merge into a journal nobody can unlock.
				return journalHint(err)
			case err == nil || errors.Is(err, journal.ErrRecoveryCopyMissing):
				pass, err := c.secret(EnvPassphraseFile, "Journal passphrase", false)
				if err != nil {
					return err
				}
				if err := c.unlockJournal(j, pass); err != nil {
					return err
				}
				defer j.Lock()
			}
			backupSecret, err := c.backupSecret(j)
			if err != nil {
				return err
			}
			res, err := j.Restore(in, backupSecret)
			if errors.Is(err, journal.ErrWrongPassphrase) && os.Getenv(EnvPassphraseFile) == "" {
				return withHint(err, "Type the passphrase the backup was made with, or its recovery key.")
			}
			if err != nil {
				return journalHint(err)
			}
			j.Lock()
			printImport(cmd.OutOrStdout(), "Restored: ", res)
			return nil
		},
	}
}

// backupSecret asks what opens the backup: the recovery key file if one is
// named, else the passphrase.
func (c *cli) backupSecret(j *journal.Journal) (string, error) {
	if os.Getenv(EnvRecoveryKeyFile) != "" {
		return c.secret(EnvRecoveryKeyFile, "Recovery key", false)
	}
	return c.secret(EnvPassphraseFile, "Backup passphrase (or recovery key)", false)
}

// printImport says what an import or restore did, naming every entry that
// came with an id Poise would not make and got a new one.
// shortID cuts a foreign id to its first 40 characters (marked with "…"),
// so a hostile file's huge ids cannot flood the terminal.
func shortID(id string) string {
	const keep = 40
	if utf8.RuneCountInString(id) <= keep {
		return id
	}
	return string([]rune(id)[:keep]) + "…"
}

func printImport(w io.Writer, prefix string, res journal.ImportResult) {
	msg := fmt.Sprintf("added %d, updated %d, unchanged %d.", res.Added, res.Updated, res.Unchanged)
	if prefix == "" {
		msg = textcase.UpperFirst(msg)
	}
	fmt.Fprintln(w, prefix+msg)
	for _, r := range res.Renamed {
		fmt.Fprintf(w, "Entry %s had the id %s, which Poise does not use: it is now %s.\n", r.To, termText(strconv.Quote(shortID(r.From)), false), r.To)
	}
	if res.Skipped > 0 {
		fmt.Fprintf(w, "Skipped %d unreadable record(s) of the trash or the history.\n", res.Skipped)
	}
}
