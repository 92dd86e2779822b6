package packs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
)

// fetched is a source unpacked and checked in a staging folder.
type fetched struct {
	scratch  string     // the staging folder, removed when done
	dir      string     // scratch/pack: the pack's files
	contents *Contents  // nil for a folder or repository without one
	sig      *Signature // nil when unsigned
	// skipped and notes: what a note import left out (most first), and
	// how many notes it kept.
	skipped []Skipped
	notes   int
	// hadManifest: a note import's source holds a pack.toml, so it is a
	// pack (the import kept only its markdown).
	hadManifest bool
}

// fetch brings src into a new staging folder and checks it: the archive's
// or folder's content hashes and its signature, if any.
func (s *Store) fetch(ctx context.Context, src Source) (_ *fetched, err error) {
	scratch, err := os.MkdirTemp(s.meta("staging"), "fetch-")
	if err != nil {
		return nil, fmt.Errorf("make staging folder: %w", err)
	}
	f := &fetched{scratch: scratch, dir: filepath.Join(scratch, "pack")}
	defer func() {
		if err != nil {
			os.RemoveAll(scratch)
		}
	}()
	if err := os.Mkdir(f.dir, 0o700); err != nil {
		return nil, err
	}
	lim := s.Limits.withDefaults()
	if src.Notes {
		lim = notesLimits(s.Limits).withDefaults()
	}
	switch src.Kind {
	case SourceFile:
		data, err := readLimited(src.Location, lim.MaxDownload)
		if err != nil {
			return nil, err
		}
		sig, err := readSignature(src.Location + SigExt)
		if err != nil {
			return nil, err
		}
		return f, f.unpack(data, sig, lim)
	case SourceHTTPS:
		data, sig, err := s.download(ctx, src.Location, lim)
		if err != nil {
			return nil, err
		}
		return f, f.unpack(data, sig, lim)
	case SourceFolder:
		root, err := os.OpenRoot(f.dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		tw := newTreeWriter(lim, rootWriter(root))
		tw.notes = src.Notes
		if err := copyFolder(src.Location, tw, false); err != nil {
			return nil, err
		}
		f.skipped, f.notes, f.hadManifest = tw.skippedMostFirst(), len(tw.sums), tw.hadManifest
		return f, f.checkTree(root, tw.sums)
	case SourceGit:
		root, err := os.OpenRoot(f.dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		tw := newTreeWriter(lim, rootWriter(root))
		tw.notes = src.Notes
		if err := cloneInto(ctx, src, tw, lim, scratch); err != nil {
			return nil, err
		}
		f.skipped, f.notes, f.hadManifest = tw.skippedMostFirst(), len(tw.sums), tw.hadManifest
		return f, f.checkTree(root, tw.sums)
	}
	return nil, fmt.Errorf("unknown pack source kind %q", src.Kind)
}

// unpack checks an archive's signature (over the whole file) and unpacks it.
func (f *fetched) unpack(data, sig []byte, lim Limits) error {
	if sig != nil {
		v, err := Verify(data, sig, "")
		if err != nil {
			return err
		}
		f.sig = &v
	}
	c, err := unpackArchive(bytes.NewReader(data), int64(len(data)), f.dir, lim)
	if err != nil {
		return err
	}
	f.contents = &c
	return nil
}

// checkTree checks a folder's or repository's contents.json, when it has
// one, and its signature over contents.json.
func (f *fetched) checkTree(root *os.Root, sums map[string]string) error {
	cb, err := root.ReadFile(contentsName)
	if errors.Is(err, fs.ErrNotExist) {
		if _, ok := sums[contentsName+SigExt]; ok {
			return fmt.Errorf("%w: %s is signed but has no %s", ErrTampered, contentsName+SigExt, contentsName)
		}
		return nil
	}
	if err != nil {
		return err
	}
	c, err := parseContents(cb)
	if err != nil {
		return err
	}
	if sig, err := root.ReadFile(contentsName + SigExt); err == nil {
		v, err := Verify(cb, sig, "")
		if err != nil {
			return err
		}
		f.sig = &v
	}
	if err := c.check(sums); err != nil {
		return err
	}
	f.contents = &c
	return nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read pack: %w", err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read pack: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, hostile("the file is larger than %s", size(limit))
	}
	return data, nil
}

// readSignature reads the .minisig beside a pack; nil when there is none.
func readSignature(path string) ([]byte, error) {
	b, err := readLimited(path, 64<<10)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// download fetches a .poisepack and its .minisig over https within the
// size limit and timeout.
func (s *Store) download(ctx context.Context, addr string, lim Limits) (data, sig []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	data, err = s.get(ctx, addr, lim.MaxDownload)
	if err != nil {
		return nil, nil, tooSlow(ctx, err, lim)
	}
	sig, err = s.get(ctx, addr+SigExt, 64<<10)
	if errors.Is(err, errNotFound) {
		return data, nil, nil
	}
	return data, sig, tooSlow(ctx, err, lim)
}

// tooSlow says plainly that a download ran out of time, rather than Go's
// "context deadline exceeded"; err still wraps it.
func tooSlow(ctx context.Context, err error, lim Limits) error {
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: the download took longer than %s, the most a pack may take (%w)", ErrHostile, lim.Timeout, context.DeadlineExceeded)
	}
	return err
}

var errNotFound = errors.New("not found")

func (s *Store) get(ctx context.Context, addr string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", addr, err)
	}
	client := &http.Client{}
	if s.HTTPClient != nil {
		*client = *s.HTTPClient
	}
	// A redirect must not leave https: a plain-http hop could be tampered
	// with on the way (the signature still protects a signed pack).
	client.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if r.URL.Scheme != "https" {
			return fmt.Errorf("%w: the download was redirected to %s, which is not https", ErrHostile, r.URL.Redacted())
		}
		if len(via) >= 5 {
			return fmt.Errorf("download %s: too many redirects", addr)
		}
		return nil
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", addr, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("download %s: %w", addr, errNotFound)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("download %s: the server answered %s", addr, resp.Status)
	case resp.ContentLength > limit:
		return nil, hostile("the download is larger than %s", size(limit))
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", addr, err)
	}
	if int64(len(data)) > limit {
		return nil, hostile("the download is larger than %s", size(limit))
	}
	return data, nil
}
