package packs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/semver/v3"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// Trust says how a candidate's signer stands with the key trusted for it.
type Trust string

// Trust states, from the person's point of view.
const (
	TrustUnsigned Trust = "unsigned" // no signature
	TrustNew      Trust = "new"      // signed; no key is trusted for this pack yet
	TrustKnown    Trust = "trusted"  // signed by the key trusted for this pack
	TrustChanged  Trust = "changed"  // signed by a different key than the trusted one
)

// Candidate is a pack fetched, checked and waiting in staging: what a
// preview shows before anything is installed. Discard it when not
// installed.
type Candidate struct {
	Source    Source
	Manifest  kb.Manifest
	Items     int
	Counts    map[kb.Kind]int
	Problems  []kb.Problem // lint problems; the pack still installs
	Signature *Signature   // nil when unsigned
	Trust     Trust
	// Trusted is the key trusted for this pack, when there is one.
	Trusted *Signer
	// Installed is the version installed now, "" when none.
	Installed string
	// Downgrade: Manifest.Version is older than Installed.
	Downgrade bool
	// Changes is what installing does to the pack's items.
	Changes Changes
	// Skipped and Files: for a folder of notes, the files left out and why,
	// and how many notes came in.
	Skipped []Skipped
	Files   int

	f    *fetched
	pack *kb.Pack
	// acceptedUnsigned: an update of a pack the person installed unsigned.
	acceptedUnsigned bool
}

// Discard removes the candidate's staging folder.
func (c *Candidate) Discard() error {
	if c == nil || c.f == nil {
		return nil
	}
	return os.RemoveAll(c.f.scratch)
}

// Fetch brings src into staging, checks it and describes it. Nothing
// installed changes. A refused source leaves nothing behind.
func (s *Store) Fetch(ctx context.Context, src Source) (*Candidate, error) {
	f, err := s.fetch(ctx, src)
	if err != nil {
		return nil, err
	}
	c, err := s.describe(src, f)
	if err != nil {
		os.RemoveAll(f.scratch)
		return nil, err
	}
	return c, nil
}

func (s *Store) describe(src Source, f *fetched) (*Candidate, error) {
	if src.Notes {
		if err := f.writeNotesManifest(src, "1.0.0"); err != nil {
			return nil, err
		}
	}
	if !exists(filepath.Join(f.dir, "pack.toml")) {
		return nil, hostile("it has no pack.toml; a pack to install needs a manifest with its id, name and version (make one of a folder of notes with poise pack import)")
	}
	p, err := kb.LoadFS(os.DirFS(f.dir), kb.LoadOptions{ID: "pack"})
	if errors.Is(err, kb.ErrReservedID) {
		return nil, hostile("its pack.toml gives an id or name that reads as the built-in pack's")
	}
	var pe *kb.ProblemsError
	if err != nil && !errors.As(err, &pe) {
		return nil, err
	}
	m := p.Manifest
	switch {
	case !validID(m.ID):
		return nil, hostile("its pack.toml has no valid id (%q)", m.ID)
	case m.ID == kb.BuiltinID:
		return nil, hostile("its pack.toml names the built-in pack's id %q", m.ID)
	case m.ID == mine.ID:
		// Installing over My pack would replace the person's own writing.
		return nil, hostile("its pack.toml names %q, the id of your own pack", m.ID)
	case f.contents != nil && f.contents.Pack != m.ID:
		return nil, hostile("its content list names pack %q but pack.toml names %q", f.contents.Pack, m.ID)
	case f.sig != nil && f.sig.Pack != m.ID:
		return nil, hostile("it is signed for pack %q but pack.toml names %q", f.sig.Pack, m.ID)
	case f.sig != nil && f.sig.Version != m.Version:
		return nil, hostile("it is signed for version %s but pack.toml says %s", f.sig.Version, m.Version)
	}
	if err := checkManifestText(m); err != nil {
		return nil, err
	}
	if _, err := semver.StrictNewVersion(m.Version); err != nil {
		return nil, hostile("its version %q is not a semantic version", m.Version)
	}
	c := &Candidate{Source: src, Manifest: m, Items: len(p.Items), Counts: countKinds(p), Signature: f.sig, f: f, pack: p,
		Skipped: f.skipped, Files: f.notes}
	if pe != nil {
		c.Problems = pe.Problems
	}
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	r := st.Packs[m.ID]
	var old *kb.Pack
	if exists(s.home(st, m.ID)) {
		old, _ = kb.LoadDir(s.home(st, m.ID))
	}
	if old != nil {
		c.Installed = old.Manifest.Version
		c.Downgrade = olderThan(m.Version, c.Installed)
	}
	if src.Notes && exists(s.home(st, m.ID)) && !sameNotesSource(r, src) {
		return nil, fmt.Errorf("%w: %s is installed from %s, not from %s", ErrIDTaken, m.ID, installedFrom(r), src)
	}
	if r != nil {
		c.Trusted = r.Trusted
	}
	switch {
	case f.sig == nil:
		c.Trust = TrustUnsigned
	case c.Trusted == nil:
		c.Trust = TrustNew
	case c.Trusted.PublicKey == f.sig.Signer.PublicKey:
		c.Trust = TrustKnown
	default:
		c.Trust = TrustChanged
	}
	c.Changes = diffItems(old, p)
	if src.Notes {
		return c, c.versionNotes(old)
	}
	return c, nil
}

// InstallOptions are the person's answers to what a preview asked.
type InstallOptions struct {
	// TrustSigner trusts the candidate's key for this pack on first use.
	TrustSigner bool
	// Retrust accepts a key different from the trusted one, or an unsigned
	// copy of a pack that was signed.
	Retrust bool
	// AllowUnsigned installs a pack that has no signature.
	AllowUnsigned bool
	// Force installs an older version, or the same version again.
	Force bool
}

// Install swaps the candidate in for the installed version of its pack,
// keeping that version for Rollback. It refuses, with a sentinel error,
// what the options do not allow. The candidate is used up either way.
func (s *Store) Install(c *Candidate, opts InstallOptions) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer c.Discard()
	if err := s.allowed(c, opts); err != nil {
		return err
	}
	st, err := s.readState()
	if err != nil {
		return err
	}
	id := c.Manifest.ID
	r := st.Packs[id]
	home := s.home(st, id)
	now := s.Now().UTC()
	nr := &record{Version: c.Manifest.Version, Source: &c.Source, Updated: now, Unsigned: c.Signature == nil}
	if c.Signature != nil {
		signer := c.Signature.Signer
		nr.Signer, nr.Trusted = &signer, &signer
	}
	t := &txn{Scratch: c.f.scratch}
	if exists(home) {
		old := filepath.Join(c.f.scratch, "old")
		t.Moves = append(t.Moves, move{From: home, To: old})
		t.After = append(t.After, move{From: old, To: s.previous(id)})
		nr.Previous = &prior{Version: c.Installed}
		if r != nil {
			nr.Previous.Signer, nr.Previous.Updated = r.Signer, r.Updated
			nr.Disabled = r.Disabled
		}
	}
	t.Moves = append(t.Moves, move{From: c.f.dir, To: home})
	st.Packs[id] = nr
	c.f = nil // the transaction owns the staging folder now
	return s.run(t, st)
}

// allowed checks the candidate against what the person agreed to.
func (s *Store) allowed(c *Candidate, opts InstallOptions) error {
	m := c.Manifest
	if m.MinPoise != "" && poiseTooOld(s.PoiseVersion, m.MinPoise) {
		return fmt.Errorf("%w: %s %s needs Poise %s or newer (this is %s)", ErrTooNew, m.Name, m.Version, m.MinPoise, s.PoiseVersion)
	}
	switch c.Trust {
	case TrustUnsigned:
		if c.Trusted != nil && !opts.Retrust {
			return fmt.Errorf("%w: %s was signed by key %s before, but this copy is unsigned", ErrKeyChanged, m.ID, c.Trusted.KeyID)
		}
		if !opts.AllowUnsigned && !c.acceptedUnsigned {
			return fmt.Errorf("%w: %s %s has no signature", ErrUnsigned, m.ID, m.Version)
		}
	case TrustNew:
		if !opts.TrustSigner {
			return fmt.Errorf("%w: %s is signed by key %s", ErrUntrusted, m.ID, c.Signature.Signer.KeyID)
		}
	case TrustChanged:
		if !opts.Retrust {
			return fmt.Errorf("%w: %s was signed by key %s, this copy by key %s", ErrKeyChanged, m.ID, c.Trusted.KeyID, c.Signature.Signer.KeyID)
		}
	}
	if c.Installed != "" && !opts.Force {
		if c.Downgrade {
			return fmt.Errorf("%w: %s %s is installed and this is %s", ErrDowngrade, m.ID, c.Installed, m.Version)
		}
		if !olderThan(c.Installed, m.Version) {
			return fmt.Errorf("%w: %s %s", ErrSameVersion, m.ID, m.Version)
		}
	}
	return nil
}

// poiseTooOld reports whether the running Poise is older than a pack's
// min_poise. A dev or pre-release build of a version (0.1.0-dev) counts as
// that version: it is the release under development, and must read the
// packs written for it, though semver orders 0.1.0-dev before 0.1.0. A
// version that is not semantic (or none) reads every pack.
func poiseTooOld(running, min string) bool {
	v, err := semver.NewVersion(running)
	if err != nil {
		return false
	}
	if v.Prerelease() != "" {
		release := semver.New(v.Major(), v.Minor(), v.Patch(), "", "")
		running = release.String()
	}
	return olderThan(running, min)
}

// olderThan reports whether version a is older than b; a version that is
// not semantic (a dev build of Poise) is never older.
func olderThan(a, b string) bool {
	va, err := semver.NewVersion(a)
	if err != nil {
		return false
	}
	vb, err := semver.NewVersion(b)
	if err != nil {
		return false
	}
	return va.LessThan(vb)
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(id)-1) {
			return false
		}
	}
	return true
}

// sameNotesSource is whether the installed record r came from importing
// the notes at src, so importing them again is an update of it.
func sameNotesSource(r *record, src Source) bool {
	return r != nil && r.Source != nil && r.Source.Notes && r.Source.Location == src.Location
}

// installedFrom names where an installed pack came from, for an error.
func installedFrom(r *record) string {
	if r == nil || r.Source == nil {
		return "a folder copied in by hand"
	}
	return r.Source.String()
}

// checkManifestText refuses a manifest whose words would be shown as
// something else: control characters (an escape sequence rewrites a
// terminal) and the marks that reorder text (a right-to-left override in a
// name shows version 1.0.0 as 0.0.1 on the Packs screen). The preview, the
// trust question and every list show these fields.
func checkManifestText(m kb.Manifest) error {
	fields := []struct {
		what   string
		values []string
	}{
		{"name holds", []string{m.Name}}, {"authors hold", m.Authors}, {"description holds", []string{strings.NewReplacer("\n", " ", "\t", " ").Replace(m.Description)}},
		{"licence holds", []string{m.License}}, {"homepage holds", []string{m.Homepage}}, {"reviewed_by holds", []string{m.ReviewedBy}},
	}
	for _, f := range fields {
		for _, v := range f.values {
			if i := strings.IndexFunc(v, misleadingRune); i >= 0 {
				r, _ := utf8.DecodeRuneInString(v[i:])
				return hostile("pack.toml: its %s %U, a character that hides or reorders text; remove it", f.what, r)
			}
		}
	}
	return nil
}

// misleadingRune: control characters (line breaks included: each field is
// one line) and Unicode's bidirectional controls.
func misleadingRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
