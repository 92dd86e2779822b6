// Package numtext writes counts the way the person's locale groups digits:
// "55,802" in English, "55.802" in German, "55 802" in French, so a count
// of tens of thousands reads at a glance.
package numtext

import (
	"os"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/poisehq/poise/internal/clocale"
)

// Count is n with its digits grouped for the locale of this session.
func Count(n int) string { return printer()(n) }

var printer = sync.OnceValue(func() func(int) string {
	p := message.NewPrinter(Locale(os.Getenv))
	return func(n int) string { return p.Sprintf("%d", n) }
})

// CountIn is n with its digits grouped as tag's locale groups them.
func CountIn(tag language.Tag, n int) string {
	return message.NewPrinter(tag).Sprintf("%d", n)
}

// Locale is the locale that formats numbers, by POSIX precedence (LC_ALL,
// LC_NUMERIC, LANG): "de_DE.UTF-8" is German as written in Germany.
// Without one, or with the C locale, it is English, the language Poise
// speaks: "C" groups no digits, which is what made counts hard to read.
func Locale(getenv func(string) string) language.Tag {
	for _, k := range []string{"LC_ALL", "LC_NUMERIC", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		if clocale.IsC(v) {
			break
		}
		if tag, err := language.Parse(strings.ReplaceAll(v, "_", "-")); err == nil {
			return tag
		}
		break
	}
	return language.English
}
