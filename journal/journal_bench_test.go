package journal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// seedEntries writes n realistic entries straight to disk, in parallel,
// without fsync: the benchmarks measure reading and saving, not set-up.
func seedEntries(b *testing.B, j *Journal, n int) {
	b.Helper()
	text := strings.Repeat("The customer was upset about a late parcel and asked twice for a manager. ", 12)
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				e := fullEntry()
				e.ID = fmt.Sprintf("seed%05d", i)
				e.WhatHappened = text
				e.Created, e.Updated = fixedNow, fixedNow
				plain, err := encodeRecord(fileRecord{Format: formatEntry, Entry: &e})
				if err != nil {
					b.Error(err)
					return
				}
				data, err := j.keys.Seal(plain)
				if err != nil {
					b.Error(err)
					return
				}
				if err := os.WriteFile(filepath.Join(j.Dir(), entriesDir, randomName()), data, 0o600); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// BenchmarkUnlockLoad5000 is unlocking a journal of 5,000 entries, minus the
// one scrypt derivation (which age sets to about a second on purpose).
// Target: under 1 s.
// The file-key cache is in place, as after any earlier lock or unlock.
func BenchmarkUnlockLoad5000(b *testing.B) {
	benchmarkLoad(b, true)
}

// BenchmarkUnlockLoad5000NoCache is the first unlock after the file-key
// cache was lost (a crash before it was written): one X25519 per entry.
func BenchmarkUnlockLoad5000NoCache(b *testing.B) {
	benchmarkLoad(b, false)
}

func benchmarkLoad(b *testing.B, cached bool) {
	j, _ := newTestJournal(b)
	seedEntries(b, j, 5000)
	keys := j.keys
	j.Lock()
	if err := j.load(keys); err != nil { // writes the cache
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		j.Lock()
		if !cached {
			os.Remove(filepath.Join(j.Dir(), fileKeysFile))
		}
		if err := j.load(keys); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// CPU time says what the wall time would be on an idle machine, which
	// a shared 2-core build box rarely is.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	if es, _ := j.Entries(); len(es) != 5000 {
		b.Fatalf("loaded %d entries", len(es))
	}
}

// BenchmarkSaveEntry is saving one new entry, fsyncs included, into a
// journal that already holds 1,000. Target: under 50 ms.
func BenchmarkSaveEntry(b *testing.B) {
	j, _ := newTestJournal(b)
	seedEntries(b, j, 1000)
	if err := j.load(j.keys); err != nil {
		b.Fatal(err)
	}
	e := fullEntry()
	e.WhatHappened = strings.Repeat("a long account of the call ", 100)
	for b.Loop() {
		if _, err := j.Save(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditEntry is saving over an existing entry, which first keeps
// the previous version.
func BenchmarkEditEntry(b *testing.B) {
	j, _ := newTestJournal(b)
	e, err := j.Save(fullEntry())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := j.Save(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch5000 is one as-you-type search over 5,000 entries with
// the index built.
func BenchmarkSearch5000(b *testing.B) {
	j, _ := newTestJournal(b)
	seedEntries(b, j, 5000)
	if err := j.load(j.keys); err != nil {
		b.Fatal(err)
	}
	if err := j.WarmSearch(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := j.SearchHits(context.Background(), "manager parc", 20); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchBuild5000 is building the in-memory index after unlock,
// which the app does in the background.
func BenchmarkSearchBuild5000(b *testing.B) {
	j, _ := newTestJournal(b)
	seedEntries(b, j, 5000)
	if err := j.load(j.keys); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		j.mu.Lock()
		j.index = nil
		j.mu.Unlock()
		if err := j.WarmSearch(); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
