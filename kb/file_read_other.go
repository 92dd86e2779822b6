//go:build !linux

package kb

import "io/fs"

// readFolderFile reads nothing here: readLimitedInto reads through fsys.
func readFolderFile(fs.FS, string, int, []byte) ([]byte, bool, error) {
	return nil, false, nil
}

// readWalkedFile reads nothing here: readLimitedInto reads through fsys.
func readWalkedFile(fs.FS, string, int, []byte) ([]byte, bool, error) {
	return nil, false, nil
}
