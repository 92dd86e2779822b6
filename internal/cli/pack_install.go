package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// openPacks takes the data folder's lock, waiting for another command
// that holds it, and opens its packs.
func (c *cli) openPacks() (*packs.Store, func(), error) {
	d, err := c.openDataWait()
	if err != nil {
		return nil, nil, err
	}
	s, err := packs.Open(d.Join("packs"))
	if err != nil {
		d.Close()
		return nil, nil, err
	}
	s.PoiseVersion = c.env.Version
	return s, func() { d.Close() }, nil
}

// installFlags are the answers a person gives on the command line.
type installFlags struct {
	trust, retrust, allowUnsigned, force, asJSON bool
	ref                                          string
}

func (f *installFlags) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.trust, "trust", false, "trust the signing key for this pack on first install without asking")
	cmd.Flags().BoolVar(&f.retrust, "retrust", false, "accept a signing key different from the trusted one (or an unsigned copy of a signed pack)")
	cmd.Flags().BoolVar(&f.allowUnsigned, "allow-unsigned", false, "install a pack that has no signature")
	cmd.Flags().BoolVar(&f.force, "force", false, "install an older version, or the same version again")
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print the preview and result as JSON")
}

func (c *cli) packInstallCmd() *cobra.Command {
	var f installFlags
	cmd := &cobra.Command{
		Use:   "install SOURCE",
		Short: "Install a pack from a .poisepack, a folder, an https address or a Git repository",
		Long: "Install fetches SOURCE into staging, checks it, shows who signed it and what it holds,\n" +
			"then swaps it in. The source is remembered for poise pack update. The first install of\n" +
			"a signed pack asks to trust its key (or pass --trust); unsigned packs need --allow-unsigned.",
		Args: packArgs(1, "a .poisepack file, pack folder, https address or Git repository"),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := packs.ParseSource(args[0], f.ref)
			if err != nil {
				return withHint(err, "Pass a .poisepack file, a pack folder, an https:// address or a Git repository.")
			}
			s, done, err := c.openPacks()
			if err != nil {
				return err
			}
			defer done()
			cand, err := s.Fetch(cmd.Context(), src)
			if err != nil {
				return withHint(err, "Nothing was installed. Ask the pack's author for a fresh copy.")
			}
			return c.installCandidate(cmd, s, cand, f)
		},
	}
	f.add(cmd)
	cmd.Flags().StringVar(&f.ref, "ref", "", "the Git branch or tag to install")
	return cmd
}

// installCandidate previews cand, asks what must be asked and installs it.
func (c *cli) installCandidate(cmd *cobra.Command, s *packs.Store, cand *packs.Candidate, f installFlags) error {
	defer cand.Discard()
	out := cmd.OutOrStdout()
	if !f.asJSON {
		printPreview(out, cand)
	}
	opts := packs.InstallOptions{TrustSigner: f.trust, Retrust: f.retrust, AllowUnsigned: f.allowUnsigned, Force: f.force}
	// Ask before installing, about this very copy: fetching again after the
	// answer could bring a copy signed by another key than the one shown.
	if cand.Trust == packs.TrustNew && !opts.TrustSigner &&
		c.confirm(fmt.Sprintf("Trust key %s for pack %s?", cand.Signature.Signer.KeyID, safe(cand.Manifest.ID))) {
		opts.TrustSigner = true
	}
	err := s.Install(cand, opts)
	if err == nil {
		c.reindexPacks(cmd.Context(), s, cand.Manifest.ID)
	}
	if f.asJSON {
		return writeJSONThen(out, installReport{Preview: previewOf(cand), Installed: err == nil, Error: errString(err)}, err)
	}
	if err != nil {
		return withHint(err, installHint(err))
	}
	fmt.Fprintf(out, "Installed %s %s.\n", safe(cand.Manifest.ID), safe(cand.Manifest.Version))
	return nil
}

func installHint(err error) string {
	switch {
	case errors.Is(err, packs.ErrUntrusted):
		return "Nothing was installed. If you expect this key, install again with --trust."
	case errors.Is(err, packs.ErrKeyChanged):
		return "Nothing was installed. Ask the pack's author whether they changed keys; only then install again with --retrust."
	case errors.Is(err, packs.ErrUnsigned):
		return "Nothing was installed. Ask for a signed copy, or install again with --allow-unsigned if you trust where it came from."
	case errors.Is(err, packs.ErrDowngrade), errors.Is(err, packs.ErrSameVersion):
		return "Nothing was installed. Use poise pack rollback to go back one version, or --force to install this one anyway."
	case errors.Is(err, packs.ErrTooNew):
		return "Nothing was installed. Update Poise, then install the pack again."
	}
	return "Nothing was installed."
}

// isTerminal reports whether fh is a terminal; tests stand in for one.
var isTerminal = func(fh *os.File) bool { return term.IsTerminal(int(fh.Fd())) }

// confirm asks a yes/no question on the terminal; false without one.
func (c *cli) confirm(question string) bool {
	fh, ok := c.env.Stdin.(*os.File)
	if !ok || !isTerminal(fh) {
		return false
	}
	fmt.Fprintf(c.env.Stderr, "%s [y/N] ", question)
	line, _ := bufio.NewReader(fh).ReadString('\n')
	return strings.EqualFold(strings.TrimSpace(line), "y") || strings.EqualFold(strings.TrimSpace(line), "yes")
}

// preview is a candidate as --json shows it.
type preview struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Version   string          `json:"version"`
	Installed string          `json:"installed,omitempty"`
	Authors   []string        `json:"authors"`
	Source    packs.Source    `json:"source"`
	Signer    *packs.Signer   `json:"signer"`
	Trust     packs.Trust     `json:"trust"`
	Items     int             `json:"items"`
	Counts    map[kb.Kind]int `json:"counts"`
	Overrides []string        `json:"overrides,omitempty"`
	Problems  []lintProblem   `json:"problems"`
	Changes   packs.Changes   `json:"changes"`
}

type installReport struct {
	Preview   preview `json:"preview"`
	Installed bool    `json:"installed"`
	Error     string  `json:"error,omitempty"`
}

func previewOf(c *packs.Candidate) preview {
	p := preview{ID: c.Manifest.ID, Name: c.Manifest.Name, Version: c.Manifest.Version, Installed: c.Installed,
		Authors: append([]string{}, c.Manifest.Authors...), Source: c.Source, Trust: c.Trust, Items: c.Items,
		Counts: c.Counts, Overrides: c.Manifest.Overrides, Problems: []lintProblem{}, Changes: c.Changes}
	if c.Signature != nil {
		p.Signer = &c.Signature.Signer
	}
	for _, pr := range c.Problems {
		p.Problems = append(p.Problems, lintProblem{File: pr.File, Line: pr.Line, Message: pr.Message})
	}
	return p
}

func printPreview(w io.Writer, c *packs.Candidate) {
	m := c.Manifest
	fmt.Fprintf(w, "%s %s (%s) from %s\n", safe(m.Name), safe(m.Version), safe(m.ID), safe(c.Source.String()))
	if len(m.Authors) > 0 {
		fmt.Fprintf(w, "  by %s\n", safe(strings.Join(m.Authors, ", ")))
	}
	switch c.Trust {
	case packs.TrustUnsigned:
		fmt.Fprintln(w, "  UNSIGNED: nobody vouches for this copy")
	case packs.TrustNew:
		fmt.Fprintf(w, "  signed by key %s, not yet trusted for %s\n", c.Signature.Signer.KeyID, safe(m.ID))
	case packs.TrustKnown:
		fmt.Fprintf(w, "  signed by key %s, trusted for %s\n", c.Signature.Signer.KeyID, safe(m.ID))
	case packs.TrustChanged:
		fmt.Fprintf(w, "  KEY CHANGED: signed by key %s, but key %s is trusted for %s\n", c.Signature.Signer.KeyID, c.Trusted.KeyID, safe(m.ID))
	}
	fmt.Fprintf(w, "  %s\n", countsLine(c.Items, c.Counts))
	for _, o := range m.Overrides {
		fmt.Fprintf(w, "  replaces %s\n", safe(o))
	}
	printPreviewProblems(w, c.Problems)
	if c.Installed != "" {
		fmt.Fprintf(w, "  installed now: %s\n", safe(c.Installed))
		printChanges(w, c.Changes)
	}
}

// previewProblems is how many problems the preview lists one by one; more
// are summed up by sort, as lint does, so a vault's thousands of broken
// links leave the question on the screen.
const previewProblems = 10

func printPreviewProblems(w io.Writer, ps []kb.Problem) {
	if len(ps) <= previewProblems {
		for _, pr := range ps {
			fmt.Fprintf(w, "  problem: %s\n", safe(pr.String()))
		}
		return
	}
	for _, g := range kb.Summarize(ps, 3) {
		if g.Count > len(g.First) {
			fmt.Fprintf(w, "  %s; the first %d:\n", g.Summary, len(g.First))
		} else {
			fmt.Fprintf(w, "  %s:\n", g.Summary)
		}
		for _, pr := range g.First {
			fmt.Fprintf(w, "    problem: %s\n", safe(pr.String()))
		}
	}
	fmt.Fprintln(w, "  Run 'poise pack lint --all' on the pack to list every problem.")
}

func printChanges(w io.Writer, ch packs.Changes) {
	if ch.Empty() {
		fmt.Fprintln(w, "  no item changes")
		return
	}
	for _, x := range ch.Added {
		fmt.Fprintf(w, "  + %s  %s  (%s)\n", safe(x.ID), safe(x.Title), x.New)
	}
	for _, x := range ch.Changed {
		fmt.Fprintf(w, "  ~ %s  %s  (%s → %s)\n", safe(x.ID), safe(x.Title), x.Old, x.New)
	}
	for _, x := range ch.Removed {
		fmt.Fprintf(w, "  - %s  %s  (%s)\n", safe(x.ID), safe(x.Title), x.Old)
	}
}

// kindNoun names one item of each kind in counts.
var kindNoun = map[kb.Kind]string{
	kb.KindGuide: "guide", kb.KindMatrix: "matrix concern", kb.KindStatement: "statement",
	kb.KindPhrase: "positive-language row", kb.KindChecklist: "checklist", kb.KindTemplate: "template",
}

// countsLine says how many items of each kind, in the screens' order.
func countsLine(total int, counts map[kb.Kind]int) string {
	return countsLineWith(plural, total, counts)
}

// countsLineWith is countsLine with the counts written by plural.
func countsLineWith(plural func(int, string) string, total int, counts map[kb.Kind]int) string {
	var parts []string
	for _, k := range kb.Kinds {
		if n := counts[k]; n > 0 {
			parts = append(parts, plural(n, kindNoun[k]))
		}
	}
	s := plural(total, "item")
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// writeJSONThen writes v, then returns err: a refusal still prints its
// report under --json.
func writeJSONThen(w io.Writer, v any, err error) error {
	if e := writeJSON(w, v); e != nil {
		return e
	}
	return err
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func (c *cli) packUpdateCmd() *cobra.Command {
	var f installFlags
	cmd := &cobra.Command{
		Use:   "update [ID]",
		Short: "Check every subscribed pack (or one) and install newer versions",
		Long: "Update fetches each installed pack's remembered source and installs it when its version\n" +
			"is newer, listing the items added (+), changed (~) and removed (-). A pack signed by a\n" +
			"different key than before is refused unless --retrust.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("%q takes at most one pack id", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s, done, err := c.openPacks()
			if err != nil {
				return err
			}
			defer done()
			ids := args
			if len(ids) == 0 {
				if ids, err = s.Subscribed(); err != nil {
					return err
				}
				if len(ids) == 0 {
					fmt.Fprintln(cmd.OutOrStdout(), "No pack was installed from a source; nothing to update.")
					return nil
				}
			}
			var failed []error
			for _, id := range ids {
				if err := c.updateOne(cmd, s, id, f); err != nil {
					fmt.Fprintf(c.env.Stderr, "%s: %v\n", safe(id), err)
					if he := (hintError{}); errors.As(err, &he) {
						fmt.Fprintf(c.env.Stderr, "  %s\n", he.hint)
					}
					failed = append(failed, err)
				}
			}
			if len(failed) > 0 {
				return withHint(fmt.Errorf("%s of %s could not be updated", plural(len(failed), "pack"), plural(len(ids), "pack")), "The others are updated; each refusal above says what to do.")
			}
			return nil
		},
	}
	f.add(cmd)
	return cmd
}

func (c *cli) updateOne(cmd *cobra.Command, s *packs.Store, id string, f installFlags) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	cand, err := s.CheckUpdate(ctx, id)
	if err != nil {
		return err
	}
	if !cand.Newer() && !f.force {
		cand.Discard()
		fmt.Fprintf(cmd.OutOrStdout(), "%s %s is up to date.\n", safe(id), safe(cand.Installed))
		return nil
	}
	return c.installCandidate(cmd, s, cand, f)
}
