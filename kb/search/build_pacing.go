package search

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// buildGCPercent is the least GOGC an index build runs at.
//
// The app keeps a tighter GOGC to stay small while the agent types (25
// while searching, 10 once searches pause: app/item_bodies.go), and a
// build allocates over a gigabyte of short-lived garbage for the issue 10
// vault while holding 100-330 MB live. Measured on that vault
// (BenchmarkOpenVaultApp, a 2-core machine at load 8-13, so CPU figures
// are rough):
//
//	app's GOGC   build at    collections  CPU-s       peak held
//	10           10          70           19.3        345 MB
//	10           100         7            10.9        584 MB
//	50           50          13.5         12.3-13.2   482-496 MB
//	50           100         6.5          11.1-12.6   570-648 MB
//	50           200         2.5          9.1         944 MB
//
// At 10 the collector runs seventy times and doubles the build's CPU; 50
// takes most of that back. 100 saved little more CPU (within the noise)
// for a peak 80-150 MB higher, and the app building its first index on the
// vault already peaked at 815 MB RSS with 100, so a build is raised to 50
// and no further. A soft memory limit instead (GOGC off, limit 620 MB: 4.5
// collections, 10.3 CPU-s, 620 MB) did no better than 100 at the same
// peak, and would collect without end for a library whose live heap
// outgrew it. After the build the app gives the memory back
// (FreeOSMemory) and its own GOGC is back; the CLI builds at Go's
// default, above this, so nothing changes there.
//
// Measured again once the index build alone allocated 1.2 GB
// (BenchmarkOpenVault; loading and building, 1.9 GB rather than 2.2): a
// first build by "poise search" in a copy of the vault's data folder, GOGC
// and GOMEMLIMIT set for the whole process, load 8-10, CPU ±20%:
//
//	setting                collections  CPU-s       peak RSS  page faults
//	GOGC 50                68-69        17.2-19.8   564-574   119-128 k
//	GOGC 100               32-34        14.9-19.7   647-718   148-164 k
//	GOGC 200               15-16        15.4-19.1   873-923   210-222 k
//	GOGC 400               8-9          19.7-20.7   1175-1342
//	GOGC off, limit 600Mi  6-7          17.8-19.7   701       (sys 3.8-4.6 s)
//	GOGC 100, limit 450Mi  35-36        14.4-18.8   537-544   122-123 k
//
// Fewer collections did not make a cheaper build: what the collector
// saves, fresh memory costs back (page faults, and clearing it: system
// time went from 2.2-2.9 s at 50 to 2.9-3.6 at 200 and 3.8-4.6 with a
// limit alone), and the differences in CPU stayed within the noise. Each
// collection marks the library, 250 of the 260-290 MB live during a
// build, so a limit near that heap (GOGC 100 with 450 MiB) collects as
// often as 50 does once the library is loaded, for the same peak. 50
// stays: the lowest peak at no measurable cost. A build costs less
// collector time only by holding less live, or allocating less.
//
// Since the build's heap is faulted in 2 MB pages (internal/hugeheap),
// fresh memory costs little, and the app's first build, loading included,
// runs at Go's default like "poise search" (app.uncapMemory): 1.7 CPU-s
// less a build on the issue 10 vault, for a peak 50 MB higher. This
// floor still holds for the app's later, smaller builds.
const buildGCPercent = 50

// pacing counts the builds running, so that the GOGC before the first is
// what the last puts back.
var pacing struct {
	mu      sync.Mutex
	builds  int
	percent int // the GOGC before the first build; -1 when left alone
}

// paceBuild raises GOGC to buildGCPercent for a build, unless a person
// set GOGC themselves (it wins, as the app's own settings let it) or it
// is higher already or off. The returned function, to call when the build
// ends, puts the GOGC back unless someone changed it meanwhile.
func paceBuild() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	pacing.mu.Lock()
	defer pacing.mu.Unlock()
	pacing.builds++
	if pacing.builds == 1 {
		pacing.percent = -1
		if cur := currentGCPercent(); cur >= 0 && cur < buildGCPercent {
			pacing.percent = cur
			debug.SetGCPercent(buildGCPercent)
		}
	}
	return sync.OnceFunc(func() {
		pacing.mu.Lock()
		defer pacing.mu.Unlock()
		if pacing.builds--; pacing.builds > 0 || pacing.percent < 0 {
			return
		}
		if prev := debug.SetGCPercent(pacing.percent); prev != buildGCPercent {
			debug.SetGCPercent(prev) // set by someone else during the build: theirs stands
		}
	})
}

// currentGCPercent is GOGC as set now, -1 when the collector is off.
func currentGCPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return -1
	}
	v := s[0].Value.Uint64()
	if v > 1<<30 { // off reads as -1 made unsigned
		return -1
	}
	return int(v)
}
