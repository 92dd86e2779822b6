package kb

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// parseLocale checks what a pack author wrote for locale ("en-US", "en_gb")
// and returns it in canonical form. A locale names a region, because the
// region is what decides spelling and how dates and times are written; it
// must agree with the pack's language when both are given. msg is the
// problem to report, "" when there is none.
func parseLocale(s, lang string) (loc, msg string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return "", fmt.Sprintf("locale %q is not a locale; write a language and a region such as locale = \"en-US\" or \"en-GB\"", s)
	}
	base, _ := tag.Base()
	region, conf := tag.Region()
	if conf != language.Exact {
		return "", fmt.Sprintf("locale %q names no region; write a language and a region such as locale = \"%s-US\" or \"%s-GB\", because the region decides spelling and how dates are written", s, base, base)
	}
	if lang != "" && base.String() != lang {
		return "", fmt.Sprintf("locale %q is not in the pack's language %q; make the two agree, such as language = %q with locale = \"%s-%s\"", s, lang, base.String(), lang, region)
	}
	return base.String() + "-" + region.String(), ""
}
