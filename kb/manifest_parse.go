package kb

import (
	"errors"
	"net/url"
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
	ReviewEvery any      `toml:"review_every"`
	ReviewedBy  string   `toml:"reviewed_by"`
	License     string   `toml:"license"`
	Homepage    string   `toml:"homepage"`
	MinPoise    string   `toml:"min_poise"`
	Overrides   []string `toml:"overrides"`
	Language    string   `toml:"language"`
	Locale      string   `toml:"locale"`
	Layout      string   `toml:"layout"`
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
		ps.add(file, keyLine(src, k[0]), "unknown key %q in pack.toml; the keys are id, name, version, description, authors, reviewed, review_every, reviewed_by, language, locale, license, homepage, min_poise, overrides and layout", key)
	}
	switch mf.Layout {
	case "", LayoutPack, LayoutNotes:
	default:
		ps.add(file, keyLine(src, "layout"), "layout %q is not known; write layout = %q for a folder of notes, or leave it out", mf.Layout, LayoutNotes)
		mf.Layout = ""
	}
	m := Manifest{
		Layout: mf.Layout,
		ID:     mf.ID, Name: strings.TrimSpace(mf.Name), Version: mf.Version,
		Description: mf.Description, Authors: mf.Authors, ReviewedBy: mf.ReviewedBy,
		License: strings.TrimSpace(mf.License), Homepage: strings.TrimSpace(mf.Homepage), MinPoise: mf.MinPoise,
	}
	if m.Homepage != "" && !webAddress(m.Homepage) {
		ps.add(file, keyLine(src, "homepage"), "homepage %q is not a web address; write one starting with https://", m.Homepage)
		m.Homepage = ""
	}
	if mf.MinPoise != "" && !semverRE.MatchString(mf.MinPoise) {
		ps.add(file, keyLine(src, "min_poise"), "min_poise %q is not a semantic version; write the oldest Poise version that reads this pack, such as \"0.2.0\"", mf.MinPoise)
		m.MinPoise = ""
	}
	for _, o := range mf.Overrides {
		if !validOverride(o) {
			ps.add(file, keyLine(src, "overrides"), "overrides entry %q is not an item id; write one such as \"builtin/matrix/late-delivery\"", o)
			continue
		}
		m.Overrides = append(m.Overrides, o)
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
		t, err := parseReviewDate(r)
		if err != nil {
			ps.addTo(GroupReview, file, keyLine(src, "reviewed"), "reviewed %q is not a date; write it as reviewed = 2026-11-20", r)
		}
		m.Reviewed = t
	default:
		ps.addTo(GroupReview, file, keyLine(src, "reviewed"), "reviewed is not a date; write it as reviewed = 2026-11-20")
	}
	switch r := mf.ReviewEvery.(type) {
	case nil:
	case string:
		p, err := ParsePeriod(r)
		if err != nil {
			ps.addTo(GroupReview, file, keyLine(src, "review_every"), "review_every %v", err)
		}
		m.ReviewEvery = p
	default:
		ps.addTo(GroupReview, file, keyLine(src, "review_every"), "review_every must be text such as review_every = \"6 months\"")
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

// webAddress reports whether s is an http or https address, the only kind
// Poise opens.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// validOverride reports whether s is an item id another pack may replace:
// PACK/FOLDER/.../SLUG of slugs, without a #fragment (a whole item is
// replaced with its sections or options).
func validOverride(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !validSlug(p) {
			return false
		}
	}
	return true
}
