package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

func (c *cli) packImportCmd() *cobra.Command {
	var id, name, ref string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import SOURCE",
		Short: "Make a pack of a plain folder of notes (an Obsidian vault, a Git repository of macros)",
		Long: "Import reads the markdown notes of SOURCE, a folder or a Git repository, and installs\n" +
			"them as a pack: each note is a guide and each of its headings an item; a note with\n" +
			"{placeholders} is a template. Wikilinks, embeds, callouts and #tags are understood.\n" +
			"Pictures and other files are left out. It prints what became what, what was left out\n" +
			"and why, and the problems found, summed up. The source is remembered: poise pack update\n" +
			"imports it again. See docs/pack-format.md.",
		Args: packArgs(1, "the folder of notes or Git repository to import, e.g. poise pack import ~/Notes"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.packImport(cmd, args[0], id, name, ref, asJSON)
		},
	}
	cmd.Flags().StringVar(&id, "id", "", "the new pack's id (default: from the folder's name)")
	cmd.Flags().StringVar(&name, "name", "", "the name agents see (default: the folder's name)")
	cmd.Flags().StringVar(&ref, "ref", "", "the Git branch or tag to import")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

// importReport is what "poise pack import" says, and its --json output.
type importReport struct {
	Source  packs.Source    `json:"source"`
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Version string          `json:"version"`
	Notes   int             `json:"notes"` // markdown files imported
	Items   int             `json:"items"`
	Counts  map[kb.Kind]int `json:"counts"`
	Skipped []packs.Skipped `json:"skipped"`
	// Problems sums up what the lint found, by sort.
	Problems []lintGroup `json:"problems"`
	// Changes: on a later import of the same folder, what changed.
	Changes   *packs.Changes `json:"changes,omitempty"`
	Installed bool           `json:"installed"`
	// Unchanged: nothing changed since the last import.
	Unchanged bool   `json:"unchanged,omitempty"`
	Error     string `json:"error,omitempty"`
}

func (c *cli) packImport(cmd *cobra.Command, source, id, name, ref string, asJSON bool) error {
	src, err := packs.NotesSource(source, ref, id, name)
	if errors.Is(err, packs.ErrIsPack) {
		return withHint(err, "Install a pack with poise pack install; import is for folders of notes without a pack.toml.")
	}
	if err != nil {
		return withHint(err, "Pass a folder of markdown notes or a Git repository, and an --id of lower case letters, digits and hyphens.")
	}
	s, done, err := c.openPacks()
	if err != nil {
		return err
	}
	defer done()
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	cand, err := s.Fetch(ctx, src)
	if errors.Is(err, packs.ErrIsPack) {
		return withHint(err, "Install a pack with poise pack install; import is for folders of notes without a pack.toml.")
	}
	if errors.Is(err, packs.ErrIDTaken) {
		return withHint(err, "Nothing was imported and that pack is unchanged. Choose another id with --id, or poise pack remove it first.")
	}
	if err != nil {
		return withHint(err, "Nothing was imported.")
	}
	defer cand.Discard()
	rep := importReportOf(cand)
	// The person importing their own folder is who vouches for it: an
	// import is unsigned by nature.
	err = s.Install(cand, packs.InstallOptions{AllowUnsigned: true})
	switch {
	case errors.Is(err, packs.ErrSameVersion):
		rep.Unchanged, err = true, nil
	case err == nil:
		rep.Installed = true
	default:
		rep.Error = err.Error()
	}
	out := cmd.OutOrStdout()
	if asJSON {
		return writeJSONThen(out, rep, importError(err))
	}
	if err != nil {
		return importError(err)
	}
	printNotesImport(out, rep, filepath.Join(s.Dir(), rep.ID))
	return nil
}

func importError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, packs.ErrKeyChanged):
		return withHint(err, "A signed pack has this id; nothing was imported. Choose another with --id.")
	}
	return withHint(err, "Nothing was imported.")
}

func importReportOf(c *packs.Candidate) importReport {
	rep := importReport{Source: c.Source, ID: c.Manifest.ID, Name: c.Manifest.Name, Version: c.Manifest.Version,
		Notes: c.Files, Items: c.Items, Counts: c.Counts, Skipped: c.Skipped, Problems: []lintGroup{}}
	if rep.Skipped == nil {
		rep.Skipped = []packs.Skipped{}
	}
	for _, g := range kb.Summarize(c.Problems, 3) {
		lg := lintGroup{Group: g.Group, Count: g.Count, Summary: g.Summary}
		for _, pr := range g.First {
			lg.First = append(lg.First, lintProblem{File: pr.File, Line: pr.Line, Message: pr.Message})
		}
		rep.Problems = append(rep.Problems, lg)
	}
	if c.Installed != "" {
		ch := c.Changes
		rep.Changes = &ch
	}
	return rep
}

// printNotesImport says what became what, what was left out and why, and the
// problems, summed up: a screenful for a folder of thousands of notes.
func printNotesImport(w io.Writer, rep importReport, installed string) {
	if rep.Unchanged {
		fmt.Fprintf(w, "Nothing changed in %s since it was imported as %s %s.\n", safe(rep.Source.String()), safe(rep.ID), safe(rep.Version))
		return
	}
	fmt.Fprintf(w, "Imported %s as %q (pack %s %s).\n", safe(rep.Source.String()), safe(rep.Name), safe(rep.ID), safe(rep.Version))
	fmt.Fprintf(w, "  %s became %s\n", groupedPlural(rep.Notes, "note"), countsLineWith(groupedPlural, rep.Items, rep.Counts))
	if rep.Changes != nil {
		ch := rep.Changes
		fmt.Fprintf(w, "  since the last import: %s added, %s changed, %s removed\n", numtext.Count(len(ch.Added)), numtext.Count(len(ch.Changed)), numtext.Count(len(ch.Removed)))
	}
	left := 0
	for _, sk := range rep.Skipped {
		left += sk.Count
	}
	if left > 0 {
		fmt.Fprintf(w, "  left out %s:\n", groupedPlural(left, "file"))
		for _, sk := range rep.Skipped {
			first := make([]string, len(sk.First))
			for i, f := range sk.First {
				first[i] = safe(f)
			}
			more := ""
			if sk.Count > len(sk.First) {
				more = ", …"
			}
			fmt.Fprintf(w, "    %s %s: %s%s\n", numtext.Count(sk.Count), sk.Reason, strings.Join(first, ", "), more)
		}
	}
	if len(rep.Problems) == 0 {
		fmt.Fprintln(w, "  no problems")
		return
	}
	n := 0
	for _, g := range rep.Problems {
		n += g.Count
	}
	fmt.Fprintf(w, "  %s (Poise uses everything else):\n", groupedPlural(n, "problem"))
	for _, g := range rep.Problems {
		if g.Count > len(g.First) {
			fmt.Fprintf(w, "    %s, such as\n", g.Summary)
		} else {
			fmt.Fprintf(w, "    %s:\n", g.Summary)
		}
		for _, pr := range g.First {
			fmt.Fprintf(w, "      %s: %s\n", fileAt(pr.File, pr.Line), safe(pr.Message))
		}
	}
	fmt.Fprintf(w, "  Fix them in the folder and import again; poise pack lint --all %s lists every one.\n", safe(installed))
}
