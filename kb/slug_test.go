package kb_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A plain folder whose file names and headings are in many scripts: every
// file and heading must get an id of its own, keeping its letters.
func TestUnicodeIDsDoNotCollide(t *testing.T) {
	headings := map[string][]string{
		"中文/同步冲突.md":                {"同步冲突", "插件设置", "常见问题"},
		"中文/文件恢复.md":                {"文件恢复", "插件设置"},
		"日本語/同期の設定.md":              {"同期の設定", "プラグイン", "よくある質問"},
		"日本語/ファイルの復元.md":            {"ファイルの復元", "プラグイン"},
		"русский/синхронизация.md":  {"Настройки синхронизации", "Конфликты", "Плагины"},
		"русский/восстановление.md": {"Восстановление файлов", "Плагины"},
		"العربية/المزامنة.md":       {"إعدادات المزامنة", "التعارضات"},
		"العربية/الاستعادة.md":      {"استعادة الملفات", "الإضافات"},
		"हिन्दी/सिंक.md":            {"सिंक सेटिंग्स", "प्लगइन", "टकराव"},
		"বাংলা/সিঙ্ক.md":            {"সিঙ্ক সেটিংস", "প্লাগইন"},
		"ελληνικά/συγχρονισμός.md":  {"Ρυθμίσεις συγχρονισμού", "Πρόσθετα"},
		"français/synchro.md":       {"Paramètres de Sync", "Paramètres de sécurité", "Conflits"},
		"français/récupération.md":  {"Récupération de fichiers", "Problèmes fréquents"},
		"한국어/동기화.md":                {"동기화 설정", "플러그인"},
		"ไทย/ซิงค์.md":              {"การตั้งค่าซิงค์", "ปลั๊กอิน"},
		"עברית/סנכרון.md":           {"הגדרות סנכרון", "תוספים"},
	}
	files := map[string]string{}
	want := 0
	for name, hs := range headings {
		var b strings.Builder
		for _, h := range hs {
			b.WriteString("## " + h + "\n\nText under " + h + ".\n\n")
		}
		files[name] = b.String()
		want += 1 + len(hs)
	}
	p, err := kb.LoadDir(writePack(t, files))
	var pe *kb.ProblemsError
	if errors.As(err, &pe) {
		t.Fatalf("problems: %v", pe.Problems)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != want {
		t.Errorf("got %d items, want %d (one per file and heading)", len(p.Items), want)
	}
	ids := map[string]bool{}
	for _, it := range p.Items {
		if ids[it.ID] {
			t.Errorf("id %s used twice", it.ID)
		}
		ids[it.ID] = true
	}
	pack := p.Manifest.ID
	for _, id := range []string{
		"中文/同步冲突#同步冲突",
		"日本語/同期の設定#同期の設定",
		"русский/синхронизация#настройки-синхронизации",
		"العربية/المزامنة#إعدادات-المزامنة",
		"हिन्दी/सिंक#सिंक-सेटिंग्स",
		"বাংলা/সিঙ্ক#সিঙ্ক-সেটিংস",
		"ελληνικά/συγχρονισμός#ρυθμίσεις-συγχρονισμού",
		"français/synchro#paramètres-de-sync",
		"français/récupération",
	} {
		if !ids[pack+"/"+id] {
			t.Errorf("no item %s/%s; ids: %v", pack, id, ids)
		}
	}
}

// A file name saved decomposed (as macOS does) and one typed composed are
// the same id, and a link typed composed finds the decomposed file.
func TestDecomposedFileNameLinks(t *testing.T) {
	p, err := kb.LoadDir(writePack(t, map[string]string{
		"Parame\u0300tres.md": "# Paramètres\n\n## Sync\n\nText.\n\n## Other\n\nMore.\n",
		"index.md":            "See [the settings](Param%C3%A8tres.md#sync).\n",
	}))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	lib := kb.NewLibrary(p)
	sec, ok := lib.Item(p.Manifest.ID + "/paramètres#sync")
	if !ok {
		t.Fatalf("no item paramètres#sync")
	}
	idx, _ := lib.Item(p.Manifest.ID + "/index")
	if idx == nil || len(idx.Links) != 1 || idx.Links[0].Target != sec.ID {
		t.Errorf("index links = %v, want [%s]", idx, sec.ID)
	}
}
