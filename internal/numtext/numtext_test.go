package numtext

import (
	"testing"

	"golang.org/x/text/language"
)

func TestCountIn(t *testing.T) {
	for _, tt := range []struct {
		name string
		tag  language.Tag
		n    int
		want string
	}{
		{"English items", language.English, 55802, "55,802"},
		{"English small", language.English, 999, "999"},
		{"English zero", language.English, 0, "0"},
		{"English millions", language.English, 1234567, "1,234,567"},
		{"English negative", language.English, -6280, "-6,280"},
		{"British", language.BritishEnglish, 6280, "6,280"},
		{"German", language.German, 55802, "55.802"},
		{"French", language.French, 55802, "55\u00a0802"}, // a space that never breaks the number,
		{"Swiss German", language.MustParse("de-CH"), 55802, "55’802"},
		{"Hindi groups by two", language.MustParse("en-IN"), 1234567, "12,34,567"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := CountIn(tt.tag, tt.n); got != tt.want {
				t.Errorf("CountIn(%v, %d) = %q, want %q", tt.tag, tt.n, got, tt.want)
			}
		})
	}
}

func TestLocale(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		want language.Tag
	}{
		{"nothing set", nil, language.English},
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, language.MustParse("de-DE")},
		{"LC_NUMERIC over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_NUMERIC": "fr_FR.UTF-8"}, language.MustParse("fr-FR")},
		{"LC_ALL over all", map[string]string{"LC_ALL": "de_CH.UTF-8", "LC_NUMERIC": "fr_FR", "LANG": "en_US"}, language.MustParse("de-CH")},
		{"C is English", map[string]string{"LANG": "C.UTF-8"}, language.English},
		{"POSIX is English", map[string]string{"LC_ALL": "POSIX", "LANG": "de_DE"}, language.English},
		{"modifier", map[string]string{"LANG": "ca_ES.UTF-8@valencia"}, language.MustParse("ca-ES")},
		{"junk is English", map[string]string{"LANG": "!!"}, language.English},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Locale(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("Locale(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}
