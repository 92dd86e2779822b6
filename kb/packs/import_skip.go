package packs

import (
	"cmp"
	"path"
	"slices"
	"strings"
)

// Skipped is one sort of file a note import left out: why, how many, and
// the first few, so a person sees what did not come in without a list of
// thousands.
type Skipped struct {
	Reason string   `json:"reason"`
	Count  int      `json:"count"`
	First  []string `json:"first"`
}

// skipFirst is how many names of each sort a report keeps.
const skipFirst = 3

// The reasons a note import leaves a file out.
const (
	skipPicture = "pictures (a note that embeds one shows a placeholder)"
	skipMedia   = "audio and video"
	skipPDF     = "PDFs"
	skipOther   = "files that are not markdown notes"
	skipHidden  = "hidden files and folders (names starting with . or _, such as an app's settings)"
	skipLink    = "symbolic links (never followed)"
	skipSpecial = "files that are not plain files"
	skipNotUTF8 = "notes that are not UTF-8 text (save them as UTF-8 and import again)"
	skipName    = "notes whose names Poise cannot keep (control characters, a colon or backslash, or too long: rename them and import again)"
	skipLarge   = "notes over 4 MB (split them into smaller notes and import again)"
)

// A folder of notes is the person's own, already on their disk: it may
// hold more than a pack fetched from elsewhere (10,000 files, 50 MB), up
// to these, unless the store was given limits of its own.
const (
	notesMaxFiles    = 100_000
	notesMaxUnpacked = 1 << 30
)

// notesLimits are the limits of a note import under the store's limits l.
func notesLimits(l Limits) Limits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = notesMaxFiles
	}
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = notesMaxUnpacked
	}
	return l
}

var skipByExt = map[string]string{
	".png": skipPicture, ".jpg": skipPicture, ".jpeg": skipPicture, ".gif": skipPicture, ".svg": skipPicture,
	".webp": skipPicture, ".bmp": skipPicture, ".avif": skipPicture, ".heic": skipPicture,
	".mp3": skipMedia, ".wav": skipMedia, ".m4a": skipMedia, ".ogg": skipMedia, ".flac": skipMedia,
	".mp4": skipMedia, ".webm": skipMedia, ".mov": skipMedia, ".mkv": skipMedia,
	".pdf": skipPDF,
}

func isNote(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// skip reports whether a note import leaves the file out, recording why:
// it keeps markdown notes only, and skips rather than refuses links and
// special files, which a person's folder may hold for their own reasons.
// Nothing is skipped when the writer is not importing notes.
func (w *treeWriter) skip(name string, regular, link bool) bool {
	if !w.notes {
		return false
	}
	switch {
	case link:
		w.skipAs(skipLink, name)
	case !regular:
		w.skipAs(skipSpecial, name)
	case !isNote(name):
		w.hadManifest = w.hadManifest || name == "pack.toml"
		why, ok := skipByExt[strings.ToLower(path.Ext(name))]
		if !ok {
			why = skipOther
		}
		w.skipAs(why, name)
	default:
		return false
	}
	return true
}

// skipHidden records a hidden file or folder a note import leaves out,
// once for the hidden folder however many files it holds.
func (w *treeWriter) skipHidden(name string) {
	if !w.notes {
		return
	}
	parts := strings.Split(name, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ".") || strings.HasPrefix(p, "_") {
			top := strings.Join(parts[:i+1], "/")
			if !w.hiddenSeen[top] {
				if w.hiddenSeen == nil {
					w.hiddenSeen = map[string]bool{}
				}
				w.hiddenSeen[top] = true
				w.skipAs(skipHidden, top)
			}
			return
		}
	}
}

func (w *treeWriter) skipAs(reason, name string) {
	for i := range w.skipped {
		if s := &w.skipped[i]; s.Reason == reason {
			s.Count++
			if len(s.First) < skipFirst {
				s.First = append(s.First, name)
			}
			return
		}
	}
	w.skipped = append(w.skipped, Skipped{Reason: reason, Count: 1, First: []string{name}})
}

func (w *treeWriter) skippedMostFirst() []Skipped {
	slices.SortStableFunc(w.skipped, func(a, b Skipped) int { return cmp.Compare(b.Count, a.Count) })
	return w.skipped
}
