package app

import (
	"io/fs"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/content"
)

// BenchmarkMarkdownWrap is the preview's share of a resize or a new
// result: a bundled guide laid out afresh at a new width.
func BenchmarkMarkdownWrap(b *testing.B) {
	test.NewTempApp(b)
	body, err := fs.ReadFile(content.FS, "guides/letting-them-vent.md")
	if err != nil {
		b.Fatal(err)
	}
	root := wrapLinks(widget.NewRichTextFromMarkdown(string(body)))
	w := test.NewWindow(root)
	defer w.Close()
	b.ResetTimer()
	for i := range b.N {
		w.Resize(fyne.NewSize(float32(500+i%2*10), 3000))
	}
}
