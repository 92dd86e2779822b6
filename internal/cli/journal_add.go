package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/poisehq/poise/journal"
)

// addFlags are the entry fields as flags; only --what is required.
type addFlags struct {
	when, channel, what, tried, worked, didnt, outcome, takeaway, followUp string
	emotions, triggers, tags, triedItems                                   []string
	difficulty, stressBefore, stressAfter, satisfaction                    int
	mask, keepPersonal, asJSON                                             bool
}

func (c *cli) journalAddCmd() *cobra.Command {
	var f addFlags
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Write a journal entry",
		Long: "Write a journal entry. Only what happened is required. Type it in your editor ($VISUAL or\n" +
			"$EDITOR, on a private temporary file removed afterwards) or, with no editor set, in the\n" +
			"terminal; or pipe it in on standard input. --what TEXT works too, but the text then shows\n" +
			"in the process list and your shell history: prefer the editor or a pipe.\n" +
			"Customer personal data (e-mail, phone, card, account numbers) stops the save unless you\n" +
			"pass --mask (replace it) or --keep-personal-data.\n\n" +
			"Triggers: " + triggerList() + "\n" +
			"Channels: " + strings.Join(strs(journal.Channels), ", ") + "\n" +
			"Outcomes: " + strings.Join(strs(journal.Outcomes), ", "),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := c.entryFromFlags(f, time.Now())
			if err != nil {
				return err
			}
			// The lock first: text typed in the editor is never thrown
			// away because another Poise was writing.
			j, release, err := c.setUpJournal(true)
			if err != nil {
				return err
			}
			defer release()
			if e.WhatHappened == "" {
				if e.WhatHappened, err = c.readWhat(); err != nil {
					return err
				}
			}
			if err := e.Validate(); err != nil {
				return usageError{err}
			}
			if found := e.PersonalData(); len(found) > 0 && !f.keepPersonal {
				if !f.mask {
					var lines []string
					for _, p := range found {
						lines = append(lines, fmt.Sprintf("%s in %s", p.Kind, p.Field))
					}
					return withHint(fmt.Errorf("the entry holds customer personal data: %s", strings.Join(lines, ", ")),
						"Pass --mask to replace it (e.g. card numbers keep their last 4 digits), or --keep-personal-data to save it as typed.")
				}
				e = e.MaskPersonalData()
			}
			pass, err := c.secret(EnvPassphraseFile, "Journal passphrase", false)
			if err != nil {
				return err
			}
			if err := c.unlockJournal(j, pass); err != nil {
				return err
			}
			defer j.Lock()
			saved, err := j.Save(e)
			if err != nil {
				return usageIfInvalid(err)
			}
			if f.asJSON {
				return writeJSON(cmd.OutOrStdout(), saved)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Saved %s.\n", saved.ID)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.what, "what", "", "what happened (else your editor, the terminal or standard input; the text shows in ps)")
	fl.StringVar(&f.when, "when", "", `when it happened: "2006-01-02 15:04", "15:04" (today) or RFC 3339; default now`)
	fl.StringVar(&f.channel, "channel", "", "voice, chat, email, in-person, social or other")
	fl.StringSliceVar(&f.emotions, "emotion", nil, "the customer's emotion (repeat or comma-separate)")
	fl.StringSliceVar(&f.triggers, "trigger", nil, "what set it off, from the list below")
	fl.StringSliceVar(&f.tags, "tag", nil, "free tags")
	fl.IntVar(&f.difficulty, "difficulty", 0, "how hard it was, 1-5")
	fl.IntVar(&f.stressBefore, "stress-before", 0, "your stress before, 1-5")
	fl.IntVar(&f.stressAfter, "stress-after", 0, "your stress after, 1-5")
	fl.StringVar(&f.tried, "tried", "", "what you tried")
	fl.StringSliceVar(&f.triedItems, "tried-item", nil, "knowledge-base item id you used")
	fl.StringVar(&f.worked, "worked", "", "what worked")
	fl.StringVar(&f.didnt, "didnt", "", "what didn't")
	fl.StringVar(&f.outcome, "outcome", "", "resolved, escalated, unresolved or follow-up-pending")
	fl.IntVar(&f.satisfaction, "satisfaction", 0, "customer satisfaction if known, 1-5")
	fl.StringVar(&f.takeaway, "takeaway", "", "what to remember next time")
	fl.StringVar(&f.followUp, "follow-up", "", `follow up in 24h, 3d or 1w, or at "2006-01-02 15:04"`)
	fl.BoolVar(&f.mask, "mask", false, "mask customer personal data before saving")
	fl.BoolVar(&f.keepPersonal, "keep-personal-data", false, "save personal data as typed")
	fl.BoolVar(&f.asJSON, "json", false, "print the saved entry as JSON")
	return cmd
}

func usageIfInvalid(err error) error {
	if errors.Is(err, journal.ErrInvalid) {
		return usageError{err}
	}
	return err
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func triggerList() string { return strings.Join(strs(journal.Triggers), ", ") }

func (c *cli) entryFromFlags(f addFlags, now time.Time) (journal.Entry, error) {
	e := journal.Entry{
		Emotions: f.emotions, Tags: f.tags,
		Difficulty: f.difficulty, StressBefore: f.stressBefore, StressAfter: f.stressAfter,
		WhatHappened: f.what, WhatITried: f.tried, TriedItems: f.triedItems,
		WhatWorked: f.worked, WhatDidnt: f.didnt,
		Satisfaction: f.satisfaction, Takeaway: f.takeaway,
	}
	var err error
	for _, t := range f.triggers {
		tr, err := journal.ParseTrigger(t)
		if err != nil {
			return e, usageError{withHint(fmt.Errorf("--trigger: %w", err), "Words outside the trigger list go in --tag.")}
		}
		e.Triggers = append(e.Triggers, tr)
	}
	if e.Channel, err = journal.ParseChannel(f.channel); err != nil {
		return e, usageError{fmt.Errorf("--channel: %w", err)}
	}
	if e.Outcome, err = journal.ParseOutcome(f.outcome); err != nil {
		return e, usageError{fmt.Errorf("--outcome: %w", err)}
	}
	if f.when != "" {
		if e.When, err = parseWhen(f.when, now); err != nil {
			return e, usageError{fmt.Errorf("--when: %w", err)}
		}
	}
	if f.followUp != "" {
		if e.FollowUp, err = parseFollowUp(f.followUp, now); err != nil {
			return e, usageError{fmt.Errorf("--follow-up: %w", err)}
		}
	}
	// What happened may still come from the editor or standard input:
	// check the rest now, before anything is asked.
	check := e
	if check.WhatHappened == "" {
		check.WhatHappened = "-"
	}
	if err := check.Validate(); err != nil {
		return e, usageError{err}
	}
	return e, nil
}

// stdinIsTerminal reports whether r is a terminal; tests replace it.
var stdinIsTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readWhat gets "what happened" when --what is not given: from the editor
// when standard input is a terminal and $VISUAL or $EDITOR is set, typed
// on the terminal when neither is, else from piped standard input.
func (c *cli) readWhat() (string, error) {
	if stdinIsTerminal(c.env.Stdin) {
		if editor := editorCommand(); editor != nil {
			return c.editWhat(editor)
		}
		fmt.Fprintln(c.env.Stderr, "What happened? (end with Ctrl-D)")
	}
	b, err := io.ReadAll(io.LimitReader(c.env.Stdin, journal.MaxTextLen+1))
	if err != nil {
		return "", fmt.Errorf("read what happened: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// editorCommand is $VISUAL, else $EDITOR, split into words ("code --wait"),
// or nil when neither is set.
func editorCommand() []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if words := strings.Fields(os.Getenv(v)); len(words) > 0 {
			return words
		}
	}
	return nil
}

// editWhat opens editor on an empty file in a folder of its own that only
// this user can read, and removes the folder (with any swap file the editor
// left) afterwards: the text is on disk, unencrypted, only while it is
// typed.
func (c *cli) editWhat(editor []string) (string, error) {
	dir, err := os.MkdirTemp("", "poise-entry-")
	if err != nil {
		return "", fmt.Errorf("open editor: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "what-happened.txt")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		return "", fmt.Errorf("open editor: %w", err)
	}
	ed := exec.Command(editor[0], append(editor[1:], path)...)
	ed.Stdin, ed.Stdout, ed.Stderr = c.env.Stdin, c.env.Stderr, c.env.Stderr
	if err := ed.Run(); err != nil {
		return "", withHint(fmt.Errorf("editor %s: %w", editor[0], err), "Check $VISUAL or $EDITOR, or pipe the text in: echo '…' | poise journal add")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read what happened: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, journal.MaxTextLen+1))
	if err != nil {
		return "", fmt.Errorf("read what happened: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func parseWhen(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04", s, now.Location()); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, now.Location()); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("15:04", s, now.Location()); err == nil {
		y, m, d := now.Date()
		return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, now.Location()), nil
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date or time", s)
}

func parseFollowUp(s string, now time.Time) (time.Time, error) {
	if p, ok := journal.ParseFollowUpPreset(s); ok {
		return p.From(now), nil
	}
	return parseWhen(s, now)
}
