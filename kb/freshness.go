package kb

import (
	"cmp"
	"slices"
	"time"
)

// DefaultReviewEvery is how often content is due for review when neither
// its file nor its pack says: a year, the rule the Packs screen has always
// shown.
var DefaultReviewEvery = Period{Count: 1, Unit: Years}

// Review is what a file's front matter or a pack.toml says about review:
// reviewed: 2026-05-01 and review_every: 6 months. Either may be zero.
type Review struct {
	Reviewed time.Time
	Every    Period
}

// Freshness is whether content is due for review on a given day.
type Freshness struct {
	// Reviewed is the date the content was last reviewed; zero when never.
	Reviewed time.Time
	// Every is the interval that applies (the file's, else the pack's,
	// else DefaultReviewEvery).
	Every Period
	// DueOn is the first day the content is due; zero when never reviewed.
	DueOn time.Time
	// Due is true from DueOn on. Content never reviewed is not Due (there is
	// no date to be past): callers that treat it as due check Never.
	Due bool
}

// Never reports whether the content has no reviewed date at all.
func (f Freshness) Never() bool { return f.Reviewed.IsZero() }

// DueForReview is the rule every screen and command shares: the item's
// own reviewed and review_every win over its pack's, and the content is
// due on the day one interval after it was reviewed. Dates are calendar
// days: today is read in its own time zone.
func DueForReview(item, pack Review, today time.Time) Freshness {
	f := Freshness{Reviewed: cmp.Or(item.Reviewed, pack.Reviewed), Every: cmp.Or(item.Every, pack.Every, DefaultReviewEvery)}
	if f.Reviewed.IsZero() {
		return f
	}
	f.Reviewed = civilDate(f.Reviewed)
	f.DueOn = f.Every.After(f.Reviewed)
	f.Due = !civilDate(today).Before(f.DueOn)
	return f
}

// civilDate is t's calendar day at midnight UTC, so dates read from TOML
// (local dates) and YAML (UTC) compare as days.
func civilDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// PackFreshness is the freshness of a pack as a whole, from its manifest.
func PackFreshness(m Manifest, today time.Time) Freshness {
	return DueForReview(Review{}, m.Review(), today)
}

// Review is the manifest's reviewed date and review_every.
func (m Manifest) Review() Review { return Review{Reviewed: m.Reviewed, Every: m.ReviewEvery} }

// ItemFreshness is the freshness of an item of the library, with its
// pack's manifest as the default.
func (l *Library) ItemFreshness(it *Item, today time.Time) Freshness {
	var own, pack Review
	if it.Review != nil {
		own = *it.Review
	}
	for _, p := range l.Packs {
		if p.Manifest.ID == it.Pack {
			pack = p.Manifest.Review()
			break
		}
	}
	return DueForReview(own, pack, today)
}

// StaleFile is one file of a pack that is due for review, with the items
// written in it: the file is what its owner opens and checks.
type StaleFile struct {
	Pack      string
	File      string
	Title     string // the file's title, as far as its first item tells
	Items     []string
	Freshness Freshness
}

// StalePack is a pack whose content is due for review: its manifest's
// date is past due or missing, and the files due within it.
type StalePack struct {
	ID, Name string
	// Freshness is the pack-wide state from pack.toml.
	Freshness Freshness
	// Files are the pack's files due for review, most overdue first.
	Files []StaleFile
}

// Stale lists, for each pack of the library (or only packID when not ""),
// the files due for review on today. A pack is listed when it has files
// due, or when pack.toml itself is past due or has no reviewed date.
func (l *Library) Stale(packID string, today time.Time) []StalePack {
	var out []StalePack
	for _, p := range l.Packs {
		if packID != "" && p.Manifest.ID != packID {
			continue
		}
		sp := StalePack{ID: p.Manifest.ID, Name: p.Manifest.Name, Freshness: PackFreshness(p.Manifest, today)}
		byFile := map[string]int{}
		for i := range p.Items {
			it := &p.Items[i]
			f := l.ItemFreshness(it, today)
			if !f.Due {
				continue
			}
			k, ok := byFile[it.Source.File]
			if !ok {
				k = len(sp.Files)
				byFile[it.Source.File] = k
				sp.Files = append(sp.Files, StaleFile{Pack: sp.ID, File: it.Source.File, Title: fileTitle(it), Freshness: f})
			}
			sp.Files[k].Items = append(sp.Files[k].Items, it.ID)
		}
		slices.SortStableFunc(sp.Files, func(a, b StaleFile) int {
			return cmp.Or(a.Freshness.DueOn.Compare(b.Freshness.DueOn), cmp.Compare(a.File, b.File))
		})
		if len(sp.Files) > 0 || sp.Freshness.Due || sp.Freshness.Never() {
			out = append(out, sp)
		}
	}
	return out
}

// fileTitle is the title of the file item it comes first in: a bank of
// statements or phrases is listed under its file's title (the items'
// category, unless the front matter named another); other files' first
// item is the file itself.
func fileTitle(it *Item) string {
	if (it.Kind == KindStatement || it.Kind == KindPhrase) && it.Category != "" {
		return it.Category
	}
	return it.Title
}
