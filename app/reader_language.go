package app

import (
	"sync"

	"fyne.io/fyne/v2/lang"

	"github.com/poisehq/poise/kb"
)

// readerLanguage is the language the agent reads, which search prefers
// among translations of one page: the environment's, as the CLI sees it,
// else the system's as Fyne reads it (macOS and Windows, where an app
// started from the desktop has no LANG).
var readerLanguage = sync.OnceValue(func() string {
	if l := kb.SystemLanguage(); l != "" {
		return l
	}
	return kb.LocaleLanguage(lang.SystemLocale().LanguageString())
})
