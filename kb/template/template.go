// Package template lists and fills the {{placeholders}} of a template item.
// Computed fields ({{date}}, {{date+3d}}, {{date+1w}}, {{date+24h}},
// {{time}}) are filled from the clock; the rest come from the agent.
package template

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/poisehq/poise/kb/internal/placeholder"
)

// ErrMissing is matched (errors.Is) by the *MissingError Render returns when
// some fields had no value.
var ErrMissing = errors.New("missing fields")

// MissingError names the fields Render had no value for. They are written
// into the text as [name], so a pasted message shows plainly what is left.
type MissingError struct {
	Names []string
}

func (e *MissingError) Error() string {
	return "missing fields: " + strings.Join(e.Names, ", ")
}

// Is makes errors.Is(err, ErrMissing) true.
func (e *MissingError) Is(target error) bool { return target == ErrMissing }

// Field is a placeholder in a template, as shown on its fill-in form.
type Field struct {
	Name      string // e.g. "customer_name" or "date+3d"
	Label     string
	Default   string
	Choices   []string
	Multiline bool
	// Computed fields ({{date}}, {{date+3d}}, {{time}}) are filled by Poise,
	// not asked for.
	Computed bool
}

// Fields lists the placeholders of text in order of first appearance, each
// described by the declared field of the same name where there is one (a
// pack's front matter: label, default, choices, multiline). Labels are
// otherwise made from the names ("customer_name" → "Customer name").
// Declared fields the text does not use are left out. This is the one
// place fields are merged: the pack loader and the fill-in form both call
// it.
func Fields(text string, declared ...Field) []Field {
	byName := make(map[string]Field, len(declared))
	for _, d := range declared {
		if _, ok := byName[d.Name]; !ok {
			byName[d.Name] = d
		}
	}
	toks, _ := placeholder.Scan(text, false)
	seen := map[string]bool{}
	var out []Field
	for _, t := range toks {
		if seen[t.Name] {
			continue
		}
		seen[t.Name] = true
		f := Field{Name: t.Name, Label: placeholder.Label(t.Name), Computed: t.Computed}
		if d, ok := byName[t.Name]; ok {
			f.Label = cmp.Or(d.Label, f.Label)
			f.Default, f.Choices, f.Multiline = d.Default, d.Choices, d.Multiline
		}
		out = append(out, f)
	}
	return out
}

// Render fills text's placeholders: computed ones from now, the others from
// values. A value given for a computed field wins, so a form can let the
// agent pick another date. Fields with no value or an empty one are written
// as [name] and named in a *MissingError; the text is returned either way.
// Malformed placeholders are left as written.
func Render(text string, values map[string]string, now time.Time) (string, error) {
	return RenderIn("", text, values, now)
}

// RenderIn is Render for a pack written in locale (its pack.toml locale,
// such as "en-US"): computed fields are written the way that locale writes
// dates and times, so a filled template reads in one voice.
func RenderIn(locale, text string, values map[string]string, now time.Time) (string, error) {
	toks, _ := placeholder.Scan(text, false)
	var sb strings.Builder
	var missing []string
	last := 0
	for _, t := range toks {
		sb.WriteString(text[last:t.Start])
		last = t.End
		if v, ok := values[t.Name]; ok && !IsBlank(v) {
			sb.WriteString(v)
			continue
		}
		if t.Computed {
			sb.WriteString(ComputedIn(locale, t.Name, now))
			continue
		}
		sb.WriteString("[" + t.Name + "]")
		if !contains(missing, t.Name) {
			missing = append(missing, t.Name)
		}
	}
	sb.WriteString(text[last:])
	if len(missing) > 0 {
		return sb.String(), &MissingError{Names: missing}
	}
	return sb.String(), nil
}

// IsBlank reports whether a value typed for a field counts as not filled:
// empty or only spaces. Render writes such a field as [name].
func IsBlank(v string) bool { return strings.TrimSpace(v) == "" }

// Blanks lists the fields the agent must fill that values leaves blank, in
// order: the ones Render would write as [name]. Computed fields are never
// blank, as Poise fills them.
func Blanks(fields []Field, values map[string]string) []Field {
	var out []Field
	for _, f := range fields {
		if !f.Computed && IsBlank(values[f.Name]) {
			out = append(out, f)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// Computed is the value of a computed field at now: dates as "Friday 27
// November" (with the year when it is not now's), the time as "15:04".
// It returns "" for a name that is not computed.
func Computed(name string, now time.Time) string {
	return ComputedIn("", name, now)
}

// ComputedIn is Computed for a pack written in locale. US English writes
// "Friday, November 27" and "3:04 p.m."; every other locale, and none, keeps
// the forms Computed documents.
func ComputedIn(locale, name string, now time.Time) string {
	us := usStyle(locale)
	if name == "time" {
		if us {
			return usTime(now)
		}
		return now.Format("15:04")
	}
	d, days, ok := placeholder.Offset(name)
	if !ok {
		return ""
	}
	t := now.Add(d).AddDate(0, 0, days)
	switch {
	case us && t.Year() != now.Year():
		return t.Format("Monday, January 2, 2006")
	case us:
		return t.Format("Monday, January 2")
	case t.Year() != now.Year():
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Monday 2 January")
}

// usStyle reports whether locale is US English ("en-US", as pack.toml's
// locale is stored).
func usStyle(locale string) bool {
	return strings.EqualFold(locale, "en-US")
}

// usTime writes a time as US English style guides do: "3 p.m." on the hour,
// "3:04 p.m." otherwise, "noon" and "midnight" where they are meant.
func usTime(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 12 && m == 0:
		return "noon"
	case h == 0 && m == 0:
		return "midnight"
	}
	suffix := "a.m."
	if h >= 12 {
		suffix = "p.m."
	}
	h %= 12
	if h == 0 {
		h = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d %s", h, suffix)
	}
	return fmt.Sprintf("%d:%02d %s", h, m, suffix)
}
