// Package mdhtml turns a markdown report into a small standalone HTML page.
// It lives outside journal/ so that the journal and its summaries never link
// a markdown engine: only the exports that ask for HTML do.
package mdhtml

import (
	"bytes"
	"fmt"
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// md renders with GFM tables. Raw HTML in the source is left out (goldmark
// is not in unsafe mode), and free text is escaped before it gets there.
var md = goldmark.New(goldmark.WithExtensions(extension.Table))

// Page wraps rendered markdown in a small standalone page.
func Page(title, markdown string) ([]byte, error) {
	var body bytes.Buffer
	if err := md.Convert([]byte(markdown), &body); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.2rem .5rem}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th,td{border-color:#555}}</style>
</head><body>
`, html.EscapeString(title))
	b.Write(body.Bytes())
	b.WriteString("</body></html>\n")
	return b.Bytes(), nil
}
