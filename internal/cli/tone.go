package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/tone"
)

// maxDraft bounds what "poise tone" reads: a reply or a pack's scripts, never
// a whole disk.
const maxDraft = 4 << 20

// toneFinding is one finding of "poise tone --json", a stable shape for
// scripts and editors.
type toneFinding struct {
	Line    int      `json:"line"`
	Column  int      `json:"column"` // 1-based, in characters
	Start   int      `json:"start"`  // byte offsets in the input
	End     int      `json:"end"`
	Matched string   `json:"matched"`
	Item    string   `json:"item"` // the positive-language row
	Try     []string `json:"try"`
	Why     string   `json:"why"`
	// Clause is the clause or sentence the phrase sits in: what a rewrite
	// replaces.
	Clause toneSpan `json:"clause"`
	// Rewrites are the whole-clause rewrites that fit here, best first.
	Rewrites []toneRewrite `json:"rewrites"`
}

// toneSpan is a part of the draft, by byte offsets.
type toneSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// toneRewrite is one rewrite: Text replaces the draft's bytes Start..End.
type toneRewrite struct {
	Try    string   `json:"try"` // the chart's suggestion it is made from
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Blanks []string `json:"blanks"` // {{placeholders}} left to fill
}

type toneReport struct {
	File     string        `json:"file"`
	Findings []toneFinding `json:"findings"`
	// Rewritten is the draft with the first rewrite of every finding.
	Rewritten string `json:"rewritten"`
}

func (c *cli) toneCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "tone [FILE|-]",
		Short: "Check a draft reply for phrases to avoid, with a rewrite for each",
		Long: "Tone reads a draft from FILE (or standard input when FILE is - or missing) and lists\n" +
			"every phrase the positive-language chart of your installed packs says to avoid, as\n" +
			"line:column, the words, the clause they sit in, and that clause or sentence rewritten.\n" +
			"Rewrites leave {{placeholders}} where the agent must add a date, a time or a reason.\n" +
			"It exits 0 when the draft is clean, 1 when it found something, 2 for a bad command line.",
		Example: "  poise tone reply.txt\n  echo \"I understand your frustration.\" | poise tone\n  poise tone --json - < reply.txt",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("%q checks one draft; pass one FILE, or - for standard input", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			return c.tone(cmd, name, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print {file, findings: [{line, column, start, end, matched, item, try, why, clause, rewrites: [{try, start, end, text, blanks}]}], rewritten}")
	return cmd
}

func (c *cli) tone(cmd *cobra.Command, name string, asJSON bool) error {
	draft, err := c.readDraft(name)
	if err != nil {
		return err
	}
	lib, err := c.library()
	if lib == nil {
		return withHint(fmt.Errorf("load packs: %w", err), "Check your packs with 'poise pack lint'.")
	}
	if err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: %s\n", termText(err.Error(), true))
	}
	checker := tone.NewChecker(lib)
	found := checker.Check(draft)
	label := name
	if name == "-" {
		label = "stdin"
	}
	rep := toneReport{File: label, Findings: []toneFinding{}, Rewritten: draft}
	for _, f := range found {
		line, col := position(draft, f.Start)
		tf := toneFinding{Line: line, Column: col, Start: f.Start, End: f.End,
			Matched: f.Matched, Item: f.ItemID, Try: f.Try, Why: f.Why,
			Clause:   toneSpan{Start: f.Clause.Start, End: f.Clause.End, Text: f.Clause.Text(draft)},
			Rewrites: []toneRewrite{}}
		for _, rw := range tone.Rewrites(draft, f) {
			tf.Rewrites = append(tf.Rewrites, toneRewrite{Try: rw.Try, Start: rw.Start, End: rw.End, Text: rw.Text, Blanks: append([]string{}, rw.Blanks...)})
		}
		rep.Findings = append(rep.Findings, tf)
	}
	if len(found) > 0 {
		rep.Rewritten = checker.RewriteAll(draft)
	}
	out := cmd.OutOrStdout()
	if asJSON {
		if err := writeJSON(out, rep); err != nil {
			return err
		}
	} else {
		for _, f := range rep.Findings {
			fmt.Fprintf(out, "%s:%d:%d: %q\n  in:  %s\n", printable(label), f.Line, f.Column,
				printable(f.Matched), printable(f.Clause.Text))
			if len(f.Rewrites) > 0 {
				fmt.Fprintf(out, "  try: %s\n", printable(f.Rewrites[0].Text))
			}
			fmt.Fprintf(out, "  why: %s\n", printable(f.Why))
		}
		if len(rep.Findings) == 0 {
			fmt.Fprintf(out, "%s: no phrases to reconsider\n", printable(label))
		}
	}
	if n := len(rep.Findings); n > 0 {
		// Exit 1, so a script or a pre-commit hook can stop a draft that
		// needs another look.
		return fmt.Errorf("%s to reconsider in %s", plural(n, "phrase"), printable(label))
	}
	return nil
}

// readDraft reads the draft from a file or, for "-", standard input.
func (c *cli) readDraft(name string) (string, error) {
	var r io.Reader = c.env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) { // %q keeps a hostile file name from driving the terminal
				err = fmt.Errorf("open %q: %w", pe.Path, pe.Err)
			}
			return "", withHint(fmt.Errorf("read draft: %w", err), "Pass a text file, or - to read the draft from standard input.")
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		return "", usageError{errors.New("no draft: pass a FILE, or pipe the draft to standard input")}
	}
	b, err := io.ReadAll(io.LimitReader(r, maxDraft+1))
	if err != nil {
		return "", fmt.Errorf("read draft: %w", err)
	}
	if len(b) > maxDraft {
		return "", withHint(fmt.Errorf("draft is larger than %d MiB", maxDraft>>20), "Check one reply or one pack file at a time.")
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), nil
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(s string, off int) (line, col int) {
	line, col = 1, 1
	for _, r := range s[:off] {
		if r == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return line, col
}

// printable keeps text from the draft from driving the terminal: control
// characters (escape sequences, carriage returns) are shown as spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// toneWarning is a phrase to avoid in one of a pack's scripts.
type toneWarning struct {
	File    string // inside the pack
	Line    int
	Message string
}

// toneWarnings checks the scripts of p against the built-in chart and p's own.
func toneWarnings(p *kb.Pack) []toneWarning {
	if p == nil {
		return nil
	}
	packs := []*kb.Pack{}
	if bp, _ := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true}); bp != nil {
		packs = append(packs, bp)
	}
	c := tone.NewChecker(kb.NewLibrary(append(packs, p)...))
	var out []toneWarning
	for _, f := range c.CheckScripts(p) {
		msg := fmt.Sprintf("%s says %q, a phrase to avoid (%s)", f.Where, f.Matched, f.ItemID)
		if len(f.Try) > 0 {
			msg += fmt.Sprintf("; try %q", f.Try[0])
		}
		out = append(out, toneWarning{File: f.File, Line: f.Line, Message: printable(msg) + "."})
	}
	for _, s := range tone.Scripts(p) {
		if words, menu := tone.OffersMenu(s.Text); menu && s.Recommended {
			out = append(out, toneWarning{File: s.File, Line: s.Line, Message: fmt.Sprintf(
				"the recommended %s offers a choice (%q); offer one thing first and keep the rest as alternatives.", s.Where, printable(words))})
		}
	}
	return out
}
