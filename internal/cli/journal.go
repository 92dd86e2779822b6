package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/journal"
)

// journalCmd is "poise journal …".
func (c *cli) journalCmd() *cobra.Command {
	return groupCmd("journal", "Write and read your private journal",
		c.journalInitCmd(), c.journalAddCmd(), c.journalListCmd(), c.journalShowCmd(),
		c.journalDoneCmd(), c.journalDeleteCmd(), c.journalTrashCmd(), c.journalUndeleteCmd(),
		c.journalExportCmd(), c.journalImportCmd(), c.journalBackupCmd(), c.journalRestoreCmd(),
		c.journalPasswdCmd(), c.journalRecoverCmd(), c.journalRekeyCmd(), c.journalSummaryCmd(),
	)
}

// journalDir is the journal folder of a data directory; the name itself
// lives in the journal package.
func journalDir(dataDir string) string { return journal.PathIn(dataDir) }

// journalHint turns journal errors into what to do next.
func journalHint(err error) error {
	switch {
	case errors.Is(err, journal.ErrWrongPassphrase):
		return withHint(err, "Check the passphrase and try again. If you forgot it, run 'poise journal recover' with your recovery key.")
	case errors.Is(err, journal.ErrWrongRecoveryKey):
		return withHint(err, "The recovery key is the AGE-SECRET-KEY-1… line shown when the journal was set up.")
	case errors.Is(err, journal.ErrNotSetUp):
		return withHint(err, "Run 'poise journal init' to set up your journal.")
	case errors.Is(err, journal.ErrIdentityMissing):
		return withHint(err, "Your entries are still there: run 'poise journal recover' with your recovery key to set a new passphrase.")
	case errors.Is(err, journal.ErrKeysMissing):
		return withHint(err, "Copy identity.age and identity-recovery.age back into "+journal.FolderName+"/ from a copy of the folder, or run 'poise journal restore' with a backup.")
	case errors.Is(err, journal.ErrRecoveryCopyMissing):
		return withHint(err, rekeyAdvice)
	case errors.Is(err, journal.ErrPassphraseTooShort):
		return withHint(err, fmt.Sprintf("Choose a passphrase of at least %d characters; a few words you will remember work well.", journal.MinPassphraseLen))
	case errors.Is(err, journal.ErrAlreadySetUp):
		return withHint(err, "Your journal is already set up; 'poise journal passwd' changes its passphrase.")
	case errors.Is(err, journal.ErrNoFollowUp):
		return withHint(err, "Only entries with a follow-up date can be marked done; 'poise journal list --follow-ups' lists them.")
	case errors.Is(err, journal.ErrNotFound):
		return withHint(err, "Run 'poise journal list' to see the ids.")
	}
	return err
}

// setUpJournal opens the journal, still locked, and checks that it has been
// set up. With write it holds the data directory's lock until release;
// without, the journal is read-only and writes nothing, so reading needs
// no lock and works beside a running Poise.
func (c *cli) setUpJournal(write bool) (*journal.Journal, func(), error) {
	release := func() {}
	j := journal.OpenReadOnly(journal.PathIn(c.dataDir()))
	if write {
		d, err := c.openDataWait()
		if err != nil {
			return nil, nil, err
		}
		release = func() { d.Close() }
		j = journal.Open(journal.PathIn(d.Path))
	}
	if !j.IsSetUp() {
		release()
		return nil, nil, journalHint(journal.ErrNotSetUp)
	}
	return j, release, nil
}

// openJournal unlocks the journal. write takes the data directory's lock
// first and returns it for the caller to close; without it the journal is
// read-only.
func (c *cli) openJournal(write bool) (*journal.Journal, func(), error) {
	j, release, err := c.setUpJournal(write)
	if err != nil {
		return nil, nil, err
	}
	pass, err := c.secret(EnvPassphraseFile, "Journal passphrase", false)
	if err != nil {
		release()
		return nil, nil, err
	}
	if err := c.unlockJournal(j, pass); err != nil {
		release()
		return nil, nil, err
	}
	return j, func() { j.Lock(); release() }, nil
}

// unlockJournal unlocks j and warns on standard error about files it
// skipped and about a recovery copy the recovery key could not use.
func (c *cli) unlockJournal(j *journal.Journal, pass string) error {
	if err := j.Unlock(pass); err != nil {
		return journalHint(err)
	}
	if ps := j.Problems(); len(ps) > 0 {
		fmt.Fprintf(c.env.Stderr, "poise: %d problem(s) with files in the journal:\n", len(ps))
		for _, p := range ps {
			fmt.Fprintf(c.env.Stderr, "  %s\n", termText(p.String(), false))
		}
	}
	if err := j.CheckRecoveryCopy(); err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: %s\n%s\n", termText(err.Error(), false), rekeyAdvice)
	}
	return nil
}

// rekeyAdvice is what to do about a missing or damaged recovery copy.
const rekeyAdvice = "Your recovery key can no longer replace a forgotten passphrase; your passphrase still works.\n" +
	"Run 'poise journal rekey' to write a new recovery copy and see its new key once."

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (c *cli) journalListCmd() *cobra.Command {
	var asJSON, followUps bool
	cmd := &cobra.Command{
		Use:   "list [QUERY...]",
		Short: "List entries, newest first, or those matching a search",
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			var es []journal.Entry
			if followUps {
				es, err = j.FollowUps()
			} else {
				if lib, _ := c.library(); lib != nil {
					// The packs' synonyms, so the journal hears everyday words
					// as the library search does; a broken pack only loses some.
					j.UseSynonyms(lib.Synonyms())
				}
				es, err = j.Search(strings.Join(args, " "))
			}
			if err != nil {
				return err
			}
			if asJSON {
				if es == nil {
					es = []journal.Entry{}
				}
				return writeJSON(cmd.OutOrStdout(), es)
			}
			now := time.Now()
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, e := range es {
				state := e.Outcome.Label()
				if followUps {
					state = "follow-up " + e.FollowUpState(now).String() + " " + e.FollowUp.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", termText(e.ID, false), e.When.Local().Format("2006-01-02 15:04"),
					termText(string(e.Channel), false), termText(state, false), termText(e.Title(), false))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print entries as JSON")
	cmd.Flags().BoolVar(&followUps, "follow-ups", false, "list only open follow-ups, most overdue first")
	return cmd
}

func (c *cli) journalShowCmd() *cobra.Command {
	var asJSON, history bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one entry (a unique prefix of its id is enough)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			e, err := j.Entry(args[0])
			if err != nil {
				return journalHint(err)
			}
			versions := []journal.Entry{e}
			if history {
				older, err := j.History(e.ID)
				if err != nil {
					return err
				}
				versions = append(versions, older...)
			}
			if asJSON {
				if history {
					return writeJSON(cmd.OutOrStdout(), versions)
				}
				return writeJSON(cmd.OutOrStdout(), e)
			}
			for i, v := range versions {
				if i > 0 {
					fmt.Fprintf(cmd.OutOrStdout(), "\n---\n\nVersion saved %s:\n\n", v.Updated.Local().Format("2006-01-02 15:04"))
				}
				fmt.Fprint(cmd.OutOrStdout(), termText(v.Markdown(), true))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entry as JSON")
	cmd.Flags().BoolVar(&history, "history", false, "also print earlier versions, newest first")
	return cmd
}

// exactArgs is cobra.ExactArgs as a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%q takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))}
		}
		return nil
	}
}

func (c *cli) journalDoneCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "done ID",
		Short: "Mark an entry's follow-up as done",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(true)
			if err != nil {
				return err
			}
			defer done()
			return journalHint(j.MarkFollowUpDone(args[0]))
		},
	}
}

func (c *cli) journalDeleteCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: fmt.Sprintf("Move an entry to the trash (kept %d days)", journal.TrashDays),
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(true)
			if err != nil {
				return err
			}
			defer done()
			return journalHint(j.Delete(args[0]))
		},
	}
}

func (c *cli) journalTrashCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "trash",
		Short: fmt.Sprintf("List deleted entries, which are kept %d days", journal.TrashDays),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			ts, err := j.Trash()
			if err != nil {
				return err
			}
			if asJSON {
				if ts == nil {
					ts = []journal.Trashed{}
				}
				return writeJSON(cmd.OutOrStdout(), ts)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, t := range ts {
				fmt.Fprintf(tw, "%s\tdeleted %s\t%s\n", termText(t.Entry.ID, false), t.Deleted.Local().Format("2006-01-02 15:04"), termText(t.Entry.Title(), false))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the trash as JSON")
	return cmd
}

func (c *cli) journalUndeleteCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "undelete ID",
		Short: "Bring an entry back from the trash (a unique prefix of its id is enough)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			j, done, err := c.openJournal(true)
			if err != nil {
				return err
			}
			defer done()
			// A unique prefix of the id is enough, as for show and delete.
			if err := j.Undelete(args[0]); err != nil {
				return withHint(err, "Run 'poise journal trash' to see the ids of deleted entries.")
			}
			return nil
		},
	}
}
