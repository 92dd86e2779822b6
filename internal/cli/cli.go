// Package cli is the poise command line: the root command, its subcommands,
// and how errors reach a person. It never imports Fyne: opening the desktop
// window is a function that cmd/poise passes in.
package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/poisehq/poise/internal/datadir"
)

// Exit codes: 2 is for a command line that could not be understood.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Env is what the CLI needs from the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Version        string
	// OpenGUI opens the desktop app on the given data directory and returns
	// when its window closes. Nil in tests that never open a window.
	OpenGUI func(dataDir string) error
	// Now is the clock, for what is due or dated; nil is time.Now.
	Now func() time.Time
}

// Run runs the poise command line with args (without the program name) and
// returns the process exit code.
func Run(args []string, env Env) int {
	stopProfiles := startProfiles(env.Stderr) // profile.go
	defer stopProfiles()
	c := &cli{env: env}
	root := c.rootCmd()
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	return c.report(err)
}

// cli holds the values of global flags and the environment for subcommands.
type cli struct {
	env        Env
	dataDirArg string
}

// now is the time by the environment's clock.
func (c *cli) now() time.Time {
	if c.env.Now != nil {
		return c.env.Now()
	}
	return time.Now()
}

// dataDir is where this invocation reads and writes data.
func (c *cli) dataDir() string { return datadir.Resolve(c.dataDirArg) }

func (c *cli) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "poise",
		Short: "Find what to say to a difficult customer, and learn from each hard call",
		Long: "Poise is a desktop knowledge base and private journal for people who face difficult customers.\n" +
			"With no command it opens the desktop app; the commands below serve scripts and terminals.",
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if c.env.OpenGUI == nil {
				return errors.New("this build has no desktop window")
			}
			err := c.env.OpenGUI(c.dataDir())
			if errors.Is(err, datadir.ErrLocked) {
				return withHint(err, "Switch to the Poise window that is already open, or pass --data-dir to use another data folder.")
			}
			return err
		},
	}
	root.PersistentFlags().StringVar(&c.dataDirArg, "data-dir", "", "where Poise keeps its data (default $POISE_HOME, else the XDG data directory)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(
		c.versionCmd(),
		c.searchCmd(),
		c.journalCmd(),
		c.packCmd(),
		c.toneCmd(),
		c.gapsCmd(),
	)
	return root
}

// noArgs rejects stray words, so a mistyped command is not taken for
// "open the app".
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())}
	}
	return nil
}

// groupCmd is a command that only holds subcommands, such as "poise journal".
func groupCmd(use, short string, subs ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("%q needs a command", cmd.CommandPath())}
		},
	}
	g.AddCommand(subs...)
	return g
}

func (c *cli) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Poise's version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "poise %s\n", c.env.Version)
			return err
		},
	}
}
