package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/packs"
)

// packMineCmd is "poise pack mine …": My pack from the terminal, with the
// rules of kb/mine the app uses.
func (c *cli) packMineCmd() *cobra.Command {
	return groupCmd("mine", "Your own pack: new items, your versions of other packs' items, revert",
		c.packMineListCmd(), c.packMineNewCmd(), c.packMineCopyCmd(), c.packMineRevertCmd())
}

// mineEnv is My pack with the library it sits in.
type mineEnv struct {
	m   *mine.Pack
	lib *kb.Library
	src mine.Sources
}

func (c *cli) openMine() (*mineEnv, func(), error) {
	s, done, err := c.openPacks()
	if err != nil {
		return nil, nil, err
	}
	lib, _ := s.LoadLibrary(content.FS) // a pack's problems are lint's business
	if lib == nil {
		lib = kb.NewLibrary()
	}
	return &mineEnv{m: mine.Open(s.Dir()), lib: lib, src: mine.Sources{Builtin: packs.Builtin(content.FS, s.Dir()), PacksDir: s.Dir()}}, done, nil
}

// mineEntry is one file of My pack in "poise pack mine list".
type mineEntry struct {
	File            string  `json:"file"`
	ID              string  `json:"id"`
	Title           string  `json:"title"`
	Kind            kb.Kind `json:"kind"`
	Replaces        string  `json:"replaces,omitempty"`
	OriginalChanged bool    `json:"original_changed,omitempty"`
	OriginalGone    bool    `json:"original_gone,omitempty"`
}

func (c *cli) packMineListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List My pack's files: your own items and your versions of others'",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			env, done, err := c.openMine()
			if err != nil {
				return err
			}
			defer done()
			entries := []mineEntry{}
			if p, ok := env.lib.Pack(mine.ID); ok {
				seen := map[string]bool{}
				for i := range p.Items {
					it := &p.Items[i]
					if seen[it.Source.File] {
						continue
					}
					seen[it.Source.File] = true
					st := env.m.StatusOf(env.lib, it.ID, env.src)
					title := it.Title
					if it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase {
						title = it.Category
					}
					entries = append(entries, mineEntry{File: it.Source.File, ID: it.ID, Title: title, Kind: it.Kind,
						Replaces: st.Original, OriginalChanged: st.OriginalChanged, OriginalGone: st.OriginalGone})
				}
			}
			slices.SortFunc(entries, func(a, b mineEntry) int { return strings.Compare(a.File, b.File) })
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, entries)
			}
			if len(entries) == 0 {
				fmt.Fprintln(out, "My pack is empty. Start an item with: poise pack mine new template \"Callback promise\"")
				return nil
			}
			for _, e := range entries {
				note := "your own"
				switch {
				case e.OriginalGone:
					note = "your version of " + e.Replaces + " (no longer in its pack)"
				case e.OriginalChanged:
					note = "your version of " + e.Replaces + " (the original changed since you copied it)"
				case e.Replaces != "":
					note = "your version of " + e.Replaces
				}
				// File names come from the person's folder, edited in any editor.
				fmt.Fprintf(out, "%s\t%s\t%s\n", termText(e.File, false), termText(e.Title, false), termText(note, false))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	return cmd
}

func (c *cli) packMineNewCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "new KIND TITLE",
		Short: "Start a new item in My pack and print its file, to edit in any editor",
		Long: "KIND is statement, template, matrix, checklist, guide or phrase. The file starts with\n" +
			"the shape of its kind; Poise picks your edits up, also while the app runs.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError{errors.New("\"poise pack mine new\" needs a kind and a title, e.g. poise pack mine new template \"Callback promise\"")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := kb.ParseKind(args[0])
			if err != nil {
				return usageError{fmt.Errorf("unknown kind %q; use statement, template, matrix, checklist, guide or phrase", args[0])}
			}
			env, done, err := c.openMine()
			if err != nil {
				return err
			}
			defer done()
			rel, err := env.m.Create(kind, strings.Join(args[1:], " "))
			if err != nil {
				return mineHint(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), filepath.Join(env.m.Dir(), filepath.FromSlash(rel)))
			return nil
		},
	}
}

func (c *cli) packMineCopyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "copy ID",
		Short: "Make an item yours: copy it into My pack in place of the original",
		Long: "The copy stands in for the original (and the other items of its file) everywhere,\n" +
			"and no update of the original's pack touches it. Find ids with poise search --json.",
		Args: argsWanted(1, "an item id, e.g. poise pack mine copy builtin/templates/hand-off-to-supervisor"),
		RunE: func(cmd *cobra.Command, args []string) error {
			env, done, err := c.openMine()
			if err != nil {
				return err
			}
			defer done()
			cp, err := env.m.MakeMine(env.lib, args[0], env.src)
			if err != nil {
				return mineHint(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is yours: %s\n", termText(args[0], false), filepath.Join(env.m.Dir(), filepath.FromSlash(cp.File)))
			return nil
		},
	}
}

func (c *cli) packMineRevertCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "revert ID",
		Short: "Delete your version of an item, so the original is back",
		Args:  argsWanted(1, "the id of your version, e.g. poise pack mine revert mine/templates/hand-off-to-supervisor"),
		RunE: func(cmd *cobra.Command, args []string) error {
			env, done, err := c.openMine()
			if err != nil {
				return err
			}
			defer done()
			orig, err := env.m.Revert(env.lib, args[0])
			if err != nil {
				return mineHint(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Back to the original: %s\n", termText(orig, false))
			return nil
		},
	}
}

// argsWanted wants n arguments, saying what they are when they are missing.
func argsWanted(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%q needs %s", cmd.CommandPath(), what)}
		}
		return nil
	}
}

// mineHint says what to do when My pack refuses something.
func mineHint(err error) error {
	switch {
	case errors.Is(err, mine.ErrTaken):
		return withHint(err, "revert or rename the item already there, then try again")
	case errors.Is(err, mine.ErrNotCopyable):
		return withHint(err, "start a new item with poise pack mine new and paste the text in")
	case errors.Is(err, mine.ErrAlreadyMine):
		return withHint(err, "edit its file; see poise pack mine list")
	case errors.Is(err, mine.ErrNotOverride):
		return withHint(err, "only your versions of other packs' items can be reverted; see poise pack mine list")
	case errors.Is(err, mine.ErrBadPath), errors.Is(err, mine.ErrTooLarge):
		return withHint(err, "use a shorter title of letters and digits")
	}
	return withHint(err, "check the id with poise search --json, or poise pack mine list")
}
