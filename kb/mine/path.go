package mine

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanPath checks a file name inside My pack, as the editor and a copy
// name it: a relative, slash-separated path of a markdown file, with no
// part that leaves the folder, hides the file from the loader ("." or "_"
// first) or holds a control character, backslash or colon. It returns the
// path as it will be written.
func CleanPath(rel string) (string, error) {
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("%w: %q %s", ErrBadPath, rel, why)
	}
	switch {
	case rel == "" || !utf8.ValidString(rel):
		return bad("is empty or not UTF-8")
	case len(rel) > 512:
		return bad("is too long")
	case strings.HasPrefix(rel, "/") || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "":
		return bad("is not inside the pack")
	case strings.ContainsAny(rel, `\:`):
		return bad("holds a backslash or colon")
	}
	if strings.ContainsFunc(rel, unicode.IsControl) {
		return bad("holds a control character")
	}
	if path.Clean(rel) != rel {
		return bad("is not a clean path")
	}
	for _, part := range strings.Split(rel, "/") {
		if part == "" || part == "." || part == ".." || part[0] == '.' || part[0] == '_' {
			return bad("has a part that leaves the pack or that Poise ignores")
		}
	}
	if ext := strings.ToLower(path.Ext(rel)); ext != ".md" && ext != ".markdown" {
		return bad("is not a markdown file (.md)")
	}
	return rel, nil
}

// file is the path on disk of rel, after checking that no folder on the
// way is a link leading out of My pack.
func (m *Pack) file(rel string) (string, error) {
	rel, err := CleanPath(rel)
	if err != nil {
		return "", err
	}
	full := filepath.Join(m.dir, filepath.FromSlash(rel))
	root, err := filepath.EvalSymlinks(m.dir)
	if err != nil {
		return "", fmt.Errorf("open my pack: %w", err)
	}
	// The deepest folder on the way that exists must resolve inside.
	for d := filepath.Dir(full); ; d = filepath.Dir(d) {
		real, err := filepath.EvalSymlinks(d)
		if err == nil {
			if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return "", fmt.Errorf("%w: %q leads outside the pack through a link", ErrBadPath, rel)
			}
			break
		}
		if !os.IsNotExist(err) || d == m.dir || len(d) <= len(m.dir) {
			return "", fmt.Errorf("%w: %q: %v", ErrBadPath, rel, err)
		}
	}
	if info, err := os.Lstat(full); err == nil && info.Mode()&os.ModeSymlink != 0 {
		return "", fmt.Errorf("%w: %q is a link", ErrBadPath, rel)
	}
	return full, nil
}
