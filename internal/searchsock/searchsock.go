// Package searchsock lets "poise search" ask the running app instead of
// opening the index itself: the app holds the index (and its lock), so a
// second process could otherwise only build a throwaway copy. The app
// listens on a Unix socket in the data folder, which only its owner can
// enter; each connection carries one JSON query and one JSON answer.
package searchsock

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/kb/search"
)

// FileName is the socket's name in the data folder.
const FileName = "search.sock"

// maxRequest bounds what one client may send, so a stray writer cannot make
// the app grow without bound.
const maxRequest = 64 << 10

// ioTimeout bounds each connection, so a client that stops reading or
// writing does not hold a goroutine of the app.
const ioTimeout = 2 * time.Second

// Searcher answers queries; *search.Index is one.
type Searcher interface {
	Search(ctx context.Context, q search.Query) (*search.Results, error)
}

type response struct {
	Results *search.Results `json:"results,omitempty"`
	Error   string          `json:"error,omitempty"`
}

// Server is a listening socket.
type Server struct {
	ln   net.Listener
	path string
}

// Listen serves s at path until Close. A socket left by an app that did
// not exit cleanly is replaced, and so is a plain file or a link under the
// socket's name (a backup restores a socket as an empty file): the data
// folder's lock, held by the caller, means no other app is using it, and
// without the socket "poise search" waits minutes for that lock. A folder
// in the way is left alone.
func Listen(path string, s Searcher) (*Server, error) {
	if fi, err := os.Lstat(path); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("listen on %s: a folder is in the way; remove it", path)
		}
		os.Remove(path)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	srv := &Server{ln: ln, path: path}
	go srv.serve(s)
	return srv, nil
}

func (srv *Server) serve(s Searcher) {
	for {
		c, err := srv.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go handle(c, s)
	}
}

func handle(c net.Conn, s Searcher) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(ioTimeout))
	var q search.Query
	var resp response
	if err := json.NewDecoder(io.LimitReader(c, maxRequest)).Decode(&q); err != nil {
		resp.Error = "bad request: " + err.Error()
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		res, err := s.Search(ctx, q)
		cancel()
		if err != nil {
			resp.Error = err.Error()
		}
		resp.Results = res
	}
	w := bufio.NewWriter(c)
	json.NewEncoder(w).Encode(resp)
	w.Flush()
}

// Close stops listening and removes the socket.
func (srv *Server) Close() error {
	err := srv.ln.Close()
	os.Remove(srv.path)
	return err
}

// ErrNoApp means no app answered at the socket: none is running, or it
// has not started listening yet.
var ErrNoApp = errors.New("no running app answers searches")

// Ask sends q to the app listening at path and returns its answer. It
// gives up after timeout; a missing socket is ErrNoApp at once.
func Ask(ctx context.Context, path string, q search.Query, timeout time.Duration) (*search.Results, error) {
	// No socket, no app: said by one stat, before the network poller is
	// started for a dial (a few milliseconds of every "poise search"
	// with the app closed).
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w (%v)", ErrNoApp, err)
	}
	d := net.Dialer{Timeout: timeout}
	c, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoApp, err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(timeout))
	if err := json.NewEncoder(c).Encode(q); err != nil {
		return nil, fmt.Errorf("ask the running app: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(c, maxAnswer+1))
	if err != nil {
		return nil, fmt.Errorf("ask the running app: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = search.DefaultLimit
	}
	limit = min(limit, search.MaxLimit)
	if len(raw) > maxAnswer || jsonObjects(raw) > maxAnswerObjects(limit) {
		return nil, fmt.Errorf("ask the running app: its answer is larger than %d results can be", limit)
	}
	var resp response
	if err := json.Unmarshal(raw, &resp); err != nil {
		return nil, fmt.Errorf("ask the running app: %w", err)
	}
	if resp.Error != "" {
		return nil, fmt.Errorf("the running app could not search: %s", resp.Error)
	}
	if resp.Results == nil {
		return nil, fmt.Errorf("ask the running app: empty answer")
	}
	if len(resp.Results.Hits) > limit {
		resp.Results.Hits = resp.Results.Hits[:limit]
	}
	return resp.Results, nil
}

// maxAnswer bounds the bytes of an answer Ask reads.
const maxAnswer = 64 << 20

// maxAnswerObjects bounds the JSON objects an answer of limit hits may
// hold (each hit, the hits folded under it, their highlights): whatever
// is at the socket, a few bytes of "{}," must not become a Hit of 176
// bytes each, a million times over, nor be printed past the limit.
func maxAnswerObjects(limit int) int { return 1024 + limit*8192 }

// jsonObjects counts the objects in the JSON text b: its '{' outside
// strings.
func jsonObjects(b []byte) int {
	n, inString, escaped := 0, false, false
	for _, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == '{':
			n++
		}
	}
	return n
}

// Path is the socket's path in the data folder dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }
