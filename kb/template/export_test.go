package template

import "github.com/poisehq/poise/kb/internal/placeholder"

// Problem is a placeholder written wrongly, with its byte span in the text.
type Problem struct {
	Start, End int
	Message    string
}

// Problems lists the malformed placeholders of text, as the scanner that
// Fields and Render share sees them (pack lint reports the same), so the
// tests can check Fields and Render leave them alone.
func Problems(text string) []Problem {
	_, probs := placeholder.Scan(text, false)
	out := make([]Problem, len(probs))
	for i, p := range probs {
		out[i] = Problem{Start: p.Start, End: p.End, Message: p.Message}
	}
	return out
}
