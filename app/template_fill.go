package app

import (
	"time"

	"github.com/poisehq/poise/kb/template"
)

// renderTemplate fills text. A field left empty is written as [name] by
// kb/template, which is what the agent should see before sending, so the
// missing-fields error is not one here.
func renderTemplate(text string, values map[string]string, now time.Time) string {
	out, _ := template.Render(text, values, now)
	return out
}
