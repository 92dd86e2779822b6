package searchtest

import (
	"math/rand/v2"
	"strings"
)

// vaultLang is one language of a generated vault: how its words are made,
// a few of its most common words (so language detection has something to
// find), and real words for the topics headings are about, so tests can
// search for them ("同步", "paramètres").
type vaultLang struct {
	code   string
	folder string // the folder the language's pages live in, in its own script
	word   func(*rand.Rand) string
	common []string
	topics []string
	// spaced is false for scripts written without spaces between words.
	spaced bool
}

// letters draws words of 1–3 syllables from onsets and vowels, which is
// enough for text that looks and tokenises like the language.
func letters(onsets, vowels string, extra ...string) func(*rand.Rand) string {
	on := strings.Fields(onsets)
	vo := strings.Fields(vowels)
	return func(rng *rand.Rand) string {
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			b.WriteString(on[rng.IntN(len(on))])
			b.WriteString(vo[rng.IntN(len(vo))])
		}
		if len(extra) > 0 && rng.IntN(3) == 0 {
			b.WriteString(extra[rng.IntN(len(extra))])
		}
		return b.String()
	}
}

// runes draws words of 1–4 characters from a set, for ideographic scripts.
func runes(set string, maxLen int) func(*rand.Rand) string {
	rs := []rune(set)
	return func(rng *rand.Rand) string {
		n := 1 + rng.IntN(maxLen)
		out := make([]rune, n)
		for i := range out {
			out[i] = rs[rng.IntN(len(rs))]
		}
		return string(out)
	}
}

// hangul draws Korean syllable blocks, composed as Unicode defines them.
func hangul(rng *rand.Rand) string {
	n := 1 + rng.IntN(3)
	out := make([]rune, n)
	for i := range out {
		out[i] = rune(0xAC00 + (rng.IntN(19)*21+rng.IntN(21))*28 + rng.IntN(4)*4)
	}
	return string(out)
}

// japanese is kanji followed by kana, as Japanese words often are.
func japanese(rng *rand.Rand) string {
	k := runes("日本語設定同期競合文書検索保存変更表示作成削除追加開閉名前時間場所理由方法問題最新画面", 2)(rng)
	return k + runes("のをにはがでともするしたいます", 2)(rng)
}

const (
	latinOnsets = "b c d f g l m n p r s t v br pl tr st ch"
	latinVowels = "a e i o u ai ou ie"
)

var vaultLangs = []vaultLang{
	{code: "en", folder: "en", spaced: true, word: letters(latinOnsets, latinVowels, "ing", "ed", "s"),
		common: strings.Fields("the and is you that with for this are not can your it of to"),
		topics: strings.Fields("sync settings conflict plugin file note vault search")},
	{code: "fr", folder: "français", spaced: true, word: letters(latinOnsets, "a e i o u é è ê à ô ou", "tion", "ment"),
		common: strings.Fields("le les et est une des pour dans vous pas sur avec du ce qui"),
		topics: strings.Fields("synchronisation paramètres conflit module fichier note coffre recherche")},
	{code: "de", folder: "deutsch", spaced: true, word: letters("b d f g k l m n p r s t w sch st z", "a e i o u ä ö ü ei au", "ung", "keit", "en"),
		common: strings.Fields("der die und das ist nicht mit sie ein eine auf für den zu sich"),
		topics: strings.Fields("Synchronisierung Einstellungen Konflikt Erweiterung Datei Notiz Tresor Suche")},
	{code: "es", folder: "español", spaced: true, word: letters(latinOnsets+" ñ ll", "a e i o u á é í ó ú", "ción", "mente"),
		common: strings.Fields("el los las que es una para por con del se su como puede más"),
		topics: strings.Fields("sincronización ajustes conflicto complemento archivo nota bóveda búsqueda")},
	{code: "it", folder: "italiano", spaced: true, word: letters(latinOnsets+" gn gl", "a e i o u à è ò", "zione", "mente"),
		common: strings.Fields("il di che è per una non della sono gli con questo nel puoi anche"),
		topics: strings.Fields("sincronizzazione impostazioni conflitto plugin file nota archivio ricerca")},
	{code: "pt", folder: "português", spaced: true, word: letters(latinOnsets+" lh nh", "a e i o u ã õ á ê ç", "ção", "mente"),
		common: strings.Fields("os que não uma para com do da você em se mais pode ao"),
		topics: strings.Fields("sincronização configurações conflito plugin arquivo nota cofre pesquisa")},
	{code: "nl", folder: "nederlands", spaced: true, word: letters(latinOnsets+" sch", "a e i o u ij oe aa ee", "heid", "en"),
		common: strings.Fields("de het een van en is niet je dat met voor op zijn kun wordt"),
		topics: strings.Fields("synchronisatie instellingen conflict plug-in bestand notitie kluis zoeken")},
	{code: "sv", folder: "svenska", spaced: true, word: letters(latinOnsets+" sj", "a e i o u å ä ö", "ning", "het"),
		common: strings.Fields("och att är det som för med inte på du kan av har till den"),
		topics: strings.Fields("synkronisering inställningar konflikt tillägg fil anteckning valv sökning")},
	{code: "pl", folder: "polski", spaced: true, word: letters(latinOnsets+" sz cz rz", "a e i o u ą ę ó y", "ość", "anie"),
		common: strings.Fields("się jest nie że jak możesz lub aby dla przez czy jeśli oraz może są"),
		topics: strings.Fields("synchronizacja ustawienia konflikt wtyczka plik notatka sejf wyszukiwanie")},
	{code: "tr", folder: "türkçe", spaced: true, word: letters(latinOnsets+" ş ç ğ", "a e i ı o ö u ü", "lar", "ler"),
		common: strings.Fields("ve bir bu için ile olarak daha ne gibi veya olan her değil"),
		topics: strings.Fields("eşitleme ayarlar çakışma eklenti dosya not kasa arama")},
	{code: "cs", folder: "čeština", spaced: true, word: letters(latinOnsets+" č ř š ž", "a e i o u á é í ů ý ě", "ost", "ní"),
		common: strings.Fields("že pro nebo jako můžete jsou není také když který může již být jste však"),
		topics: strings.Fields("synchronizace nastavení konflikt doplněk soubor poznámka trezor hledání")},
	{code: "vi", folder: "tiếng-việt", spaced: true, word: letters("b c d đ g h k l m n ph t th tr v x", "a ă â e ê i o ô ơ u ư ả ế ộ ữ"),
		common: strings.Fields("và của là có không được cho các một trong bạn này để với khi"),
		topics: strings.Fields("đồng-bộ cài-đặt xung-đột tiện-ích tệp ghi-chú kho tìm-kiếm")},
	{code: "id", folder: "indonesia", spaced: true, word: letters(latinOnsets+" ng ny", "a e i o u", "kan", "an"),
		common: strings.Fields("yang dan di ini untuk dengan tidak anda dari dapat ke akan atau itu ada"),
		topics: strings.Fields("sinkronisasi pengaturan konflik plugin berkas catatan brankas pencarian")},
	{code: "ru", folder: "русский", spaced: true, word: letters("б в г д ж з к л м н п р с т ф х ц ч ш щ", "а е и о у ы я ю э ё", "ость", "ение", "ться"),
		common: strings.Fields("и в не на что с это как по для вы или если можно его"),
		topics: strings.Fields("синхронизация настройки конфликт плагин файл заметка хранилище поиск")},
	{code: "uk", folder: "українська", spaced: true, word: letters("б в г ґ д ж з к л м н п р с т ф х ц ч ш", "а е и і ї о у я ю є", "ння", "ість"),
		common: strings.Fields("і та не на що це як для ви або якщо можна його від з"),
		topics: strings.Fields("синхронізація налаштування конфлікт плагін файл нотатка сховище пошук")},
	{code: "el", folder: "ελληνικά", spaced: true, word: letters("β γ δ ζ θ κ λ μ ν ξ π ρ σ τ φ χ ψ", "α ε η ι ο υ ω ά έ ί ό ύ ώ", "σμός", "ση"),
		common: strings.Fields("και το να η ο της για με που τα δεν σε από είναι στο"),
		topics: strings.Fields("συγχρονισμός ρυθμίσεις διένεξη πρόσθετο αρχείο σημείωση θησαυροφυλάκιο αναζήτηση")},
	{code: "ar", folder: "العربية", spaced: true, word: letters("ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي", "ا و ي", "ات", "ية"),
		common: strings.Fields("في من على أن إلى هذا عن مع هو التي لا ما كان أو ذلك"),
		topics: strings.Fields("المزامنة الإعدادات تعارض إضافة ملف ملاحظة خزنة بحث")},
	{code: "fa", folder: "فارسی", spaced: true, word: letters("ب پ ت ج چ خ د ر ز ژ س ش ف ک گ ل م ن و ه ی", "ا و ی", "ها", "ی"),
		common: strings.Fields("و در به از که این را با است برای آن یک می تا شما"),
		topics: strings.Fields("همگام\u200cسازی تنظیمات تداخل افزونه پرونده یادداشت گاوصندوق جستجو")},
	{code: "he", folder: "עברית", spaced: true, word: letters("ב ג ד ה ז ח ט כ ל מ נ ס ע פ צ ק ר ש ת", "א ו י", "ים", "ות"),
		common: strings.Fields("של את על זה לא עם הוא כי גם אם יש כל אבל או מה"),
		topics: strings.Fields("סנכרון הגדרות התנגשות תוסף קובץ פתק כספת חיפוש")},
	{code: "hi", folder: "हिन्दी", spaced: true, word: letters("क ख ग घ च ज झ ट ड त थ द ध न प फ ब भ म य र ल व श स ह", "ा ि ी ु ू े ै ो ौ ं", "ना", "ता"),
		common: strings.Fields("के है में की और से को का एक पर यह भी नहीं हैं आप"),
		topics: strings.Fields("सिंक सेटिंग्स टकराव प्लगइन फ़ाइल नोट तिजोरी खोज")},
	{code: "bn", folder: "বাংলা", spaced: true, word: letters("ক খ গ ঘ চ ছ জ ঝ ট ড ত থ দ ধ ন প ফ ব ভ ম য র ল শ স হ", "া ি ী ু ূ ে ৈ ো ৌ ং", "তে", "কে"),
		common: strings.Fields("এবং এই করে হয় না থেকে জন্য আপনি একটি সঙ্গে কিন্তু যে তা আর"),
		topics: strings.Fields("সিঙ্ক সেটিংস বিরোধ প্লাগইন ফাইল নোট ভল্ট অনুসন্ধান")},
	{code: "ta", folder: "தமிழ்", spaced: true, word: letters("க ங ச ஞ ட ண த ந ப ம ய ர ல வ ழ ள ற ன", "ா ி ீ ு ூ ெ ே ை ொ ோ", "கள்", "ம்"),
		common: strings.Fields("மற்றும் ஒரு இந்த என்று அது நீங்கள் உள்ள இல்லை"),
		topics: strings.Fields("ஒத்திசைவு அமைப்புகள் முரண்பாடு செருகுநிரல் கோப்பு குறிப்பு பெட்டகம் தேடல்")},
	{code: "th", folder: "ไทย", spaced: false, word: letters("ก ข ค ง จ ช ด ต ท น บ ป พ ม ย ร ล ว ส ห อ", "า ิ ี ุ ู เ แ โ ั", "ง", "น"),
		common: []string{"และ", "ที่", "ของ", "ใน", "เป็น", "ได้"},
		topics: strings.Fields("ซิงค์ การตั้งค่า ความขัดแย้ง ปลั๊กอิน ไฟล์ โน้ต ห้องนิรภัย ค้นหา")},
	{code: "zh", folder: "中文", spaced: false, word: runes("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞同步冲突设置插件文件笔记搜索", 3),
		common: []string{"的", "是", "在", "了", "和", "这"},
		topics: strings.Fields("同步 设置 冲突 插件 文件 笔记 库 搜索")},
	{code: "ja", folder: "日本語", spaced: false, word: japanese,
		common: []string{"の", "は", "を", "に", "が", "です"},
		topics: strings.Fields("同期 設定 競合 プラグイン ファイル ノート 保管庫 検索")},
	{code: "ko", folder: "한국어", spaced: true, word: hangul,
		common: []string{"그리고", "있습니다", "이", "수", "를", "에서"},
		topics: strings.Fields("동기화 설정 충돌 플러그인 파일 노트 보관소 검색")},
	{code: "hy", folder: "հայերեն", spaced: true, word: letters("բ գ դ զ թ լ խ կ հ մ յ ն շ պ ջ ռ ս վ տ ր", "ա ե ի ո ու է", "ություն"),
		common: strings.Fields("և է որ այս համար չի են կամ"),
		topics: strings.Fields("համաժամեցում կարգավորումներ հակասություն հավելում ֆայլ նշում պահոց որոնում")},
	{code: "ka", folder: "ქართული", spaced: true, word: letters("ბ გ დ ვ ზ თ კ ლ მ ნ პ ჟ რ ს ტ ფ ქ ღ ყ შ ჩ ც ძ წ ჭ ხ ჯ ჰ", "ა ე ი ო უ", "ობა", "ები"),
		common: strings.Fields("და არის ეს რომ თქვენ არ ან"),
		topics: strings.Fields("სინქრონიზაცია პარამეტრები კონფლიქტი დანამატი ფაილი ჩანაწერი საცავი ძიება")},
	{code: "da", folder: "dansk", spaced: true, word: letters(latinOnsets, "a e i o u æ ø å", "hed", "ning"),
		common: strings.Fields("og er det at ikke med af på til du kan som har den fra"),
		topics: strings.Fields("synkronisering indstillinger konflikt udvidelse fil note boks søgning")},
	{code: "fi", folder: "suomi", spaced: true, word: letters("h j k l m n p r s t v", "a e i o u y ä ö aa ii", "nen", "ssa"),
		common: strings.Fields("ja on ei se että voit tai kun jos myös tämä ovat sinun mutta kanssa"),
		topics: strings.Fields("synkronointi asetukset ristiriita laajennus tiedosto muistiinpano holvi haku")},
	{code: "ro", folder: "română", spaced: true, word: letters(latinOnsets+" ș ț", "a e i o u ă â î", "ție", "ul"),
		common: strings.Fields("și este în de la nu pentru că cu sau poți care mai sunt acest"),
		topics: strings.Fields("sincronizare setări conflict modul fișier notă seif căutare")},
	{code: "hu", folder: "magyar", spaced: true, word: letters(latinOnsets+" gy sz zs", "a e i o u á é ó ö ő ü ű", "ság", "ben"),
		common: strings.Fields("az és hogy nem egy meg van ez vagy kell lehet csak már ha mint"),
		topics: strings.Fields("szinkronizálás beállítások ütközés bővítmény fájl jegyzet széf keresés")},
	{code: "ca", folder: "català", spaced: true, word: letters(latinOnsets+" ll ny", "a e i o u à è é í ò ó ú", "ció", "ment"),
		common: strings.Fields("els les que és per amb una del pot més al"),
		topics: strings.Fields("sincronització configuració conflicte connector fitxer nota caixa cerca")},
	{code: "bg", folder: "български", spaced: true, word: letters("б в г д ж з к л м н п р с т ф х ц ч ш щ", "а е и о у ъ я ю", "ост", "ане"),
		common: strings.Fields("и на да се не за от е са по че това или като може"),
		topics: strings.Fields("синхронизиране настройки конфликт приставка файл бележка трезор търсене")},
	{code: "no", folder: "norsk", spaced: true, word: letters(latinOnsets, "a e i o u æ ø å", "het", "ing"),
		common: strings.Fields("og er det ikke med av på til du kan som har den fra jeg"),
		topics: strings.Fields("synkronisering innstillinger konflikt utvidelse fil notat hvelv søk")},
}
