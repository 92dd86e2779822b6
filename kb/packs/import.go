package packs

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/Masterminds/semver/v3"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// A folder of notes (an Obsidian vault, a Git repository of support
// macros) has no pack.toml. Importing it fetches its markdown only, as any
// source is fetched, gives it a pack.toml with layout = "notes" so it
// loads as the plain folder it is, and installs it unsigned: the person
// importing their own folder is who vouches for it. Its source is
// remembered like any other, so poise pack update imports it again, the
// version going up by one when an item changed.

// NotesSource is the source for importing the folder or Git repository s
// as a pack of notes with the given id and name; "" derives them from the
// folder's or repository's name. ref names a Git branch or tag.
func NotesSource(s, ref, id, name string) (Source, error) {
	src, err := ParseSource(s, ref)
	if err != nil {
		return Source{}, err
	}
	switch src.Kind {
	case SourceFolder:
		if !src.Notes {
			return Source{}, fmt.Errorf("%w: %s has a pack.toml", ErrIsPack, src.Location)
		}
	case SourceGit:
	default:
		return Source{}, fmt.Errorf("%w: %s is a pack file, not a folder of notes", ErrIsPack, src.Location)
	}
	loc := strings.TrimSuffix(strings.TrimRight(filepath.ToSlash(src.Location), "/"), "/.git")
	base := strings.TrimSuffix(path.Base(loc), ".git")
	src.Notes = true
	src.Name = strings.TrimSpace(name)
	if src.Name == "" {
		src.Name = base
	}
	src.ID = id
	if src.ID == "" {
		src.ID = NotesID(base)
	}
	if strings.ContainsFunc(src.Name, unicode.IsControl) {
		return Source{}, fmt.Errorf("pack name %q holds control characters", src.Name)
	}
	if !validID(src.ID) {
		return Source{}, fmt.Errorf("pack id %q is not valid; use lower case letters, digits and hyphens, such as %q", id, NotesID(id))
	}
	return src, nil
}

// NotesID makes a pack id of a folder's name: lower case ASCII letters and
// digits, other runs of characters a hyphen; "notes" when none is left.
func NotesID(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
			if sb.Len() >= 60 {
				break
			}
			continue
		}
		dash = true
	}
	if sb.Len() == 0 || sb.String() == kb.BuiltinID {
		return "notes"
	}
	return sb.String()
}

// notesManifest is the pack.toml an import writes.
type notesManifest struct {
	ID      string `toml:"id"`
	Name    string `toml:"name"`
	Version string `toml:"version"`
	Layout  string `toml:"layout"`
}

// writeNotesManifest gives the fetched notes their pack.toml. A source
// that holds one is a pack, not notes.
func (f *fetched) writeNotesManifest(src Source, version string) error {
	if f.hadManifest {
		return fmt.Errorf("%w: %s has a pack.toml", ErrIsPack, src)
	}
	var buf bytes.Buffer
	buf.WriteString("# Written by poise pack import: this folder is plain notes, loaded as docs/pack-format.md says.\n")
	if err := toml.NewEncoder(&buf).Encode(notesManifest{ID: src.ID, Name: src.Name, Version: version, Layout: kb.LayoutNotes}); err != nil {
		return fmt.Errorf("write pack.toml: %w", err)
	}
	return atomicfile.Write(filepath.Join(f.dir, "pack.toml"), buf.Bytes(), 0o600)
}

// versionNotes sets an imported folder's version: 1.0.0 the first time,
// the installed one when no item changed, else one patch newer.
func (c *Candidate) versionNotes(old *kb.Pack) error {
	v := "1.0.0"
	if old != nil {
		v = old.Manifest.Version
		if !c.Changes.Empty() {
			if sv, err := semver.NewVersion(v); err == nil {
				v = sv.IncPatch().String()
			} else {
				v = "1.0.0"
			}
		}
	}
	if v == c.Manifest.Version {
		return nil
	}
	if err := c.f.writeNotesManifest(c.Source, v); err != nil {
		return err
	}
	c.Manifest.Version, c.pack.Manifest.Version = v, v
	c.Downgrade = c.Installed != "" && olderThan(v, c.Installed)
	return nil
}
