package app

import (
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/content"
)

// gluedShapes are paragraphs whose links, code and bold are glued to the
// text around them: the first is the note from a real vault that showed
// "…im offenen JSON Canv" and then "F", "o", "r", "m", "a", "t", "." one
// per row at a 1280x800 window.
var gluedShapes = []string{
	"Obsidian speichert Canvas-Dateien als `.canvas`-Dateien im offenen [JSON Canvas](https://jsoncanvas.org/)-Format.",
	"Siehe [die lange Beschreibung des Formats](https://jsoncanvas.org/spec/1.0/)-Spezifikation, `code`-Block und **fett**-gedruckt.",
	"A link [at the very end of a long line of text that wraps](https://example.com/a),glued,words;and more text after it.",
	"Use `poise pack lint`:it names each file and line, then **fix it**!Then run [the linter](https://example.com/lint).",
	"見出しの後に[リンク](https://example.com/)日本語の文章が続きます。スペースはまったくありません。これは長い文章です。",
	"- Ask what happened, then check [the routing rules](other.md)-algorithm, **then** `escalate`.done",
}

// linkOrCode finds a paragraph of the bundled content with a link or a
// code span.
var linkOrCode = regexp.MustCompile("\\]\\(|`")

// bundledLinkParagraphs are the paragraphs of content/ with a link or code.
func bundledLinkParagraphs(t *testing.T) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(content.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		body, err := fs.ReadFile(content.FS, path)
		if err != nil {
			return err
		}
		text := string(body)
		if strings.HasPrefix(text, "---\n") { // front matter
			if end := strings.Index(text[4:], "\n---\n"); end >= 0 {
				text = text[4+end+5:]
			}
		}
		for _, para := range strings.Split(text, "\n\n") {
			if linkOrCode.MatchString(para) && !strings.Contains(para, "```") {
				out = append(out, strings.TrimSpace(para))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// garbledRow reports the first width from start to 1000 px, every step,
// at which a row of md holds a lone character that is no word of its own,
// or text runs past the right edge.
func garbledRow(t *testing.T, md string, start, step float32) (float32, string) {
	t.Helper()
	rt := widget.NewRichTextFromMarkdown(md)
	root := wrapLinks(rt)
	w := test.NewWindow(root)
	defer w.Close()
	w.SetPadded(false)
	lone := map[string]bool{}
	for _, f := range strings.Fields(md) {
		lone[strings.Trim(f, "*`_")] = true
	}
	pad := rt.Theme().Size(theme.SizeNameInnerPadding)
	for width := start; width <= 1000; width += step {
		w.Resize(fyne.NewSize(width, 3000))
		var texts []*canvas.Text
		var at []fyne.Position
		renderedTexts(root, fyne.Position{}, &texts, &at)
		right := rt.Size().Width - pad
		rows := map[float32][]int{}
		for i, tx := range texts {
			if strings.TrimSpace(tx.Text) == "" {
				continue
			}
			y := float32(math.Round(float64(at[i].Y) / 4))
			rows[y] = append(rows[y], i)
			end := at[i].X + fyne.MeasureText(strings.TrimRight(tx.Text, " "), tx.TextSize, tx.TextStyle).Width
			if end > right+2 && at[i].X > pad+2 { // a piece wider than the row may only start it
				return width, fmt.Sprintf("%q runs %.0f px past the right edge", tx.Text, end-right)
			}
		}
		ys := make([]float32, 0, len(rows))
		for y := range rows {
			ys = append(ys, y)
		}
		sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
		for _, y := range ys {
			row := ""
			for _, i := range rows[y] {
				row += texts[i].Text
			}
			row = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(row), "•"))
			if utf8.RuneCountInString(row) == 1 && !lone[row] {
				return width, fmt.Sprintf("a row holds only %q", row)
			}
		}
	}
	return 0, ""
}

// TestMarkdownNoRowOfOneCharacter guards issue 11's "preview that never
// garbles": at no width does a link, code or bold glued to the text after
// it leave a character alone on its row, nor a link run past the edge.
func TestMarkdownNoRowOfOneCharacter(t *testing.T) {
	test.NewTempApp(t)
	paras := append(append([]string(nil), gluedShapes...), bundledLinkParagraphs(t)...)
	if len(paras) < len(gluedShapes)+30 {
		t.Errorf("only %d paragraphs with a link or code in content/: is the pattern still right?", len(paras)-len(gluedShapes))
	}
	for i, md := range paras {
		name := md
		if len(name) > 40 {
			name = name[:40]
		}
		// The shapes at every 10 px. The ~230 bundled paragraphs take about
		// 0.1 s a layout, so a sample of them (a different one under -race,
		// which is far slower) at three widths that move from one to the
		// next: a full sweep took minutes.
		start, step := float32(250), float32(10)
		if i >= len(gluedShapes) {
			sample := 4
			if raceOn {
				sample = 12
			}
			if (i-len(gluedShapes))%sample != 0 {
				continue
			}
			start, step = 300+float32(i%16)*10, 300
		}
		t.Run(fmt.Sprint(i, "/", name), func(t *testing.T) {
			if width, why := garbledRow(t, md, start, step); width != 0 {
				t.Errorf("at width %v: %s\n%s", width, why, md)
			}
		})
	}
}
