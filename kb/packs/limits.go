package packs

import "time"

// Limits bound what one pack may hold or cost to fetch. The zero value of a
// field means its default.
type Limits struct {
	MaxFiles    int   // files in a pack; default 10,000
	MaxUnpacked int64 // bytes of all files together; default 50 MB
	// MaxRatio is the most an archive may expand: unpacked bytes over
	// compressed bytes, for the whole archive and for each file over 1 MB;
	// default 100.
	MaxRatio int64
	// MaxDownload is the largest .poisepack fetched over https; default 50 MB.
	MaxDownload int64
	// MaxGitDownload is the most a Git fetch over https downloads: the whole
	// commit, pictures included, comes before the files a pack keeps are
	// picked; default 200 MB.
	MaxGitDownload int64
	// Timeout bounds a whole https download or Git fetch; default 2 minutes.
	Timeout time.Duration
}

const (
	defaultMaxFiles    = 10_000
	defaultMaxUnpacked = 50 << 20
	defaultMaxRatio    = 100
	defaultMaxDownload = 50 << 20
	defaultMaxGit      = 200 << 20
	defaultTimeout     = 2 * time.Minute
	// ratioFloor: a small file may compress far better than 100:1 (a run of
	// table dashes) without being a bomb; the archive-wide ratio still holds.
	ratioFloor = 1 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = defaultMaxFiles
	}
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = defaultMaxUnpacked
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = defaultMaxRatio
	}
	if l.MaxDownload <= 0 {
		l.MaxDownload = defaultMaxDownload
	}
	if l.MaxGitDownload <= 0 {
		l.MaxGitDownload = defaultMaxGit
	}
	if l.Timeout <= 0 {
		l.Timeout = defaultTimeout
	}
	return l
}
