package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// A monthly review is the agent's short reflection on a month, sealed like
// an entry in reviews/ under a random name. Reviews are few (one a month),
// so they are read when asked for rather than held after unlocking, and
// locking has nothing extra to drop.
const (
	reviewsDir   = "reviews"
	formatReview = "poise-journal-review"
	// maxReviewFiles bounds what one read decrypts: a century of months.
	maxReviewFiles = 1200
)

// GoalResult is how the agent says last month's goal went.
type GoalResult string

// The answers a review can give about last month's goal.
const (
	GoalMet    GoalResult = "met"
	GoalPartly GoalResult = "partly"
	GoalNotMet GoalResult = "not-met"
)

// GoalResults lists the answers in the order forms show them.
var GoalResults = []GoalResult{GoalMet, GoalPartly, GoalNotMet}

// Review is one month's reflection. Month is "YYYY-MM", the month looked
// back on; Goal is for the month after it.
type Review struct {
	Month    string `json:"month"`
	WentWell string `json:"went_well,omitempty"`
	TryNext  string `json:"try_next,omitempty"`
	Goal     string `json:"goal,omitempty"`
	// LastGoal is how the goal set in the previous month's review went.
	LastGoal GoalResult `json:"last_goal,omitempty"`
	Saved    time.Time  `json:"saved,omitzero"`
}

var reviewMonthRe = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

// Validate reports the first problem that would stop r being saved.
func (r Review) Validate() error {
	if !reviewMonthRe.MatchString(r.Month) {
		return fmt.Errorf("%w: review month %q is not YYYY-MM", ErrInvalid, r.Month)
	}
	if r.LastGoal != "" && !slices.Contains(GoalResults, r.LastGoal) {
		return fmt.Errorf("%w: unknown goal result %q", ErrInvalid, r.LastGoal)
	}
	for _, s := range []string{r.WentWell, r.TryNext, r.Goal} {
		if len(s) > MaxTextLen {
			return fmt.Errorf("%w: a text is longer than %d bytes", ErrInvalid, MaxTextLen)
		}
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w: a text is not valid UTF-8", ErrInvalid)
		}
	}
	return nil
}

type reviewRecord struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Review  Review `json:"review"`
}

// SaveReview writes r, encrypted, replacing any review of the same month.
func (j *Journal) SaveReview(r Review) (Review, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return Review{}, err
	}
	r.WentWell, r.TryNext, r.Goal = strings.TrimSpace(r.WentWell), strings.TrimSpace(r.TryNext), strings.TrimSpace(r.Goal)
	if err := r.Validate(); err != nil {
		return Review{}, err
	}
	r.Saved = j.now()
	files, err := j.reviewFilesLocked()
	if err != nil {
		return Review{}, err
	}
	if err := j.writeReviewLocked(keys, files, r); err != nil {
		return Review{}, fmt.Errorf("save review: %w", err)
	}
	return r, nil
}

// writeReviewLocked seals r into its month's file (a new one for a month
// not reviewed yet). r is valid and carries its Saved time.
func (j *Journal) writeReviewLocked(keys *vault.Keys, files map[string]reviewFile, r Review) error {
	name := randomName()
	if f, ok := files[r.Month]; ok {
		name = f.file
	}
	b, err := json.MarshalIndent(reviewRecord{Format: formatReview, Version: formatVersion, Review: r}, "", "  ")
	if err != nil {
		return err
	}
	data, err := keys.Seal(pad(append(b, '\n')))
	if err != nil {
		return err
	}
	if err := mkdir(filepath.Join(j.dir, reviewsDir)); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(j.dir, reviewsDir, name), data, 0o600)
}

// restoreReviewsLocked brings back a backup's reviews: a month this journal
// has not reviewed, or reviewed before the backup's copy was saved. Invalid
// records count in res.Skipped.
func (j *Journal) restoreReviewsLocked(keys *vault.Keys, rs []Review, res *ImportResult) error {
	if len(rs) == 0 {
		return nil
	}
	files, err := j.reviewFilesLocked()
	if err != nil {
		return err
	}
	for _, r := range rs {
		if r.Validate() != nil || r.Saved.IsZero() {
			res.Skipped++
			continue
		}
		if old, ok := files[r.Month]; ok && !r.Saved.After(old.r.Saved) {
			continue
		}
		if err := j.writeReviewLocked(keys, files, r); err != nil {
			return fmt.Errorf("restore review %s: %w", r.Month, err)
		}
	}
	return nil
}

// Reviews returns every monthly review, oldest month first. Files that
// cannot be read are skipped, as entries are.
func (j *Journal) Reviews() ([]Review, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	files, err := j.reviewFilesLocked()
	if err != nil {
		return nil, err
	}
	out := make([]Review, 0, len(files))
	for _, f := range files {
		out = append(out, f.r)
	}
	slices.SortFunc(out, func(a, b Review) int { return strings.Compare(a.Month, b.Month) })
	return out, nil
}

type reviewFile struct {
	r    Review
	file string
}

// reviewFilesLocked decrypts reviews/, keyed by month; the newest save
// wins if two files claim one month.
func (j *Journal) reviewFilesLocked() (map[string]reviewFile, error) {
	des, err := os.ReadDir(filepath.Join(j.dir, reviewsDir))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]reviewFile{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read reviews: %w", err)
	}
	out := map[string]reviewFile{}
	n := 0
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".age") {
			continue
		}
		if n++; n > maxReviewFiles {
			break
		}
		data, err := readJournalFile(filepath.Join(j.dir, reviewsDir, name), maxRecordFile)
		if err != nil {
			continue
		}
		plain, err := j.keys.Open(data)
		if err != nil {
			continue
		}
		var rec reviewRecord
		if json.Unmarshal(bytes.TrimRight(plain, " "), &rec) != nil || rec.Format != formatReview || rec.Review.Validate() != nil {
			continue
		}
		if old, ok := out[rec.Review.Month]; ok && old.r.Saved.After(rec.Review.Saved) {
			continue
		}
		out[rec.Review.Month] = reviewFile{r: rec.Review, file: name}
	}
	return out, nil
}
