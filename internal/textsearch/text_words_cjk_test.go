package textsearch

import (
	"slices"
	"testing"
	"unicode"
)

func TestEachWordSplitsCJKIntoPairs(t *testing.T) {
	for text, want := range map[string][]string{
		"同步冲突":              {"同步", "步冲", "冲突"},
		"同":                 {"同"},
		"Sync 同步 conflict":  {"Sync", "同步", "conflict"},
		"abc同步def":          {"abc", "同步", "def"},
		"同期の設定":             {"同期", "期の", "の設", "設定"},
		"동기화 설정":            {"동기", "기화", "설정"},
		"सिंक सेटिंग्स":     {"सिंक", "सेटिंग्स"},
		"paramètres, can't": {"paramètres", "can't"},
		"a同b":               {"a", "同", "b"},
	} {
		var got []string
		eachWord(text, func(s, e int) bool {
			got = append(got, text[s:e])
			return true
		})
		if !slices.Equal(got, want) {
			t.Errorf("eachWord(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestRuneSetsMatchUnicode: the BMP sets isWordRune, isSimpleLetter and
// isCJK test agree with Unicode's tables for every character, and past the BMP too.
func TestRuneSetsMatchUnicode(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isWordRune(r) != isWordRuneSlow(r) {
			t.Errorf("isWordRune(%U) = %v", r, isWordRune(r))
		}
		if isSimpleLetter(r) != isSimpleLetterSlow(r) {
			t.Errorf("isSimpleLetter(%U) = %v", r, isSimpleLetter(r))
		}
		if isCJK(r) != isCJKSlow(r) {
			t.Errorf("isCJK(%U) = %v", r, isCJK(r))
		}
	}
}
