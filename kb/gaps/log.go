package gaps

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/gofrs/flock"

	"github.com/poisehq/poise/internal/atomicfile"
)

// FileName is the log's name inside the data folder.
const FileName = "gaps.json"

// logFormat names the log's JSON, so an export is never read as a log.
const logFormat = "poise-gaps-log"

// lockWait is how long a write waits for another Poise (the app, or a
// poise search in a terminal) to finish writing the log.
var lockWait = 5 * time.Second

// logFile is the log's JSON layout.
type logFile struct {
	Format   string   `json:"format"`
	Version  int      `json:"version"`
	Searches []Search `json:"searches"`
}

// Read returns the log at path, most frequent first; a missing log is
// empty. A log that is not one Poise wrote is an ErrBadFile error naming
// its line.
func Read(path string) ([]Search, error) {
	data, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	l, err := parseLog(path, data)
	if err != nil {
		return nil, err
	}
	return Top(l.Searches, 0), nil
}

// Record adds one search that did not help to the log at path, on today.
// The query is masked and normalised first (Normalize); one not worth
// keeping records nothing. The log is locked while it is read and
// written (the app and poise search may both write), written atomically,
// and kept to MaxSearches queries, dropping the least recently seen.
// A log that cannot be read is moved aside to path+".broken" and started
// afresh: it is a record of searches, and must not stop them.
func Record(path, query string, o Outcome, today time.Time) error {
	q := Normalize(query)
	if q == "" {
		return nil
	}
	if o != NoResults && o != NotUsed {
		return fmt.Errorf("record gap: unknown outcome %q", o)
	}
	return update(path, func(l *logFile) {
		day := today.Format(time.DateOnly)
		i := slices.IndexFunc(l.Searches, func(s Search) bool { return s.Query == q })
		if i < 0 {
			l.Searches = append(l.Searches, Search{Query: q, First: day})
			i = len(l.Searches) - 1
		}
		s := &l.Searches[i]
		if o == NoResults {
			s.NoResults = min(s.NoResults+1, maxCount)
		} else {
			s.NotUsed = min(s.NotUsed+1, maxCount)
		}
		s.Last = day
		if len(l.Searches) > MaxSearches {
			// The least recently seen go first, the rarer of those first.
			slices.SortStableFunc(l.Searches, func(a, b Search) int {
				return cmp.Or(cmp.Compare(b.Last, a.Last), cmp.Compare(b.Count(), a.Count()))
			})
			l.Searches = l.Searches[:MaxSearches]
		}
	})
}

// Clear empties the log at path.
func Clear(path string) error {
	return update(path, func(l *logFile) { l.Searches = nil })
}

// update changes the log under its lock.
func update(path string, change func(*logFile)) error {
	lk := flock.New(path + ".lock")
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := lk.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil || !ok {
		return fmt.Errorf("lock gaps log %s: %w", path, cmp.Or(err, errors.New("another Poise is writing it")))
	}
	defer lk.Unlock()

	l := &logFile{}
	data, err := readLimited(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil && !errors.Is(err, ErrBadFile):
		return err
	default:
		if err == nil {
			l, err = parseLog(path, data)
		}
		if err != nil {
			if err := os.Rename(path, path+".broken"); err != nil {
				return fmt.Errorf("move unreadable gaps log aside: %w", err)
			}
			l = &logFile{}
		}
	}
	change(l)
	l.Format, l.Version = logFormat, 1
	if l.Searches == nil {
		l.Searches = []Search{}
	}
	out, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return fmt.Errorf("encode gaps log: %w", err)
	}
	if err := atomicfile.Write(path, append(out, '\n'), 0o600); err != nil {
		return fmt.Errorf("save gaps log: %w", err)
	}
	return nil
}

// readLimited reads a file of at most MaxFileSize bytes, without reading
// more than that of a bigger one.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fileError(path, 0, "not a regular file")
	}
	if fi.Size() > MaxFileSize {
		return nil, fileError(path, 0, "the file is %d bytes, more than the %d a gaps file may have", fi.Size(), MaxFileSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fileError(path, 0, "the file grew past %d bytes while being read", MaxFileSize)
	}
	return data, nil
}

// parseLog reads the log's JSON strictly (see document).
func parseLog(name string, data []byte) (*logFile, error) {
	l := &logFile{}
	seen := map[string]bool{}
	d := &document{name: name, data: data}
	d.header = func(key string) error {
		switch key {
		case "format":
			if err := d.dec.Decode(&l.Format); err != nil {
				return err
			}
			if l.Format != logFormat {
				return fmt.Errorf("format is %q, not %q: this is not a gaps log", l.Format, logFormat)
			}
		case "version":
			if err := d.dec.Decode(&l.Version); err != nil {
				return err
			}
			if l.Version != 1 {
				return fmt.Errorf("version %d is not one this Poise reads (1)", l.Version)
			}
		default:
			return fmt.Errorf("unknown key %q", key)
		}
		return nil
	}
	d.entry = func(line int) error {
		var s Search
		if err := d.dec.Decode(&s); err != nil {
			return err
		}
		if err := cmp.Or(checkQuery(s.Query), checkCounts(s.NoResults, s.NotUsed), checkDay("first", s.First), checkDay("last", s.Last)); err != nil {
			return err
		}
		if seen[s.Query] {
			return fmt.Errorf("query %q is listed twice", s.Query)
		}
		seen[s.Query] = true
		l.Searches = append(l.Searches, s)
		return nil
	}
	if err := d.parse(); err != nil {
		return nil, err
	}
	if l.Format == "" || l.Version == 0 {
		return nil, fileError(name, 1, "no \"format\" or \"version\": this is not a gaps log Poise wrote")
	}
	return l, nil
}

// Top sorts searches by how often they did not help, most first (then the
// most recent), and keeps the first n (all when n <= 0).
func Top(searches []Search, n int) []Search {
	out := slices.Clone(searches)
	slices.SortStableFunc(out, func(a, b Search) int {
		return cmp.Or(cmp.Compare(b.Count(), a.Count()), cmp.Compare(b.Last, a.Last), cmp.Compare(a.Query, b.Query))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
