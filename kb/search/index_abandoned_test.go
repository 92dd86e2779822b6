package search_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/poisehq/poise/kb/search"
)

// A build killed half way (the app or "poise search" killed, the machine
// off) leaves its .build- folder, tens of MB for a large library. It was
// deleted only by the next whole build: while the kept index stayed
// current, or was updated in place, every such folder stayed for good.
// Opening the kept index to write, under the data lock, deletes those
// not touched for an hour (none can still be building); opened read-only,
// nothing is deleted.
func TestAbandonedBuildsAreDeleted(t *testing.T) {
	_, dir, state := parcelIndex(t)
	old := filepath.Join(dir, ".build-0123abcd-0123456789ab")
	fresh := filepath.Join(dir, ".build-0123abcd-ba9876543210")
	for _, d := range []string{old, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "segments"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	hoursAgo := time.Now().Add(-3 * time.Hour)
	if err := os.Chtimes(old, hoursAgo, hoursAgo); err != nil {
		t.Fatal(err)
	}

	ix, err := search.OpenCurrent(dir, state, search.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := os.Stat(old); err != nil {
		t.Fatalf("opened read-only, an abandoned build was deleted: %v", err)
	}

	ix, err = search.OpenCurrent(dir, state, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an abandoned build is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a build that may still run was deleted: %v", err)
	}
}
