package textsearch

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// DefaultOpenTimeout is how long to wait for an index another process has
// open (the desktop app, when the CLI searches) before doing without it.
const DefaultOpenTimeout = 300 * time.Millisecond

// buildPrefix marks directories being built; they are never opened and are
// removed by the next writer that finds them.
const buildPrefix = ".build-"

// errStale means an index on disk exists but is not the one wanted.
var errStale = errors.New("index on disk is stale or foreign")

// OpenStored opens the index for c at path if one was built there for
// c.Hash and is intact; otherwise the error wraps errStale, the file
// system's error, or one IsLocked recognises. readOnly opens it without
// taking its write lock; timeout bounds the wait for another process
// holding that lock.
func OpenStored(path string, c *Corpus, readOnly bool, timeout time.Duration) (_ *Index, err error) {
	if err := knownDamaged(path); err != nil {
		return nil, err
	}
	defer func() {
		if errors.Is(err, ErrDamaged) {
			damagedPaths.Store(path, true)
		}
	}()
	defer noticeDamage(&err)
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	cfg := map[string]interface{}{"bolt_timeout": timeout.String()}
	if readOnly {
		cfg["read_only"] = true
	}
	bi, err := bleve.OpenUsing(path, cfg)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			bi.Close()
		}
	}()
	got, err := bi.GetInternal(hashKey)
	if err != nil || string(got) != c.Hash {
		return nil, fmt.Errorf("open index %s: %w", path, errStale)
	}
	im, isImpl := bi.Mapping().(*mapping.IndexMappingImpl)
	if !isImpl {
		return nil, fmt.Errorf("open index %s: %w", path, errStale)
	}
	syn, err := synonymsFor(im, c.Synonyms)
	if err != nil {
		return nil, err
	}
	n, err := bi.DocCount()
	if err != nil || n != uint64(c.Len+len(syn.definitions())) {
		return nil, fmt.Errorf("open index %s: %w", path, errStale)
	}
	e, err := newEngine(bi, im, syn)
	if err != nil {
		return nil, err
	}
	e.values = storedValues(path)
	ok = true
	return e, nil
}

// BuildStored builds the index for c in dir, under the name c.Hash, and
// returns it open with its path. It is built in a fresh directory beside
// its final place and renamed there only once complete, so a crash leaves
// either the old index or a build directory that is never opened.
func BuildStored(ctx context.Context, dir string, c *Corpus, progress func(done, total int), timeout time.Duration) (*Index, string, error) {
	return buildStored(ctx, dir, c.Hash, c, BuildHooks{Progress: progress}, timeout, offlineBatch)
}

// BuildHooks are what a build tells its caller as it goes.
type BuildHooks struct {
	// Progress, if set, is called with the documents indexed so far and
	// the total.
	Progress func(done, total int)
	// Unmerged, if set, is called once with an index that answers as the
	// built one will, open read-only on the build's segments once all
	// are written and before they are merged into the index returned (a
	// build of a library of some 50,000 documents merges for about a
	// second, on one core). The caller closes it, once the build has
	// returned or whenever it likes: it reads files the build removes
	// (only unlinked, on Linux and macOS, while it has them open). It is
	// called on the build's goroutine, which waits for it. A build that
	// writes no segments (an empty corpus) does not call it.
	Unmerged func(*Index)
	// LastSegment, if set, is called once on a goroutine of its own when
	// a segment writer finds no segment left to write, so one core would
	// idle while the other writes the last (or, at the latest, once all
	// are written): for work the caller wants done by the time Unmerged
	// is called, such as what the index handed then answers with.
	LastSegment func()
}

// BuildStoredAs is BuildStored under another name than c.Hash: for an
// index kept under its hash that is open and updated in place, whose
// name may be wanted while it still answers.
func BuildStoredAs(ctx context.Context, dir, name string, c *Corpus, hooks BuildHooks, timeout time.Duration) (*Index, string, error) {
	if !isHash(name) {
		return nil, "", fmt.Errorf("build index: %q is not an index name", name)
	}
	return buildStored(ctx, dir, name, c, hooks, timeout, offlineBatch)
}

// NewName is a fresh name for BuildStoredAs.
func NewName() string { return randomSuffix() + randomSuffix() + randomSuffix()[:8] }

func buildStored(ctx context.Context, dir, name string, c *Corpus, hooks BuildHooks, timeout time.Duration, size int) (*Index, string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", fmt.Errorf("create index directory: %w", err)
	}
	tmp := filepath.Join(dir, buildPrefix+c.Hash[:min(8, len(c.Hash))]+"-"+randomSuffix())
	im, err := newMapping()
	if err != nil {
		return nil, "", err
	}
	if c.Len > 0 {
		_, err = buildOffline(ctx, tmp, im, c, hooks, size)
	} else {
		// The offline builder needs a document to make a segment of.
		err = buildLive(ctx, tmp, im, c, hooks.Progress, size)
		if err == nil {
			err = writeValues(filepath.Join(tmp, valuesName), c.Hash, c.internal())
		}
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, "", err
	}
	final := filepath.Join(dir, name)
	if err := os.RemoveAll(final); err != nil {
		os.RemoveAll(tmp)
		return nil, "", fmt.Errorf("replace index: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		os.RemoveAll(tmp)
		return nil, "", fmt.Errorf("swap in new index: %w", err)
	}
	damagedPaths.Delete(final)
	syncDir(dir)
	e, err := OpenStored(final, c, false, timeout)
	if err != nil {
		return nil, "", err
	}
	return e, final, nil
}

// buildLive builds c at path as a live index, batch by batch.
func buildLive(ctx context.Context, path string, im *mapping.IndexMappingImpl, c *Corpus, progress func(done, total int), size int) error {
	bi, err := bleve.NewUsing(path, im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, err)
	}
	_, err = fillIndex(ctx, bi, im, c, progress, size)
	if cerr := bi.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close new index: %w", cerr)
	}
	return err
}

// RemoveOthers deletes every index in dir but keep: older content, older
// mappings and abandoned builds. Failures are ignored; the next start
// tries again.
func RemoveOthers(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if p == keep || !e.IsDir() {
			continue
		}
		if isHash(e.Name()) || strings.HasPrefix(e.Name(), buildPrefix) {
			os.RemoveAll(p)
		}
	}
}

// RemoveAbandoned deletes the builds in dir (see buildPrefix) left
// untouched for longer than after: builds a killed process left half way.
// A build writes its folder's files as it goes and takes minutes at most,
// so one untouched for an hour is not running. Failures are ignored.
func RemoveAbandoned(dir string, after time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), buildPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > after {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// isHash reports whether name looks like an index directory of ours, so
// nothing else a person put in the directory is ever deleted.
func isHash(name string) bool {
	if len(name) != 32 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// syncDir makes a rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// IsLocked reports whether opening failed because another process holds
// the index: then it must not be treated as corrupt and deleted.
func IsLocked(err error) bool {
	return errors.Is(err, bolterrors.ErrTimeout)
}
