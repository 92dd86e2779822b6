package mine

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"github.com/poisehq/poise/kb"
)

// Sources finds the files of the packs items are copied from: the built-in
// pack's and those installed in the packs folder.
type Sources struct {
	Builtin  fs.FS
	PacksDir string
}

// packFS is the folder of the pack with the given id. A folder without
// pack.toml is ErrNotCopyable: its items are made from its headings, by
// rules My pack (which has a manifest) does not follow.
func (s Sources) packFS(packID string) (fs.FS, error) {
	if packID == kb.BuiltinID {
		if s.Builtin == nil {
			return nil, fmt.Errorf("find pack %s: %w", packID, fs.ErrNotExist)
		}
		return s.Builtin, nil
	}
	if packID == ID {
		return nil, fmt.Errorf("find pack %s: %w", packID, ErrAlreadyMine)
	}
	// Installed packs live in a folder named after their id; a folder
	// copied in by hand may be named otherwise, so look at the others too.
	try := []string{packID}
	if entries, err := os.ReadDir(s.PacksDir); err == nil {
		for _, e := range entries {
			if n := e.Name(); n != packID && n != ID && n[0] != '.' && n[0] != '_' {
				try = append(try, n)
			}
		}
	}
	for _, name := range try {
		dir := filepath.Join(s.PacksDir, name)
		raw, err := os.ReadFile(filepath.Join(dir, "pack.toml"))
		if errors.Is(err, fs.ErrNotExist) {
			if _, serr := os.Stat(dir); serr == nil && kb.Slug(name) == packID {
				return nil, fmt.Errorf("%w: pack %s has no pack.toml", ErrNotCopyable, packID)
			}
			continue
		}
		if err != nil {
			continue
		}
		var head struct {
			ID string `toml:"id"`
		}
		if _, err := toml.Decode(string(raw), &head); err == nil && head.ID == packID {
			return os.DirFS(dir), nil
		}
	}
	return nil, fmt.Errorf("find pack %s: %w", packID, fs.ErrNotExist)
}

// read is the content of an item's source file and its hash.
func (s Sources) read(it *kb.Item) ([]byte, string, error) {
	fsys, err := s.packFS(it.Pack)
	if err != nil {
		return nil, "", err
	}
	b, err := fs.ReadFile(fsys, it.Source.File)
	if err != nil {
		return nil, "", fmt.Errorf("read %s of pack %s: %w", it.Source.File, it.Pack, err)
	}
	return b, hash(b), nil
}

func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// brokenOriginalLinks are the problems of the links of file rel that name
// a file of the original's pack (kb.OriginalLink) that pack does not have.
func (s Sources) brokenOriginalLinks(links []kb.OriginalLink, rel string) []kb.Problem {
	var ps []kb.Problem
	for _, ol := range links {
		if ol.File != rel {
			continue
		}
		fsys, err := s.packFS(ol.Pack)
		if err == nil {
			if _, err = fs.Stat(fsys, ol.Path); err == nil {
				continue
			}
		}
		ps = append(ps, kb.Problem{File: rel, Line: ol.Line, Group: kb.GroupMissingNote, Message: "broken link: \"" + ol.Href + "\" is a file neither of My pack nor of " + ol.Pack + ", the pack of the item this one replaces; fix the path (it is relative to this file) or remove the link"})
	}
	return ps
}
