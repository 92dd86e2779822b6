package app

import (
	"time"

	"github.com/poisehq/poise/kb/template"
)

// renderTemplate fills text, writing computed dates and times as locale
// (the item's pack's) does. A field left empty is written as [name] by
// kb/template, which is what the agent should see before sending, so the
// missing-fields error is not one here.
func renderTemplate(locale, text string, values map[string]string, now time.Time) string {
	out, _ := template.RenderIn(locale, text, values, now)
	return out
}
