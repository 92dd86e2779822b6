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
			line = fmt.Sprintf("  poise search %s   (without --kind: %d matches)", termText(s.Text, false), s.Total)
		case s.Dropped != "":
			line = fmt.Sprintf("  poise search %s   (without %q: %d matches)", termText(s.Text, false), termText(s.Dropped, false), s.Total)
		default:
			line = fmt.Sprintf("  poise search %s   (%d matches)", termText(s.Text, false), s.Total)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}
