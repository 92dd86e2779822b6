package cli

import (
	"errors"
	"fmt"
)

// usageError is a command line that could not be understood: exit code 2
// and a hint to read --help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// hintError carries a sentence telling the person what to do next.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

// withHint attaches what to do next to err.
func withHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return hintError{err: err, hint: hint}
}

// report prints err as a person should see it and returns the exit code:
// one line saying what went wrong, one saying what to do. Never a stack trace.
func (c *cli) report(err error) int {
	w := c.env.Stderr
	var ue usageError
	var he hintError
	if errors.As(err, &ue) {
		hint := "Run 'poise --help' to see the commands and flags."
		if errors.As(err, &he) {
			hint = he.hint
		}
		// Errors quote file names, ids and text from outside: escape them.
		fmt.Fprintf(w, "poise: %s\n%s\n", termText(err.Error(), true), hint)
		return ExitUsage
	}
	fmt.Fprintf(w, "poise: %s\n", termText(err.Error(), true))
	if errors.As(err, &he) {
		fmt.Fprintln(w, he.hint)
	}
	return ExitError
}
