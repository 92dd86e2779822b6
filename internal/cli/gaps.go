package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/settings"
	"github.com/poisehq/poise/kb/gaps"
	"github.com/poisehq/poise/kb/search"
)

// gapsCmd is "poise gaps": what this agent searched for and did not find,
// and the anonymised export and team merge built on it (kb/gaps).
func (c *cli) gapsCmd() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "List the searches that found nothing, or nothing you used",
		Long: "Poise keeps a log, on this computer only, of searches that found nothing (in the app and\n" +
			"from poise search) and of app searches whose results you neither opened nor copied.\n" +
			"E-mail addresses, phone, card and account numbers are masked before anything is kept.\n" +
			"Turn it off in Settings (gaps_log = false in settings.toml); clear it with poise gaps clear.\n" +
			"'poise gaps export' writes an anonymised file for a team lead; 'poise gaps merge' ranks several.",
		Example: "  poise gaps\n  poise gaps --json\n  poise gaps export -o gaps-me.json\n  poise gaps merge ana.json ben.json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return usageError{fmt.Errorf("--limit must be positive, not %d", limit)}
			}
			list, err := c.readGaps()
			if err != nil {
				return err
			}
			list = gaps.Top(list, limit)
			if asJSON {
				if list == nil {
					list = []gaps.Search{}
				}
				return writeJSON(cmd.OutOrStdout(), list)
			}
			return c.writeGapsText(cmd.OutOrStdout(), list)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as a JSON array of {query, no_results, not_used, first, last}")
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many searches (0: all)")
	cmd.AddCommand(c.gapsExportCmd(), c.gapsMergeCmd(), c.gapsClearCmd())
	return cmd
}

func (c *cli) gapsPath() string { return filepath.Join(c.dataDir(), gaps.FileName) }

func (c *cli) readGaps() ([]gaps.Search, error) {
	list, err := gaps.Read(c.gapsPath())
	if errors.Is(err, gaps.ErrBadFile) {
		return nil, withHint(err, "The gaps log was changed outside Poise. Run poise gaps clear to start it afresh.")
	}
	return list, err
}

func (c *cli) writeGapsText(w io.Writer, list []gaps.Search) error {
	if len(list) == 0 {
		msg := "No searches without an answer yet."
		if s, err := settings.Load(filepath.Join(c.dataDir(), settings.FileName)); err == nil && !s.GapsLog {
			msg = "The gaps log is off (Settings in the app, or gaps_log in settings.toml)."
		}
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	fmt.Fprintf(w, "%6s  %8s  %8s  %-10s  %s\n", "times", "nothing", "not used", "last", "search")
	for _, s := range list {
		if _, err := fmt.Fprintf(w, "%6d  %8d  %8d  %-10s  %s\n", s.Count(), s.NoResults, s.NotUsed, s.Last, termText(s.Query, false)); err != nil {
			return err
		}
	}
	return nil
}

func (c *cli) gapsExportCmd() *cobra.Command {
	var (
		out string
		yes bool
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write an anonymised copy of the gaps log for a team lead",
		Long: "Export prints (or writes with -o) the gaps log with no name, no machine and no date finer\n" +
			"than the ISO weeks it spans; queries are masked again. With -o it shows the file first and\n" +
			"writes only when you say yes (or pass --yes).",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			list, err := c.readGaps()
			if err != nil {
				return err
			}
			return c.deliver(cmd.OutOrStdout(), out, gaps.NewExport(list).JSON(), true, yes)
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to this file (outside the data folder) instead of printing")
	cmd.Flags().BoolVar(&yes, "yes", false, "with -o, write without asking (after showing it)")
	return cmd
}

// mergeFileLimit is the most read of any one file given to merge: a little
// over what an export may be, so a bigger one is named as too big.
const mergeFileLimit = gaps.MaxFileSize + 1

func (c *cli) gapsMergeCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "merge FILE...",
		Short: "Rank what a team is missing from several exports",
		Long: "Merge reads the files agents made with poise gaps export and ranks the searches by how many\n" +
			"people missed them, then how often: what the next pack version should answer. Each file\n" +
			"is checked strictly (size, JSON shape, no control characters); one bad file stops the\n" +
			"merge and is named with its line. The same file given twice counts once.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("%q needs the exported files, e.g. poise gaps merge ana.json ben.json", cmd.CommandPath())}
			}
			if len(args) > gaps.MaxMergeFiles {
				return usageError{fmt.Errorf("%q takes at most %d files", cmd.CommandPath(), gaps.MaxMergeFiles)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			data := make([][]byte, len(args))
			for i, name := range args {
				b, err := readCapped(name, mergeFileLimit)
				if err != nil {
					return withHint(err, "Pass the files made by poise gaps export.")
				}
				data[i] = b
			}
			m, err := gaps.Merge(args, data)
			if err != nil {
				return withHint(errors.New(termText(err.Error(), false)), "Leave that file out, or ask its owner for a new export (poise gaps export).")
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), m)
			}
			return writeMergedText(cmd.OutOrStdout(), c.env.Stderr, m)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the ranking as JSON")
	return cmd
}

func writeMergedText(w, notes io.Writer, m gaps.Merged) error {
	for _, d := range m.Duplicates {
		fmt.Fprintf(notes, "poise: %s is the same as a file before it; counted once\n", termText(d, false))
	}
	period := ""
	if m.From != "" {
		period = fmt.Sprintf(", %s to %s", m.From, m.To)
	}
	people := fmt.Sprintf("%d people", m.Files)
	if m.Files == 1 {
		people = "1 person"
	}
	fmt.Fprintf(w, "What %s searched for and did not find%s:\n", people, period)
	if len(m.Gaps) == 0 {
		_, err := fmt.Fprintln(w, "  nothing: every search found something they used.")
		return err
	}
	fmt.Fprintf(w, "%6s  %6s  %s\n", "people", "times", "search")
	for _, g := range m.Gaps {
		if _, err := fmt.Fprintf(w, "%6d  %6d  %s\n", g.People, g.Count(), termText(g.Query, false)); err != nil {
			return err
		}
	}
	return nil
}

func (c *cli) gapsClearCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "clear",
		Short: "Empty the gaps log",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := gaps.Clear(c.gapsPath()); err != nil {
				return withHint(err, "Check that the data folder is writable.")
			}
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "The gaps log is empty.")
			return err
		},
	}
}

// noteSearchGap adds a terminal search that found nothing to the gaps log,
// unless the log is off or the settings cannot be read (then nothing is
// kept: the log is only ever written when it is known to be wanted). A
// failure is a note on stderr, never a failed search.
func (c *cli) noteSearchGap(text string) {
	s, err := settings.Load(filepath.Join(c.dataDir(), settings.FileName))
	if err != nil || !s.GapsLog {
		return
	}
	if err := gaps.Record(c.gapsPath(), text, gaps.NoResults, c.now()); err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: this search was not noted in the gaps log: %s\n", termText(err.Error(), false))
	}
}

// readCapped reads at most limit bytes of a regular file.
func readCapped(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", termText(name, false), err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: not a regular file", termText(name, false))
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

// noteIfGap notes a search without a kind filter that found nothing: with
// a filter, finding nothing says more about the filter than the library.
func (c *cli) noteIfGap(q search.Query, res *search.Results) {
	if res.Total == 0 && len(q.Kinds) == 0 {
		c.noteSearchGap(q.Text)
	}
}
