package journal

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// errNotRegular and errTooLarge mark a file the journal refuses to read:
// anyone who can write the data folder can put a FIFO, a device or a
// file of any size where the journal expects one of its own.
var (
	errNotRegular = errors.New("not a regular file")
	errTooLarge   = errors.New("larger than the journal ever writes it")
)

// Bounds on the journal's own files, far above what it writes: a record
// of MaxEntryLen bytes, every byte escaped in JSON and padded, is under
// 4 MiB; the key files are under a KiB; the file-key cache holds some 60
// bytes an entry.
const (
	maxRecordFile   = 16 << 20
	maxKeyFile      = 1 << 20
	maxFileKeysFile = 256 << 20
)

// readBounded reads the regular file at path, of at most limit bytes,
// never reading more than that, and refuses a link: for the files that
// are in the clear or kept while locked, which Poise alone makes. It opens
// without blocking (nonblockFlag): a FIFO in the file's place would
// otherwise hang the read, and an unlock with it, until something wrote
// to it; the open file is then checked to be a regular file no larger
// than limit, and read no further than that.
func readBounded(path string, limit int64) ([]byte, error) {
	return readOpen(path, nonblockFlag|noFollowFlag, limit)
}

// readJournalFile is readBounded that follows a link: for the journal's
// older files, which a person may have linked elsewhere (identity.age on
// a removable disk, say).
func readJournalFile(path string, limit int64) ([]byte, error) {
	return readOpen(path, nonblockFlag, limit)
}

func readOpen(path string, flags int, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|flags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w (%v)", errNotRegular, fi.Mode().Type())
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", errTooLarge, fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: it grew past %d bytes while read", errTooLarge, limit)
	}
	return data, nil
}
