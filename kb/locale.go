package kb

import (
	"fmt"
	"os"
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

// SystemLanguage is the base code of the language the person using this
// machine reads ("fr" for LANG=fr_FR.UTF-8), from the environment by the
// precedence gettext gives it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); ""
// when it names none, or names the C locale, which means untranslated.
// Search prefers hits in it among translations of one page.
func SystemLanguage() string {
	if first, _, _ := strings.Cut(os.Getenv("LANGUAGE"), ":"); first != "" {
		if lang := LocaleLanguage(first); lang != "" {
			return lang
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return LocaleLanguage(v)
		}
	}
	return ""
}

// LocaleLanguage is the base code of the language of a locale name such as
// "pt_BR.UTF-8@euro" or "pt-BR": "pt"; "" for C, POSIX or what is not a
// locale.
func LocaleLanguage(loc string) string {
	loc, _, _ = strings.Cut(loc, ".")
	loc, _, _ = strings.Cut(loc, "@")
	if loc == "C" || loc == "POSIX" {
		return ""
	}
	lang, ok := parseLanguage(strings.ReplaceAll(loc, "_", "-"))
	if !ok {
		return ""
	}
	return lang
}
