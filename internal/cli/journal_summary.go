package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/internal/mdhtml"
	"github.com/poisehq/poise/internal/readnext"
	"github.com/poisehq/poise/journal/summary"
	"github.com/poisehq/poise/kb/search"
)

// summaryFormat is how a summary is printed: one of --json, --markdown
// (the default) and --html.
type summaryFormat struct{ json, markdown, html bool }

func (f *summaryFormat) flags(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&f.markdown, "markdown", false, "print markdown (the default)")
	cmd.Flags().BoolVar(&f.html, "html", false, "print a standalone HTML page")
}

func (f summaryFormat) check() error {
	n := 0
	for _, on := range []bool{f.json, f.markdown, f.html} {
		if on {
			n++
		}
	}
	if n > 1 {
		return usageError{errors.New("choose one of --json, --markdown and --html")}
	}
	return nil
}

// render turns a value with a markdown form into the chosen format.
func (f summaryFormat) render(title string, v any, md string) ([]byte, error) {
	switch {
	case f.json:
		var b strings.Builder
		if err := writeJSON(&b, v); err != nil {
			return nil, err
		}
		return []byte(b.String()), nil
	case f.html:
		return mdhtml.Page(title, md)
	}
	return []byte(md), nil
}

// monthHint is the one line a bad month gets.
const monthHint = "Write the month as YYYY-MM, such as 2026-11, or the year as --year 2026."

func badMonth(err error) error { return usageError{withHint(err, monthHint)} }

// journalSummaryCmd is "poise journal summary".
func (c *cli) journalSummaryCmd() *cobra.Command {
	var (
		format    summaryFormat
		year, out string
		export    bool
		yes       bool
		takeaways []int
	)
	cmd := &cobra.Command{
		Use:   "summary [YYYY-MM]",
		Short: "Summarise a month of your journal: what keeps happening, what works, your stress",
		Long: "Summarise a month (this month by default) or, with --year, the twelve months of a year.\n" +
			"The summary is computed in memory and printed; it is written to a file only with --out.\n" +
			"With --export it is anonymised for a team lead: counts, trends and headlines, and none of your\n" +
			"text unless you pick takeaways with --takeaway N (masked for personal data). You see exactly what\n" +
			"will be written before it is.",
		Example: "  poise journal summary 2026-11\n  poise journal summary --year 2026 --html --out 2026.html\n" +
			"  poise journal summary 2026-11 --export --takeaway 2 --out november.json\n  poise journal summary merge ana.json ben.json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("%q takes one month, not %d words", cmd.CommandPath(), len(args))}
			}
			if len(args) == 1 {
				if _, err := summary.ParseMonth(args[0]); err != nil {
					return badMonth(err)
				}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := format.check(); err != nil {
				return err
			}
			month := summary.MonthOf(time.Now())
			if len(args) == 1 {
				month, _ = summary.ParseMonth(args[0])
			}
			y := 0
			if year != "" {
				var err error
				if y, err = summary.ParseYear(year); err != nil {
					return badMonth(err)
				}
				if len(args) == 1 || export {
					return usageError{errors.New("--year shows a year; give no month, and export one month at a time")}
				}
			}
			if len(takeaways) > 0 && !export {
				return usageError{errors.New("--takeaway only picks takeaways for --export")}
			}
			j, done, err := c.openJournal(false)
			if err != nil {
				return err
			}
			defer done()
			es, err := j.Entries()
			if err != nil {
				return err
			}
			reviews, err := j.Reviews()
			if err != nil {
				return err
			}
			lib, _ := c.library()
			b := summary.New(es, summary.Options{Reviews: reviews, Title: readnext.Titles(lib)})
			w := cmd.OutOrStdout()
			if y != 0 {
				yr := b.Year(y)
				data, err := format.render(fmt.Sprint(y), yr, yr.Markdown())
				if err != nil {
					return err
				}
				return c.deliver(w, out, data, false, yes)
			}
			s := b.Month(month)
			if export {
				return c.exportSummary(w, s, takeaways, format, out, yes)
			}
			c.findReading(cmd, s)
			data, err := format.render(s.Label, s, s.Markdown())
			if err != nil {
				return err
			}
			return c.deliver(w, out, data, false, yes)
		},
	}
	format.flags(cmd)
	cmd.Flags().StringVar(&year, "year", "", "summarise the twelve months of this year (YYYY)")
	cmd.Flags().StringVar(&out, "out", "", "write to this file instead of printing")
	cmd.Flags().BoolVar(&export, "export", false, "anonymise for a team lead (JSON unless --markdown or --html)")
	cmd.Flags().IntSliceVar(&takeaways, "takeaway", nil, "with --export, include takeaway number N (masked); repeat for more")
	cmd.Flags().BoolVar(&yes, "yes", false, "with --export --out, write without asking (after showing it)")
	cmd.AddCommand(c.journalSummaryMergeCmd())
	return cmd
}

// findReading adds what to read next from the search index the app keeps
// (or one built in memory). Without it the summary is still whole.
func (c *cli) findReading(cmd *cobra.Command, s *summary.Summary) {
	if s.Entries == 0 {
		return
	}
	lib, _ := c.library()
	if lib == nil {
		return
	}
	ix, err := search.Open(filepath.Join(c.dataDir(), "index"), lib, search.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: no reading suggestions: %v\n", err)
		return
	}
	defer ix.Close()
	if err := s.FindReading(cmd.Context(), readnext.Finder(ix)); err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: no reading suggestions: %v\n", err)
	}
}

// exportSummary anonymises s with the picked takeaways (numbered from 1)
// and shows it before it is written.
func (c *cli) exportSummary(w io.Writer, s *summary.Summary, picks []int, format summaryFormat, out string, yes bool) error {
	var idx []int
	for _, n := range picks {
		if n < 1 || n > len(s.Takeaways) {
			return usageError{withHint(fmt.Errorf("no takeaway %d in %s", n, s.Label),
				fmt.Sprintf("%s has %d takeaways; run the export without --takeaway to see them numbered.", s.Label, len(s.Takeaways)))}
		}
		idx = append(idx, n-1)
	}
	if len(s.Takeaways) > 0 && len(picks) == 0 {
		fmt.Fprintf(c.env.Stderr, "Your takeaways in %s stay out unless you add --takeaway N:\n", s.Label)
		for i, t := range s.Takeaways {
			fmt.Fprintf(c.env.Stderr, "  %d. %s\n", i+1, termSafe(t.Text))
		}
	}
	x := s.Anonymise(idx)
	var data []byte
	var err error
	switch {
	case format.markdown:
		data = []byte(x.Markdown())
	case format.html:
		data, err = mdhtml.Page("Anonymised summary for "+x.Month, x.Markdown())
	default:
		data, err = x.JSON()
	}
	if err != nil {
		return err
	}
	return c.deliver(w, out, data, true, yes)
}

// deliver prints data, or writes it to out. An export is shown in full
// first and written only once the person agrees (or passed --yes).
func (c *cli) deliver(w io.Writer, out string, data []byte, confirm, yes bool) error {
	if out == "" {
		_, err := w.Write(data)
		return err
	}
	if datadir.Contains(c.dataDir(), out) {
		return usageError{withHint(fmt.Errorf("%s is inside Poise's data folder %s", out, c.dataDir()),
			"Choose an --out outside the data folder: only encrypted files belong there.")}
	}
	if confirm {
		fmt.Fprintf(w, "This is exactly what will be written to %s:\n\n%s\n", out, termSafe(string(data)))
		if !yes {
			ok, err := c.ask(fmt.Sprintf("Write it to %s? [y/N] ", out))
			if err != nil {
				return err
			}
			if !ok {
				return withHint(errors.New("nothing written"), "Run the command again to change what is included, or add --yes to write it.")
			}
		}
	}
	if err := atomicfile.Write(out, data, 0o600); err != nil {
		return withHint(fmt.Errorf("write %s: %w", out, err), "Check that the folder exists and is writable, or choose another --out.")
	}
	fmt.Fprintf(c.env.Stderr, "Wrote %s.\n", out)
	return nil
}

// ask asks a yes/no question on the terminal.
func (c *cli) ask(question string) (bool, error) {
	f, ok := c.env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, withHint(errors.New("no terminal to confirm the export"), "Check what is shown above, then run again with --yes to write it.")
	}
	fmt.Fprint(c.env.Stderr, question)
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("read from terminal: %w", err)
	}
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes", nil
}

// termSafe drops control characters other than line breaks and tabs, so
// text from a journal or an export cannot drive the terminal.
func termSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

// journalSummaryMergeCmd is "poise journal summary merge".
func (c *cli) journalSummaryMergeCmd() *cobra.Command {
	var (
		format summaryFormat
		out    string
	)
	cmd := &cobra.Command{
		Use:   "merge EXPORT.json...",
		Short: "Combine agents' anonymised exports into one team view",
		Long:  "Combine anonymised summary exports (made with 'poise journal summary --export') into one team view:\nwhat the team faces most and what works across people. No journal is opened.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("%q needs one or more export files", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := format.check(); err != nil {
				return err
			}
			var xs []summary.Export
			for _, path := range args {
				x, err := readExport(path)
				if err != nil {
					return withHint(err, "Merge only files made with 'poise journal summary --export'.")
				}
				xs = append(xs, x)
			}
			t := summary.Merge(xs)
			data, err := format.render("Team summary", t, t.Markdown())
			if err != nil {
				return err
			}
			return c.deliver(cmd.OutOrStdout(), out, data, false, true)
		},
	}
	format.flags(cmd)
	cmd.Flags().StringVar(&out, "out", "", "write to this file instead of printing")
	return cmd
}

func readExport(path string) (summary.Export, error) {
	f, err := os.Open(path)
	if err != nil {
		return summary.Export{}, fmt.Errorf("read export: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, summary.MaxExportBytes+1))
	if err != nil {
		return summary.Export{}, fmt.Errorf("read export %s: %w", path, err)
	}
	x, err := summary.ParseExport(data)
	if err != nil {
		return x, fmt.Errorf("%s: %w", path, err)
	}
	return x, nil
}
