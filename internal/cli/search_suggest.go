package cli

import (
	"fmt"
	"io"

	"github.com/poisehq/poise/kb/search"
)

// writeSuggestions says that text found nothing and what nearby would.
func writeSuggestions(w io.Writer, text string, sug []search.Suggestion) error {
	if _, err := fmt.Fprintf(w, "No matches for %q. Nearest searches that find something:\n", termText(text, false)); err != nil {
		return err
	}
	for _, s := range sug {
		var line string
		switch {
		case s.DropFilter != "":
			line = fmt.Sprintf("  poise search %s   (without --kind: %s)", termText(s.Text, false), matchCount(s.Total))
		case s.Dropped != "":
			line = fmt.Sprintf("  poise search %s   (without %q: %s)", termText(s.Text, false), termText(s.Dropped, false), matchCount(s.Total))
		default:
			line = fmt.Sprintf("  poise search %s   (%s)", termText(s.Text, false), matchCount(s.Total))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// matchCount is "1 match" or "N matches".
func matchCount(n int) string {
	if n == 1 {
		return "1 match"
	}
	return fmt.Sprintf("%d matches", n)
}
