package kb_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestDetectLanguage(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"When the parcel is late, say that you can check it for them and that you are sorry.", "en"},
		{"Vous pouvez choisir les dossiers pour la synchronisation et ce qui est exclu dans les paramètres.", "fr"},
		{"Die Synchronisierung ist nicht aktiv, wenn sie auf dem Gerät mit einer anderen Datei verbunden ist.", "de"},
		{"Puede elegir las carpetas que se sincronizan para que los cambios del teléfono lleguen con su cuenta.", "es"},
		{"Вы можете выбрать папки для синхронизации, и если файл изменён на другом устройстве, это видно.", "ru"},
		{"同步冲突发生时，系统会保留两个版本的文件，你可以在设置中选择要保留的版本。", "zh"},
		{"同期の競合が起きたときは、両方のファイルが保存されます。設定から選べます。", "ja"},
		{"동기화 충돌이 발생하면 두 파일이 모두 저장됩니다.", "ko"},
		{"عند حدوث تعارض في المزامنة يتم حفظ النسختين.", "ar"},
		{"وقتی در همگام\u200cسازی تعارض پیش می\u200cآید، هر دو نسخه نگه داشته می\u200cشوند و می\u200cتوانید یکی را انتخاب کنید.", "fa"},
		{"सिंक में टकराव होने पर दोनों फ़ाइलें सहेजी जाती हैं।", "hi"},
		{"সিঙ্কে বিরোধ হলে দুটি ফাইলই সংরক্ষিত হয়।", "bn"},
		{"Όταν υπάρχει διένεξη συγχρονισμού, κρατούνται και τα δύο αρχεία.", "el"},
		{"Sync", ""}, // too little to tell
		{"1234 — 5678", ""},
	} {
		if got := kb.DetectLanguage(c.text); got != c.want {
			t.Errorf("DetectLanguage(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// The pack says its language, a file's front matter overrides it, and a
// folder without either has each file's language detected.
func TestItemLanguage(t *testing.T) {
	p, err := kb.LoadDir(writePack(t, map[string]string{
		"pack.toml":   "id = \"p\"\nname = \"P\"\nversion = \"1.0.0\"\nlanguage = \"de-AT\"\n",
		"guides/a.md": "---\ntitle: A\n---\nText.\n",
		"guides/b.md": "---\ntitle: B\nlang: fr\n---\nText.\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if p.Manifest.Language != "de" {
		t.Errorf("pack language = %q, want de", p.Manifest.Language)
	}
	lib := kb.NewLibrary(p)
	for id, want := range map[string]string{"p/guides/a": "de", "p/guides/b": "fr"} {
		if it, ok := lib.Item(id); !ok || it.Language != want {
			t.Errorf("%s language = %v, want %s", id, it, want)
		}
	}

	plain, err := kb.LoadDir(writePack(t, map[string]string{
		"zh.md": "# 同步\n\n同步冲突发生时，系统会保留两个版本的文件。\n",
		"en.md": "# Sync\n\nWhen the sync has a conflict, you can keep both of the files and that is all.\n",
		"x.md":  "---\naliases: [Sync]\ncssclasses: wide\npublish: true\ndescription: Both.\n---\n# ?\n\nOK.\n",
	}))
	if err != nil {
		t.Fatalf("an Obsidian-style front matter in a plain folder is not a problem: %v", err)
	}
	got := map[string]string{}
	for _, it := range plain.Items {
		got[it.Source.File] = it.Language
	}
	if got["zh.md"] != "zh" || got["en.md"] != "en" || got["x.md"] != "" {
		t.Errorf("languages = %v, want zh.md zh, en.md en, x.md none", got)
	}
}

func TestBadLanguage(t *testing.T) {
	_, err := kb.LoadDir(writePack(t, map[string]string{
		"pack.toml":   "id = \"p\"\nname = \"P\"\nversion = \"1.0.0\"\nlanguage = \"Klingonese!\"\n",
		"guides/a.md": "---\ntitle: A\nlang: 12\n---\nText.\n",
	}))
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 2 {
		t.Fatalf("err = %v, want two problems", err)
	}
	if pe.Problems[0].File != "pack.toml" || pe.Problems[0].Line != 4 || pe.Problems[1].File != "guides/a.md" || pe.Problems[1].Line != 3 {
		t.Errorf("problems = %v", pe.Problems)
	}
}

func TestQueryLanguage(t *testing.T) {
	for _, c := range []struct{ text, reader, want string }{
		{"同步冲突", "", "zh"},
		{"同步冲突", "ja", "ja"}, // kanji alone: the Japanese reader's
		{"同期の競合", "en", "ja"},
		{"동기화", "en", "ko"},
		{"συγχρονισμός", "en", "el"},
		{"Налаштування синхронізації", "en", "uk"},
		{"Настройки", "en", ""}, // Russian, Ukrainian or Bulgarian: the index's words tell
		{"Obsidian CLI", "de", ""},
		{"where is the parcel that I ordered", "de", "en"},
	} {
		if got := kb.QueryLanguage(c.text, c.reader); got != c.want {
			t.Errorf("QueryLanguage(%q, %q) = %q, want %q", c.text, c.reader, got, c.want)
		}
	}
}

func TestSystemLanguage(t *testing.T) {
	for _, c := range []struct {
		language, lcAll, lang, want string
	}{
		{"", "", "fr_FR.UTF-8", "fr"},
		{"", "", "pt_BR.UTF-8@euro", "pt"},
		{"", "de_DE.UTF-8", "fr_FR.UTF-8", "de"},
		{"sv:en", "", "fr_FR.UTF-8", "sv"},
		{"", "", "C.UTF-8", ""},
		{"", "POSIX", "fr_FR", ""},
		{"", "", "", ""},
		{"", "", "not a locale!", ""},
	} {
		t.Setenv("LANGUAGE", c.language)
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		if got := kb.SystemLanguage(); got != c.want {
			t.Errorf("LANGUAGE=%q LC_ALL=%q LANG=%q: SystemLanguage() = %q, want %q", c.language, c.lcAll, c.lang, got, c.want)
		}
	}
}

func TestFolderLanguage(t *testing.T) {
	for rel, want := range map[string]string{
		"fr/Obsidian Sync/Paramètres.md": "fr",
		"pt-br/Sync.md":                  "pt",
		"zh-TW/同步.md":                    "zh",
		"zh_CN/a.md":                     "zh",
		"de/a/b/c.md":                    "de",
		"Release notes/v1.md":            "",
		"guides/refunds.md":              "",
		"fr.md":                          "", // a file, not a folder
		"xx/a.md":                        "",
		"Fr-ca-extra/a.md":               "",
		"eng/a.md":                       "",
	} {
		if got := kb.FolderLanguage(rel); got != want {
			t.Errorf("FolderLanguage(%q) = %q, want %q", rel, got, want)
		}
	}
}

// A file too short to tell its language takes its folder's; a file whose
// text tells it keeps the text's, whatever the folder is called.
func TestItemLanguageFromFolder(t *testing.T) {
	p, err := kb.LoadDir(writePack(t, map[string]string{
		"es/sync.md": "# Sync\n\nOK.\n",
		"it/vpn.md":  "# VPN\n\nWhen the VPN is down, you can check that the cable is in and that the router is on.\n",
		"notes.md":   "# Sync\n\nOK.\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	lib := kb.NewLibrary(p)
	for suffix, want := range map[string]string{"/es/sync": "es", "/it/vpn": "en", "/notes": ""} {
		found := false
		lib.Items(func(it *kb.Item) {
			if strings.HasSuffix(it.ID, suffix) {
				found = true
				if it.Language != want {
					t.Errorf("%s language = %q, want %q", it.ID, it.Language, want)
				}
			}
		})
		if !found {
			t.Errorf("no item %s", suffix)
		}
	}
}
