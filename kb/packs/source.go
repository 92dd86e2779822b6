package packs

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// SourceKind says how a pack is fetched.
type SourceKind string

// The kinds of source a pack installs from.
const (
	SourceFile   SourceKind = "file"   // a .poisepack file on disk
	SourceFolder SourceKind = "folder" // a pack folder on disk
	SourceHTTPS  SourceKind = "https"  // a .poisepack at an https address
	SourceGit    SourceKind = "git"    // a Git repository holding the pack folder
)

// Source is where a pack comes from, remembered for updates.
type Source struct {
	Kind     SourceKind `json:"kind"`
	Location string     `json:"location"`      // absolute path or address
	Ref      string     `json:"ref,omitempty"` // Git branch or tag; "" for the default branch
	// Notes: a plain folder of notes (no pack.toml), imported as pack ID
	// named Name; only its markdown is kept. See Store.Import.
	Notes bool   `json:"notes,omitempty"`
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
}

func (s Source) String() string {
	if s.Ref != "" {
		return s.Location + " (" + s.Ref + ")"
	}
	return s.Location
}

// ParseSource works out what kind of source s is: an https address ending
// in .poisepack, any other https address or "git+" address (a Git
// repository), a bare Git repository on disk, a pack folder or a file.
// ref names a Git branch or tag.
func ParseSource(s, ref string) (Source, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Source{}, errors.New("no pack source given")
	}
	if rest, ok := strings.CutPrefix(s, "git+"); ok {
		if abs, err := filepath.Abs(rest); err == nil && !strings.Contains(rest, "://") {
			rest = abs
		}
		return Source{Kind: SourceGit, Location: rest, Ref: ref}, nil
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return Source{}, fmt.Errorf("pack address %q: %w", s, err)
		}
		switch {
		case u.Scheme == "http":
			return Source{}, fmt.Errorf("pack address %q is not https; packs are only fetched over https", s)
		case u.Scheme != "https" || u.Host == "":
			return Source{}, fmt.Errorf("pack address %q is not an https address", s)
		case strings.HasSuffix(strings.ToLower(u.Path), Ext):
			if ref != "" {
				return Source{}, fmt.Errorf("a branch or tag only applies to Git sources, not %q", s)
			}
			return Source{Kind: SourceHTTPS, Location: s}, nil
		}
		return Source{Kind: SourceGit, Location: s, Ref: ref}, nil
	}
	abs, err := filepath.Abs(s)
	if err != nil {
		return Source{}, fmt.Errorf("pack source %q: %w", s, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return Source{}, fmt.Errorf("pack source: %w", err)
	}
	switch {
	case info.IsDir() && isBareRepo(abs):
		return Source{Kind: SourceGit, Location: abs, Ref: ref}, nil
	case ref != "":
		return Source{}, fmt.Errorf("a branch or tag only applies to Git sources, not %q", s)
	case info.IsDir() && !exists(filepath.Join(abs, "pack.toml")):
		// A plain folder of markdown, installed as poise pack import
		// installs it (NotesSource).
		name := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, filepath.Base(abs))
		return Source{Kind: SourceFolder, Location: abs, Notes: true, ID: NotesID(name), Name: name}, nil
	case info.IsDir():
		return Source{Kind: SourceFolder, Location: abs}, nil
	}
	return Source{Kind: SourceFile, Location: abs}, nil
}

// isBareRepo: a folder with HEAD, objects and refs and no pack.toml.
func isBareRepo(dir string) bool {
	for _, n := range []string{"HEAD", "objects", "refs"} {
		if !exists(filepath.Join(dir, n)) {
			return false
		}
	}
	return !exists(filepath.Join(dir, "pack.toml"))
}
