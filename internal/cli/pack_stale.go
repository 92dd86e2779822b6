package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/kb"
)

// staleReport is the --json output of "poise pack stale".
type staleReport struct {
	Today string      `json:"today"`
	Packs []stalePack `json:"packs"`
	// Unread are the reviewed and review_every values Poise could not
	// read; those files count from the pack's values or a year instead.
	Unread []staleProblem `json:"unread"`
}

type staleProblem struct {
	Pack    string `json:"pack"` // the pack's folder, or "built-in pack"
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type stalePack struct {
	ID            string      `json:"id"`
	Name          string      `json:"name"`
	Reviewed      string      `json:"reviewed,omitempty"`
	ReviewEvery   string      `json:"review_every"`
	DueOn         string      `json:"due_on,omitempty"`
	Due           bool        `json:"due"`
	NeverReviewed bool        `json:"never_reviewed"`
	Files         []staleFile `json:"files"`
}

type staleFile struct {
	File        string   `json:"file"`
	Title       string   `json:"title"`
	Items       []string `json:"items"`
	Reviewed    string   `json:"reviewed"`
	ReviewEvery string   `json:"review_every"`
	DueOn       string   `json:"due_on"`
	DaysOverdue int      `json:"days_overdue"`
}

func (c *cli) packStaleCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stale [ID|DIR]",
		Short: "List the content due for review, file by file",
		Long: "Stale lists the files of every pack (or of the pack ID, or the pack folder DIR) whose\n" +
			"review date has passed: reviewed plus review_every, from the file's front matter or else\n" +
			"from pack.toml (a year when neither says). Packs never reviewed are named too.\n" +
			"See docs/pack-format.md#freshness.",
		Example: "  poise pack stale\n  poise pack stale acme --json\n  poise pack stale ./acme",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("%q takes at most one pack id or folder", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var arg string
			if len(args) == 1 {
				arg = args[0]
			}
			lib, id, unread, err := c.staleLibrary(arg)
			if err != nil {
				return err
			}
			today := c.now()
			rep := staleReportOf(lib.Stale(id, today), today)
			rep.Unread = unread
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), rep)
			}
			// Said on stderr, so the list itself stays the same shape.
			for _, u := range unread {
				fmt.Fprintf(cmd.ErrOrStderr(), "poise: %s: %s:%d: %s It counts from the pack's review_every, or a year, until fixed.\n",
					termText(u.Pack, false), termText(u.File, false), u.Line, termText(u.Message, false))
			}
			return writeStaleText(cmd.OutOrStdout(), rep)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	return cmd
}

// staleLibrary is the library to check and the pack id to keep: a folder
// given on the command line, else the installed packs; and the review
// values the load could not read.
func (c *cli) staleLibrary(arg string) (*kb.Library, string, []staleProblem, error) {
	if fi, err := os.Stat(arg); arg != "" && err == nil && fi.IsDir() {
		p, err := kb.LoadDir(arg)
		var pe *kb.ProblemsError
		if p == nil || err != nil && !errors.As(err, &pe) {
			return nil, "", nil, withHint(fmt.Errorf("read pack %s: %w", arg, err), "Pass the folder that holds pack.toml.")
		}
		return kb.NewLibrary(p), "", reviewProblems(arg, pe), nil
	}
	lib, err := c.library()
	var pe *kb.ProblemsError
	if lib == nil || err != nil && !errors.As(err, &pe) {
		return nil, "", nil, err
	}
	unread := unreadReviews(err)
	if arg == "" {
		return lib, "", unread, nil
	}
	for _, p := range lib.Packs {
		if p.Manifest.ID == arg {
			return lib, arg, unread, nil
		}
	}
	return nil, "", nil, withHint(fmt.Errorf("no pack %q is installed", termText(arg, false)), "See poise pack list for the ids, or pass the pack's folder.")
}

// unreadReviews finds, in the error of loading every pack (one wrapped
// *kb.ProblemsError per pack: "pack DIR: …"), the review values that could
// not be read.
func unreadReviews(err error) []staleProblem {
	out := []staleProblem{}
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			if pe, ok := e.Unwrap().(*kb.ProblemsError); ok {
				pack := strings.TrimSuffix(err.Error(), ": "+pe.Error())
				out = append(out, reviewProblems(strings.TrimPrefix(pack, "pack "), pe)...)
				return
			}
			walk(e.Unwrap())
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// reviewProblems are a pack's problems with its review values.
func reviewProblems(pack string, pe *kb.ProblemsError) []staleProblem {
	out := []staleProblem{}
	if pe == nil {
		return out
	}
	for _, p := range pe.Problems {
		if p.Group == kb.GroupReview {
			out = append(out, staleProblem{Pack: pack, File: p.File, Line: p.Line, Message: p.Message})
		}
	}
	return out
}

func staleReportOf(packs []kb.StalePack, today time.Time) staleReport {
	rep := staleReport{Today: today.Format(time.DateOnly), Packs: []stalePack{}}
	for _, p := range packs {
		sp := stalePack{
			ID: p.ID, Name: p.Name, Reviewed: dayText(p.Freshness.Reviewed), ReviewEvery: p.Freshness.Every.String(),
			DueOn: dayText(p.Freshness.DueOn), Due: p.Freshness.Due, NeverReviewed: p.Freshness.Never(), Files: []staleFile{},
		}
		for _, f := range p.Files {
			sp.Files = append(sp.Files, staleFile{
				File: f.File, Title: f.Title, Items: f.Items,
				Reviewed: dayText(f.Freshness.Reviewed), ReviewEvery: f.Freshness.Every.String(), DueOn: dayText(f.Freshness.DueOn),
				DaysOverdue: int(civil(today).Sub(f.Freshness.DueOn).Hours() / 24),
			})
		}
		rep.Packs = append(rep.Packs, sp)
	}
	return rep
}

func writeStaleText(w io.Writer, rep staleReport) error {
	if len(rep.Packs) == 0 {
		_, err := fmt.Fprintln(w, "Nothing is due for review.")
		return err
	}
	for _, p := range rep.Packs {
		state := "reviewed " + p.Reviewed + ", every " + p.ReviewEvery
		switch {
		case p.NeverReviewed:
			state = "never reviewed: add reviewed = YYYY-MM-DD to its pack.toml once checked"
		case p.Due:
			state += ": due since " + p.DueOn
		}
		if _, err := fmt.Fprintf(w, "%s  %s: %s\n", termText(p.ID, false), termText(p.Name, false), state); err != nil {
			return err
		}
		for _, f := range p.Files {
			if _, err := fmt.Fprintf(w, "  %s  %s (%d item(s)): reviewed %s, every %s: due since %s\n",
				termText(f.File, false), termText(f.Title, false), len(f.Items), f.Reviewed, f.ReviewEvery, f.DueOn); err != nil {
				return err
			}
		}
	}
	return nil
}

// dayText is t as YYYY-MM-DD, "" when zero.
func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// civil is t's calendar day at midnight UTC, as kb compares review dates.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
