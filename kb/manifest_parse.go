package kb

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

var (
	slugRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
)

type manifestFile struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Version     string   `toml:"version"`
	Description string   `toml:"description"`
	Authors     []string `toml:"authors"`
	Reviewed    any      `toml:"reviewed"`
	ReviewedBy  string   `toml:"reviewed_by"`
	Language    string   `toml:"language"`
	Locale      string   `toml:"locale"`
}

// parseManifest reads pack.toml, reporting every problem with it. The
// manifest it returns holds whatever could be read.
func parseManifest(src []byte, ps *problems) Manifest {
	const file = "pack.toml"
	var mf manifestFile
	md, err := toml.Decode(string(src), &mf)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			ps.add(file, pe.Position.Line, "pack.toml is not valid TOML (%s); fix the syntax, e.g. quote text values: name = \"Acme support\"", pe.Message)
			return Manifest{}
		}
		ps.add(file, 0, "pack.toml could not be read (%v); check each value has the type shown in docs/pack-format.md", err)
		return Manifest{}
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		ps.add(file, keyLine(src, k[0]), "unknown key %q in pack.toml; the keys are id, name, version, description, authors, reviewed, reviewed_by, language and locale", key)
	}
	m := Manifest{
		ID: mf.ID, Name: strings.TrimSpace(mf.Name), Version: mf.Version,
		Description: mf.Description, Authors: mf.Authors, ReviewedBy: mf.ReviewedBy,
	}
	switch {
	case mf.ID == "":
		ps.add(file, 1, `pack.toml has no id; add one such as id = "acme-support" (lower case letters, digits and hyphens)`)
	case !slugRE.MatchString(mf.ID):
		ps.add(file, keyLine(src, "id"), "pack id %q is not valid; use lower case letters, digits and hyphens, such as %q", mf.ID, slugify(mf.ID))
	}
	if m.Name == "" {
		ps.add(file, 1, `pack.toml has no name; add the name agents will see, such as name = "Acme support playbook"`)
	}
	switch {
	case mf.Version == "":
		ps.add(file, 1, `pack.toml has no version; add a semantic version such as version = "1.0.0"`)
	case !semverRE.MatchString(mf.Version):
		ps.add(file, keyLine(src, "version"), "version %q is not a semantic version; write three numbers such as \"1.2.0\"", mf.Version)
	}
	if lang, ok := parseLanguage(mf.Language); ok {
		m.Language = lang
	} else {
		ps.add(file, keyLine(src, "language"), "language %q is not a language code; write one such as language = \"de\" or \"pt-BR\"", mf.Language)
	}
	if loc, msg := parseLocale(mf.Locale, m.Language); msg == "" {
		m.Locale = loc
	} else {
		ps.add(file, keyLine(src, "locale"), "%s", msg)
	}
	switch r := mf.Reviewed.(type) {
	case nil:
	case time.Time:
		m.Reviewed = r
	case string:
		t, err := time.Parse("2006-01-02", r)
		if err != nil {
			ps.add(file, keyLine(src, "reviewed"), "reviewed %q is not a date; write it as reviewed = 2026-11-20", r)
		}
		m.Reviewed = t
	default:
		ps.add(file, keyLine(src, "reviewed"), "reviewed is not a date; write it as reviewed = 2026-11-20")
	}
	return m
}

// keyLine finds the line where key is set, for problems TOML cannot place.
func keyLine(src []byte, key string) int {
	for i, line := range strings.Split(string(src), "\n") {
		l := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(l, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 1
}
