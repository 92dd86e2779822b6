package packs

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

func TestInstallOverHTTPS(t *testing.T) {
	key := newKey(t)
	file := packFile(t, "acme", "1.0.0", key, nil)
	var slow, huge bool
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case slow:
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
			return
		case r.URL.Path == "/redirect"+Ext:
			http.Redirect(w, r, "http://"+r.Host+"/packs/acme"+Ext, http.StatusFound)
			return
		case huge:
			w.Write([]byte(strings.Repeat("x", 3<<20)))
			return
		case strings.HasSuffix(r.URL.Path, Ext):
			http.ServeFile(w, r, file)
		case strings.HasSuffix(r.URL.Path, Ext+SigExt):
			http.ServeFile(w, r, file+SigExt)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	if !strings.HasPrefix(srv.Listener.Addr().String(), "127.0.0.1:") {
		t.Fatalf("test server is not on loopback: %s", srv.Listener.Addr())
	}
	s := openStore(t)
	s.HTTPClient = srv.Client()
	s.Limits = Limits{MaxDownload: 1 << 20}
	addr := srv.URL + "/packs/acme" + Ext

	c, err := install(t, s, addr, InstallOptions{TrustSigner: true})
	if err != nil {
		t.Fatalf("install over https: %v", err)
	}
	if c.Source.Kind != SourceHTTPS || c.Signature == nil {
		t.Errorf("source %+v signature %v", c.Source, c.Signature)
	}
	s.Remove("acme")

	if _, err := install(t, s, srv.URL+"/redirect"+Ext, InstallOptions{TrustSigner: true}); !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), "not https") {
		t.Fatalf("redirect to http = %v, want refusal", err)
	}
	huge = true
	before := tree(t, s.Dir())
	if _, err := install(t, s, addr, InstallOptions{TrustSigner: true}); !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Fatalf("oversized download = %v, want refusal", err)
	}
	huge, slow = false, true
	s.Limits.Timeout = 300 * time.Millisecond
	start := time.Now()
	if _, err := install(t, s, addr, InstallOptions{TrustSigner: true}); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "took longer than 300ms") {
		t.Fatalf("slow download = %v, want a timeout", err)
	}
	if time.Since(start) > 4*time.Second { // the server would answer after 5 s

		t.Errorf("timeout took %s", time.Since(start))
	}
	if after := tree(t, s.Dir()); after != before {
		t.Errorf("left behind:\n%s", after)
	}
	if _, err := ParseSource("http://example.com/acme"+Ext, ""); err == nil {
		t.Error("plain http was accepted")
	}
}

// gitRepo makes a repository holding the pack folder dir, committed on
// master and tagged v1, and returns its .git folder (a bare layout).
func gitRepo(t *testing.T, dir string) (*git.Repository, string) {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	commitAll(t, repo, "first")
	return repo, filepath.Join(dir, ".git")
}

func commitAll(t *testing.T, repo *git.Repository, msg string) {
	t.Helper()
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Dana", Email: "dana@example.com", When: time.Now()}
	if _, err := wt.Commit(msg, &git.CommitOptions{Author: sig, AllowEmptyCommits: true}); err != nil {
		t.Fatal(err)
	}
}

func TestInstallFromGit(t *testing.T) {
	key := newKey(t)
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", nil)
	if err := SignFolder(dir, key.Private, ""); err != nil {
		t.Fatal(err)
	}
	repo, bare := gitRepo(t, dir)
	head, _ := repo.Head()
	if _, err := repo.CreateTag("v1", head.Hash(), nil); err != nil {
		t.Fatal(err)
	}
	// Move on after the tag: version 2 on the branch.
	writePack(t, dir, "acme", "2.0.0", nil)
	if err := SignFolder(dir, key.Private, ""); err != nil {
		t.Fatal(err)
	}
	commitAll(t, repo, "second")

	s := openStore(t)
	src, err := ParseSource(bare, "v1")
	if err != nil || src.Kind != SourceGit {
		t.Fatalf("ParseSource(bare repo) = %+v, %v", src, err)
	}
	c, err := s.Fetch(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Manifest.Version != "1.0.0" || c.Signature == nil {
		t.Fatalf("tag v1 gave %s signed %v", c.Manifest.Version, c.Signature)
	}
	if err := s.Install(c, InstallOptions{TrustSigner: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), "acme", ".git")); err == nil {
		t.Error("the repository's .git was installed")
	}

	src.Ref = "master"
	c, err = s.Fetch(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Manifest.Version != "2.0.0" || c.Trust != TrustKnown {
		t.Fatalf("branch gave %s trust %s", c.Manifest.Version, c.Trust)
	}
	if err := s.Install(c, InstallOptions{}); err != nil {
		t.Fatal(err)
	}
	src.Ref = "no-such-branch"
	if _, err := s.Fetch(context.Background(), src); err == nil || !strings.Contains(err.Error(), "no branch or tag") {
		t.Fatalf("unknown ref = %v", err)
	}
}

func TestGitSymlinkIsRefused(t *testing.T) {
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", nil)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "guides", "passwd.md")); err != nil {
		t.Skip(err)
	}
	_, bare := gitRepo(t, dir)
	s := openStore(t)
	if _, err := install(t, s, bare, InstallOptions{AllowUnsigned: true}); !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("install = %v, want the link refused", err)
	}
}
