package kb

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// parseLanguage turns what a pack author wrote for a language ("de",
// "pt-BR", "zh-Hans") into the lower-case base code Poise keys analysis
// on ("de", "pt", "zh"); ok is false when it is not a language tag.
func parseLanguage(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	tag, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	base, conf := tag.Base()
	if conf == language.No {
		return "", false
	}
	return base.String(), true
}

// detectSample bounds the text detection reads: the first words of a file
// say its language as well as all of them, at a fixed cost per file.
const detectSample = 4096

// detectShortText is the longest text DetectLanguage reads without its
// table of scripts (bmpScripts).
const detectShortText = 256

// DetectLanguage guesses the language of text cheaply, for files whose pack
// and front matter do not say: by script for scripts that name one language
// (kana is Japanese, Hangul Korean, Greek Greek, …), and by counting very
// common words for Latin and Cyrillic text. It returns "" when unsure, and
// callers then use analysis that suits every language.
func DetectLanguage(text string) string {
	if len(text) > detectSample {
		text = text[:detectSample]
	}
	var counts [scriptCount]int
	latinOrCyrillic := 0
	// A short text (a query) looks its letters up one by one: the table
	// costs 65,536 look-ups to make, repaid by the files of a load, not by
	// the few letters of a "poise search" (1.5 ms of it).
	var scripts *[0x10000]uint8
	if len(text) > detectShortText {
		scripts = bmpScripts()
	}
	// ASCII, most of most files, byte by byte: an ASCII letter is Latin,
	// anything else ASCII no script's.
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if l := c | 0x20; 'a' <= l && l <= 'z' {
				counts[scriptLatin]++
				latinOrCyrillic++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		s := scriptNone
		if scripts != nil && r < rune(len(scripts)) {
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
		return commonWordsLanguage(text, best)
	case scriptArabic:
		// Persian writes four letters Arabic has not (پ چ ژ گ), and its
		// own kaf and yeh (ک ی).
		if n := countRunes(text, "پچژگکی"); n >= 3 && n*50 >= counts[scriptArabic] {
			return "fa"
		}
	}
	return scriptLanguage[best]
}

// countRunes counts the runes of text that are in set.
func countRunes(text, set string) int {
	n := 0
	for _, r := range text {
		if strings.ContainsRune(set, r) {
			n++
		}
	}
	return n
}

type script int

// bmpScripts is scriptOf of every rune below U+10000, made at the first
// detection: looking a letter up in Unicode's tables one script after
// another was most of detecting a vault's languages.
var bmpScripts = sync.OnceValue(func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := range t {
		t[r] = uint8(scriptOf(rune(r)))
	}
	return &t
})

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptDevanagari
	scriptBengali
	scriptThai
	scriptHan
	scriptKana
	scriptHangul
	scriptArmenian
	scriptKhmer
	scriptCount
)

// scriptWeight is how many letters of an alphabet one character of s
// stands for: a Chinese character or a Korean syllable says about as much
// as a short word, so a Chinese page with English code in it is still
// Chinese.
func scriptWeight(s script) int {
	switch s {
	case scriptHan, scriptKana, scriptHangul:
		return 3
	case scriptThai, scriptKhmer: // written without spaces, several bytes a letter
		return 2
	}
	return 1
}

// scriptLanguage is the language a script's text is taken to be in.
var scriptLanguage = [scriptCount]string{
	scriptGreek: "el", scriptArabic: "ar", scriptHebrew: "he",
	scriptDevanagari: "hi", scriptBengali: "bn", scriptThai: "th",
	scriptHangul: "ko", scriptArmenian: "hy", scriptKhmer: "km",
}

func scriptOf(r rune) script {
	switch {
	case r < 'A':
		return scriptNone
	case r <= 'z':
		if r >= 'a' || r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Bengali, r):
		return scriptBengali
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return scriptKana
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	case unicode.Is(unicode.Khmer, r):
		return scriptKhmer
	}
	return scriptNone
}

// commonWords are a few of the most frequent words of languages written in
// Latin or Cyrillic letters; a file's language is the one whose words it
// uses most. A word several languages use counts for each of them in
// part; one-letter words ("a", "i") say too little and are left out.
var commonWords = map[script]map[string][]string{
	scriptLatin: {
		"en": {"the", "and", "is", "you", "that", "with", "for", "this", "are", "not", "can", "your", "it", "of", "to", "on", "we", "have", "be", "from", "will", "or", "if", "an"},
		"fr": {"le", "les", "et", "est", "une", "des", "pour", "dans", "vous", "pas", "sur", "avec", "du", "ce", "qui"},
		"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sie", "ein", "eine", "auf", "für", "den", "zu", "sich"},
		"es": {"el", "los", "las", "que", "es", "una", "para", "por", "con", "del", "se", "su", "como", "puede", "más", "de", "en", "la", "lo", "si", "este", "esta", "puedes", "también", "cuando", "pero", "sus"},
		"it": {"il", "di", "che", "è", "per", "una", "non", "della", "sono", "gli", "con", "questo", "nel", "puoi", "anche"},
		"pt": {"o", "os", "que", "não", "uma", "para", "com", "do", "da", "você", "em", "se", "mais", "pode", "ao"},
		"nl": {"de", "het", "een", "van", "en", "is", "niet", "je", "dat", "met", "voor", "op", "zijn", "kun", "wordt"},
		"sv": {"och", "att", "är", "det", "som", "för", "med", "inte", "på", "du", "kan", "av", "har", "till", "den"},
		"da": {"og", "er", "det", "at", "ikke", "med", "af", "på", "til", "du", "kan", "som", "har", "den", "fra", "eller", "også", "efter", "dig", "nu", "meget", "noget", "vælg", "hvad", "skal", "bliver", "bruge", "mellem", "gennem", "nogen", "sådan"},
		"no": {"og", "er", "det", "ikke", "med", "av", "på", "til", "du", "kan", "som", "har", "den", "fra", "eller", "også", "etter", "deg", "nå", "mye", "noe", "velg", "hva", "skal", "ved", "å", "blir", "bruke", "mellom", "gjennom", "noen", "slik"},
		"fi": {"ja", "on", "ei", "se", "että", "voit", "tai", "kun", "jos", "myös", "tämä", "ovat", "sinun", "mutta", "kanssa"},
		"pl": {"się", "jest", "nie", "że", "jak", "możesz", "lub", "aby", "dla", "przez", "czy", "jeśli", "oraz", "może", "są"},
		"tr": {"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "daha", "ne", "gibi", "veya", "olan", "her", "değil"},
		"sk": {"je", "sa", "na", "že", "ako", "alebo", "pre", "môžete", "sú", "nie", "aj", "ktorý", "môže", "už", "byť", "ste", "keď", "tiež", "alebo", "ktoré"},
		"cs": {"že", "pro", "nebo", "jako", "můžete", "jsou", "není", "také", "když", "který", "může", "již", "být", "jste", "však"},
		"ro": {"și", "este", "în", "de", "la", "nu", "pentru", "că", "cu", "sau", "poți", "care", "mai", "sunt", "acest"},
		"hu": {"az", "és", "hogy", "nem", "egy", "meg", "van", "ez", "vagy", "kell", "lehet", "csak", "már", "ha", "mint"},
		"id": {"yang", "dan", "di", "ini", "untuk", "dengan", "tidak", "anda", "dari", "dapat", "ke", "akan", "atau", "itu", "ada"},
		"ca": {"el", "la", "els", "les", "que", "i", "és", "per", "amb", "no", "una", "del", "pot", "més", "al"},
		"vi": {"và", "của", "là", "có", "không", "được", "cho", "các", "một", "trong", "bạn", "này", "để", "với", "khi"},
	},
	scriptCyrillic: {
		"ru": {"и", "в", "не", "на", "что", "с", "это", "как", "по", "для", "вы", "или", "если", "можно", "его"},
		"uk": {"і", "та", "не", "на", "що", "це", "як", "для", "ви", "або", "якщо", "можна", "його", "від", "з"},
		"bg": {"и", "на", "да", "се", "не", "за", "от", "е", "са", "по", "че", "това", "или", "като", "може"},
	},
}

// wordLanguage maps each common word to the languages using it, built once.
var wordLanguage = func() map[script]map[string][]string {
	out := map[script]map[string][]string{}
	for s, langs := range commonWords {
		out[s] = map[string][]string{}
		for lang, words := range langs {
			for _, w := range words {
				out[s][w] = append(out[s][w], lang)
				maxCommonWord = max(maxCommonWord, len(w))
			}
		}
	}
	return out
}()

// maxCommonWord is the length in bytes of the longest common word: a
// longer word is none, and is not looked up.
var maxCommonWord int

// commonLangs are the languages of commonWords, and commonWordLangs maps
// each common word to the indexes of its languages there: a text's
// counts are an array, not a map added to for every common word (a fifth
// of detecting a vault's languages).
var commonLangs, commonWordLangs = func() ([]string, map[script]map[string][]uint8) {
	var langs []string
	for _, byLang := range commonWords {
		for lang := range byLang {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	if len(langs) > maxCommonLangs {
		panic("kb: more languages of common words than commonWordsLanguage counts")
	}
	out := map[script]map[string][]uint8{}
	for s, words := range wordLanguage {
		out[s] = map[string][]uint8{}
		for w, ls := range words {
			for _, l := range ls {
				i, _ := slices.BinarySearch(langs, l)
				out[s][w] = append(out[s][w], uint8(i))
			}
		}
	}
	return langs, out
}()

// maxCommonLangs bounds commonLangs, so a text's counts fit in an array.
const maxCommonLangs = 64

// commonShapes has a bit for the shape (wordShape) of every common word:
// most words of a text are none, and a glance at their shape's bit spares
// looking them up (the look-ups were half of detecting a vault's
// languages).
var commonShapes = func() []uint64 {
	bits := make([]uint64, ((maxCommonWord+1)<<16+63)/64)
	for _, words := range wordLanguage {
		for w := range words {
			i := wordShape([]byte(w))
			bits[i/64] |= 1 << (i % 64)
		}
	}
	return bits
}()

// wordShape is a word's length, first byte and last byte, as one number
// below (maxCommonWord+1)<<16 for a word no longer than maxCommonWord.
func wordShape(w []byte) int {
	return len(w)<<16 | int(w[0])<<8 | int(w[len(w)-1])
}

// commonWordsLanguage counts the common words of each language in text,
// a word that n languages use counting 1/n for each; the winner needs a
// few words and a clear lead, else the answer is "".
func commonWordsLanguage(text string, s script) string {
	words := commonWordLangs[s]
	var hits [maxCommonLangs]float64 // by commonLangs' index
	// Word by word into one buffer, lower-cased: no allocation per word.
	var buf []byte
	count := func() {
		if len(buf) > maxCommonWord {
			buf = buf[:0]
			return
		}
		if i := wordShape(buf); commonShapes[i/64]&(1<<(i%64)) == 0 {
			buf = buf[:0]
			return
		}
		langs := words[string(buf)]
		for _, lang := range langs {
			hits[lang] += 1 / float64(len(langs))
		}
		buf = buf[:0]
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf { // ASCII: a letter is A-Z or a-z
			i++
			if l := c | 0x20; 'a' <= l && l <= 'z' {
				buf = append(buf, l)
			} else if len(buf) > 0 {
				count()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else if len(buf) > 0 {
			count()
		}
	}
	if len(buf) > 0 {
		count()
	}
	// The most hits, the first language in order among equals, and the
	// most of the others'.
	best, second := -1, 0.0
	for lang, n := range hits[:len(commonLangs)] {
		switch {
		case n == 0:
		case best < 0 || n > hits[best]:
			if best >= 0 {
				second = max(second, hits[best])
			}
			best = lang
		default:
			second = max(second, n)
		}
	}
	if best < 0 || hits[best] < minCommonWords || hits[best] < second*commonWordsLead {
		return ""
	}
	return commonLangs[best]
}

// A language wins with this many common words (a word shared by two
// languages counting half), this many times as many as the next one's.
const (
	minCommonWords  = 2.5
	commonWordsLead = 1.3
)

// QueryLanguage is the language of what a person typed into search when
// its letters tell it: a script that names one language (Chinese, Greek,
// Thai, …), letters only Ukrainian uses, or, for longer queries, common
// words; "" when they do not, and the search then weighs the words against
// each language's texts. reader is the person's own language: Chinese
// characters without kana are Japanese too, so a Japanese reader's are
// taken as Japanese.
func QueryLanguage(text, reader string) string {
	lang := DetectLanguage(text)
	switch {
	case lang == "zh" && reader == "ja":
		return "ja"
	case lang == "" && strings.ContainsAny(text, "ієїґІЄЇҐ"):
		return "uk"
	}
	return lang
}

// FolderLanguage is the language a pack's top folder names, as translated
// documentation keeps one folder per language ("fr/", "pt-br/", "zh-TW/"),
// "" when it names none. A folder name is a weak sign ("it/" may hold IT
// notes in English), so it is used only for files whose text does not
// tell their language.
func FolderLanguage(rel string) string {
	top, _, ok := strings.Cut(rel, "/")
	if !ok {
		return ""
	}
	base, region, _ := strings.Cut(strings.ReplaceAll(top, "_", "-"), "-")
	if len(base) != 2 || len(region) > 4 || strings.ToLower(base) != base && strings.ToUpper(base) != base {
		return ""
	}
	code, ok := parseLanguage(top)
	if !ok || code != strings.ToLower(base) {
		return ""
	}
	return code
}
