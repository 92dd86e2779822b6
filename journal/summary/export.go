package summary

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/privacy"
	"github.com/poisehq/poise/journal"
)

// ExportFormat names an anonymised export, so a lead's merge can tell it
// from any other JSON.
const (
	ExportFormat  = "poise-summary-export"
	exportVersion = 1
)

// ErrBadExport wraps every reason an export file cannot be merged.
var ErrBadExport = errors.New("not a summary export")

// Export is a month's summary for a team lead: counts, trends and the
// headlines that quote nothing the agent wrote. Free text appears only as
// takeaways the agent picked, with personal data masked.
type Export struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// ID is random per export, so a merge can tell the same file given
	// twice from two people's equal figures. It names no one.
	ID           string   `json:"id,omitempty"`
	Month        string   `json:"month"`
	Agents       int      `json:"agents"`
	Entries      int      `json:"entries"`
	Difficulty   Mean     `json:"difficulty"`
	Triggers     []Count  `json:"triggers"`
	Emotions     []Count  `json:"emotions"`
	Channels     []Count  `json:"channels"`
	Outcomes     []Count  `json:"outcomes"`
	StressBefore Mean     `json:"stress_before"`
	StressAfter  Mean     `json:"stress_after"`
	BaseRate     Rate     `json:"base_rate"`
	WhatWorks    []Works  `json:"what_works"`
	Headlines    []string `json:"headlines"`
	Takeaways    []string `json:"takeaways"`
}

// Anonymise keeps what a team may see. picked are indexes into
// s.Takeaways; each is masked by the privacy guard. Tags, words, goals,
// emotions outside the shared vocabulary, tried items the library does not
// know and every other text stay out.
func (s *Summary) Anonymise(picked []int) Export {
	x := Export{Format: ExportFormat, Version: exportVersion, ID: newExportID(), Month: s.Month, Agents: 1, Entries: s.Entries,
		Difficulty: s.Difficulty, Triggers: s.Triggers, Channels: s.Channels, Outcomes: s.Outcomes,
		StressBefore: s.Stress.Before, StressAfter: s.Stress.After, BaseRate: s.BaseRate,
		Emotions: []Count{}, WhatWorks: []Works{}, Headlines: []string{}, Takeaways: []string{}}
	for _, c := range s.Emotions {
		if slices.Contains(journal.Emotions, c.Name) {
			x.Emotions = append(x.Emotions, c)
		}
	}
	for _, w := range s.WhatWorks {
		if w.shareable {
			x.WhatWorks = append(x.WhatWorks, w)
		}
	}
	for _, h := range s.Headlines {
		if !h.Private {
			x.Headlines = append(x.Headlines, h.Text)
		}
	}
	for _, i := range picked {
		if i >= 0 && i < len(s.Takeaways) {
			t := s.Takeaways[i].Text
			x.Takeaways = append(x.Takeaways, privacy.Mask(t, privacy.Find(t)))
		}
	}
	return x
}

// Limits on an export file: far above a real month, low enough that a
// hostile file cannot make a merge use much memory.
const (
	MaxExportBytes = 1 << 20
	maxExportList  = 100
	maxExportText  = 2000
	maxExportCount = 1_000_000
)

var exportIDRe = regexp.MustCompile(`^[a-z2-7]{26}$`)

// newExportID is 128 random bits in lower-case base32.
func newExportID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// ParseExport reads and checks an export file's contents.
func ParseExport(data []byte) (Export, error) {
	var x Export
	if len(data) > MaxExportBytes {
		return x, fmt.Errorf("%w: larger than %d bytes", ErrBadExport, MaxExportBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&x); err != nil {
		return x, fmt.Errorf("%w: %v", ErrBadExport, err)
	}
	if x.Format != ExportFormat {
		return x, fmt.Errorf("%w: format is %q, want %q (make one with 'poise journal summary --export')", ErrBadExport, x.Format, ExportFormat)
	}
	if x.Version < 1 || x.Version > exportVersion {
		return x, fmt.Errorf("%w: version %d (a newer Poise wrote it?)", ErrBadExport, x.Version)
	}
	if x.ID != "" && !exportIDRe.MatchString(x.ID) {
		return x, fmt.Errorf("%w: id %q is not one Poise makes", ErrBadExport, x.ID)
	}
	if _, err := ParseMonth(x.Month); err != nil {
		return x, fmt.Errorf("%w: month: %v", ErrBadExport, err)
	}
	return x, x.check()
}

func (x *Export) check() error {
	bad := func(field string, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrBadExport, field, fmt.Sprintf(format, args...))
	}
	inRange := func(field string, n int) error {
		if n < 0 || n > maxExportCount {
			return bad(field, "%d is out of range", n)
		}
		return nil
	}
	text := func(field, s string) error {
		if len(s) > maxExportText || !utf8.ValidString(s) {
			return bad(field, "text too long or not UTF-8")
		}
		return nil
	}
	if x.Agents < 1 || x.Agents > maxExportCount {
		return bad("agents", "%d is out of range", x.Agents)
	}
	errs := []error{inRange("entries", x.Entries), inRange("base_rate", x.BaseRate.Of), inRange("base_rate", x.BaseRate.Successes)}
	if x.BaseRate.Successes > x.BaseRate.Of {
		errs = append(errs, bad("base_rate", "more successes than calls"))
	}
	for _, m := range []Mean{x.Difficulty, x.StressBefore, x.StressAfter} {
		if m.Value < 0 || m.Value > 5 || m.N < 0 || m.N > maxExportCount {
			errs = append(errs, bad("means", "a mean is outside 0–5"))
		}
	}
	lists := []struct {
		field string
		cs    []Count
		vocab []string
	}{{"triggers", x.Triggers, vocab(journal.Triggers)}, {"emotions", x.Emotions, journal.Emotions},
		{"channels", x.Channels, vocab(journal.Channels)}, {"outcomes", x.Outcomes, vocab(journal.Outcomes)}}
	for _, l := range lists {
		if len(l.cs) > maxExportList {
			errs = append(errs, bad(l.field, "more than %d rows", maxExportList))
			continue
		}
		for i, c := range l.cs {
			if !slices.Contains(l.vocab, c.Name) {
				errs = append(errs, bad(fmt.Sprintf("%s[%d]", l.field, i), "unknown name %q", c.Name))
			}
			errs = append(errs, inRange(l.field, c.Count), inRange(l.field, c.Prev))
			if c.Avg3 < 0 || c.Avg3 > maxExportCount {
				errs = append(errs, bad(l.field, "average out of range"))
			}
		}
	}
	if len(x.WhatWorks) > maxExportList || len(x.Headlines) > maxExportList || len(x.Takeaways) > maxExportList {
		errs = append(errs, bad("lists", "more than %d rows", maxExportList))
	}
	for i, w := range x.WhatWorks {
		f := fmt.Sprintf("what_works[%d]", i)
		errs = append(errs, text(f, w.Name), text(f, w.Label), inRange(f, w.Rate.Of), inRange(f, w.Rate.Successes))
		if w.Rate.Successes > w.Rate.Of || w.Name == "" {
			errs = append(errs, bad(f, "more successes than uses, or no name"))
		}
	}
	for i, h := range x.Headlines {
		errs = append(errs, text(fmt.Sprintf("headlines[%d]", i), h))
	}
	for i, t := range x.Takeaways {
		errs = append(errs, text(fmt.Sprintf("takeaways[%d]", i), t))
	}
	return errors.Join(errs...)
}

func vocab[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// JSON is the export as indented JSON, ready to write.
func (x Export) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode export: %w", err)
	}
	return append(b, '\n'), nil
}

// Markdown shows the export exactly as a lead will read it, for the agent
// to check before it is written.
func (x Export) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Anonymised summary for %s\n\n%s, difficulty %s.\n\n", x.Month, plural(x.Entries, "call", "calls"), meanCell(x.Difficulty))
	if len(x.Headlines) > 0 {
		b.WriteString("## Headlines\n\n")
		for _, h := range x.Headlines {
			fmt.Fprintf(&b, "- %s\n", mdText(h))
		}
		b.WriteString("\n")
	}
	countTable(&b, "Triggers", "Trigger", "Previous month", x.Triggers)
	countTable(&b, "Customer emotions", "Emotion", "Previous month", x.Emotions)
	countTable(&b, "Outcomes", "Outcome", "Previous month", x.Outcomes)
	if len(x.WhatWorks) > 0 {
		b.WriteString("## What works\n\n| Tried | Ended well | Verdict |\n|---|---:|---|\n")
		for _, w := range x.WhatWorks {
			fmt.Fprintf(&b, "| %s | %d of %d | %s |\n", mdText(w.Label), w.Rate.Successes, w.Rate.Of, mdText(string(w.Verdict)))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Takeaways shared\n\n")
	if len(x.Takeaways) == 0 {
		b.WriteString("None: no text you wrote is included.\n")
	}
	for _, t := range x.Takeaways {
		fmt.Fprintf(&b, "- %s\n", mdText(t))
	}
	return b.String()
}
