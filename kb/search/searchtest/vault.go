package searchtest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// VaultOptions shape a generated documentation vault.
type VaultOptions struct {
	// Files is the number of markdown files; zero means 6,300, the size of
	// a large public documentation vault (about 32 MB and 46,000 items).
	Files int
	// Seed makes the vault reproducible: the same seed, the same files.
	Seed uint64
}

// VaultStats say what WriteVault wrote.
type VaultStats struct {
	Files, Headings, Links, Languages int
	Bytes                             int64
}

// DefaultVaultFiles is the file count of the vault issue 10 measures.
const DefaultVaultFiles = 6300

// WriteVault writes a folder of markdown shaped like a real, multilingual
// documentation vault kept in a tool such as Obsidian, for load, index and
// search benchmarks: one folder per language (35 of them, folder and file
// names in their own scripts), sub-folders, files of very different sizes
// with many headings, front matter Poise did not design (Obsidian
// properties, a static site's keys, or none), relative links to other files
// and their headings (with %20 in paths), wiki links, embeds, callouts,
// tables and code. It has no pack.toml, so it loads as a plain folder.
// English has a quarter of the files, as a vault's source language does.
// The text is made-up words in each script with each language's most
// common words mixed in, so language detection works as on real text; the
// headings use real words for a few topics (sync, settings, conflict,
// plugin…), so tests can search for them, and the French vault has a page
// "Paramètres de Sync" and the Chinese one "同步冲突".
func WriteVault(dir string, opts VaultOptions) (VaultStats, error) {
	n := opts.Files
	if n <= 0 {
		n = DefaultVaultFiles
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed))
	var st VaultStats
	st.Languages = len(vaultLangs)
	english := n / 4
	rest := n - english
	for i, lang := range vaultLangs {
		files := rest / (len(vaultLangs) - 1)
		if i == 0 {
			files = english
		} else if i <= rest%(len(vaultLangs)-1) {
			files++
		}
		plans := planLanguage(rng, lang, files)
		for _, f := range plans {
			text, links := f.render(rng, lang, plans)
			p := filepath.Join(dir, lang.folder, filepath.FromSlash(f.path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return st, fmt.Errorf("write vault: %w", err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return st, fmt.Errorf("write vault: %w", err)
			}
			st.Files++
			st.Bytes += int64(len(text))
			st.Headings += len(f.headings)
			st.Links += links
		}
	}
	return st, nil
}

// filePlan is a file decided before any is written, so links can point at
// files and headings that exist.
type filePlan struct {
	path     string // inside the language's folder, slash-separated
	title    string
	headings []string
	size     int // bytes of text to aim for
}

func phrase(rng *rand.Rand, lang vaultLang, words int, topic bool) string {
	parts := make([]string, 0, words+1)
	if topic {
		parts = append(parts, lang.topics[rng.IntN(len(lang.topics))])
	}
	for len(parts) < words {
		parts = append(parts, lang.word(rng))
	}
	if lang.spaced {
		s := strings.Join(parts, " ")
		if r := []rune(s); len(r) > 0 {
			return strings.ToUpper(string(r[0])) + string(r[1:])
		}
		return s
	}
	return strings.Join(parts, "")
}

func planLanguage(rng *rand.Rand, lang vaultLang, files int) []filePlan {
	subs := make([]string, 6)
	for i := range subs {
		subs[i] = phrase(rng, lang, 1+rng.IntN(2), i%2 == 0)
	}
	taken := map[string]bool{}
	plans := make([]filePlan, 0, files)
	for i := range files {
		title := phrase(rng, lang, 1+rng.IntN(3), rng.IntN(2) == 0)
		switch {
		case i == 0 && lang.code == "fr":
			title = "Paramètres de Sync"
		case i == 0 && !lang.spaced:
			title = lang.topics[0] + lang.topics[2]
		case i == 0:
			title = lang.topics[0] + " " + lang.topics[2]
		}
		for k := 2; taken[strings.ToLower(title)]; k++ {
			title = fmt.Sprintf("%s %d", strings.TrimRight(title, " 0123456789"), k)
		}
		taken[strings.ToLower(title)] = true
		dir := ""
		if i > 0 && rng.IntN(5) > 0 {
			dir = subs[rng.IntN(len(subs))] + "/"
			if rng.IntN(4) == 0 {
				dir += subs[rng.IntN(len(subs))] + "/"
			}
		}
		// Sizes spread as real pages do: mostly a few kilobytes, some long.
		size := int(3600 * math.Exp(rng.NormFloat64()*0.75))
		size = min(max(size, 400), 80000)
		f := filePlan{path: dir + title + ".md", title: title, size: size}
		if i == 0 {
			f.headings = append(f.headings, title)
		}
		for range max(1, size/700) {
			f.headings = append(f.headings, phrase(rng, lang, 1+rng.IntN(3), rng.IntN(3) == 0))
		}
		plans = append(plans, f)
	}
	return plans
}

// anchor is the fragment a Git host gives a heading of plain words.
func anchor(h string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(h)), " ", "-")
}

// linkTo is the relative markdown link from one file to another.
func linkTo(from, to filePlan) string {
	rel, err := filepath.Rel(filepath.Dir(filepath.FromSlash(from.path)), filepath.FromSlash(to.path))
	if err != nil {
		rel = to.path
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(url.PathEscape(p), "%2F", "/")
	}
	return strings.Join(parts, "/")
}

func (f filePlan) render(rng *rand.Rand, lang vaultLang, all []filePlan) (string, int) {
	var b strings.Builder
	b.Grow(f.size + 1024)
	links := 0
	sentence := func(words int) string {
		parts := make([]string, words)
		for i := range parts {
			if rng.IntN(3) == 0 {
				parts[i] = lang.common[rng.IntN(len(lang.common))]
			} else {
				parts[i] = lang.word(rng)
			}
		}
		if lang.spaced {
			return phraseCase(strings.Join(parts, " ")) + ". "
		}
		return strings.Join(parts, "") + "。"
	}
	paragraph := func() {
		for range 2 + rng.IntN(5) {
			b.WriteString(sentence(6 + rng.IntN(14)))
		}
		if rng.IntN(4) == 0 {
			to := all[rng.IntN(len(all))]
			dest := linkTo(f, to)
			if len(to.headings) > 0 && rng.IntN(2) == 0 {
				dest += "#" + anchor(to.headings[0])
			}
			fmt.Fprintf(&b, "[%s](%s). ", to.title, dest)
			links++
		}
		if rng.IntN(6) == 0 {
			to := all[rng.IntN(len(all))]
			fmt.Fprintf(&b, "[[%s|%s]] ", strings.TrimSuffix(filepath.Base(to.path), ".md"), lang.word(rng))
		}
		if rng.IntN(10) == 0 {
			b.WriteString("[https://example.com/docs](https://example.com/docs) ")
		}
		b.WriteString("\n\n")
	}
	block := func() {
		switch rng.IntN(9) {
		case 0:
			for range 2 + rng.IntN(5) {
				b.WriteString("- " + sentence(4+rng.IntN(8)) + "\n")
			}
			b.WriteString("\n")
		case 1:
			b.WriteString("| " + lang.word(rng) + " | " + lang.word(rng) + " |\n|---|---|\n")
			for range 2 + rng.IntN(4) {
				b.WriteString("| `" + lang.word(rng) + "` | " + sentence(3+rng.IntN(5)) + " |\n")
			}
			b.WriteString("\n")
		case 2:
			b.WriteString("```js\nconst " + "value = app.vault.getFiles().length;\nconsole.log(value);\n```\n\n")
		case 3:
			b.WriteString("> [!note] " + phrase(rng, lang, 2, false) + "\n> " + sentence(8+rng.IntN(8)) + "\n\n")
		case 4:
			b.WriteString("![[" + lang.word(rng) + ".png]]\n\n")
		default:
			paragraph()
		}
	}
	switch rng.IntN(4) {
	case 1: // Obsidian properties
		fmt.Fprintf(&b, "---\naliases:\n  - %q\ncssclasses:\n  - wide-page\ntags:\n  - docs/%s\n  - %s\npublish: true\npermalink: %s\ndescription: %q\n---\n",
			phrase(rng, lang, 2, false), lang.code, anchor(lang.word(rng)), lang.code+"/"+anchor(f.title), strings.TrimSpace(sentence(8)))
	case 2: // a static site's keys
		fmt.Fprintf(&b, "---\ntitle: %q\nweight: %d\ndraft: false\n---\n", f.title, rng.IntN(100))
	case 3:
		fmt.Fprintf(&b, "---\ntags: [%s]\ncreated: 2024-0%d-1%d\n---\n", lang.code, 1+rng.IntN(9), rng.IntN(10))
	}
	if rng.IntN(2) == 0 {
		b.WriteString("# " + f.title + "\n\n")
	}
	paragraph()
	for i, h := range f.headings {
		level := "## "
		if i > 0 && rng.IntN(4) == 0 {
			level = "### "
		}
		b.WriteString(level + h + "\n\n")
		for range 1 + rng.IntN(3) {
			block()
		}
	}
	for b.Len() < f.size {
		paragraph()
	}
	return b.String(), links
}

// phraseCase capitalises the first letter, where the script has cases.
func phraseCase(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
