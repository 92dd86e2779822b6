package app

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/poisehq/poise/kb"
)

// placeholderRe finds {{name}} and computed {{date+3d}} placeholders.
var placeholderRe = regexp.MustCompile(`\{\{\s*([a-z0-9_]+(?:[+-][0-9]+[dwh])?)\s*\}\}`)

// templateFields lists the placeholders of text in order of appearance, with
// what declared says about each.
func templateFields(text string, declared []kb.Field) []kb.Field {
	byName := map[string]kb.Field{}
	for _, f := range declared {
		byName[f.Name] = f
	}
	var out []kb.Field
	seen := map[string]bool{}
	for _, m := range placeholderRe.FindAllStringSubmatch(text, -1) {
		name := m[1]
		if seen[name] {
			continue
		}
		seen[name] = true
		f, ok := byName[name]
		if !ok {
			f = kb.Field{Name: name, Label: humanName(name), Computed: isComputed(name)}
		}
		if f.Label == "" {
			f.Label = humanName(name)
		}
		out = append(out, f)
	}
	return out
}

// renderTemplate fills text's placeholders: computed ones from now, the
// rest from values; a field left empty shows as [Label] so it stands out.
func renderTemplate(text string, fields []kb.Field, values map[string]string, now time.Time) string {
	labels := map[string]string{}
	for _, f := range fields {
		labels[f.Name] = f.Label
	}
	return placeholderRe.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderRe.FindStringSubmatch(m)[1]
		if v, ok := computed(name, now); ok {
			return v
		}
		if v := strings.TrimSpace(values[name]); v != "" {
			return v
		}
		if l := labels[name]; l != "" {
			return "[" + l + "]"
		}
		return "[" + humanName(name) + "]"
	})
}

func isComputed(name string) bool {
	_, ok := computed(name, time.Time{})
	return ok
}

// computed gives the value of {{date}}, {{date+3d}} and {{time}}.
func computed(name string, now time.Time) (string, bool) {
	if name == "time" {
		return now.Format("15:04"), true
	}
	if !strings.HasPrefix(name, "date") {
		return "", false
	}
	rest := name[len("date"):]
	if rest == "" {
		return now.Format("Monday 2 January"), true
	}
	if len(rest) < 3 || (rest[0] != '+' && rest[0] != '-') {
		return "", false
	}
	n, err := strconv.Atoi(rest[1 : len(rest)-1])
	if err != nil {
		return "", false
	}
	if rest[0] == '-' {
		n = -n
	}
	switch rest[len(rest)-1] {
	case 'd':
		now = now.AddDate(0, 0, n)
	case 'w':
		now = now.AddDate(0, 0, 7*n)
	case 'h':
		now = now.Add(time.Duration(n) * time.Hour)
	default:
		return "", false
	}
	return now.Format("Monday 2 January"), true
}

// humanName turns customer_name into "Customer name".
func humanName(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return fmt.Sprintf("%s%s", strings.ToUpper(s[:1]), s[1:])
}
