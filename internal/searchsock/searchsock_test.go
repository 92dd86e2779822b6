package searchsock_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

func TestAskTheRunningApp(t *testing.T) {
	lib := kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "p"}, Items: []kb.Item{
		{ID: "p/a", Pack: "p", Kind: kb.KindGuide, Title: "Late delivery", Body: "The parcel is late."},
	}})
	ix, err := search.OpenMemory(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	dir := t.TempDir()
	path := searchsock.Path(dir)
	if _, err := searchsock.Ask(context.Background(), path, search.Query{Text: "late"}, time.Second); !errors.Is(err, searchsock.ErrNoApp) {
		t.Fatalf("with no app: %v, want ErrNoApp", err)
	}
	srv, err := searchsock.Listen(path, ix)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v, want only its owner", fi.Mode().Perm())
	}
	res, err := searchsock.Ask(context.Background(), path, search.Query{Text: "late"}, time.Second)
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "p/a" {
		t.Fatalf("ask = %+v, %v", res, err)
	}

	// Garbage gets an error back, and the server keeps serving.
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("{not json\n"))
	buf := make([]byte, 200)
	n, _ := c.Read(buf)
	c.Close()
	if !strings.Contains(string(buf[:n]), "bad request") {
		t.Errorf("garbage got %q", buf[:n])
	}
	if _, err := searchsock.Ask(context.Background(), path, search.Query{Text: "parcel"}, time.Second); err != nil {
		t.Errorf("after garbage: %v", err)
	}
	srv.Close()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("Close left the socket behind")
	}

	// A socket left by a crash is replaced, and so is a plain file under
	// its name (a backup restored it as one): refusing left the app
	// without a socket and "poise search" waiting minutes for the data
	// folder the app holds. A folder is not removed.
	stale := filepath.Join(dir, "other.sock")
	os.WriteFile(stale, []byte("x"), 0o600)
	srv, err = searchsock.Listen(stale, ix)
	if err != nil {
		t.Fatalf("a plain file in the way: %v", err)
	}
	if _, err := searchsock.Ask(context.Background(), stale, search.Query{Text: "late"}, time.Second); err != nil {
		t.Errorf("over a plain file: %v", err)
	}
	srv.Close()
	folder := filepath.Join(dir, "folder.sock")
	os.Mkdir(folder, 0o700)
	os.WriteFile(filepath.Join(folder, "keep"), []byte("x"), 0o600)
	if _, err := searchsock.Listen(folder, ix); err == nil {
		t.Error("listened over a folder")
	}
	if _, err := os.Stat(filepath.Join(folder, "keep")); err != nil {
		t.Errorf("the folder in the way lost its file: %v", err)
	}
}
