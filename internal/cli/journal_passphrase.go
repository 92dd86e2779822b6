package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"
)

// Environment variables naming files that hold secrets, for scripts. A
// file, not the variable's value, so secrets stay out of `ps` and shell
// history.
const (
	EnvPassphraseFile    = "POISE_PASSPHRASE_FILE"
	EnvNewPassphraseFile = "POISE_NEW_PASSPHRASE_FILE"
	EnvRecoveryKeyFile   = "POISE_RECOVERY_KEY_FILE"
)

// secret reads a secret from the file named by envVar, else from the
// terminal without echo. confirm asks twice, for new passphrases.
func (c *cli) secret(envVar, prompt string, confirm bool) (string, error) {
	if path := os.Getenv(envVar); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", withHint(fmt.Errorf("read %s: %w", envVar, err), "Point "+envVar+" at a readable file holding the secret on its first line.")
		}
		s, _, _ := strings.Cut(string(b), "\n")
		return strings.TrimSuffix(s, "\r"), nil
	}
	f, ok := c.env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", withHint(errors.New("no terminal to ask for the secret"), "Run this in a terminal, or set "+envVar+" to a file holding it.")
	}
	read := func(p string) (string, error) {
		fmt.Fprint(c.env.Stderr, p)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.env.Stderr)
		return string(b), err
	}
	s, err := read(prompt + ": ")
	if err != nil {
		return "", fmt.Errorf("read from terminal: %w", err)
	}
	if confirm {
		again, err := read("Again, to be sure: ")
		if err != nil {
			return "", fmt.Errorf("read from terminal: %w", err)
		}
		if again != s {
			return "", withHint(errors.New("the two entries differ"), "Run the command again and type the same passphrase twice.")
		}
	}
	return s, nil
}
