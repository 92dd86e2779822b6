package app

import (
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/template"
)

// templateFields lists the placeholders of text in order of appearance,
// with what the pack declared about each (label, default, choices).
func templateFields(text string, declared []kb.Field) []kb.Field {
	byName := map[string]kb.Field{}
	for _, f := range declared {
		byName[f.Name] = f
	}
	fields := template.Fields(text)
	for i, f := range fields {
		d, ok := byName[f.Name]
		if !ok {
			continue
		}
		if d.Label == "" {
			d.Label = f.Label
		}
		d.Computed = d.Computed || f.Computed
		fields[i] = d
	}
	return fields
}

// renderTemplate fills text, writing computed dates and times as locale
// (the item's pack's) does. A field left empty is written as [name] by
// kb/template, which is what the agent should see before sending, so the
// missing-fields error is not one here.
func renderTemplate(locale, text string, values map[string]string, now time.Time) string {
	out, _ := template.RenderIn(locale, text, values, now)
	return out
}
