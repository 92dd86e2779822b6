package kb

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// detectLanguageRunes is DetectLanguage as it was before it read ASCII
// byte by byte: rune by rune, looking every rune up.
func detectLanguageRunes(text string) string {
	if len(text) > detectSample {
		text = text[:detectSample]
	}
	var counts [scriptCount]int
	latinOrCyrillic := 0
	scripts := bmpScripts()
	for _, r := range text {
		s := scriptNone
		if r < rune(len(scripts)) {
			s = script(scripts[r])
		} else {
			s = scriptOf(r)
		}
		if s != scriptNone {
			counts[s] += scriptWeight(s)
			if s == scriptLatin || s == scriptCyrillic {
				latinOrCyrillic++
			}
		}
	}
	best, total := scriptNone, 0
	for s, n := range counts {
		total += n
		if n > counts[best] {
			best = script(s)
		}
	}
	if total == 0 {
		return ""
	}
	switch best {
	case scriptHan, scriptKana:
		// Japanese mixes kanji with kana; Chinese has no kana.
		if counts[scriptKana]*10 >= counts[scriptHan] {
			return "ja"
		}
		return "zh"
	case scriptLatin, scriptCyrillic:
		return commonWordsLanguageRunes(text, best)
	case scriptArabic:
		// Persian writes four letters Arabic has not (پ چ ژ گ), and its
		// own kaf and yeh (ک ی).
		if n := countRunes(text, "پچژگکی"); n >= 3 && n*50 >= counts[scriptArabic] {
			return "fa"
		}
	}
	return scriptLanguage[best]
}

func commonWordsLanguageRunes(text string, s script) string {
	words := wordLanguage[s]
	hits := map[string]float64{}
	// Word by word into one buffer, lower-cased: no allocation per word.
	var buf []byte
	count := func() {
		if len(buf) > maxCommonWord {
			buf = buf[:0]
			return
		}
		langs := words[string(buf)]
		for _, lang := range langs {
			hits[lang] += 1 / float64(len(langs))
		}
		buf = buf[:0]
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else if len(buf) > 0 {
			count()
		}
	}
	if len(buf) > 0 {
		count()
	}
	best, second := "", 0.0
	for lang, n := range hits {
		switch {
		case best == "" || n > hits[best] || n == hits[best] && lang < best:
			if best != "" {
				second = max(second, hits[best])
			}
			best = lang
		default:
			second = max(second, n)
		}
	}
	if best == "" || hits[best] < minCommonWords || hits[best] < second*commonWordsLead {
		return ""
	}
	return best
}

// FuzzDetectLanguage checks that reading ASCII byte by byte detects what
// reading rune by rune did, whatever the text (invalid UTF-8 too).
func FuzzDetectLanguage(f *testing.F) {
	for _, s := range []string{
		"When the parcel is late, say that you can check it for them.", "Vous pouvez choisir les dossiers pour la synchronisation.",
		"Die Synchronisierung ist nicht aktiv, wenn sie auf dem Gerät ist.", "Вы можете выбрать папки для синхронизации, и если файл",
		"同步冲突发生时，系统会保留两个版本的文件", "同期の競合が起きたときは、両方のファイル", "عند حدوث تعارض في المزامنة",
		// Words several languages share, ties among them, and a lead by one.
		"og er det ikke med på til du kan som", "og er det med av at", "de en la que el los las de het een",
		"el la que es una del per amb", "du kan som har den fra og er det ikke med og",
		"Sync", "1234 — 5678", "THE AND IS YOU", "a\xffb the and \xc3 is", "Ærø the ǅ and İ is", "the\u0301 and is the",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := DetectLanguage(s), detectLanguageRunes(s); got != want {
			t.Fatalf("DetectLanguage(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
