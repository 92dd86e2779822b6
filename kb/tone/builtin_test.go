package tone_test

import (
	"io/fs"

	"github.com/poisehq/poise/content"
)

func builtin() fs.FS { return content.FS }
