package packs

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/transport/client"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
)

// go-git takes no http client per clone, only one per scheme for the whole
// process; Poise's is installed once and reads each clone's byte budget
// from the request's context, so a repository that would never end cannot
// fill the disk or the time of an install.

var errGitTooBig = errors.New("git download over its size limit")

type budgetKey struct{}

// budget is what one clone may still download, shared by its requests.
type budget struct {
	mu    sync.Mutex
	limit int64
	left  int64
}

func withBudget(ctx context.Context, limit int64) context.Context {
	return context.WithValue(ctx, budgetKey{}, &budget{limit: limit, left: limit})
}

func budgetOf(ctx context.Context) int64 {
	if b, ok := ctx.Value(budgetKey{}).(*budget); ok {
		return b.limit
	}
	return 0
}

// spent reports whether ctx's clone went over its budget: go-git does not
// always keep the error that stopped it.
func spent(ctx context.Context) bool {
	b, ok := ctx.Value(budgetKey{}).(*budget)
	if !ok {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.left < 0
}

func (b *budget) take(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.left -= int64(n)
	return b.left >= 0
}

var installOnce sync.Once

func installGitTransport() {
	installOnce.Do(func() {
		client.InstallProtocol("https", githttp.NewClient(&http.Client{Transport: budgetTransport{http.DefaultTransport}}))
	})
}

// budgetTransport counts response bytes against the request's budget.
type budgetTransport struct{ next http.RoundTripper }

func (t budgetTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if b, ok := req.Context().Value(budgetKey{}).(*budget); ok {
		if resp.ContentLength > 0 && !b.take(int(min(resp.ContentLength, b.limit+1))) {
			resp.Body.Close()
			return nil, errGitTooBig
		}
		resp.Body = &budgetReader{ReadCloser: resp.Body, b: b}
	}
	return resp, nil
}

type budgetReader struct {
	io.ReadCloser
	b *budget
}

func (r *budgetReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	if !r.b.take(n) {
		return n, errGitTooBig
	}
	return n, err
}
