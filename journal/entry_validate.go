package journal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInvalid wraps every reason an entry cannot be saved.
var ErrInvalid = errors.New("invalid entry")

// ValidationError is one reason an entry cannot be saved. Field is the
// field's JSON name ("what_happened", "tags", …), so a form can put the
// cursor where the problem is; Msg says what is wrong in a few words.
type ValidationError struct {
	Field string
	Msg   string
}

func (e *ValidationError) Error() string { return "invalid entry: " + e.Msg }

// Unwrap makes every ValidationError an ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Bounds on every field, far above what anyone types after a call, so a
// runaway paste or a hostile import cannot make an entry of many megabytes
// that is then decrypted at every unlock.
const (
	// MaxTextLen bounds each free-text field, in bytes.
	MaxTextLen = 200_000
	// MaxListLen bounds the number of emotions, tags and tried items.
	MaxListLen = 50
	// MaxWordLen bounds one emotion or tag, in bytes.
	MaxWordLen = 100
	// MaxItemIDLen bounds one knowledge-base item id, in bytes.
	MaxItemIDLen = 300
	// MaxIDLen bounds an entry id as stored; ids made by Save are shorter.
	MaxIDLen = 64
	// MaxEntryLen bounds all the text of one entry together, in bytes:
	// less than every field at its own maximum.
	MaxEntryLen = 500_000
)

// Validate reports the first problem that would stop e being saved.
func (e Entry) Validate() error {
	if strings.TrimSpace(e.WhatHappened) == "" {
		return invalid("what_happened", "say what happened")
	}
	return e.validateDraft()
}

// validateDraft checks everything but the required field, since a draft is
// by nature unfinished.
func (e Entry) validateDraft() error {
	scales := []struct {
		field, name string
		v           int
	}{
		{"difficulty", "difficulty", e.Difficulty}, {"stress_before", "stress before", e.StressBefore},
		{"stress_after", "stress after", e.StressAfter}, {"satisfaction", "satisfaction", e.Satisfaction},
	}
	for _, s := range scales {
		if s.v < 0 || s.v > 5 {
			return invalid(s.field, "%s %d is not between 1 and 5", s.name, s.v)
		}
	}
	if e.Channel != "" && !slices.Contains(Channels, e.Channel) {
		return invalid("channel", "unknown channel %q", e.Channel)
	}
	if e.Outcome != "" && !slices.Contains(Outcomes, e.Outcome) {
		return invalid("outcome", "unknown outcome %q", e.Outcome)
	}
	if len(e.Triggers) > len(Triggers) {
		return invalid("triggers", "%d triggers, more than there are", len(e.Triggers))
	}
	for _, t := range e.Triggers {
		if !slices.Contains(Triggers, t) {
			return invalid("triggers", "unknown trigger %q (use a tag instead)", t)
		}
	}
	if e.ID != "" {
		if err := checkWord("id", "the id", e.ID, MaxIDLen); err != nil {
			return err
		}
	}
	total := len(e.ID)
	for _, l := range []struct {
		field, what string
		items       []string
		max         int
	}{
		{"emotions", "an emotion", e.Emotions, MaxWordLen},
		{"tags", "a tag", e.Tags, MaxWordLen},
		{"tried_items", "a tried item", e.TriedItems, MaxItemIDLen},
	} {
		if len(l.items) > MaxListLen {
			return invalid(l.field, "%d %s, more than %d", len(l.items), strings.ReplaceAll(l.field, "_", " "), MaxListLen)
		}
		for _, it := range l.items {
			if err := checkWord(l.field, l.what, it, l.max); err != nil {
				return err
			}
			total += len(it)
		}
	}
	for _, f := range e.textFieldsByValue() {
		if len(f.text) > MaxTextLen {
			return invalid(f.name, "%s is longer than %d bytes", fieldLabel(f.name), MaxTextLen)
		}
		if !utf8.ValidString(f.text) {
			return invalid(f.name, "%s is not valid UTF-8", fieldLabel(f.name))
		}
		if i := indexTextControl(f.text); i >= 0 {
			return invalid(f.name, "%s holds a control character (%U)", fieldLabel(f.name), []rune(f.text[i:])[0])
		}
		total += len(f.text)
	}
	if total > MaxEntryLen {
		return invalid("what_happened", "the entry is longer than %d bytes in all", MaxEntryLen)
	}
	return nil
}

// checkWord checks a one-line value: an id, an emotion, a tag.
func checkWord(field, what, s string, maxLen int) error {
	switch {
	case len(s) > maxLen:
		return invalid(field, "%s is longer than %d bytes", what, maxLen)
	case !utf8.ValidString(s):
		return invalid(field, "%s is not valid UTF-8", what)
	case strings.ContainsFunc(s, isLineControl):
		return invalid(field, "%s %q holds a control character", what, s)
	}
	return nil
}

// isLineControl reports the characters a one-line value may not hold:
// control characters (a terminal would obey escape sequences and line
// breaks would forge rows in a list) and the invisible marks that reorder
// text on screen.
func isLineControl(r rune) bool {
	return unicode.IsControl(r) || isBidiControl(r)
}

// indexTextControl finds the first character free text may not hold: a
// control character other than a line break or a tab. s must be valid
// UTF-8. It scans bytes, not runes, since every entry's text is checked at
// each unlock: C0 controls and DEL are single bytes, and C1 controls
// (U+0080–U+009F) are 0xC2 followed by 0x80–0x9F.
func indexTextControl(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			return i
		case c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0:
			return i
		}
	}
	return -1
}

func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// fieldLabel is a field's JSON name as a person reads it.
func fieldLabel(field string) string {
	return strings.ReplaceAll(field, "_", " ")
}

type namedText struct{ name, text string }

func (e Entry) textFieldsByValue() []namedText {
	return []namedText{
		{"what_happened", e.WhatHappened}, {"what_i_tried", e.WhatITried},
		{"what_worked", e.WhatWorked}, {"what_didnt", e.WhatDidnt}, {"takeaway", e.Takeaway},
	}
}
