package gaps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"time"
	"unicode/utf8"
)

// ErrBadFile means a log or export file is not one Poise wrote: too big,
// not JSON of the right shape, or holding values it would never write.
// The error's text names the file and line and what is wrong.
var ErrBadFile = errors.New("not a Poise gaps file")

// fileError is a problem at a line of a file.
func fileError(name string, line int, format string, args ...any) error {
	where := name
	if line > 0 {
		where = fmt.Sprintf("%s:%d", name, line)
	}
	return fmt.Errorf("%s: %s: %w", where, fmt.Sprintf(format, args...), ErrBadFile)
}

// document reads a JSON object of header keys and one "searches" array,
// strictly: one object and nothing after it, no key twice, no key it does
// not know, at most MaxSearches entries. header decodes the value of each
// other key; entry decodes one element of searches, which starts at line.
type document struct {
	name   string
	data   []byte
	dec    *json.Decoder
	header func(key string) error
	entry  func(line int) error
}

func (d *document) parse() error {
	if len(d.data) > MaxFileSize {
		return fileError(d.name, 0, "the file is %d bytes, more than the %d a gaps file may have", len(d.data), MaxFileSize)
	}
	if !utf8.Valid(d.data) {
		return fileError(d.name, d.line(int64(bytes.IndexFunc(d.data, func(r rune) bool { return r == utf8.RuneError }))), "the text is not UTF-8")
	}
	d.dec = json.NewDecoder(bytes.NewReader(d.data))
	d.dec.DisallowUnknownFields()
	if err := d.delim('{'); err != nil {
		return err
	}
	seen := map[string]bool{}
	for d.dec.More() {
		off := d.dec.InputOffset()
		tok, err := d.dec.Token()
		if err != nil {
			return d.syntax(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return fileError(d.name, d.line(off), "%q is given twice", key)
		}
		seen[key] = true
		if key != "searches" {
			if err := d.header(key); err != nil {
				return d.valueError(err, d.line(off))
			}
			continue
		}
		if err := d.delim('['); err != nil {
			return err
		}
		for n := 0; d.dec.More(); n++ {
			if n == MaxSearches {
				return fileError(d.name, d.line(d.dec.InputOffset()), "more than %d searches", MaxSearches)
			}
			line := d.line(d.dec.InputOffset())
			if err := d.entry(line); err != nil {
				return d.valueError(err, line)
			}
		}
		if err := d.delim(']'); err != nil {
			return err
		}
	}
	if err := d.delim('}'); err != nil {
		return err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return fileError(d.name, d.line(d.dec.InputOffset()), "there is more after the end of the JSON object")
	}
	return nil
}

// delim reads the next token, which must be want.
func (d *document) delim(want json.Delim) error {
	off := d.dec.InputOffset()
	tok, err := d.dec.Token()
	if err != nil {
		return d.syntax(err)
	}
	if got, ok := tok.(json.Delim); !ok || got != want {
		return fileError(d.name, d.line(off), "expected %q here", string(want))
	}
	return nil
}

func (d *document) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fileError(d.name, d.line(se.Offset), "not valid JSON (%v)", se)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fileError(d.name, d.line(int64(len(d.data))), "the file ends too early")
	}
	return fileError(d.name, 0, "not valid JSON (%v)", err)
}

// valueError places err, from decoding a value that starts on line.
func (d *document) valueError(err error, line int) error {
	if errors.Is(err, ErrBadFile) {
		return err
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return d.syntax(err)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fileError(d.name, d.line(te.Offset), "%s has the wrong type: it must be %s", te.Field, te.Type)
	}
	return fileError(d.name, line, "%v", err)
}

// line is the 1-based line of byte offset off, skipping the spaces and
// comma before a value so an entry's line is where it starts.
func (d *document) line(off int64) int {
	if off < 0 {
		return 0
	}
	off = min(off, int64(len(d.data)))
	for off < int64(len(d.data)) && bytes.IndexByte([]byte(" \t\r\n,:"), d.data[off]) >= 0 {
		off++
	}
	return 1 + bytes.Count(d.data[:min(off, int64(len(d.data)))], []byte("\n"))
}

var dayRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkDay checks a YYYY-MM-DD day.
func checkDay(field, s string) error {
	if !dayRE.MatchString(s) {
		return fmt.Errorf("%s %q is not a day written YYYY-MM-DD", field, s)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%s %q is not a day of the calendar", field, s)
	}
	return nil
}

// checkQuery checks a query as read from a file: what Normalize keeps and
// nothing that could forge terminal output.
func checkQuery(q string) error {
	for _, r := range q {
		if unsafeRune(r) {
			return fmt.Errorf("query %q holds a control character (%U), which Poise never writes", q, r)
		}
	}
	if n := utf8.RuneCountInString(q); n == 0 || n > MaxQueryRunes {
		return fmt.Errorf("query has %d characters; a query has 1 to %d", n, MaxQueryRunes)
	}
	return nil
}

// checkCounts checks counters read from a file.
func checkCounts(counts ...int) error {
	total := 0
	for _, c := range counts {
		if c < 0 || c > maxCount {
			return fmt.Errorf("count %d is out of range 0 to %d", c, maxCount)
		}
		total += c
	}
	if total == 0 {
		return errors.New("a search is listed with no count")
	}
	return nil
}
