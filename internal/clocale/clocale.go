// Package clocale keeps Fyne quiet under the C locale.
//
// With LANG=C.UTF-8 (common in containers and minimal installs) Fyne reads
// the language "C", fails to parse it and logs an error at start-up, before
// main runs. The C locale means "no translation", which is English, so we
// say so through LANGUAGE. This package imports only the standard library,
// so Go initialises it before Fyne's packages, whose imports sort later;
// app imports it for that side effect, and the smoke test checks it.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	if IsC(effectiveLocale()) {
		os.Setenv("LANGUAGE", "en")
	}
}

// effectiveLocale is the locale for messages, by POSIX precedence.
func effectiveLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// IsC reports whether loc is the C or POSIX locale, with or without a
// codeset such as ".UTF-8".
func IsC(loc string) bool {
	name, _, _ := strings.Cut(loc, ".")
	return name == "C" || name == "POSIX"
}
