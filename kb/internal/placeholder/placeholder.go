// Package placeholder finds the {{name}} fields of a template and the ones
// written wrongly. The loader, the validator and kb/template share it, so
// what lint accepts is exactly what the renderer fills.
package placeholder

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/poisehq/poise/internal/textcase"
)

// Token is one well-formed placeholder.
type Token struct {
	Start, End int // byte span of the whole placeholder, braces included
	Name       string
	Computed   bool
}

// Problem is a placeholder written wrongly.
type Problem struct {
	Start, End int
	Text       string
	Message    string
}

// Scan finds the placeholders of s. With single, {name} counts as a
// placeholder too (plain folders of macros); without it, {name} is reported
// as a likely typo for {{name}}. Spaces just inside the braces are allowed.
func Scan(s string, single bool) ([]Token, []Problem) {
	var toks []Token
	var probs []Problem
	for i := 0; i < len(s); {
		// Only a brace starts anything: the text up to the next one is
		// passed over at once (byte by byte it was a tenth of the time
		// loading a folder of notes took outside parsing).
		j := strings.IndexAny(s[i:], "{}")
		if j < 0 {
			break
		}
		i += j
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			end, tok, prob := double(s, i)
			if prob != nil {
				probs = append(probs, *prob)
			} else {
				toks = append(toks, tok)
			}
			i = end
		case strings.HasPrefix(s[i:], "}}"):
			probs = append(probs, Problem{Start: i, End: i + 2, Text: "}}",
				Message: `"}}" has no matching "{{"; write a placeholder as {{name}}`})
			i += 2
		case s[i] == '{':
			j := strings.IndexAny(s[i+1:], "{}\n")
			if j < 0 || s[i+1+j] != '}' {
				i++
				continue
			}
			inner := strings.TrimSpace(s[i+1 : i+1+j])
			end := i + j + 2
			name := inner
			if !ValidName(inner) && !IsComputed(inner) {
				// Macros kept as notes name a field in words:
				// {brief description of fix}, {team/partner}.
				words, ok := wordsName(inner)
				if !single || !ok {
					i++
					continue
				}
				name = words
			}
			if single {
				toks = append(toks, Token{Start: i, End: end, Name: name, Computed: IsComputed(name)})
			} else {
				probs = append(probs, Problem{Start: i, End: end, Text: s[i:end],
					Message: fmt.Sprintf("%q has single braces; write {{%s}} to make it a placeholder", s[i:end], inner)})
			}
			i = end
		default:
			i++
		}
	}
	return toks, probs
}

func double(s string, i int) (int, Token, *Problem) {
	rest := s[i+2:]
	stop := strings.IndexAny(rest, "\n")
	if stop < 0 {
		stop = len(rest)
	}
	j := strings.Index(rest[:stop], "}}")
	k := strings.Index(rest[:stop], "{{")
	if j < 0 || (k >= 0 && k < j) {
		end := i + 2 + stop
		if k >= 0 {
			end = i + 2 + k
		}
		return end, Token{}, &Problem{Start: i, End: end, Text: s[i:end],
			Message: fmt.Sprintf("placeholder %q is not closed; end it with }} on the same line", clip(s[i:end]))}
	}
	end := i + 2 + j + 2
	for end < len(s) && s[end] == '}' { // {{name}}} : report the extra brace with the rest
		end++
	}
	raw := s[i:end]
	inner := strings.TrimSpace(s[i+2 : i+2+j])
	if strings.HasPrefix(inner, "{") || end != i+2+j+2 {
		return end, Token{}, &Problem{Start: i, End: end, Text: raw,
			Message: fmt.Sprintf("placeholder %q has extra braces; write it as {{name}}", raw)}
	}
	if IsComputed(inner) || ValidName(inner) {
		return end, Token{Start: i, End: end, Name: inner, Computed: IsComputed(inner)}, nil
	}
	msg := fmt.Sprintf("placeholder %q is not valid: use lower case letters, digits and underscores, like {{%s}}", raw, suggest(inner))
	if strings.HasPrefix(inner, "date") || strings.HasPrefix(inner, "time") {
		msg = fmt.Sprintf("computed placeholder %q is not valid: write {{date}}, {{time}} or a date in the future such as {{date+3d}}, {{date+1w}} or {{date+24h}}", raw)
	}
	return end, Token{}, &Problem{Start: i, End: end, Text: raw, Message: msg}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// suggest turns "Customer Name" into "customer_name" for the fix-it message.
func suggest(inner string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(inner) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			sb.WriteRune(r)
		case r == ' ' || r == '-' || r == '_' || r == '/':
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "_") {
				sb.WriteByte('_')
			}
		}
	}
	out := strings.Trim(sb.String(), "_")
	if out == "" {
		return "customer_name"
	}
	return out
}

// wordsName is the field name of a placeholder written as a few words,
// "Customer Name" or "team/partner": customer_name, team_partner. ok is
// false for anything else inside braces (code, lists, sentences).
func wordsName(inner string) (string, bool) {
	if len(inner) > 60 || len(strings.Fields(inner)) > 6 {
		return "", false
	}
	for _, r := range inner {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" -_/'", r)) {
			return "", false
		}
	}
	name := suggest(inner)
	if !ValidName(name) || name == "customer_name" && !strings.Contains(strings.ToLower(inner), "customer") {
		return "", false
	}
	return name, true
}

// ValidName reports whether name is a field name: lower case ASCII letters,
// digits and underscores, starting with a letter.
func ValidName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// maxOffset keeps computed dates sane: ten years in days, weeks or hours.
const maxOffset = 3650

// Offset parses a computed date field: "date" is zero, "date+3d" three days,
// "date+1w" a week, "date+24h" a day. ok is false for anything else.
func Offset(name string) (d time.Duration, days int, ok bool) {
	if name == "date" {
		return 0, 0, true
	}
	rest, found := strings.CutPrefix(name, "date+")
	if !found || len(rest) < 2 {
		return 0, 0, false
	}
	unit := rest[len(rest)-1]
	digits := rest[:len(rest)-1]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, 0, false
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > maxOffset {
		return 0, 0, false
	}
	switch unit {
	case 'd':
		return 0, n, true
	case 'w':
		return 0, 7 * n, true
	case 'h':
		return time.Duration(n) * time.Hour, 0, true
	}
	return 0, 0, false
}

// IsComputed reports whether Poise fills name itself: date, date+N(d|w|h), time.
func IsComputed(name string) bool {
	if name == "time" {
		return true
	}
	_, _, ok := Offset(name)
	return ok
}

// Label is the default form label for a field: "customer_name" becomes
// "Customer name", "date+3d" "Date in 3 days".
func Label(name string) string {
	switch name {
	case "date":
		return "Today's date"
	case "time":
		return "Current time"
	}
	if rest, ok := strings.CutPrefix(name, "date+"); ok && IsComputed(name) {
		n, unit := rest[:len(rest)-1], map[byte]string{'d': "day", 'w': "week", 'h': "hour"}[rest[len(rest)-1]]
		if n != "1" {
			unit += "s"
		}
		return "Date in " + n + " " + unit
	}
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return textcase.UpperFirst(s)
}
