package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// packCmd is "poise pack …": lint (issue 3) and the team-pack life cycle
// (issue 12).
func (c *cli) packCmd() *cobra.Command {
	return groupCmd("pack", "Build, sign, install, update and roll back content packs",
		c.packLintCmd(), c.packStaleCmd(), c.packBuildCmd(), c.packKeygenCmd(), c.packSignCmd(), c.packVerifyCmd(),
		c.packInstallCmd(), c.packImportCmd(), c.packUpdateCmd(), c.packListCmd(), c.packMineCmd(),
		c.packRollbackCmd(),
		c.packActionCmd("disable", "Take a pack out of search and the screens without removing it", "Disabled %s.",
			"See poise pack list for the ids.", (*packs.Store).Disable),
		c.packActionCmd("enable", "Put a disabled pack back", "Enabled %s.", "See poise pack list for the ids.", (*packs.Store).Enable),
		c.packActionCmd("remove", "Delete an installed pack (the built-in pack can only be disabled)", "Removed %s.",
			"See poise pack list for the ids; the built-in pack can be disabled instead.", (*packs.Store).Remove),
	)
}

func (c *cli) packLintCmd() *cobra.Command {
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "lint DIR",
		Short: "Check a pack folder and list every problem with file:line",
		Long: "Lint loads the pack in DIR the way Poise does and lists every problem at once,\n" +
			"each as file:line: what is wrong and how to fix it. It exits 1 when there is any.\n" +
			"It also warns about phrases to avoid in the pack's scripts (Say lines, statements,\n" +
			"templates), checked as 'poise tone' does; warnings alone do not fail the lint.\n" +
			"A plain folder of notes (no pack.toml) is summed up instead: how many problems of\n" +
			"each sort, with the first few; --all lists every one.\n" +
			"The format is described in docs/pack-format.md.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("%q needs the pack folder to check, e.g. poise pack lint ./my-pack", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.packLint(cmd, args[0], asJSON, all)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&all, "all", false, "list every problem of a plain folder of notes, not a summary")
	return cmd
}

// lintReport is the --json output of "poise pack lint".
type lintReport struct {
	Dir      string        `json:"dir"`
	Pack     string        `json:"pack"`
	Items    int           `json:"items"`
	Problems []lintProblem `json:"problems"`
	// Warnings are phrases to avoid found in the pack's scripts. They do not
	// make the lint fail: a team may keep a line on purpose.
	Warnings []lintProblem `json:"warnings"`
	// Summary sums the problems up by sort, largest first.
	Summary []lintGroup `json:"summary"`
}

// lintGroup is one line of the summary: how many problems of a sort, and
// the first few.
type lintGroup struct {
	Group   string        `json:"group,omitempty"`
	Count   int           `json:"count"`
	Summary string        `json:"summary"`
	First   []lintProblem `json:"first"`
}

type lintProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (c *cli) packLint(cmd *cobra.Command, dir string, asJSON, all bool) error {
	p, err := kb.LintDir(dir)
	var pe *kb.ProblemsError
	if errors.Is(err, kb.ErrReservedID) {
		return withHint(err, "Give the pack in its pack.toml an id and a name of its own, such as your team's.")
	}
	if err != nil && !errors.As(err, &pe) {
		return withHint(err, "Pass the folder that holds pack.toml (or a folder of markdown files).")
	}
	rep := lintReport{Dir: dir, Pack: p.Manifest.ID, Items: len(p.Items), Problems: []lintProblem{}, Warnings: []lintProblem{}, Summary: []lintGroup{}}
	at := func(pr kb.Problem) lintProblem {
		return lintProblem{File: filepath.Join(dir, filepath.FromSlash(pr.File)), Line: pr.Line, Message: pr.Message}
	}
	if pe != nil {
		for _, pr := range pe.Problems {
			rep.Problems = append(rep.Problems, at(pr))
		}
		for _, g := range kb.Summarize(pe.Problems, 5) {
			lg := lintGroup{Group: g.Group, Count: g.Count, Summary: g.Summary}
			for _, pr := range g.First {
				lg.First = append(lg.First, at(pr))
			}
			rep.Summary = append(rep.Summary, lg)
		}
	}
	for _, w := range toneWarnings(p) {
		rep.Warnings = append(rep.Warnings, lintProblem{File: filepath.Join(dir, filepath.FromSlash(w.File)), Line: w.Line, Message: w.Message})
	}
	out := cmd.OutOrStdout()
	if asJSON {
		if err := writeJSON(out, rep); err != nil {
			return err
		}
	} else if p.Notes && !all && len(rep.Problems) > 0 {
		printLintSummary(out, rep)
	} else {
		for _, pr := range rep.Problems {
			fmt.Fprintf(out, "%s: %s\n", fileAt(pr.File, pr.Line), safe(pr.Message))
		}
		for _, w := range rep.Warnings {
			fmt.Fprintf(out, "%s: warning: %s\n", fileAt(w.File, w.Line), safe(w.Message))
		}
	}
	switch n := len(rep.Problems); n {
	case 0:
		if !asJSON {
			fmt.Fprintf(out, "%s: no problems in %s%s\n", dir, plural(rep.Items, "item"), warningCount(len(rep.Warnings)))
		}
		return nil
	case 1:
		return errors.New("1 problem in " + dir)
	default:
		return fmt.Errorf("%d problems in %s", n, dir)
	}
}

func plural(n int, noun string) string { return pluralWith(strconv.Itoa, n, noun) }

// groupedPlural is plural with the digits grouped as the locale groups
// them ("1,500 notes"), for counts that can run to thousands in output
// read by people; --json keeps plain numbers.
func groupedPlural(n int, noun string) string { return pluralWith(numtext.Count, n, noun) }

func pluralWith(count func(int) string, n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

// warningCount is the tail of the all-clear line when there are warnings.
func warningCount(n int) string {
	if n == 0 {
		return ""
	}
	return " (" + plural(n, "tone warning") + ")"
}

// fileAt is "file:line" as editors read it, escaped for the terminal (a
// pack's file names are anyone's typing), or the file alone for a problem
// about the whole file (line 0).
func fileAt(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", safe(file), line)
	}
	return safe(file)
}

// printLintSummary sums up the problems of a folder of notes: a line per
// sort with its first few, so thousands of notes give a screenful.
func printLintSummary(out io.Writer, rep lintReport) {
	fmt.Fprintf(out, "%s: %s, %s:\n", safe(rep.Dir), plural(rep.Items, "item"), plural(len(rep.Problems), "problem"))
	for _, g := range rep.Summary {
		if g.Count > len(g.First) {
			fmt.Fprintf(out, "  %s; the first %d:\n", g.Summary, len(g.First))
		} else {
			fmt.Fprintf(out, "  %s:\n", g.Summary)
		}
		for _, pr := range g.First {
			fmt.Fprintf(out, "    %s: %s\n", fileAt(pr.File, pr.Line), safe(pr.Message))
		}
	}
	fmt.Fprintln(out, "Add --all to list every problem.")
}
