package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/packs"
)

func (c *cli) packListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the built-in and installed packs",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Listing only reads: while the app holds the lock, read anyway.
			s, done, err := c.openPacks()
			if errors.Is(err, datadir.ErrLocked) {
				s, done, err = packs.View(filepath.Join(c.dataDir(), "packs")), func() {}, nil
			}
			if err != nil {
				return err
			}
			defer done()
			list, err := s.ListFrom(content.FS, c.keptPacks())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if list == nil {
					list = []packs.Installed{}
				}
				return writeJSON(out, list)
			}
			for _, in := range list {
				var notes []string
				switch {
				case in.Builtin:
					notes = append(notes, "built-in")
				case in.Signer != nil:
					notes = append(notes, "signed by "+in.Signer.KeyID)
				case in.Source != nil:
					notes = append(notes, "unsigned")
				default:
					notes = append(notes, "copied in by hand")
				}
				if in.Disabled {
					notes = append(notes, "DISABLED")
				}
				// The same words as poise pack stale: content with no
				// reviewed date is "never reviewed", not past a due date;
				// a person's own pack is nobody else's to review.
				switch {
				case !in.ReviewDue || in.ID == mine.ID:
				case in.Reviewed.IsZero():
					notes = append(notes, "never reviewed")
				default:
					notes = append(notes, "due for review")
				}
				if in.Previous != "" {
					notes = append(notes, "can roll back to "+safe(in.Previous))
				}
				fmt.Fprintf(out, "%s %s  %s  (%s)\n  %s\n", safe(in.ID), safe(in.Version), safe(in.Name), strings.Join(notes, ", "), countsLine(in.Items, in.Counts))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	return cmd
}

// packActionCmd is one of disable, enable, remove and rollback: a pack id
// and one store call.
func (c *cli) packActionCmd(use, short, doneMsg, hint string, act func(*packs.Store, string) error) *cobra.Command {
	return &cobra.Command{
		Use:   use + " ID",
		Short: short,
		Args:  packArgs(1, "a pack id (see poise pack list)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, done, err := c.openPacks()
			if err != nil {
				return err
			}
			defer done()
			if err := act(s, args[0]); err != nil {
				return withHint(err, hint)
			}
			c.reindexPacks(cmd.Context(), s, args[0])
			fmt.Fprintf(cmd.OutOrStdout(), doneMsg+"\n", safe(args[0]))
			return nil
		},
	}
}

// packRollbackCmd swaps a pack back to the version kept before its last
// update, and says what that changed, as update does.
func (c *cli) packRollbackCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rollback ID",
		Short: "Restore the version installed before the last update",
		Args:  packArgs(1, "a pack id (see poise pack list)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, done, err := c.openPacks()
			if err != nil {
				return err
			}
			defer done()
			back, err := s.Rollback(args[0])
			if err != nil {
				return withHint(err, "See poise pack list: a pack keeps one previous version after an update.")
			}
			c.reindexPacks(cmd.Context(), s, args[0])
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, back)
			}
			if back.Newer {
				fmt.Fprintf(out, "Returned %s from %s to %s (undoing the rollback).\n", safe(back.ID), safe(back.From), safe(back.To))
			} else {
				fmt.Fprintf(out, "Rolled %s back from %s to %s.\n", safe(back.ID), safe(back.From), safe(back.To))
			}
			printChanges(out, back.Changes)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what changed as JSON")
	return cmd
}
