package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/atomicfile"
)

// The export format: plain JSON, for people who leave Poise or want their
// entries in another tool. Only ever written on explicit request.
const formatExport = "poise-journal-export"

type exportFile struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	Exported time.Time `json:"exported"`
	Entries  []Entry   `json:"entries"`
	Reviews  []Review  `json:"reviews,omitempty"`
}

// ExportJSON writes every entry and monthly review, decrypted, as one JSON
// document.
func (j *Journal) ExportJSON(w io.Writer) error {
	es, err := j.Entries()
	if err != nil {
		return err
	}
	rs, err := j.Reviews()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(exportFile{Format: formatExport, Version: formatVersion, Exported: j.now(), Entries: es, Reviews: rs}); err != nil {
		return fmt.Errorf("export journal: %w", err)
	}
	return nil
}

// ExportMarkdown writes every entry, decrypted, as a markdown file in dir
// (created if needed) and returns how many it wrote. Names start with the
// date, so the files sort as a diary.
func (j *Journal) ExportMarkdown(dir string) (int, error) {
	es, err := j.Entries()
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("export journal: %w", err)
	}
	used := map[string]bool{}
	for _, e := range es {
		name := exportName(e, used)
		if err := atomicfile.Write(filepath.Join(dir, name), []byte(e.Markdown()), 0o600); err != nil {
			return 0, fmt.Errorf("export journal: %w", err)
		}
	}
	return len(es), nil
}

// exportName is the file name of e in a markdown export: its date and the
// letters and digits of its id, nothing else, so no id (an imported
// "/../../x", say) can name a file outside the folder. used keeps names
// unique when two ids clean up alike.
func exportName(e Entry, used map[string]bool) string {
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(e.ID))
	if len(id) > idLen {
		id = id[:idLen]
	}
	base := e.sortTime().Format("2006-01-02-1504")
	if id != "" {
		base += "-" + id
	}
	name := base + ".md"
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s-%d.md", base, n)
	}
	used[name] = true
	return name
}

// Markdown renders an entry for reading outside Poise.
func (e Entry) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", e.sortTime().Format("Monday 2 January 2006, 15:04"))
	meta := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", k, v)
		}
	}
	scale := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n) + "/5"
	}
	var trig []string
	for _, t := range e.Triggers {
		trig = append(trig, t.Label())
	}
	meta("Channel", string(e.Channel))
	meta("Customer felt", strings.Join(e.Emotions, ", "))
	meta("Triggers", strings.Join(trig, ", "))
	meta("Tags", strings.Join(e.Tags, ", "))
	meta("Difficulty", scale(e.Difficulty))
	if e.StressBefore != 0 || e.StressAfter != 0 {
		meta("My stress", scale(e.StressBefore)+" before, "+scale(e.StressAfter)+" after")
	}
	meta("Outcome", e.Outcome.Label())
	meta("Customer satisfaction", scale(e.Satisfaction))
	if !e.FollowUp.IsZero() {
		done := ""
		if e.FollowUpDone {
			done = " (done)"
		}
		meta("Follow up", e.FollowUp.Format("2 Jan 2006 15:04")+done)
	}
	section := func(h, s string) {
		if strings.TrimSpace(s) != "" {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", h, strings.TrimSpace(s))
		}
	}
	section("What happened", e.WhatHappened)
	tried := strings.TrimSpace(e.WhatITried)
	if len(e.TriedItems) > 0 {
		tried += "\n\nGuidance used:\n"
	}
	for _, id := range e.TriedItems {
		tried += "\n- " + id
	}
	section("What I tried", tried)
	section("What worked", e.WhatWorked)
	section("What didn't", e.WhatDidnt)
	section("Takeaway", e.Takeaway)
	return b.String()
}

// ImportResult counts what an import or restore did.
type ImportResult struct {
	Added, Updated, Unchanged int
	// Renamed lists the entries whose id was not one Poise makes: they
	// were added under a new id.
	Renamed []Renamed
	// Skipped counts trash and history records of a backup that could not
	// be taken as they were.
	Skipped int
}

// Renamed is an imported entry given a new id.
type Renamed struct {
	From, To string
}

// maxImportLen bounds an import file: far above any real journal's export,
// so a hostile file cannot fill the memory.
const maxImportLen = 512 << 20

// ImportJSON reads a document written by ExportJSON. Entries new to this
// journal are added; entries it already holds are replaced only when the
// imported copy is newer (the old one goes to the history), so importing
// the same file twice changes nothing. An id that Poise would not have
// made is replaced by a new one (see ImportResult.Renamed); missing dates
// are filled in as fillDates says. Monthly reviews are taken for months
// this journal has not reviewed, or reviewed before the imported copy.
func (j *Journal) ImportJSON(r io.Reader) (ImportResult, error) {
	var f exportFile
	data, err := io.ReadAll(io.LimitReader(r, maxImportLen+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("import journal: %w", err)
	}
	if len(data) > maxImportLen {
		return ImportResult{}, fmt.Errorf("import journal: larger than %d MB", maxImportLen>>20)
	}
	// JSON decoding would quietly turn invalid UTF-8 into U+FFFD, changing
	// the text where every other way in refuses it.
	if !utf8.Valid(data) {
		return ImportResult{}, fmt.Errorf("import journal: line %d: text that is not valid UTF-8", lineAt(data, invalidUTF8At(data)))
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return ImportResult{}, fmt.Errorf("import journal: %w", withJSONLine(data, err))
	}
	if f.Format != formatExport || f.Version < 1 || f.Version > formatVersion {
		return ImportResult{}, fmt.Errorf("import journal: %w: format %q version %d", errFormat, f.Format, f.Version)
	}
	for i, e := range f.Entries {
		e.ID = "" // checked, and replaced if need be, by merge
		if err := normalize(e).Validate(); err != nil {
			return ImportResult{}, fmt.Errorf("import journal: entry %d: %w", i+1, err)
		}
	}
	if len(f.Reviews) > maxReviewFiles {
		return ImportResult{}, fmt.Errorf("import journal: %w: more than %d monthly reviews", ErrInvalid, maxReviewFiles)
	}
	for i, r := range f.Reviews {
		if err := r.Validate(); err != nil {
			return ImportResult{}, fmt.Errorf("import journal: review %d: %w", i+1, err)
		}
		if r.Saved.IsZero() {
			f.Reviews[i].Saved = j.now()
		}
	}
	res, err := j.merge(f.Entries)
	if err != nil {
		return res, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return res, err
	}
	if err := j.restoreReviewsLocked(keys, f.Reviews, &res); err != nil {
		return res, fmt.Errorf("import journal: %w", err)
	}
	return res, nil
}

// invalidUTF8At is the offset of the first byte of data that is not valid
// UTF-8 (len(data) when there is none).
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineAt is the 1-based line of data that holds byte offset off.
func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// withJSONLine adds the line to a JSON error that knows its offset, so
// the user can find the fault in the file.
func withJSONLine(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: %w", lineAt(data, int(syn.Offset)), err)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %w", lineAt(data, int(typ.Offset)), err)
	}
	return err
}

// merge adds or updates entries as ImportJSON describes.
func (j *Journal) merge(es []Entry) (ImportResult, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	for _, e := range es {
		e = normalize(e)
		switch {
		case e.ID == "":
			e.ID = newID()
		case !wellFormedID(e.ID):
			from := e.ID
			e.ID = newID()
			res.Renamed = append(res.Renamed, Renamed{From: from, To: e.ID})
		}
		fillDates(&e, j.now())
		if err := e.Validate(); err != nil {
			return res, fmt.Errorf("import journal: entry %s: %w", e.ID, err)
		}
		old, ok := j.entries[e.ID]
		switch {
		case !ok:
			res.Added++
		case e.Updated.After(old.e.Updated):
			res.Updated++
		default:
			res.Unchanged++
			continue
		}
		if err := j.putLocked(keys, e); err != nil {
			return res, fmt.Errorf("import journal: %w", err)
		}
	}
	return res, nil
}

// fillDates gives an imported entry the dates it lacks, from the ones it
// has, so nothing shows as year 1 and nothing was updated before it was
// created: created is the earliest of updated and when, else now; when is
// created; updated is at least created.
func fillDates(e *Entry, now time.Time) {
	if e.Created.IsZero() {
		e.Created = earliest([]time.Time{e.Updated, e.When}, now)
	}
	if e.When.IsZero() {
		e.When = e.Created
	}
	if e.Updated.Before(e.Created) {
		e.Updated = e.Created
	}
}

// earliest is the earliest non-zero time, or fallback.
func earliest(ts []time.Time, fallback time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if !t.IsZero() && (out.IsZero() || t.Before(out)) {
			out = t
		}
	}
	if out.IsZero() {
		return fallback
	}
	return out
}
