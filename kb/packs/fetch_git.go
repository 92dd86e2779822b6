package packs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// cloneInto passes the files of src's branch or tag through tw. An https
// repository is cloned (one commit deep) into the folder scratch, on disk
// rather than in memory, downloading at most lim.MaxGitDownload; a
// repository on disk is read in place. Neither runs a git program or
// checks out anything: the tree is read object by object, so links and
// submodules are refused before a byte is written.
func cloneInto(ctx context.Context, src Source, tw *treeWriter, lim Limits, scratch string) error {
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	repo, err := openRepo(withBudget(ctx, lim.MaxGitDownload), src, scratch)
	if err != nil {
		return err
	}
	hash, err := resolveRef(repo, src.Ref)
	if err != nil {
		return err
	}
	commit, err := repo.CommitObject(hash)
	if err != nil {
		return fmt.Errorf("read Git commit %s: %w", hash, err)
	}
	tree, err := commit.Tree()
	if err != nil {
		return fmt.Errorf("read Git tree: %w", err)
	}
	walker := object.NewTreeWalker(tree, true, nil)
	defer walker.Close()
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("read Git repository: %w", err)
		}
		name, entry, err := walker.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read Git tree: %w", err)
		}
		if skipped(name) {
			tw.skipHidden(name)
			continue
		}
		if entry.Mode != filemode.Dir && tw.skip(name, entry.Mode.IsFile(), entry.Mode == filemode.Symlink) {
			continue // a note import reads no blob it does not keep
		}
		switch entry.Mode {
		case filemode.Dir:
			if err := checkName(name); err != nil {
				return err
			}
			continue
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
		case filemode.Symlink:
			return hostile("%q is a symbolic link; packs hold plain files only", name)
		case filemode.Submodule:
			return hostile("%q is a Git submodule; packs hold plain files only", name)
		default:
			return hostile("%q is not a plain file", name)
		}
		if err := checkName(name); err != nil {
			return err
		}
		blob, err := repo.BlobObject(entry.Hash)
		if err != nil {
			return fmt.Errorf("read %s from Git: %w", name, err)
		}
		if blob.Size > lim.MaxUnpacked-tw.total {
			return hostile("it unpacks to more than %s", size(lim.MaxUnpacked))
		}
		r, err := blob.Reader()
		if err != nil {
			return fmt.Errorf("read %s from Git: %w", name, err)
		}
		err = tw.write(name, 0o644, r, 0)
		r.Close()
		if err != nil {
			return err
		}
	}
}

func openRepo(ctx context.Context, src Source, scratch string) (*git.Repository, error) {
	if !strings.Contains(src.Location, "://") {
		repo, err := git.PlainOpen(src.Location)
		if err != nil {
			return nil, fmt.Errorf("open Git repository %s: %w", src.Location, err)
		}
		return repo, nil
	}
	if !strings.HasPrefix(src.Location, "https://") {
		return nil, fmt.Errorf("git address %q is not https; packs are only fetched over https", src.Location)
	}
	opts := &git.CloneOptions{URL: src.Location, Depth: 1, SingleBranch: true, Tags: git.NoTags}
	try := []plumbing.ReferenceName{""}
	if src.Ref != "" {
		try = []plumbing.ReferenceName{plumbing.NewBranchReferenceName(src.Ref), plumbing.NewTagReferenceName(src.Ref)}
	}
	var err error
	installGitTransport()
	for i, ref := range try {
		opts.ReferenceName = ref
		dir := filepath.Join(scratch, fmt.Sprintf("git-%d", i))
		store := filesystem.NewStorage(osfs.New(dir, osfs.WithBoundOS()), cache.NewObjectLRU(8*cache.MiByte))
		var repo *git.Repository
		repo, err = git.CloneContext(ctx, store, nil, opts)
		if err == nil {
			return repo, nil
		}
		if errors.Is(err, errGitTooBig) || spent(ctx) {
			return nil, hostile("the Git repository is larger than %s", size(budgetOf(ctx)))
		}
		os.RemoveAll(dir)
	}
	return nil, fmt.Errorf("fetch Git repository %s: %w", src, err)
}

// resolveRef finds the commit of a branch or tag, or of HEAD when ref is "".
func resolveRef(repo *git.Repository, ref string) (plumbing.Hash, error) {
	if ref == "" {
		head, err := repo.Head()
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("read Git HEAD: %w", err)
		}
		return head.Hash(), nil
	}
	for _, name := range []plumbing.ReferenceName{plumbing.NewBranchReferenceName(ref), plumbing.NewTagReferenceName(ref)} {
		r, err := repo.Reference(name, true)
		if err != nil {
			continue
		}
		if tag, err := repo.TagObject(r.Hash()); err == nil { // annotated tag
			c, err := tag.Commit()
			if err != nil {
				return plumbing.ZeroHash, fmt.Errorf("read Git tag %s: %w", ref, err)
			}
			return c.Hash, nil
		}
		return r.Hash(), nil
	}
	return plumbing.ZeroHash, fmt.Errorf("the Git repository has no branch or tag %q", ref)
}

// size says n bytes in MB, or in KB below one MB.
func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}
