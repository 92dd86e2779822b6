package font

import (
	"crypto/sha256"
	"io"
	"sync"
	"weak"
)

// sharedFonts holds every Font ParseTTF made while something still uses it,
// by the SHA-256 of its file (poise patch 2): Fyne parses its bundled emoji
// font once per text style (regular, bold, italic, monospace), each parse
// copying the font's 4.2 MB of CFF and SVG tables, though a Font is
// read-only and safe to share. A Face is per call, as before: only its
// Font, which nothing changes after NewFont, is shared.
var sharedFonts struct {
	sync.Mutex
	byFile map[[sha256.Size]byte]weak.Pointer[Font]
}

// fileSum is the SHA-256 of all of file's bytes; false if it cannot be
// read (ParseTTF then parses it as upstream does and reports the error).
func fileSum(file Resource) ([sha256.Size]byte, bool) {
	var sum [sha256.Size]byte
	size, err := file.Seek(0, io.SeekEnd)
	if err != nil {
		return sum, false
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(file, 0, size)); err != nil {
		return sum, false
	}
	copy(sum[:], h.Sum(nil))
	return sum, true
}

// sharedFont is the Font parsed from the file of this sum, if one still
// lives.
func sharedFont(sum [sha256.Size]byte) *Font {
	sharedFonts.Lock()
	defer sharedFonts.Unlock()
	return sharedFonts.byFile[sum].Value()
}

// shareFont keeps ft as the Font of the file of this sum, forgetting the
// fonts nothing uses any more.
func shareFont(sum [sha256.Size]byte, ft *Font) {
	sharedFonts.Lock()
	defer sharedFonts.Unlock()
	if sharedFonts.byFile == nil {
		sharedFonts.byFile = map[[sha256.Size]byte]weak.Pointer[Font]{}
	}
	for k, p := range sharedFonts.byFile {
		if p.Value() == nil {
			delete(sharedFonts.byFile, k)
		}
	}
	sharedFonts.byFile[sum] = weak.Make(ft)
}
