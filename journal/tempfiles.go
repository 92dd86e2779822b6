package journal

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// isTempName reports whether name is one of atomicfile's temp files
// ("." + name + ".tmp-…"): ciphertext from an interrupted write, never the
// only copy of anything.
func isTempName(name string) bool { return strings.HasPrefix(name, ".") }

// staleTempAge is how old a temp file must be to be removed. Writes hold the
// data lock and finish in well under a second, so an older temp file was
// left by a crash; the margin keeps a write of another journal object on
// the same folder (only ever in tests) from losing its file mid-write.
const staleTempAge = time.Minute

// removeStaleTempFiles deletes the temp files that crashed writes left in
// the journal folder and its record folders, which would otherwise pile up.
// Only atomicfile's ".name.tmp-…" files are touched; failures are left for
// the next unlock.
func (j *Journal) removeStaleTempFiles(now time.Time) {
	for _, sub := range []string{"", entriesDir, historyDir, trashDir, draftsDir, lockedDraftsDir} {
		dir := filepath.Join(j.dir, sub)
		if fi, err := os.Lstat(dir); sub != "" && (err != nil || !fi.IsDir()) {
			continue // a link in a record folder's place is not followed (errLockedDraftsLink)
		}
		des, _ := os.ReadDir(dir)
		for _, de := range des {
			if !de.Type().IsRegular() || !isTempName(de.Name()) || !strings.Contains(de.Name(), ".tmp-") {
				continue
			}
			if fi, err := de.Info(); err == nil && now.Sub(fi.ModTime()) > staleTempAge {
				os.Remove(filepath.Join(dir, de.Name()))
			}
		}
	}
}
